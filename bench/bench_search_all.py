"""Search across plans (issue #12 point 5): the FTS5 index against a plain scan, and what it costs to save.

    .venv/bin/python bench/bench_search_all.py [--plans 50] [--tasks 200] [--repeats 9]

1. **Search.** A database of 50 plans x 200 tasks (bench/_plans.py's Vietnamese text). Each query is timed
   three ways, median of the repeats:
   Each plan is on one of ten topics (its title and one task in ten say which); the words of a topic match a
   few hundred tasks, those of the text every plan shares (bench/_plans.py) thousands.
   - *floor*: a plain Python scan of the folded texts (domain.text.fold of each task's number, title,
     content, units, time and product, folded once beforehand, in memory): every word of the query a
     substring — what a search without an index costs at best;
   - *FTS*: the FTS5 query alone (``MATCH`` with bm25, ids of the first 100 rows);
   - *search_all*: the service the dialog and ``kehoach search`` call (FTS, then each hit's plan, place in
     the tree, units, status and due date).
2. **Saving** (run first, on a small heap). ``store.plans.create`` of a 2,000-task plan with the index (as
   shipped) and without it (its rows not written, its FTS triggers dropped: the store as it was before), runs
   alternated, medians.
   bench/bench_store.py gives the same save against raw sqlite3 (issue 13's target, at most 2x).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _plans import big_plan

from kehoach_desktop.domain.text import fold
from kehoach_desktop.services import Store
from kehoach_desktop.store import search
from kehoach_desktop.store.across import fts_query, search_all

# Each plan is on one of these topics (its title and one task in ten name it), as a commune's plans are:
# the rest of their text is bench/_plans.py's, shared by all, so the common words match thousands of tasks.
TOPICS = ["chuyển đổi số", "phòng, chống thiên tai", "an toàn giao thông", "xây dựng nông thôn mới",
          "cải cách hành chính", "phòng cháy, chữa cháy", "bảo vệ môi trường", "văn hóa, thể thao",
          "giảm nghèo bền vững", "phổ biến, giáo dục pháp luật"]
QUERIES = ["thien tai", "nong thon moi", "giao thong", "van hoa the thao", "chuyen doi", "tuyen truyen",
           "dia ban xa", "co so du lieu", "phong kinh te", "quy iii"]


def _median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_search(folder: Path, plans: int, tasks: int, repeats: int) -> None:
    store = Store.open(folder / "search.sqlite", backup=False)
    start = time.perf_counter()
    folded: list[tuple[int, str]] = []
    for n in range(plans):
        plan = big_plan(tasks, seed=n)
        plan.number = f"{n + 1:02d}"
        topic = TOPICS[n % len(TOPICS)]
        plan.title = f"Kế hoạch {topic} năm 2026"
        for i, (task, _) in enumerate(plan.walk_tasks()):
            if i % 10 == 0:
                task.title = f"{task.title} gắn với {topic}"
        store.import_plan(plan)
        for task, _ in plan.walk_tasks():
            folded.append((int(task.id or 0), fold(" ".join(
                [task.number, task.title, *task.content, *task.lead, *task.coordinators, task.time,
                 task.product or ""]))))
    print(f"{plans} plans x {tasks} tasks stored in {time.perf_counter() - start:.1f} s; "
          f"median of {repeats} runs per query (ms)")
    conn = store.database.conn
    weights = ", ".join(str(w) for w in search.WEIGHTS)
    sql = (f"SELECT s.task_id FROM {search.FTS} f JOIN {search.TABLE} s ON s.id = f.rowid "
           f"WHERE {search.FTS} MATCH ? ORDER BY bm25({search.FTS}, {weights}) LIMIT 100")
    print(f"  {'query':26s} {'hits':>6s} {'floor scan':>11s} {'FTS':>8s} {'ratio':>7s} {'search_all':>11s}")
    ratios, services = [], []
    for query in QUERIES:
        words = fold(query).split()

        def scan(words=words) -> list[int]:
            return [tid for tid, text in folded if all(w in text for w in words)]

        match = fts_query(query)
        hits = len(scan())
        floor = _median_ms(scan, repeats)
        fts = _median_ms(lambda match=match: conn.execute(sql, (match,)).fetchall(), repeats)
        service = _median_ms(lambda query=query: search_all(store, query, limit=100), repeats)
        ratios.append(fts / floor)
        services.append(service)
        print(f"  {query:26s} {hits:6d} {floor:11.2f} {fts:8.2f} {fts / floor:6.2f}x {service:11.2f}")
    print(f"  FTS / floor: median {statistics.median(ratios):.2f}x; search_all (what a key costs in the dialog): "
          f"median {statistics.median(services):.1f} ms, worst {max(services):.1f} ms")
    store.close()


def _save_once(folder: Path, with_index: bool) -> float:
    store = Store.open(folder / f"save-{with_index}-{time.perf_counter_ns()}.sqlite", backup=False)
    original = search.insert_rows
    if not with_index:
        for suffix in ("ai", "ad", "au"):
            store.database.conn.execute(f"DROP TRIGGER {search.TABLE}_{suffix}")
        search.insert_rows = lambda conn, rows: None
    plan = big_plan(2000)
    gc.collect()
    try:
        start = time.perf_counter()
        store.plans.create(plan)
        return time.perf_counter() - start
    finally:
        search.insert_rows = original
        store.close()


def bench_save(folder: Path, repeats: int) -> None:
    runs: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(repeats):
        for with_index in (False, True):
            runs[with_index].append(_save_once(folder, with_index))
    without, with_ = statistics.median(runs[False]) * 1000, statistics.median(runs[True]) * 1000
    pairs = statistics.median(a / b for a, b in zip(runs[True], runs[False], strict=True))
    print(f"Saving a 2,000-task plan (store.plans.create, median of {repeats}):")
    best_without, best_with = min(runs[False]) * 1000, min(runs[True]) * 1000
    print(f"  median: without the index {without:6.1f} ms   with it {with_:6.1f} ms   ratio {with_ / without:.2f}x "
          f"(pairs' median {pairs:.2f}x): the index costs {with_ - without:.1f} ms")
    print(f"  best:   without the index {best_without:6.1f} ms   with it {best_with:6.1f} ms   "
          f"ratio {best_with / best_without:.2f}x: {best_with - best_without:.1f} ms (steadier on a busy machine)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=50)
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:  # saving first, before the search's 10,000 tasks fill the heap
        bench_save(Path(tmp), args.repeats)
        bench_search(Path(tmp), args.plans, args.tasks, args.repeats)


if __name__ == "__main__":
    main()
