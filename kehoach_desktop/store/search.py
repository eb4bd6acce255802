"""The full-text index of every plan's tasks (search across plans, issue #12), kept in step by the store.

``search_index`` holds one row per task and one per plan (``task_id`` NULL): the task's number, title,
body (content, timeframe, product) and units; the plan's reference and trích yếu. The FTS5 table
``search_index_fts`` (``content=search_index``) and its three triggers are made by sqlite-utils'
``enable_fts`` (migration step 5), so SQLite itself keeps the FTS in step with every insert, update and
delete of ``search_index`` rows, including those removed by ``ON DELETE CASCADE`` when a task, a section
or a plan goes.

**Folding.** The index must match without diacritics: "van hoa" finds "Văn hóa". FTS5's
``unicode61 remove_diacritics 2`` tokenizer lower-cases and strips every Vietnamese tone and letter mark
(ă â ê ô ơ ư, NFC or NFD) but not "đ", a letter of its own in Unicode. So the stored text is
:func:`searchable`: the text with đ/Đ turned into d/D, the rest left to the tokenizer. The tokens are
those of :func:`kehoach_desktop.domain.text.fold` (``tests/test_across.py`` checks it for every
Vietnamese vowel with each tone, upper and lower case, NFC and NFD); ``fold`` itself costs about
100 ms for a 2,000-task plan where this costs 3 ms, and saving must stay cheap.

**Writing.** Rows go in with multi-row ``INSERT … VALUES (…), (…)`` statements of a few hundred rows, not
``executemany``: FTS5 flushes its pending terms at the end of every statement, so 2,000 one-row
statements through the trigger cost 100 ms where four statements cost 17 ms.

Nothing here imports sqlite-utils except :func:`create_index` (the migration step).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

TABLE = "search_index"
FTS = f"{TABLE}_fts"
COLUMNS = ("number", "title", "body", "units")
TOKENIZE = "unicode61 remove_diacritics 2"
# bm25 weights of COLUMNS: a word of the title or the units counts more than one deep in the content
WEIGHTS = (2.0, 10.0, 1.0, 4.0)
_INSERT_COLUMNS = ("plan_id", "task_id", *COLUMNS)


def searchable(text: str | None) -> str:
    """The text as the index stores it: đ/Đ → d/D; case and the other marks are the tokenizer's."""
    return text.replace("đ", "d").replace("Đ", "D") if text else ""


def task_columns(number: str, title: str, content: Iterable[str], time: str, product: str | None,
                 units: Iterable[str]) -> tuple[str, str, str, str]:
    """(number, title, body, units) of one task, as stored in the index."""
    body = "\n".join([*content, time, product or ""])
    return searchable(number), searchable(title), searchable(body), searchable("\n".join(units))


def plan_columns(number: str | None, symbol: str, title: str) -> tuple[str, str, str, str]:
    """(number, title, body, units) of a plan's own row: its reference ("05/KH-UBND") and trích yếu."""
    return searchable(f"{number or ''}/{symbol}"), searchable(title), "", ""


