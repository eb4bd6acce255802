"""Roll-up at the level above (tổng hợp báo cáo của các xã, phường): ``kehoach rollup UPPER_PLAN FILES…``.

The province office holds its own plan (imported from its document or typed); ~100 communes send the sheet
of :mod:`.upward`. :func:`prepare_rollup` reads and checks every sheet (nothing written): one of ours, of this
upper plan (:func:`~kehoach_desktop.domain.upper.same_upper` — "phiếu của kế hoạch khác"), of the period
being rolled up ("phiếu kỳ khác"), not edited since it was written (its digest), every row an item of this
plan (keys computed from the document on both sides: :func:`~kehoach_desktop.domain.upper.task_links` and,
for the duties of section IV, ``commune_duties``). A refused sheet is reported with its reason and does not
stop the others; :func:`apply_rollup` stores each accepted sheet in its own transaction (a sheet is taken
whole or not at all).

What is stored, without a schema change:

* **Progress entries** on the upper plan's tasks: one per answered row, ``unit`` the commune's name, ``source``
  ``"rollup"``, ``period`` the period, a fingerprint over (upper plan, period, commune, item, answer) — so a
  sheet sent twice adds nothing and a corrected sheet adds only the rows whose answer changed, beside the old
  ones (history kept, as :mod:`.merge` does). The province's own dashboard, progress sheet and Báo cáo of its
  plan see them like any unit's report (the communes coordinate: a commune's "Hoàn thành" does not close a
  task the province's department leads).
* **One record per commune and period** in ``settings`` (key ``rollup:<upper key>:<period>:<commune>``): the
  sheet taken (file, digest, dates), the commune's answer for every item of it — including the status
  *Chưa báo cáo*, which no progress entry may hold — and the digests of the sheets it replaced. The roll-up's
  outputs read these records: a corrected sheet replaces that commune's answers for the period whole, and a
  sheet older than the one taken is refused. **Duties of section IV** ("UBND các xã, phường: …") have no task
  row at the province, so they live in these records only (no synthetic task is added to the plan: the plan
  stays as its document wrote it).

Then :func:`write_rollup_workbook` (.xlsx: "Tổng hợp" per item × commune, "Thống kê" counts by status ×
commune, "Chưa báo cáo") and :func:`write_rollup_report` (the consolidated Báo cáo, .docx, through
:mod:`kehoach_desktop.documents.layout` as the commune's report is).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.plan import Plan, Task, UpperPlan
from ..domain.progress import (
    IN_PROGRESS,
    NOT_REPORTED,
    STATUS_LABELS,
    STATUSES,
    Period,
    ProgressEntry,
    StatusCounts,
)
from ..domain.text import clean_line, fold
from ..domain.upper import link_key, same_upper, task_links, upper_of
from ..errors import InvalidInput, KnownError
from .upward import TEXTS, UpwardRow, UpwardSheet, read_upward_sheet

if TYPE_CHECKING:
    from ..services import Store

SOURCE = "rollup"
_COMMUNE_START = ("ubnd xa ", "ubnd phuong ", "ubnd dac khu ", "xa ", "phuong ", "dac khu ")


# --- communes ----------------------------------------------------------------------------------------

def commune_key(name: str) -> str:
    """"Ủy ban nhân dân xã Lam Vỹ" = "UBND xã Lam Vỹ" = "ubnd xa lam vy"."""
    folded = re.sub(r"\s+", " ", fold(clean_line(name))).strip(" .;,")
    folded = re.sub(r"^uy ban nhan dan ", "ubnd ", folded)
    return folded


def is_commune(name: str) -> bool:
    """A commune or ward by its name ("UBND xã …", "UBND phường …", "Ủy ban nhân dân xã …", "đặc khu …"), not a
    group ("UBND các xã, phường")."""
    return commune_key(name).startswith(_COMMUNE_START)


# --- the items of the upper plan ---------------------------------------------------------------------

@dataclass
class Item:
    """An item of the upper plan the communes report on: a task, or a duty of section IV (no task row)."""

    key: str
    number: str
    title: str
    task: Task | None = None
    role: str = ""  # what it gives the communes: "Chủ trì", "Phối hợp", "Thực hiện" (section IV), "" nothing

    @property
    def names_communes(self) -> bool:
        """The item gives the communes something to do."""
        return bool(self.role)

    @property
    def label(self) -> str:
        return f"{self.number}. {self.title}" if self.number and self.number[-1:].isalnum() else \
            f"{self.number} {self.title}".strip()


_ROLES = {"lead": "Chủ trì", "coordinator": "Phối hợp"}


def upper_items(plan: Plan) -> list[Item]:
    """Every tracked task of the upper plan, then the duties of section IV that are no task; each with the
    communes' role in it as :func:`..domain.derive.commune_duties` reads the plan (the same rules a commune
    derives its plan by)."""
    from ..domain.derive import commune_duties

    links = task_links(plan)
    items: dict[str, Item] = {}
    for task, _ in plan.walk_tasks():
        link = links[task.key]
        items.setdefault(link.task, Item(link.task, link.number, task.title, task))
    for duty in commune_duties(plan):
        role = _ROLES[duty.role] if duty.kind == "task" else "Thực hiện"
        if duty.source.task in items:
            items[duty.source.task].role = role
        else:
            items[duty.source.task] = Item(duty.source.task, duty.source.number, duty.source.title or duty.title,
                                           None, role)
    return list(items.values())


# --- reading and checking the sheets -------------------------------------------------------------------

@dataclass
class Received:
    """One file of the roll-up: taken (with what it adds) or refused (with why)."""

    path: Path
    sheet: UpwardSheet | None = None
    reason: str = ""
    entries: list[ProgressEntry] = field(default_factory=list)
    record: dict | None = None
    key: str = ""  # the settings key of the commune's record
    same: bool = False  # this very sheet was taken before: nothing new
    replaces: str = ""  # the file of the commune's sheet it replaces, when corrected
    unchanged: int = 0  # rows answered as before

    @property
    def accepted(self) -> bool:
        return self.sheet is not None and not self.reason

    def describe(self, applied: bool) -> str:
        if not self.accepted:
            return f"{self.path.name}: bị từ chối: {self.reason}"
        assert self.sheet is not None
        what = f"{self.sheet.commune}, {len(self.sheet.rows)} nhiệm vụ"
        if self.same:
            return f"{self.path.name}: đã nhận: {what} — phiếu này đã được nhận trước đó, không thêm gì"
        verb = "thêm" if applied else "sẽ thêm"
        extra = f"; thay phiếu nhận trước ({self.replaces})" if self.replaces else ""
        return (f"{self.path.name}: đã nhận: {what} — {verb} {len(self.entries)} mục tiến độ, "
                f"{self.unchanged} nhiệm vụ như đã báo cáo{extra}")


@dataclass
class Rollup:
    plan: Plan
    period: Period
    received: list[Received]
    today: dt.date

    @property
    def accepted(self) -> list[Received]:
        return [r for r in self.received if r.accepted]

    @property
    def refused(self) -> list[Received]:
        return [r for r in self.received if not r.accepted]

    def describe(self, applied: bool) -> list[str]:
        upper = upper_of(self.plan)
        lines = [f"Tổng hợp báo cáo kỳ {self.period.label} theo KH {upper.reference} “{self.plan.title}”:"]
        lines += [r.describe(applied) for r in self.received]
        added = sum(len(r.entries) for r in self.accepted if not r.same)
        communes = len({commune_key(r.sheet.commune) for r in self.accepted if r.sheet})
        verb = "đã thêm" if applied else "sẽ thêm"
        lines.append(f"Đã nhận {len(self.accepted)}/{len(self.received)} phiếu ({communes} xã, phường), "
                     f"{len(self.refused)} bị từ chối; {verb} {added} mục tiến độ.")
        if not applied:
            lines.append("Chạy thử: chưa ghi gì vào cơ sở dữ liệu.")
        return lines


def record_key(upper_key: str, period: Period, commune: str) -> str:
    from ..store.progress import ROLLUP_PREFIX

    return f"{ROLLUP_PREFIX}{upper_key}:{period.key}:{commune_key(commune)}"


def _fingerprint(upper_key: str, period: Period, commune: str, row: UpwardRow, status: str) -> str:
    data = [SOURCE, upper_key, period.key, commune_key(commune), row.key, status,
            *(getattr(row, name) for name in TEXTS)]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def _row_record(row: UpwardRow) -> dict:
    return {"key": row.key, "number": row.number, "title": row.title, "role": row.role, "tasks": row.tasks,
            **row.answer()}


def _keys_as_sheet_has_them(items: list[Item], ours: UpperPlan, theirs: UpperPlan) -> dict[str, Item]:
    """Our items by the keys the sheet uses: the same when both read the same document; recomputed from the
    numbers and wording when the plan's reference matched but its key did not (a title retyped here)."""
    if theirs.key == ours.key:
        return {item.key: item for item in items}
    return {link_key(theirs, item.number, item.title): item for item in items}


