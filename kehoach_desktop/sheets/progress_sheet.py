"""The progress sheet (bảng theo dõi tiến độ) emailed upward: ``kehoach export PLAN -o tien-do.xlsx``.

One row per task with the columns of DOMAIN.md §5, the plan's reference above the
table, A4 landscape fitted to one page wide with the header rows repeated on every
printed page, a status drop-down (the five statuses of DOMAIN.md §5), overdue rows
in red and rows whose report is missing ("Chưa báo cáo") in amber, and a summary
sheet (counts by status and by unit, with a chart).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.numbering import task_places
from ..domain.plan import Plan, Task
from ..domain.progress import (
    LISTED_STATUSES,
    NOT_REPORTED,
    OVERDUE,
    STATUS_LABELS,
    STATUSES,
    Period,
    TaskProgress,
    count_statuses,
    counts_by_unit,
    latest_by_unit,
)
from ..fileio import write_saved
from .common import (
    FONT,
    NOT_REPORTED_FILL,
    OVERDUE_FILL,
    STYLE_CELL,
    STYLE_CENTER,
    STYLE_GROUP,
    STYLE_HEADER,
    RowWriter,
    estimate_lines,
    indented,
    plan_reference,
    put_text,
    register_styles,
)

HEADINGS = ("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm",
            "Tình hình thực hiện", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị")
WIDTHS = (6, 42, 17, 18, 14, 17, 14, 30, 20, 20)  # characters; about one A4 landscape page at 62 %
STATUS_COLUMN = 7  # G: Tình hình thực hiện
HEADER_ROW = 6  # the table's heading row; row 7 numbers the columns (1) ... (10)
FIRST_ROW = 8
SHEET_TITLE = "Tiến độ"
_CENTERED = tuple(STYLE_CENTER if col in (1, 5, STATUS_COLUMN) else STYLE_CELL for col in range(1, 11))
_GROUP = tuple(STYLE_CENTER if col in (1, 5, STATUS_COLUMN) else STYLE_GROUP for col in range(1, 11))
SUMMARY_TITLE = "Tổng hợp"


def status_list_validation(first_row: int, last_row: int, column: str) -> DataValidation:
    """The drop-down of the five statuses of DOMAIN.md §5 on one column ("Chưa báo cáo" is computed, not chosen)."""
    labels = ",".join(STATUS_LABELS[s] for s in LISTED_STATUSES)
    dv = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True, showDropDown=False,
                        showErrorMessage=True, errorTitle="Tình trạng không hợp lệ",
                        error="Hãy chọn một tình trạng trong danh sách.")
    dv.add(f"{column}{first_row}:{column}{max(first_row, last_row)}")
    return dv


def _joined(entries: list, attribute: str, several: bool) -> str:
    """Answers of several units, one line each, prefixed with the unit when there are several."""
    lines = []
    for entry in entries:
        text = entry.summary() if attribute == "summary" else getattr(entry, attribute).strip()
        if text:
            lines.append(f"{entry.unit}: {text}" if several and entry.unit else text)
    return "\n".join(lines)


def _title_block(ws: Worksheet, plan: Plan, subtitle: str) -> None:
    last = chr(ord("A") + len(HEADINGS) - 1)
    lines = [
        ("BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH", Font(name=FONT, size=13, bold=True), 20),
        (plan.title, Font(name=FONT, size=13, bold=True), 20 * max(1, estimate_lines(plan.title, 150))),
        (f"(Kèm theo {plan_reference(plan)})", Font(name=FONT, size=12, italic=True), 18),
        (subtitle, Font(name=FONT, size=12, italic=True), 18),
    ]
    for row, (text, font, height) in enumerate(lines, start=1):
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = put_text(ws.cell(row, 1), text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[row].height = height


def _table(ws: Worksheet, plan: Plan, rows: list[TaskProgress], period: Period | None,
           grouped: bool | None = None) -> int:
    """Write the heading and one row per task; return the last row written.

    A plan derived from an upper plan (unless ``grouped`` is False) lists its tasks under the upper plan's
    tasks they carry out, a bold row "Nhiệm vụ 3 của KH 117/KH-UBND: …" above each group
    (:func:`~kehoach_desktop.documents.report.upper_groups`), its own tasks last under "Nhiệm vụ khác của xã".
    """
    from ..documents.report import upper_groups

    for col, (heading, width) in enumerate(zip(HEADINGS, WIDTHS, strict=True), start=1):
        ws.cell(HEADER_ROW, col, heading).style = STYLE_HEADER
        ws.cell(HEADER_ROW + 1, col, f"({col})").style = STYLE_HEADER
        ws.column_dimensions[chr(ord("A") + col - 1)].width = width
    ws.row_dimensions[HEADER_ROW].height = 33
    by_task = {r.task.id: r for r in rows}
    writer = RowWriter(ws)
    r = FIRST_ROW - 1
    places = task_places(plan)  # tasks in II and in a phụ lục: a row saying where each list starts again at 1
    groups = upper_groups(plan) if grouped is not False else None
    listed: list[tuple[str | None, Task, int]] = []
    if groups:
        for heading, members in groups:
            listed.append((heading, members[0][0], -1) if members else (heading, Task(""), -1))
            listed += [(None, task, depth) for task, depth in members]
    else:
        for task, depth in plan.walk_tasks():
            if depth == 0 and task.key in places:
                listed.append((places[task.key], task, -1))
            listed.append((None, task, depth))
    for heading, task, depth in listed:
        if heading is not None:
            r += 1
            writer.append(("", heading, *[""] * (len(HEADINGS) - 2)), _GROUP)
            if groups:  # the upper task's wording across the row
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=len(HEADINGS))
                ws.row_dimensions[r].height = min(409, 13 * estimate_lines(heading, sum(WIDTHS[1:])) + 4)
            continue
        r += 1
        progress = by_task.get(task.id)
        entries = []
        if progress is not None:
            chosen = [e for e in progress.entries if period is None or period.includes_key(e.period)
                      or (not e.period and period.covers(e.date))]
            entries = latest_by_unit(chosen)
        several = len({e.unit for e in entries}) > 1
        values = (
            task.number,
            task.title,
            "; ".join(task.lead) or "\n".join(task.assignment),  # units written in sentences
            "; ".join(task.coordinators),
            task.time,
            task.product or "",
            progress.label if progress else "",
            _joined(entries, "summary", several),
            _joined(entries, "difficulties", several),
            _joined(entries, "proposals", several),
        )
        styles = _CENTERED if progress else _GROUP
        if depth:
            styles = (*styles[:1], indented(depth), *styles[2:])
        writer.append(values, styles)
        lines = max(estimate_lines(value, width) for value, width in zip(values, WIDTHS, strict=True))
        ws.row_dimensions[r].height = min(409, 13 * lines + 4)
    return r


def _summary(wb: Workbook, plan: Plan, rows: list[TaskProgress], subtitle: str) -> None:
    ws = wb.create_sheet(SUMMARY_TITLE)
    ws.column_dimensions["A"].width = 40
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 13
    ws["A1"] = "TỔNG HỢP TÌNH HÌNH THỰC HIỆN"
    ws["A1"].font = Font(name=FONT, size=13, bold=True)
    put_text(ws["A2"], f"{plan_reference(plan)} — {subtitle}").font = Font(name=FONT, size=12, italic=True)

    counts = count_statuses(rows)
    ws.cell(4, 1, "Tình trạng").style = STYLE_HEADER
    ws.cell(4, 2, "Số nhiệm vụ").style = STYLE_HEADER
    ws.cell(4, 3, "Tỷ lệ").style = STYLE_HEADER
    for i, (label, count) in enumerate(counts.rows(), start=5):
        ws.cell(i, 1, label).style = STYLE_CELL
        ws.cell(i, 2, count).style = STYLE_CENTER
        share = ws.cell(i, 3, count / counts.total if counts.total else 0)
        share.style = STYLE_CENTER
        share.number_format = "0%"
    total_row = 5 + len(STATUSES)
    ws.cell(total_row, 1, "Tổng số").style = STYLE_GROUP
    ws.cell(total_row, 2, counts.total).style = STYLE_HEADER

    chart = BarChart()
    chart.type = "col"
    chart.title = "Số nhiệm vụ theo tình trạng"
    chart.legend = None
    chart.y_axis.title = "Số nhiệm vụ"
    chart.add_data(Reference(ws, min_col=2, min_row=4, max_row=total_row - 1), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=5, max_row=total_row - 1))
    chart.height, chart.width = 7.5, 16
    ws.add_chart(chart, "E4")

    top = total_row + 12
    ws.cell(top - 1, 1, "Theo đơn vị chủ trì").font = Font(name=FONT, size=12, bold=True)
    ws.cell(top, 1, "Đơn vị chủ trì").style = STYLE_HEADER
    for col, status in enumerate(STATUSES, start=2):
        ws.cell(top, col, STATUS_LABELS[status]).style = STYLE_HEADER
    ws.cell(top, 2 + len(STATUSES), "Tổng số").style = STYLE_HEADER
    ws.row_dimensions[top].height = 33
    for i, (unit, unit_counts) in enumerate(counts_by_unit(rows).items(), start=top + 1):
        put_text(ws.cell(i, 1), unit).style = STYLE_CELL
        for col, status in enumerate(STATUSES, start=2):
            ws.cell(i, col, unit_counts.counts[status]).style = STYLE_CENTER
        ws.cell(i, 2 + len(STATUSES), unit_counts.total).style = STYLE_CENTER
    _print_setup(ws, portrait=True)


def _print_setup(ws: Worksheet, portrait: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait" if portrait else "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.oddFooter.center.font = f"{FONT},Regular"
    ws.oddFooter.center.size = 10
    ws.print_options.horizontalCentered = True


def build_progress_workbook(plan: Plan, rows: list[TaskProgress], today: dt.date,
                            period: Period | None = None, grouped: bool | None = None) -> Workbook:
    """The progress sheet as an openpyxl workbook (see :func:`write_progress_sheet`); ``grouped``: the tasks under
    the upper plan's tasks (default: when the plan was derived from one)."""
    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    ws.title = SHEET_TITLE
    subtitle = (f"Kỳ báo cáo {period.label} (từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y})"
                if period else f"Tình hình đến ngày {today:%d/%m/%Y}")
    _title_block(ws, plan, subtitle)
    last = _table(ws, plan, rows, period, grouped)
    ws.freeze_panes = f"C{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    ws.print_area = f"A1:J{last}"
    status_col = chr(ord("A") + STATUS_COLUMN - 1)
    ws.add_data_validation(status_list_validation(FIRST_ROW, last, status_col))
    # Overdue (red) and unreported (amber) rows follow the status cell, also after the office changes it by hand.
    for status, fill, colour in ((OVERDUE, OVERDUE_FILL, "9C0006"), (NOT_REPORTED, NOT_REPORTED_FILL, "7F6000")):
        ws.conditional_formatting.add(
            f"A{FIRST_ROW}:J{max(FIRST_ROW, last)}",
            FormulaRule(formula=[f'${status_col}{FIRST_ROW}="{STATUS_LABELS[status]}"'], fill=fill,
                        font=Font(name=FONT, color=colour)))
    _print_setup(ws)
    _summary(wb, plan, rows, subtitle)
    wb.active = 0
    return wb


def write_progress_sheet(plan: Plan, rows: list[TaskProgress], target: str | os.PathLike[str],
                         today: dt.date, period: Period | None = None, grouped: bool | None = None) -> Path:
    """Write the progress sheet to ``target`` (through a temporary file, moved into place)."""
    wb = build_progress_workbook(plan, rows, today, period, grouped)
    return write_saved(target, wb.save)
