"""Real-browser fixtures: the dashboard served by `streamlit run` on a free loopback port, driven by
Debian's Chromium through Playwright, with the network cut off from everything but loopback.

- `chromium_path`: /usr/bin/chromium (or `chromium` on PATH); missing -> skip, or fail under CI=true.
- `app_url`: one Streamlit server for the session, on the seeds' build (the `build_dir` fixture of
  tests/conftest.py), stopped by its own process id afterwards.
- `browser`: one headless Chromium for the session (never `playwright install`).
- `app`: a fresh browser context + page per test, external requests aborted and recorded, console
  errors recorded, a screenshot saved to <repo>/screenshots/<test name>.png at teardown.

The suite's wall-clock time is printed at the end of the run ("browser suite: N s").
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
    # Belt and braces for "offline": no host name but loopback resolves, whatever the page asks for.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
HEALTH_TIMEOUT_S = 60
VIEWPORT = {"width": 1400, "height": 1000}
SCREENSHOT_MAX_HEIGHT = 8000

# Streamlit's frontend, opened on a page's own URL (/map, /timeline, …), first probes
# <page>/_stcore/health and <page>/_stcore/host-config, gets 404, then uses the base path: a known,
# harmless Streamlit behaviour (streamlit/streamlit#7074). Those two 404s are the only console
# errors the tests forgive.
_KNOWN_404 = re.compile(r"^/[^/]+(/[^/]+)*/_stcore/(health|host-config)$")

_SUITE = {"start": None, "end": None, "tests": 0}


# --- skip logic ---------------------------------------------------------------------------------

def _missing(reason: str):
    """Skip with a one-line reason; under CI=true a missing prerequisite is a failure instead."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium; the tests never download a browser."""
    path = "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else shutil.which("chromium")
    if not path:
        _missing("Chromium not found (/usr/bin/chromium or `chromium` on PATH): apt-get install chromium")
    return path


# --- the Streamlit server ----------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200 and r.read().strip() == b"ok"
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server we started, by its own process id: terminate, wait, then kill."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def _start_streamlit(build: Path, log_path: Path) -> tuple[subprocess.Popen, str]:
    """Start `streamlit run dashboard/app.py` and wait for its health endpoint (a few port tries)."""
    env = dict(os.environ, DASHBOARD_BUILD_DIR=str(build), PYTHONUNBUFFERED="1")
    last_log = ""
    for _attempt in range(3):
        port = _free_port()
        cmd = [
            sys.executable, "-m", "streamlit", "run", str(REPO / "dashboard" / "app.py"),
            "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        ]
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while time.monotonic() < deadline and proc.poll() is None:
            if _healthy(f"{base}/_stcore/health"):
                return proc, base
            time.sleep(0.25)
        _stop(proc)
        last_log = log_path.read_text(errors="replace")
        if "is not available" not in last_log:  # not a port race: give up now
            break
    raise RuntimeError(
        f"streamlit never answered ok on /_stcore/health within {HEALTH_TIMEOUT_S} s; its output:\n"
        + last_log[-4000:]
    )


def private_server(out: Path, seeds: Path, corrections: Path, log_path: Path) -> tuple[subprocess.Popen, str]:
    """A Streamlit server of its own on a private build, seeds folder and corrections file (for tests
    that write corrections or rebuild, so the session's server and build stay untouched); stop it
    with `_stop(proc)`."""
    saved = {k: os.environ.get(k) for k in ("DASHBOARD_SEEDS_DIR", "DASHBOARD_CORRECTIONS")}
    os.environ["DASHBOARD_SEEDS_DIR"], os.environ["DASHBOARD_CORRECTIONS"] = str(seeds), str(corrections)
    try:
        return _start_streamlit(out, log_path)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="session")
