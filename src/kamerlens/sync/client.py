"""A polite HTTP client for the open-data services: timeouts, retries with backoff, a rate limit.

429 and 5xx answers and network errors are retried with exponential backoff (honouring
``Retry-After``); requests are spaced so the services see at most ``rate`` requests a second.
Every failure a user can meet becomes one :class:`SyncError` line naming the URL.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from kamerlens.errors import SyncError

USER_AGENT = "kamerlens (open-data sync)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_BODY = 200 * 1024 * 1024  # a document file larger than this is refused, not read


def rebase(link: str, base: str) -> str:
    """``link`` on the host of ``base``: a feed's absolute links name the real service, and a
    mirror or a test server given as ``--base-url`` must be asked instead."""
    parts, root = urlsplit(link), urlsplit(base)
    if not parts.netloc or parts.netloc == root.netloc:
        return link if parts.netloc else base.rstrip("/") + "/" + link.lstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{base.rstrip('/')}{parts.path}{query}"


def _body(response: httpx.Response, url: str) -> bytes:
    """The (decoded) body of a streamed answer, up to ``MAX_BODY`` bytes."""
    limit = MAX_BODY
    announced = response.headers.get("content-length", "")
    if announced.isdigit() and int(announced) > limit:
        raise SyncError(
            f"answer larger than {limit} bytes (Content-Length {announced})", source=url
        )
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise SyncError(f"answer larger than {limit} bytes", source=url)
    return bytes(body)


class Client:
    """GET with retries. ``transport`` lets tests inject one; ``sleep`` lets them skip waiting."""

    def __init__(
        self,
        *,
        timeout: float = 30.0,
        retries: int = 4,
        backoff: float = 1.0,
        rate: float = 4.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.retries = retries
        self.backoff = backoff
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.sleep = sleep
        self.requests = 0  # every request sent, retries included
        self.retried = 0
        self._last = 0.0
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"user-agent": USER_AGENT},
            follow_redirects=True,
            transport=transport,
        )

    def _wait_turn(self) -> None:
        gap = self._last + self.interval - time.monotonic()
        if gap > 0:
            self.sleep(gap)
        self._last = time.monotonic()

    def _delay(self, attempt: int, retry_after: str) -> float:
        if retry_after.isdigit():
            return min(float(retry_after), 120.0)
        return float(self.backoff * 2**attempt)

    def get(self, url: str) -> bytes:
        """The body of the answer to GET ``url`` (status 2xx), after up to ``retries`` retries.

        A body over ``MAX_BODY`` is refused by its Content-Length, or as soon as that much has
        come: it is read as it streams in, never whole into memory first."""
        last_error = ""
        for attempt in range(self.retries + 1):
            self._wait_turn()
            self.requests += 1
            status, retry_after = 0, ""
            try:
                with self._http.stream("GET", url) as response:
                    if response.status_code < 300:
                        return _body(response, url)
                    status = response.status_code
                    retry_after = response.headers.get("retry-after", "")
            except httpx.TimeoutException:
                last_error = "timed out"
            except httpx.TransportError as exc:
                last_error = f"cannot be reached ({type(exc).__name__}: {exc})"
            except httpx.DecodingError as exc:
                raise SyncError(
                    f"answered a body that cannot be decoded ({exc})", source=url
                ) from exc
            if status:
                last_error = f"answered HTTP {status}"
                if status not in RETRY_STATUS:
                    raise SyncError(last_error, source=url)
            if attempt < self.retries:
                self.retried += 1
                self.sleep(self._delay(attempt, retry_after))
        raise SyncError(f"{last_error} (after {self.retries + 1} attempts)", source=url)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Client", "rebase"]
