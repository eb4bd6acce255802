"""The command line as DOMAIN.md §7 fixes it, on the edges a script meets: one Vietnamese line, never English."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from tests.conftest import load_fixture, run_cli


def test_no_command_is_one_vietnamese_line(tmp_path: Path) -> None:
    result = run_cli(db=tmp_path / "k.sqlite")
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "lệnh" in lines[0] and "usage" not in result.stderr


def test_a_section_without_kind_keeps_its_tasks(tmp_path: Path) -> None:
    data = {"format": "kehoach-plan", "version": 1, "title": "Kế hoạch thử", "sections": [
        {"title": "MỤC ĐÍCH", "items": [{"heading": None, "paragraphs": ["Một đoạn."]}]},
        {"title": "NHIỆM VỤ", "tasks": [{"number": "1", "title": "Việc một", "lead": ["Công an xã"]}]}]}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "k.sqlite"
    plan_id = run_cli("import-json", str(path), db=db, check=True).stdout.splitlines()[-1]
    shown = json.loads(run_cli("show", plan_id, "--json", db=db, check=True).stdout)
    assert [(s["title"], s["kind"]) for s in shown["sections"]] == [("MỤC ĐÍCH", "text"), ("NHIỆM VỤ", "tasks")]
    assert shown["sections"][1]["tasks"][0]["title"] == "Việc một"


def test_import_json_twice_says_the_plan_is_already_there(tmp_path: Path) -> None:
    from kehoach_desktop.domain.planjson import plan_to_json_text

    path = tmp_path / "plan.json"
    path.write_text(plan_to_json_text(load_fixture("ke-hoach-xa-lam-vy")), encoding="utf-8")
    db = tmp_path / "k.sqlite"
    first = run_cli("import-json", str(path), db=db, check=True).stdout.splitlines()
    second = run_cli("import-json", str(path), db=db, check=True).stdout.splitlines()
    assert second[-1].isdigit() and second[-1] != first[-1]
    assert any("đã có kế hoạch" in line for line in second)


def test_messages_for_an_output_that_cannot_be_made(tmp_path: Path) -> None:
    from kehoach_desktop.domain.planjson import plan_to_json_text

    path = tmp_path / "plan.json"
    path.write_text(plan_to_json_text(load_fixture("ke-hoach-xa-lam-vy")), encoding="utf-8")
    db = tmp_path / "k.sqlite"
    plan_id = run_cli("import-json", str(path), db=db, check=True).stdout.splitlines()[-1]
    a_file = tmp_path / "a-file.json"
    a_file.write_text("{}", encoding="utf-8")
    result = run_cli("progress-sheets", plan_id, "-o", str(a_file), db=db)  # -o wants a folder
    assert result.returncode == 1 and "File exists" not in result.stderr and "thư mục" in result.stderr
    folder = tmp_path / "a-folder"
    folder.mkdir()
    result = run_cli("import", str(folder), db=db)
    assert result.returncode == 1 and "thư mục" in result.stderr


def test_written_files_follow_the_usual_permissions(tmp_path: Path) -> None:
    from kehoach_desktop.domain.planjson import plan_to_json_text

    path = tmp_path / "plan.json"
    path.write_text(plan_to_json_text(load_fixture("ke-hoach-xa-lam-vy")), encoding="utf-8")
    db = tmp_path / "k.sqlite"
    plan_id = run_cli("import-json", str(path), db=db, check=True).stdout.splitlines()[-1]
    old = os.umask(0o022)
    os.umask(old)
    out = tmp_path / "out.docx"
    run_cli("export", plan_id, "-o", str(out), db=db, check=True)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~old  # as any program writes files, not 0600


def test_progress_sheets_for_a_plan_without_units_says_why_there_are_none(tmp_path: Path) -> None:
    data = {"format": "kehoach-plan", "version": 1, "title": "Kế hoạch chưa giao đơn vị", "sections": [
        {"title": "NHIỆM VỤ", "kind": "tasks", "tasks": [{"number": "1", "title": "Việc một"}]}]}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "k.sqlite"
    plan_id = run_cli("import-json", str(path), db=db, check=True).stdout.splitlines()[-1]
    out = run_cli("progress-sheets", plan_id, "-o", str(tmp_path / "sheets"), db=db, check=True).stdout
    assert "Đã lập 0 phiếu" in out and "giao đơn vị" in out
