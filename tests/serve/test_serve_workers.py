"""``kamerlens serve --workers 2``: two server processes on one port over one store (a SQLite
file, or a PostgreSQL database, which is what several server processes are for)."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _cli() -> str:
    exe = Path(sys.executable).with_name("kamerlens")
    found = str(exe) if exe.exists() else shutil.which("kamerlens")
    assert found, "the kamerlens command is not installed (pip install -e .)"
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_workers_answer_from_several_processes(store_db) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    proc = subprocess.Popen(
        [_cli(), "serve", "--db", str(store_db), "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        answers = []
        while time.monotonic() < deadline and len(answers) < 20:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/search?q=navo", timeout=10)
            except httpx.TransportError:
                time.sleep(0.3)
                continue
            assert r.status_code == 200, r.text
            answers.append(r.json()["total"])
        assert len(answers) == 20 and len(set(answers)) == 1 and answers[0] > 0
    finally:
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=60)
    workers = set(re.findall(r"Started server process \[(\d+)\]", out))
    assert len(workers) == 2, out
