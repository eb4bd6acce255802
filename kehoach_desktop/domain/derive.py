"""A commune's plan derived from the plan of the level above (issue #12).

The province or city sends its plan; the commune turns exactly the duties that plan gives the commune level
("UBND các xã, phường", "UBND cấp xã", "các địa phương" …) into its own plan, each task keeping the link to
the upper task it carries out (:class:`SourceTask`, keyed by :mod:`.upper`, so the province rolls the
communes' reports up by the same keys).

:func:`commune_duties` lists those duties; :func:`derive_plan` proposes the commune's plan from them. Plain
Python: no Qt, no sqlite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numbering import roman, tracking_numbers
from .plan import Plan, SourceTask, Task, TextItem
from .text import clean_line, fold
from .units import UnitCatalog
from .upper import link_key, task_links, upper_of

ROLES = ("lead", "coordinator")

# --- the commune level, as upper plans name it ------------------------------------------------------------
# Matched on the folded form (fold(): no diacritics, so hoá/hóa and NFD/NFC are one; lower case; dashes).
_UB = r"(?:ubnd|uy ban nhan dan|uy ban|chinh quyen)"
_PLACES = r"(?:\s*,\s*(?:phuong|xa|thi tran|dac khu)|\s+va\s+(?:phuong|dac khu|thi tran))*"
_COMMUNE_PHRASE = (
    rf"(?:{_UB}\s+)?(?:cac\s+)?(?:cap\s+xa|(?<!thi )xa{_PLACES}|phuong\s*,\s*xa{_PLACES}|(?:cac\s+)?dia\s+phuong)"
    r"(?:\s+tren\s+dia\s+ban(?:\s+tinh|\s+thanh\s+pho)?)?")
# a whole unit entry ("UBND các xã, phường", "Các địa phương", "UBND cấp xã") or one inside a list of
# groups ("Các sở, ban, ngành, địa phương"; "Các sở, ngành và UBND các xã, phường")
_ENTRY = re.compile(
    rf"(?:^|[,;]\s*|\bva\s+)(?:{_UB}\s+(?:cac\s+)?(?:cap\s+xa|(?<!thi )xa{_PLACES}|phuong\s*,\s*xa{_PLACES}"
    rf"|dia\s+phuong)|(?:cac\s+)?(?:cap\s+xa|xa\s*,\s*phuong{_PLACES}|dia\s+phuong)"
    rf"|cac\s+xa{_PLACES})\b")
# a sentence naming the commune level as the doer: "UBND các xã, phường chủ trì …", "Giao UBND cấp xã thực hiện",
# "Các sở, ban, ngành, UBND các xã, phường căn cứ chức năng … triển khai"
_DOERS = r"(?:(?:cac\s+)?(?:so|ban|nganh|co quan|don vi)(?:\s*,\s*(?:so|ban|nganh|co quan|don vi|hoi|doan the))*\s*(?:,|va|;)\s*)?"
_VERB = (r"(?P<verb>chu tri|phoi hop|thuc hien|trien khai|to chuc|xay dung|chiu trach nhiem|co trach nhiem|"
         r"chu dong|tuyen truyen|ban hanh|bo tri|rà soat|ra soat|bao cao|tham muu|quan triet|can cu|kiem tra)")
_SENTENCE = re.compile(
    rf"^(?:[-+•*]\s*)?(?:\d+[.)]\s*|[a-z][)]\s*)?(?:giao\s+(?:cho\s+)?)?{_DOERS}{_COMMUNE_PHRASE}"
    rf"\s*(?:[,:]\s*)?(?:(?:co trach nhiem|chiu trach nhiem)\s+)?{_VERB}\b")
_ORGANISATION = re.compile(r"\bto chuc thuc hien\b|\btrach nhiem cua cac\b|\bphan cong\b")


def is_commune_level(name: str) -> bool:
    """Whether a unit entry of a lead/coordinator field names the commune level (any of its spellings)."""
    return bool(_ENTRY.search(fold(name)))


def assigns_commune(sentence: str) -> str | None:
    """``"lead"`` / ``"coordinator"`` when ``sentence`` makes the commune level its doer, else None.

    "UBND các xã, phường chủ trì, phối hợp …" -> lead; "UBND cấp xã phối hợp …" -> coordinator;
    "Sở Nội vụ hướng dẫn UBND các xã …" -> None (the commune level is named, not made the doer).
    """
    m = _SENTENCE.match(fold(sentence))
    if not m:
        return None
    return "coordinator" if m.group("verb") == "phoi hop" else "lead"


@dataclass
class Duty:
    """One duty the upper plan gives the commune level: a task of it, or a duty of its section IV."""

    source: SourceTask  # the link the derived task keeps (keys computed by domain/upper.py)
    title: str  # the upper task's wording, or the duty's sentence
    content: list[str] = field(default_factory=list)
    role: str = "lead"  # "lead" | "coordinator": what the commune level is in the upper task
    time: str = ""  # as the upper plan typed it
    product: str | None = None
    kind: str = "task"  # "task" | "organisation" (a duty of section IV)
    other_leads: list[str] = field(default_factory=list)  # the upper task's other lead units
    coordinators: list[str] = field(default_factory=list)  # the upper task's coordinators but the commune level
    parent: str | None = None  # source.task of the duty this one is a sub-task of (the upper tree)
    upper_key: str = ""  # the upper task's own key in the plan read (empty for section IV)

    @property
    def number(self) -> str:
        return self.source.number


def _canonical(catalog: UnitCatalog | None, names: list[str]) -> list[str]:
    return catalog.canonical_list(names) if catalog else [clean_line(n) for n in names if clean_line(n)]


def _task_role(task: Task) -> str | None:
    if any(is_commune_level(u) for u in task.lead):
        return "lead"
    for line in (task.title, *task.content, *task.assignment):
        role = assigns_commune(line)
        if role:
            return role
    if any(is_commune_level(u) for u in task.coordinators):
        return "coordinator"
    return None


def _has_units(task: Task) -> bool:
    return bool(task.lead or task.coordinators)


def _task_duties(plan: Plan, catalog: UnitCatalog | None) -> list[Duty]:
    links = task_links(plan)
    out: list[Duty] = []

    def visit(tasks: list[Task], inherited: str | None, parent: str | None) -> None:
        for task in tasks:
            role = _task_role(task)
            if role is None and inherited and not _has_units(task):
                role = inherited  # a sub-task without units of its own does what its task says
            if role is None:
                visit(task.children, None, None)
                continue
            link = links[task.key]
            out.append(Duty(
                source=link, title=task.title, content=list(task.content), role=role, time=task.time,
                product=task.product, kind="task",
                other_leads=_canonical(catalog, [u for u in task.lead if not is_commune_level(u)]),
                coordinators=_canonical(catalog, [u for u in task.coordinators if not is_commune_level(u)]),
                parent=parent, upper_key=task.key))
            visit(task.children, role, link.task)

    for section in plan.task_sections():
        visit(section.tasks, None, None)
    return out


_BULLET = re.compile(r"^\s*[-+•*–]\s*")
_INLINE_BULLETS = re.compile(r"(?:^|[;:.]\s*)[-+•–]\s+")
_TIME_IN_SENTENCE = re.compile(
    r"\b((?:trước|chậm nhất|trong) (?:ngày|tháng|quý) [\d/IVX]+(?:/\d{4})?(?: hằng năm| hàng năm)?"
    r"|định kỳ (?:6 tháng|hằng năm|hàng năm|hằng quý|hàng quý)[^.;]*)", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    """Bullets typed inside one paragraph ("…: - Xây dựng kế hoạch …; - Tuyên truyền …") are duties each."""
    pieces = [p.strip(" ;.") for p in _INLINE_BULLETS.split(text)]
    pieces = [p for p in pieces if p]
    return pieces if len(pieces) > 1 or _BULLET.match(text) else [text.strip()]


def _duty_text(text: str) -> str:
    text = _BULLET.sub("", clean_line(text)).rstrip(" ;")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and not text.endswith((".", "!", "?", ":")):
        text += "."
    return text


_HEAD_SPLIT = re.compile(r"^(?P<head>[^:]{3,160}?)\s*:\s*(?P<rest>.*)$", re.DOTALL)


def _organisation_duties(plan: Plan, catalog: UnitCatalog | None) -> list[Duty]:
    upper = upper_of(plan)
    out: list[Duty] = []
    body = plan.body_sections()
    for index, section in enumerate(body, 1):
        if section.kind != "text" or not _ORGANISATION.search(fold(section.title)):
            continue
        headed = 0
        for position, item in enumerate(section.items, 1):
            if item.heading:
                headed += 1
            number = f"{roman(index)}.{headed if item.heading else position}"
            texts = _item_duties(item)
            if texts is None:
                continue
            head, lines = texts
            others = _canonical(catalog, [u for u in re.split(r"\s*[;,]\s*(?=[A-ZĐÀ-Ỹ])|\s+và\s+(?=[A-ZĐ])", head)
                                          if u and not is_commune_level(u)]) if head else []
            for k, line in enumerate(lines, 1):
                text = _duty_text(line)
                if not text.strip(" ."):
                    continue
                sub = f"{number}.{k}" if len(lines) > 1 else number
                m = _TIME_IN_SENTENCE.search(text)
                time = m.group(1)[0].upper() + m.group(1)[1:] if m else ""
                source = SourceTask(plan=upper.key, task=link_key(upper, sub, text), number=sub, title=text,
                                    reference=upper.reference)
                out.append(Duty(source=source, title=text, role="lead", time=time, kind="organisation",
                                other_leads=others))
    return out


def _item_duties(item: TextItem) -> tuple[str, list[str]] | None:
    """(the units heading the item, its duty sentences) for an item of section IV given to the commune
    level, else None. The heading ("5. Ủy ban nhân dân các xã, phường") or the item's first words name it."""
    heading = clean_line(item.heading or "")
    paragraphs = [clean_line(p) for p in item.paragraphs if clean_line(p)]
    if heading:
        m = _HEAD_SPLIT.match(heading)
        head, rest = (m.group("head"), m.group("rest").strip()) if m else (heading.rstrip(":."), "")
        if not _names_commune(head):
            return None
        lines = ([*(_sentences(rest) if rest else [])] + [s for p in paragraphs for s in _split_paragraph(p, paragraphs)])
        return head, lines
    if not paragraphs:
        return None
    first = paragraphs[0]
    m = _HEAD_SPLIT.match(first)
    if m and _names_commune(m.group("head")) and len(m.group("head")) < 120 and not assigns_commune(m.group("head")):
        rest = m.group("rest").strip()
        lines = [*(_sentences(rest) if rest else [])] + [s for p in paragraphs[1:] for s in _split_paragraph(p, paragraphs)]
        return m.group("head"), lines
    if assigns_commune(first):
        return "", [first] + [p for p in paragraphs[1:] if _BULLET.match(p)]
    return None


