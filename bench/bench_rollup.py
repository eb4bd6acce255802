"""Rolling up the communes' upward sheets against openpyxl merely reading them, in the same run.

    .venv/bin/python bench/bench_rollup.py [--communes 100] [--tasks 50] [--runs 3]

The province's plan has ``--tasks`` tasks, every one naming the communes; ``--communes`` sheets of the
format of ``sheets/upward.py`` (one row per task, every answer column filled) are written once. Then, each
run on a fresh copy of the province's database: **ours** is ``prepare_rollup`` (read every sheet, check it:
stamp, upper plan, period, digest, keys; fingerprints compared with the database) and ``apply_rollup`` (each
sheet's entries and its record, one transaction per sheet: 5,000 progress entries); the **floor** is openpyxl
opening the same 100 files in read-only mode and iterating every row of every sheet (values only). The floor
in openpyxl's ordinary mode is printed too. Target (issue #12): at most 2x the read-only floor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import load_workbook

from kehoach_desktop.domain.plan import PartialDate, Plan, Section, Task
from kehoach_desktop.domain.progress import DONE, IN_PROGRESS, NOT_STARTED, OVERDUE, Period
from kehoach_desktop.domain.upper import task_links, upper_of
from kehoach_desktop.services import Store
from kehoach_desktop.sheets.rollup import apply_rollup, prepare_rollup
from kehoach_desktop.sheets.upward import UpwardRow, UpwardSheet, build_upward_workbook, sheet_digest

PERIOD = Period("6m", 2026)
TODAY = dt.date(2026, 6, 20)


def province(tasks: int) -> Plan:
    items = [Task(f"Nhiệm vụ số {n} của tỉnh: triển khai nội dung {n} của Luật Trí tuệ nhân tạo trên địa bàn",
                  number=str(n), lead=["UBND các xã, phường"] if n % 3 else ["Sở Khoa học và Công nghệ"],
                  coordinators=[] if n % 3 else ["UBND các xã, phường"], time="Thường xuyên")
             for n in range(1, tasks + 1)]
    return Plan(title="Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn tỉnh",
                issuer=["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"], number="117", date=PartialDate(2026, 3, 20),
                sections=[Section("NHIỆM VỤ, GIẢI PHÁP", "tasks", tasks=items)])


def write_sheets(plan: Plan, communes: int, folder: Path) -> list[Path]:
    upper = upper_of(plan)
    links = task_links(plan)
    statuses = (DONE, IN_PROGRESS, NOT_STARTED, OVERDUE)
    paths = []
    for c in range(1, communes + 1):
        commune = f"UBND xã Thử Nghiệm {c:03d}"
        rows = [UpwardRow(key=link.task, number=link.number, title=link.title, role="Chủ trì",
                          tasks=f"{link.number}. Nhiệm vụ của xã thực hiện nội dung {link.number}",
                          status=statuses[(c + i) % 4], done=f"Đã tổ chức {c} hội nghị, {i} lớp tập huấn",
                          result=f"Đạt {50 + i % 50}%", difficulties="Thiếu kinh phí; nhân lực kiêm nhiệm",
                          proposals="Đề nghị tỉnh hỗ trợ kinh phí tập huấn", evidence=f"Báo cáo số {c}/BC-UBND")
                for i, link in enumerate(links.values())]
        sheet = UpwardSheet(upper, commune, PERIOD, rows, issued=TODAY,
                            digest=sheet_digest(upper.key, commune, PERIOD, rows))
        path = folder / f"bao-cao-{c:03d}.xlsx"
        build_upward_workbook(sheet).save(path)
        paths.append(path)
    return paths


def read_floor(paths: list[Path], read_only: bool) -> float:
    start = time.perf_counter()
    count = 0
    for path in paths:
        wb = load_workbook(path, read_only=read_only)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                count += len(row)
        wb.close()
    assert count
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--communes", type=int, default=100)
    parser.add_argument("--tasks", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan = province(args.tasks)
        with Store.open(folder / "tinh.sqlite", backup=False) as store:
            plan_id = store.plans.create(plan)
        paths = write_sheets(plan, args.communes, folder)
        ours_times, floor_times, ordinary_times = [], [], []
        for run in range(args.runs):
            floor_times.append(read_floor(paths, read_only=True))
            db = folder / f"run-{run}.sqlite"
            shutil.copy(folder / "tinh.sqlite", db)
            with Store.open(db, backup=False) as store:
                start = time.perf_counter()
                rollup = prepare_rollup(store, plan_id, paths, PERIOD, today=TODAY)
                added = apply_rollup(store, rollup)
                ours_times.append(time.perf_counter() - start)
                assert not rollup.refused, rollup.refused[0].reason
                assert added == args.communes * args.tasks, added
            ordinary_times.append(read_floor(paths, read_only=False))
        ours, floor, ordinary = min(ours_times), min(floor_times), min(ordinary_times)
        print(f"roll-up of {args.communes} communes' sheets of {args.tasks} tasks ({added} entries): ours "
              f"{ours * 1000:.0f} ms, openpyxl reading the same files read-only {floor * 1000:.0f} ms, ratio "
              f"{ours / floor:.2f}x (target <= 2x); openpyxl's ordinary mode {ordinary * 1000:.0f} ms, ratio "
              f"{ours / ordinary:.2f}x")


if __name__ == "__main__":
    main()
