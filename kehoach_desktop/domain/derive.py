"""A commune's plan derived from the plan of the level above (issue #12).

The province or city sends its plan; the commune turns exactly the duties that plan gives the commune level
("UBND các xã, phường", "UBND cấp xã", "các địa phương" …) into its own plan, each task keeping the link to
the upper task it carries out (:class:`SourceTask`, keyed by :mod:`.upper`, so the province rolls the
communes' reports up by the same keys).

:func:`commune_duties` lists those duties; :func:`derive_plan` proposes the commune's plan from them. Plain
Python: no Qt, no sqlite.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .numbering import roman, tracking_numbers
from .plan import Plan, SourceTask, Task, TextItem
from .text import clean_line, fold
from .units import UnitCatalog
from .upper import agency_name, link_key, task_links, upper_of

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


@functools.lru_cache(maxsize=1024)  # a plan names the same few groups hundreds of times
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


_ITEM_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+")
_HEAD_SPLIT = re.compile(r"^(?P<head>[^:]{3,160}?)\s*:\s*(?P<rest>.*)$", re.DOTALL)


def _organisation_duties(plan: Plan, catalog: UnitCatalog | None) -> list[Duty]:
    upper = upper_of(plan)
    out: list[Duty] = []
    body = plan.body_sections()
    for index, section in enumerate(body, 1):
        if section.kind != "text" or not _ORGANISATION.search(fold(section.title)):
            continue
        last = 0  # the item numbers as printed: headed items are numbered in order; a paragraph the
        for position, item in enumerate(section.items, 1):  # importer left whole ("5. Ủy ban nhân dân các xã, phường: - …") keeps its own
            own = _ITEM_NUMBER.match(item.paragraphs[0]) if not item.heading and item.paragraphs else None
            if item.heading:
                last += 1
            elif own:
                last = int(own.group(1))
            if item.heading or own:
                number = f"{roman(index)}.{last}"
            else:  # a paragraph of its own: numbered by its place among the paragraphs, or after the last item
                number = f"{roman(index)}.{last + 1 if any(i.heading for i in section.items) else position}"
            texts = _item_duties(item)
            if texts is None:
                continue
            head, lines = texts
            others = _canonical(catalog, [u for u in _head_units(head) if not is_commune_level(u)])
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
        lines = [*(_sentences(rest) if rest else []), *(s for p in paragraphs for s in _sentences(p))]
        return head, lines
    if not paragraphs:
        return None
    first = paragraphs[0]
    m = _HEAD_SPLIT.match(first)
    if m and _names_commune(m.group("head")) and len(m.group("head")) < 120 and not assigns_commune(m.group("head")):
        rest = m.group("rest").strip()
        lines = [*(_sentences(rest) if rest else []), *(s for p in paragraphs[1:] for s in _sentences(p))]
        return _ITEM_NUMBER.sub("", m.group("head")), lines
    if assigns_commune(_ITEM_NUMBER.sub("", first)):
        return "", [first] + [p for p in paragraphs[1:] if _BULLET.match(p)]
    return None


def _head_units(head: str) -> list[str]:
    """The units an item's heading names: "Các sở, ban, ngành, UBND các xã, phường" -> the two groups (a piece
    that begins with a small letter belongs to the unit before it)."""
    units: list[str] = []
    for piece in re.split(r"\s*[;,]\s*|\s+và\s+(?=[A-ZĐ])", head):
        piece = piece.strip(" .:")
        if not piece:
            continue
        if units and not piece[0].isupper():
            units[-1] += ", " + piece
        else:
            units.append(piece)
    return units


def _names_commune(head: str) -> bool:
    folded = fold(_ITEM_NUMBER.sub("", head))
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




# --- the commune's plan proposed from those duties ---------------------------------------------------------

# Topics of a task → the commune unit that usually leads it (DOMAIN.md §4 presets), first match in the
# task's title (then its content) wins; candidates in order, the first the catalog knows is proposed.
_TOPICS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(r"\bthu tuc hanh chinh\b|\bdich vu cong\b|\bmot cua\b|\bmot cua lien thong\b|\btthc\b"),
     ("Trung tâm Phục vụ hành chính công",)),
    (re.compile(r"\ban ninh\b|\ban toan\b|\bdu lieu dan cu\b|\btrat tu\b|\bphong chong toi pham\b|\bcan cuoc\b"
                r"|\bphong chay\b|\bde an 06\b"), ("Công an {place}",)),
    (re.compile(r"\btuyen truyen\b|\bpho bien\b|\bpho cap\b|\bky nang so\b|\bvan hoa\b|\bgiao duc\b|\bthong tin\b|\by te\b|\bxa hoi\b"
                r"|\blao dong\b|\bgiam ngheo\b|\btre em\b|\bgia dinh\b|\bthe thao\b|\bdu lich\b|\bho tich\b"),
     ("Phòng Văn hóa - Xã hội",)),
    (re.compile(r"\bchuyen doi so\b|\bha tang\b|\bkinh te\b|\bkhoa hoc\b|\bcong nghe\b|\bnong nghiep\b"
                r"|\bngan sach\b|\bkinh phi\b|\btai chinh\b|\bdau tu\b|\bdat dai\b|\bmoi truong\b|\bxay dung co ban\b"
                r"|\bdoanh nghiep\b|\btri tue nhan tao\b|\btruyen so lieu\b|\bcong nghe thong tin\b"
                r"|\bnen tang\b|\bthiet bi\b|\bvien thong\b|\bthanh toan\b"),
     ("{economy}",)),
    (re.compile(r"\bvan ban\b|\btong hop\b|\bbao cao\b|\bke hoach\b|\bso ket\b|\btong ket\b|\bkiem tra\b"
                r"|\bthi dua\b|\bto chuc bo may\b|\bcan bo\b|\bcong chuc\b"),
     ("Văn phòng HĐND và UBND",)),
]
DEFAULT_LEAD = "Văn phòng HĐND và UBND"


def _place(commune: dict) -> str:
    return "phường" if commune.get("kind") == "phuong" else "xã"


def propose_lead(text: str, catalog: UnitCatalog, commune: dict) -> str:
    """The commune unit proposed to lead a task of this wording (title first), as the catalog spells it."""
    place = _place(commune)
    economy = "Phòng Kinh tế, Hạ tầng và Đô thị" if place == "phường" else "Phòng Kinh tế"
    folded = fold(text)
    best: tuple[int, int, tuple[str, ...]] | None = None
    for order, (pattern, names) in enumerate(_TOPICS):
        m = pattern.search(folded)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), order, names)
    names = [n.format(place=place, economy=economy) for n in (best[2] if best else ())] + [DEFAULT_LEAD]
    if economy in names:  # the other spelling of the economy unit, for a catalog of the other kind
        names.append("Phòng Kinh tế" if place == "phường" else "Phòng Kinh tế, Hạ tầng và Đô thị")
    for name in names:
        unit = catalog.find(name)
        if unit:
            return unit.name
    return catalog.units[0].name if catalog.units else DEFAULT_LEAD


def earlier_time(time: str, days: int) -> str:
    """A commune deadline ``days`` before the upper one ("Trước ngày 30/4/2026" → "Trước ngày 20/4/2026";
    "Trước ngày 15/12 hằng năm" → "Trước ngày 05/12 hằng năm"); other timeframes unchanged."""
    import datetime as dt

    from .timeframe import parse_timeframe

    if days <= 0 or not time:
        return time
    frame = parse_timeframe(time)
    if frame.kind == "deadline" and frame.deadline:
        day = frame.deadline - dt.timedelta(days=days)
        return f"Trước ngày {day:%d/%m/%Y}"
    if frame.kind == "yearly_by" and frame.day and frame.month:
        day = dt.date(2001, frame.month, frame.day) - dt.timedelta(days=days)
        return f"Trước ngày {day:%d/%m} hằng năm"
    return time


@dataclass
class ProposedTask:
    """One duty as the commune's task: accepted or dropped, its lead and timeframe editable."""

    duty: Duty
    lead: str
    time: str
    accepted: bool = True

    @property
    def role(self) -> str:
        return self.duty.role


