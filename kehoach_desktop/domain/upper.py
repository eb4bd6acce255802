"""The plan of the level above (kế hoạch cấp trên) as a commune plan and its reports refer to it.

A province's plan reaches ~100 communes as a PDF or .docx; each imports it on its own, and the province
rolls up their reports against its own copy. So the identity of the upper plan and of its tasks is
computed from what the document says — issuer, number, symbol, date, title; each task's tracking number
and wording — not from the random keys of one database: every office that reads the same document gets
the same keys, and a commune's sheet matches the province's plan without anything exchanged beforehand.
"""

from __future__ import annotations

import hashlib
import re

from .numbering import tracking_numbers
from .plan import Plan, SourceTask, UpperPlan
from .text import clean_line, fold


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


_PLACE_KINDS = ("thành phố", "tỉnh", "đặc khu", "xã", "phường")
_BREAKS = {"và", "-", "–"}


def _place_words(words: list[str]) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in words)


def agency_name(issuer: list[str]) -> tuple[str, str]:
    """(full, short) name of an issuing agency in running text, from its issuer lines as printed in capitals:
    ``ỦY BAN NHÂN DÂN / TỈNH NINH BÌNH`` → ("Ủy ban nhân dân tỉnh Ninh Bình", "UBND tỉnh Ninh Bình");
    ``SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH`` → "Sở Văn hóa, Thể thao và Du lịch" (the name after the agency's kind,
    and each part of it after "và", a comma or a dash, starts with a capital, as agencies are written); the
    province after "tỉnh" / "thành phố" keeps its capitals ("Ban Quản lý khu kinh tế tỉnh Ninh Bình").
    """
    lines = [clean_line(x) for x in issuer if clean_line(x)]
    if not lines:
        return "Ủy ban nhân dân cấp trên", "UBND cấp trên"
    last = lines[-1]
    words = last.split()
    for kind in _PLACE_KINDS:
        n = len(kind.split())
        if fold(" ".join(words[:n])) == fold(kind) and (fold(lines[0]) in ("uy ban nhan dan", "ubnd")
                                                         or len(lines) == 1):
            place = f"{kind} {_place_words(words[n:])}"
            return f"Ủy ban nhân dân {place}", f"UBND {place}"
    if last != last.upper():  # already written in running text: as written
        return last, last
    tokens = re.findall(r"[^\s,]+|,", last)
    out: list[str] = []
    capital = True
    for i, token in enumerate(tokens):
        low = token.lower()
        if token == ",":
            out.append(",")
            capital = True
            continue
        following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if i > 1 and (low == "tỉnh" or (low, following) == ("thành", "phố")):
            n = 1 if low == "tỉnh" else 2
            out.append(" ".join(t.lower() for t in tokens[i:i + n]) + " " + _place_words(tokens[i + n:]))
            break
        out.append(token[:1].upper() + low[1:] if capital or i == 1 else low)
        capital = low in _BREAKS
    text = " ".join(out).replace(" ,", ",").strip()
    return text, text
