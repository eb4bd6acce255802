"""The progress sheet (kehoach export PLAN -o tien-do.xlsx) as a user opens and prints it."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook

from kehoach_desktop.domain.progress import DONE, IN_PROGRESS, ProgressEntry
from kehoach_desktop.sheets.progress_sheet import FIRST_ROW, HEADER_ROW
from kehoach_desktop.sheets.tracking import export_progress_sheet
from tests.conftest import load_fixture, run_cli

HEADINGS = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm",
            "Tình hình thực hiện", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"]
TODAY = dt.date(2026, 12, 20)


@pytest.fixture
def lam_vy(store):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    tasks = [t for t, _ in store.plans.load(plan_id).walk_tasks()]
    unit = "Phòng Văn hóa - Xã hội"
    store.progress.add(ProgressEntry(tasks[0].id, dt.date(2026, 12, 1), IN_PROGRESS, unit=unit,
                                     result="=SUM(A1)", difficulties="@ban chỉ đạo chưa họp",
                                     proposals="-50% thủ tục giấy tờ"))
    store.progress.add(ProgressEntry(tasks[1].id, dt.date(2026, 11, 20), DONE, unit=unit,
                                     done="Rà soát 12 văn bản", result="Không phát hiện văn bản trái luật",
                                     percent=100))
    store.progress.add(ProgressEntry(tasks[1].id, dt.date(2026, 11, 25), IN_PROGRESS,
                                     unit="Văn phòng HĐND và UBND", done="Phối hợp rà soát"))
    return plan_id, tasks


def _rows(ws):
    return list(ws.iter_rows(min_row=FIRST_ROW, max_col=10, values_only=True))


def test_sheet_has_the_exact_columns_title_and_plan_reference(store, lam_vy, tmp_path):
    plan_id, tasks = lam_vy
    path = export_progress_sheet(store, plan_id, tmp_path / "tien-do.xlsx", today=TODAY)
    wb = load_workbook(path)
    ws = wb["Tiến độ"]
    assert [c.value for c in ws[HEADER_ROW]] == HEADINGS
    above = " ".join(str(ws.cell(r, 1).value) for r in range(1, HEADER_ROW))
    assert "BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH" in above
    assert "Kế hoạch số 05/KH-UBND ngày 20/3/2026 của UBND xã Lam Vỹ" in above
    assert "Triển khai thi hành Luật Trí tuệ nhân tạo" in above
    rows = _rows(ws)
    assert len(rows) == len(tasks) == 7
    assert rows[1][1].startswith("Tiếp tục rà soát các văn bản") and rows[1][4] == "Thường xuyên"
    assert rows[1][2] == "Phòng Văn hóa - Xã hội"
    # Two units answered task 2: one line each, named.
    assert rows[1][7] == ("Phòng Văn hóa - Xã hội: Rà soát 12 văn bản; Không phát hiện văn bản trái luật (100%)\n"
                          "Văn phòng HĐND và UBND: Phối hợp rà soát")
    cell = ws.cell(FIRST_ROW, 2)
    assert cell.font.name == "Times New Roman" and cell.alignment.wrap_text


def test_print_setup_a4_landscape_one_page_wide_repeated_header_page_numbers(store, lam_vy, tmp_path):
    path = export_progress_sheet(store, lam_vy[0], tmp_path / "tien-do.xlsx", today=TODAY)
    ws = load_workbook(path)["Tiến độ"]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW + 1}"
    assert "&P" in ws.oddFooter.center.text
    assert ws.freeze_panes == f"C{FIRST_ROW}"


def test_status_drop_down_and_overdue_rows_highlighted(store, lam_vy, tmp_path):
    path = export_progress_sheet(store, lam_vy[0], tmp_path / "tien-do.xlsx", today=TODAY)
    ws = load_workbook(path)["Tiến độ"]
    statuses = [r[6] for r in _rows(ws)]
    # On 20/12/2026 the recurring tasks with no report for 2026 are not reported (they have no deadline of their
    # own to be overdue for); the reported ones are under way.
    nr = "Chưa báo cáo"
    assert statuses == ["Đang thực hiện", "Đang thực hiện", nr, nr, nr, nr, nr]
    validations = ws.data_validations.dataValidation
    assert len(validations) == 1
    dv = validations[0]
    # The drop-down offers exactly the statuses of DOMAIN.md §5.
    assert dv.type == "list" and dv.formula1 == (
        '"Chưa thực hiện,Đang thực hiện,Hoàn thành,Hoàn thành quá hạn,Quá hạn"')
    assert str(dv.sqref) == f"G{FIRST_ROW}:G{FIRST_ROW + 6}"
    rules = {rule.formula[0]: (str(rng.sqref), rule) for rng in ws.conditional_formatting for rule in rng.rules}
    assert set(rules) == {f'$G{FIRST_ROW}="Quá hạn"', f'$G{FIRST_ROW}="Chưa báo cáo"'}
    for target, _rule in rules.values():
        assert target == f"A{FIRST_ROW}:J{FIRST_ROW + 6}"
    red = rules[f'$G{FIRST_ROW}="Quá hạn"'][1].dxf.fill.fgColor.rgb
    amber = rules[f'$G{FIRST_ROW}="Chưa báo cáo"'][1].dxf.fill.fgColor.rgb
    assert red.endswith("F8CBAD") and amber.endswith("FFE699")


def test_formula_like_answers_are_written_as_text(store, lam_vy, tmp_path):
    path = export_progress_sheet(store, lam_vy[0], tmp_path / "tien-do.xlsx", today=TODAY)
    ws = load_workbook(path)["Tiến độ"]
    result, difficulties, proposals = (ws.cell(FIRST_ROW, c) for c in (8, 9, 10))
    assert (result.value, result.data_type) == ("=SUM(A1)", "s")
    assert (difficulties.value, proposals.value) == ("@ban chỉ đạo chưa họp", "-50% thủ tục giấy tờ")
    assert result.quotePrefix and proposals.quotePrefix
    with zipfile.ZipFile(path) as zf:
        sheet_xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml


def test_summary_sheet_counts_by_status_and_unit_with_chart(store, lam_vy, tmp_path):
    path = export_progress_sheet(store, lam_vy[0], tmp_path / "tien-do.xlsx", today=TODAY)
    ws = load_workbook(path)["Tổng hợp"]
    values = list(ws.iter_rows(values_only=True))
    counts = {r[0]: r[1] for r in values if r and r[0] in ("Chưa thực hiện", "Đang thực hiện", "Hoàn thành",
                                                            "Hoàn thành quá hạn", "Chưa báo cáo", "Quá hạn",
                                                            "Tổng số")}
    assert counts == {"Chưa thực hiện": 0, "Đang thực hiện": 2, "Hoàn thành": 0, "Hoàn thành quá hạn": 0,
                      "Chưa báo cáo": 5, "Quá hạn": 0, "Tổng số": 7}
    heading = next(r for r in values if r and r[0] == "Đơn vị chủ trì")
    assert heading[1:8] == ("Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Hoàn thành quá hạn", "Chưa báo cáo",
                            "Quá hạn", "Tổng số")
    by_unit = {r[0]: r[1:8] for r in values if r and r[0] in ("Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND")}
    assert by_unit["Phòng Văn hóa - Xã hội"] == (0, 2, 0, 0, 4, 0, 6)
    assert by_unit["Văn phòng HĐND và UBND"] == (0, 0, 0, 0, 1, 0, 1)
    with zipfile.ZipFile(path) as zf:
        chart = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
        assert chart and "Số nhiệm vụ theo tình trạng" in zf.read(chart[0]).decode()



def test_cli_export_xlsx_writes_the_progress_sheet(db_path, tmp_path):
    from tests.conftest import fixture_path

    plan_id = run_cli("import-json", str(fixture_path("ke-hoach-phuong-bach-dang")), db=db_path,
                      check=True).stdout.strip().splitlines()[-1]
    out = tmp_path / "tien-do.xlsx"
    result = run_cli("export", plan_id, "-o", str(out), db=db_path)
    assert result.returncode == 0, result.stderr
    ws = load_workbook(out)["Tiến độ"]
    assert [c.value for c in ws[HEADER_ROW]] == HEADINGS
    titles = [r[1] for r in _rows(ws)]
    assert len(titles) == 9 and titles[2].startswith("Tham gia góp ý xây dựng văn bản")
    # Task 4 only groups its sub-task: a bold heading row without a status; the sub-task is indented.
    group, child = ws.cell(FIRST_ROW + 3, 2), ws.cell(FIRST_ROW + 4, 2)
    assert group.font.bold and ws.cell(FIRST_ROW + 3, 7).value is None
    assert child.value.startswith("Lồng ghép mục tiêu") and child.alignment.indent == 1
    assert ws.cell(FIRST_ROW + 4, 1).value == "-" and ws.cell(FIRST_ROW + 4, 1).quotePrefix