@dataclass
class Proposal:
    """The commune plan :func:`derive_plan` proposes: the duties taken, and the upper tasks left to others."""

    upper: Plan
    commune: dict
    tasks: list[ProposedTask]
    skipped: list[tuple[str, Task]]  # (upper number, task) of the tasks that are not the commune's

    def accepted(self) -> list[ProposedTask]:
        return [t for t in self.tasks if t.accepted]

    def counts(self) -> tuple[int, int, int]:
        """(chủ trì, phối hợp, tổ chức thực hiện) among the accepted duties."""
        taken = self.accepted()
        return (sum(1 for t in taken if t.duty.kind == "task" and t.role == "lead"),
                sum(1 for t in taken if t.duty.kind == "task" and t.role == "coordinator"),
                sum(1 for t in taken if t.duty.kind == "organisation"))

    def summary(self) -> str:
        lead, coordinator, organisation = self.counts()
        return (f"Nhận {len(self.accepted())} nhiệm vụ của cấp xã (chủ trì {lead}, phối hợp {coordinator}, "
                f"tổ chức thực hiện {organisation}); bỏ qua {len(self.skipped)} nhiệm vụ của đơn vị khác")

    def plan(self) -> Plan:
        """The commune's plan from the accepted duties as they stand now (leads and timeframes edited)."""
        return _build_plan(self)


