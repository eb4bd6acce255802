"""Issue #11: the status of a real plan imported today is one a clerk can believe.

A commune's plan (Kế hoạch 05/KH-UBND of xã Lam Vỹ, as Word prints it) is imported
with ``kehoach import``; its tasks are "Thường xuyên", "Hằng năm", "Định kỳ ...". No
task may be "Quá hạn" for a cut-off that came before the plan existed, and a
recurring task whose report is missing is "Chưa báo cáo", never "Quá hạn".
"""

from __future__ import annotations

import datetime as dt
import re

import docx
import pytest
from openpyxl import load_workbook

from kehoach_desktop.domain.plan import PartialDate
from kehoach_desktop.domain.progress import NOT_REPORTED, NOT_STARTED, OVERDUE, Period
from kehoach_desktop.sheets.progress_sheet import FIRST_ROW, STATUS_COLUMN
from kehoach_desktop.sheets.tracking import export_progress_sheet, plan_progress, write_period_report
from tests.conftest import load_fixture, run_cli
from tests.importdocs import plan_docx

D = dt.date
SIGNED = D(2026, 12, 2)  # the plan's date, and the day it is imported
TODAY = D(2026, 12, 3)


def _import(db_path, tmp_path, name: str, date: PartialDate | None, times: dict[str, str] | None = None) -> int:
    """The plan as a Word file, imported the way a clerk does it: ``kehoach import plan.docx``."""
    plan = load_fixture(name)
    plan.date = date
    for task, _ in plan.walk_tasks():
        task.time = (times or {}).get(task.number, task.time)
    path = plan_docx(plan, tmp_path / f"{name}.docx")
    result = run_cli("import", str(path), db=db_path, check=True)
    plan_id = int(result.stdout.strip().splitlines()[-1])
    # Pin the day it was entered in the app (the clock of the test run is not the clerk's day).
    from kehoach_desktop.services import Store

    with Store.open(db_path) as store:
        with store.database.transaction():
            store.database.conn.execute("UPDATE plans SET created_at = ? WHERE id = ?",
                                        (f"{SIGNED.isoformat()}T09:30:00", plan_id))
    return plan_id


def _report_counts(path) -> dict[str, str]:
    document = docx.Document(str(path))
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["STT", "Tình trạng"])
    return {row.cells[1].text: row.cells[2].text for row in table.rows[1:]}


# "Định kỳ 6 tháng" and a deadline of June, as in the plan of the issue.
TIMES = {"3": "Định kỳ 6 tháng, hằng năm và đột xuất khi có yêu cầu", "4": "Quý II/2026"}


def test_a_plan_dated_02_12_is_not_overdue_for_earlier_cut_offs(db_path, tmp_path):
    from kehoach_desktop.services import Store

    plan_id = _import(db_path, tmp_path, "ke-hoach-xa-lam-vy", PartialDate(2026, 12, 2), TIMES)
    with Store.open(db_path) as store:
        plan, rows = plan_progress(store, plan_id, TODAY)
        assert plan.date == PartialDate(2026, 12, 2)
        times = [r.task.time for r in rows]
        assert "Thường xuyên" in times and TIMES["3"] in times and "Quý II/2026" in times and len(rows) == 7
        # On 03/12/2026 nothing has come due since the plan was signed: the 14/6 cut-off and June's deadline
        # came before it.
        assert [r.status for r in rows] == [NOT_STARTED] * 7

        sheet = export_progress_sheet(store, plan_id, tmp_path / "tien-do.xlsx", today=TODAY)
        ws = load_workbook(sheet)["Tiến độ"]
        shown = [ws.cell(r, STATUS_COLUMN).value for r in range(FIRST_ROW, FIRST_ROW + 7)]
        assert shown == ["Chưa thực hiện"] * 7

        report = write_period_report(store, plan_id, Period("year", 2026), tmp_path / "bc.docx", today=TODAY)
        counts = _report_counts(report)
        assert counts["Quá hạn"] == "0" and counts["Chưa báo cáo"] == "0" and counts["Chưa thực hiện"] == "7"

        # After the 14/12 cut-off with no report: the recurring tasks are "Chưa báo cáo", not "Quá hạn";
        # June's deadline still does not count against a plan of December.
        _plan, later = plan_progress(store, plan_id, D(2026, 12, 20))
        by_time = {r.task.time: r.status for r in later}
        assert by_time["Thường xuyên"] == NOT_REPORTED and by_time[TIMES["3"]] == NOT_REPORTED
        assert by_time["Quý II/2026"] == NOT_STARTED
        assert OVERDUE not in by_time.values()
        report = write_period_report(store, plan_id, Period("year", 2027), tmp_path / "bc2.docx",
                                     today=D(2026, 12, 20))
        counts = _report_counts(report)
        assert counts["Quá hạn"] == "0" and counts["Chưa báo cáo"] == "6"


@pytest.mark.parametrize(("name", "date"), [
    ("ke-hoach-xa-lam-vy", None),  # the sample as sent: its header (number and date) lost
    ("ke-hoach-phuong-bach-dang", None),
    ("ke-hoach-xa-binh-giang-nd142", PartialDate(2026, 6)),  # "ngày    tháng 6 năm 2026"
])
def test_a_plan_without_its_full_date_counts_from_the_day_it_was_imported(db_path, tmp_path, name, date):
    from kehoach_desktop.services import Store

    plan_id = _import(db_path, tmp_path, name, date)
    with Store.open(db_path) as store:
        plan, rows = plan_progress(store, plan_id, TODAY)
        assert plan.date == date
        assert any(r.task.time == "Thường xuyên" for r in rows)
        # Before: "Thường xuyên" was "Quá hạn" for the 14/6 cut-off of a plan first seen on 02/12.
        assert {r.status for r in rows} == {NOT_STARTED}
        sheet = export_progress_sheet(store, plan_id, tmp_path / "tien-do.xlsx", today=TODAY)
        text = " ".join(str(c.value) for row in load_workbook(sheet)["Tiến độ"].iter_rows() for c in row)
        assert not re.search(r"\bQuá hạn\b", text.replace("Hoàn thành quá hạn", ""))
