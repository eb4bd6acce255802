"""Merging a filled unit sheet back: ``kehoach progress-import FILE.xlsx [--dry-run]``.

:func:`read_unit_sheet` checks that the file is one of ours and reads the answers;
:func:`prepare_merge` matches rows to tasks by key and works out what is new
(nothing is written); :func:`apply_merge` adds the new progress entries in one
transaction. Each answer carries a fingerprint (plan, period, unit, task and the
answer itself), so importing the same sheet twice adds nothing the second time,
while a corrected answer sent later is added as a new entry (history is kept).

A sentence where a status belongs ("Đã tổ chức 02 hội nghị" in the "Tiến độ" column,
which sheets of the previous version called "Tình hình thực hiện", as Vietnamese
forms name the column of what was done) does not refuse the sheet: it is kept as what
was done, before anything the unit wrote in the next column, the status is left
blank (a row answered without a status counts as *Đang thực hiện*, as always), and
the merge preview lists the row so the office can check it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ..domain.numbering import printed
from ..domain.plan import Plan, Task
from ..domain.progress import IN_PROGRESS, STATUS_LABELS, Period, ProgressEntry, status_from_text
from ..domain.text import clean_line, nfc
from ..errors import InvalidInput, KnownError
from .unit_sheets import ANSWERS, FIRST_ANSWER_COL, FORMAT, KEY_COL, STAMP_SHEET, VERSION, keys_digest

if TYPE_CHECKING:
    from ..services import Store


@dataclass
class SheetRow:
    """One data row of a unit sheet: the task key and the unit's answers."""

    row: int
    key: str
    status: str | None
    done: str = ""
    result: str = ""
    percent: float | None = None
    difficulties: str = ""
    proposals: str = ""
    evidence: str = ""
    sentence: str = ""  # text typed in the status column that is not a status (kept in ``done``)

    @property
    def blank(self) -> bool:
        return self.status is None and self.percent is None and not any(
            (self.done, self.result, self.difficulties, self.proposals, self.evidence))


@dataclass
class UnitSheet:
    path: Path
    plan_key: str
    plan_title: str
    period: Period
    unit: str
    rows: list[SheetRow]


def _not_ours(path: Path) -> InvalidInput:
    return InvalidInput(f"Tệp {path.name} không phải phiếu báo cáo tiến độ do KeHoach Desktop lập "
                        "(không có dấu nhận dạng của phiếu). Chỉ nhập được phiếu lập bằng lệnh progress-sheets.")


def _text(value: object) -> str:
    """A cell as text, the way the unit typed it (formulas such as "=SUM(A1)" are kept as typed)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return clean_line(str(value)) if "\n" not in str(value) else nfc(str(value)).strip()


def _percent(value: object, row: int) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if 0 < number < 1:
            number *= 100  # "80%" typed in Excel is stored as 0.8
    else:
        try:
            number = float(str(value).strip().rstrip("%").replace(",", ".").strip())
        except ValueError:
            number = -1.0
    if not 0 <= number <= 100:
        raise InvalidInput(f"Dòng {row}, cột “Tỷ lệ hoàn thành (%)”: “{value}” không phải một số từ 0 đến 100. "
                           "Hãy sửa trên phiếu rồi nhập lại; chưa có gì được ghi.")
    return number


def _with_sentence(sentence: str, done: str) -> str:
    """What was done: the sentence typed in the status column, then the next column's text (once each)."""
    if not done or sentence in done:
        return done or sentence
    return f"{sentence}\n{done}"


