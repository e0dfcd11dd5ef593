"""WAL checkpoints beside a batch ingest instead of inside it.

By default SQLite folds the WAL back into the database inside the COMMIT that crosses the
checkpoint size, so the single writer waits for page write-back and an fsync; in a store of
100,000 documents that was about half of the write time. During a batch ingest a thread with
its own connection checkpoints (PASSIVE: it never blocks the writer, nor readers) every second,
and the writer's own automatic checkpoint is off. ``stop`` restores it and folds the rest back.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import suppress
from pathlib import Path

INTERVAL_S = 1.0
AUTOCHECKPOINT_PAGES = 4000  # the writer's own checkpoint (16 MB) when no thread runs


class Checkpointer:
    def __init__(self, path: Path, writer: sqlite3.Connection) -> None:
        self.path = path
        self.writer = writer
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self.writer.execute("PRAGMA wal_autocheckpoint = 0")
        self._thread = threading.Thread(target=self._run, name="kamerlens-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=1.0, check_same_thread=False)
        try:
            while not self._stop.wait(INTERVAL_S):
                with suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()

    def stop(self) -> None:
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join()
        self._thread = None
        self.writer.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")


__all__ = ["Checkpointer"]
