"""A bounded load test: N simulated users against one Streamlit server on loopback serving a large
synthetic build, for a fixed time. Each user speaks Streamlit's own websocket protocol, as the browser
does, without drawing anything (so the load is the server's, not this machine's browser): it opens a
shared link (a page with a country filter: a new session), then switches pages in that session a few
times, then opens another link. Prints the error count (exceptions or error messages on a page, failed
runs, dropped connections; goal 0), each page's median and slowest run as the user waits for it (from
the request to the run's last message), and the server's memory (RSS, sampled). Loopback only; stops
by itself.

    python bench/load_test.py [--sessions 20] [--seconds 60] [--size 10000 | --build DIR]

The build is made from the synthetic corpus once (bench/page_times.py's folder) and reused. Prints
figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PAGES = ["", "timeline", "map", "themes", "people", "sources", "data", "review", "briefing"]
RUN_TIMEOUT_S = 300   # a run that takes longer counts as an error


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(build: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """`streamlit run` on 127.0.0.1 only, on the build; waits for its health check."""
    port = _free_port()
    env = dict(os.environ, DASHBOARD_BUILD_DIR=str(build))
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(REPO / "dashboard" / "app.py"),
                             "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
                             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                            cwd=REPO, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"the server did not start; see {log}")


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (MB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def rerun(query: str, page: str) -> bytes:
    """The message a browser sends to run the app: the URL's query string and page."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = page
    return msg.SerializeToString()


async def run_once(ws, query: str, page: str) -> tuple[float, list[str]]:
    """Ask for one run and read the server's messages to its end; (seconds, problems seen)."""
    from streamlit.proto.Alert_pb2 import Alert
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    t0 = time.perf_counter()
    await ws.send(rerun(query, page))
    problems = []
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await asyncio.wait_for(ws.recv(), RUN_TIMEOUT_S))
        if msg.HasField("delta") and msg.delta.HasField("new_element"):
            el = msg.delta.new_element
            if el.HasField("exception"):
                problems.append(f"exception on {page or 'overview'}: {el.exception.message[:120]}")
            elif el.HasField("alert") and el.alert.format == Alert.ERROR:
                problems.append(f"error message on {page or 'overview'}: {el.alert.body[:120]}")
        if msg.HasField("page_not_found"):
            problems.append(f"page not found: {page}")
        if msg.HasField("script_finished"):
            if msg.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                problems.append(f"run on {page or 'overview'} ended with status {msg.script_finished}")
            return time.perf_counter() - t0, problems


async def session(base: str, countries: list[str], until: float, rng: random.Random, stats: dict) -> None:
    """One user: a shared link (new session), a few page switches in it, then another link."""
    import websockets
    url = base.replace("http://", "ws://") + "/_stcore/stream"
    while time.monotonic() < until:
        query = f"country={rng.choice(countries)}" if rng.random() < 0.7 else ""
        try:
            async with websockets.connect(url, subprotocols=["streamlit"], origin=base, max_size=None,
                                          open_timeout=RUN_TIMEOUT_S) as ws:
                for _ in range(rng.randint(2, 5)):
                    if time.monotonic() >= until:
                        break
                    page = rng.choice(PAGES)
                    seconds, problems = await run_once(ws, query, page)
                    stats["times"].setdefault(page or "overview", []).append(seconds)
                    stats["actions"] += 1
                    stats["errors"] += problems
        except Exception as exc:  # noqa: BLE001 - every failure is a figure, not a crash
            stats["errors"].append(f"{type(exc).__name__}: {str(exc)[:160]}")


async def sample_memory(pid: int, until: float, samples: list[float]) -> None:
    while time.monotonic() < until:
        samples.append(rss_mb(pid))
        await asyncio.sleep(0.5)


async def run(base: str, pid: int, countries: list[str], sessions: int, seconds: float) -> dict:
    stats: dict = {"times": {}, "errors": [], "actions": 0}
    memory: list[float] = []
    until = time.monotonic() + seconds
    await asyncio.gather(sample_memory(pid, until + 2, memory),
                         *(session(base, countries, until, random.Random(i), stats) for i in range(sessions)))
    stats["memory"] = memory
    return stats


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--size", default="10000", help="synthetic articles (built once into bench/.builds)")
    parser.add_argument("--build", type=Path, default=None, help="an existing build folder instead")
    args = parser.parse_args(argv)
    if args.build is None:
        sys.path.insert(0, str(HERE))
        from page_times import build_for
        args.build = build_for(args.size)
    import pandas as pd
    participants = pd.read_parquet(args.build / "participants.parquet", columns=["iso3"])
    countries = participants["iso3"].value_counts().index[:40].tolist()
    log = HERE / ".builds" / "load_test_server.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    proc, base = start_server(args.build, log)
    try:
        idle = rss_mb(proc.pid)
        t0 = time.monotonic()
        stats = asyncio.run(run(base, proc.pid, countries, args.sessions, args.seconds))
        wall = time.monotonic() - t0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    events = sum(1 for _ in open(args.build / "events.csv", encoding="utf-8")) - 1
    print(f"load test: {args.sessions} sessions for {args.seconds:.0f} s ({wall:.0f} s with start and stop) "
          f"on {args.build} ({events} events)")
    print(f"  actions completed: {stats['actions']}; errors: {len(stats['errors'])} (goal 0)")
    for e in stats["errors"][:10]:
        print(f"    {e}")
    for title, times in sorted(stats["times"].items(), key=lambda kv: -max(kv[1])):
        print(f"  {title:10s} n={len(times):3d}  median {statistics.median(times):5.2f} s  slowest {max(times):5.2f} s")
    if stats["times"]:
        worst = max(stats["times"], key=lambda t: max(stats["times"][t]))
        print(f"  slowest page: {worst} {max(stats['times'][worst]):.1f} s (request to the run's last message)")
    print(f"  server memory (RSS): {idle:.0f} MB idle, peak {max(stats['memory'] or [idle]):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