def app_url(chromium_path: str, build_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """Base URL of the dashboard served on the seeds' build; the server is stopped afterwards."""
    log_path = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    proc, base = _start_streamlit(build_dir, log_path)
    try:
        yield base
    finally:
        _stop(proc)


# --- the browser ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser(chromium_path: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class App:
    """One browser page on the dashboard, with what it saw: console errors and requests that tried
    to leave loopback (each was aborted)."""

    page: object
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    # navigation and waiting
    def goto(self, path: str = "/", query: str = "") -> None:
        url = self.base_url + "/" + path.lstrip("/") + (("?" + query) if query else "")
        self.page.goto(url)
        self.wait_for_run()

    def wait_for_run(self, title: str | None = None, timeout: float = 60_000) -> None:
        """Wait until Streamlit is connected and has finished running the script.

        A page title (h1) must be on screen first, so a fresh page's first run has begun (before it,
        the script state already reads "not running"); pass `title` after a page switch, where the
        old page's title lingers until the new run replaces it.
        """
        p = self.page
        p.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]', timeout=timeout)
        if title is None:
            p.wait_for_selector('[data-testid="stMain"] h1, [data-testid="stException"]', timeout=timeout)
        else:
            p.locator('[data-testid="stMain"] h1').filter(has_text=title).first.wait_for(timeout=timeout)
        p.wait_for_timeout(100)  # let a just-triggered rerun start before we look for "not running"
        p.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)
        p.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=timeout)
        p.wait_for_selector('[data-testid="stMainBlockContainer"]', state="visible", timeout=timeout)
        # Elements of the previous run stay, marked stale, until the run replaces them; widgets whose
        # code loads lazily (tables, select boxes, …) show a grey skeleton until it has. Wait for neither.
        p.wait_for_function(
            """() => !document.querySelector('[data-testid="stMain"] [data-stale="true"]')
                     && !document.querySelector('[data-testid="stSkeleton"], [data-testid="stSkeletonElement"],'
                                                + ' [data-testid="stAppSkeleton"]')""", timeout=timeout)

    def wait_for_charts(self, n_plotly: int = 0, n_deck: int = 0, n_tables: int = 0,
                        timeout: float = 30_000) -> None:
        """Wait until at least n plotly charts have drawn their SVG, n pydeck charts have a canvas and
        n dataframes have mounted (Streamlit loads these components lazily)."""
        if n_tables:
            self.page.wait_for_function(
                "n => document.querySelectorAll('[data-testid=\"stDataFrame\"]').length >= n",
                arg=n_tables, timeout=timeout)
        if n_plotly:
            self.page.wait_for_function(
                "n => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .js-plotly-plot .main-svg').length >= n",
                arg=n_plotly, timeout=timeout)
        if n_deck:
            self.page.wait_for_function(
                "n => document.querySelectorAll('[data-testid=\"stDeckGlJsonChart\"] canvas').length >= n",
                arg=n_deck, timeout=timeout)

    # what the page shows
    def exceptions(self) -> list[str]:
        """Text of every Streamlit exception box and error alert on the page."""
        loc = self.page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
        return [loc.nth(i).inner_text() for i in range(loc.count())]

    def headings(self) -> list[str]:
        return [t.strip() for t in self.page.locator(
            '[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3, '
            '[data-testid="stMain"] h4, [data-testid="stMain"] h5').all_inner_texts()]

    def plotly_data(self) -> list:
        """The data of every plotly chart on the page, as the browser holds it (graph div `.data`)."""
        return self.page.evaluate(
            """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')]
                 .map(gd => JSON.stringify((gd.data || []).map(t => ({x: t.x, y: t.y, z: t.z, name: t.name,
                                                                     customdata: t.customdata}))))""")

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.page.url).query)

    def assert_clean(self) -> None:
        """No exception box, no console error, no request that tried to leave loopback."""
        assert self.exceptions() == []
        assert self.console_errors == []
        assert self.external_requests == []

    def screenshot(self, path: Path) -> None:
        """Screenshot of the whole app: the viewport is stretched to the main area's scroll height
        (Streamlit scrolls inside its main element, so a plain full-page shot would stop at the fold)."""
        p = self.page
        old = p.viewport_size or VIEWPORT
        measure = ("() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
                   " return m ? m.scrollHeight : document.documentElement.scrollHeight }")
        try:
            height = old["height"]
            for _ in range(3):  # growing the viewport can relayout charts and change the height again
                want = int(min(max(p.evaluate(measure), old["height"]), SCREENSHOT_MAX_HEIGHT))
                if want == height:
                    break
                height = want
                p.set_viewport_size({"width": old["width"], "height": height})
                p.wait_for_timeout(500)
            p.screenshot(path=str(path))
        finally:
            p.set_viewport_size(old)


def _is_loopback(url: str) -> bool:
    u = urlparse(url)
    if u.scheme in ("data", "blob", "about", "chrome-extension"):
        return True
    return (u.hostname or "") in LOOPBACK


@pytest.fixture
def app(browser, app_url: str, request: pytest.FixtureRequest):
    """A fresh context and page on the dashboard: network cut to loopback, errors recorded,
    screenshot saved at the end (pass or fail)."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, service_workers="block")
    page = context.new_page()
    a = App(page=page, base_url=app_url)

    def route(r):
        if _is_loopback(r.request.url):
            r.continue_()
        else:
            a.external_requests.append(r.request.url)
            r.abort("internetdisconnected")

    def on_console(msg):
        if msg.type != "error":
            return
        where = (msg.location or {}).get("url", "")
        if "status of 404" in msg.text and _KNOWN_404.match(urlparse(where).path or ""):
            return
        a.console_errors.append(f"{msg.text} @ {where}")

    def on_websocket(ws):
        if not _is_loopback(ws.url):
            a.external_requests.append(ws.url)

    context.route("**/*", route)
    page.on("console", on_console)
    page.on("pageerror", lambda exc: a.console_errors.append(f"uncaught: {exc}"))
    page.on("websocket", on_websocket)
    try:
        yield a
    finally:
        SCREENSHOTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9._\[\]-]+", "_", request.node.name)
        try:
            a.screenshot(SCREENSHOTS / f"{name}.png")
        except Exception as exc:  # a screenshot must never hide the test's own result
            print(f"screenshot failed for {name}: {exc}")
        context.close()


# --- suite timing ----------------------------------------------------------------------------------

@pytest.fixture(scope="session", autouse=True)
def _time_browser_suite():
    """Wall clock from the first browser test's setup (server start, browser launch) to the end of
    the last browser test; the session fixture's own teardown comes only after the whole run."""
    _SUITE["start"] = time.monotonic()
    yield


@pytest.fixture(autouse=True)
def _count_browser_test(_time_browser_suite):
    _SUITE["tests"] += 1
    yield
    _SUITE["end"] = time.monotonic()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _SUITE["start"] is not None and _SUITE["end"] is not None:
        terminalreporter.write_line(
            f"browser suite: {_SUITE['end'] - _SUITE['start']:.1f} s ({_SUITE['tests']} tests, "
            "server start and browser launch included)")
