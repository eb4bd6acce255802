"""Plans, sections and tasks in SQLite. Every public method is one transaction."""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..domain.plan import (
    Appendix,
    PartialDate,
    Plan,
    Section,
    Signature,
    SourceTask,
    Task,
    TextItem,
    TextTable,
    UpperPlan,
    body_then_appendices,
    new_key,
)
from ..domain.record import Record
from ..domain.text import nfc
from ..domain.units import UnitCatalog
from ..errors import InvalidInput, NotFound
from .database import Database
from .units import UnitRepository

_encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every value (json.dumps builds one a call)


def _dumps(value: Any) -> str:
    if not value and type(value) in (list, dict):  # most tasks' labels, assignment and cells
        return "[]" if type(value) is list else "{}"
    return _encode(value)


def _appendix_json(section: Section) -> str | None:
    if section.appendix is None:
        return None
    from ..domain.planjson import appendix_to_dict  # the JSON reader waits until a plan has phụ lục or links

    return _dumps(appendix_to_dict(section.appendix))


def _appendix(text: str | None) -> Appendix | None:
    if text is None:
        return None
    from ..domain.planjson import read_appendix

    return read_appendix(json.loads(text))


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: loading makes tens of thousands of objects and no cycles, and
    the collections their number sets off took 7 % of a 2,000-task load."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _source_json(source: SourceTask | None) -> str | None:
    if source is None:
        return None
    from ..domain.planjson import source_to_dict

    return _dumps(source_to_dict(source))


def _source(data: dict | None) -> SourceTask | None:
    if data is None:
        return None
    from ..domain.planjson import read_source

    return read_source(data)


def _upper_json(upper: UpperPlan | None) -> str | None:
    if upper is None:
        return None
    from ..domain.planjson import upper_to_dict

    return _dumps(upper_to_dict(upper))


def _upper(text: str | None) -> UpperPlan | None:
    if text is None:
        return None
    from ..domain.planjson import read_upper

    return read_upper(json.loads(text))


def _table_json(item: TextItem) -> str | None:
    if item.table is None:
        return None
    return _dumps({"rows": item.table.rows, "header_rows": item.table.header_rows})


def _table(text: str | None) -> TextTable | None:
    if text is None:
        return None
    data = json.loads(text)
    return TextTable(data.get("rows", []), data.get("header_rows", 1))


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


class PlanSummary(Record):
    """A row of the plans list: the plan's reference, date, trích yếu, number of tasks, last change."""

    __slots__ = ("id", "number", "symbol", "date", "title", "tasks", "updated_at", "deleted_at")

    def __init__(self, id: int, number: str | None, symbol: str, date: PartialDate | None,
                 title: str, tasks: int, updated_at: str, deleted_at: str | None) -> None:
        self.id = id
        self.number = number
        self.symbol = symbol
        self.date = date
        self.title = title
        self.tasks = tasks
        self.updated_at = updated_at
        self.deleted_at = deleted_at

    @property
    def reference(self) -> str:
        """``05/KH-UBND`` or ``…/KH-UBND`` for a draft."""
        return f"{self.number or '…'}/{self.symbol}"


# Scalar plan columns the editor may change with :meth:`PlanRepository.update_plan`.
_PLAN_TEXT = {"title", "number", "symbol", "place", "doc_type"}
_PLAN_JSON = {"issuer", "bases", "preamble", "closing", "recipients", "labels"}
_TASK_TEXT = {"title", "number", "time", "product", "notes"}
_TASK_JSON = {"content", "labels", "assignment", "cells"}
_TASK_SEARCHED = {"title", "number", "time", "product", "content", "lead", "coordinators"}  # in the search index


