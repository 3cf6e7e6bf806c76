"""The Docker files and the nginx template, checked without a container runtime.

The Dockerfile and compose file are parsed; the nginx template, filled with the compose
file's own values, must pass ``nginx -t``; ``docker compose config`` runs where the
compose plugin exists. The running topology is tested in tests/e2e/test_proxy.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from deploy import local

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"


def _instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n\s*", " ", dockerfile.read_text())
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            pairs.append((keyword.upper(), rest.strip()))
    return pairs


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def _defaults(value: str) -> str:
    """Compose interpolation with an empty environment: ``${NAME:-default}`` → default."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", str(value))


def test_dockerfile_slim_non_root_tables_built_healthcheck() -> None:
    steps = _instructions(DEPLOY / "Dockerfile")
    keywords = [k for k, _ in steps]
    base = dict(steps)["FROM"]
    assert re.fullmatch(r"python:3\.\d+-slim", base), base
    builds = [i for i, (k, a) in enumerate(steps) if k == "RUN" and "python -m loaders build" in a]
    assert builds, "the tables are built at image build"
    user = keywords.index("USER")
    assert steps[user][1] not in ("root", "0") and user > builds[0], "runs as a non-root user, after the build"
    assert keywords.index("CMD") > user
    healthcheck = dict(steps)["HEALTHCHECK"]
    assert "/_stcore/health" in healthcheck and "STREAMLIT_SERVER_BASE_URL_PATH" in healthcheck
    assert "streamlit" in dict(steps)["CMD"] and "app.py" in dict(steps)["CMD"]


def test_dockerignore_keeps_derived_and_test_files_out() -> None:
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text().split()
    for entry in ("data/processed", "artifacts", ".git", "tests"):
        assert entry in ignored, entry
    assert "data/raw" not in ignored and "app.py" not in ignored


def test_compose_runs_replicas_behind_nginx() -> None:
    services = _compose()["services"]
    app, proxy = services["app"], services["proxy"]
    assert (ROOT / app["build"]["dockerfile"]).exists()
    assert (DEPLOY / app["build"]["context"]).resolve() == ROOT
    assert int(_defaults(app["deploy"]["replicas"])) >= 2
    assert "ports" not in app, "replicas are reached through the proxy only"
    assert proxy["depends_on"]["app"]["condition"] == "service_healthy"
    assert _defaults(proxy["ports"][0]) == "8080:8080"
    named = set(_compose()["volumes"])
    for volume in proxy["volumes"]:
        source = volume.split(":")[0]
        assert source in named or (DEPLOY / source).is_file(), source
    # The proxy reads the bundles the app image precompressed, where the image put them.
    static = proxy["environment"]["STATIC_ROOT"]
    assert f"streamlit-static:{static}" in app["volumes"] and f"streamlit-static:{static}:ro" in proxy["volumes"]
    assert static in (DEPLOY / "Dockerfile").read_text()
    # Every placeholder of the template is set in the proxy's environment (else envsubst leaves it).
    template = local.TEMPLATE.read_text()
    assert local.placeholders(template) <= set(proxy["environment"]), local.placeholders(template)
    assert any(v.endswith("default.conf.template:ro") for v in proxy["volumes"])


def test_compose_values_make_a_valid_nginx_config(tmp_path: Path) -> None:
    environment = {k: _defaults(v) for k, v in _compose()["services"]["proxy"]["environment"].items()}
    # nginx -t resolves upstream names: the compose service "app" is not resolvable here.
    environment["UPSTREAM_SERVERS"] = environment["UPSTREAM_SERVERS"].replace("app:8501", "127.0.0.1:8501")
    environment["LISTEN"] = f"127.0.0.1:{local.free_port()}"
    (tmp_path / "app.conf").write_text(local.render(local.TEMPLATE.read_text(), environment))
    worker_user = local._prepare_files(tmp_path)
    (tmp_path / "nginx.conf").write_text(local.nginx_conf(tmp_path, tmp_path, worker_user))
    result = subprocess.run(
        [local.find_nginx(), "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    conf = (tmp_path / "app.conf").read_text()
    assert "frame-ancestors *" in conf and "X-Frame-Options DENY" not in conf
    assert "hash $sticky_key consistent" in conf


def test_docker_compose_config_where_available() -> None:
    docker = shutil.which("docker")
    if not docker or subprocess.run([docker, "compose", "version"], capture_output=True).returncode != 0:
        pytest.skip("no docker compose plugin on this machine (the parse tests above still ran)")
    result = subprocess.run(
        [docker, "compose", "-f", str(DEPLOY / "compose.yaml"), "config", "--quiet"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("template", "values", "expected"),
    [
        ("listen ${LISTEN};", {"LISTEN": "8080"}, "listen 8080;"),
        ("proxy_set_header Host $http_host; ${X}", {"X": "a"}, "proxy_set_header Host $http_host; a"),
        ("", {}, ""),
    ],
)
def test_render_fills_placeholders_and_leaves_nginx_variables(template, values, expected) -> None:
    assert local.render(template, values) == expected


def test_render_refuses_a_missing_value() -> None:
    with pytest.raises(ValueError, match="FRAME_ANCESTORS"):
        local.render("frame-ancestors ${FRAME_ANCESTORS}", {})


@pytest.mark.parametrize(("given", "expected"), [("", ""), ("budget", "/budget"), ("/budget/", "/budget"), ("/", "")])
def test_base_path_normalized(given: str, expected: str) -> None:
    assert local.normalize_base_path(given) == expected


def test_missing_nginx_is_a_clear_error(monkeypatch) -> None:
    monkeypatch.setattr(local.shutil, "which", lambda name: None)
    monkeypatch.setattr(local.os, "access", lambda path, mode: False)
    with pytest.raises(SystemExit, match="nginx not found"):
        local.find_nginx()