def _date_words(plan: Plan) -> str:
    d = plan.date
    if d is None:
        return ""
    if d.day:
        return f" ngày {d.day}/{d.month}/{d.year}"
    if d.month:
        return f" tháng {d.month}/{d.year}"
    return f" năm {d.year}"


_LOCAL = re.compile(r"\s+(?:trên địa bàn|tại)\s+(?:tỉnh|thành phố)\s+[^,;]+$", re.IGNORECASE)
_PROPER_START = ("Luật", "Nghị", "Chỉ thị", "Quyết định", "Chương trình", "Kế hoạch", "Đề án", "Chiến lược",
                 "Thông tư", "Bộ ", "Chính phủ", "Thủ tướng", "Đảng", "Việt Nam")


def _about(upper: Plan) -> str:
    title = _LOCAL.sub("", clean_line(upper.title)).rstrip(" .")
    if title and not title.startswith(_PROPER_START) and title[1:2].islower():
        title = title[0].lower() + title[1:]
    return title


def _reference(upper: Plan, short: bool) -> str:
    full, short_name = agency_name(upper.issuer)
    return f"Kế hoạch số {upper.number or '…'}/{upper.symbol}{_date_words(upper)} của {short_name if short else full}"


def _duty_task(item: ProposedTask, catalog_lead: str) -> Task:
    duty = item.duty
    content = list(duty.content)
    if duty.kind == "task" and duty.role == "coordinator" and duty.other_leads:
        content.append(f"Phối hợp với {', '.join(duty.other_leads)} thực hiện.")
    title = duty.title.rstrip(" .") if duty.kind == "organisation" else duty.title
    return Task(title=title, content=content, lead=[catalog_lead] if catalog_lead else [], time=item.time,
                product=duty.product, source=duty.source.replace(role=duty.role))


