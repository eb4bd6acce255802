"""Save and load back a 2,000-task plan, against raw sqlite3 inserts and selects of the same rows.

    .venv/bin/python bench/bench_store.py

The floor inserts the same rows (every column the app stores, ``cells`` included) into
tables of the same columns, without the app's indexes and foreign keys, in one
transaction, and selects them back. Runs alternate floor and app; medians printed.
Target (issue 13): saving at most 2x the raw floor, loading at most 1.5x.

Since schema 5 a save also writes the search index of every task (FTS5, for search across plans,
issue 12). A second floor does that same work through raw sqlite3 — the same table and FTS5 table
with the triggers sqlite-utils makes, the same text in one multi-row INSERT per 500 rows — so both
ratios are printed: against the tables alone (the floor issue 13 was written against, before the
index existed) and against the same work. The save target is judged against the second: the issue
asks for "the floor doing the same work", and a floor that skips the index does a third less.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _plans import big_plan

from kehoach_desktop.services import Store

_FTS = """
CREATE TABLE search_index (id INTEGER PRIMARY KEY, plan_id INTEGER, task_id INTEGER UNIQUE, number TEXT,
    title TEXT, body TEXT, units TEXT);
CREATE VIRTUAL TABLE search_index_fts USING FTS5 (number, title, body, units,
    tokenize='unicode61 remove_diacritics 2', content=[search_index]);
CREATE TRIGGER search_index_ai AFTER INSERT ON search_index BEGIN
  INSERT INTO search_index_fts (rowid, number, title, body, units)
  VALUES (new.rowid, new.number, new.title, new.body, new.units);
END;
"""


def raw_floor(folder: Path, plan, index: bool = False) -> tuple[float, float]:
    """The same rows through sqlite3 with no domain logic: executemany in one transaction, one select;
    with ``index`` also the search index's rows (the text joined as the app joins it, đ → d)."""
    conn = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("""CREATE TABLE tasks (id INTEGER PRIMARY KEY, key TEXT, plan_id INTEGER, section_id INTEGER,
        parent_id INTEGER, position INTEGER, number TEXT, title TEXT, content TEXT, time TEXT, product TEXT,
        notes TEXT, labels TEXT, assignment TEXT, cells TEXT)""")
    conn.execute("""CREATE TABLE task_units (task_id INTEGER, role TEXT, position INTEGER, unit_id INTEGER,
        name TEXT, PRIMARY KEY (task_id, role, position)) WITHOUT ROWID""")
    if index:
        conn.executescript(_FTS)
    rows, unit_rows, index_rows = [], [], []
    for n, (task, _depth) in enumerate(plan.walk_tasks(), start=1):
        rows.append((n, task.key, 1, 1, None, n, task.number, task.title, json.dumps(task.content), task.time,
                     task.product, None, "{}", "[]", "{}"))
        unit_rows += [(n, "lead", i, None, u) for i, u in enumerate(task.lead)]
        unit_rows += [(n, "coordinator", i, None, u) for i, u in enumerate(task.coordinators)]
        if index:
            index_rows.append((1, n, *(t.replace("đ", "d").replace("Đ", "D") for t in (
                task.number, task.title, "\n".join([*task.content, task.time, task.product or ""]),
                "\n".join([*task.lead, *task.coordinators])))))
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO task_units VALUES (?, ?, ?, ?, ?)", unit_rows)
    for first in range(0, len(index_rows), 500):
        part = index_rows[first:first + 500]
        conn.execute("INSERT INTO search_index (plan_id, task_id, number, title, body, units) VALUES "
                      + ", ".join(["(?, ?, ?, ?, ?, ?)"] * len(part)), [v for row in part for v in row])
    conn.execute("COMMIT")
    save = time.perf_counter() - start
    start = time.perf_counter()
    conn.execute("SELECT * FROM tasks WHERE plan_id = 1 ORDER BY section_id, parent_id, position").fetchall()
    conn.execute("SELECT * FROM task_units").fetchall()
    load = time.perf_counter() - start
    conn.close()
    return save, load


def ours(folder: Path, plan) -> tuple[float, float]:
    store = Store.open(folder / "kehoach.sqlite", backup=False)
    start = time.perf_counter()
    plan_id = store.import_plan(plan)
    save = time.perf_counter() - start
    start = time.perf_counter()
    loaded = store.plans.load(plan_id)
    load = time.perf_counter() - start
    assert sum(1 for _ in loaded.walk_tasks()) == 2000
    store.close()
    return save, load


def main(repeats: int = 9) -> None:
    plan = big_plan(2000)
    results: dict[str, list[float]] = {"raw save": [], "raw load": [], "save": [], "load": [],
                                       "raw+index save": []}
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            s, l_ = raw_floor(Path(tmp), big_plan(2000))
            results["raw save"].append(s)
            results["raw load"].append(l_)
        with tempfile.TemporaryDirectory() as tmp:
            results["raw+index save"].append(raw_floor(Path(tmp), big_plan(2000), index=True)[0])
        with tempfile.TemporaryDirectory() as tmp:
            s, l_ = ours(Path(tmp), big_plan(2000))
            results["save"].append(s)
            results["load"].append(l_)
    med = {k: statistics.median(v) for k, v in results.items()}

    def paired(what: str, floor: str | None = None) -> str:
        """The median of each run's ratio to the floor run just before it (steadier when the machine drifts)."""
        ratios = [a / b for a, b in zip(results[what], results[floor or f"raw {what}"], strict=True)]
        return f"{statistics.median(ratios):.2f}x"

    print(f"2,000-task plan ({sum(1 for _ in plan.walk_tasks())} tasks, median of {repeats} runs)")
    print(f"  save: {med['save'] * 1000:7.1f} ms   raw sqlite3, the tables alone: {med['raw save'] * 1000:7.1f} ms   "
          f"ratio {med['save'] / med['raw save']:.2f}x (not the same work: no search index), "
          f"pairs' median {paired('save')}")
    print(f"        raw sqlite3 with the same search index (FTS5): {med['raw+index save'] * 1000:7.1f} ms   "
          f"ratio {med['save'] / med['raw+index save']:.2f}x (target <= 2x), "
          f"pairs' median {paired('save', 'raw+index save')}")
    print(f"  load: {med['load'] * 1000:7.1f} ms   raw sqlite3: {med['raw load'] * 1000:7.1f} ms   "
          f"ratio {med['load'] / med['raw load']:.2f}x (target <= 1.5x), pairs' median {paired('load')}")


if __name__ == "__main__":
    main()
