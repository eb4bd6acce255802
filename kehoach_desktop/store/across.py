"""Work across plans (issue #12 point 5): search every plan at once, and every task of one unit.

Services over an open :class:`~kehoach_desktop.services.Store`, shared by ``kehoach search`` /
``kehoach unit-tasks`` and the dialogs of ``ui/across.py``. Plans in the bin are left out. Nothing here
imports Qt or sqlite-utils (the index is plain FTS5 SQL, see :mod:`kehoach_desktop.store.search`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.numbering import printed, tracking_numbers
from ..domain.plan import PartialDate, Plan, Section, Task
from ..domain.progress import (
    NOT_REPORTED,
    NOT_STARTED,
    OVERDUE,
    STATUS_LABELS,
    is_tracked,
    report_due_dates,
    track,
)
from ..domain.text import fold, vi_sort_key
from ..domain.timeframe import Timeframe, parse_timeframe
from ..domain.units import Unit
from ..errors import InvalidInput
from .search import FTS, TABLE, WEIGHTS

if TYPE_CHECKING:
    from ..services import Store

ROLE_LABELS = {"lead": "Chủ trì", "coordinator": "Phối hợp"}
_WORD = re.compile(r"[^\W_]+")


def _reference(number: str | None, symbol: str) -> str:
    return f"{number or '…'}/{symbol}"


def fts_query(text: str) -> str:
    """The FTS5 query of what the user typed: each word folded and quoted, as a prefix, all required.

    ``văn-hóa "địa phương`` → ``"van hoa"* AND "dia"* AND "phuong"*``: a word joined by a dash or a dot
    stays one phrase ("1.2", "văn-hóa"), quotes, stars, dashes and FTS5 operators typed by the user are
    only separators (never FTS syntax), and a query of no letters or digits is ``""``.
    """
    parts = []
    for word in fold(text).split():
        tokens = _WORD.findall(word)
        if tokens:
            parts.append('"' + " ".join(tokens) + '"*')
    return " AND ".join(parts)


# --- search ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SearchHit:
    """A task (or a plan itself, ``task_id`` None, when only its number or trích yếu matched)."""

    plan_id: int
    plan_reference: str  # "05/KH-UBND", "…/KH-UBND" for a draft
    plan_title: str
    task_id: int | None
    task_number: str  # the task's place in its tree as printed: "2. › a) › -"
    task_title: str
    lead: tuple[str, ...]
    time: str
    status: str | None  # a code of domain.progress; None for a plan or a task not tracked on its own
    due: dt.date | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status] if self.status else ""

    @property
    def overdue(self) -> bool:
        return self.status == OVERDUE


def search_all(store: Store, query: str, limit: int = 100, today: dt.date | None = None) -> list[SearchHit]:
    """Tasks and plans matching every word of ``query`` (without diacritics, prefixes), best first (bm25)."""
    match = fts_query(query)
    if not match:
        return []
    conn = store.database.conn
    weights = ", ".join(str(w) for w in WEIGHTS)
    rows = conn.execute(
        f"""SELECT s.plan_id, p.number, p.symbol, p.title, p.date, p.created_at, s.task_id, t.number, t.title,
                   t.time, EXISTS (SELECT 1 FROM tasks c WHERE c.parent_id = t.id)
            FROM {FTS} f JOIN {TABLE} s ON s.id = f.rowid JOIN plans p ON p.id = s.plan_id
            LEFT JOIN tasks t ON t.id = s.task_id
            WHERE {FTS} MATCH ? AND p.deleted_at IS NULL
            ORDER BY bm25({FTS}, {weights}), s.id LIMIT ?""", (match, limit)).fetchall()
    task_ids = [r[6] for r in rows if r[6] is not None]
    units = _in_chunks(conn, task_ids, """SELECT tu.task_id, tu.role, coalesce(u.name, tu.name) FROM task_units tu
                                          LEFT JOIN units u ON u.id = tu.unit_id WHERE tu.task_id IN ({})
                                          ORDER BY tu.task_id, tu.role, tu.position""")
    named: dict[tuple[int, str], list[str]] = {}
    for tid, role, name in units:
        named.setdefault((tid, role), []).append(name)
    tasks: dict[int, Task] = {}
    for *_, tid, number, title, time, parent in rows:
        if tid is not None:  # what the status rules read of a task (a sub-task stands for "has sub-tasks")
            tasks[tid] = Task(title=title, number=number, time=time, id=tid, children=[Task("")] if parent else [],
                              lead=named.get((tid, "lead"), []), coordinators=named.get((tid, "coordinator"), []))
    statuses = _statuses(store, rows, tasks, today or dt.date.today())
    places = _places(conn, task_ids)
    hits = []
    for plan_id, number, symbol, plan_title, _, _, tid, _, task_title, time, _ in rows:
        status, due = statuses.get(tid, (None, None)) if tid is not None else (None, None)
        hits.append(SearchHit(plan_id, _reference(number, symbol), plan_title, tid,
                              places.get(tid, "") if tid is not None else "", task_title or "",
                              tuple(tasks[tid].lead) if tid is not None else (), time or "", status, due))
    return hits


def _in_chunks(conn: sqlite3.Connection, ids: list[int], sql: str) -> list[tuple]:
    """``sql`` (with ``IN ({})``) over ``ids``, a few hundred at a time."""
    out: list[tuple] = []
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        out.extend(conn.execute(sql.format(", ".join("?" * len(part))), part).fetchall())
    return out


def _places(conn: sqlite3.Connection, task_ids: list[int]) -> dict[int, str]:
    """Each task's place in its tree, its ancestors' numbers as printed: ``2. › a) › -``."""
    chains: dict[int, list[str]] = {tid: [] for tid in task_ids}
    for hit, number in _in_chunks(conn, task_ids, """
            WITH RECURSIVE up(hit, parent_id, number, depth) AS (
                SELECT id, parent_id, number, 0 FROM tasks WHERE id IN ({})
                UNION ALL SELECT up.hit, t.parent_id, t.number, up.depth + 1 FROM tasks t JOIN up ON t.id = up.parent_id)
            SELECT hit, number FROM up ORDER BY hit, depth DESC"""):
        if number:
            chains[hit].append(printed(number))
    return {tid: " › ".join(chain) for tid, chain in chains.items()}


def _statuses(store: Store, rows: list, tasks: dict[int, Task],
              today: dt.date) -> dict[int, tuple[str | None, dt.date | None]]:
    """Status and due date of the hit tasks, by the rules of domain.progress, plan by plan."""
    from .progress import _SELECT, _entry  # the store's own reading of an entry row

    tracked = {tid: task for tid, task in tasks.items() if is_tracked(task)}
    entries: dict[int, list] = {}
    for row in _in_chunks(store.database.conn, list(tracked),
                          _SELECT + " WHERE e.task_id IN ({}) ORDER BY e.date, e.created_at, e.id"):
        entries.setdefault(row[1], []).append(_entry(row))
    out: dict[int, tuple[str | None, dt.date | None]] = {}
    plans: dict[int, tuple[str | None, str | None, list[Task]]] = {}
    for plan_id, _, _, _, date, created, tid, *_ in rows:
        if tid in tracked:
            plans.setdefault(plan_id, (date, created, []))[2].append(tracked[tid])
    for date, created, mine in plans.values():
        # a plan of only these tasks (flat): track() gives each its status as in the whole plan
        probe = Plan("", date=PartialDate.parse(date), sections=[Section("", "tasks", tasks=[
            Task(t.title, t.number, lead=t.lead, coordinators=t.coordinators, time=t.time, id=t.id) for t in mine])])
        for row in track(probe, entries, today, _day(created)):
            out[int(row.task.id or 0)] = (row.status, _due(_timeframe(row.task.time), row.status, row.next_due,
                                                           today))
    return out


def _day(stamp: str | None) -> dt.date | None:
    """The day of a ``created_at`` stamp (as ``store.progress.created_on`` reads it)."""
    try:
        return dt.date.fromisoformat(str(stamp)[:10]) if stamp else None
    except ValueError:
        return None


# --- one unit's tasks -------------------------------------------------------------------------

@dataclass(frozen=True)
class UnitTask:
    """One task of a unit in one plan."""

    plan_id: int
    plan_reference: str
    plan_title: str
    plan_date: PartialDate | None
    task_id: int
    number: str  # the tracking number ("1.a", "PL01.2"), as the unit sheets and the Báo cáo number it
    title: str
    role: str  # "lead" or "coordinator"
    time: str
    due: dt.date | None
    status: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def overdue(self) -> bool:
        return self.status == OVERDUE


_timeframe = functools.lru_cache(maxsize=1024)(parse_timeframe)  # plans repeat a few dozen timeframe texts


def _due(tf: Timeframe, status: str, next_due: dt.date | None, today: dt.date) -> dt.date | None:
    """The date shown as a task's "Hạn": its deadline; for a recurring task the next date something is due,
    or, when it is late ("Quá hạn", "Chưa báo cáo"), the date it missed."""
    if tf.kind == "deadline":
        return tf.deadline
    if status in (OVERDUE, NOT_REPORTED):
        missed = [d for year in (today.year - 1, today.year) for d in report_due_dates(tf, year) if d < today]
        if missed:
            return max(missed)
    return next_due


def find_unit(store: Store, text: str) -> Unit:
    """The catalog's unit written ``text`` (any spelling, code or alias; or a unique part of its name,
    without diacritics). Raises :class:`InvalidInput` naming the closest units otherwise."""
    catalog = store.units.catalog()
    unit = catalog.find(text) if text.strip() else None
    if unit:
        return unit
    wanted = fold(text)
    words = _WORD.findall(wanted)

    def fits(spelling: str) -> bool:  # every word typed begins a word of the name
        own = _WORD.findall(fold(spelling))
        return all(any(w.startswith(q) for w in own) for q in words)

    partial = [u for u in catalog.units if words and any(fits(s) for s in (u.name, *u.aliases, u.code or ""))]
    if len(partial) == 1:
        return partial[0]
    names = {fold(u.name): u.name for u in catalog.units}
    close = [names[n] for n in difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.5)]
    close = list(dict.fromkeys([*(u.name for u in partial), *close]))[:6]
    if close:
        raise InvalidInput(f"Không có đơn vị “{text}” trong danh mục. Có phải: {'; '.join(close)}?")
    raise InvalidInput(f"Không có đơn vị “{text}” trong danh mục đơn vị (Công cụ → Danh mục đơn vị).")


def unit_tasks(store: Store, unit: Unit, today: dt.date | None = None) -> list[UnitTask]:
    """Every task of ``unit`` (lead or coordinator) in every plan not in the bin, plans newest first, each
    plan's tasks in document order, with status on ``today`` and due date."""
    today = today or dt.date.today()
    conn = store.database.conn
    roles: dict[int, dict[int, str]] = {}
    for plan_id, task_id, role in conn.execute(
            """SELECT t.plan_id, tu.task_id, max(tu.role) FROM task_units tu JOIN tasks t ON t.id = tu.task_id
               JOIN plans p ON p.id = t.plan_id WHERE tu.unit_id = ? AND p.deleted_at IS NULL
               GROUP BY tu.task_id""", (unit.id,)):  # max(): a task both led and coordinated is led
        roles.setdefault(plan_id, {})[task_id] = role
    out: list[UnitTask] = []
    for summary in store.plans.list():
        if summary.id not in roles:
            continue
        plan = store.plans.load(summary.id)
        mine = roles[summary.id]
        numbers = tracking_numbers(plan)
        rows = track(plan, store.progress.for_plan(summary.id), today, store.progress.created_on(summary.id))
        by_id = {row.task.id: row for row in rows}
        for task, _ in plan.walk_tasks():
            if task.id not in mine:
                continue
            role = mine[task.id]
            row = by_id.get(task.id)
            status = row.status if row else NOT_STARTED
            due = _due(_timeframe(task.time), status, row.next_due if row else None, today)
            out.append(UnitTask(summary.id, summary.reference, summary.title, summary.date, int(task.id or 0),
                                numbers.get(task.key, task.number), task.title, role, task.time, due, status))
    return out


