"""Exceptions the CLI turns into one-line messages (kept here so that `ask` need not import the indexer)."""


class UsageError(Exception):
    """Bad paths or arguments; str(e) is one line telling the user what to do."""


class IndexFailed(RuntimeError):
    """Nothing could be indexed, so the index was left as it was; str(e) is one line saying why."""
