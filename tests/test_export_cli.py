"""`kehoach export PLAN -o OUT [--appendix]` as a user runs it."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import docx
import pytest

from tests.conftest import fixture_path, run_cli, sha256


@pytest.fixture
def plan_id(db_path: Path) -> str:
    result = run_cli("import-json", str(fixture_path("ke-hoach-xa-lam-vy")), db=db_path, check=True)
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.slow
def test_export_docx_and_pdf(tmp_path: Path, db_path: Path, plan_id: str) -> None:
    out = tmp_path / "ke hoạch.docx"
    result = run_cli("export", plan_id, "-o", str(out), db=db_path, check=True)
    assert str(out) in result.stdout
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "KẾ HOẠCH"
    assert len(document.sections) == 1

    run_cli("export", plan_id, "-o", str(out), "--appendix", db=db_path, check=True)
    document = docx.Document(str(out))
    assert len(document.sections) == 2 and document.tables[-1].rows[0].cells[0].text == "STT"

    pdf = tmp_path / "ke-hoach.PDF"
    result = run_cli("export", plan_id, "-o", str(pdf), db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Fatal" not in result.stderr and "Traceback" not in result.stderr  # no crash at exit
    assert pdf.read_bytes().startswith(b"%PDF")


def test_unknown_extension_and_plan(tmp_path: Path, db_path: Path, plan_id: str) -> None:
    result = run_cli("export", plan_id, "-o", str(tmp_path / "ke-hoach.odt"), db=db_path)
    assert result.returncode == 1
    assert result.stderr.startswith("Lỗi: ") and ".docx" in result.stderr and ".pdf" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "ke-hoach.odt").exists()
    result = run_cli("export", "999", "-o", str(tmp_path / "x.docx"), db=db_path)
    assert result.returncode == 1 and "999" in result.stderr
    result = run_cli("export", plan_id, db=db_path)
    assert result.returncode == 2 and "-o" in result.stderr


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="needs root and setpriv to act as an ordinary user")
def test_read_only_folder_keeps_the_old_file() -> None:
    """As an ordinary user (root ignores permissions): a folder they may not write to."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="kehoach-user-"))  # pytest's tmp_path is private to root
    try:
        _read_only_folder(base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _read_only_folder(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    db = shared / "kehoach.sqlite"
    locked = tmp_path / "locked"
    locked.mkdir()
    target = locked / "ke-hoach.docx"
    target.write_bytes(b"the signed copy")
    locked.chmod(stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)  # 755, owned by root
    target.chmod(0o644)
    tmp_path.chmod(0o755)
    before = sha256(target)
    env = {**os.environ, "HOME": str(shared), "KEHOACH_DATA_DIR": str(shared)}
    user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]

    import subprocess
    import sys

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*user, sys.executable, "-m", "kehoach_desktop.cli", "--db", str(db), *args],
                              capture_output=True, text=True, encoding="utf-8", env=env,
                              cwd=Path(__file__).resolve().parent.parent)

    imported = cli("import-json", str(fixture_path("ke-hoach-xa-lam-vy")))
    if imported.returncode != 0:
        pytest.skip(f"the unprivileged user cannot run the project here: {imported.stderr.strip()[:200]}")
    result = cli("export", imported.stdout.strip().splitlines()[-1], "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.startswith("Lỗi: ") and "Traceback" not in result.stderr
    assert "quyền ghi" in result.stderr or "chỉ cho phép đọc" in result.stderr
    assert sha256(target) == before
    assert sorted(p.name for p in locked.iterdir()) == ["ke-hoach.docx"]


def test_margins_option(tmp_path: Path, db_path: Path, plan_id: str) -> None:
    out = tmp_path / "ke-hoach.docx"
    run_cli("export", plan_id, "-o", str(out), "--margins", "25,25,35,20", db=db_path, check=True)
    section = docx.Document(str(out)).sections[0]
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [25, 25, 35, 20]
    result = run_cli("export", plan_id, "-o", str(out), "--margins", "10,10,10,10", db=db_path)
    assert result.returncode == 1 and "Nghị định 30" in result.stderr and "Traceback" not in result.stderr
