"""New plans: the built-in template or a blank plan, filled in with the commune's own details.

No Qt here: the texts produced are document text (Vietnamese), not interface text.
"""

from __future__ import annotations

import re

from ..domain.plan import Plan, Section, Signature, Task
from ..services import builtin_template

_XA = re.compile(r"\bxã\b")
_XA_CAP = re.compile(r"\bXã\b")


def _issuer(commune: dict) -> list[str]:
    name = commune.get("name") or ""
    kind = "PHƯỜNG" if commune.get("kind") == "phuong" else "XÃ"
    return ["ỦY BAN NHÂN DÂN", f"{kind} {name.upper()}"] if name else ["ỦY BAN NHÂN DÂN"]


def _signature(commune: dict, lines: list[str]) -> Signature:
    signers = commune.get("signers") or []
    return Signature(lines, signers[0] if signers else "")


def _for_ward(text: str) -> str:
    return _XA_CAP.sub("Phường", _XA.sub("phường", text))


def _rewrite_tasks(tasks: list[Task]) -> None:
    for task in tasks:
        task.title = _for_ward(task.title)
        task.content = [_for_ward(p) for p in task.content]
        _rewrite_tasks(task.children)


def plan_from_template(commune: dict) -> Plan:
    """The built-in Luật AI plan with this commune's name, place and signer; worded for a phường if it is one."""
    plan = builtin_template()
    plan.issuer = _issuer(commune)
    plan.place = commune.get("name") or plan.place
    plan.signature = _signature(commune, plan.signature.lines or ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"])
    if commune.get("kind") == "phuong":
        plan.title = _for_ward(plan.title)
        plan.bases = [_for_ward(b) for b in plan.bases]
        plan.preamble = [_for_ward(p) for p in plan.preamble]
        plan.closing = [_for_ward(p) for p in plan.closing]
        plan.recipients = [_for_ward(r) for r in plan.recipients]
        for section in plan.sections:
            for item in section.items:
                item.paragraphs = [_for_ward(p) for p in item.paragraphs]
            _rewrite_tasks(section.tasks)
    return plan


def blank_plan(commune: dict) -> Plan:
    """An empty Kế hoạch with the usual four parts, ready to be filled in."""
    return Plan(
        title="",
        issuer=_issuer(commune),
        place=commune.get("name") or "",
        sections=[Section("MỤC ĐÍCH, YÊU CẦU", "text"), Section("NHIỆM VỤ, GIẢI PHÁP", "tasks"),
                  Section("KINH PHÍ THỰC HIỆN", "text"), Section("TỔ CHỨC THỰC HIỆN", "text")],
        recipients=["Lưu: VT, VHXH"],
        signature=_signature(commune, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    )
