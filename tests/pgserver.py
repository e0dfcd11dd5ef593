"""A throw-away PostgreSQL server for the tests and benchmarks: ``initdb`` into a temporary
folder, ``pg_ctl start`` on a free port on 127.0.0.1, stopped (and the folder removed) at the end.

PostgreSQL refuses to run as root, so as root the server runs as the user ``postgres`` (the
folder is handed to it); as anyone else it runs as that user. ``KAMERLENS_TEST_PG`` (a
``postgresql://`` URL of a server where databases may be created) skips all this. Given a
``folder``, the server keeps its data there: started again on it, it skips ``initdb`` and finds
its databases as they were (the benchmarks build a 100,000-document store once).

    python tests/pgserver.py            # start one by hand, print its URL, stop on Enter
    python tests/pgserver.py DIR        # the same, its data kept in DIR
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ENV = "KAMERLENS_TEST_PG"
# speed over durability: a test server holds nothing that must survive a power cut
TEST_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


class PgUnavailable(RuntimeError):
    """PostgreSQL cannot be started here (binaries missing, no user to run it as ...)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tool(name: str) -> str | None:
    """A server binary: on PATH, or where Debian's postgresql packages put it."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(versions[-1]) if versions else None


def _as_owner(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser is None:
        raise PgUnavailable("running as root and runuser is missing (PostgreSQL refuses root)")
    return [runuser, "-u", "postgres", "--", *cmd]


class PgServer:
    """One PostgreSQL server in a temporary folder; ``url(db)`` names a database on it."""

    def __init__(self, settings: dict[str, str] | None = None, folder: Path | None = None) -> None:
        self.settings = {**TEST_SETTINGS, **(settings or {})}
        self.kept = folder  # a folder of our own is removed at stop, a given one is kept
        self.folder: Path | None = None
        self.port = 0
        self.process_started = False

    def start(self) -> PgServer:
        for tool in ("initdb", "pg_ctl"):
            if _tool(tool) is None:
                raise PgUnavailable(f"{tool} is not on PATH (PostgreSQL 15 server binaries)")
        if self.kept is None:
            self.folder = Path(tempfile.mkdtemp(prefix="kamerlens-pg-"))
        else:
            self.folder = self.kept.resolve()
            self.folder.mkdir(parents=True, exist_ok=True)
        data = self.folder / "data"
        if os.geteuid() == 0:
            try:
                shutil.chown(self.folder, "postgres", "postgres")
            except (LookupError, OSError) as exc:
                raise PgUnavailable(f"no user 'postgres' to run the server as ({exc})") from exc
        if not (data / "PG_VERSION").exists():
            self._run(
                ["initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "--encoding=UTF8"]
                + ["--locale=C", "--no-sync"]
            )
        self.port = free_port()
        options = [
            f"-c port={self.port}",
            "-c listen_addresses=127.0.0.1",
            f"-c unix_socket_directories={self.folder}",
            "-c max_connections=200",
            *(f"-c {k}={v}" for k, v in self.settings.items()),
        ]
        self._run(
            ["pg_ctl", "-D", str(data), "-l", str(self.folder / "server.log"), "-w", "-t", "60"]
            + ["-o", " ".join(options), "start"]
        )
        self.process_started = True
        return self

    def _run(self, cmd: list[str]) -> None:
        cmd = [_tool(cmd[0]) or cmd[0], *cmd[1:]]
        done = subprocess.run(
            _as_owner(cmd), capture_output=True, text=True, timeout=120, cwd=self.folder
        )
        if done.returncode != 0:
            log = ""
            if self.folder and (self.folder / "server.log").exists():
                log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            raise PgUnavailable(
                f"{cmd[0]} failed ({done.returncode}): {done.stderr.strip()[-1000:]} {log}"
            )

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def stop(self) -> None:
        if self.folder is None:
            return
        if self.process_started:
            data = self.folder / "data"
            subprocess.run(
                _as_owner(
                    [_tool("pg_ctl") or "pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop"]
                ),
                capture_output=True,
                timeout=120,
            )
            self.process_started = False
        if self.kept is None:
            shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def __enter__(self) -> PgServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def create_database(admin_url: str, name: str, template: str | None = None) -> str:
    """Create database ``name`` on the server of ``admin_url``; returns its URL."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        extra = f' TEMPLATE "{template}"' if template else ""
        conn.execute(f'CREATE DATABASE "{name}"{extra}')
    base, _, _ = admin_url.rpartition("/")
    return f"{base}/{name}"


def wait_ready(url: str, seconds: float = 30) -> None:
    import psycopg

    deadline = time.monotonic() + seconds
    while True:
        try:
            psycopg.connect(url, connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


if __name__ == "__main__":
    import sys

    with PgServer(folder=Path(sys.argv[1]) if len(sys.argv) > 1 else None) as server:
        print(server.url(), flush=True)
        input("PostgreSQL is running; Enter stops it. ")
