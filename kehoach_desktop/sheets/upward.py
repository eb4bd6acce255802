"""The report sheet a commune sends upward (phiếu báo cáo gửi cấp trên): ``kehoach report-sheet PLAN``.

A plan derived from the province's (``Plan.upper``, each task's ``Task.source``) is reported on against the
province's own tasks: one row per item of the upper plan that the commune's plan carries out, with the
commune's role, its combined status for the item (from its own tasks' status at the end of the period,
:func:`combined_status`) and what its units reported in the period, joined. The province office rolls up
~100 of these (:mod:`.rollup`), so the sheet carries what it needs to match it without anything exchanged
beforehand: each row the item's key computed from the document (:mod:`kehoach_desktop.domain.upper`) in a
hidden column, and a hidden sheet ``_kehoach`` with the format, the upper plan's reference (key, number,
symbol, date, issuer, title), the commune's name, the period and a digest over the keys and every answer.

Unlike a unit sheet, nothing of it is to be filled in: the commune's answers come from its database, so
the whole sheet is protected (without a password) and the digest makes the province refuse a sheet
edited after it was written ("phiếu đã bị sửa"); a correction is made in the app and the sheet written
again, and the province's roll-up takes the newer sheet in place of the older one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import InvalidFileException

from ..domain.numbering import printed, tracking_numbers
from ..domain.plan import PartialDate, Plan, SourceTask, UpperPlan
from ..domain.progress import (
    DONE,
    DONE_LATE,
    IN_PROGRESS,
    NOT_REPORTED,
    NOT_STARTED,
    OVERDUE,
    STATUS_LABELS,
    Period,
    ProgressEntry,
    TaskProgress,
    latest_by_unit,
)
from ..domain.text import clean_line, fold, nfc
from ..domain.upper import agency_name
from ..errors import InvalidInput, KnownError
from ..fileio import write_saved
from .common import (
    FONT,
    NOT_REPORTED_FILL,
    OVERDUE_FILL,
    STYLE_CELL,
    STYLE_CENTER,
    STYLE_HEADER,
    RowWriter,
    estimate_lines,
    issuer_name,
    plan_reference,
    put_text,
    register_styles,
)

if TYPE_CHECKING:
    from ..services import Store

FORMAT = "kehoach-upward-sheet"
VERSION = 1
STAMP_SHEET = "_kehoach"
SHEET_TITLE = "Báo cáo"
HEADER_ROW = 7
FIRST_ROW = 9

# (heading, width); the last column is hidden: the upper item's key
COLUMNS = (
    ("STT", 6),
    ("Nhiệm vụ của kế hoạch cấp trên", 36),
    ("Vai trò của xã, phường", 11),
    ("Nhiệm vụ của xã, phường thực hiện", 26),
    ("Tình hình thực hiện", 14),
    ("Nội dung đã thực hiện", 30),
    ("Kết quả", 24),
    ("Khó khăn, vướng mắc", 20),
    ("Đề xuất, kiến nghị", 20),
    ("Văn bản, minh chứng", 18),
    ("Mã nhiệm vụ cấp trên", 34),
)
KEY_COL = len(COLUMNS)
STATUS_COL = 5
TEXTS = ("done", "result", "difficulties", "proposals", "evidence")
ROLE_LABELS = {"lead": "Chủ trì", "coordinator": "Phối hợp", "chu tri": "Chủ trì", "phoi hop": "Phối hợp"}
_STATUS_BY_LABEL = {fold(label): code for code, label in STATUS_LABELS.items()}
_FILLS = {OVERDUE: OVERDUE_FILL, NOT_REPORTED: NOT_REPORTED_FILL}


def combined_status(codes: list[str]) -> str:
    """The commune's status for an upper item from the statuses of its tasks carrying it out.

    Any task past its own deadline makes the item *Quá hạn*; all done makes it *Hoàn thành* (*Hoàn thành quá
    hạn* when one was late); a missing report of an ended period *Chưa báo cáo*; nothing begun *Chưa thực
    hiện*; anything else *Đang thực hiện* (some done, some under way).
    """
    found = set(codes)
    if not found:
        return NOT_STARTED
    if OVERDUE in found:
        return OVERDUE
    if found <= {DONE, DONE_LATE}:
        return DONE_LATE if DONE_LATE in found else DONE
    if NOT_REPORTED in found:
        return NOT_REPORTED
    if found == {NOT_STARTED}:
        return NOT_STARTED
    return IN_PROGRESS


@dataclass
class UpwardRow:
    """One item of the upper plan as the commune reports it."""

    key: str  # the upper item's key (SourceTask.task)
    number: str  # its number in the upper plan
    title: str  # its wording there
    role: str = ""  # the commune's role: Chủ trì / Phối hợp / ""
    tasks: str = ""  # the commune's tasks carrying it out ("1. Tuyên truyền …")
    status: str = NOT_STARTED  # a status code (NOT_REPORTED possible: computed at the commune)
    done: str = ""
    result: str = ""
    difficulties: str = ""
    proposals: str = ""
    evidence: str = ""
    row: int = 0  # the sheet row it was read from

    def answer(self) -> dict[str, str]:
        return {"status": self.status, **{name: getattr(self, name) for name in TEXTS}}

    @property
    def has_text(self) -> bool:
        return any(getattr(self, name) for name in TEXTS)


@dataclass
class UpwardSheet:
    """A commune's report sheet as read back (or as about to be written)."""

    upper: UpperPlan
    commune: str
    period: Period
    rows: list[UpwardRow]
    plan_key: str = ""  # the commune's own plan
    plan_title: str = ""
    issued: dt.date | None = None
    digest: str = ""
    path: Path | None = None
    extra: dict = field(default_factory=dict)


