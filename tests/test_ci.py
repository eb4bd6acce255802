"""CI runs what it claims (issue #11 §5): the rendering tests cannot hide among the skips there."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, load_script, needs, needs_module

MISSING = "kehoach-no-such-program"


def test_a_missing_program_skips_a_test_on_a_developers_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"apt-get install poppler-utils"):
        needs(MISSING, "poppler-utils")


def test_a_missing_program_fails_the_test_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"CI must have it"):
        needs(MISSING, "poppler-utils")


def test_a_program_found_elsewhere_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert needs(MISSING, "libreoffice-writer-nogui", found="/opt/lo/soffice") == "/opt/lo/soffice"


def _ci_packages() -> set[str]:
    """The packages .ci/run installs (its apt-get install lines, continued with backslashes)."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ")
    return {word for line in script.splitlines() if "apt-get install" in line
            for word in line.split("apt-get install", 1)[1].split(">")[0].split() if not word.startswith("-")}


def test_ci_installs_every_package_the_tests_ask_for() -> None:
    """Each package a needs(...) of the tests names, the LibreOffice and poppler of the rendering tests,
    and the X11 libraries scripts/start.py asks a desktop for (the README's apt line)."""
    qtlibs = load_script("scripts/_qtlibs.py")
    asked = {"libreoffice-writer-nogui", "libreoffice-calc-nogui", "poppler-utils", "fonts-liberation2", "xvfb",
             *qtlibs.XCB_PACKAGES}
    for path in (ROOT / "tests").rglob("*.py"):
        asked.update(re.findall(r'needs\(\s*"[^"]+",\s*"([^"]+)"', path.read_text(encoding="utf-8")))
    assert "nsis" in asked and "poppler-utils" in asked  # the tests' own needs(...) were read
    assert asked - _ci_packages() == set()


def test_ci_runs_the_tests_strictly() -> None:
    """.ci/run sets CI=true unless told otherwise, so a rendering test there cannot skip."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'export CI="${CI:-true}"' in script
    assert script.index("apt-get update") < script.index("apt-get install")


def test_a_missing_python_extra_fails_in_ci_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"pip install -e \.\[build\]"):
        needs_module("kehoach_no_such_module", "pip install -e .[build]")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        needs_module("kehoach_no_such_module", "pip install -e .[build]")
    assert needs_module("json", "stdlib").dumps([]) == "[]"