def _build_plan(proposal: Proposal) -> Plan:
    from .numbering import renumber
    from .plan import Section, Signature

    upper, commune = proposal.upper, proposal.commune
    name = clean_line(commune.get("name") or "")
    place = _place(commune)
    where = f"{place} {name}".strip()
    ubnd = f"Ủy ban nhân dân {where}"
    full_ref, short_ref = _reference(upper, False), _reference(upper, True)
    about = _about(upper)
    about_part = f" về {about}" if about else ""
    upper_short = agency_name(upper.issuer)[1]

    tasks: list[Task] = []
    by_link: dict[str, Task] = {}
    leads: list[str] = []
    owned_by: dict[str, list[str]] = {}
    for item in proposal.accepted():
        task = _duty_task(item, item.lead)
        parent = by_link.get(item.duty.parent or "")
        (parent.children if parent else tasks).append(task)
        by_link[item.duty.source.task] = task
        if item.lead and item.lead not in leads:
            leads.append(item.lead)
    renumber(tasks)
    full = _full_numbers(tasks)
    for task, number in full:
        if task.lead:
            owned_by.setdefault(task.lead[0], []).append(number)

    issuer = ["ỦY BAN NHÂN DÂN", f"{place.upper()} {name.upper()}"] if name else ["ỦY BAN NHÂN DÂN"]
    signers = commune.get("signers") or []
    office = next((u for u in leads if fold(u).startswith("van phong")), DEFAULT_LEAD)
    report_to = f"{ubnd} (qua {office})"
    organisation_items = []
    for unit in leads:
        numbers = owned_by.get(unit, [])
        which = ("các nhiệm vụ " if len(numbers) > 1 else "nhiệm vụ ") + ", ".join(numbers)
        organisation_items.append(TextItem(unit, [
            f"Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức thực hiện {which} tại mục II của Kế hoạch "
            f"này; định kỳ 06 tháng (trước ngày 05/6), hằng năm (trước ngày 05/12) hoặc đột xuất khi có yêu cầu báo "
            f"cáo kết quả thực hiện về {report_to} để tổng hợp, báo cáo {upper_short} theo quy định."]))
    organisation_items.append(TextItem(f"Các cơ quan, đơn vị thuộc {ubnd}", [
        "Căn cứ chức năng, nhiệm vụ được giao, phối hợp thực hiện các nhiệm vụ tại Kế hoạch này bảo đảm tiến "
        f"độ, chất lượng và hiệu quả; kịp thời báo cáo những khó khăn, vướng mắc về {report_to}."]))

    recipients = [upper_short, f"TT Đảng ủy, HĐND {place}", f"CT, các PCT UBND {place}", *leads, "Lưu: VT, VHXH"]
    plan = Plan(
        title=f"Triển khai thực hiện {short_ref}{about_part} trên địa bàn {where}".strip(),
        issuer=issuer, place=name,
        bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
               f"Căn cứ {full_ref}{about_part}."],
        preamble=[f"Thực hiện {full_ref}{about_part}, {ubnd} ban hành Kế hoạch triển khai thực hiện trên địa bàn "
                  f"{place} như sau:"],
        sections=[
            Section("MỤC ĐÍCH, YÊU CẦU", "text", items=[
                TextItem("Mục đích", [
                    f"- Triển khai kịp thời, đầy đủ các nhiệm vụ {upper_short} giao cho cấp xã tại {short_ref}"
                    f"{about_part}.",
                    f"- Xác định cụ thể nội dung, thời hạn, sản phẩm và trách nhiệm của các cơ quan, đơn vị thuộc "
                    f"{ubnd} trong tổ chức thực hiện."]),
                TextItem("Yêu cầu", [
                    f"- Bám sát nội dung, tiến độ của Kế hoạch cấp trên; bảo đảm phù hợp với điều kiện thực tế của "
                    f"{place}.",
                    "- Thường xuyên theo dõi, đôn đốc; báo cáo kết quả thực hiện đầy đủ, đúng thời hạn."])]),
            Section("NHIỆM VỤ, GIẢI PHÁP", "tasks", tasks=tasks),
            Section("KINH PHÍ THỰC HIỆN", "text", items=[TextItem(None, [
                "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp quản lý ngân sách "
                "hiện hành và các nguồn kinh phí hợp pháp khác theo quy định của pháp luật."])]),
            Section("TỔ CHỨC THỰC HIỆN", "text", items=organisation_items),
        ],
        closing=[f"Trên đây là Kế hoạch triển khai thực hiện {short_ref} trên địa bàn {where}. Trong quá trình thực "
                 f"hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo {report_to} để xem xét, "
                 "giải quyết./."],
        recipients=recipients,
        signature=Signature(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signers[0] if signers else ""),
        upper=upper_of(upper),
    )
    return plan


def _full_numbers(tasks: list[Task]) -> list[tuple[Task, str]]:
    from .numbering import full_numbers

    numbers = full_numbers(tasks)
    out: list[tuple[Task, str]] = []

    def visit(items: list[Task]) -> None:
        for task in items:
            out.append((task, numbers[task.key]))
            visit(task.children)

    visit(tasks)
    return out


def derive_plan(upper: Plan, commune: dict, catalog: UnitCatalog, *, days_earlier: int = 0) -> Proposal:
    """The commune plan proposed from ``upper``: one task per duty of the commune level (upper wording, its
    ``source`` set, a lead proposed from the catalog by topic, the timeframe as typed — or ``days_earlier``
    days before a dated upper deadline —, the product), and the upper tasks that are not the commune's."""
    duties = commune_duties(upper, catalog)
    tasks = [ProposedTask(d, propose_lead(d.title if _topic_in(d.title) else " ".join([d.title, *d.content]),
                                          catalog, commune), earlier_time(_proposed_time(d), days_earlier))
             for d in duties]
    owned = {d.upper_key for d in duties if d.upper_key}
    skipped = [(n, t) for n, t in not_owned(upper, duties) if not _owns_below(t, owned)]
    return Proposal(upper, dict(commune), tasks, skipped)


def _proposed_time(duty: Duty) -> str:
    """The upper timeframe as typed; else a deadline said in the task's own sentence ("…; hoàn thành trước ngày
    30/9/2026."); a duty of section IV that names none is a standing one ("Thường xuyên")."""
    if duty.time:
        return duty.time
    m = _TIME_IN_SENTENCE.search(" ".join([duty.title, *duty.content]))
    if m:
        return m.group(1)[0].upper() + m.group(1)[1:]
    return "Thường xuyên" if duty.kind == "organisation" else ""


def _topic_in(text: str) -> bool:
    folded = fold(text)
    return any(pattern.search(folded) for pattern, _ in _TOPICS)


def _owns_below(task: Task, owned: set[str]) -> bool:
    return any(t.key in owned for t, _ in task.walk() if t is not task)