def read_unit_sheet(path: str | os.PathLike[str]) -> UnitSheet:
    """Read a filled unit sheet; refuse a file that is not one of ours or whose keys were edited."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"Không tìm thấy tệp {path}.")
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise InvalidInput(f"Tệp {path.name} không đọc được như một bảng tính Excel (.xlsx); "
                           "hãy lưu lại phiếu dưới dạng .xlsx rồi nhập lại.") from None
    try:
        if STAMP_SHEET not in wb.sheetnames:
            raise _not_ours(path)
        stamp = {str(r[0]): r[1] for r in wb[STAMP_SHEET].iter_rows(max_col=2, values_only=True) if r and r[0]}
        if stamp.get("format") != FORMAT:
            raise _not_ours(path)
        if int(stamp.get("version") or 0) > VERSION:
            raise InvalidInput(f"Phiếu {path.name} được lập bởi phiên bản KeHoach Desktop mới hơn; hãy cập nhật phần mềm.")
        try:
            period = Period.parse(str(stamp["period"]))
            first_row, count = int(stamp["first_row"]), int(stamp["rows"])
            plan_key, unit = str(stamp["plan_key"]), str(stamp["unit"])
        except (KeyError, TypeError, ValueError, KnownError):
            raise _not_ours(path) from None
        sheet = wb.worksheets[0]
        rows: list[SheetRow] = []
        keys: list[str] = []
        for number, values in enumerate(sheet.iter_rows(min_row=first_row, max_col=KEY_COL, values_only=True),
                                        start=first_row):
            values = tuple(values) + (None,) * (KEY_COL - len(values))
            key = values[KEY_COL - 1]
            if key is None and all(v is None for v in values):
                continue
            keys.append(str(key or ""))
            answers = values[FIRST_ANSWER_COL - 1:KEY_COL - 1]
            texts = {name: _text(v) for name, v in zip(ANSWERS, answers, strict=True)
                     if name not in ("status", "percent")}
            typed = _text(answers[0])
            try:
                status, sentence = status_from_text(typed), ""
            except InvalidInput:  # a sentence where the status belongs: what was done, status left blank
                status, sentence = None, typed
                texts["done"] = _with_sentence(sentence, texts["done"])
            rows.append(SheetRow(number, str(key or ""), status, percent=_percent(answers[3], number),
                                 sentence=sentence, **texts))
    finally:
        wb.close()
    if len(keys) != count or keys_digest(keys) != stamp.get("keys_digest"):
        raise InvalidInput(f"Phiếu {path.name} đã bị sửa cột mã nhiệm vụ (ẩn) hoặc bị thêm, xóa, sắp xếp lại dòng; "
                           "không nhập phiếu này. Hãy đề nghị đơn vị điền lại trên phiếu gốc.")
    return UnitSheet(path, plan_key, str(stamp.get("plan_title") or ""), period, unit, rows)


# --- merging ------------------------------------------------------------------------------------

@dataclass
class Change:
    """A new progress entry that the merge will add, with the task it is for."""

    task: Task
    row: int
    entry: ProgressEntry

    def describe(self) -> str:
        summary = " / ".join(line.strip() for line in self.entry.summary().splitlines() if line.strip())
        extra = f": {summary}" if summary else ""
        return (f"+ dòng {self.row}, nhiệm vụ {printed(self.task.number)} {self.task.title[:60]}"
                f"{'…' if len(self.task.title) > 60 else ''} — {STATUS_LABELS[self.entry.status]}{extra}")


@dataclass
class MergePlan:
    sheet: UnitSheet
    plan: Plan
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0
    blank: int = 0

    def describe(self, applied: bool) -> list[str]:
        lines = [f"Phiếu của {self.sheet.unit}, kỳ báo cáo {self.sheet.period.label}, "
                 f"kế hoạch “{self.plan.title}”:"]
        lines += [c.describe() for c in self.changes]
        verb = "Đã thêm" if applied else "Sẽ thêm"
        lines.append(f"{verb} {len(self.changes)} mục tiến độ; {self.unchanged} dòng đã nhập trước đó (không đổi); "
                     f"{self.blank} dòng để trống.")
        lines += self.describe_sentences()
        if not applied:
            lines.append("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.")
        return lines

    def describe_sentences(self) -> list[str]:
        """The rows where a sentence stood in the status column, for the office to check."""
        rows = [r for r in self.sheet.rows if r.sentence]
        if not rows:
            return []
        tasks = {task.key: task for task, _ in self.plan.walk_tasks()}
        lines = [f"{len(rows)} dòng ghi một câu vào cột “Tiến độ” (cột chọn tình trạng): câu được giữ làm "
                 "“Tình hình thực hiện”, tiến độ để trống (như dòng không chọn tiến độ: tính là Đang thực hiện); "
                 "hãy kiểm tra lại:"]
        for r in rows:
            task = tasks[r.key]
            short = r.sentence if len(r.sentence) <= 80 else r.sentence[:80] + "…"
            lines.append(f"  ! dòng {r.row}, nhiệm vụ {printed(task.number)} {task.title[:50]}"
                         f"{'…' if len(task.title) > 50 else ''}: “{short}”")
        return lines


def _fingerprint(sheet: UnitSheet, row: SheetRow, status: str) -> str:
    data = [sheet.plan_key, sheet.period.key, sheet.unit, row.key, status, row.done, row.result, row.percent,
            row.difficulties, row.proposals, row.evidence]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def prepare_merge(store: Store, path: str | os.PathLike[str], expected: Period | None = None,
                  today: dt.date | None = None) -> MergePlan:
    """Check a filled sheet against the database and work out the new entries; writes nothing.

    ``expected`` is the period being collected (default: the last round of sheets sent for the plan).
    """
    sheet = read_unit_sheet(path)
    row = store.database.conn.execute("SELECT id, deleted_at FROM plans WHERE key = ?",
                                      (sheet.plan_key,)).fetchone()
    if row is not None and row[1]:
        raise InvalidInput(f"Kế hoạch của phiếu {sheet.path.name} (“{sheet.plan_title}”) đang ở thùng rác; "
                           "hãy khôi phục kế hoạch rồi nhập lại.")
    if row is None:
        raise InvalidInput(f"Phiếu {sheet.path.name} thuộc một kế hoạch khác (“{sheet.plan_title}”) không có trong "
                           "cơ sở dữ liệu này; không nhập.")
    plan = store.plans.load(row[0])
    if expected is None:
        rounds = store.progress.rounds(row[0])
        expected = rounds[-1] if rounds else None
    if expected is not None and sheet.period != expected:
        raise InvalidInput(f"Phiếu {sheet.path.name} là của kỳ {sheet.period.label}, nhưng kỳ đang thu thập là "
                           f"{expected.label}; không nhập.")
    tasks = {task.key: task for task, _ in plan.walk_tasks()}
    for r in sheet.rows:
        if r.key not in tasks:
            raise InvalidInput(f"Phiếu {sheet.path.name}, dòng {r.row}: mã nhiệm vụ không thuộc kế hoạch "
                               f"“{plan.title}” (cột mã đã bị sửa); không nhập phiếu này.")
    today = today or dt.date.today()
    merge = MergePlan(sheet, plan)
    candidates: list[tuple[SheetRow, str, str]] = []
    for r in sheet.rows:
        if r.blank:
            merge.blank += 1
            continue
        status = r.status or IN_PROGRESS  # answered without choosing: something was done
        candidates.append((r, status, _fingerprint(sheet, r, status)))
    known = store.progress.fingerprints(fp for _r, _s, fp in candidates)
    seen: set[str] = set()
    for r, status, fp in candidates:
        if fp in known or fp in seen:
            merge.unchanged += 1
            continue
        seen.add(fp)
        task = tasks[r.key]
        entry = ProgressEntry(task_id=int(task.id or 0), date=today, status=status, unit=sheet.unit,
                              period=sheet.period.key, done=r.done, result=r.result, percent=r.percent,
                              difficulties=r.difficulties, proposals=r.proposals, evidence=r.evidence,
                              source=f"sheet:{sheet.path.name}", fingerprint=fp)
        merge.changes.append(Change(task, r.row, entry))
    return merge


def apply_merge(store: Store, merge: MergePlan) -> int:
    """Add the new entries in one transaction (all or nothing); return how many were added."""
    try:
        store.progress.add_many(c.entry for c in merge.changes)
    except sqlite3.IntegrityError:  # the same answers were merged since the preview (another window)
        for change in merge.changes:
            change.entry.id = None
        raise InvalidInput(f"Phiếu {merge.sheet.path.name} vừa được nhập ở nơi khác sau khi xem trước; "
                           "không ghi thêm gì. Hãy nhập lại để xem những gì còn mới.") from None
    return len(merge.changes)


def import_unit_sheet(store: Store, path: str | os.PathLike[str], dry_run: bool = False,
                      expected: Period | None = None, today: dt.date | None = None) -> MergePlan:
    merge = prepare_merge(store, path, expected, today)
    if not dry_run:
        apply_merge(store, merge)
    return merge

