"""Shared fixtures: a fresh database per test, the sample plans, and running the real CLI."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_NAMES = ["ke-hoach-xa-lam-vy", "ke-hoach-phuong-bach-dang", "ke-hoach-xa-binh-giang-nd142"]
SAMPLES_DIR = ROOT.parent / "shared" / "samples"  # the original .md texts, when shared/ is beside the repo


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real per-user database: the default data folder is a temporary one."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("KEHOACH_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kehoach.sqlite"


@pytest.fixture
def store(db_path: Path):
    from kehoach_desktop.services import Store

    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture(params=SAMPLE_NAMES)
def sample_name(request: pytest.FixtureRequest) -> str:
    return request.param


def fixture_path(name: str) -> Path:
    return FIXTURES / f"{name}.json"


def load_fixture(name: str):
    from kehoach_desktop.domain.planjson import read_plan_file

    return read_plan_file(fixture_path(name))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(*args: str, db: Path | None = None, check: bool = False, **kwargs) -> subprocess.CompletedProcess:
    """Run ``kehoach`` as a user would, in a real subprocess."""
    cmd = [sys.executable, "-m", "kehoach_desktop.cli"]
    if db is not None:
        cmd += ["--db", str(db)]
    result = subprocess.run([*cmd, *args], capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
                            **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(f"kehoach {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


def needs(program: str, package: str, found: str | None = None) -> str:
    """The path of an outside program a test needs (``found``, or ``program`` on PATH).

    Where it is missing the test is skipped, saying which Debian package brings it, except in CI
    (``CI=true``): .ci/run installs it, so there a missing program fails the test instead of
    hiding it among the skips.
    """
    path = found or shutil.which(program)
    if path:
        return path
    lacking(f"{program} is not installed (Debian: apt-get install {package})")


def needs_module(name: str, install: str):
    """The Python module a test needs (an optional extra such as PyInstaller), with :func:`needs`' rule."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        lacking(f"{name} is not installed ({install})")


def in_ci() -> bool:
    """Running under .ci/run (``CI=true``), which installs everything the tests need."""
    return os.environ.get("CI", "").lower() == "true"


def lacking(message: str) -> NoReturn:
    """What this machine lacks for a test: a skip on a developer's machine, a failure in CI."""
    if in_ci():
        pytest.fail(f"{message}; CI must have it (.ci/run installs it)", pytrace=False)
    pytest.skip(message)


def load_script(relative: str):
    """A helper module of scripts/ or build/ (not a package), loaded by its path under the project."""
    import importlib.util

    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