def sheet_digest(upper_key: str, commune: str, period: Period, rows: list[UpwardRow]) -> str:
    """Over everything the province takes from the sheet: a cell changed after writing changes it."""
    data = [FORMAT, upper_key, nfc(commune), period.key,
            [[r.key, r.number, r.title, r.role, r.tasks, STATUS_LABELS[r.status], *(getattr(r, n) for n in TEXTS)]
             for r in rows]]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


# --- the commune's side -------------------------------------------------------------------------

def commune_name(store: Store, plan: Plan | None = None) -> str:
    """``UBND xã Lam Vỹ`` from the office's settings (the commune it was set up for), else the plan's issuer."""
    from ..services import SETTING_COMMUNE

    commune = store.get_setting(SETTING_COMMUNE) or {}
    name = clean_line(str(commune.get("name") or "")) if isinstance(commune, dict) else ""
    if name:
        if fold(name).startswith(("ubnd ", "uy ban nhan dan ", "dac khu ")):
            return name
        word = "phường" if commune.get("kind") == "phuong" else "xã"
        return f"UBND {word} {name}"
    return issuer_name(plan) if plan is not None else ""


def _upper_in_store(store: Store, upper: UpperPlan) -> Plan | None:
    """The upper plan itself when this database holds it too (the commune imported the province's plan)."""
    from ..domain.upper import same_upper, upper_of

    for summary in store.plans.list():
        if (summary.number or "").lstrip("0") != (upper.number or "").lstrip("0") or not upper.number:
            continue
        candidate = store.plans.load(summary.id)
        if candidate.upper is None and same_upper(upper_of(candidate), upper):
            return candidate
    return None


def _roles(store: Store, plan: Plan, commune: str) -> dict[str, str]:
    """The commune's role for each upper item: the province's duties for communes (domain.derive) when the
    upper plan is in this database, else what each derived task's link says (``SourceTask.role``)."""
    from ..domain.derive import commune_duties

    assert plan.upper is not None
    upper = _upper_in_store(store, plan.upper)
    if upper is not None:
        return {duty.source.task: ROLE_LABELS[duty.role] for duty in commune_duties(upper)}
    return {task.source.task: ROLE_LABELS[task.source.role] for task, _ in plan.walk_tasks()
            if task.source is not None and task.source.role in ROLE_LABELS}


def _sources(plan: Plan) -> list[tuple[SourceTask, list]]:
    """Each upper item the plan carries out, with the plan's tasks under it (a task without a link of its own
    goes with its nearest linked parent), in the plan's order."""
    groups: dict[str, tuple[SourceTask, list]] = {}
    stack: list[SourceTask | None] = []
    for task, depth in plan.walk_tasks():
        del stack[depth:]
        source = task.source or (stack[-1] if stack else None)
        stack.append(source)
        if source is not None:
            groups.setdefault(source.task, (source, []))[1].append(task)
    return list(groups.values())