def insert_rows(conn: sqlite3.Connection, rows: Sequence[tuple]) -> None:
    """Insert index rows ``(plan_id, task_id, number, title, body, units)`` in few statements."""
    width = len(_INSERT_COLUMNS)
    try:
        limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except AttributeError:  # Python < 3.11
        limit = 999
    chunk = max(1, min(500, limit // width))
    head = f"INSERT INTO {TABLE} ({', '.join(_INSERT_COLUMNS)}) VALUES "
    one = "(" + ", ".join("?" * width) + ")"
    for start in range(0, len(rows), chunk):
        part = rows[start:start + chunk]
        conn.execute(head + ", ".join([one] * len(part)), [value for row in part for value in row])


def _task_units(conn: sqlite3.Connection, task_ids: Sequence[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {tid: [] for tid in task_ids}
    for start in range(0, len(task_ids), 500):
        part = task_ids[start:start + 500]
        for tid, name in conn.execute(
                f"""SELECT tu.task_id, coalesce(u.name, tu.name) FROM task_units tu
                    LEFT JOIN units u ON u.id = tu.unit_id WHERE tu.task_id IN ({', '.join('?' * len(part))})
                    ORDER BY tu.task_id, tu.role DESC, tu.position""", part):  # lead before coordinator
            names[tid].append(name)
    return names


def _task_rows(conn: sqlite3.Connection, where: str, args: Sequence) -> list[tuple]:
    """Index rows of the tasks selected by ``where`` (on ``tasks``), read back from the database."""
    import json

    rows = conn.execute(f"SELECT id, plan_id, number, title, content, time, product FROM tasks WHERE {where}",
                        args).fetchall()
    units = _task_units(conn, [r[0] for r in rows])
    return [(plan_id, tid, *task_columns(number, title, json.loads(content), time, product, units[tid]))
            for tid, plan_id, number, title, content, time, product in rows]


def reindex_tasks(conn: sqlite3.Connection, task_ids: Iterable[int]) -> None:
    """Rewrite the index rows of these tasks from what the database now holds (after an edit)."""
    ids = sorted(set(task_ids))
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" * len(part))
        conn.execute(f"DELETE FROM {TABLE} WHERE task_id IN ({marks})", part)
        insert_rows(conn, _task_rows(conn, f"id IN ({marks})", part))


def reindex_units_of(conn: sqlite3.Connection, task_ids: Iterable[int]) -> None:
    """Rewrite only the units column of these tasks' rows (a unit of the catalog renamed, merged …)."""
    ids = sorted(set(task_ids))
    names = _task_units(conn, ids)
    conn.executemany(f"UPDATE {TABLE} SET units = ? WHERE task_id = ? AND units != ?",
                     [(text, tid, text) for tid in ids for text in [searchable("\n".join(names[tid]))]])


def renumber(conn: sqlite3.Connection, numbers: dict[int, str]) -> None:
    """The new numbers of tasks (after a structural edit), a few statements for any count of tasks."""
    items = [(tid, searchable(number)) for tid, number in numbers.items()]
    for start in range(0, len(items), 400):
        part = items[start:start + 400]
        conn.execute(f"""UPDATE {TABLE} SET number = v.column2
                         FROM (VALUES {', '.join(['(?, ?)'] * len(part))}) AS v
                         WHERE {TABLE}.task_id = v.column1 AND {TABLE}.number != v.column2""",
                     [value for row in part for value in row])


def reindex_plan(conn: sqlite3.Connection, plan_id: int) -> None:
    """Rewrite a plan's own row (its number, symbol or trích yếu changed)."""
    row = conn.execute("SELECT number, symbol, title FROM plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        return
    conn.execute(f"DELETE FROM {TABLE} WHERE plan_id = ? AND task_id IS NULL", (plan_id,))
    insert_rows(conn, [(plan_id, None, *plan_columns(*row))])


def fill(conn: sqlite3.Connection) -> None:
    """Index every plan and task of the database (the migration step, on a database that has plans)."""
    conn.execute(f"DELETE FROM {TABLE}")
    insert_rows(conn, [(pid, None, *plan_columns(number, symbol, title))
                       for pid, number, symbol, title in conn.execute("SELECT id, number, symbol, title FROM plans")])
    insert_rows(conn, _task_rows(conn, "1", ()))


def create_index(conn: sqlite3.Connection) -> None:
    """The table, its FTS5 index and triggers (through sqlite-utils), filled from the plans already there.

    Runs inside the migration's transaction: sqlite-utils runs its scripts statement by statement when a
    transaction is open, so nothing is committed half-way.
    """
    import sqlite_utils

    from .migrations import run_script

    run_script(conn, f"""
        CREATE TABLE {TABLE} (
            id      INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            task_id INTEGER UNIQUE REFERENCES tasks(id) ON DELETE CASCADE,
            number  TEXT NOT NULL DEFAULT '',
            title   TEXT NOT NULL DEFAULT '',
            body    TEXT NOT NULL DEFAULT '',
            units   TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX {TABLE}_plan ON {TABLE}(plan_id)
        """)
    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    db.table(TABLE).enable_fts(list(COLUMNS), create_triggers=True, tokenize=TOKENIZE)
    fill(conn)


def problems(conn: sqlite3.Connection) -> list[str]:
    """What ``kehoach check`` finds wrong with the index (empty when it is in step with the plans).

    Read on a connection of its own: on the app's, the tables and indexes these queries read would be
    analysed by the ``PRAGMA optimize`` run at closing, and ``kehoach check`` must leave the file as it was.
    """
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (FTS,)).fetchone():
        return [f"Thiếu chỉ mục tìm kiếm ({FTS})."]
    path = next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "")
    checker = sqlite3.connect(path, isolation_level=None, timeout=10) if path else conn
    try:
        return _problems(checker)
    finally:
        if checker is not conn:
            checker.close()


def _problems(conn: sqlite3.Connection) -> list[str]:
    found: list[str] = []
    try:  # FTS5's own check of the index against search_index
        conn.execute(f"INSERT INTO {FTS}({FTS}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        if "malformed" not in str(exc) and "corrupt" not in str(exc):
            raise
        found.append(f"Chỉ mục tìm kiếm không khớp với dữ liệu ({exc}); hãy khôi phục từ bản sao lưu.")
    missing = conn.execute(f"""SELECT count(*) FROM tasks t
                               WHERE NOT EXISTS (SELECT 1 FROM {TABLE} s WHERE s.task_id = t.id)""").fetchone()[0]
    missing += conn.execute(f"""SELECT count(*) FROM plans p WHERE NOT EXISTS
                                (SELECT 1 FROM {TABLE} s WHERE s.plan_id = p.id AND s.task_id IS NULL)""").fetchone()[0]
    if missing:
        found.append(f"Chỉ mục tìm kiếm thiếu {missing} kế hoạch hoặc nhiệm vụ.")
    indexed = {tid: tuple(cols) for tid, *cols in conn.execute(
        f"SELECT task_id, number, title, body, units FROM {TABLE} WHERE task_id IS NOT NULL")}
    stale = sum(1 for row in _task_rows(conn, "1", ()) if indexed.get(row[1], row[2:]) != row[2:])
    if stale:
        found.append(f"Chỉ mục tìm kiếm của {stale} nhiệm vụ không khớp với nội dung nhiệm vụ.")
    return found
