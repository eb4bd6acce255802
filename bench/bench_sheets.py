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
from openpyxl import Workbook, load_workbook

from kehoach_desktop.domain.progress import Period, track
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


def merge_back(folder: Path) -> tuple[float, float]:
    from kehoach_desktop.sheets.merge import apply_merge, prepare_merge
    from kehoach_desktop.sheets.tracking import make_unit_sheets
    from kehoach_desktop.sheets.unit_sheets import FIRST_ROW

    plan = big_plan(1000)
    for task, _ in plan.walk_tasks():
        task.lead, task.coordinators = ["Phòng Văn hóa - Xã hội"], []
    period = Period("6m", 2026)
    ours_times, floor_times = [], []
    for run in range(RUNS):
        store = Store.open(folder / f"merge-{run}.sqlite", backup=False)
        plan_id = store.import_plan(plan)
        plan.key = plan.key + "x"  # the next run imports it as another plan
        for task, _ in plan.walk_tasks():
            task.id = None
        (_unit, path, count), = make_unit_sheets(store, plan_id, period, folder / f"sheets-{run}")[0]
        wb = load_workbook(path)
        ws = wb.worksheets[0]
        for r in range(FIRST_ROW, FIRST_ROW + count):
            for col, value in zip(range(6, 13), ("Đang thực hiện", f"Đã triển khai nội dung {r}",
                                                  "Đạt yêu cầu; =SUM(A1)", 50, "Thiếu kinh phí",
                                                  "-50% thủ tục", f"Báo cáo số {r}/BC"), strict=True):
                ws.cell(r, col).value = value
        wb.save(path)

        start = time.perf_counter()
        wb = load_workbook(path, read_only=True)
        rows = [row for ws in wb.worksheets for row in ws.iter_rows(values_only=True)]
        wb.close()
        floor_times.append(time.perf_counter() - start)
        assert len(rows) >= count

        start = time.perf_counter()
        merge = prepare_merge(store, path, today=TODAY)
        added = apply_merge(store, merge)
        ours_times.append(time.perf_counter() - start)
        assert added == count == 1000, (added, count)
        store.close()
    return _best(ours_times), _best(floor_times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours, floor = progress_sheet(folder)
        print(f"progress sheet, 2,000 tasks: ours {ours * 1000:.0f} ms, plain openpyxl {floor * 1000:.0f} ms, "
              f"ratio {ours / floor:.2f}x (target <= 2x)")
        ours, floor = merge_back(folder)
        print(f"merge back, 1,000 answered rows: ours {ours * 1000:.0f} ms, openpyxl reading them "
              f"{floor * 1000:.0f} ms, ratio {ours / floor:.2f}x (target < 2x)")


if __name__ == "__main__":
    main()