def _joined(entries: list[ProgressEntry], attribute: str, several: bool) -> str:
    lines = []
    for entry in entries:
        if attribute == "result":
            text = entry.result.strip().rstrip(".;")
            if entry.percent is not None:
                text = f"{text} ({entry.percent:g}%)" if text else f"Đạt {entry.percent:g}%"
        else:
            text = getattr(entry, attribute).strip()
        if text and text not in lines:
            lines.append(f"{entry.unit}: {text}" if several and entry.unit else text)
    return "\n".join(lines)


def upward_rows(plan: Plan, rows: list[TaskProgress], period: Period, roles: dict[str, str]) -> list[UpwardRow]:
    """One row per upper item carried out by ``plan``, its status combined from its tasks' on ``rows``."""
    by_key = {r.task.key: r for r in rows}
    numbers = tracking_numbers(plan)
    out = []
    for source, tasks in _sources(plan):
        tracked = [by_key[t.key] for t in tasks if t.key in by_key]
        if not tracked:  # a mere heading carrying the link: its sub-tasks (with links of their own) tell
            tracked = [by_key[d.key] for t in tasks for d, _ in t.walk() if d.key in by_key]
        entries: list[ProgressEntry] = []
        for row in tracked:
            entries += latest_by_unit([e for e in row.entries if period.includes_key(e.period)
                                       or (not e.period and period.covers(e.date))])
        several = len({e.unit for e in entries}) > 1
        out.append(UpwardRow(
            key=source.task, number=source.number, title=source.title, role=roles.get(source.task, ""),
            tasks="\n".join(f"{printed(numbers.get(t.key, t.number))} {t.title}".strip() for t in tasks
                            if t.key in by_key or t.source is not None),
            status=combined_status([r.status for r in tracked]),
            done=_joined(entries, "done", several), result=_joined(entries, "result", several),
            difficulties=_joined(entries, "difficulties", several),
            proposals=_joined(entries, "proposals", several), evidence=_joined(entries, "evidence", several)))
    return out


def build_upward_sheet(store: Store, plan_id: int, period: Period, today: dt.date | None = None) -> UpwardSheet:
    """What the commune's sheet for ``period`` says (nothing written yet)."""
    from ..documents.report import report_rows

    plan = store.plans.load(plan_id)
    if plan.upper is None:
        raise InvalidInput(f"Kế hoạch “{plan.title}” không được lập theo kế hoạch cấp trên nào, nên không có phiếu "
                           "báo cáo gửi cấp trên; hãy dùng “kehoach report” (Báo cáo) hoặc “kehoach export … .xlsx” "
                           "(bảng tiến độ).")
    if not any(t.source for t, _ in plan.walk_tasks()):
        raise InvalidInput(f"Chưa nhiệm vụ nào của kế hoạch “{plan.title}” được gắn với một nhiệm vụ của "
                           f"KH {plan.upper.reference}; hãy chọn nhiệm vụ cấp trên cho các nhiệm vụ rồi lập lại phiếu.")
    today = today or dt.date.today()
    rows, _ref = report_rows(plan, store.progress.for_plan(plan_id), period, today,
                             store.progress.created_on(plan_id))
    commune = nfc(commune_name(store, plan))
    upward = upward_rows(plan, rows, period, _roles(store, plan, commune))
    for item in upward:  # as the cells will hold them (the digest is over what the province reads)
        for name in ("number", "title", "role", "tasks", *TEXTS):
            setattr(item, name, nfc(getattr(item, name)))
    return UpwardSheet(plan.upper, commune, period, upward, plan.key, plan.title, today,
                       sheet_digest(plan.upper.key, commune, period, upward), extra={"plan": plan})


def _upper_reference(upper: UpperPlan) -> str:
    date = f" ngày {upper.date.day or '…'}/{upper.date.month}/{upper.date.year}" if upper.date and upper.date.month \
        else (f" năm {upper.date.year}" if upper.date else "")
    owner = f" của {agency_name(upper.issuer)[1]}" if upper.issuer else ""
    return f"Kế hoạch số {upper.reference}{date}{owner}"


