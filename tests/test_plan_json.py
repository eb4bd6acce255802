"""Plan JSON through the real `kehoach` command: round trip and clear refusals."""

import json

import pytest

from tests.conftest import fixture_path, run_cli, sha256


def _without_output_only(data):
    if isinstance(data, dict):
        return {k: _without_output_only(v) for k, v in data.items() if k != "timeframe"}
    if isinstance(data, list):
        return [_without_output_only(v) for v in data]
    return data


def test_round_trip_gives_back_the_same_plan(sample_name, db_path, tmp_path):
    source = fixture_path(sample_name)
    result = run_cli("import-json", str(source), db=db_path, check=True)
    plan_id = result.stdout.strip().splitlines()[-1]
    assert plan_id.isdigit()
    out = tmp_path / "out.json"
    run_cli("export-json", plan_id, "-o", str(out), db=db_path, check=True)
    original = json.loads(source.read_text(encoding="utf-8"))
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert _without_output_only(exported) == _without_output_only(original)
    # show --json prints the same plan
    shown = json.loads(run_cli("show", plan_id, "--json", db=db_path, check=True).stdout)
    assert _without_output_only(shown) == _without_output_only(original)


def test_plans_lists_id_number_and_title(db_path):
    run_cli("import-json", str(fixture_path("ke-hoach-xa-lam-vy")), db=db_path, check=True)
    lines = run_cli("plans", db=db_path, check=True).stdout.strip().splitlines()
    assert lines == ["1\t05/KH-UBND\tTriển khai thi hành Luật Trí tuệ nhân tạo"]


def test_export_json_is_in_the_documented_format(db_path, tmp_path):
    plan_id = run_cli("import-json", str(fixture_path("ke-hoach-xa-binh-giang-nd142")),
                      db=db_path, check=True).stdout.split()[-1]
    out = tmp_path / "p.json"
    run_cli("export-json", plan_id, "-o", str(out), db=db_path, check=True)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "kehoach-plan" and data["version"] == 1
    assert data["date"] == "2026-06" and data["number"] is None
    assert data["issuer"] == "ỦY BAN NHÂN DÂN\nXÃ BÌNH GIANG"
    task = data["sections"][1]["tasks"][0]
    assert set(task) >= {"number", "title", "content", "lead", "coordinators", "time", "product", "children"}
    assert task["lead"] == ["Phòng Văn hóa - Xã hội"]


