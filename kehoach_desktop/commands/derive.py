"""``kehoach derive UPPER_PLAN``: the commune's plan from the plan of the level above (issue #12).

See :mod:`kehoach_desktop.commands` for the shape of a command module and :mod:`..domain.derive` for
how the commune's duties are found and turned into its plan.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from ..domain.derive import Proposal
    from ..domain.plan import Plan
    from ..domain.units import UnitCatalog
    from ..services import Store



def read_upper(store: Store, reference: str | os.PathLike[str] | int, catalog: UnitCatalog) -> Plan:
    """The upper plan named by ``reference``: a file (.docx, .pdf, .txt, .md, .json …) or a plan id."""
    text = str(reference).strip()
    path = Path(text)
    if isinstance(reference, int) or (re.fullmatch(r"\d+", text) and not path.is_file()):
        return store.load_plan(text)
    if not path.exists():
        raise NotFound(f"Không tìm thấy tệp hay kế hoạch “{text}”: hãy đưa đường dẫn tệp kế hoạch cấp trên "
                       "(.docx, .pdf, .txt, .md, .json) hoặc mã kế hoạch (xem “kehoach plans”).")
    if path.suffix.lower() == ".json":
        from ..domain.planjson import read_plan_file

        return read_plan_file(path)
    from ..importers import import_file

    return import_file(path, catalog).plan


def check_proposal(proposal: Proposal, name: str) -> None:
    """Refuse, with one message, an upper plan that gives the commune level nothing (or is not a plan)."""
    if proposal.tasks:
        return
    upper = proposal.upper
    if not any(True for _ in upper.walk_tasks()) and not any(s.items for s in upper.sections):
        raise InvalidInput(f"“{name}” không phải một kế hoạch: không thấy nhiệm vụ hay mục nào. "
                           "Không lập kế hoạch nào.")
    raise InvalidInput(f"Kế hoạch {upper.number or '…'}/{upper.symbol} không giao nhiệm vụ nào cho cấp xã "
                       "(UBND các xã, phường; UBND cấp xã; các địa phương) để chủ trì hay phối hợp, kể cả ở mục "
                       "Tổ chức thực hiện. Không lập kế hoạch nào.")


def cmd_derive(store: Store, args: argparse.Namespace) -> int:
    from ..services import derive_proposal

    target = Path(args.output) if args.output else None
    if target is not None and target.suffix.lower() not in (".json", ".docx"):
        raise InvalidInput(f"Không ghi được “{target.name}”: phần mở rộng phải là .json hoặc .docx.")
    if args.days_earlier < 0:
        raise InvalidInput("Số ngày sớm hơn (--days-earlier) không được âm.")
    proposal = derive_proposal(store, args.upper, args.commune, days_earlier=args.days_earlier)
    check_proposal(proposal, Path(str(args.upper)).name)
    plan = proposal.plan()
    print(f"Kế hoạch cấp trên: {proposal.upper.number or '…'}/{proposal.upper.symbol} — {proposal.upper.title}")
    print(proposal.summary() + ".")
    for item in proposal.accepted():
        role = {"lead": "chủ trì", "coordinator": "phối hợp"}[item.role] if item.duty.kind == "task" else "tổ chức"
        print(f"  {item.duty.number}\t{role}\t{item.lead}\t{item.duty.title}")
    if target is None:
        plan_id = store.import_plan(plan)  # one transaction
        print(f"Đã lập kế hoạch: {plan.title}")
        print(plan_id)
        return 0
    if target.suffix.lower() == ".json":
        from ..domain.planjson import plan_to_json_text
        from ..fileio import write_bytes

        path = write_bytes(target, plan_to_json_text(plan).encode("utf-8"))
    else:
        from ..documents.docx_writer import write_docx
        from ..documents.layout import LayoutOptions, plan_document

        options = LayoutOptions.from_setting(store.get_setting("layout"))
        path = write_docx(plan_document(plan, options), target)
    print(f"Đã ghi {path}")
    return 0


def register(add: Callable) -> None:
    """``kehoach derive UPPER_PLAN [--commune NAME] [--days-earlier N] [-o OUT]``."""
    parser = add("derive", cmd_derive,
                 "lập kế hoạch của xã/phường từ kế hoạch cấp trên (tệp .docx/.pdf/.txt/.md/.json hoặc mã kế hoạch)")
    parser.add_argument("upper", metavar="UPPER_PLAN", help="tệp kế hoạch cấp trên, hoặc mã kế hoạch trong cơ sở dữ liệu")
    parser.add_argument("--commune", metavar="NAME", help="tên xã/phường (mặc định: xã/phường trong Cài đặt)")
    parser.add_argument("--days-earlier", "--som-hon", dest="days_earlier", type=int, default=0, metavar="N",
                        help="đặt hạn của xã sớm hơn hạn cấp trên N ngày (chỉ với thời hạn có ngày cụ thể)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="ghi ra tệp .json hoặc .docx thay vì lập kế hoạch trong cơ sở dữ liệu")
