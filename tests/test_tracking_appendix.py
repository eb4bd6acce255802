"""Tracking follows the tasks wherever they live: a real province plan (tests/realplans.py) keeps eight
directions in II and fourteen tasks with units in its phụ lục; the unit sheets, the progress sheet and the
Báo cáo carry the phụ lục's tasks, say where each list starts again at 1, and a mirror phụ lục (a Danh mục
listing II again) counts nothing twice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from kehoach_desktop.documents.report import report_document
from kehoach_desktop.domain.plan import Appendix, Section
from kehoach_desktop.domain.progress import DONE, Period, track
from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.importers import import_file
from kehoach_desktop.sheets.merge import import_unit_sheet
from kehoach_desktop.sheets.progress_sheet import FIRST_ROW, build_progress_workbook
from kehoach_desktop.sheets.tracking import make_unit_sheets
from kehoach_desktop.sheets.unit_sheets import FIRST_ROW as UNIT_FIRST_ROW

from .conftest import run_cli
from .realplans import COMMUNE_TASKS, PROVINCE_FOCUS, build_docx
from .test_sheets_units import fill

YEAR = Period("year", 2017)
TODAY = dt.date(2017, 12, 20)
PHU_LUC = "Phụ lục: MỘT SỐ NHIỆM VỤ TRỌNG TÂM THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG QUỐC GIA VỀ ĐĂNG KÝ VÀ THỐNG KÊ HỘ TỊCH"


def _province(store, tmp_path: Path, parts=PROVINCE_FOCUS) -> int:
    result = import_file(build_docx(parts, tmp_path / "plan.docx"), UnitCatalog(preset_units(None)))
    return store.import_plan(result.plan)


def test_a_unit_reports_on_its_phu_luc_task_and_the_bao_cao_shows_it_under_the_phu_luc(store, tmp_path):
    plan_id = _province(store, tmp_path)
    plan = store.plans.load(plan_id)
    focus = plan.appendices()[0].tasks
    assert len([t for t, _ in plan.walk_tasks()]) == 8 + 14

    written, _skipped = make_unit_sheets(store, plan_id, YEAR, tmp_path / "out", TODAY)
    sheets = {unit: path for unit, path, _n in written}
    # Sở Tư pháp leads eight of the phụ lục's tasks (II's directions have no unit) and coordinates others
    ws = load_workbook(sheets["Sở Tư pháp"]).worksheets[0]
    titles = [ws.cell(r, 2).value for r in range(1, ws.max_row + 1)]
    assert "Tổ chức hội nghị quán triệt Chương trình hành động quốc gia" in titles
    assert "Tổng kết việc thực hiện Chương trình" in titles

    fill(sheets["Sở Tư pháp"], {focus[0].key: {"status": "Hoàn thành", "done": "Đã tổ chức hội nghị ngày 15/6/2017",
                                               "percent": 100}})
    merge = import_unit_sheet(store, sheets["Sở Tư pháp"], today=TODAY)
    assert len(merge.changes) == 1

    entries = store.progress.for_plan(plan_id)
    rows = {r.task.key: r for r in track(plan, entries, TODAY)}
    assert rows[focus[0].key].status == DONE

    document = report_document(plan, entries, YEAR, today=TODAY)
    text = [b.text for section in document.sections for b in section.blocks if hasattr(b, "text")]
    # the list of results says where it starts again at 1: II's eight, then the phụ lục's fourteen
    at_ii, at_pl = text.index("Nhiệm vụ tại II. NHIỆM VỤ, GIẢI PHÁP:"), text.index(f"Nhiệm vụ tại {PHU_LUC}:")
    result = next(i for i, t in enumerate(text) if t.startswith("- Sở Tư pháp: Đã tổ chức hội nghị ngày 15/6/2017"))
    assert at_ii < text.index("1. Tuyên truyền, phổ biến Chương trình hành động quốc gia về đăng ký và thống kê hộ "
                              "tịch") < at_pl < text.index("1. Tổ chức hội nghị quán triệt Chương trình hành động "
                                                           "quốc gia") < result
    assert any(t.startswith("Tổng số 22 nhiệm vụ") for t in text)

    # the report's own phụ lục (the progress table) names the places the same way
    table = next(b for b in report_document(plan, entries, YEAR, today=TODAY, appendix=True).sections[1].blocks
                 if hasattr(b, "rows"))
    cells = [[c.paragraphs[0].text if c.paragraphs else "" for c in row.cells][:2] for row in table.rows]
    assert cells[1] == ["", "II. NHIỆM VỤ, GIẢI PHÁP"] and cells[10] == ["", PHU_LUC]
    assert cells[11] == ["1", "Tổ chức hội nghị quán triệt Chương trình hành động quốc gia"]
    assert len(cells) == 1 + 2 + 22


def test_the_progress_sheet_lists_ii_then_the_phu_luc_under_their_names(store, tmp_path):
    plan = store.plans.load(_province(store, tmp_path))
    ws = build_progress_workbook(plan, track(plan, {}, TODAY), TODAY).worksheets[0]
    rows = [(ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 3).value) for r in range(FIRST_ROW, ws.max_row + 1)]
    assert rows[0] == (None, "II. NHIỆM VỤ, GIẢI PHÁP", None)
    assert [n for n, _t, _u in rows[1:9]] == [str(k) for k in range(1, 9)]
    assert rows[9] == (None, PHU_LUC, None)
    assert rows[10] == ("1", "Tổ chức hội nghị quán triệt Chương trình hành động quốc gia", "Sở Tư pháp")
    assert len(rows) == 2 + 22


def test_a_mirror_phu_luc_counts_no_task_twice(store, tmp_path):
    plan_id = _province(store, tmp_path)
    plan = store.plans.load(plan_id)
    mirror = Section("DANH MỤC NHIỆM VỤ", "tasks", appendix=Appendix(label="Phụ lục 02", heading=["DANH MỤC"],
                                                                      mirror=True))
    store.plans.insert_section(plan_id, len(plan.sections), mirror)
    plan = store.plans.load(plan_id)
    assert [s.appendix.label for s in plan.appendices()] == ["Phụ lục", "Phụ lục 02"]
    assert len(track(plan, {}, TODAY)) == 22
    ws = build_progress_workbook(plan, track(plan, {}, TODAY), TODAY).worksheets[0]
    assert ws.max_row - FIRST_ROW + 1 == 2 + 22


def test_show_numbers_the_body_as_printed_and_names_each_phu_luc(db_path, tmp_path):
    source = build_docx(PROVINCE_FOCUS, tmp_path / "155.docx")
    plan_id = run_cli("import", str(source), db=db_path, check=True).stdout.strip().splitlines()[-1]
    shown = run_cli("show", plan_id, db=db_path, check=True).stdout.splitlines()
    parts = [line for line in shown[1:] if not line.startswith(" ")]
    assert parts == ["I. MỤC TIÊU", "II. NHIỆM VỤ, GIẢI PHÁP", "III. KINH PHÍ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN",
                     PHU_LUC]
    assert shown[-1].startswith("  14. Tổng kết việc thực hiện Chương trình")


def test_a_unit_with_tasks_in_ii_and_in_the_phu_luc_tells_them_apart_on_its_sheet(store, tmp_path):
    # Kế hoạch 119/KH-UBND (xã Long Phụng): Văn phòng leads II's task 1 and three of the phụ lục's, numbered
    # I.1, I.2, II.2 there; on the unit's sheet the phụ lục's carry "PL", so II's "1" is not confused with them
    plan_id = _province(store, tmp_path, COMMUNE_TASKS)
    written, _skipped = make_unit_sheets(store, plan_id, Period("year", 2025), tmp_path / "out", dt.date(2025, 8, 1))
    path = next(p for unit, p, _n in written if unit == "Văn phòng HĐND và UBND")
    ws = load_workbook(path).worksheets[0]
    rows = [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(UNIT_FIRST_ROW, ws.max_row + 1)
            if ws.cell(r, 2).value]
    assert rows == [("1", "Cải cách thể chế"), ("PL.I.1", "Rà soát chức năng, nhiệm vụ các phòng chuyên môn"),
                    ("PL.I.2", "Xây dựng vị trí việc làm của công chức xã"),
                    ("PL.II.2", "Vận hành hệ thống quản lý văn bản và điều hành")]


def test_the_dashboard_lists_tell_a_phu_luc_task_from_iis(qtbot, store, tmp_path):
    from kehoach_desktop.ui.dashboard import DashboardWidget

    plan_id = _province(store, tmp_path, COMMUNE_TASKS)
    widget = DashboardWidget(store, plan_id, today=dt.date(2025, 12, 20))
    qtbot.addWidget(widget)
    overdue = [(widget.overdue.topLevelItem(i).text(0), widget.overdue.topLevelItem(i).text(1))
               for i in range(widget.overdue.topLevelItemCount())]
    # II's task 1 (Quý III/2025) and the phụ lục's I.1 (Tháng 9/2025), I.2 (Tháng 11/2025) are past due
    assert overdue[:3] == [("1", "Cải cách thể chế"),
                           ("PL.I.1", "Rà soát chức năng, nhiệm vụ các phòng chuyên môn"),
                           ("PL.I.2", "Xây dựng vị trí việc làm của công chức xã")]
