"""Load-test the search API: requests/s and latency percentiles at N concurrent clients.

Starts the real server (``kamerlens serve``) in its own process on a free loopback port, then
runs a bounded asyncio/httpx load loop against ``/api/search`` with mixed broad and rare
queries. Everything stays on 127.0.0.1; the loop stops after ``--requests`` requests or
``--seconds`` seconds, whichever comes first, and the server is stopped at the end.

    python bench/web_bench.py --db big.db                    # a store you built (100,000 docs)
    python bench/web_bench.py --docs 2000                    # a quick run on a synthetic store

Goal (issue 4): p95 under 100 ms at 50 concurrent clients on the 100,000-document store.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parent.parent
# Mixed queries: broad words that hit most documents, rarer ones, phrases, boolean and prefix.
QUERIES = [
    "NAVO",
    "Oekraïne",
    "Kamer",
    "minister",
    "steun",
    "samenwerking",
    "infrastructuur",
    "Europese Unie",
    '"kritieke infrastructuur"',
    "cyber*",
    "NAVO AND Oekraïne",
    "Noordzee OR Oostzee",
    "sancties NOT Rusland",
    "desinformatie",
    "weerbaarheid",
    "trust fund",
    "energievoorziening",
    "Moldavië",
    "Indo-Pacific",
    "motie",
    "toezegging",
    "begroting",
    "strategie*",
    "NEAR(steun Oekraïne, 10)",
    "Raad Buitenlandse Zaken",
]
FILTERS = [{}, {}, {}, {"sort": "date"}, {"since": "2022"}, {"kind": "verslag"}]
# For cache-busting runs: pairs of these give thousands of distinct questions.
WORDS = [
    "steun",
    "samenwerking",
    "sancties",
    "energie",
    "cyber",
    "begroting",
    "migratie",
    "klimaat",
    "handel",
    "veiligheid",
    "defensie",
    "onderwijs",
    "zorg",
    "water",
    "NAVO",
    "Oekraïne",
    "Rusland",
    "China",
    "Kamer",
    "minister",
    "motie",
    "strategie",
    "infrastructuur",
    "Noordzee",
    "Georgië",
    "Moldavië",
    "Finland",
    "Zweden",
    "trust",
    "fonds",
    "weerbaarheid",
    "top",
]


def question(rng: random.Random, unique: bool) -> dict[str, str]:
    if not unique:
        return {"q": rng.choice(QUERIES), **rng.choice(FILTERS)}
    a, b = rng.sample(WORDS, 2)
    q = rng.choice([f"{a} {b}", f"{a} OR {b}", f'"{a}" {b}*'])
    return {"q": q, "since": str(rng.randint(2010, 2024)), **rng.choice(FILTERS[:4])}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def synthetic_store(path: Path, docs: int, seed: int = 7) -> None:
    """A store of ``docs`` variants of the bundled letters (numbers, dates and words varied)."""
    from kamerlens.extract import extract_raw
    from kamerlens.ingest import read
    from kamerlens.store import open_store

    rng = random.Random(seed)
    letters = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/letters").glob("*.txt"))
    ]
    words = [
        "steun",
        "samenwerking",
        "sancties",
        "energie",
        "cyber",
        "begroting",
        "migratie",
        "klimaat",
        "handel",
        "veiligheid",
        "defensie",
        "onderwijs",
        "zorg",
        "water",
    ]
    store = open_store(path)
    try:
        for n in range(docs):
            text = letters[n % len(letters)]
            year = str(2015 + n % 10)
            text = text.replace("2022", year).replace("2023", str(int(year) + 1))
            extra = " ".join(rng.choice(words) for _ in range(40))
            body = (
                f"{text}\n\nBijlage {n}: {extra} (Kamerstuk {30000 + n % 6000}, nr. {n % 400}).\n"
            )
            raw = read(body.encode("utf-8"), name=f"bench-{n:06d}.txt")
            store.add(raw, extract_raw(raw))
    finally:
        store.close()


async def _get(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str
) -> tuple[int, bytes]:
    """One HTTP/1.1 keep-alive GET on an open connection: (status, body)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return status, await reader.readexactly(length)


async def _client(
    host: str,
    port: int,
    stop_at: float,
    budget: list[int],
    latencies: list[float],
    errors: list[str],
    rng: random.Random,
    unique: bool = False,
) -> None:
    """One client on its own keep-alive connection, asking until the budget or time runs out.

    A bare asyncio HTTP/1.1 client: a generic HTTP library would spend more CPU per request
    than the server does, and measure itself rather than the server.
    """
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while budget[0] > 0 and time.perf_counter() < stop_at:
            budget[0] -= 1
            params = question(rng, unique)
            path = f"/api/search?{urlencode(params)}"
            t0 = time.perf_counter()
            try:
                status, body = await asyncio.wait_for(
                    _get(reader, writer, f"{host}:{port}", path), 30
                )
            except (TimeoutError, OSError, asyncio.IncompleteReadError) as exc:
                errors.append(f"{type(exc).__name__} {params['q']}")
                return
            latencies.append(time.perf_counter() - t0)
            if status != 200:
                errors.append(f"{status} {params['q']}: {body[:120].decode(errors='replace')}")
    finally:
        writer.close()


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process ``pid`` and all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += times.get(current, 0.0)
        todo += [child for child, parent in parents.items() if parent == current]
    return total


