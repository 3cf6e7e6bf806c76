"""Shared helpers for the benchmarks: the pages, their filter changes, servers, statistics.

Every benchmark prints its figures; none asserts a time (timings never belong in tests).
"""

from __future__ import annotations

import contextlib
import os
import platform
import socket
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the scripts run as files: put the project on sys.path
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from deploy import servers as server_process  # noqa: E402  (the one server helper)

EMPTY_APP = ROOT / "benchmarks" / "empty_app.py"
# Ports reserved for the benchmarks' own servers (loopback only).
PORTS = range(8621, 8641)


@dataclass(frozen=True)
class Page:
    """A page and one filter change on it, expressed both ways a client can make it.

    ``widget_key``/``values``: the widget a user flips (AppTest sets it, alternating).
    ``queries``: the same change as URL query strings, alternating; the pages seed their
    widgets from the URL whenever it differs from what they last wrote
    (``dashboard.st.urlstate.url_filters``), so a rerun with another query string is a filter change.
    """

    url_path: str  # "" is the overview (default page)
    script: str
    widget_key: str
    values: tuple
    queries: tuple[str, str]

    @property
    def label(self) -> str:
        return self.url_path or "overview"


PAGES: tuple[Page, ...] = (
    Page("", "pages/overview.py", "lang_widget", ("en", "ja"), ("lang=en", "lang=ja")),
    Page("treemap", "pages/treemap.py", "treemap.size", ("base", "request"), ("size=base", "size=request")),
    Page("compare", "pages/compare.py", "compare.level", ("account", "section"), ("level=account", "level=section")),
    Page("priority", "pages/priority.py", "priority.transfer", ("0", "1"), ("transfer=0", "transfer=1")),
    Page("items", "pages/items.py", "items.q", ("エネルギー", ""), ("q=エネルギー", "q=")),
    Page("quality", "pages/quality.py", "quality.status", (["gap"], ["ok"]), ("status=gap", "status=ok")),
    Page("glossary", "pages/glossary.py", "lang_widget", ("en", "ja"), ("lang=en", "lang=ja")),
)


def pick_pages(names: Sequence[str] | None) -> list[Page]:
    """The pages named on the command line (``overview`` for ""), all of them by default."""
    if not names:
        return list(PAGES)
    wanted = {"" if n == "overview" else n for n in names}
    return [p for p in PAGES if p.url_path in wanted]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile (with 30 runs: the 29th smallest)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-95 * len(ordered) // 100))  # ceil(0.95 n)
    return ordered[rank - 1]


def machine() -> str:
    """One line naming the machine and versions, printed with every benchmark."""
    import streamlit

    mem_kb = 0
    with contextlib.suppress(OSError), open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    return (
        f"machine: {os.cpu_count()} cores (nproc), {mem_kb / 1024 / 1024:.1f} GiB RAM, "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
        f"Streamlit {streamlit.__version__}; load average {os.getloadavg()[0]:.1f} at start"
    )


def free_port(exclude: Sequence[int] = ()) -> int:
    """A port in 8621–8640 nobody listens on."""
    for port in PORTS:
        if port in exclude:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8621-8640")


#: A ``streamlit run`` subprocess on 127.0.0.1:port (the one server helper, deploy.servers).
Server = server_process.Server


# Extra ``--key value`` options for every server the benchmarks start (``--server-option``),
# e.g. runner.postScriptGC=false to measure a configuration change side by side.
SERVER_OPTIONS: list[str] = []


def add_server_option_argument(parser) -> None:
    parser.add_argument(
        "--server-option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra Streamlit option for the servers started, e.g. runner.postScriptGC=false",
    )


def use_server_options(options: Sequence[str]) -> None:
    for option in options:
        key, _, value = option.partition("=")
        SERVER_OPTIONS.extend([f"--{key}", value])
    if options:
        print(f"server options: {' '.join(options)}")


def start_server(script: Path, port: int, timeout: float = 90) -> Server:
    """Start ``python -m streamlit run script`` headless and wait for /_stcore/health (log under /tmp)."""
    server = server_process.start(port, Path(f"/tmp/bench-streamlit-{port}.log"), script, SERVER_OPTIONS)
    try:
        return server_process.wait_healthy(server, timeout)
    except RuntimeError:
        server_process.stop(server.process)
        raise


def stop_server(server: Server) -> None:
    """Terminate the server by its pid (never by name)."""
    server_process.stop(server.process)