def _check(sheet: UpwardSheet, plan: Plan, upper: UpperPlan, period: Period, items: list[Item]) -> dict[str, Item]:
    name = sheet.path.name if sheet.path else "phiếu"
    if not same_upper(sheet.upper, upper):
        raise InvalidInput(f"phiếu của kế hoạch khác (KH {sheet.upper.reference} “{sheet.upper.title}”), không phải "
                           f"KH {upper.reference}; không nhận {name}.")
    if sheet.period != period:
        raise InvalidInput(f"phiếu kỳ khác ({sheet.period.label}), đang tổng hợp kỳ {period.label}; không nhận.")
    if not sheet.commune.strip():
        raise InvalidInput("phiếu không ghi tên xã, phường báo cáo; không nhận.")
    by_key = _keys_as_sheet_has_them(items, upper, sheet.upper)
    for row in sheet.rows:
        if row.key not in by_key:
            raise InvalidInput(f"dòng {row.row}: nhiệm vụ {row.number} “{row.title[:60]}” không có trong "
                               f"KH {upper.reference} của cơ sở dữ liệu này (kế hoạch đã được sửa ở đây hoặc ở xã?); "
                               "không nhận phiếu này.")
    del plan
    return by_key


def prepare_rollup(store: Store, upper_plan_id: int, files: Sequence[str | os.PathLike[str]], period: Period,
                   today: dt.date | None = None) -> Rollup:
    """Read and check every file against the upper plan; work out what each adds. Writes nothing."""
    plan = store.plans.load(upper_plan_id)
    upper = upper_of(plan)
    items = upper_items(plan)
    today = today or dt.date.today()
    received = [Received(Path(f)) for f in files]
    for r in received:
        try:
            r.sheet = read_upward_sheet(r.path)
        except KnownError as exc:
            r.reason = exc.message
    records = store.progress.rollup_records(upper.key, period.key)
    known_fps: set[str] = set()
    seen_fps: set[str] = set()
    readable = [r for r in received if r.sheet is not None]
    # A commune's later sheet counts over its earlier one in the same batch: take them in the order written.
    for r in sorted(readable, key=lambda x: x.sheet.issued or dt.date.min if x.sheet else dt.date.min):
        sheet = r.sheet
        assert sheet is not None
        try:
            by_key = _check(sheet, plan, upper, period, items)
        except KnownError as exc:
            r.reason = exc.message
            continue
        r.key = record_key(upper.key, period, sheet.commune)
        previous = records.get(r.key)
        if previous and previous.get("digest") == sheet.digest:
            r.same, r.record = True, previous
            continue
        if previous and sheet.issued and previous.get("issued", "") > sheet.issued.isoformat():
            r.reason = (f"phiếu lập ngày {sheet.issued:%d/%m/%Y} cũ hơn phiếu của {sheet.commune} đã nhận "
                        f"(lập ngày {dt.date.fromisoformat(previous['issued']):%d/%m/%Y}); không nhận.")
            continue
        candidates = []
        for row in sheet.rows:
            item = by_key[row.key]
            if item.task is None or (row.status == NOT_REPORTED and not row.has_text):
                continue  # a duty of section IV (kept in the record), or nothing to report
            status = IN_PROGRESS if row.status == NOT_REPORTED else row.status
            candidates.append((row, item, status, _fingerprint(upper.key, period, sheet.commune, row, status)))
        known_fps |= store.progress.fingerprints(fp for *_x, fp in candidates if fp not in known_fps)
        for row, item, status, fp in candidates:
            if fp in known_fps or fp in seen_fps:
                r.unchanged += 1
                continue
            seen_fps.add(fp)
            assert item.task is not None
            r.entries.append(ProgressEntry(
                task_id=int(item.task.id or 0), date=today, status=status, unit=sheet.commune, period=period.key,
                done=row.done, result=row.result, difficulties=row.difficulties, proposals=row.proposals,
                evidence=row.evidence, source=SOURCE, fingerprint=fp))
        history = list(previous.get("history", [])) if previous else []
        if previous:
            r.replaces = str(previous.get("file") or "")
            history.append({k: previous.get(k) for k in ("file", "digest", "issued", "received")})
        r.record = {
            "format": "kehoach-rollup-record", "upper_key": upper.key, "period": period.key,
            "commune": sheet.commune, "file": r.path.name, "digest": sheet.digest,
            "issued": (sheet.issued or today).isoformat(), "received": today.isoformat(),
            "plan_title": sheet.plan_title,
            "items": [{**_row_record(row), "key": by_key[row.key].key} for row in sheet.rows],
            "history": history,
        }
        records[r.key] = r.record
    return Rollup(plan, period, received, today)


