"""A local stand-in for the open-data services, on 127.0.0.1 (tests never touch the internet).

It serves the constructed fixtures in the services' URL patterns: ``/SyncFeed/2.0/Feed?category=C``
(``<root>/feed/C/start.xml``, or ``.../<skiptoken>.xml``; an unknown skiptoken answers an empty
page, as the real feed does once a client is up to date), ``/SyncFeed/2.0/Resources/<id>``
(``<root>/resources/<id>.*``) and, for KOOP, ``/sru`` and ``/frbr/...`` from ``<root>/koop/``.
Tests can make a path fail first (``fail``), hang (``hang``), answer a body that does not end
(``endless``, counting what it wrote in ``sent``) and read what was asked (``log``).
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sync"
EMPTY = """<?xml version="1.0" encoding="utf-8"?>
<!-- CONSTRUCTED: the empty page a client gets when it is up to date (no entries, no next). -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{category}</title>
  <id>https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?category={category}</id>
  <updated>2025-10-01T08:00:00Z</updated>
  <author><name>Tweede Kamer der Staten-Generaal</name></author>
</feed>
"""
ENDLESS_CAP = 256 * 1024 * 1024  # an "endless" body ends here all the same
TYPES = {".xml": "application/xml", ".docx": "application/octet-stream", ".pdf": "application/pdf"}


class FeedServer:
    def __init__(self, root: Path = FIXTURES) -> None:
        self.root = root
        self.log: list[str] = []
        self.fail: dict[str, list[int]] = {}  # path+query prefix -> statuses to answer first
        self.hang: dict[str, float] = {}  # path+query prefix -> seconds to wait before answering
        # path prefix -> the Content-Length to announce (None: none) of a body that never ends
        self.endless: dict[str, int | None] = {}
        self.sent: dict[str, int] = {}  # bytes of endless bodies written, by path
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
                server.log.append(self.path)
                for prefix, seconds in server.hang.items():
                    if self.path.startswith(prefix):
                        time.sleep(seconds)
                for prefix, announced in server.endless.items():
                    if self.path.startswith(prefix):
                        self._flood(announced)
                        return
                for prefix, statuses in server.fail.items():
                    if self.path.startswith(prefix) and statuses:
                        self._send(statuses.pop(0), b"<error/>", "application/xml")
                        return
                status, body, kind = server.answer(self.path)
                self._send(status, body, kind)

            def _flood(self, announced: int | None) -> None:
                """Bytes until the client hangs up (bounded: ENDLESS_CAP bytes, 30 s)."""
                self.send_response(200)
                self.send_header("content-type", "application/octet-stream")
                if announced is not None:
                    self.send_header("content-length", str(announced))
                self.send_header("connection", "close")
                self.end_headers()
                chunk, sent, deadline = b"0" * 65536, 0, time.monotonic() + 30
                try:
                    while sent < ENDLESS_CAP and time.monotonic() < deadline:
                        self.wfile.write(chunk)
                        sent += len(chunk)
                        server.sent[self.path] = sent
                except OSError:
                    pass  # the client stopped reading: what a limit is for
                self.close_connection = True

            def _send(self, status: int, body: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def answer(self, path: str) -> tuple[int, bytes, str]:
        parts = urlsplit(path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if parts.path == "/SyncFeed/2.0/Feed":
            category = query.get("category", "")
            page = self.root / "feed" / category / f"{query.get('skiptoken', 'start')}.xml"
            if page.is_file():
                return 200, page.read_bytes(), "application/atom+xml"
            return 200, EMPTY.format(category=category).encode(), "application/atom+xml"
        if parts.path.startswith("/SyncFeed/2.0/Resources/"):
            entity = parts.path.rsplit("/", 1)[-1]
            for found in sorted((self.root / "resources").glob(f"{entity}.*")):
                return 200, found.read_bytes(), TYPES.get(found.suffix, "application/octet-stream")
            return 404, b"not found", "text/plain"
        if parts.path == "/sru":
            start = query.get("startRecord", "1")
            page = self.root / "koop" / f"sru-{start}.xml"
            if page.is_file():
                return 200, page.read_bytes(), "text/xml"
            return 404, b"not found", "text/plain"
        if parts.path.startswith("/frbr/"):
            found = self.root / "koop" / parts.path.rsplit("/", 1)[-1]
            if found.is_file():
                return 200, found.read_bytes(), "application/xml"
        return 404, b"not found", "text/plain"

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
