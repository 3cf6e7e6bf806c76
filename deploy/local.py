"""The hosted topology without Docker: N ``streamlit run`` replicas behind Debian's nginx.

    python -m deploy.local --replicas 3 --port 8080 [--base-path budget] [--frame-ancestors "'self'"]

Starts the replicas on free loopback ports, renders ``deploy/nginx/app.conf.template``
(the file the Docker topology uses) into a temporary folder with its own ``nginx.conf``
(pid and logs inside it, Streamlit's bundles gzipped and nginx's temp files in a second
one under /tmp: /etc/nginx is not needed), runs nginx in the
foreground, prints the URL once nginx and every replica answer ``/_stcore/health``, and on
SIGTERM or Ctrl-C stops everything it started, by pid, and removes the folder.

Tests and benchmarks use :func:`running` directly.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from deploy.servers import Server, free_port, healthy, start, stop, wait_until
from loaders import ROOT

TEMPLATE = ROOT / "deploy" / "nginx" / "app.conf.template"
STICKY_COOKIE = "stroute"
DEFAULT_COOKIE_ATTRIBUTES = "Path=/; HttpOnly; SameSite=Lax"
# Each request's upstream(s) and the sticky cookie: tests read which replica served what.
LOG_FORMAT = '$remote_addr [$time_local] "$request" $status $body_bytes_sent up=$upstream_addr cookie=$cookie_stroute'


# Text files worth compressing ahead of time (woff2 and png are compressed already).
PRECOMPRESS = (".js", ".mjs", ".css", ".svg", ".json", ".ttf", ".wasm")


def streamlit_static() -> Path:
    """The folder of Streamlit's hashed bundles (js/, css/, media/) in the installed package."""
    import streamlit

    return Path(streamlit.__file__).parent / "static" / "static"


def precompress(target: Path, source: Path | None = None) -> Path:
    """Copy Streamlit's bundles to ``target`` with a ``.gz`` beside every text file (for gzip_static).

    streamlit/static/static/js/index.DormvYxC.js → target/js/index.DormvYxC.js and
    target/js/index.DormvYxC.js.gz (gzip -9, no timestamp); woff2 and png are copied only.
    """
    import gzip

    shutil.copytree(source or streamlit_static(), target, dirs_exist_ok=True)
    for path in target.rglob("*"):
        if path.suffix in PRECOMPRESS and path.is_file():
            with path.open("rb") as raw, gzip.GzipFile(path.with_name(path.name + ".gz"), "wb", 9, mtime=0) as out:
                shutil.copyfileobj(raw, out)
    return target


def find_nginx() -> str:
    """nginx on PATH, else Debian's /usr/sbin/nginx; a clear error when neither exists."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if not found:
        raise SystemExit("deploy.local: nginx not found on PATH or at /usr/sbin/nginx (Debian: apt-get install nginx)")
    return found


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill ``${NAME}`` placeholders as the nginx image's envsubst does; nginx's ``$vars`` stay.

    >>> render("listen ${LISTEN}; set $x 1;", {"LISTEN": "8080"})
    'listen 8080; set $x 1;'
    """
    text = re.sub(r"\$\{([A-Z_]+)\}", lambda m: values.get(m.group(1), m.group(0)), template)
    missing = sorted(set(re.findall(r"\$\{([A-Z_]+)\}", text)))
    if missing:
        raise ValueError(f"no value for {', '.join(missing)} in {TEMPLATE.name}")
    return text


def placeholders(template: str) -> set[str]:
    """The ``${NAME}`` placeholders a template needs."""
    return set(re.findall(r"\$\{([A-Z_]+)\}", template))


def normalize_base_path(base_path: str) -> str:
    """``budget``, ``/budget/`` → ``/budget``; empty stays empty."""
    base_path = base_path.strip("/")
    return f"/{base_path}" if base_path else ""


#: One replica: a server of :mod:`deploy.servers`.
Replica = Server