def apply_rollup(store: Store, rollup: Rollup) -> int:
    """Store each accepted sheet in its own transaction (a sheet is taken whole); return the entries added."""
    added = 0
    for r in rollup.accepted:
        if r.same or r.record is None:
            continue
        try:
            store.progress.save_rollup(r.entries, r.key, r.record)
        except sqlite3.IntegrityError:  # the same answers were taken since the preview (another window)
            for entry in r.entries:
                entry.id = None
            r.reason = "phiếu vừa được nhập ở nơi khác sau khi xem trước; không ghi thêm gì."
            continue
        added += len(r.entries)
    return added


def rollup_files(store: Store, upper_plan_id: int, files: Sequence[str | os.PathLike[str]], period: Period,
                 dry_run: bool = False, today: dt.date | None = None) -> Rollup:
    rollup = prepare_rollup(store, upper_plan_id, files, period, today)
    if not dry_run:
        apply_rollup(store, rollup)
    return rollup


# --- what the communes said, for the outputs ----------------------------------------------------------

@dataclass
class Answer:
    commune: str
    role: str
    tasks: str
    status: str
    done: str = ""
    result: str = ""
    difficulties: str = ""
    proposals: str = ""
    evidence: str = ""

    def summary(self) -> str:
        parts = [p.strip().rstrip(".;") for p in (self.done, self.result) if p and p.strip()]
        return "; ".join(" ".join(line.strip() for line in p.splitlines() if line.strip()) for p in parts)


