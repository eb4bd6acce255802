"""The task tree of a tasks section: numbering levels, field lines, sub-tasks told from content.

Numbered items (``1.``, ``1.1.``, ``a)``, ``A.``, "Nhiệm vụ 1:") are tasks; a ``-``/``+``
item is a sub-task only when its own field lines follow with another bullet
("- Lồng ghép ..." then "+ Cơ quan thực hiện: ..."), else it is content of the task
above; a field line belongs to the deepest open task; a label alone on its line
("b) Cơ quan thực hiện") collects the lines under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain.plan import IN_SENTENCE, Task
from ..domain.units import UnitCatalog
from .assign import (
    Field,
    lead_clause,
    match_field,
    quick_fold,
    split_assignment,
    split_fields,
    split_trailing_fields,
    split_units,
    unit_of_sentence,
)
from .blocks import Block

# a plan of the province may hold more than 99 tasks ("105. …"); later parts stay at two digits, so
# "100.000 đồng" is no number
_NESTED = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,2})+)\.?\s*[.)]?\s+(?P<rest>\S.*)$")
_DECIMAL = re.compile(r"^(?P<num>\d{1,3})\s*[.)]\s*(?P<rest>\S.*)$")
_LETTER = re.compile(r"^(?P<num>[a-zđ])\s*\)\s*(?P<rest>\S.*)$|^(?P<num2>[a-zđ])\.\s+(?P<rest2>\S.*)$")
_BULLET = re.compile(r"^(?P<mark>[-–—•●▪■◦·*+])\s*(?P<rest>\S.*)$")
_NAMED = re.compile(r"^(?:Nhiệm vụ|NHIỆM VỤ|Nội dung|NỘI DUNG|Hoạt động|HOẠT ĐỘNG)\s+(?:số\s+)?"
                    r"(?P<num>\d{1,2}(?:\.\d{1,2})*)\s*[:.)]\s*(?P<rest>\S.*)$")
_GROUP = re.compile(r"^(?P<num>[A-HJ-UWYZĐ])\s*[.)]\s+(?P<rest>[^a-zà-ỹ]{3,}.*)$")
_TIME_IN_SENTENCE = re.compile(
    r"\bthực hiện\s+(?P<time>(?:trong|trước|từ|hằng|hàng|định kỳ|thường xuyên|trong năm|năm|quý|tháng)\b.*)$",
    re.IGNORECASE)


# Where an assignment may start inside a task's paragraph: after a full stop or a semicolon, or
# in brackets at its end.
_TAIL_START = re.compile(r"[.;]\s+(?=\S)|\s*\((?=[^()]{8,}\)\.?\s*$)")
_TIME_PART = re.compile(r"^(?:hoàn thành|thực hiện|xong)?\s*(?:trong|trước|từ|đến|chậm nhất|cuối|đầu)\s+"
                        r"(?:ngày|tháng|quý|năm)\b|^(?:hoàn thành|thường xuyên|hằng năm|hằng quý|hằng tháng)\b",
                        re.IGNORECASE)
_SENTENCE_TAIL = re.compile(r"^Giao\s+(?:cho\s+)?\S.*\b(?:chủ trì|phối hợp)\b")


@dataclass
class _Line:
    text: str
    bold: bool = False
    italic: bool = False
    align: str | None = None
    table: int | None = None
    col: int | None = None
    row: int | None = None
    landscape: bool | None = None

    @classmethod
    def of(cls, b: Block) -> _Line:
        return cls(b.text, b.bold, b.italic, b.align, b.table, b.col, b.row, b.landscape)


@dataclass
class _Marker:
    style: str  # "decimal", "nested2", "letter", "bullet:-", "bullet:+", "" (none)
    number: str  # "1", "1.2", "a", "-", "+"
    rest: str


def classify(text: str) -> _Marker:
    m = _NESTED.match(text)
    if m:
        num = m.group("num")
        return _Marker(f"nested{num.count('.') + 1}", num, m.group("rest"))
    m = _DECIMAL.match(text)
    if m and not re.match(r"^\d{1,3}\s*[.)]\s*\d", text):
        return _Marker("decimal", m.group("num"), m.group("rest"))
    m = _LETTER.match(text)
    if m:
        return _Marker("letter", m.group("num") or m.group("num2"), m.group("rest") or m.group("rest2"))
    m = _NAMED.match(text)
    if m:  # "Nhiệm vụ 1: ...", "Hoạt động 3.1: ..."
        num = m.group("num")
        return _Marker(f"nested{num.count('.') + 1}" if "." in num else "decimal", num, m.group("rest"))
    m = _GROUP.match(text)
    if m:  # "A. NHIỆM VỤ CHUNG" groups the numbered tasks under it
        return _Marker("group", m.group("num"), m.group("rest"))
    m = _BULLET.match(text)
    if (m and not re.match(r"^[-–]\s*\d", text[:3])) or (m and text[1:2] == " "):
        mark = m.group("mark")
        mark = "-" if mark in "-–—" else mark
        return _Marker(f"bullet:{mark}", mark, m.group("rest"))
    return _Marker("", "", text)


@dataclass
class ImportNotes:
    unplaced: list[str] = field(default_factory=list)  # lines kept in a note, listed in the summary
    found: list[str] = field(default_factory=list)


def _strip_bullet(text: str) -> str:
    return re.sub(r"^[-–—•+*]\s*", "", text).strip()


def _field_value(text: str) -> str:
    return text.strip().rstrip(" .;").strip()


@dataclass
class _Node:
    task: Task
    style: str
    field_marker: str | None = None
    unit_lines: list[str] = field(default_factory=list)
    unit_sentence: bool = False
    labels: dict[str, str] = field(default_factory=dict)
    sentence_time: str | None = None  # "... thực hiện trong tháng 10/2026" in a unit sentence


@dataclass
class _Pending:
    line: str
    marker: _Marker
    parent: _Node | None
    sublines: list[str] = field(default_factory=list)
    home: _Node | None = None  # where its lines go if it turns out not to be a task


class _TaskBuilder:
    def __init__(self, catalog: UnitCatalog, notes: ImportNotes, section_title: str) -> None:
        self.catalog = catalog
        self.notes = notes
        self.section_title = section_title
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.pending: _Pending | None = None
        self.open_field: tuple[str, _Node] | None = None
        self.all_nodes: list[_Node] = []
        self.intro: list[str] = []
        self.parent_of: dict[int, _Node | None] = {}

    # the tree
    def _add(self, marker: _Marker, title: str, parent: _Node | None) -> _Node:
        node = _Node(Task(title=title, number=marker.number), marker.style)
        self.parent_of[id(node)] = parent
        if parent is None:
            self.roots.append(node)
            self.stack = [node]
        else:
            parent.task.children.append(node.task)
            self.stack = [*self._path(parent), node]
        self.all_nodes.append(node)
        return node

    def _path(self, node: _Node | None) -> list[_Node]:
        """The open tasks from the root down to ``node``."""
        path: list[_Node] = []
        while node is not None:
            path.insert(0, node)
            node = self.parent_of.get(id(node))
        return path

    def _deepest(self) -> _Node | None:
        return self.stack[-1] if self.stack else None

    def _content(self, text: str) -> None:
        node = self._deepest()
        if node is None:
            self.intro.append(text)
        else:
            node.task.content.append(text)

    def _resolve_pending_as_content(self) -> None:
        if self.pending is None:
            return
        p, self.pending = self.pending, None
        target = p.parent or p.home
        if p.parent is None and p.home is not None and not self.stack:
            self.stack = self._path(p.home)  # not a task after all: go on where we were
        lines = [p.line, *p.sublines]
        if target is None:
            self.intro.extend(lines)
        else:
            target.task.content.extend(lines)

    def _confirm_pending(self) -> _Node:
        p = self.pending
        assert p is not None
        self.pending = None
        node = self._add(p.marker, p.marker.rest, p.parent)
        node.task.content.extend(p.sublines)
        return node

    def feed(self, line: _Line) -> None:
        text = line.text
        marker = classify(text)
        if not marker.style or marker.style.startswith("bullet"):
            several = split_fields(marker.rest)
            if several:
                prefix = f"{marker.number} " if marker.style else ""
                for piece in several:
                    self.feed(_Line(prefix + piece, line.bold, line.italic, line.align, line.table, line.col,
                                    line.row))
                return
        fld = match_field(marker.rest if marker.style else text, self.catalog)
        if fld is not None and fld.label is None and marker.style and not marker.style.startswith("bullet"):
            fld = None  # "1. Phòng X chủ trì ..." / "a) Giao ..." is a numbered task, not a field line
        if fld is not None and marker.style in ("decimal", "nested2", "nested3") and fld.name in (
                "content", "notes"):
            fld = None
        if fld is not None:
            self._field(line, marker, fld)
            return
        if marker.style in ("decimal", "letter", "group") or marker.style.startswith("nested"):
            self.open_field = None
            self._resolve_pending_as_content()
            title, tail = self._split_title(marker.rest)
            self._numbered(_Marker(marker.style, marker.number, title))
            if tail:  # the task's assignment written in its own paragraph: read as the line after it
                self.feed(_Line(tail, line.bold, line.italic, line.align, line.table, line.col, line.row))
            return
        if self.open_field is not None:
            self._open_field_line(text, marker)
            return
        if marker.style.startswith("bullet"):
            if self.pending is not None:
                if marker.style != self.pending.marker.style and self.pending.marker.style == "bullet:-":
                    self.pending.sublines.append(text)
                    return
                self._resolve_pending_as_content()
            deepest = self._deepest()
            while deepest is not None and deepest.style == marker.style:
                self.stack.pop()
                deepest = self._deepest()
            self.pending = _Pending(text, marker, deepest)
            return
        # a paragraph without number
        if self.pending is not None:
            if self.pending.marker.style == "bold" and not line.bold:
                self.pending.sublines.append(text)
                return
            self._resolve_pending_as_content()
        if line.bold and len(text) < 400 and (not self.stack or self.stack[0].style == "bold"):
            # tasks written as bold paragraphs without numbers, each followed by its field lines
            home = self._deepest()
            self.stack = []
            self.pending = _Pending(text, _Marker("bold", "", text), None, home=home)
            return
        self._content(text)

    def _split_title(self, text: str) -> tuple[str, str | None]:
        """A task's title and the assignment written after it in the same paragraph, if any.

        "Tuyên truyền …. Giao Phòng X chủ trì, phối hợp với Y; thời gian: …", "Phát động ….
        Đơn vị chủ trì: X; đơn vị phối hợp: Y", "Kiểm tra … (Chủ trì: X; phối hợp: Y; thời gian: Z)."
        """
        for m in _TAIL_START.finditer(text):
            if m.start() < 15:
                continue
            tail = text[m.end():]
            if m.group(0).strip().startswith("("):
                if not tail.rstrip(" .").endswith(")"):
                    continue
                tail = tail.rstrip(" .")[:-1]
            fld = match_field(tail, self.catalog)
            if fld is None or fld.name not in ("lead", "coordinators", "time", "product") or not fld.value:
                continue
            if fld.label is None and not (_SENTENCE_TAIL.match(tail) or lead_clause(tail, self.catalog)):
                continue
            return text[:m.start() + 1].rstrip(" (") if text[m.start()] == "." else text[:m.start()].rstrip(), tail
        return text, None

    def _numbered(self, marker: _Marker) -> None:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].style == marker.style:
                parent = self.stack[k - 1] if k > 0 else None
                self.stack = self.stack[:k]
                self._add(marker, marker.rest, parent)
                return
        # nested numbers know their parent: "2.1" goes under "2"
        if marker.style.startswith("nested"):
            prefix = marker.number.rsplit(".", 1)[0]
            for k in range(len(self.stack) - 1, -1, -1):
                if self.stack[k].task.number == prefix:
                    self.stack = self.stack[: k + 1]
                    self._add(marker, marker.rest, self.stack[k])
                    return
        self._add(marker, marker.rest, self._deepest())

    def _field(self, line: _Line, marker: _Marker, fld: Field) -> None:
        self.open_field = None
        if self.pending is not None:
            p = self.pending
            if marker.style and marker.style != p.marker.style and not marker.style == "letter":
                self._confirm_pending()
            elif not marker.style and p.marker.style.startswith("bullet") and p.parent is None:
                self._confirm_pending()  # "- Tổ chức tiêm chủng …" then "Đơn vị chủ trì: …": the dash item is a task
            elif p.marker.style == "bold":
                self._confirm_pending()
            else:
                self._resolve_pending_as_content()
        target = self._deepest()
        if target is not None and marker.style.startswith("bullet") and target.style == marker.style \
                and len(self.stack) > 1:
            self.stack.pop()
            target = self._deepest()
        if target is None:
            self.intro.append(line.text)
            return
        field_marker = marker.number if marker.style.startswith("bullet") else ""
        if not field_marker and target.field_marker and target.style.startswith("bullet"):
            # "Kết quả/sản phẩm: …" without the "+" of the "- " sub-items' own lines, after them: the task's
            for node in reversed(self.stack[:-1]):
                if node.field_marker in (None, ""):
                    target = node
                    break
        if fld.name == "content":
            target.task.content.append(line.text)
            if fld.value is None:
                self.open_field = ("content", target)
            return
        if fld.name == "notes":
            target.task.notes = _field_value(fld.value or "") or None
            return
        if target.field_marker is None:
            target.field_marker = field_marker
        verbatim = line.text if marker.style == "letter" or not marker.style else marker.rest
        if fld.label is not None:
            own = fld.label[:1].upper() + fld.label[1:]  # "…; thời gian: …" inside a line starts a line when printed
            label = f"{marker.number}) {own}" if marker.style == "letter" else own
            target.labels.setdefault(fld.name, label)
        if fld.name in ("lead", "coordinators") and fld.value and ";" in fld.value:
            # "các phòng chuyên môn; hoàn thành trong tháng 8/2026": a time among the units
            parts = re.split(r"\s*;\s*", fld.value.strip().rstrip("."))
            times = [p for p in parts if _TIME_PART.match(p)]
            if times and len(times) < len(parts):
                if not target.task.time:
                    target.task.time = times[0][0].upper() + times[0][1:]
                fld = Field(fld.name, fld.label, "; ".join(p for p in parts if p not in times))
        if fld.name in ("lead", "coordinators") and fld.label is None and fld.value:
            # a sentence of assignment may end with the task's time and product: the tracker takes them,
            # and the sentence still prints as written (they are not printed again as lines of their own)
            head, trailing = split_trailing_fields(fld.value)
            if trailing:
                fld = Field(fld.name, None, head)
                said = [n for n in target.labels.get(IN_SENTENCE, "").split(",") if n]
                for name, value in trailing.items():
                    if not getattr(target.task, name):
                        setattr(target.task, name, value)
                        said.append(name)
                if said:
                    target.labels[IN_SENTENCE] = ",".join(said)
        if fld.name in ("lead", "coordinators"):
            target.unit_lines.append(verbatim)
            if fld.value is None:
                self.open_field = (fld.name, target)
                target.unit_sentence = True
                return
            self._units(target, fld.name, fld.value, fld.label is None)
            return
        if fld.value is None:
            self.open_field = (fld.name, target)
            return
        value = _field_value(fld.value)
        if fld.name == "time":
            target.task.time = f"{target.task.time}; {value}" if target.task.time else value
        else:
            target.task.product = f"{target.task.product}; {value}" if target.task.product else value

    def _units(self, node: _Node, name: str, value: str, sentence: bool) -> None:
        m = _TIME_IN_SENTENCE.search(value)
        if m and node.sentence_time is None:
            node.sentence_time = _field_value(m.group("time"))
        if name == "lead":
            a = split_assignment(value, self.catalog)
            node.task.lead.extend(a.lead)
            node.task.coordinators.extend(a.coordinators)
            node.unit_sentence = node.unit_sentence or a.sentence or sentence
        else:
            text = re.sub(r"^(?:với|cùng)\s+", "", value.strip())
            units, used_and = split_units(text, self.catalog)
            node.task.coordinators.extend(units)
            node.unit_sentence = node.unit_sentence or used_and

    def _open_field_line(self, text: str, marker: _Marker) -> None:
        assert self.open_field is not None
        name, node = self.open_field
        if name == "content":
            node.task.content.append(text)
            return
        if name in ("lead", "coordinators"):
            node.unit_lines.append(text)
            unit = unit_of_sentence(marker.rest if marker.style else text, self.catalog)
            if unit:
                (node.task.lead if name == "lead" else node.task.coordinators).append(unit)
            else:
                self.notes.unplaced.append(f"Nhiệm vụ {node.task.number}: không rõ đơn vị trong “{text}”")
            return
        value = _field_value(marker.rest if marker.style else text)
        if name == "time":
            node.task.time = f"{node.task.time}; {value}" if node.task.time else value
        elif name == "product":
            node.task.product = f"{node.task.product}; {value}" if node.task.product else value

    def finish(self) -> list[Task]:
        if self.pending is not None:
            self._resolve_pending_as_content()
        children_of: dict[int, list[_Node]] = {}
        for node in self.all_nodes:
            children_of.setdefault(id(self.parent_of.get(id(node))), []).append(node)
        for node in list(self.all_nodes):
            self._fold_listed_items(node, children_of.get(id(node), []))
        for node in self.all_nodes:
            if not node.task.lead and not node.unit_lines:
                self._units_from_content(node)
        for node in self.all_nodes:
            t = node.task
            if not t.time and node.sentence_time:
                t.time = node.sentence_time[0].upper() + node.sentence_time[1:]
                self.notes.found.append(f"nhiệm vụ {t.number}: thời gian “{t.time}” lấy từ câu giao nhiệm vụ")
            written = (list(t.lead), list(t.coordinators))
            t.lead = _dedupe(self.catalog.canonical_list(t.lead))
            t.coordinators = _dedupe(self.catalog.canonical_list(t.coordinators))
            # the lines print as written: kept verbatim when they are sentences, or when the catalog spells
            # a unit otherwise ("Văn phòng HĐND và UBND xã" is the catalog's "Văn phòng HĐND và UBND")
            if node.unit_sentence or (node.unit_lines and written != (t.lead, t.coordinators)):
                t.assignment = list(node.unit_lines)
            t.labels = dict(node.labels)
            if node.field_marker not in (None, "-"):
                t.labels["marker"] = node.field_marker or ""
        return [n.task for n in self.roots]


    def _fold_listed_items(self, node: _Node, children: list[_Node]) -> None:
        """"1. X / a) ... / b) ... / - Cơ quan chủ trì: ..." : the fields after the last item are the task's own.

        When only the last of several lettered (or bulleted) items has field lines, and the
        earlier ones have none, the items enumerate the task's content: they go back into
        it and the fields to the task.
        """
        if len(children) < 2 or _has_fields(node) or any(c.task.children for c in children):
            return
        if not all(c.style == "letter" or c.style.startswith("bullet") for c in children):
            return
        *first, last = children
        if any(_has_fields(c) for c in first) or not _has_fields(last):
            return
        for child in children:
            mark = f"{child.task.number})" if child.style == "letter" else child.task.number
            node.task.content.append(f"{mark} {child.task.title}")
            node.task.content.extend(child.task.content)
        t, lt = node.task, last.task
        t.lead, t.coordinators, t.time, t.product, t.notes = lt.lead, lt.coordinators, lt.time, lt.product, lt.notes
        node.unit_lines, node.unit_sentence = last.unit_lines, last.unit_sentence
        node.labels, node.field_marker, node.sentence_time = last.labels, last.field_marker, last.sentence_time
        t.children = []
        for child in children:
            self.all_nodes.remove(child)
        self.notes.found.append(f"nhiệm vụ {t.number}: các mục {', '.join(c.task.number for c in children)} là "
                                "nội dung; đơn vị và thời gian sau mục cuối thuộc nhiệm vụ")

    def _units_from_content(self, node: _Node) -> None:
        """Units split per sub-area inside the task: "- Dữ liệu dân cư: Công an phường chủ trì, phối hợp ..."."""
        kept: list[str] = []
        moved: list[str] = []
        for line in node.task.content:
            text = _strip_bullet(line)
            head, sep, tail = text.partition(":")
            sentence = tail.strip() if sep and len(head) <= 60 else text
            m = re.match(r"^(?P<unit>.{3,80}?)\s+chủ trì\b", sentence)
            if m and not re.search(r"\b(?:chủ trì|phối hợp)\b", m.group("unit")):
                a = split_assignment(sentence, self.catalog)
                if a.lead:
                    node.task.lead.extend(a.lead)
                    node.task.coordinators.extend(a.coordinators)
                    moved.append(line)
                    continue
            kept.append(line)
        if moved:
            node.task.content = kept
            node.unit_lines = [_strip_bullet(x) if x.startswith(("- ", "+ ")) else x for x in moved]
            node.unit_sentence = True
            self.notes.found.append(f"nhiệm vụ {node.task.number}: đơn vị lấy từ câu “… chủ trì …” trong nội dung")


def _has_fields(node: _Node) -> bool:
    t = node.task
    return bool(t.lead or t.coordinators or t.time or t.product or node.unit_lines)


def _title_key(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", quick_fold(title[:120])).strip()[:80]


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
