"""``kehoach search QUERY`` and ``kehoach unit-tasks UNIT``: work across plans (issue #12 point 5).

See :mod:`kehoach_desktop.commands` and :mod:`kehoach_desktop.store.across`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..services import Store


def _date(value) -> str:
    return f"{value:%d/%m/%Y}" if value else "—"


def cmd_search(store: Store, args: argparse.Namespace) -> int:
    from ..store.across import search_all, to_dicts

    hits = search_all(store, args.query, limit=args.limit)
    if args.json:
        print(json.dumps(to_dicts(hits), ensure_ascii=False, indent=2))
        return 0
    for hit in hits:
        where = f"{hit.plan_id}\t{hit.plan_reference}"
        if hit.task_id is None:
            print(f"{where}\t(kế hoạch)\t{hit.plan_title}")
        else:
            print(f"{where}\t{hit.task_number}\t{hit.task_title}\t{'; '.join(hit.lead) or '—'}\t"
                  f"{hit.status_label or '—'}\t{_date(hit.due)}")
    if not hits:
        print(f"Không tìm thấy “{args.query}” trong các kế hoạch.")
    return 0


def cmd_unit_tasks(store: Store, args: argparse.Namespace) -> int:
    from ..store.across import find_unit, to_dicts, unit_tasks

    unit = find_unit(store, args.unit)
    rows = unit_tasks(store, unit)
    if args.output:
        from ..errors import InvalidInput
        from ..store.across import export_unit_tasks

        if not args.output.lower().endswith(".xlsx"):
            raise InvalidInput(f"Danh sách được ghi ra tệp Excel .xlsx; “{args.output}” không có đuôi .xlsx.")
        print(f"Đã ghi {export_unit_tasks(unit.name, rows, args.output)} ({len(rows)} nhiệm vụ).")
        return 0
    if args.json:
        print(json.dumps({"unit": unit.name, "tasks": to_dicts(rows)}, ensure_ascii=False, indent=2))
        return 0
    print(f"Việc của {unit.name}: {len(rows)} nhiệm vụ"
          f" ({sum(r.role == 'lead' for r in rows)} chủ trì, {sum(r.overdue for r in rows)} quá hạn).")
    for r in rows:
        print(f"{r.plan_id}\t{r.plan_reference}\t{r.number}\t{r.title}\t{r.role_label}\t{r.time or '—'}\t"
              f"{_date(r.due)}\t{r.status_label}")
    return 0


def register(add: Callable) -> None:
    """Add this module's commands to the parser."""
    p = add("search", cmd_search, "tìm trong mọi kế hoạch (không cần gõ dấu): nhiệm vụ và kế hoạch khớp mọi từ; "
                                  "in mã kế hoạch, số, nhiệm vụ, đơn vị chủ trì, tình trạng, hạn")
    p.add_argument("query", metavar="QUERY", help="các từ cần tìm, ví dụ: \"van hoa\"")
    p.add_argument("--limit", type=int, default=100, metavar="N", help="số kết quả tối đa (mặc định 100)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p = add("unit-tasks", cmd_unit_tasks, "việc của một đơn vị trong mọi kế hoạch (chủ trì hoặc phối hợp): "
                                          "số nhiệm vụ, vai trò, thời gian, hạn, tình trạng")
    p.add_argument("unit", metavar="UNIT", help="tên, tên viết tắt hoặc mã của đơn vị trong danh mục (VHXH …)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("-o", "--output", metavar="FILE.xlsx", help="ghi danh sách ra tệp Excel thay vì in ra")
