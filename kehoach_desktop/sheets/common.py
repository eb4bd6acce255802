"""What the progress sheet and the unit sheets share: styles, safe text cells, plan references."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.plan import Plan
from ..domain.text import fold, nfc

FONT = "Times New Roman"
# Text starting with these would become a formula (or be read as one by Excel/LibreOffice).
_FORMULA_START = ("=", "+", "-", "@")

_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
ANSWER_FILL = PatternFill("solid", fgColor="FFF9E5")  # cells the unit fills in
OVERDUE_FILL = PatternFill("solid", fgColor="F8CBAD")
NOT_REPORTED_FILL = PatternFill("solid", fgColor="FFE699")  # amber: a report is missing, not a deadline passed

STYLE_CELL = "kh_cell"
STYLE_GROUP = "kh_group"
STYLE_CENTER = "kh_center"
STYLE_HEADER = "kh_header"


def register_styles(wb: Workbook, size: int = 11) -> None:
    """Named styles: one style record shared by thousands of cells (small and fast to write)."""
    styles = [
        NamedStyle(STYLE_CELL, font=Font(name=FONT, size=size), border=BORDER,
                   alignment=Alignment(wrap_text=True, vertical="top")),
        NamedStyle(STYLE_GROUP, font=Font(name=FONT, size=size, bold=True), border=BORDER,
                   alignment=Alignment(wrap_text=True, vertical="top")),
        NamedStyle(STYLE_CENTER, font=Font(name=FONT, size=size), border=BORDER,
                   alignment=Alignment(wrap_text=True, vertical="top", horizontal="center")),
        NamedStyle(STYLE_HEADER, font=Font(name=FONT, size=size, bold=True), border=BORDER, fill=HEADER_FILL,
                   alignment=Alignment(wrap_text=True, vertical="center", horizontal="center")),
    ]
    # Sub-tasks are indented under their parent in the "Nội dung nhiệm vụ" column.
    for depth in (1, 2, 3):
        styles.append(NamedStyle(f"{STYLE_CELL}_{depth}", font=Font(name=FONT, size=size), border=BORDER,
                                 alignment=Alignment(wrap_text=True, vertical="top", indent=depth)))
    for style in styles:
        wb.add_named_style(style)


def indented(depth: int) -> str:
    """The cell style of a task title ``depth`` levels down (0 = top level)."""
    return f"{STYLE_CELL}_{min(depth, 3)}" if depth else STYLE_CELL


def put_text(cell: Cell, text: str | None) -> Cell:
    """Write ``text`` as text, never as a formula: "=SUM(A1)", "-50%", "+84..." stay what was typed."""
    value = (text if unicodedata.is_normalized("NFC", text) else nfc(text)) if text else None
    cell.value = value
    if value and value.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


class RowWriter:
    """Appends styled rows fast: a named style is resolved once, then shared by every cell.

    Setting ``cell.style`` looks the named style up for each cell, which made the
    2,000-task sheet 2.4x slower than unstyled openpyxl; cells built with a ready
    style array and appended (openpyxl's write-only-compatible path) cost about as
    much as plain values.
    """

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self._arrays: dict[str, object] = {}

    def style(self, name: str) -> object:
        if name not in self._arrays:
            probe = Cell(self.ws)
            probe.style = name
            self._arrays[name] = probe._style
        return self._arrays[name]

    def append(self, values: Sequence[object], styles: Sequence[str]) -> None:
        cells = []
        for value, style in zip(values, styles, strict=True):
            if value is None or value == "":
                cell = Cell(self.ws, style_array=self.style(style))  # a bordered empty cell
            elif isinstance(value, str):
                cell = Cell(self.ws, style_array=self.style(style))
                put_text(cell, value)
            else:
                cell = Cell(self.ws, value=value, style_array=self.style(style))
            cells.append(cell)
        self.ws.append(cells)


def issuer_name(plan: Plan) -> str:
    """``UBND xã Lam Vỹ`` from the issuer lines ``ỦY BAN NHÂN DÂN / XÃ LAM VỸ`` and the place."""
    last = plan.issuer[-1] if plan.issuer else ""
    folded = fold(last)
    for prefix, word in (("xa ", "xã"), ("phuong ", "phường"), ("dac khu ", "đặc khu")):
        if folded.startswith(prefix):
            name = plan.place or last[len(word) + 1:].title()
            return f"UBND {word} {name}"
    return last


def plan_reference(plan: Plan) -> str:
    """``Kế hoạch số 05/KH-UBND ngày 20/3/2026 của UBND xã Lam Vỹ`` (blanks kept for a draft)."""
    number = f"{plan.number}/{plan.symbol}" if plan.number else f"     /{plan.symbol}"
    date = ""
    if plan.date:
        d = plan.date
        date = f" ngày {d.day or '    '}/{d.month}/{d.year}" if d.month else f" năm {d.year}"
    else:
        date = " ngày     /     /"
    owner = issuer_name(plan)
    return f"Kế hoạch số {number}{date}" + (f" của {owner}" if owner else "")


def estimate_lines(text: str | None, width_chars: float) -> int:
    """How many printed lines a wrapped cell needs (rows are given a height to match)."""
    if not text:
        return 1
    per_line = max(4.0, width_chars * 1.4)
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


def slug(text: str) -> str:
    """A file-name-safe ASCII form: "Phòng Văn hóa - Xã hội" -> "phong-van-hoa-xa-hoi"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "don-vi"