def _split_paragraph(text: str, paragraphs: list[str]) -> list[str]:
    return _sentences(text) if len(paragraphs) == 1 else [text]


def _names_commune(head: str) -> bool:
    folded = fold(head)
    return bool(_ENTRY.search(folded)) and not re.search(r"\b(?:huong dan|chi dao|don doc)\b", folded)


def commune_duties(plan: Plan, catalog: UnitCatalog | None = None) -> list[Duty]:
    """Every duty ``plan`` (an upper plan) gives the commune level, in document order: its tasks whose lead
    or coordinator fields, or a sentence of assignment, name the commune level as doer; then the duties of
    its section "TỔ CHỨC THỰC HIỆN" item for the commune level (one per bullet or sentence)."""
    return _task_duties(plan, catalog) + _organisation_duties(plan, catalog)


def not_owned(plan: Plan, duties: list[Duty]) -> list[tuple[str, Task]]:
    """The upper plan's tracked tasks that are not the commune's (tracking number, task), in order."""
    owned = {d.upper_key for d in duties if d.upper_key}
    numbers = tracking_numbers(plan)
    return [(numbers.get(t.key, t.number), t) for t, _ in plan.walk_tasks() if t.key not in owned]


__all__ = ["ROLES", "Duty", "assigns_commune", "commune_duties", "is_commune_level", "not_owned"]
