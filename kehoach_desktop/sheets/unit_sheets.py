"""Sheets for the units (phiếu báo cáo tiến độ): ``kehoach progress-sheets PLAN -o DIR``.

One workbook per unit with the tasks it leads or coordinates. The unit chooses its
progress in the drop-down column "Tiến độ" (Chưa thực hiện / Đang thực hiện / Hoàn
thành) and writes what it did in "Tình hình thực hiện", the column that phrase
names in Vietnamese forms. (Sheets of the previous version called the drop-down
column "Tình hình thực hiện" and the next one "Nội dung đã thực hiện"; the columns
are in the same places, so they still merge, see :mod:`.merge`.) Only the answer
columns (yellow) can be edited: the sheet is protected without a password, so a
unit cannot by mistake change a task, insert or sort rows. Each row carries the
task's ``key`` in a hidden column, and a hidden sheet ``_kehoach`` stamps the plan,
the period, the unit and a digest of the keys, so the merge back
(:mod:`.merge`) can refuse a sheet from another plan or period, or one whose keys
were edited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, NamedStyle, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from ..domain.numbering import tracking_numbers
from ..domain.plan import Plan, Task
from ..domain.progress import NOT_REPORTED, OVERDUE, REPORTED_STATUSES, STATUS_LABELS, Period
from ..domain.text import fold
from ..domain.units import UnitCatalog, unit_key
from ..errors import StorageError, describe_os_error
from ..fileio import write_saved
from .common import (
    ANSWER_FILL,
    BORDER,
    FONT,
    NOT_REPORTED_FILL,
    OVERDUE_FILL,
    STYLE_CELL,
    STYLE_CENTER,
    STYLE_HEADER,
    RowWriter,
    estimate_lines,
    plan_reference,
    put_text,
    register_styles,
    slug,
)

FORMAT = "kehoach-unit-sheet"
VERSION = 1
STAMP_SHEET = "_kehoach"
SHEET_TITLE = "Báo cáo"
HEADER_ROW = 7
FIRST_ROW = 9
STYLE_ANSWER = "kh_answer"

# (heading, width, is an answer column)
COLUMNS = (
    ("STT", 6, False),
    ("Nội dung nhiệm vụ", 40, False),
    ("Vai trò của đơn vị", 11, False),
    ("Thời gian thực hiện", 14, False),
    ("Sản phẩm", 16, False),
    ("Tiến độ", 15, True),  # the drop-down (before: "Tình hình thực hiện")
    ("Tình hình thực hiện", 30, True),  # what was done, in a sentence (before: "Nội dung đã thực hiện")
    ("Kết quả", 24, True),
    ("Tỷ lệ hoàn thành (%)", 10, True),
    ("Khó khăn, vướng mắc", 20, True),
    ("Đề xuất, kiến nghị", 20, True),
    ("Văn bản, minh chứng", 18, True),
    ("Mã nhiệm vụ", 34, False),  # hidden: the task key
)
ANSWERS = ("status", "done", "result", "percent", "difficulties", "proposals", "evidence")
FIRST_ANSWER_COL = 6
KEY_COL = len(COLUMNS)
ROLE_LABELS = {"lead": "Chủ trì", "coordinator": "Phối hợp"}


def keys_digest(keys: list[str]) -> str:
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()


def is_generic_group(name: str, catalog: UnitCatalog) -> bool:
    """"các đơn vị liên quan", "Các phòng, cơ quan, đơn vị thuộc xã": a group, not a unit to send a sheet to."""
    if catalog.find(name):
        return False
    folded = fold(name)
    return folded.startswith(("cac ", "nhung ", "toan the")) or "lien quan" in folded


@dataclass
class UnitTasks:
    """A unit and the tasks it answers for, each with its role (lead or coordinator)."""

    unit: str
    tasks: list[tuple[Task, str]]


def tasks_by_unit(plan: Plan, catalog: UnitCatalog) -> tuple[list[UnitTasks], list[str]]:
    """Units of the plan (catalog spelling, one per normalised name) with their tasks; and the groups skipped."""
    units: dict[str, UnitTasks] = {}
    skipped: dict[str, str] = {}
    for task, _depth in plan.walk_tasks():
        seen: set[str] = set()
        for role, names in (("lead", task.lead), ("coordinator", task.coordinators)):
            for name in names:
                canonical = catalog.canonical(name)
                norm = unit_key(canonical)
                if not norm or norm in seen:
                    continue
                seen.add(norm)
                if is_generic_group(canonical, catalog):
                    skipped.setdefault(norm, canonical)
                    continue
                units.setdefault(norm, UnitTasks(canonical, [])).tasks.append((task, role))
    return list(units.values()), list(skipped.values())


# Tasks the unit leads that need its attention: the STT cell takes the colour of the progress sheet.
_MARKED = {NOT_REPORTED: (NOT_REPORTED_FILL, "vàng cam"), OVERDUE: (OVERDUE_FILL, "đỏ")}


def attention_line(unit: UnitTasks, statuses: dict[str, str], issued: dt.date) -> str:
    """ "Đến ngày 20/12/2026, trong các nhiệm vụ đơn vị chủ trì: 2 chưa báo cáo (ô STT màu vàng cam), ..." or ""."""
    led = [statuses.get(task.key) for task, role in unit.tasks if role == "lead"]
    parts = [f"{led.count(code)} {STATUS_LABELS[code].lower()} (ô STT màu {colour})"
             for code, (_fill, colour) in _MARKED.items() if led.count(code)]
    if not parts:
        return ""
    return f"Đến ngày {issued:%d/%m/%Y}, trong các nhiệm vụ đơn vị chủ trì: {'; '.join(parts)}."


def build_unit_workbook(plan: Plan, unit: UnitTasks, period: Period, issued: dt.date,
                        statuses: dict[str, str] | None = None) -> Workbook:
    """The sheet of one unit; ``statuses`` (task key -> status on ``issued``) marks its tasks needing attention."""
    statuses = statuses or {}
    wb = Workbook()
    register_styles(wb)
    wb.add_named_style(NamedStyle(STYLE_ANSWER, font=Font(name=FONT, size=11), border=BORDER, fill=ANSWER_FILL,
                                  alignment=Alignment(wrap_text=True, vertical="top"),
                                  protection=Protection(locked=False)))
    ws = wb.active
    ws.title = SHEET_TITLE
    last_col = chr(ord("A") + KEY_COL - 2)  # the visible columns
    header = [
        ("PHIẾU BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH", Font(name=FONT, size=13, bold=True)),
        (plan.title, Font(name=FONT, size=13, bold=True)),
        (f"({plan_reference(plan)})", Font(name=FONT, size=12, italic=True)),
        (f"Đơn vị báo cáo: {unit.unit} — Kỳ báo cáo: {period.label} "
         f"(từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y})", Font(name=FONT, size=12, bold=True)),
        ("Hướng dẫn: chỉ điền vào các ô nền vàng; chọn “Tiến độ” trong danh sách; ghi những việc đã làm vào "
         "cột “Tình hình thực hiện”; để trống dòng chưa có gì để báo cáo. Không thêm, xóa hay sắp xếp lại các dòng.",
         Font(name=FONT, size=11, italic=True)),
    ]
    attention = attention_line(unit, statuses, issued)
    if attention:
        header.append((attention, Font(name=FONT, size=11, bold=True, color="7F6000")))
    for row, (text, font) in enumerate(header, start=1):
        ws.merge_cells(f"A{row}:{last_col}{row}")
        cell = put_text(ws.cell(row, 1), text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[row].height = 20 * estimate_lines(text, 200)
    for col, (heading, width, _answer) in enumerate(COLUMNS, start=1):
        ws.cell(HEADER_ROW, col, heading).style = STYLE_HEADER
        ws.cell(HEADER_ROW + 1, col, f"({col})").style = STYLE_HEADER
        ws.column_dimensions[chr(ord("A") + col - 1)].width = width
    ws.row_dimensions[HEADER_ROW].height = 33
    ws.column_dimensions[chr(ord("A") + KEY_COL - 1)].hidden = True

    writer = RowWriter(ws)
    styles = [STYLE_CENTER, STYLE_CELL, STYLE_CENTER, STYLE_CENTER, STYLE_CELL, STYLE_ANSWER, STYLE_ANSWER,
              STYLE_ANSWER, STYLE_ANSWER, STYLE_ANSWER, STYLE_ANSWER, STYLE_ANSWER, STYLE_CELL]
    keys = []
    numbers = tracking_numbers(plan)
    for r, (task, role) in enumerate(unit.tasks, start=FIRST_ROW):
        values = [numbers.get(task.key, task.number), task.title, ROLE_LABELS[role], task.time, task.product or "",
                  None, None, None, None, None, None, None, task.key]
        writer.append(values, styles)
        if role == "lead" and statuses.get(task.key) in _MARKED:
            ws.cell(r, 1).fill = _MARKED[statuses[task.key]][0]
        keys.append(task.key)
        lines = max(3, *(estimate_lines(v, w) for v, (_h, w, _a) in zip(values, COLUMNS, strict=True)
                         if isinstance(v, str)))
        ws.row_dimensions[r].height = min(409, 13 * lines + 4)
    last = FIRST_ROW + max(len(unit.tasks), 1) - 1

    status_col = chr(ord("A") + FIRST_ANSWER_COL - 1)
    labels = ",".join(STATUS_LABELS[s] for s in REPORTED_STATUSES)
    dv = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True, showErrorMessage=True,
                        errorTitle="Tiến độ", error="Hãy chọn trong danh sách; ghi những việc đã làm vào cột "
                        "“Tình hình thực hiện”.")
    dv.add(f"{status_col}{FIRST_ROW}:{status_col}{last}")
    ws.add_data_validation(dv)
    percent_col = chr(ord("A") + FIRST_ANSWER_COL + 2)
    pv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                        showErrorMessage=True, errorTitle="Tỷ lệ hoàn thành",
                        error="Nhập một số từ 0 đến 100 (không cần dấu %).")
    pv.add(f"{percent_col}{FIRST_ROW}:{percent_col}{last}")
    ws.add_data_validation(pv)

    ws.freeze_panes = f"C{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    ws.print_area = f"A1:{last_col}{last}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "Trang &P/&N"
    # Protected without a password: answers stay editable, rows can be made taller to read them.
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False

    stamp = wb.create_sheet(STAMP_SHEET)
    for row in (("format", FORMAT), ("version", VERSION), ("plan_key", plan.key), ("plan_title", plan.title),
                ("period", period.key), ("unit", unit.unit), ("issued", issued.isoformat()),
                ("first_row", FIRST_ROW), ("rows", len(keys)), ("keys_digest", keys_digest(keys))):
        stamp.append(row)
    stamp.sheet_state = "hidden"
    stamp.protection.sheet = True
    wb.active = 0
    return wb


def write_unit_sheets(plan: Plan, catalog: UnitCatalog, period: Period, folder: str | os.PathLike[str],
                      issued: dt.date | None = None, statuses: dict[str, str] | None = None,
                      ) -> tuple[list[tuple[str, Path, int]], list[str]]:
    """One workbook per unit in ``folder``; returns (unit, path, number of tasks) and the skipped groups.

    ``statuses`` (task key -> status on ``issued``) marks the tasks a unit leads that are "Chưa báo cáo" or
    "Quá hạn".
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(describe_os_error(exc, folder)) from None
    units, skipped = tasks_by_unit(plan, catalog)
    written = []
    used: set[str] = set()
    for unit in units:
        name = f"tien-do-{period.key}-{slug(unit.unit)}"
        while name in used:
            name += "-2"
        used.add(name)
        wb = build_unit_workbook(plan, unit, period, issued or dt.date.today(), statuses)
        path = write_saved(folder / f"{name}.xlsx", wb.save)
        written.append((unit.unit, path, len(unit.tasks)))
    return written, skipped
