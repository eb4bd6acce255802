"""The report sheet a commune sends up to the province (report-sheet): one row per item of the upper plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kehoach_desktop.domain.plan import PartialDate, Plan, Section, Task
from kehoach_desktop.domain.progress import DONE, IN_PROGRESS, OVERDUE, Period, ProgressEntry
from kehoach_desktop.domain.upper import task_links, upper_of
from kehoach_desktop.errors import InvalidInput
from kehoach_desktop.services import SETTING_COMMUNE, Store
from kehoach_desktop.sheets.upward import (
    FIRST_ROW,
    KEY_COL,
    STAMP_SHEET,
    combined_status,
    read_upward_sheet,
    write_upward_sheet,
)
from tests.conftest import run_cli

SIX = Period("6m", 2026)
TODAY = dt.date(2026, 6, 20)
COMMUNES = "UBND các xã, phường"
VHXH = "Phòng Văn hóa - Xã hội"
VP = "Văn phòng HĐND và UBND"


def province_plan() -> Plan:
    """The province's plan 117/KH-UBND: six tasks, four of them naming the communes."""
    tasks = [
        Task("Tuyên truyền, phổ biến Luật Trí tuệ nhân tạo", number="1", lead=["Sở Khoa học và Công nghệ"],
             coordinators=[COMMUNES], time="Thường xuyên"),
        Task("Đào tạo, bồi dưỡng cán bộ, công chức về trí tuệ nhân tạo", number="2", lead=["Sở Nội vụ"],
             coordinators=[COMMUNES], time="Năm 2026 và các năm tiếp theo"),
        Task("Rà soát hạ tầng số, dữ liệu phục vụ trí tuệ nhân tạo", number="3", lead=[COMMUNES],
             time="Quý II/2026"),
        Task("Xây dựng cơ sở dữ liệu dùng chung của tỉnh", number="4", lead=["Sở Khoa học và Công nghệ"],
             time="Quý IV/2026"),
        Task("Ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính", number="5", lead=[COMMUNES],
             coordinators=["Sở Khoa học và Công nghệ"], time="31/5/2026"),
        Task("Kiểm tra, giám sát việc thực hiện Kế hoạch", number="6", lead=["Sở Khoa học và Công nghệ"],
             time="Hằng năm"),
    ]
    return Plan(title="Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn tỉnh",
                issuer=["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"], number="117", place="Ninh Bình",
                date=PartialDate(2026, 3, 20), recipients=["Bộ Khoa học và Công nghệ (để b/c)", "Lưu: VT"],
                sections=[Section("NHIỆM VỤ, GIẢI PHÁP", "tasks", tasks=tasks)])


def commune_plan(name: str, upper: Plan) -> Plan:
    """A commune's plan derived from ``upper``: tasks carrying out 1, 2, 3 and 5, and one of its own."""
    links = {t.number: task_links(upper)[t.key] for t, _ in upper.walk_tasks()}
    tasks = [
        Task("Tuyên truyền Luật trên địa bàn xã", number="1", lead=[VHXH], time="Thường xuyên", source=links["1"]),
        Task("Cử công chức tham gia lớp bồi dưỡng", number="2", lead=[VP], time="Năm 2026 và các năm tiếp theo",
             source=links["2"]),
        Task("Rà soát hạ tầng số của xã", number="3", lead=[VP], time="Quý II/2026", source=links["3"]),
        Task("Ứng dụng trợ lý ảo tại bộ phận một cửa", number="4", lead=[VP], time="31/5/2026", source=links["5"]),
        Task("Tổ chức hội thi tìm hiểu Luật", number="5", lead=[VHXH], time="Quý III/2026"),
    ]
    return Plan(title=f"Triển khai Kế hoạch số 117/KH-UBND của UBND tỉnh trên địa bàn xã {name}",
                issuer=["ỦY BAN NHÂN DÂN", f"XÃ {name.upper()}"], number="05", place=name,
                date=PartialDate(2026, 4, 2), upper=upper_of(upper),
                sections=[Section("NHIỆM VỤ", "tasks", tasks=tasks)])