@dataclass
class RollupState:
    """The roll-up of a period as the outputs print it."""

    plan: Plan
    period: Period
    items: list[Item]
    answers: dict[str, list[Answer]]  # item key -> one answer per commune (in order of the communes)
    reported: list[str]  # communes whose sheet was taken for the period
    not_reported: list[str]
    records: dict[str, dict]

    def counts(self) -> dict[str, StatusCounts]:
        """Status counts of each commune's items (the "Thống kê" table)."""
        out = {c: StatusCounts() for c in self.reported}
        for answers in self.answers.values():
            for a in answers:
                out.setdefault(a.commune, StatusCounts()).add(a.status)
        return out

    def item_counts(self, item: Item) -> StatusCounts:
        counts = StatusCounts()
        for a in self.answers.get(item.key, []):
            counts.add(a.status)
        return counts

    def listed_items(self) -> list[Item]:
        """The items to print: those a commune reported on or that give the communes something to do."""
        return [i for i in self.items if self.answers.get(i.key) or i.names_communes]


def expected_communes(store: Store, upper_key: str, extra: Iterable[str] = ()) -> list[str]:
    """Communes that should report: the catalog's communes and wards, any that ever sent a sheet for this plan,
    and ``extra`` (``--expected``)."""
    names: dict[str, str] = {}
    for unit in store.units.all():
        if is_commune(unit.name):
            names.setdefault(commune_key(unit.name), unit.name)
    for record in store.progress.rollup_records(upper_key).values():
        name = str(record.get("commune") or "")
        if name:
            names.setdefault(commune_key(name), name)
    for name in extra:
        if clean_line(name):
            names.setdefault(commune_key(name), clean_line(name))
    return list(names.values())


