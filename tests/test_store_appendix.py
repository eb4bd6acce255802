"""Phụ lục in the database: stored and loaded whole, edited, deleted, duplicated, and through the CLI."""

from __future__ import annotations

import json

from kehoach_desktop.domain.planjson import plan_from_dict, plan_to_dict
from kehoach_desktop.services import Store
from tests.conftest import run_cli

PLAN = {
    "format": "kehoach-plan", "version": 1, "title": "Triển khai Luật Trí tuệ nhân tạo trên địa bàn tỉnh",
    "issuer": "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH", "number": "130", "date": "2026-03-20",
    "sections": [
        {"title": "MỤC ĐÍCH, YÊU CẦU", "kind": "text", "items": [{"heading": "Mục đích", "paragraphs": ["- Triển khai."]}]},
        {"title": "NHIỆM VỤ, GIẢI PHÁP", "kind": "tasks",
         "tasks": [{"number": "1", "title": "Hoàn thiện thể chế", "content": ["Rà soát văn bản."]}]},
        {"title": "MỘT SỐ NHIỆM VỤ TRỌNG TÂM", "kind": "tasks",
         "appendix": {"label": "Phụ lục", "heading": ["MỘT SỐ NHIỆM VỤ TRỌNG TÂM NĂM 2026"],
                      "attached": "(Kèm theo Kế hoạch số 130/KH-UBND ngày 20/3/2026 của UBND tỉnh)",
                      "columns": [{"field": "number", "title": "STT"}, {"field": "title", "title": "Tên nhiệm vụ"},
                                  {"field": "lead", "title": "Sở, ngành chủ trì tham mưu"},
                                  {"field": "", "title": "Kinh phí"}]},
         "tasks": [{"number": "1", "title": "Xây dựng cơ sở dữ liệu dùng chung", "lead": ["Sở Khoa học và Công nghệ"],
                    "time": "Quý III/2026", "cells": {"Kinh phí": "Ngân sách tỉnh"},
                    "children": [{"number": "1.1", "title": "Khảo sát hiện trạng"}]}]},
        {"title": "ĐỀ CƯƠNG BÁO CÁO", "kind": "text",
         "appendix": {"label": "Phụ lục 01", "heading": ["ĐỀ CƯƠNG BÁO CÁO"], "orientation": "portrait"},
         "items": [{"heading": "I. CÔNG TÁC CHỈ ĐẠO", "paragraphs": ["1. Việc ban hành văn bản"]},
                   {"heading": "Biểu 01", "paragraphs": [],
                    "table": {"rows": [["STT", "Chỉ tiêu", "Kết quả"], ["1", "Số lớp tập huấn", ""]],
                              "header_rows": 1}}]},
    ],
}


def _comparable(plan) -> dict:
    data = plan_to_dict(plan)
    data.pop("key")

    def strip(tasks):
        for t in tasks:
            t.pop("key")
            strip(t["children"])
    for s in data["sections"]:
        strip(s.get("tasks", []))
    return data


def test_a_plan_with_phu_luc_is_stored_and_loaded_whole(tmp_path):
    with Store.open(tmp_path / "k.sqlite") as store:
        plan = plan_from_dict(PLAN)
        plan_id = store.plans.create(plan)
        loaded = store.plans.load(plan_id)
        assert _comparable(loaded) == _comparable(plan_from_dict(PLAN))
        assert [s.title for s in loaded.appendices()] == ["MỘT SỐ NHIỆM VỤ TRỌNG TÂM", "ĐỀ CƯƠNG BÁO CÁO"]
        # tracking sees the phụ lục's tasks
        assert "Khảo sát hiện trạng" in [t.title for t, _ in loaded.walk_tasks()]


def test_editing_the_sections_keeps_a_phu_luc_description_and_its_tasks(tmp_path):
    with Store.open(tmp_path / "k.sqlite") as store:
        plan_id = store.plans.create(plan_from_dict(PLAN))
        plan = store.plans.load(plan_id)
        appendix = plan.appendices()[0]
        appendix.appendix.attached = "(Kèm theo Kế hoạch số 130/KH-UBND ngày 21/3/2026 của UBND tỉnh Ninh Bình)"
        appendix.appendix.columns[3] = ("", "Nguồn kinh phí")
        plan.appendices()[1].items[1].table.rows[1][2] = "12 lớp"
        store.plans.replace_sections(plan_id, plan.sections)
        again = store.plans.load(plan_id)
        assert again.appendices()[0].appendix.attached.endswith("của UBND tỉnh Ninh Bình)")
        assert again.appendices()[0].appendix.columns[3] == ("", "Nguồn kinh phí")
        assert again.appendices()[0].tasks[0].title == "Xây dựng cơ sở dữ liệu dùng chung"
        assert again.appendices()[1].items[1].table.rows[1] == ["1", "Số lớp tập huấn", "12 lớp"]

        task = again.appendices()[0].tasks[0]
        store.plans.update_task(task.id, cells={"Nguồn kinh phí": "Ngân sách tỉnh"})
        assert store.plans.load(plan_id).appendices()[0].tasks[0].cells == {"Nguồn kinh phí": "Ngân sách tỉnh"}


def test_deleting_a_phu_luc_removes_its_tasks_and_keeps_the_rest(tmp_path):
    with Store.open(tmp_path / "k.sqlite") as store:
        plan_id = store.plans.create(plan_from_dict(PLAN))
        ids = store.plans.section_ids(plan_id)
        store.plans.delete_section(plan_id, ids[2])
        plan = store.plans.load(plan_id)
        assert [s.title for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ, GIẢI PHÁP", "ĐỀ CƯƠNG BÁO CÁO"]
        assert [t.title for t, _ in plan.walk_tasks()] == ["Hoàn thiện thể chế"]
        # a duplicate keeps the remaining phụ lục
        copy_id = store.plans.duplicate(plan_id)
        assert store.plans.load(copy_id).appendices()[0].items[1].table.rows[0] == ["STT", "Chỉ tiêu", "Kết quả"]


def test_phu_luc_survive_import_json_and_export_json(tmp_path):
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(PLAN, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "k.sqlite"
    made = run_cli("import-json", str(source), db=db)
    assert made.returncode == 0, made.stderr
    plan_id = made.stdout.strip().splitlines()[-1]
    out = tmp_path / "out.json"
    assert run_cli("export-json", plan_id, "-o", str(out), db=db).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    appendix = data["sections"][2]["appendix"]
    assert appendix["attached"] == "(Kèm theo Kế hoạch số 130/KH-UBND ngày 20/3/2026 của UBND tỉnh)"
    assert [c["title"] for c in appendix["columns"]][2] == "Sở, ngành chủ trì tham mưu"
    assert data["sections"][2]["tasks"][0]["cells"] == {"Kinh phí": "Ngân sách tỉnh"}
    assert data["sections"][3]["items"][1]["table"]["rows"][1] == ["1", "Số lớp tập huấn", ""]


def test_check_reports_a_damaged_phu_luc_description(tmp_path):
    db = tmp_path / "k.sqlite"
    with Store.open(db) as store:
        store.plans.create(plan_from_dict(PLAN))
        assert run_cli("check", db=db).returncode == 0
        # a phụ lục's description cut short (autocommit: written at once, as a damaged file would have it)
        store.database.conn.execute("UPDATE sections SET appendix = '{\"label\": \"Phụ lục' WHERE appendix IS NOT NULL")
    damaged = run_cli("check", db=db)
    assert damaged.returncode == 1 and "cột appendix bị hỏng" in damaged.stderr