def build_upward_workbook(sheet: UpwardSheet) -> Workbook:
    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    ws.title = SHEET_TITLE
    last_col = chr(ord("A") + KEY_COL - 2)
    plan: Plan | None = sheet.extra.get("plan")
    header = [
        (f"BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ {sheet.upper.reference.upper()}", Font(name=FONT, size=13, bold=True)),
        (sheet.upper.title, Font(name=FONT, size=13, bold=True)),
        (f"({_upper_reference(sheet.upper)})", Font(name=FONT, size=12, italic=True)),
        (f"Đơn vị báo cáo: {sheet.commune} — Kỳ báo cáo: {sheet.period.label} "
         f"(từ {sheet.period.start:%d/%m/%Y} đến {sheet.period.end:%d/%m/%Y})", Font(name=FONT, size=12, bold=True)),
        ((f"Thực hiện theo {plan_reference(plan)}. " if plan else "")
         + f"Phiếu lập ngày {sheet.issued or dt.date.today():%d/%m/%Y} bằng KeHoach Desktop; không sửa trên phiếu "
         "(phiếu bị sửa sẽ không được nhận): cần sửa thì sửa trong phần mềm rồi lập lại phiếu.",
         Font(name=FONT, size=11, italic=True)),
    ]
    for row, (text, font) in enumerate(header, start=1):
        ws.merge_cells(f"A{row}:{last_col}{row}")
        cell = put_text(ws.cell(row, 1), text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.row_dimensions[row].height = 20 * estimate_lines(text, 200)
    for col, (heading, width) in enumerate(COLUMNS, start=1):
        ws.cell(HEADER_ROW, col, heading).style = STYLE_HEADER
        ws.cell(HEADER_ROW + 1, col, f"({col})").style = STYLE_HEADER
        ws.column_dimensions[chr(ord("A") + col - 1)].width = width
    ws.row_dimensions[HEADER_ROW].height = 33
    ws.column_dimensions[chr(ord("A") + KEY_COL - 1)].hidden = True

    writer = RowWriter(ws)
    styles = [STYLE_CENTER, STYLE_CELL, STYLE_CENTER, STYLE_CELL, STYLE_CENTER, *[STYLE_CELL] * 5, STYLE_CELL]
    for r, item in enumerate(sheet.rows, start=FIRST_ROW):
        values = [item.number, item.title, item.role, item.tasks, STATUS_LABELS[item.status], item.done,
                  item.result, item.difficulties, item.proposals, item.evidence, item.key]
        writer.append(values, styles)
        if item.status in _FILLS:
            ws.cell(r, STATUS_COL).fill = _FILLS[item.status]
        lines = max(2, *(estimate_lines(v, w) for v, (_h, w) in zip(values, COLUMNS, strict=True)
                         if isinstance(v, str)))
        ws.row_dimensions[r].height = min(409, 13 * lines + 4)
    last = FIRST_ROW + max(len(sheet.rows), 1) - 1
    ws.freeze_panes = f"C{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    ws.print_area = f"A1:{last_col}{last}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "Trang &P/&N"
    # Protected without a password, like a unit sheet; here every cell is locked (nothing is to be typed).
    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False

    stamp = wb.create_sheet(STAMP_SHEET)
    upper = sheet.upper
    for row, pair in enumerate((("format", FORMAT), ("version", VERSION), ("upper_key", upper.key),
                 ("upper_number", upper.number or ""), ("upper_symbol", upper.symbol),
                 ("upper_date", upper.date.iso() if upper.date else ""), ("upper_issuer", "\n".join(upper.issuer)),
                 ("upper_title", upper.title), ("commune", sheet.commune), ("period", sheet.period.key),
                 ("plan_key", sheet.plan_key), ("plan_title", sheet.plan_title),
                 ("issued", (sheet.issued or dt.date.today()).isoformat()), ("first_row", FIRST_ROW),
                 ("rows", len(sheet.rows)), ("digest", sheet.digest)), start=1):
        stamp.cell(row, 1, pair[0])
        if isinstance(pair[1], str):
            put_text(stamp.cell(row, 2), pair[1])
        else:
            stamp.cell(row, 2, pair[1])
    stamp.sheet_state = "hidden"
    stamp.protection.sheet = True
    wb.active = 0
    return wb


def write_upward_sheet(store: Store, plan_id: int, period: Period, target: str | os.PathLike[str],
                       today: dt.date | None = None) -> tuple[Path, UpwardSheet]:
    """``kehoach report-sheet PLAN --period … -o OUT.xlsx``: the commune's sheet for the province.

    Written to a temporary file, then moved into place.
    """
    sheet = build_upward_sheet(store, plan_id, period, today)
    wb = build_upward_workbook(sheet)
    return write_saved(target, wb.save), sheet


# --- the province's side: reading a sheet back ----------------------------------------------------

def _not_ours(path: Path) -> InvalidInput:
    return InvalidInput(f"Tệp {path.name} không phải phiếu báo cáo gửi cấp trên do KeHoach Desktop lập "
                        "(lệnh report-sheet); không nhận.")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return nfc(str(value))


def read_upward_sheet(path: str | os.PathLike[str]) -> UpwardSheet:
    """Read a commune's sheet; refuse a file that is not one, or one edited after it was written."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"Không tìm thấy tệp {path}.")
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise InvalidInput(f"Tệp {path.name} không đọc được như một bảng tính Excel (.xlsx).") from None
    try:
        if STAMP_SHEET not in wb.sheetnames:
            raise _not_ours(path)
        stamp = {str(r[0]): r[1] for r in wb[STAMP_SHEET].iter_rows(max_col=2, values_only=True) if r and r[0]}
        if stamp.get("format") != FORMAT:
            if stamp.get("format") == "kehoach-unit-sheet":
                raise InvalidInput(f"Tệp {path.name} là phiếu tiến độ của một đơn vị (nhập bằng progress-import), "
                                   "không phải phiếu báo cáo của xã, phường gửi cấp trên; không nhận.")
            raise _not_ours(path)
        if int(stamp.get("version") or 0) > VERSION:
            raise InvalidInput(f"Phiếu {path.name} được lập bởi phiên bản KeHoach Desktop mới hơn; "
                               "hãy cập nhật phần mềm.")
        try:
            period = Period.parse(str(stamp["period"]))
            first_row, count = int(stamp["first_row"]), int(stamp["rows"])
            date = PartialDate.parse(_text(stamp.get("upper_date")) or None)
            upper = UpperPlan(key=str(stamp["upper_key"]), issuer=_text(stamp.get("upper_issuer")).split("\n"),
                              number=_text(stamp.get("upper_number")) or None,
                              symbol=_text(stamp.get("upper_symbol")) or "KH-UBND", date=date,
                              title=_text(stamp.get("upper_title")))
            commune = _text(stamp["commune"])
            issued = dt.date.fromisoformat(_text(stamp.get("issued"))) if stamp.get("issued") else None
        except (KeyError, TypeError, ValueError, KnownError):
            raise _not_ours(path) from None
        rows: list[UpwardRow] = []
        tampered = False
        for number, values in enumerate(wb.worksheets[0].iter_rows(min_row=first_row, max_col=KEY_COL,
                                                                   values_only=True), start=first_row):
            values = tuple(values) + (None,) * (KEY_COL - len(values))
            if all(v is None for v in values):
                continue
            texts = [_text(v) for v in values]
            status = _STATUS_BY_LABEL.get(fold(texts[STATUS_COL - 1]))
            if status is None:
                tampered = True
                status = NOT_STARTED
            rows.append(UpwardRow(key=texts[-1], number=texts[0], title=texts[1], role=texts[2], tasks=texts[3],
                                  status=status, done=texts[5], result=texts[6], difficulties=texts[7],
                                  proposals=texts[8], evidence=texts[9], row=number))
    finally:
        wb.close()
    digest = sheet_digest(upper.key, commune, period, rows)
    if tampered or len(rows) != count or digest != stamp.get("digest"):
        raise InvalidInput(f"Phiếu {path.name} của {commune or 'xã, phường'} đã bị sửa sau khi lập (nội dung, mã "
                           "nhiệm vụ hoặc dòng không còn như lúc lập); không nhận. Hãy đề nghị xã, phường lập lại "
                           "phiếu bằng phần mềm rồi gửi lại.")
    return UpwardSheet(upper, commune, period, rows, str(stamp.get("plan_key") or ""),
                       _text(stamp.get("plan_title")), issued, digest, path)