@dataclass
class Topology:
    """What :func:`running` started: the proxy's URL, its replicas and its nginx."""

    url: str  # the app's address through the proxy, base path included, no trailing slash
    port: int
    base_path: str
    workdir: Path  # config and logs
    files: Path  # what nginx's workers read: the reconnect script, Streamlit's bundles
    nginx: subprocess.Popen
    replicas: list[Replica] = field(default_factory=list)

    @property
    def access_log(self) -> Path:
        return self.workdir / "access.log"

    @property
    def error_log(self) -> Path:
        return self.workdir / "error.log"

    def replica(self, address: str) -> Replica:
        """The replica nginx names ``127.0.0.1:port``."""
        return next(r for r in self.replicas if r.address == address)


def nginx_conf(workdir: Path, files: Path, worker_user: str | None) -> str:
    """The main nginx.conf: logs and pid in ``workdir``, temp files in ``files``.

    The master (root, when run as root) opens the logs; workers (``nobody`` then) only
    need ``files``, which lives under /tmp so no parent folder can hide it from them.
    """
    temp = files / "tmp"
    user = f"user {worker_user};\n" if worker_user else ""
    return (
        f"{user}worker_processes 1;\n"
        f"pid {workdir}/nginx.pid;\n"
        f"error_log {workdir}/error.log warn;\n"
        "events { worker_connections 4096; }\n"
        "http {\n"
        f"    client_body_temp_path {temp}/body;\n"
        f"    proxy_temp_path {temp}/proxy;\n"
        f"    fastcgi_temp_path {temp}/fastcgi;\n"
        f"    uwsgi_temp_path {temp}/uwsgi;\n"
        f"    scgi_temp_path {temp}/scgi;\n"
        f"    log_format replicas '{LOG_FORMAT}';\n"
        f"    access_log {workdir}/access.log replicas;\n"
        f"    include {workdir}/app.conf;\n"
        "}\n"
    )


def _start_replica(port: int, base_path: str, log: Path, cookie_secret: str) -> Replica:
    # One secret for every replica: a session that fails over keeps valid XSRF cookies.
    env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret}
    return start(port, log, env=env, base_path=base_path)


