"""Progress sheets against plain openpyxl, in the same run.

    .venv/bin/python bench/bench_sheets.py

1. The progress sheet of a 2,000-task plan (statuses computed, styles, validation,
   conditional formatting, summary sheet with chart, saved) against plain openpyxl in
   its ordinary mode writing the same cells with the same look: the same title block
   (four merged lines, their fonts and heights), the same heading rows, the same values
   in every task row with the same font, border, alignment (indent of sub-tasks, bold
   groups) and the same row heights and column widths, and saving. The floor names
   the cell's style on each cell (``cell.style = "kh_cell"``, the same NamedStyle
   objects): of the plain ways it is the cheapest measured (setting a shared Font,
   Border and Alignment on each cell took 1.5x as long). The bench checks that the
   two files' task tables have the same values, fonts, borders, alignments, fills and
   row heights. The floor leaves out what only the sheet does: statuses computed, the
   drop-down, conditional formatting, print setup, the summary sheet with its chart.
   Target (issue 13): at most 1.5x. The old floor (values only, no look) is timed
   too and its ratio printed.
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
from openpyxl.styles import Alignment, Font

from kehoach_desktop.domain.progress import Period, track
from kehoach_desktop.services import Store
from kehoach_desktop.sheets.common import (
    FONT,
    STYLE_CELL,
    STYLE_CENTER,
    STYLE_GROUP,
    STYLE_HEADER,
    estimate_lines,
    indented,
    plan_reference,
    register_styles,
)
from kehoach_desktop.sheets.progress_sheet import (
    FIRST_ROW,
    HEADER_ROW,
    HEADINGS,
    WIDTHS,
    build_progress_workbook,
)

TODAY = dt.date(2026, 12, 20)
RUNS = 5


def _best(times: list[float]) -> float:
    return min(times)


def plain_sheet(plan, values: list[tuple], looks: list[tuple[bool, int]], heights: list[int]) -> Workbook:
    """The floor: the same cells with the same look, in plain openpyxl (ordinary mode, a named style per cell)."""
    wb = Workbook()
    register_styles(wb)  # the sheet's four looks and the indented titles, as openpyxl NamedStyle objects
    ws = wb.active
    title_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row, (text, title_font, height) in enumerate((
            ("BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH", Font(name=FONT, size=13, bold=True), 20),
            (plan.title, Font(name=FONT, size=13, bold=True), 20),
            (f"(Kèm theo {plan_reference(plan)})", Font(name=FONT, size=12, italic=True), 18),
            (f"Tình hình đến ngày {TODAY:%d/%m/%Y}", Font(name=FONT, size=12, italic=True), 18)), start=1):
        ws.merge_cells(f"A{row}:J{row}")
        cell = ws.cell(row, 1, text)
        cell.font, cell.alignment = title_font, title_align
        ws.row_dimensions[row].height = height
    for col, (heading, width) in enumerate(zip(HEADINGS, WIDTHS, strict=True), start=1):
        ws.cell(HEADER_ROW, col, heading).style = STYLE_HEADER
        ws.cell(HEADER_ROW + 1, col, f"({col})").style = STYLE_HEADER
        ws.column_dimensions[chr(ord("A") + col - 1)].width = width
    ws.row_dimensions[HEADER_ROW].height = 33
    for r, (row, (leaf, depth), height) in enumerate(zip(values, looks, heights, strict=True), start=FIRST_ROW):
        for col, value in enumerate(row, start=1):
            cell = ws.cell(r, col, value if value != "" else None)
            if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
                cell.data_type, cell.quotePrefix = "s", True
            if col in (1, 5, 7):
                cell.style = STYLE_CENTER
            elif col == 2 and depth:
                cell.style = indented(depth)
            else:
                cell.style = STYLE_CELL if leaf else STYLE_GROUP
        ws.row_dimensions[r].height = height
    return wb


def values_sheet(values: list[tuple]) -> Workbook:
    """The old floor, for comparison: the heading and the values only, no look at all."""
    wb = Workbook()
    ws = wb.active
    ws.append(HEADINGS)
    for row in values:
        ws.append(row)
    return wb


def progress_sheet(folder: Path) -> tuple[float, float]:
    plan = big_plan(2000)
    store = Store.open(folder / "sheet.sqlite", backup=False)
    plan = store.plans.load(store.import_plan(plan))
    entries = store.progress.for_plan(plan.id)
    store.close()
    rows = track(plan, entries, TODAY)
    heights, values = [], []
    by_task = {r.task.id: r for r in rows}
    looks = []
    for task, depth in plan.walk_tasks():
        r = by_task.get(task.id)
        row = (task.number, task.title, "; ".join(task.lead), "; ".join(task.coordinators), task.time,
               task.product or "", r.label if r else "", "", "", "")
        values.append(row)
        looks.append((r is not None, depth))
        lines = max(estimate_lines(v, w) for v, w in zip(row, WIDTHS, strict=True))
        heights.append(min(409, 13 * lines + 4))
    ours_times, floor_times, bare_times = [], [], []
    for run in range(RUNS):
        start = time.perf_counter()
        plain_sheet(plan, values, looks, heights).save(folder / f"plain-{run}.xlsx")
        floor_times.append(time.perf_counter() - start)

        start = time.perf_counter()
        values_sheet(values).save(folder / f"bare-{run}.xlsx")
        bare_times.append(time.perf_counter() - start)

        start = time.perf_counter()
        rows = track(plan, entries, TODAY)
        build_progress_workbook(plan, rows, TODAY).save(folder / f"ours-{run}.xlsx")
        ours_times.append(time.perf_counter() - start)
    same_cells(folder / "plain-0.xlsx", folder / "ours-0.xlsx")
    return _best(ours_times), _best(floor_times), _best(bare_times)


def same_cells(plain: Path, ours: Path) -> None:
    """The floor wrote the task table's cells as the sheet did: values, font, border, alignment, row heights."""
    a, b = load_workbook(plain).worksheets[0], load_workbook(ours).worksheets[0]
    assert a.max_row == b.max_row, (a.max_row, b.max_row)
    for row_a, row_b in zip(a.iter_rows(min_row=HEADER_ROW, max_col=10), b.iter_rows(min_row=HEADER_ROW, max_col=10),
                            strict=True):
        for x, y in zip(row_a, row_b, strict=True):
            looks = [(c.value, *(repr(getattr(c, name)) for name in ("font", "border", "alignment", "fill")))
                     for c in (x, y)]
            assert looks[0] == looks[1], (x.coordinate, looks)
        assert a.row_dimensions[row_a[0].row].height == b.row_dimensions[row_b[0].row].height


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
        ours, floor, bare = progress_sheet(folder)
        print(f"progress sheet, 2,000 tasks: ours {ours * 1000:.0f} ms, plain openpyxl writing the same cells "
              f"with the same look {floor * 1000:.0f} ms, ratio {ours / floor:.2f}x (target <= 1.5x); "
              f"values only, no look {bare * 1000:.0f} ms, ratio {ours / bare:.2f}x")
        ours, floor = merge_back(folder)
        print(f"merge back, 1,000 answered rows: ours {ours * 1000:.0f} ms, openpyxl reading them "
              f"{floor * 1000:.0f} ms, ratio {ours / floor:.2f}x (target < 2x)")


if __name__ == "__main__":
    main()
