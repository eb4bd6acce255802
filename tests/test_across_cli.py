"""``kehoach search`` and ``kehoach unit-tasks``, run as a user would, and the lazy import of sqlite-utils."""

from __future__ import annotations

import json
import subprocess
import sys

from kehoach_desktop.services import Store
from tests.conftest import ROOT, SAMPLE_NAMES, load_fixture, run_cli


def _db_with_samples(db_path):
    with Store.open(db_path) as store:
        return [store.import_plan(load_fixture(name)) for name in SAMPLE_NAMES]


def test_search_prints_each_hit_on_a_line_and_json(db_path):
    ids = _db_with_samples(db_path)
    result = run_cli("search", "dia phuong", db=db_path, check=True)
    lines = result.stdout.splitlines()
    assert lines and all(int(line.split("\t")[0]) in ids for line in lines)
    assert any("địa phương" in line for line in lines)
    data = json.loads(run_cli("search", "van hoa", "--json", db=db_path, check=True).stdout)
    assert data and {"plan_id", "task_id", "task_title", "lead", "status_label", "due"} <= set(data[0])
    assert any("Phòng Văn hóa - Xã hội" in hit["lead"] for hit in data)


def test_search_of_odd_input_is_no_error(db_path):
    _db_with_samples(db_path)
    for typed in ['"', "-", "*", "NOT AND", "khongcotu"]:
        result = run_cli("search", typed, db=db_path)
        assert result.returncode == 0 and not result.stderr, typed
        assert "Không tìm thấy" in result.stdout


def test_unit_tasks_lists_a_unit_s_work_in_every_plan(db_path):
    ids = _db_with_samples(db_path)
    result = run_cli("unit-tasks", "VHXH", db=db_path, check=True)
    head, *rows = result.stdout.splitlines()
    assert head.startswith("Việc của Phòng Văn hóa - Xã hội: ")
    assert rows and {int(r.split("\t")[0]) for r in rows} <= set(ids)
    assert {r.split("\t")[4] for r in rows} <= {"Chủ trì", "Phối hợp"}
    data = json.loads(run_cli("unit-tasks", "phong van hoa", "--json", db=db_path, check=True).stdout)
    assert data["unit"] == "Phòng Văn hóa - Xã hội" and len(data["tasks"]) == len(rows)
    assert {"number", "role", "role_label", "time", "due", "status", "status_label"} <= set(data["tasks"][0])


def test_unit_tasks_to_an_excel_file(db_path, tmp_path):
    from openpyxl import load_workbook

    _db_with_samples(db_path)
    target = tmp_path / "viec-vhxh.xlsx"
    result = run_cli("unit-tasks", "VHXH", "-o", str(target), db=db_path, check=True)
    assert result.stdout.startswith(f"Đã ghi {target}")
    sheet = load_workbook(target).active
    assert sheet["A1"].value == "VIỆC CỦA PHÒNG VĂN HÓA - XÃ HỘI TRONG CÁC KẾ HOẠCH"
    assert [c.value for c in sheet[3]] == ["STT", "Kế hoạch", "Số", "Nhiệm vụ", "Vai trò", "Thời gian thực hiện",
                                          "Hạn", "Tình trạng"]
    assert sheet.max_row > 3 and sheet["E4"].value in ("Chủ trì", "Phối hợp")
    bad = run_cli("unit-tasks", "VHXH", "-o", str(tmp_path / "x.csv"), db=db_path)
    assert bad.returncode == 1 and ".xlsx" in bad.stderr


def test_an_unknown_unit_is_one_vietnamese_line_with_close_names(db_path):
    _db_with_samples(db_path)
    result = run_cli("unit-tasks", "Phòng Văn hóa Thông tin", db=db_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Lỗi: Không có đơn vị") and "Phòng Văn hóa - Xã hội" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_sqlite_utils_is_imported_only_to_migrate(db_path):
    """Opening an up-to-date database, saving a plan and searching need no sqlite-utils (only the
    migration step that makes the index imports it)."""
    _db_with_samples(db_path)
    code = (
        "import sys\n"
        "from kehoach_desktop.services import Store\n"
        "from kehoach_desktop.store.across import search_all, unit_tasks, find_unit\n"
        "from tests.conftest import load_fixture\n"
        f"s = Store.open({str(db_path)!r})\n"
        "s.import_plan(load_fixture('ke-hoach-xa-lam-vy'))\n"
        "assert search_all(s, 'van hoa') and unit_tasks(s, find_unit(s, 'VHXH'))\n"
        "print('sqlite_utils' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