def export_unit_tasks(unit_name: str, rows: list[UnitTask], target: str | os.PathLike[str]) -> Path:
    """The list of a unit's tasks as an .xlsx (A4 landscape, heading row repeated, overdue rows red)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from ..fileio import write_bytes
    from ..sheets.common import put_text

    book = Workbook()
    sheet = book.active
    sheet.title = "Việc của đơn vị"
    sheet.append([f"VIỆC CỦA {unit_name.upper()} TRONG CÁC KẾ HOẠCH"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([f"Lập ngày {dt.date.today():%d/%m/%Y}: {len(rows)} nhiệm vụ"])
    headings = ["STT", "Kế hoạch", "Số", "Nhiệm vụ", "Vai trò", "Thời gian thực hiện", "Hạn", "Tình trạng"]
    sheet.append(headings)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    for n, row in enumerate(rows, 1):
        line = 3 + n
        values = [n, f"{row.plan_reference} — {row.plan_title}", row.number, row.title, row.role_label, row.time,
                  row.due, row.status_label]
        for column, value in enumerate(values, 1):
            cell = sheet.cell(line, column)
            if isinstance(value, str):
                put_text(cell, value)  # "- Rà soát …" stays text, never a formula
            else:
                cell.value = value
            cell.alignment = wrap
            if row.overdue:
                cell.font = Font(color="B00020", bold=True)
        sheet.cell(line, 7).number_format = "DD/MM/YYYY"
    for letter, width in zip("ABCDEFGH", (5, 36, 8, 60, 10, 24, 12, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.print_title_rows = "3:3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.freeze_panes = "A4"
    buffer = io.BytesIO()
    book.save(buffer)
    return write_bytes(target, buffer.getvalue())


def unit_names(store: Store) -> list[str]:
    """The catalog's names in Vietnamese order (for the command line's error and help)."""
    return sorted((u.name for u in store.units.catalog().units), key=vi_sort_key)


def to_dicts(items: Iterable[SearchHit | UnitTask]) -> list[dict]:
    """JSON-ready rows (``--json``): dates as ISO text, labels beside codes."""
    out = []
    for item in items:
        data = {k: (v.isoformat() if isinstance(v, dt.date) else v.iso() if isinstance(v, PartialDate)
                    else list(v) if isinstance(v, tuple) else v) for k, v in item.__dict__.items()}
        data["status_label"] = item.status_label
        if isinstance(item, UnitTask):
            data["role_label"] = item.role_label
        out.append(data)
    return out