def commune_store(path: Path, name: str, answers: dict[str, tuple[str, str]]) -> tuple[Store, int]:
    """A commune's database with its derived plan and its units' answers (task number -> (status, done))."""
    store = Store.open(path, backup=False)
    store.set_setting(SETTING_COMMUNE, {"name": name, "kind": "xa"})
    plan_id = store.plans.create(commune_plan(name, province_plan()))
    plan = store.plans.load(plan_id)
    by_number = {t.number: t for t, _ in plan.walk_tasks()}
    for number, (status, done) in answers.items():
        task = by_number[number]
        store.progress.add(ProgressEntry(task_id=int(task.id or 0), date=dt.date(2026, 6, 10), status=status,
                                         unit=task.lead[0], period=SIX.key, done=done,
                                         difficulties=f"Khó khăn {name} {number}" if number == "1" else ""))
    return store, plan_id


LAM_VY = {"1": (IN_PROGRESS, "Đã tổ chức 02 hội nghị tuyên truyền"), "3": (DONE, "Đã rà soát 12 thôn")}


def test_one_row_per_upper_item_with_the_communes_status_and_answers(tmp_path):
    store, plan_id = commune_store(tmp_path / "lv.sqlite", "Lam Vỹ", LAM_VY)
    with store:
        path, sheet = write_upward_sheet(store, plan_id, SIX, tmp_path / "bc.xlsx", TODAY)
    assert sheet.commune == "UBND xã Lam Vỹ"
    ws = load_workbook(path).worksheets[0]
    rows = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(1, KEY_COL + 1)]
            for r in range(FIRST_ROW, ws.max_row + 1)}
    assert list(rows) == ["1", "2", "3", "5"]  # the upper numbers; the commune's own task 5 is not sent up
    assert rows["1"][1] == "Tuyên truyền, phổ biến Luật Trí tuệ nhân tạo"
    assert rows["1"][4] == "Đang thực hiện" and "02 hội nghị" in rows["1"][5]
    assert rows["1"][7] == "Khó khăn Lam Vỹ 1"
    assert rows["3"][4] == "Hoàn thành"
    assert rows["5"][4] == "Quá hạn"  # 31/5/2026 passed without a report
    assert ws.column_dimensions["K"].hidden and ws.protection.sheet
    assert ws.page_setup.orientation == "landscape"
    stamp = {r[0]: r[1] for r in load_workbook(path)[STAMP_SHEET].iter_rows(values_only=True)}
    assert stamp["format"] == "kehoach-upward-sheet" and stamp["upper_number"] == "117"
    assert stamp["commune"] == "UBND xã Lam Vỹ" and stamp["period"] == "2026-6m"
    again = read_upward_sheet(path)
    assert [r.key for r in again.rows] == [r.key for r in sheet.rows]
    assert again.upper.key == upper_of(province_plan()).key


def test_combined_status_of_an_item_carried_out_by_several_tasks():
    assert combined_status([DONE, DONE]) == DONE
    assert combined_status([DONE, IN_PROGRESS]) == IN_PROGRESS
    assert combined_status([DONE, OVERDUE]) == OVERDUE
    assert combined_status([]) == "not_started"


def test_a_sheet_edited_after_writing_is_refused(tmp_path):
    store, plan_id = commune_store(tmp_path / "lv.sqlite", "Lam Vỹ", LAM_VY)
    with store:
        path, _ = write_upward_sheet(store, plan_id, SIX, tmp_path / "bc.xlsx", TODAY)
    wb = load_workbook(path)
    wb.worksheets[0].cell(FIRST_ROW, 5).value = "Hoàn thành"
    wb.save(path)
    with pytest.raises(InvalidInput, match="đã bị sửa"):
        read_upward_sheet(path)


def test_a_plan_without_an_upper_plan_gets_a_clear_message(tmp_path):
    with Store.open(tmp_path / "k.sqlite", backup=False) as store:
        plan = commune_plan("Lam Vỹ", province_plan())
        plan.upper = None
        plan_id = store.plans.create(plan)
        with pytest.raises(InvalidInput, match="không được lập theo kế hoạch cấp trên"):
            write_upward_sheet(store, plan_id, SIX, tmp_path / "bc.xlsx", TODAY)
    assert not (tmp_path / "bc.xlsx").exists()


