"""Progress sheets against plain openpyxl, in the same run.

    .venv/bin/python bench/bench_sheets.py

1. The progress sheet of a 2,000-task plan (statuses computed, styles, validation,
   conditional formatting, summary sheet with chart, saved) against openpyxl writing
   the same cell values with no styling and saving. Target (issue 6): at most 2x.
2. Merging back a unit sheet of 1,000 answered rows (read, check, compare with the
   database, insert 1,000 progress entries in one transaction) against reading the
   same file with openpyxl (every row's values). Target: under 2x.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _plans import big_plan
from openpyxl import Workbook

from kehoach_desktop.domain.progress import track
from kehoach_desktop.services import Store
from kehoach_desktop.sheets.progress_sheet import HEADINGS, build_progress_workbook

TODAY = dt.date(2026, 12, 20)
RUNS = 5


def _best(times: list[float]) -> float:
    return min(times)


def progress_sheet(folder: Path) -> tuple[float, float]:
    plan = big_plan(2000)
    store = Store.open(folder / "sheet.sqlite", backup=False)
    plan = store.plans.load(store.import_plan(plan))
    entries = store.progress.for_plan(plan.id)
    store.close()
    rows = track(plan, entries, TODAY)
    values = [(t.number, t.title, "; ".join(t.lead), "; ".join(t.coordinators), t.time, t.product or "",
               r.label, "", "", "") for r in rows for t in [r.task]]

    ours_times, floor_times = [], []
    for run in range(RUNS):
        start = time.perf_counter()
        wb = Workbook()
        ws = wb.active
        ws.append(HEADINGS)
        for row in values:
            ws.append(row)
        wb.save(folder / f"plain-{run}.xlsx")
        floor_times.append(time.perf_counter() - start)

        start = time.perf_counter()
        rows = track(plan, entries, TODAY)
        build_progress_workbook(plan, rows, TODAY).save(folder / f"ours-{run}.xlsx")
        ours_times.append(time.perf_counter() - start)
    return _best(ours_times), _best(floor_times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours, floor = progress_sheet(folder)
        print(f"progress sheet, 2,000 tasks: ours {ours * 1000:.0f} ms, plain openpyxl {floor * 1000:.0f} ms, "
              f"ratio {ours / floor:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
