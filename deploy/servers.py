"""Starting, checking and stopping ``streamlit run`` processes.

The one place that knows how: the hosted topology without Docker (:mod:`deploy.local`),
the browser tests (``tests/e2e/conftest.py``) and the benchmarks (``benchmarks/_common.py``)
all start their servers here. A server is stopped by its own process, never by name.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from loaders import ROOT

#: Options every server gets: on loopback, headless, no usage statistics, no file watching.
BASE_OPTIONS = (
    "--server.address",
    "127.0.0.1",
    "--server.headless",
    "true",
    "--browser.gatherUsageStats",
    "false",
    "--server.fileWatcherType",
    "none",
    "--server.runOnSave",
    "false",
)


def free_port(host: str = "127.0.0.1") -> int:
    """A port the system says is free right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    """True when ``url`` answers ``/_stcore/health`` with 200."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@dataclass
class Server:
    """One ``streamlit run`` process on 127.0.0.1:port, its output in ``log``."""

    process: subprocess.Popen
    port: int
    log: Path
    base_path: str = ""

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def address(self) -> str:
        """As nginx writes it in ``$upstream_addr``."""
        return f"127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.address}{self.base_path}"


def start(
    port: int,
    log: Path,
    script: str | Path = "app.py",
    options: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    base_path: str = "",
) -> Server:
    """Start ``python -m streamlit run script`` on ``port`` (not waiting: see :func:`wait_healthy`).

    ``env`` replaces the environment when given (callers add to ``os.environ`` themselves).
    """
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port), *BASE_OPTIONS]
    if base_path:
        command += ["--server.baseUrlPath", base_path.strip("/")]
    command += list(options)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=dict(env) if env is not None else None
        )
    return Server(process, port, log, base_path)


def wait_until(check, what: str, servers: Sequence[tuple[subprocess.Popen, Path]], timeout: float = 90) -> None:
    """Poll ``check()`` until true; fail early, with the log's tail, when one of the processes exits."""
    deadline = time.monotonic() + timeout
    while not check():
        for process, log in servers:
            if process.poll() is not None:
                tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
                raise RuntimeError(f"{what}: a process exited with {process.returncode}; see {log}:\n{tail}")
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"{what}: not healthy within {timeout:.0f}s; see {', '.join(str(g) for _, g in servers)}"
            )
        time.sleep(0.2)


def wait_healthy(server: Server, timeout: float = 90) -> Server:
    """Wait for ``server`` to answer /_stcore/health (the error names its log)."""
    wait_until(lambda: healthy(server.url), "streamlit", [(server.process, server.log)], timeout)
    return server


def stop(process: subprocess.Popen) -> None:
    """Terminate a process we started (kill it after 10 s)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextlib.contextmanager
def serving(
    log: Path,
    script: str | Path = "app.py",
    port: int | None = None,
    options: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    timeout: float = 90,
) -> Iterator[Server]:
    """A healthy server for the ``with`` block, stopped after it (also when it never became healthy)."""
    server = start(port or free_port(), log, script, options, env)
    try:
        yield wait_healthy(server, timeout)
    finally:
        stop(server.process)


def environment(extra: Mapping[str, str] | None = None, drop: Sequence[str] = ()) -> dict[str, str]:
    """This process's environment without ``drop`` and with ``extra``."""
    return {**{k: v for k, v in os.environ.items() if k not in drop}, **(extra or {})}
