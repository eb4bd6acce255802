"""``kehoach`` commands of reports going up (issue #12): see :mod:`kehoach_desktop.commands`.

``report-sheet`` (the commune): the sheet sent to the province, one row per item of the upper plan.
``rollup`` (the province): many communes' sheets read, checked and stored against the upper plan, then the
consolidated workbook and Báo cáo.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.progress import Period
from ..errors import InvalidInput

if TYPE_CHECKING:
    from ..services import Store


def cmd_report_sheet(store: Store, args: argparse.Namespace) -> int:
    from ..sheets.upward import write_upward_sheet

    target = Path(args.output)
    if target.suffix.lower() != ".xlsx":
        raise InvalidInput(f"Phiếu báo cáo gửi cấp trên được ghi ra tệp Excel .xlsx; “{target.name}” không có "
                           "đuôi .xlsx.")
    period = Period(args.period, args.year)
    path, sheet = write_upward_sheet(store, store.plan_id(args.plan), period, target)
    print(f"Phiếu báo cáo của {sheet.commune} về KH {sheet.upper.reference}, kỳ {period.label}: "
          f"{len(sheet.rows)} nhiệm vụ của kế hoạch cấp trên.")
    print(f"Đã ghi {path}")
    return 0


def _expected(path: str | None) -> list[str]:
    if not path:
        return []
    from ..domain.text import clean_line

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Không đọc được danh sách xã, phường {path} ({exc.__class__.__name__}); hãy ghi tệp "
                           "văn bản UTF-8, mỗi dòng một xã, phường.") from None
    return [clean_line(line) for line in text.splitlines() if clean_line(line)]


def cmd_rollup(store: Store, args: argparse.Namespace) -> int:
    from ..sheets.rollup import apply_rollup, prepare_rollup, write_rollup_report, write_rollup_workbook

    for out, suffix in ((args.output, ".xlsx"), (args.report, ".docx")):
        if out and Path(out).suffix.lower() != suffix:
            raise InvalidInput(f"“{Path(out).name}” phải có đuôi {suffix}.")
    period = Period(args.period, args.year)
    upper_id = store.plan_id(args.upper_plan)
    rollup = prepare_rollup(store, upper_id, args.files, period)
    if not args.dry_run:
        apply_rollup(store, rollup)
    for line in rollup.describe(applied=not args.dry_run):
        print(line)
    expected = _expected(args.expected)
    for out, writer in ((args.output, write_rollup_workbook), (args.report, write_rollup_report)):
        if out:
            path = writer(store, upper_id, period, out, expected=expected,
                          pending=rollup if args.dry_run else None)
            print(f"Đã ghi {path}")
    if not rollup.accepted:
        print(f"Lỗi: không nhận được phiếu nào trong {len(rollup.received)} tệp (lý do ở từng tệp bên trên).",
              file=sys.stderr)
        return 1
    return 0


def register(add: Callable) -> None:
    """Add ``report-sheet`` and ``rollup`` to the parser."""
    p = add("report-sheet", cmd_report_sheet,
            "lập phiếu báo cáo gửi cấp trên (.xlsx) của một kế hoạch lập theo kế hoạch cấp trên: mỗi dòng một "
            "nhiệm vụ của kế hoạch cấp trên")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--period", required=True, choices=["6m", "year"], help="6m: 6 tháng đầu năm; year: cả năm")
    p.add_argument("--year", required=True, type=int, metavar="YYYY")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    p = add("rollup", cmd_rollup,
            "tổng hợp phiếu báo cáo của các xã, phường theo kế hoạch cấp trên; in phiếu nào đã nhận, bị từ chối")
    p.add_argument("upper_plan", metavar="UPPER_PLAN", help="mã kế hoạch cấp trên (của tỉnh) trong cơ sở dữ liệu")
    p.add_argument("files", metavar="FILES", nargs="+", help="các phiếu .xlsx của xã, phường")
    p.add_argument("--period", required=True, choices=["6m", "year"], help="6m: 6 tháng đầu năm; year: cả năm")
    p.add_argument("--year", required=True, type=int, metavar="YYYY")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và xem trước, không ghi gì")
    p.add_argument("--expected", metavar="FILE", help="danh sách xã, phường phải báo cáo (mỗi dòng một tên)")
    p.add_argument("-o", "--output", metavar="OUT.xlsx", help="ghi bảng tổng hợp (.xlsx)")
    p.add_argument("--report", metavar="OUT.docx", help="ghi báo cáo tổng hợp (.docx)")