@contextlib.contextmanager
def running(
    replicas: int = 2,
    port: int = 8080,
    *,
    host: str = "127.0.0.1",
    base_path: str = "",
    frame_ancestors: str = "*",
    cookie_attributes: str = DEFAULT_COOKIE_ATTRIBUTES,
    workdir: Path | None = None,
    timeout: float = 120,
) -> Iterator[Topology]:
    """Start ``replicas`` Streamlit processes and nginx on ``host:port``; stop them all on exit."""
    if replicas < 1:
        raise ValueError("at least one replica")
    nginx = find_nginx()
    base_path = normalize_base_path(base_path)
    own_workdir = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="budget-proxy-")) if workdir is None else Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    files = Path(tempfile.mkdtemp(prefix="budget-proxy-files-"))  # what nginx's workers read
    started: list[Replica] = []
    proxy: subprocess.Popen | None = None
    try:
        secret = secrets.token_hex(32)
        for index in range(replicas):
            started.append(_start_replica(free_port(), base_path, workdir / f"replica-{index}.log", secret))
        wait_until(
            lambda: all(healthy(r.url) for r in started),
            "streamlit replicas",
            [(r.process, r.log) for r in started],
            timeout,
        )
        servers = "\n    ".join(f"server {r.address} max_fails=1 fail_timeout=10s;" for r in started)
        values = {
            "LISTEN": f"{host}:{port}",
            "BASE_PATH": base_path,
            "UPSTREAM_SERVERS": servers,
            "FRAME_ANCESTORS": frame_ancestors,
            "STICKY_COOKIE_ATTRIBUTES": cookie_attributes,
            "PROXY_ASSETS": str(files / "assets"),
            "STATIC_ROOT": str(precompress(files / "static")),
        }
        (files / "assets").mkdir(exist_ok=True)
        shutil.copy(TEMPLATE.parent / "reconnect.js", files / "assets" / "reconnect.js")
        (workdir / "app.conf").write_text(render(TEMPLATE.read_text(), values))
        worker_user = _prepare_files(files)
        (workdir / "nginx.conf").write_text(nginx_conf(workdir, files, worker_user))
        with (workdir / "nginx.out").open("w") as out:
            proxy = subprocess.Popen(
                [nginx, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        url = f"http://{host}:{port}{base_path}"
        # Errors after the configuration is read (a port in use) go to error.log, not stderr.
        wait_until(lambda: healthy(url), "nginx", [(proxy, workdir / "error.log")], 30)
        yield Topology(url, port, base_path, workdir, files, proxy, started)
    finally:
        if proxy is not None:
            stop(proxy)
        for replica in started:
            stop(replica.process)
        shutil.rmtree(files, ignore_errors=True)
        if own_workdir:
            shutil.rmtree(workdir, ignore_errors=True)


def _prepare_files(files: Path) -> str | None:
    """Make ``files`` readable and its temp folders writable by nginx's workers; their user.

    As root nginx runs its workers as ``nobody``; otherwise as the caller (None: no ``user``).
    """
    temp = files / "tmp"
    temp.mkdir(exist_ok=True)
    files.chmod(0o755)
    if os.geteuid() != 0:
        return None
    import grp
    import pwd

    user = pwd.getpwnam("nobody")
    group = next((g for g in ("nogroup", "nobody") if _has_group(grp, g)), None)
    for path in (temp, *(temp / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"))):
        path.mkdir(exist_ok=True)
        os.chown(path, user.pw_uid, grp.getgrnam(group).gr_gid if group else -1)
    return f"nobody {group}" if group else "nobody"


def _has_group(grp_module, name: str) -> bool:
    try:
        grp_module.getgrnam(name)
    except KeyError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.local", description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2, help="streamlit processes (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port (default 8080)")
    parser.add_argument("--host", default="127.0.0.1", help="nginx's address (default 127.0.0.1; 0.0.0.0 for all)")
    parser.add_argument("--base-path", default="", help="serve under /NAME/ (Streamlit's server.baseUrlPath)")
    parser.add_argument(
        "--frame-ancestors",
        default=os.environ.get("FRAME_ANCESTORS", "*"),
        help="CSP frame-ancestors: who may embed the pages (default *; e.g. \"'self' https://example.org\")",
    )
    parser.add_argument(
        "--cookie-attributes",
        default=DEFAULT_COOKIE_ATTRIBUTES,
        help=f"attributes of the sticky cookie (default {DEFAULT_COOKIE_ATTRIBUTES!r}; "
        "embedded on other sites over HTTPS: 'Path=/; HttpOnly; Secure; SameSite=None')",
    )
    parser.add_argument("--workdir", type=Path, help="keep config and logs here instead of a removed temp folder")
    args = parser.parse_args(argv)

    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    try:
        with running(
            args.replicas,
            args.port,
            host=args.host,
            base_path=args.base_path,
            frame_ancestors=args.frame_ancestors,
            cookie_attributes=args.cookie_attributes,
            workdir=args.workdir,
        ) as topology:
            ports = ", ".join(str(r.port) for r in topology.replicas)
            print(
                f"deploy.local: {args.replicas} replicas (ports {ports}) behind nginx, logs in {topology.workdir}",
                file=sys.stderr,
            )
            print(f"{topology.url}/", flush=True)
            while topology.nginx.poll() is None:
                time.sleep(0.5)
            print(
                f"deploy.local: nginx exited with {topology.nginx.returncode}; see {topology.error_log}",
                file=sys.stderr,
            )
            return 1
    except KeyboardInterrupt:
        return 130
    except RuntimeError as exc:  # a replica or nginx did not come up: its log says why
        print(f"deploy.local: {exc}", file=sys.stderr)
        return 1
    except SystemExit as exit_:
        if isinstance(exit_.code, int) and exit_.code in (128 + signal.SIGTERM, 128 + signal.SIGHUP):
            return 0
        raise


if __name__ == "__main__":
    sys.exit(main())