@contextlib.contextmanager
def servers(scripts: Sequence[Path]) -> Iterator[list[Server]]:
    """One server per script, each on its own port; all stopped on exit."""
    started: list[Server] = []
    try:
        for script in scripts:
            started.append(start_server(script, free_port([s.port for s in started])))
        yield started
    finally:
        for server in started:
            stop_server(server)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (/proc/PID/stat), immune to other processes' load."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident set size of a process in MiB (VmRSS from /proc)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# --- a Streamlit websocket client (the browser's protocol, without the browser) -------------


@dataclass
class RunResult:
    """One rerun as the browser sees it: round trip, bytes received, what came back."""

    seconds: float
    bytes_received: int
    messages: int
    exceptions: list[str]
    status: str  # the script_finished status name
    elements: dict[str, int] = field(default_factory=dict)  # new elements by type (plotly_chart: 1, ...)
    chart_bytes: list[int] = field(default_factory=list)  # each plotly_chart's figure JSON, bytes
    order: list[str] = field(default_factory=list)  # every new element's type, in the order it was sent


class StreamlitSession:
    """One browser tab: a websocket on /_stcore/stream speaking BackMsg/ForwardMsg.

    Like the frontend it offers the "streamlit" subprotocol, sends ``rerun_script`` with
    the URL's query string and page, and remembers the hashes of cacheable messages it
    received, sending them back so the server answers with short references
    (``cached_message_hashes``), as the browser's message cache does.
    """

    def __init__(self, port: int, base_path: str = "", user_agent: str | None = None) -> None:
        self.port = port
        self.base_path = base_path  # "/budget" behind a proxy with a baseUrlPath
        self.user_agent = user_agent  # a browser's ("Mozilla/…") gets what a browser tab gets
        self.ws = None
        self.cached_hashes: set[str] = set()
        self.widget_ids: dict[str, str] = {}  # element type → widget id seen (for the empty app)

    async def connect(self, timeout: float = 30) -> None:
        import websockets

        self.ws = await websockets.connect(
            f"ws://127.0.0.1:{self.port}{self.base_path}/_stcore/stream",
            subprotocols=["streamlit"],
            origin=f"http://127.0.0.1:{self.port}",
            max_size=None,
            open_timeout=timeout,
            ping_interval=None,
            compression=None,
            **({"user_agent_header": self.user_agent} if self.user_agent else {}),
        )

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def rerun(
        self,
        query_string: str = "",
        page_name: str = "",
        widget_states: list | None = None,
        timeout: float = 60,
    ) -> RunResult:
        """Send ``rerun_script`` and read ForwardMsgs until ``script_finished``."""
        import asyncio

        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        back = BackMsg()
        back.rerun_script.query_string = query_string
        back.rerun_script.page_name = page_name
        back.rerun_script.cached_message_hashes.extend(sorted(self.cached_hashes))
        for state in widget_states or []:
            back.rerun_script.widget_states.widgets.append(state)
        start = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        received = messages = 0
        exceptions: list[str] = []
        elements: dict[str, int] = {}
        chart_bytes: list[int] = []
        order: list[str] = []
        deadline = start + timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"no script_finished within {timeout}s")
            data = await asyncio.wait_for(self.ws.recv(), remaining)
            received += len(data)
            messages += 1
            msg = ForwardMsg()
            msg.ParseFromString(data)
            if msg.metadata.cacheable and msg.hash:
                self.cached_hashes.add(msg.hash)
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                element_type = element.WhichOneof("type")
                elements[element_type] = elements.get(element_type, 0) + 1
                order.append(element_type)
                if element_type == "plotly_chart":
                    chart_bytes.append(len(element.plotly_chart.spec.encode()))
                if element_type == "exception":
                    exceptions.append(f"{element.exception.type}: {element.exception.message}"[:200])
                elif element_type and hasattr(getattr(element, element_type), "id"):
                    self.widget_ids[element_type] = getattr(element, element_type).id
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                if status == "FINISHED_EARLY_FOR_RERUN":
                    continue
                return RunResult(
                    time.perf_counter() - start, received, messages, exceptions, status, elements, chart_bytes, order
                )


def text_input_state(widget_id: str, value: str):
    """The WidgetState the browser sends after typing ``value`` into a text_input."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    state = WidgetState(id=widget_id)
    state.string_value = value
    return state
