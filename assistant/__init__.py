"""Scrutiny Assistant: cited answers from council committee reports and Ofsted inspection findings."""

__version__ = "0.1.0"

__all__ = ["Assistant", "__version__"]


def __getattr__(name: str):  # lazy, so `python -m assistant --help` stays fast
    if name == "Assistant":
        from .api import Assistant

        return Assistant
    raise AttributeError(name)
