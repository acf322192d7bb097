"""The command line (`python -m assistant`, `scrutiny`): the main group and its commands (main.py), the options and
error handling they share (options.py), the tracker commands (track.py) and `fetch moderngov` (fetch.py)."""

from .main import main

__all__ = ["main"]