def rollup_state(store: Store, upper_plan_id: int, period: Period, expected: Iterable[str] = (),
                 pending: Rollup | None = None) -> RollupState:
    """The stored roll-up of ``period`` (with ``pending``'s accepted sheets over it, for a dry run)."""
    plan = store.plans.load(upper_plan_id)
    upper = upper_of(plan)
    items = upper_items(plan)
    records = store.progress.rollup_records(upper.key, period.key)
    if pending is not None:
        for r in pending.accepted:
            if r.record is not None:
                records[r.key] = r.record
    from ..domain.text import vi_sort_key

    ordered = sorted(records.values(), key=lambda rec: vi_sort_key(str(rec.get("commune", ""))))
    known = {i.key: i for i in items}
    answers: dict[str, list[Answer]] = {}
    for record in ordered:
        for it in record.get("items", []):
            if it.get("key") not in known:
                continue  # the plan was edited here since: the item is no longer one of it
            answers.setdefault(it["key"], []).append(Answer(
                str(record["commune"]), str(it.get("role") or "") or known[it["key"]].role,
                str(it.get("tasks") or ""),
                it.get("status") if it.get("status") in STATUSES else IN_PROGRESS,
                *(str(it.get(n) or "") for n in TEXTS)))
    reported = [str(rec["commune"]) for rec in ordered]
    done = {commune_key(c) for c in reported}
    wanted = expected_communes(store, upper.key, expected)
    if pending is not None:
        wanted += [r.sheet.commune for r in pending.accepted if r.sheet]
    not_reported = list(dict.fromkeys(c for c in wanted if commune_key(c) not in done))
    return RollupState(plan, period, items, answers, reported, sorted(not_reported, key=vi_sort_key), records)


# --- the consolidated workbook -------------------------------------------------------------------------

SUMMARY_HEADINGS = ("STT", "Xã, phường", "Vai trò", "Nhiệm vụ của xã, phường thực hiện", "Tình hình thực hiện",
                    "Nội dung đã thực hiện", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị",
                    "Văn bản, minh chứng")
SUMMARY_WIDTHS = (6, 22, 10, 26, 14, 32, 24, 20, 20, 18)


