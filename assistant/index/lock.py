"""One writer per index: an exclusive lock on ``<index>/.lock`` (filelock), taken by every step that writes an index.

Readers never take it: a version folder is complete before CURRENT points at it, and a reader keeps the files of the
version it loaded open. The holder writes its pid and start time to ``.lock.info`` so that a second writer can say
whom it is waiting for. The lock belongs to an open file: a writer that is killed releases it with its process.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = ".lock"
INFO_NAME = ".lock.info"
_held = threading.local()  # index folders whose lock this thread holds -> depth (the lock is re-entrant per thread)


class IndexBusy(Exception):
    """Another process is writing the index and we were asked not to wait; str(e) is one line."""


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def holder(index_dir: Path) -> str:
    """'pid 1234, started 14:05' for the process holding the lock, or '' when unknown."""
    try:
        info = json.loads((Path(index_dir) / INFO_NAME).read_text())
        return f"pid {int(info['pid'])}, started {time.strftime('%H:%M', time.localtime(float(info['started'])))}"
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def busy_message(index_dir: Path) -> str:
    who = holder(index_dir)
    return f"another index build is running{f' ({who})' if who else ''} on {index_dir}"


@contextmanager
def writer_lock(index_dir: Path, *, wait: bool = True, log: Callable[[str], None] = _say) -> Iterator[None]:
    """Hold the index's writer lock for the block. A second writer logs whom it waits for and waits; with
    ``wait=False`` it raises IndexBusy instead."""
    index_dir = Path(index_dir)
    key = str(index_dir.resolve())
    depth: dict[str, int] = _held.__dict__.setdefault("depth", {})
    if depth.get(key):
        depth[key] += 1
        try:
            yield
        finally:
            depth[key] -= 1
        return
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise IndexBusy(f"{busy_message(index_dir)}; try again when it has finished, or leave out --no-wait "
                            "to wait for it.") from None
        log(f"{busy_message(index_dir)}; waiting…")
        lock.acquire(poll_interval=0.2)
    info = index_dir / INFO_NAME
    try:
        tmp = index_dir / f".lock.info-{os.getpid()}"
        tmp.write_text(json.dumps({"pid": os.getpid(), "started": time.time(), "command": " ".join(sys.argv)[:300]}))
        os.replace(tmp, info)
        depth[key] = 1
        yield
    finally:
        depth.pop(key, None)
        info.unlink(missing_ok=True)
        lock.release()
