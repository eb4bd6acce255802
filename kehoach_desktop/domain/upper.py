"""The plan of the level above (kế hoạch cấp trên) as a commune plan and its reports refer to it.

A province's plan reaches ~100 communes as a PDF or .docx; each imports it on its own, and the province
rolls up their reports against its own copy. So the identity of the upper plan and of its tasks is
computed from what the document says — issuer, number, symbol, date, title; each task's tracking number
and wording — not from the random keys of one database: every office that reads the same document gets
the same keys, and a commune's sheet matches the province's plan without anything exchanged beforehand.
"""

from __future__ import annotations

import hashlib

from .numbering import tracking_numbers
from .plan import Plan, SourceTask, UpperPlan
from .text import fold


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def upper_of(plan: Plan) -> UpperPlan:
    """The reference a derived plan keeps to ``plan``, keyed by what the document says of itself."""
    key = _digest("kehoach-upper", fold(" ".join(plan.issuer[-1:])), (plan.number or "").lstrip("0"),
                  fold(plan.symbol), plan.date.iso() if plan.date else "", fold(plan.title))
    return UpperPlan(key=key, issuer=list(plan.issuer), number=plan.number, symbol=plan.symbol, date=plan.date,
                     title=plan.title)


def link_key(upper: UpperPlan, number: str, text: str) -> str:
    """The key of one item of the upper plan (a task, or a duty of section IV) from its number and wording."""
    return _digest(upper.key, number, fold(text))


def task_links(plan: Plan) -> dict[str, SourceTask]:
    """Every tracked task of ``plan`` (by its own key) → the link a derived task keeps to it."""
    upper = upper_of(plan)
    numbers = tracking_numbers(plan)
    links: dict[str, SourceTask] = {}
    for task, _ in plan.walk_tasks():
        number = numbers.get(task.key, task.number)
        links[task.key] = SourceTask(plan=upper.key, task=link_key(upper, number, task.title), number=number,
                                     title=task.title, reference=upper.reference)
    return links


def same_upper(a: UpperPlan, b: UpperPlan) -> bool:
    """Whether two references name the same upper plan (same key, or same issuer, number, symbol and year)."""
    if a.key == b.key:
        return True
    if not a.number or not b.number:
        return False
    return (a.number.lstrip("0") == b.number.lstrip("0") and fold(a.symbol) == fold(b.symbol)
            and (a.date.year if a.date else None) == (b.date.year if b.date else None)
            and fold(" ".join(a.issuer[-1:])) == fold(" ".join(b.issuer[-1:])))