def build_rollup_workbook(state: RollupState):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

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
        put_text,
        register_styles,
    )
    from .progress_sheet import _print_setup

    upper = upper_of(state.plan)
    wb = Workbook()
    register_styles(wb)
    fills = {"overdue": OVERDUE_FILL, NOT_REPORTED: NOT_REPORTED_FILL}
    subtitle = (f"Kỳ báo cáo {state.period.label} (từ {state.period.start:%d/%m/%Y} đến "
                f"{state.period.end:%d/%m/%Y}) — {len(state.reported)} xã, phường đã báo cáo, "
                f"{len(state.not_reported)} chưa báo cáo")

    def title(ws, text: str, width: int) -> int:
        last = chr(ord("A") + width - 1)
        lines = [(text, Font(name=FONT, size=13, bold=True)), (state.plan.title, Font(name=FONT, size=13, bold=True)),
                 (f"(Kế hoạch số {upper.reference}) — {subtitle}", Font(name=FONT, size=12, italic=True))]
        for row, (line, font) in enumerate(lines, start=1):
            ws.merge_cells(f"A{row}:{last}{row}")
            cell = put_text(ws.cell(row, 1), line)
            cell.font = font
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            ws.row_dimensions[row].height = 20 * estimate_lines(line, 150)
        return len(lines) + 2

    def headings(ws, row: int, names: Sequence[str], widths: Sequence[int]) -> None:
        for col, (name, width) in enumerate(zip(names, widths, strict=True), start=1):
            ws.cell(row, col, name).style = STYLE_HEADER
            ws.column_dimensions[chr(ord("A") + col - 1)].width = width
        ws.row_dimensions[row].height = 33

    # Tổng hợp: a heading row per item, a row per commune under it
    ws = wb.active
    ws.title = "Tổng hợp"
    top = title(ws, "TỔNG HỢP KẾT QUẢ THỰC HIỆN CỦA CÁC XÃ, PHƯỜNG", len(SUMMARY_HEADINGS))
    headings(ws, top, SUMMARY_HEADINGS, SUMMARY_WIDTHS)
    writer = RowWriter(ws)
    r = top
    group = [STYLE_CENTER, *[STYLE_GROUP] * (len(SUMMARY_HEADINGS) - 1)]
    plain = [STYLE_CENTER, STYLE_CELL, STYLE_CENTER, STYLE_CELL, STYLE_CENTER, *[STYLE_CELL] * 5]
    for item in state.listed_items():
        answers = state.answers.get(item.key, [])
        counts = state.item_counts(item)
        said = "; ".join(f"{label}: {n}" for label, n in counts.rows() if n)
        head = f"{item.title} ({len(answers)} xã, phường báo cáo{': ' + said if said else ''})"
        r += 1
        writer.append([item.number, head, *[""] * (len(SUMMARY_HEADINGS) - 2)], group)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=len(SUMMARY_HEADINGS))
        ws.row_dimensions[r].height = min(409, 15 * estimate_lines(head, 180) + 4)
        if not answers:
            r += 1
            writer.append(["", "Chưa có xã, phường nào báo cáo nhiệm vụ này", *[""] * 8], plain)
        for n, a in enumerate(answers, start=1):
            r += 1
            values = [f"{item.number}.{n}" if item.number else str(n), a.commune, a.role, a.tasks,
                      STATUS_LABELS[a.status], a.done, a.result, a.difficulties, a.proposals, a.evidence]
            writer.append(values, plain)
            if a.status in fills:
                ws.cell(r, 5).fill = fills[a.status]
            lines = max(estimate_lines(v, w) for v, w in zip(values, SUMMARY_WIDTHS, strict=True))
            ws.row_dimensions[r].height = min(409, 13 * lines + 4)
    ws.freeze_panes = f"C{top + 1}"
    ws.print_title_rows = f"{top}:{top}"
    _print_setup(ws)

    # Thống kê: counts by status × commune, then by status × item
    st = wb.create_sheet("Thống kê")
    widths = (6, 34, *[12] * len(STATUSES), 10)
    names = ("STT", "Xã, phường", *(STATUS_LABELS[s] for s in STATUSES), "Tổng số")
    top = title(st, "THỐNG KÊ TÌNH HÌNH THỰC HIỆN THEO XÃ, PHƯỜNG", len(names))
    headings(st, top, names, widths)
    writer = RowWriter(st)
    centred = [STYLE_CENTER, STYLE_CELL, *[STYLE_CENTER] * (len(STATUSES) + 1)]
    total = StatusCounts()
    for n, (commune, counts) in enumerate(state.counts().items(), start=1):
        writer.append([n, commune, *(counts.counts[s] for s in STATUSES), counts.total], centred)
        for s in STATUSES:
            total.counts[s] += counts.counts[s]
    writer.append(["", "Tổng số", *(total.counts[s] for s in STATUSES), total.total],
                  [STYLE_CENTER, STYLE_GROUP, *[STYLE_HEADER] * (len(STATUSES) + 1)])
    second = st.max_row + 3
    st.cell(second - 1, 2, "Theo nhiệm vụ của kế hoạch").font = Font(name=FONT, size=12, bold=True)
    for col, name in enumerate(("STT", "Nhiệm vụ", *names[2:]), start=1):
        st.cell(second, col, name).style = STYLE_HEADER
    st.row_dimensions[second].height = 33
    for row, item in enumerate(state.listed_items(), start=second + 1):
        counts = state.item_counts(item)
        for col, value in enumerate((item.number, item.title, *(counts.counts[s] for s in STATUSES),
                                     counts.total), start=1):
            cell = st.cell(row, col)
            put_text(cell, value) if isinstance(value, str) else setattr(cell, "value", value)
            cell.style = centred[col - 1]
        st.row_dimensions[row].height = min(409, 13 * estimate_lines(item.title, 34) + 4)
    _print_setup(st)

    # Chưa báo cáo
    nr = wb.create_sheet("Chưa báo cáo")
    top = title(nr, "CÁC XÃ, PHƯỜNG CHƯA BÁO CÁO", 3)
    headings(nr, top, ("STT", "Xã, phường", "Ghi chú"), (6, 40, 40))
    writer = RowWriter(nr)
    for n, commune in enumerate(state.not_reported, start=1):
        writer.append([n, commune, f"Chưa gửi phiếu báo cáo kỳ {state.period.label}"],
                      [STYLE_CENTER, STYLE_CELL, STYLE_CELL])
    if not state.not_reported:
        writer.append(["", "Tất cả các xã, phường đã báo cáo", ""], [STYLE_CENTER, STYLE_CELL, STYLE_CELL])
    _print_setup(nr, portrait=True)
    wb.active = 0
    return wb