MALFORMED = {
    "not-json.json": (b"{ this is not json", "không phải JSON hợp lệ"),
    "empty.json": (b"", "trống"),
    "other.json": (b'{"format": "something-else"}', "không phải là kế hoạch JSON"),
    "bad-date.json": (b'{"format": "kehoach-plan", "version": 1, "title": "T", "date": "2026-02-31"}',
                      "31/02/2026 không tồn tại"),
    "bad-type.json": (b'{"format": "kehoach-plan", "version": 1, "title": 5, "sections": [{"kind": "tasks",'
                      b' "tasks": [{"title": ["x"]}]}]}', "sections[0].tasks[0].title"),
    "newer.json": (b'{"format": "kehoach-plan", "version": 99, "title": "T"}', "mới hơn"),
    "legacy-encoding.json": (b'{"title": "K\xea ho\xe1ch"}', "UTF-8"),  # saved as Windows-1258
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_plan_json_gives_one_clear_message_and_adds_nothing(name, db_path, tmp_path):
    content, expected = MALFORMED[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    before = sha256(bad)
    result = run_cli("import-json", str(bad), db=db_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: ")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert run_cli("plans", db=db_path).stdout == ""
    assert sha256(bad) == before


def test_missing_plan_and_bad_command_line_are_explained_in_vietnamese(db_path):
    result = run_cli("show", "42", db=db_path)
    assert result.returncode == 1 and "Không có kế hoạch số 42" in result.stderr
    result = run_cli("export-json", "1", db=db_path)
    assert result.returncode == 2 and "thiếu tham số" in result.stderr
    assert "Traceback" not in result.stderr


def test_db_option_is_accepted_before_or_after_the_command(db_path):
    plan_id = run_cli("import-json", str(fixture_path("ke-hoach-xa-lam-vy")), "--db", str(db_path),
                      check=True).stdout.split()[-1]
    assert run_cli("--db", str(db_path), "plans", check=True).stdout.startswith(f"{plan_id}\t")
    assert run_cli("plans", "--db", str(db_path), check=True).stdout.startswith(f"{plan_id}\t")


def test_appendices_round_trip_and_print_after_the_body():
    """A phụ lục (task table with the source's own columns, or a report form with a table) survives
    export-json / import-json, and stays after the body's sections whatever its place in the file."""
    from kehoach_desktop.domain.planjson import plan_from_dict, plan_to_dict

    data = {
        "format": "kehoach-plan", "version": 1, "title": "Triển khai Luật Trí tuệ nhân tạo",
        "sections": [
            {"title": "MỘT SỐ NHIỆM VỤ TRỌNG TÂM", "kind": "tasks",
             "appendix": {"label": "Phụ lục", "heading": ["MỘT SỐ NHIỆM VỤ TRỌNG TÂM"],
                          "attached": "(Kèm theo Kế hoạch số 117/KH-UBND ngày 20/3/2026 của UBND tỉnh)",
                          "columns": [{"field": "number", "title": "STT"},
                                      {"field": "title", "title": "Tên nhiệm vụ"},
                                      {"field": "lead", "title": "Sở, ngành chủ trì tham mưu"},
                                      {"field": "", "title": "Kinh phí"}]},
             "tasks": [{"number": "1", "title": "Xây dựng cơ sở dữ liệu", "lead": ["Sở KH&CN"],
                        "cells": {"Kinh phí": "Ngân sách tỉnh"}}]},
            {"title": "NHIỆM VỤ, GIẢI PHÁP", "kind": "tasks", "tasks": [{"number": "1", "title": "Tuyên truyền"}]},
            {"title": "ĐỀ CƯƠNG BÁO CÁO", "kind": "text",
             "appendix": {"label": "Biểu 01", "orientation": "portrait"},
             "items": [{"heading": "I. KẾT QUẢ", "paragraphs": ["1. Công tác chỉ đạo"],
                        "table": {"rows": [["STT", "Chỉ tiêu"], ["1", "Số lớp tập huấn"]], "header_rows": 1}}]},
        ],
    }
    plan = plan_from_dict(data)
    assert [s.title for s in plan.body_sections()] == ["NHIỆM VỤ, GIẢI PHÁP"]
    assert [s.title for s in plan.appendices()] == ["MỘT SỐ NHIỆM VỤ TRỌNG TÂM", "ĐỀ CƯƠNG BÁO CÁO"]
    # tracking follows the tasks wherever they live
    assert [t.title for t, _ in plan.walk_tasks()] == ["Tuyên truyền", "Xây dựng cơ sở dữ liệu"]
    again = plan_from_dict(plan_to_dict(plan))
    first = again.appendices()[0]
    assert first.appendix.attached.startswith("(Kèm theo Kế hoạch số 117/KH-UBND")
    assert first.appendix.columns[2] == ("lead", "Sở, ngành chủ trì tham mưu")
    assert first.tasks[0].cells == {"Kinh phí": "Ngân sách tỉnh"}
    form = again.appendices()[1]
    assert form.appendix.label == "Biểu 01" and not form.appendix.landscape
    assert form.items[0].table.rows[1] == ["1", "Số lớp tập huấn"]


def test_a_bad_appendix_column_is_refused_with_its_place():
    from kehoach_desktop.domain.planjson import plan_from_dict
    from kehoach_desktop.errors import InvalidInput

    data = {"format": "kehoach-plan", "version": 1, "title": "X",
            "sections": [{"title": "P", "kind": "tasks", "appendix": {"columns": [{"field": "budget"}]}}]}
    with pytest.raises(InvalidInput, match=r"sections\[0\]\.appendix\.columns\[0\]\.field"):
        plan_from_dict(data)
