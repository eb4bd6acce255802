"""Task numbering derived from position: ``1.`` → ``1.1.`` or ``a)`` → ``-`` / ``+``.

A plan keeps its own style per level (inferred from the numbers it already has),
so moving, indenting or deleting a task renumbers the tree the way the commune
writes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .plan import Plan, Section, Task

STYLES = ("decimal", "nested", "letter", "dash", "plus")
DEFAULT_STYLES = ("decimal", "letter", "dash")

_LETTERS = "abcdđeghiklmnopqrstuvxy"  # Vietnamese documents skip f, j, w, z and use đ

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """``n`` in Roman numerals (the parts of a plan: I., II., …); ``0`` and below as digits."""
    if n <= 0:
        return str(n)
    out = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def section_place(plan: Plan, section: Section) -> str:
    """Where a task section is in the printed plan: ``II. NHIỆM VỤ, GIẢI PHÁP`` (numbered over the body, as
    printed) or ``Phụ lục 01: MỘT SỐ NHIỆM VỤ TRỌNG TÂM …`` (its label and title lines as written)."""
    if section.appendix is None:
        body = plan.body_sections()
        number = next((i for i, s in enumerate(body, 1) if s is section), 0)
        return f"{roman(number)}. {section.title}" if number else section.title
    label = section.appendix.label.strip() or "Phụ lục"
    heading = " ".join(line.strip() for line in section.appendix.heading if line.strip()) or section.title
    return f"{label}: {heading}" if heading else label


def task_places(plan: Plan) -> dict[str, str]:
    """Where a plan keeps tasks in more than one place (section II and a phụ lục): the key of each place's
    first task → :func:`section_place`, so a tracking list (progress sheet, Báo cáo) says where its tasks are
    before their numbers start again at 1. Empty for a plan with one task section."""
    sections = [s for s in plan.task_sections() if s.tasks]
    if len(sections) < 2:
        return {}
    return {s.tasks[0].key: section_place(plan, s) for s in sections}


def tracking_numbers(plan: Plan) -> dict[str, str]:
    """:func:`full_numbers` of every tracked task, by key, for lists apart from the plan (a unit's sheet, a
    Báo cáo's lists): where the plan keeps tasks in II and in a phụ lục, a phụ lục's task carries its label
    in short ("PL.3", "PL01.2" for "Phụ lục 01"), so its "3" is not taken for II's."""
    several = len([s for s in plan.task_sections() if s.tasks]) > 1
    out: dict[str, str] = {}
    for section in plan.task_sections():
        numbers = full_numbers(section.tasks)
        if several and section.appendix is not None:
            label = re.sub(r"\s+", "", re.sub(r"(?i)^\s*ph(ụ|u) l(ụ|u)c", "PL", section.appendix.label)) or "PL"
            numbers = {key: f"{label}.{number}" for key, number in numbers.items()}
        out.update(numbers)
    return out


def style_of(number: str) -> str | None:
    """The numbering style a printed number belongs to."""
    number = number.strip().rstrip(".)")
    if re.fullmatch(r"\d+", number):
        return "decimal"
    if re.fullmatch(r"\d+(?:\.\d+)+", number):
        return "nested"
    if re.fullmatch(r"[a-zđ]", number):
        return "letter"
    if number in ("-", "–", "•"):
        return "dash"
    if number == "+":
        return "plus"
    return None


def letter(index: int) -> str:
    """The ``index``-th (0-based) letter of Vietnamese lists: a, b, c, d, đ, e …"""
    if index < len(_LETTERS):
        return _LETTERS[index]
    return _LETTERS[index // len(_LETTERS) - 1] + _LETTERS[index % len(_LETTERS)]


def format_number(style: str, index: int, parent_number: str) -> str:
    if style == "decimal":
        return str(index + 1)
    if style == "nested":
        base = parent_number if style_of(parent_number) in ("decimal", "nested") else ""
        return f"{base}.{index + 1}" if base else str(index + 1)
    if style == "letter":
        return letter(index)
    if style == "plus":
        return "+"
    return "-"


def printed(number: str) -> str:
    """How a number is printed before the title: ``1.``, ``1.2.``, ``a)``, ``-``."""
    style = style_of(number)
    if style in ("decimal", "nested"):
        return number + "."
    if style == "letter":
        return number + ")"
    return number


def full_numbers(tasks: Sequence[Task]) -> dict[str, str]:
    """Each task's number with its group's in front ("1.a", "2.1", "1.b.1" for a dash item), by task key:
    where a list of tasks stands apart from the tree (a unit's sheet, a report's lists), "a" says little."""
    out: dict[str, str] = {}

    def visit(items: Sequence[Task], parent: str) -> None:
        for position, task in enumerate(items, 1):
            own = task.number.strip().rstrip(".)")
            if not parent or style_of(own) == "nested":
                full = own or str(position)
            elif not own or style_of(own) in ("dash", "plus"):
                full = f"{parent}.{position}"
            else:
                full = f"{parent}.{own}"
            out[task.key] = full
            visit(task.children, full)

    visit(tasks, "")
    return out


def infer_styles(tasks: Sequence[Task]) -> list[str]:
    """The style of each level, as the plan already uses it (defaults where unknown)."""
    styles: list[str | None] = []

    def visit(items: Sequence[Task], depth: int) -> None:
        for task in items:
            while len(styles) <= depth:
                styles.append(None)
            if styles[depth] is None:
                styles[depth] = style_of(task.number)
            visit(task.children, depth + 1)

    visit(tasks, 0)
    result = []
    for depth, style in enumerate(styles):
        result.append(style or (DEFAULT_STYLES[depth] if depth < len(DEFAULT_STYLES) else "dash"))
    return result


def renumber(tasks: Sequence[Task], styles: Sequence[str] | None = None) -> None:
    """Give every task the number its position implies, in place."""
    styles = list(styles) if styles is not None else infer_styles(tasks)

    def style_for(depth: int) -> str:
        if depth < len(styles):
            return styles[depth]
        return DEFAULT_STYLES[depth] if depth < len(DEFAULT_STYLES) else "dash"

    def visit(items: Sequence[Task], depth: int, parent_number: str) -> None:
        for index, task in enumerate(items):
            task.number = format_number(style_for(depth), index, parent_number)
            visit(task.children, depth + 1, task.number)

    visit(tasks, 0, "")