def write_rollup_workbook(store: Store, upper_plan_id: int, period: Period, target: str | os.PathLike[str],
                          expected: Iterable[str] = (), pending: Rollup | None = None) -> Path:
    """The consolidated workbook (.xlsx), written to a temporary file and moved into place."""
    from ..fileio import write_saved

    wb = build_rollup_workbook(rollup_state(store, upper_plan_id, period, expected, pending))
    return write_saved(target, wb.save)


# --- the consolidated Báo cáo ---------------------------------------------------------------------------

def rollup_document(state: RollupState, today: dt.date | None = None, options=None,
                    kinh_gui: Sequence[str] | None = None):
    """The consolidated Báo cáo as a document model (layout of Nghị định 30, as the commune's report)."""
    from ..documents import layout as L
    from ..documents.report import (
        DEFAULT_KINH_GUI,
        SYMBOL,
        _clause,
        _subject,
        plan_reference,
        upward_recipients,
    )
    from ..domain.plan import PartialDate

    options = options or L.DEFAULT
    today = today or dt.date.today()
    plan, period = state.plan, state.period
    agency = L.agency_name(plan.issuer, plan.place) or "Ủy ban nhân dân"

    def p(text: str, **kw: bool):
        return L.body_paragraph(text, options=options, **kw)

    expected = len(state.reported) + len(state.not_reported)
    blocks = [p(f"Thực hiện {plan_reference(plan)} của {agency} về {_clause(plan.title)[:1].lower()}"
                f"{_clause(plan.title)[1:]}, trên cơ sở báo cáo của các xã, phường, {agency} tổng hợp kết quả "
                f"thực hiện {period.label} (từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}) "
                "như sau:")]
    blocks.append(L.heading("I. TÌNH HÌNH BÁO CÁO CỦA CÁC XÃ, PHƯỜNG", 1, options))
    if state.reported:
        blocks.append(p(f"Có {len(state.reported)}/{expected} xã, phường đã gửi báo cáo: "
                        f"{'; '.join(state.reported)}."))
    else:
        blocks.append(p("Chưa có xã, phường nào gửi báo cáo trong kỳ."))
    if state.not_reported:
        blocks.append(p(f"Còn {len(state.not_reported)} xã, phường chưa gửi báo cáo: "
                        f"{'; '.join(state.not_reported)}."))

    blocks.append(L.heading("II. KẾT QUẢ THỰC HIỆN THEO TỪNG NHIỆM VỤ", 1, options))
    for item in state.listed_items():
        answers = state.answers.get(item.key, [])
        blocks.append(p(f"{item.label.rstrip('.;')}", bold=True, keep_with_next=True))
        if not answers:
            blocks.append(p("- Chưa có xã, phường nào báo cáo nhiệm vụ này."))
            continue
        counts = state.item_counts(item)
        said = ", ".join(f"{n} {label.lower()}" for label, n in counts.rows() if n)
        blocks.append(p(f"Có {len(answers)} xã, phường báo cáo ({'; '.join(a.commune for a in answers)}): {said}."))
        for a in answers:
            text = a.summary()
            text = text[:1].lower() + text[1:] if text[1:2].islower() else text
            blocks.append(p(f"- {a.commune}{' (' + a.role.lower() + ')' if a.role else ''}: "
                            f"{STATUS_LABELS[a.status].lower()}{'; ' + text if text else ''}."))

    blocks.append(L.heading("III. THỐNG KÊ THEO XÃ, PHƯỜNG", 1, options))
    short = {"not_started": "Chưa TH", "in_progress": "Đang TH", "done": "Hoàn thành", "done_late": "HT quá hạn",
             "not_reported": "Chưa BC", "overdue": "Quá hạn"}
    rows = []
    total = StatusCounts()
    for n, (commune, counts) in enumerate(state.counts().items(), start=1):
        rows.append([str(n), commune, *(str(counts.counts[s]) for s in STATUSES), str(counts.total)])
        for s in STATUSES:
            total.counts[s] += counts.counts[s]
    rows.append(["", "Tổng số", *(str(total.counts[s]) for s in STATUSES), str(total.total)])
    width = options.page().text_width
    weights = [1.0, 4.4, *[1.5] * len(STATUSES), 1.3]
    widths = [w * width / sum(weights) for w in weights]
    blocks.append(L.simple_table(["STT", "Xã, phường", *(short[s] for s in STATUSES), "Tổng"], rows, widths,
                                 size=11, header_size=11, centred_columns=range(2, 9)))
    blocks.append(p("(Chưa TH: chưa thực hiện; Đang TH: đang thực hiện; HT quá hạn: hoàn thành quá hạn; "
                    "Chưa BC: chưa báo cáo; số nhiệm vụ của kế hoạch mà mỗi xã, phường báo cáo.)", italic=True))

    blocks.append(L.heading("IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC XÃ, PHƯỜNG", 1, options))
    said_any = False
    for attr, intro in (("difficulties", "Khó khăn, vướng mắc:"), ("proposals", "Đề xuất, kiến nghị:")):
        lines = [f"- {a.commune} (nhiệm vụ {item.number}): {_clause(' '.join(getattr(a, attr).split()))}."
                 for item in state.listed_items() for a in state.answers.get(item.key, []) if getattr(a, attr)]
        if lines:
            said_any = True
            blocks.append(p(intro, keep_with_next=True))
            blocks += [p(line) for line in lines]
    if not said_any:
        blocks.append(p("Các xã, phường không nêu khó khăn, vướng mắc hay đề xuất, kiến nghị trong kỳ."))
    blocks.append(L.heading("V. CÁC XÃ, PHƯỜNG CHƯA BÁO CÁO", 1, options))
    if state.not_reported:
        blocks += [p(f"- {c}.") for c in state.not_reported]
        blocks.append(p("Đề nghị các xã, phường chưa báo cáo khẩn trương gửi báo cáo theo quy định."))
    else:
        blocks.append(p("Tất cả các xã, phường đã gửi báo cáo."))
    blocks.append(p(f"Trên đây là báo cáo tổng hợp kết quả {period.label} thực hiện {plan_reference(plan)} "
                    f"của các xã, phường./."))
    keep = [r for r in plan.recipients if fold(r).startswith("luu")]
    meta = L.DocumentMeta(
        issuer=list(plan.issuer), number=None, symbol=SYMBOL, place=plan.place,
        date=PartialDate(today.year, today.month), doc_type="BÁO CÁO",
        title=f"Tổng hợp kết quả thực hiện Kế hoạch {_subject(plan.title, period)} của các xã, phường",
        kinh_gui=list(kinh_gui or upward_recipients(plan) or [DEFAULT_KINH_GUI]),
        recipients=["Như trên", *(keep or ["Lưu: VT"])], signature=plan.signature)
    return L.official_document(meta, blocks, options)


def write_rollup_report(store: Store, upper_plan_id: int, period: Period, target: str | os.PathLike[str],
                        expected: Iterable[str] = (), pending: Rollup | None = None,
                        today: dt.date | None = None) -> Path:
    """The consolidated Báo cáo (.docx), through a temporary file moved into place."""
    from ..documents.docx_writer import write_docx
    from ..documents.layout import LayoutOptions

    state = rollup_state(store, upper_plan_id, period, expected, pending)
    options = LayoutOptions.from_setting(store.get_setting("layout"))
    return write_docx(rollup_document(state, today, options), target)