async def load(
    host: str,
    port: int,
    clients: int,
    requests: int,
    seconds: float,
    unique: bool,
    server_pid: int | None = None,
) -> dict[str, object]:
    """Run the clients; with ``server_pid`` also the server's CPU per answer (all its
    processes) and this load loop's own, both measured over the same requests."""
    warm: list[float] = []
    await asyncio.gather(
        *(
            _client(host, port, time.perf_counter() + 30, [2], warm, [], random.Random(i))
            for i in range(min(clients, 20))
        )
    )
    latencies: list[float] = []
    errors: list[str] = []
    budget = [requests]
    server0 = tree_cpu(server_pid) if server_pid else 0.0
    client0 = time.process_time()
    start = time.perf_counter()
    await asyncio.gather(
        *(
            _client(
                host,
                port,
                start + seconds,
                budget,
                latencies,
                errors,
                random.Random(100 + i),
                unique,
            )
            for i in range(clients)
        )
    )
    elapsed = time.perf_counter() - start
    server_cpu = tree_cpu(server_pid) - server0 if server_pid else float("nan")
    client_cpu = time.process_time() - client0
    ms = sorted(x * 1000 for x in latencies)
    answered = max(1, len(ms))

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, int(p * len(ms)))] if ms else float("nan")

    return {
        "mode": "distinct questions" if unique else "popular questions",
        "clients": clients,
        "requests": len(ms),
        "errors": len(errors),
        "first_errors": errors[:3],
        "seconds": round(elapsed, 2),
        "requests_per_s": round(len(ms) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(pct(0.50), 1),
        "p95_ms": round(pct(0.95), 1),
        "p99_ms": round(pct(0.99), 1),
        "max_ms": round(ms[-1], 1) if ms else None,
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        "server_cpu_ms": round(server_cpu / answered * 1000, 2),
        "client_cpu_ms": round(client_cpu / answered * 1000, 2),
        "load_average": round(os.getloadavg()[0], 1),
    }


def serve(
    db: Path | str, port: int, workers: int = 1, source: Path | None = None
) -> subprocess.Popen[bytes]:
    """``kamerlens serve`` of this checkout, or of the source tree ``source`` (its ``src/``
    first on the path, the same installed libraries), until terminated."""
    exe = Path(sys.executable).with_name("kamerlens")
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(Path(source).resolve() / "src")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
        + ["--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit(
                f"the server stopped: {proc.stderr.read().decode() if proc.stderr else ''}"
            )
    proc.terminate()
    raise SystemExit("the server did not start within 60 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--db", help="an existing store: a file (bench/store_bench.py) or a postgresql:// URL"
    )
    ap.add_argument(
        "--workers", default="1", help="server processes (serve --workers), e.g. 1 or 1,2"
    )
    ap.add_argument(
        "--docs", type=int, default=2000, help="size of the synthetic store without --db"
    )
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=3000, help="stop after this many requests")
    ap.add_argument("--seconds", type=float, default=60.0, help="stop after this long")
    ap.add_argument(
        "--unique",
        action="store_true",
        help="only the run of distinct questions (every answer computed afresh)",
    )
    ap.add_argument(
        "--baseline",
        type=Path,
        help="also serve the same store from this source tree (e.g. an export of main), run"
        " by run with this checkout, so both are measured side by side on the same machine",
    )
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    if args.clients < 1 or args.clients > 500 or args.requests < 1 or args.seconds <= 0:
        raise SystemExit("clients must be 1..500, requests >= 1, seconds > 0")
    sources: list[tuple[str, Path | None]] = [("this checkout", None)]
    if args.baseline is not None:
        if not (args.baseline / "src" / "kamerlens").is_dir():
            raise SystemExit(f"{args.baseline}: no src/kamerlens in it")
        sources.insert(0, (f"baseline {args.baseline}", args.baseline))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "bench.db"
            t0 = time.perf_counter()
            synthetic_store(db, args.docs)
            print(
                f"built a synthetic store of {args.docs} documents in "
                f"{time.perf_counter() - t0:.1f} s",
                file=sys.stderr,
            )
        elif not db.startswith(("postgresql://", "postgres://")) and not Path(db).exists():
            raise SystemExit(f"{db}: no such store")
        results = []
        for workers in (int(w) for w in args.workers.split(",")):
            for name, source in sources:
                for r in run_server(args, db, workers, source):
                    results.append({"server": name, "workers": workers, **r})
                    if not args.json:
                        report(results[-1])
    if args.json:
        print(json.dumps(results, indent=2))


def run_server(
    args: argparse.Namespace, db: Path | str, workers: int, source: Path | None
) -> list[dict[str, object]]:
    port = free_port()
    proc = serve(db, port, workers, source)
    try:
        docs = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=10).json()["documents"]
        return [
            {
                "documents": docs,
                **asyncio.run(
                    load(
                        "127.0.0.1",
                        port,
                        args.clients,
                        args.requests,
                        args.seconds,
                        unique,
                        server_pid=proc.pid,
                    )
                ),
            }
            for unique in ((True,) if args.unique else (False, True))
        ]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def report(result: dict[str, object]) -> None:
    print(
        f"/api/search on {result['documents']:,} documents, {result['mode']}, "
        f"{result['clients']} concurrent clients; {result.get('server', 'this checkout')},"
        f" serve --workers {result.get('workers', 1)}:"
    )
    print(
        f"  {result['requests']} requests in {result['seconds']} s = "
        f"{result['requests_per_s']} requests/s, {result['errors']} errors"
    )
    print(
        f"  latency p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
        f"p99 {result['p99_ms']} ms, max {result['max_ms']} ms"
    )
    print(
        f"  CPU per answer: server {result['server_cpu_ms']} ms (all its processes),"
        f" this load loop {result['client_cpu_ms']} ms; load average {result['load_average']}"
        f" on {os.cpu_count()} shared cores"
    )
    verdict = "meets" if result["p95_ms"] < 100 else "misses"  # type: ignore[operator]
    print(f"  goal p95 < 100 ms: {verdict}")
    for line in result["first_errors"]:  # type: ignore[attr-defined]
        print(f"  error: {line}")


if __name__ == "__main__":
    main()