class PlanRepository:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.conn = database.conn
        self.units = UnitRepository(database)

    # --- whole plans -----------------------------------------------------------------

    def list(self, *, deleted: bool = False) -> list[PlanSummary]:
        rows = self.conn.execute(
            f"""SELECT p.id, p.number, p.symbol, p.date, p.title, p.updated_at, p.deleted_at,
                       (SELECT count(*) FROM tasks t WHERE t.plan_id = p.id)
                FROM plans p WHERE p.deleted_at IS {'NOT ' if deleted else ''}NULL
                ORDER BY coalesce(p.date, '') DESC, p.id DESC""").fetchall()
        return [PlanSummary(id, number, symbol, PartialDate.parse(date), title, count, updated, deleted_at)
                for id, number, symbol, date, title, updated, deleted_at, count in rows]

    def exists(self, plan_id: int) -> bool:
        """Whether plan ``plan_id`` is there and not in the bin (the plan to reopen at start-up)."""
        return self.conn.execute("SELECT 1 FROM plans WHERE id = ? AND deleted_at IS NULL",
                                 (plan_id,)).fetchone() is not None

    def create(self, plan: Plan) -> int:
        """Store a whole plan (import, template, duplicate) in one transaction; return its id."""
        from . import search  # the search index: writes only, opening a plan does without
        catalog = self.units.catalog()
        with self.database.transaction():
            if self.conn.execute("SELECT 1 FROM plans WHERE key = ?", (plan.key,)).fetchone():
                plan.key = new_key()  # the same file imported twice makes two plans
            now = _now()
            cur = self.conn.execute(
                """INSERT INTO plans (key, title, issuer, number, symbol, place, date, doc_type, bases, preamble,
                       closing, recipients, signature, labels, extra, upper, created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (plan.key, plan.title, _dumps(plan.issuer), plan.number, plan.symbol, plan.place,
                 plan.date.iso() if plan.date else None, plan.doc_type, _dumps(plan.bases),
                 _dumps(plan.preamble), _dumps(plan.closing), _dumps(plan.recipients),
                 _dumps({"lines": plan.signature.lines, "signer": plan.signature.signer}),
                 _dumps(plan.labels), _dumps(plan.extra), _upper_json(plan.upper), now, now))
            plan_id = int(cur.lastrowid or 0)
            search.insert_rows(self.conn, [(plan_id, None, *search.plan_columns(plan.number, plan.symbol, plan.title))])
            for position, section in enumerate(plan.sections):
                self._insert_section(plan_id, position, section, catalog)
        plan.id = plan_id
        return plan_id

    def _insert_section(self, plan_id: int, position: int, section: Section, catalog: UnitCatalog) -> int:
        cur = self.conn.execute(
            "INSERT INTO sections (plan_id, position, title, kind, appendix) VALUES (?, ?, ?, ?, ?)",
            (plan_id, position, section.title, section.kind, _appendix_json(section)))
        section_id = int(cur.lastrowid or 0)
        self._insert_items(section_id, section.items)
        self._insert_tasks(plan_id, section_id, None, 0, section.tasks, catalog)
        return section_id

    def _insert_items(self, section_id: int, items: list[TextItem]) -> None:
        self.conn.executemany(
            "INSERT INTO section_items (section_id, position, heading, paragraphs, tbl) VALUES (?, ?, ?, ?, ?)",
            [(section_id, i, item.heading, _dumps(item.paragraphs), _table_json(item))
             for i, item in enumerate(items)])

    def _insert_tasks(self, plan_id: int, section_id: int, parent_id: int | None, first_position: int,
                      tasks: list[Task], catalog: UnitCatalog) -> None:
        """Insert task subtrees with ids assigned here, so parents are known without a query per row."""
        from . import search  # the search index: writes only, opening a plan does without

        next_id = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM tasks").fetchone()[0]
        task_rows: list[tuple] = []
        unit_rows: list[tuple] = []
        search_rows: list[tuple] = []  # the search index's row of each task (store/search.py)
        used_keys = {r[0] for r in self.conn.execute("SELECT key FROM tasks WHERE plan_id = ?", (plan_id,))}
        seen: dict[str, tuple[int | None, str] | tuple[()]] = {}  # a plan names few units: each resolved once

        def visit(items: list[Task], parent: int | None, start: int) -> None:
            nonlocal next_id
            for offset, task in enumerate(items):
                task_id = next_id
                next_id += 1
                task.id = task_id
                if task.key in used_keys:
                    task.key = new_key()
                used_keys.add(task.key)
                task_rows.append((task_id, task.key, plan_id, section_id, parent, start + offset, task.number,
                                  task.title, _dumps(task.content), task.time, task.product, task.notes,
                                  _dumps(task.labels), _dumps(task.assignment), _dumps(task.cells),
                                  _source_json(task.source)))
                first_unit = len(unit_rows)
                for role, names in (("lead", task.lead), ("coordinator", task.coordinators)):
                    position = 0
                    for name in names:
                        resolved = seen.get(name)
                        if resolved is None:
                            resolved = seen[name] = self._resolve(name, catalog)
                        if resolved:  # a blank name is no unit
                            unit_rows.append((task_id, role, position, *resolved))
                            position += 1
                search_rows.append((plan_id, task_id, *search.task_columns(
                    task.number, task.title, task.content, task.time, task.product,
                    [row[4] for row in unit_rows[first_unit:]])))
                visit(task.children, task_id, 0)

        visit(tasks, parent_id, first_position)
        self.conn.executemany(
            """INSERT INTO tasks (id, key, plan_id, section_id, parent_id, position, number, title, content, time,
                   product, notes, labels, assignment, cells, source)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            task_rows)
        self.conn.executemany(
            "INSERT INTO task_units (task_id, role, position, unit_id, name) VALUES (?, ?, ?, ?, ?)", unit_rows)
        search.insert_rows(self.conn, search_rows)

    @staticmethod
    def _resolve(name: str, catalog: UnitCatalog) -> tuple[int | None, str] | tuple[()]:
        """(unit id, name) of a lead or coordinator as stored: the catalog's unit, or the name as written;
        () for a blank name."""
        if not name.strip():
            return ()
        unit = catalog.find(name)
        return (unit.id, unit.name) if unit else (None, nfc(name).strip())

    def _unit_rows(self, task_id: int, task: Task, catalog: UnitCatalog) -> list[tuple]:
        rows = []
        for role, names in (("lead", task.lead), ("coordinator", task.coordinators)):
            resolved = [r for r in (self._resolve(n, catalog) for n in names) if r]
            rows.extend((task_id, role, position, *r) for position, r in enumerate(resolved))
        return rows

    def load(self, plan_id: int) -> Plan:
        with _no_cycle_collection():
            return self._load(plan_id)

    def _load(self, plan_id: int) -> Plan:
        row = self.conn.execute(
            """SELECT id, key, title, issuer, number, symbol, place, date, doc_type, bases, preamble, closing,
                      recipients, signature, labels, extra, upper FROM plans WHERE id = ?""", (plan_id,)).fetchone()
        if row is None:
            raise NotFound(f"Không có kế hoạch số {plan_id}. Dùng lệnh “kehoach plans” để xem danh sách.")
        (id_, key, title, issuer, number, symbol, place, date, doc_type, bases, preamble, closing,
         recipients, signature, labels, extra, upper) = row
        sig = json.loads(signature)
        plan = Plan(title=title, issuer=json.loads(issuer), number=number, symbol=symbol, place=place,
                    date=PartialDate.parse(date), doc_type=doc_type, bases=json.loads(bases),
                    preamble=json.loads(preamble), closing=json.loads(closing), recipients=json.loads(recipients),
                    signature=Signature(sig.get("lines", []), sig.get("signer", "")), labels=json.loads(labels),
                    key=key, extra=json.loads(extra), id=id_,
                    upper=_upper(upper))
        sections: dict[int, Section] = {}
        for sid, title_, kind, appendix in self.conn.execute(
                "SELECT id, title, kind, appendix FROM sections WHERE plan_id = ? ORDER BY position", (plan_id,)):
            sections[sid] = Section(title_, kind, appendix=_appendix(appendix))
        plan.sections = body_then_appendices(sections.values())
        for sid, heading, paragraphs, tbl in self.conn.execute(
                """SELECT i.section_id, i.heading, i.paragraphs, i.tbl FROM section_items i
                   JOIN sections s ON s.id = i.section_id WHERE s.plan_id = ? ORDER BY i.section_id, i.position""",
                (plan_id,)):
            sections[sid].items.append(TextItem(heading, json.loads(paragraphs), _table(tbl)))
        tasks: dict[int, Task] = {}
        placement: list[tuple[int, int, int | None]] = []
        # each task's leads and coordinators come in its row, in order, with the catalog's current name
        units = """(SELECT json_group_array(coalesce(u.name, tu.name)) FROM task_units tu
                     LEFT JOIN units u ON u.id = tu.unit_id WHERE tu.task_id = tasks.id AND tu.role = '{}')"""
        rows = self.conn.execute(
            f"""SELECT id, key, section_id, parent_id, number, title, time, product, notes,
                       '[' || content || ',' || labels || ',' || assignment || ',' || cells || ','
                           || coalesce(source, 'null') || ',' || {units.format('lead')} || ','
                           || {units.format('coordinator')} || ']'
                FROM tasks WHERE plan_id = ? ORDER BY section_id, parent_id, position""", (plan_id,)).fetchall()
        # the JSON columns of every task decoded in one call (a third of the time of one call per column)
        decoded = json.loads("[" + ",".join(row[9] for row in rows) + "]")
        for (tid, tkey, sid, parent, number, ttitle, time, product, notes, _), \
                (content, tlabels, assignment, cells, source, lead, coordinators) in zip(rows, decoded, strict=True):
            # by position, every field given: a third faster than by keyword with the lists defaulted
            tasks[tid] = Task(ttitle, number, content, lead, coordinators, time, product, notes, tlabels, assignment,
                              cells, _source(source), [], tkey, tid)
            placement.append((tid, sid, parent))
        for tid, sid, parent in placement:  # rows come ordered by position within each parent
            (tasks[parent].children if parent else sections[sid].tasks).append(tasks[tid])
        return plan

    def update_plan(self, plan_id: int, **fields: Any) -> None:
        """Change general information of a plan (one edit of the editor = one call)."""
        from . import search  # the search index: writes only, opening a plan does without
        sets, values = [], []
        for name, value in fields.items():
            if name in _PLAN_TEXT:
                values.append(nfc(value) if isinstance(value, str) else value)
            elif name in _PLAN_JSON:
                values.append(_dumps(value))
            elif name == "date":
                values.append(value.iso() if isinstance(value, PartialDate) else
                              (PartialDate.parse(value).iso() if value else None))  # type: ignore[union-attr]
            elif name == "signature":
                values.append(_dumps({"lines": value.lines, "signer": value.signer}))
            elif name == "upper":
                values.append(_upper_json(value))
            else:
                raise InvalidInput(f"Trường “{name}” của kế hoạch không sửa được.")
            sets.append(f"{name} = ?")
        if not sets:
            return
        with self.database.transaction():
            cur = self.conn.execute(f"UPDATE plans SET {', '.join(sets)}, updated_at = ? WHERE id = ?",
                                    (*values, _now(), plan_id))
            if not cur.rowcount:
                raise NotFound(f"Không có kế hoạch số {plan_id}.")
            if fields.keys() & {"title", "number", "symbol"}:
                search.reindex_plan(self.conn, plan_id)

    def delete(self, plan_id: int) -> None:
        """Move to the recoverable bin."""
        with self.database.transaction():
            self.conn.execute("UPDATE plans SET deleted_at = ? WHERE id = ?", (_now(), plan_id))

    def restore(self, plan_id: int) -> None:
        with self.database.transaction():
            self.conn.execute("UPDATE plans SET deleted_at = NULL WHERE id = ?", (plan_id,))

    def purge(self, plan_id: int) -> None:
        """Delete for good (from the bin)."""
        with self.database.transaction():
            self.conn.execute("DELETE FROM plans WHERE id = ?", (plan_id,))

    def duplicate(self, plan_id: int) -> int:
        plan = self.load(plan_id)
        plan.key = new_key()
        plan.title = plan.title
        plan.number = None
        plan.date = None
        for task, _ in plan.walk_tasks():
            task.key = new_key()
        return self.create(plan)

    # --- sections --------------------------------------------------------------------------

    def section_ids(self, plan_id: int) -> list[int]:
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM sections WHERE plan_id = ? ORDER BY position", (plan_id,))]

    def replace_sections(self, plan_id: int, sections: list[Section]) -> None:
        """Rewrite the text sections, and the titles and opening paragraphs of task sections, keeping their tasks."""
        catalog = self.units.catalog()
        with self.database.transaction():
            existing = self.conn.execute(
                "SELECT id, kind FROM sections WHERE plan_id = ? ORDER BY position", (plan_id,)).fetchall()
            task_ids = [sid for sid, kind in existing if kind == "tasks"]
            for sid, kind in existing:
                if kind == "text":
                    self.conn.execute("DELETE FROM sections WHERE id = ?", (sid,))
            for position, section in enumerate(sections):
                if section.kind == "tasks" and task_ids:
                    sid = task_ids.pop(0)
                    self.conn.execute("UPDATE sections SET position = ?, title = ?, appendix = ? WHERE id = ?",
                                      (position, section.title, _appendix_json(section), sid))
                    self.conn.execute("DELETE FROM section_items WHERE section_id = ?", (sid,))
                    self._insert_items(sid, section.items)
                else:
                    self._insert_section(plan_id, position, section, catalog)
            for sid in task_ids:  # task sections no longer present
                self.conn.execute("DELETE FROM sections WHERE id = ?", (sid,))
            self._touch(plan_id)

    def insert_section(self, plan_id: int, index: int, section: Section) -> int:
        """Insert ``section`` (a phụ lục, say, with its tasks) at ``index`` among the plan's sections; the
        tasks get their ids. Return the section's id."""
        catalog = self.units.catalog()
        with self.database.transaction():
            ids = self.section_ids(plan_id)
            index = max(0, min(index, len(ids)))
            self.conn.executemany("UPDATE sections SET position = ? WHERE id = ?",
                                  [(i + 1 if i >= index else i, sid) for i, sid in enumerate(ids)])
            section_id = self._insert_section(plan_id, index, section, catalog)
            self._touch(plan_id)
        return section_id

    def delete_section(self, plan_id: int, section_id: int) -> None:
        """Delete one section of the plan with its items and tasks (their progress entries go with them)."""
        with self.database.transaction():
            cur = self.conn.execute("DELETE FROM sections WHERE id = ? AND plan_id = ?", (section_id, plan_id))
            if not cur.rowcount:
                raise NotFound(f"Không có phần số {section_id} trong kế hoạch số {plan_id}.")
            self.conn.executemany("UPDATE sections SET position = ? WHERE id = ?",
                                  [(i, sid) for i, sid in enumerate(self.section_ids(plan_id))])
            self._touch(plan_id)

    def _touch(self, plan_id: int) -> None:
        self.conn.execute("UPDATE plans SET updated_at = ? WHERE id = ?", (_now(), plan_id))

    # --- tasks -------------------------------------------------------------------------------

    def _task_place(self, task_id: int) -> tuple[int, int, int | None, int]:
        row = self.conn.execute("SELECT plan_id, section_id, parent_id, position FROM tasks WHERE id = ?",
                                (task_id,)).fetchone()
        if row is None:
            raise NotFound(f"Không có nhiệm vụ số {task_id}.")
        return row

    def _siblings_where(self, section_id: int, parent_id: int | None) -> tuple[str, tuple]:
        if parent_id is None:
            return "section_id = ? AND parent_id IS NULL", (section_id,)
        return "parent_id = ?", (parent_id,)

    def _close_gap(self, section_id: int, parent_id: int | None, position: int) -> None:
        where, args = self._siblings_where(section_id, parent_id)
        self.conn.execute(f"UPDATE tasks SET position = position - 1 WHERE {where} AND position > ?",
                          (*args, position))

    def _open_gap(self, section_id: int, parent_id: int | None, position: int) -> int:
        where, args = self._siblings_where(section_id, parent_id)
        count = self.conn.execute(f"SELECT count(*) FROM tasks WHERE {where}", args).fetchone()[0]
        position = max(0, min(position, count))
        self.conn.execute(f"UPDATE tasks SET position = position + 1 WHERE {where} AND position >= ?",
                          (*args, position))
        return position

    def insert_task(self, plan_id: int, section_id: int, parent_id: int | None, position: int,
                    task: Task) -> int:
        """Insert ``task`` (with its sub-tasks) at ``position`` among its siblings; return its id."""
        catalog = self.units.catalog()
        with self.database.transaction():
            position = self._open_gap(section_id, parent_id, position)
            self._insert_tasks(plan_id, section_id, parent_id, position, [task], catalog)
            self._touch(plan_id)
        return int(task.id or 0)

    def load_task(self, task_id: int) -> Task:
        plan_id = self._task_place(task_id)[0]
        for task, _ in self.load(plan_id).walk_tasks():
            if task.id == task_id:
                return task
        raise NotFound(f"Không có nhiệm vụ số {task_id}.")

    def update_task(self, task_id: int, **fields: Any) -> None:
        """Change fields of one task; ``lead``/``coordinators`` are lists of unit names."""
        from . import search  # the search index: writes only, opening a plan does without
        plan_id = self._task_place(task_id)[0]
        sets, values = [], []
        units: dict[str, list[str]] = {}
        for name, value in fields.items():
            if name in _TASK_TEXT:
                sets.append(f"{name} = ?")
                values.append(nfc(value) if isinstance(value, str) else value)
            elif name in _TASK_JSON:
                sets.append(f"{name} = ?")
                values.append(_dumps(value))
            elif name == "source":
                sets.append("source = ?")
                values.append(_source_json(value))
            elif name in ("lead", "coordinators"):
                units[name] = list(value)
            else:
                raise InvalidInput(f"Trường “{name}” của nhiệm vụ không sửa được.")
        with self.database.transaction():
            if sets:
                self.conn.execute(f"UPDATE tasks SET {', '.join(sets)} WHERE id = ?", (*values, task_id))
            if units:
                catalog = self.units.catalog()
                probe = Task(title="", lead=units.get("lead", []), coordinators=units.get("coordinators", []))
                rows = self._unit_rows(task_id, probe, catalog)
                for name, role in (("lead", "lead"), ("coordinators", "coordinator")):
                    if name in units:
                        self.conn.execute("DELETE FROM task_units WHERE task_id = ? AND role = ?", (task_id, role))
                        self.conn.executemany(
                            "INSERT INTO task_units (task_id, role, position, unit_id, name) VALUES (?, ?, ?, ?, ?)",
                            [r for r in rows if r[1] == role])
            if fields.keys() & _TASK_SEARCHED:
                search.reindex_tasks(self.conn, [task_id])
            self._touch(plan_id)

    def delete_task(self, task_id: int) -> tuple[Task, int, int | None, int]:
        """Delete a task and its sub-tasks; return what is needed to put it back (undo)."""
        task = self.load_task(task_id)
        plan_id, section_id, parent_id, position = self._task_place(task_id)
        with self.database.transaction():
            self.conn.execute("DELETE FROM tasks WHERE id = ?", (task_id,))
            self._close_gap(section_id, parent_id, position)
            self._touch(plan_id)
        return task, section_id, parent_id, position

    def move_task(self, task_id: int, section_id: int, parent_id: int | None, position: int) -> None:
        """Move a task (with its sub-tasks) under ``parent_id`` at ``position`` (after removal)."""
        plan_id, old_section, old_parent, old_position = self._task_place(task_id)
        if parent_id is not None:
            ancestor: int | None = parent_id
            while ancestor is not None:
                if ancestor == task_id:
                    raise InvalidInput("Không thể chuyển một nhiệm vụ vào trong chính nó.")
                ancestor = self.conn.execute("SELECT parent_id FROM tasks WHERE id = ?", (ancestor,)).fetchone()[0]
        with self.database.transaction():
            self._close_gap(old_section, old_parent, old_position)
            self.conn.execute("UPDATE tasks SET position = -1 WHERE id = ?", (task_id,))
            position = self._open_gap(section_id, parent_id, position)
            self.conn.execute("UPDATE tasks SET section_id = ?, parent_id = ?, position = ? WHERE id = ?",
                              (section_id, parent_id, position, task_id))
            if section_id != old_section:
                self.conn.execute(
                    """WITH RECURSIVE sub(id) AS (SELECT id FROM tasks WHERE parent_id = ?
                       UNION ALL SELECT t.id FROM tasks t JOIN sub ON t.parent_id = sub.id)
                       UPDATE tasks SET section_id = ? WHERE id IN sub""", (task_id, section_id))
            self._touch(plan_id)

    def set_numbers(self, numbers: dict[int, str]) -> None:
        """Store renumbering after a structural edit (one transaction)."""
        from . import search  # the search index: writes only, opening a plan does without
        with self.database.transaction():
            self.conn.executemany("UPDATE tasks SET number = ? WHERE id = ?",
                                  [(n, tid) for tid, n in numbers.items()])
            search.renumber(self.conn, numbers)
