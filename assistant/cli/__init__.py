"""The command line (`python -m assistant`, `scrutiny`): the main group and its commands (main.py), the tracker
commands (track.py); `fetch` comes from assistant/fetch/command.py."""

from .main import main

__all__ = ["main"]