def test_the_command_writes_the_sheet(tmp_path):
    db = tmp_path / "lv.sqlite"
    store, plan_id = commune_store(db, "Lam Vỹ", LAM_VY)
    store.close()
    out = tmp_path / "bc.xlsx"
    done = run_cli("report-sheet", str(plan_id), "--period", "6m", "--year", "2026", "-o", str(out), db=db)
    assert done.returncode == 0, done.stderr
    assert "UBND xã Lam Vỹ" in done.stdout and out.exists()
    refused = run_cli("report-sheet", str(plan_id), "--period", "6m", "--year", "2026", "-o",
                      str(tmp_path / "x.docx"), db=db)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr


def test_the_report_and_the_progress_sheet_of_a_derived_plan_are_grouped_by_the_upper_tasks(tmp_path):
    from kehoach_desktop.sheets.tracking import export_progress_sheet, write_period_report

    store, plan_id = commune_store(tmp_path / "lv.sqlite", "Lam Vỹ", LAM_VY)
    with store:
        docx = write_period_report(store, plan_id, SIX, tmp_path / "bc.docx", today=TODAY)
        xlsx = export_progress_sheet(store, plan_id, tmp_path / "td.xlsx", today=TODAY, period=SIX)
        plain = write_period_report(store, plan_id, SIX, tmp_path / "bc-plain.docx", today=TODAY, grouped=False)
    from docx import Document

    text = [p.text for p in Document(str(docx)).paragraphs]
    first = text.index("Nhiệm vụ 1 của KH 117/KH-UBND: Tuyên truyền, phổ biến Luật Trí tuệ nhân tạo")
    assert text[first + 1] == "1. Tuyên truyền Luật trên địa bàn xã"
    fifth = text.index("Nhiệm vụ 5 của KH 117/KH-UBND: Ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính")
    assert text[fifth + 1] == "4. Ứng dụng trợ lý ảo tại bộ phận một cửa"
    other = text.index("Nhiệm vụ khác của xã")
    assert text[other + 1] == "5. Tổ chức hội thi tìm hiểu Luật" and other > fifth
    assert "Nhiệm vụ khác của xã" not in [p.text for p in Document(str(plain)).paragraphs]
    ws = load_workbook(xlsx).worksheets[0]
    column = [ws.cell(r, 2).value for r in range(8, ws.max_row + 1)]
    assert column[:2] == ["Nhiệm vụ 1 của KH 117/KH-UBND: Tuyên truyền, phổ biến Luật Trí tuệ nhân tạo",
                          "Tuyên truyền Luật trên địa bàn xã"]
    assert column[-2:] == ["Nhiệm vụ khác của xã", "Tổ chức hội thi tìm hiểu Luật"]


def test_the_reports_progress_appendix_of_a_derived_plan_is_grouped_too(tmp_path):
    from kehoach_desktop.documents.model import Table
    from kehoach_desktop.documents.report import report_document

    store, plan_id = commune_store(tmp_path / "lv.sqlite", "Lam Vỹ", LAM_VY)
    with store:
        plan = store.plans.load(plan_id)
        document = report_document(plan, store.progress.for_plan(plan_id), SIX, today=TODAY, appendix=True)
    table = next(b for b in document.sections[1].blocks if isinstance(b, Table))
    titles = [row.cells[1].paragraphs[0].text for row in table.rows[1:]]
    assert titles[0].startswith("Nhiệm vụ 1 của KH 117/KH-UBND") and titles[1] == "Tuyên truyền Luật trên địa bàn xã"
    assert titles[-2:] == ["Nhiệm vụ khác của xã", "Tổ chức hội thi tìm hiểu Luật"]


def test_the_communes_role_is_on_the_sheet_without_the_upper_plan_in_its_database(tmp_path):
    """A commune that derived its plan from the province's file (not kept in its database) still tells the
    province, on each row, whether it led or coordinated that task."""
    from kehoach_desktop.domain.derive import derive_plan
    from kehoach_desktop.domain.units import UnitCatalog, preset_units

    commune = {"name": "Lam Vỹ", "kind": "xa"}
    proposal = derive_plan(province_plan(), commune, UnitCatalog(preset_units("xa")))
    with Store.open(tmp_path / "lv.sqlite", backup=False) as store:
        store.set_setting(SETTING_COMMUNE, commune)
        plan_id = store.plans.create(proposal.plan())
        _, sheet = write_upward_sheet(store, plan_id, SIX, tmp_path / "bc.xlsx", TODAY)
    assert {r.number: r.role for r in sheet.rows} == {"1": "Phối hợp", "2": "Phối hợp", "3": "Chủ trì",
                                                       "5": "Chủ trì"}
