"""Blocks -> Plan: the anatomy of a Kế hoạch (DOMAIN.md §2-§4) recognised in document order.

Rules are those of the genre, not of one commune: header lines by their patterns
(Số:, "…, ngày … tháng … năm …", upper-case agency lines), Roman-numeral sections
whatever their titles, the task tree from its numbering, field lines in any of the
label wordings, units in sentences, the closing (``./.``), Nơi nhận and the
signature. Anything that fits nowhere is kept in ``plan.extra["import_notes"]``
(or as content of the nearest task) and reported, never dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..domain.plan import (
    DEFAULT_LABELS,
    FIELDS,
    Appendix,
    PartialDate,
    Plan,
    Section,
    Signature,
    Task,
    TextItem,
    TextTable,
)
from ..domain.text import clean_line, fold
from ..domain.units import UnitCatalog
from ..errors import InvalidInput
from .assign import match_label, quick_fold
from .blocks import Source, Table
from .phuluc import appendix_label, is_attached_line, read_task_table, text_table
from .tasktree import ImportNotes, _Line, _Marker, _TaskBuilder, _title_key, classify

_TABLE_MARK = "\ue000task-table"


@dataclass
class _Part:
    """One phụ lục after the signature: lines ``start``..``end`` and the task tables standing there."""

    start: int
    end: int
    tables: list[int] = field(default_factory=list)  # indexes into Recogniser.task_tables
    label: str = ""
    heading: list[str] = field(default_factory=list)
    attached: str = ""
    content: list[tuple[str, Any]] = field(default_factory=list)  # ("line", _Line) / ("table", TextTable) / ("tasks", k)
    landscape: bool | None = None  # the source's page, where the file says it
  # stands in the line list where a task table was
_ROMAN_HEAD = re.compile(
    r"^(?:(?:PHẦN|Phần|MỤC|Mục)\s+)?(?P<num>X{0,3}(?:IX|IV|V?I{0,3}))\s*[.:)\-–]\s*(?P<title>\S.*)$")
_RULE = re.compile(r"^[\s_\-–—=.*~]{3,}$")
_SO = re.compile(r"^Số\s*[:.]?\s*(?P<num>[\d.…\s]*?)\s*/\s*(?P<sym>\S+)", re.IGNORECASE)
_DATE = re.compile(
    r"^(?P<place>[^,\d][^,]{0,60}?)\s*,\s*ngày\b\s*(?P<d>\d{1,2})?[\s.…_]*tháng\s*(?P<m>\d{1,2})?[\s.…_]*"
    r"năm\s*(?P<y>\d{4})?", re.IGNORECASE)
_DATE_SLASH = re.compile(
    r"^(?P<place>[^,\d][^,]{0,60}?)\s*,\s*ngày\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})",
    re.IGNORECASE)
_HEADER_ANCHORS = re.compile(r"\s+(?=CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]|ĐỘC LẬP\s*[-–])")
_SIGN_TITLE = re.compile(r"^(TM|KT|Q|TL|TUQ)\s*\.\s*\S")
_SIGN_WORDS = ("chu tich", "pho chu tich", "giam doc", "truong phong", "pho truong phong", "bi thu")
_TASK_TITLES = ("noi dung", "nhiem vu", "giai phap", "cac hoat dong", "hoat dong")
# Titles of text sections; the first three never hold the task tree, whatever their lines look like.
_TEXT_TITLES = ("muc dich", "yeu cau", "kinh phi", "nguon kinh phi", "to chuc thuc hien", "che do bao cao",
                "tinh hinh", "can cu", "dieu khoan", "ket qua dat duoc")
_NEVER_TASKS = ("muc dich", "yeu cau", "kinh phi", "nguon kinh phi")


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# --- text sections --------------------------------------------------------------------------

def _text_items(lines: list[_Line], formatted: bool) -> list[TextItem]:
    items: list[TextItem] = []
    for line in lines:
        marker = classify(line.text)
        if marker.style in ("decimal", "nested2") and _is_item_heading(line, marker, formatted):
            items.append(TextItem(heading=marker.rest.rstrip(" :"), paragraphs=[]))
        elif marker.style == "decimal" or (marker.style == "nested2" and not items):
            items.append(TextItem(heading=None, paragraphs=[line.text]))
        elif items:
            items[-1].paragraphs.append(line.text)
        else:
            items.append(TextItem(heading=None, paragraphs=[line.text]))
    return items


def _is_item_heading(line: _Line, marker: _Marker, formatted: bool) -> bool:
    rest = marker.rest
    if len(rest) > 120 or (rest.endswith((".", ";")) and len(rest) > 60):
        return False
    if formatted:
        return line.bold
    return len(rest) <= 80 and not rest.endswith((".", ";"))


# --- the whole plan ---------------------------------------------------------------------------

class Recogniser:
    def __init__(self, source: Source, catalog: UnitCatalog) -> None:
        self.source = source
        self.catalog = catalog
        self.notes = ImportNotes()
        self.tables: list[Table] = []
        self.task_tables: list[tuple[int, Table, list[Task], str]] = []  # (line index, table, tasks, title)
        self.task_columns: list[list[tuple[str, str]]] = []  # each task table's columns, as headed
        self.task_above: list[list[str]] = []  # each task table's rows above its headings, as written
        self.tables_by_index: dict[int, Table] = {}  # the other tables, by Table.index
        self.appendix_tables: set[int] = set()  # task tables standing in a phụ lục
        self.section_title: Callable[[str], str | None] = _roman  # how the parts are headed in this plan
        self.table_at: dict[int, int] = {}  # task table -> index of the line that followed it
        self.section_at: list[tuple[int, Section]] = []  # (index of the heading line, section)
        self.section_end = 0
        self.appendix_found: list[str] = []  # one line per phụ lục, for the summary

    def _flatten(self) -> list[_Line]:
        lines: list[_Line] = []
        for item in self.source.items:
            if isinstance(item, Table):
                read = read_task_table(item, self.catalog)
                if read is not None:
                    self.task_tables.append((len(lines), item, read.tasks, ""))
                    self.task_columns.append(read.columns)
                    self.task_above.append(read.above)
                    self.notes.unplaced.extend(f"Bảng nhiệm vụ: dòng không có tên nhiệm vụ “{row}”"
                                               for row in read.unplaced)
                    lines.append(_Line(_TABLE_MARK, table=-1, col=len(self.task_tables) - 1))
                    continue
                self.tables_by_index[item.index] = item
                for row in item.rows:
                    for cell in row:
                        lines.extend(_Line.of(b) for b in cell)
            else:
                lines.append(_Line.of(item))
        out: list[_Line] = []
        for line in lines:
            if line.text == _TABLE_MARK:  # where a task table stood: the section it belongs to
                self.table_at[line.col or 0] = len(out)
                continue
            text = line.text.strip()
            if not text or _RULE.match(text):
                continue
            line.text = text
            # a paragraph cut in two by a page break: the second half starts in lower case
            if out and _continues(out[-1], line):
                out[-1].text = f"{out[-1].text} {text}"
                continue
            out.append(line)
        return out

    def run(self) -> Plan:
        lines = self._flatten()
        plan = Plan(title="")
        kh = next((i for i, ln in enumerate(lines[:80]) if _is_doc_type(ln.text)), None)
        title_head = None
        if kh is None:
            # "KẾ HOẠCH TRIỂN KHAI ..." on one line: the doc type and the trích yếu together
            kh = next((i for i, ln in enumerate(lines[:80]) if quick_fold(ln.text[:12]).startswith("ke hoach ")
                       and ln.text[:8].isupper()), None)
            if kh is not None:
                title_head = lines[kh].text[len("KẾ HOẠCH"):].strip(" :-")
        # the parts: "I. MỤC ĐÍCH…", else "1. MỤC ĐÍCH…", else "MỤC ĐÍCH…" alone (heading styles unnumbered)
        for finder in (_roman, _numbered_caps_section, _bare_caps_section):
            first_section = next((i for i, ln in enumerate(lines) if finder(ln.text)), None)
            if first_section is not None:
                self.section_title = finder
                break
        body_end = self._body_end(lines, first_section or 0)

        # header and title
        if kh is not None:
            self._header(plan, lines[:kh])
            plan.doc_type = _DOC_TYPES.get(quick_fold(lines[kh].text).replace(" ", "").rstrip(":."), "KẾ HOẠCH")
            pos = self._title(plan, lines, kh + 1, first_section if first_section is not None else body_end)
            if title_head:
                plan.title = clean_line(f"{title_head} {plan.title}")
            if not plan.title:
                self.notes.found.append("không thấy trích yếu sau “KẾ HOẠCH”")
        else:
            pos = self._header_without_doc_type(plan, lines, first_section if first_section is not None
                                                else body_end)
        intro_end = first_section if first_section is not None else body_end
        bare_tasks = None
        if first_section is None:
            # no I., II. at all: a short plan that lists its tasks right after the preamble
            bare_tasks = next((i for i in range(pos, body_end) if classify(lines[i].text).style == "decimal"
                               and sum(1 for ln in lines[i:body_end] if _has_field(ln.text)) >= 2), None)
            if bare_tasks is not None:
                intro_end = bare_tasks
        self._bases_preamble(plan, lines[pos:intro_end])

        # sections
        closing_start = self._closing_start(lines, intro_end, body_end)
        if first_section is not None:
            self._sections(plan, lines[first_section:closing_start], first_section, closing_start)
        elif bare_tasks is not None:
            builder = _TaskBuilder(self.catalog, self.notes, "NỘI DUNG")
            for ln in lines[bare_tasks:closing_start]:
                builder.feed(ln)
            plan.sections.append(Section(title="NỘI DUNG", kind="tasks", tasks=builder.finish()))
            self.notes.found.append("văn bản không chia mục I, II...: các nhiệm vụ được xếp vào mục “NỘI DUNG”")
        plan.closing = [ln.text for ln in lines[closing_start:body_end]]
        appendix_start = self._appendix_start(lines, body_end)
        # a phụ lục typed before Nơi nhận and the signature (the body ended at its label): it ends there
        sign_at = next((i for i in range(appendix_start + 1, len(lines)) if appendix_start == body_end and (
            quick_fold(lines[i].text[:10]).startswith("noi nhan") or _SIGN_TITLE.match(lines[i].text))), None)
        if sign_at is None:
            self._signature(plan, lines[body_end:appendix_start])
            parts = self._appendix_parts(lines, appendix_start, body_end)
        else:
            self._signature(plan, lines[sign_at:])
            parts = self._appendix_parts(lines[:sign_at], appendix_start, body_end)
        self._attach_table_tasks(plan)
        for part in parts:
            self._appendix(plan, part)
        self._labels(plan)
        if not any(True for _ in plan.walk_tasks()):
            raise InvalidInput(
                "Không tìm thấy nhiệm vụ nào trong tệp: không có mục “II. NỘI DUNG/NHIỆM VỤ” đánh số "
                "và cũng không có bảng phụ lục nhiệm vụ. Tệp này có phải là một Kế hoạch không?")
        self.notes.unplaced.extend(f"Chú thích cuối trang: “{text}”" for text in self.source.footnotes)
        if self.notes.unplaced:
            plan.extra["import_notes"] = list(self.notes.unplaced)
        return plan

    # header ---------------------------------------------------------------------------------
    def _header(self, plan: Plan, lines: list[_Line]) -> None:
        issuer_col = None
        for ln in lines:
            if _SO.match(ln.text) and ln.table is not None:
                issuer_col = ln.col
        pieces: list[tuple[_Line, str]] = []
        for ln in lines:
            # a header typed with tabs instead of a table: "ỦY BAN NHÂN DÂN  CỘNG HÒA XÃ HỘI ..."
            for part in _HEADER_ANCHORS.split(ln.text):
                m = _SO.match(part.strip())
                if m and m.end() < len(part.strip()):
                    pieces += [(ln, part.strip()[: m.end()]), (ln, part.strip()[m.end():].strip(" ,;"))]
                elif part.strip():
                    pieces.append((ln, part.strip()))
        for ln, text in pieces:
            m = _SO.match(text)
            if m:
                num = re.sub(r"[\s.…]", "", m.group("num"))
                plan.number = num or None
                plan.symbol = m.group("sym").rstrip(".,;")
                continue
            if self._date_line(plan, text):
                continue
            f = quick_fold(text[:40])
            if f.startswith("cong hoa xa hoi chu nghia") or f.startswith("doc lap") or f == "du thao":
                if f == "du thao":
                    self.notes.unplaced.append(f"Đầu văn bản: “{text}” (dấu dự thảo, không lưu)")
                continue
            if _is_upper(text) and (issuer_col is None or ln.col == issuer_col):
                plan.issuer.append(text)
                continue
            self.notes.unplaced.append(f"Đầu văn bản: “{text}”")

    def _date_line(self, plan: Plan, text: str) -> bool:
        m = _DATE.match(text) or _DATE_SLASH.match(text)
        if not m:
            return False
        plan.place = clean_line(m.group("place"))
        y, mo, d = m.group("y"), m.group("m"), m.group("d")
        if y:
            try:
                plan.date = PartialDate(int(y), int(mo) if mo else None, int(d) if (d and mo) else None)
            except InvalidInput:
                self.notes.unplaced.append(f"Ngày không hợp lệ, để trống: “{text}”")
        return True

    def _header_without_doc_type(self, plan: Plan, lines: list[_Line], end: int) -> int:
        pos = 0
        header: list[_Line] = []
        while pos < end:
            t = lines[pos].text
            f = quick_fold(t[:40])
            if _SO.match(t) or _DATE.match(t) or f.startswith(("cong hoa xa hoi", "doc lap")) or \
                    (_is_upper(t) and len(t) < 60):
                header.append(lines[pos])
                pos += 1
                continue
            break
        self._header(plan, header)
        return pos

    def _title(self, plan: Plan, lines: list[_Line], start: int, end: int) -> int:
        parts: list[str] = []
        pos = start
        formatted = self.source.formatted
        while pos < end and len(parts) < 6:
            ln = lines[pos]
            f = quick_fold(ln.text[:40])
            if f.startswith(("can cu", "kinh gui")) or _roman(ln.text):
                break
            # "Thực hiện ..." opens the preamble, but a trích yếu may begin with it too
            # ("Thực hiện Luật Trí tuệ nhân tạo năm 2026"): right after KẾ HOẠCH, a line with no
            # closing punctuation is the trích yếu.
            if f.startswith("thuc hien ") and (parts or ln.text.endswith((";", ":", ".")) or len(ln.text) > 300):
                break
            if formatted:
                if not (ln.bold or ln.align == "center") or (ln.italic and not ln.bold):
                    break
            elif parts and (ln.text.endswith((";", ":", ".")) or len(ln.text) > 300):
                break
            elif not parts and ln.text.endswith((";", ":")):
                break
            parts.append(ln.text)
            pos += 1
        if not parts and formatted and start < end:
            # an unformatted trích yếu in a formatted file: the first line that reads like one
            ln = lines[start]
            if not quick_fold(ln.text[:20]).startswith(("can cu", "thuc hien ")) and not _roman(ln.text) \
                    and not ln.text.endswith((";", ":", ".")) and len(ln.text) < 300:
                parts, pos = [ln.text], start + 1
        plan.title = clean_line(" ".join(parts))
        return pos

    def _bases_preamble(self, plan: Plan, lines: list[_Line]) -> None:
        in_bases = True
        for ln in lines:
            if quick_fold(ln.text[:20]).startswith("kinh gui"):
                self.notes.unplaced.append(f"“{ln.text}” (kế hoạch không có Kính gửi)")
                continue
            if in_bases and quick_fold(ln.text[:20]).startswith("can cu"):
                plan.bases.append(ln.text)
                continue
            in_bases = False
            plan.preamble.append(ln.text)

    # body -----------------------------------------------------------------------------------
    def _body_end(self, lines: list[_Line], start: int) -> int:
        for i in range(start, len(lines)):
            f = quick_fold(lines[i].text[:40])
            if f.startswith("noi nhan") or _SIGN_TITLE.match(lines[i].text) or \
                    (f.startswith("phu luc") and _is_upper(lines[i].text)):
                return i
        # no Nơi nhận: the signature block is the trailing upper-case lines and the name
        i = len(lines)
        while i > start and (_is_upper(lines[i - 1].text) and fold(lines[i - 1].text).endswith(_SIGN_WORDS)):
            i -= 1
        return i

    def _closing_start(self, lines: list[_Line], start: int, end: int) -> int:
        for i in range(end - 1, start - 1, -1):
            text = lines[i].text
            f = quick_fold(text[:40])
            if f.startswith("tren day la"):
                return i
            if _roman(text):
                break
        for i in range(end - 1, start - 1, -1):
            text = lines[i].text
            if text.rstrip().endswith(("./.", "/.")):
                if classify(text).style or _roman(text):
                    return end
                return i
            if _roman(text) or classify(text).style:
                break
        return end

    def _sections(self, plan: Plan, lines: list[_Line], start: int, end: int) -> None:
        chunks: list[tuple[str, list[_Line]]] = []
        heading_at: list[int] = []
        for k, ln in enumerate(lines):
            title = self.section_title(ln.text)
            if title:
                chunks.append((title, []))
                heading_at.append(start + k)
            elif chunks:
                chunks[-1][1].append(ln)
        kinds = [self._kind(title, body) for title, body in chunks]
        bounds = [*heading_at[1:], end]
        holding = {i for i in range(len(chunks)) for pos in self.table_at.values() if heading_at[i] < pos <= bounds[i]}
        for i in holding:  # a task table inside a section makes it the tasks section
            if not quick_fold(chunks[i][0]).startswith(_NEVER_TASKS):
                kinds[i] = "tasks"
        for i, (title, body) in enumerate(chunks):
            # whatever its title, a section whose items carry units and deadlines holds tasks
            if kinds[i] == "text" and not quick_fold(title).startswith(_NEVER_TASKS) and \
                    sum(1 for ln in body if _has_field(ln.text)) >= 2:
                kinds[i] = "tasks"
        for (title, body), kind in zip(chunks, kinds, strict=True):
            if kind == "tasks":
                builder = _TaskBuilder(self.catalog, self.notes, title)
                for ln in body:
                    builder.feed(ln)
                tasks = builder.finish()
                # "Các nhiệm vụ cụ thể như sau:" — kept as the section's opening paragraphs
                intro = [TextItem(None, list(builder.intro))] if builder.intro else []
                section = Section(title=title, kind="tasks", items=intro, tasks=tasks)
            else:
                section = Section(title=title, kind="text", items=_text_items(body, self.source.formatted))
            plan.sections.append(section)
        self.section_at = list(zip(heading_at, plan.sections[-len(chunks):] if chunks else [], strict=True))
        self.section_end = end

    def _kind(self, title: str, body: list[_Line]) -> str:
        f = fold(title)
        if any(f.startswith(t) for t in _TEXT_TITLES):
            return "text"
        if any(t in f for t in _TASK_TITLES):
            return "tasks"
        return "text"

    # signature -----------------------------------------------------------------------------
    def _signature(self, plan: Plan, lines: list[_Line]) -> None:
        mode = None
        recipient_col = None
        recipients_seen = False
        sign_lines: list[str] = []
        names: list[str] = []
        for ln in lines:
            text = ln.text
            f = quick_fold(text[:40])
            if f.startswith("noi nhan"):
                mode = "recipients"
                recipients_seen = True
                recipient_col = ln.col
                rest = text.split(":", 1)[1].strip() if ":" in text else ""
                if rest:
                    plan.recipients.append(_recipient(rest))
                continue
            if f.startswith("phu luc") and _is_upper(text):
                mode = "appendix"
            if mode == "appendix":
                self.notes.unplaced.append(f"Phụ lục: “{text}”")
                continue
            seen = recipients_seen
            in_recipient_cell = recipient_col is not None and ln.table is not None and ln.col == recipient_col
            looks_listed = bool(re.match(r"^[-–+•]\s*\S", text)) or text.endswith(";") or \
                quick_fold(text[:10]).startswith("luu")
            if seen and (in_recipient_cell or (ln.table is None and (looks_listed or (
                    mode == "recipients" and not _SIGN_TITLE.match(text)
                    and not (_is_upper(text) and len(text) < 50))))):
                plan.recipients.append(_recipient(text))
                continue
            if _SIGN_TITLE.match(text) or (_is_upper(text) and len(text) < 60 and not names):
                sign_lines.append(text)
                mode = "signature"
                continue
            if re.fullmatch(r"\(?\s*(đã ký|ký|ký tên|ký, ghi rõ họ tên|ký và đóng dấu|đã ký và đóng dấu)"
                            r"[^)]*\)?", text, re.IGNORECASE):
                continue
            if mode == "signature" and len(text) < 50:
                names.append(text)
                continue
            self.notes.unplaced.append(f"Sau phần ký: “{text}”")
        # the signer is a person's name: two to six words, each starting with a capital
        people = [x for x in names if re.fullmatch(r"(?:[^\W\d_][^\s\d]*\s+){1,5}[^\W\d_][^\s\d]*", x)
                  and all(w[0].isupper() for w in x.split())]
        signer = people[0] if people else (names[-1] if names else "")
        plan.signature = Signature(lines=sign_lines, signer=signer)
        for extra in names:
            if extra != signer:
                self.notes.unplaced.append(f"Khối chữ ký: “{extra}”")
        plan.recipients = [r for r in plan.recipients if r]

    # phụ lục after the signature --------------------------------------------------------------
    def _appendix_start(self, lines: list[_Line], body_end: int) -> int:
        """Where the phụ lục begin: the first "Phụ lục …"/"Biểu …"/"Mẫu …" line, "(Kèm theo …)" line (with
        the title lines above it) or table after the signature block; ``len(lines)`` when there is none."""
        sign_tables = {ln.table for ln in lines[body_end:] if ln.table is not None and (
            quick_fold(ln.text[:10]).startswith("noi nhan") or _SIGN_TITLE.match(ln.text))}
        # a table after the signature, with the title lines above it ("DANH MỤC NHIỆM VỤ" and no label)
        candidates = [self._title_above(lines, pos, body_end) for k in range(len(self.task_tables))
                      if (pos := self.table_at.get(k, -1)) > body_end]
        for i in range(body_end, len(lines)):
            ln = lines[i]
            if ln.table is None and appendix_label(ln.text):
                candidates.append(i)
                break
            if ln.table is None and is_attached_line(ln.text):
                candidates.append(self._title_above(lines, i, body_end))
                break
            if ln.table is not None and ln.table not in sign_tables and ln.table in self.tables_by_index \
                    and i > body_end:
                candidates.append(self._title_above(lines, i, body_end))
                break
        return min(candidates, default=len(lines))

    @staticmethod
    def _title_above(lines: list[_Line], i: int, floor: int) -> int:
        """The first of the title lines above a "(Kèm theo …)" line ("DANH MỤC NHIỆM VỤ …")."""
        j = i
        while j > floor and i - j < 4:
            prev = lines[j - 1]
            if prev.table is not None or _SIGN_TITLE.match(prev.text) or len(prev.text) > 250 or \
                    _roman(prev.text) or classify(prev.text).style or \
                    not (_is_upper(prev.text) or prev.bold) or fold(prev.text).endswith(_SIGN_WORDS):
                break
            j -= 1
            if appendix_label(prev.text):
                break
        return j

    def _appendix_parts(self, lines: list[_Line], start: int, body_end: int) -> list[_Part]:
        """The phụ lục after the signature, each from its label (or title and Kèm theo line) to the next."""
        tables = {k: pos for k in range(len(self.task_tables))
                  if len(lines) >= (pos := self.table_at.get(k, -1)) >= start and pos > body_end}
        if start >= len(lines) and not tables:
            return []
        bounds = [start]
        for i in range(start + 1, len(lines)):
            ln = lines[i]
            if ln.table is not None:
                continue
            label = appendix_label(ln.text)
            if label and not (i == bounds[-1] + 1 and label[1] and not re.search(r"\d|\s[IVXL]+$", label[0])):
                bounds.append(i)  # not "PHỤ LỤC" then "MẪU BÁO CÁO …": a title line under a label
            elif is_attached_line(ln.text):
                head = lines[bounds[-1]:i]
                if len(head) <= 5 and all(x.table is None and (_is_upper(x.text) or x.bold) for x in head):
                    continue  # the Kèm theo line under this phụ lục's label and title
                bounds.append(self._title_above(lines, i, bounds[-1] + 1))
        parts = [_Part(b, e) for b, e in zip(bounds, [*bounds[1:], len(lines)], strict=True)]
        for k, pos in tables.items():
            home = next((p for p in reversed(parts) if p.start < pos), parts[0])
            home.tables.append(k)
            self.appendix_tables.add(k)
        for part in parts:
            self._read_part(lines, part)
        return parts

    def _read_part(self, lines: list[_Line], part: _Part) -> None:
        j, end = part.start, part.end
        tables_landscape = [self.task_tables[k][1].landscape for k in part.tables]
        part.landscape = next((x for x in [*(ln.landscape for ln in lines[j:end]), *tables_landscape]
                               if x is not None), None)
        if j < end and lines[j].table is None and (label := appendix_label(lines[j].text)):
            part.label = label[0]
            if is_attached_line(label[1]):
                # "PHỤ LỤC 02 (Kèm theo Kế hoạch số …)" on one line, above the title: kept as one label line,
                # printed as written (the title would otherwise come between them)
                part.label = lines[j].text
            elif label[1]:
                part.heading.append(label[1])
            j += 1
        while j < end and lines[j].table is None and not is_attached_line(lines[j].text) and \
                len(part.heading) < 5 and len(lines[j].text) < 250 and self._is_title_line(lines, j, end):
            part.heading.append(lines[j].text)
            j += 1
        if j < end and lines[j].table is None and is_attached_line(lines[j].text):
            part.attached = lines[j].text
            j += 1
            if part.attached.startswith("(") and not part.attached.rstrip(" .").endswith(")") and j < end \
                    and lines[j].table is None and lines[j].text.rstrip(" .").endswith(")"):
                part.attached = f"{part.attached} {lines[j].text}"  # the Kèm theo line wrapped in two
                j += 1
        tables = {self.table_at[k]: k for k in part.tables}
        seen_tables: set[int] = set()
        for i in range(j, end + 1):
            for pos, k in sorted(tables.items()):
                if pos == i or (i == j and pos < j):
                    part.content.append(("tasks", k))
                    tables.pop(pos)
            if i == end:
                break
            ln = lines[i]
            if ln.table is not None and ln.table in self.tables_by_index:
                if ln.table not in seen_tables:
                    seen_tables.add(ln.table)
                    part.content.append(("table", text_table(self.tables_by_index[ln.table])))
                continue
            part.content.append(("line", ln))

    def _is_title_line(self, lines: list[_Line], j: int, end: int) -> bool:
        ln = lines[j]
        if _roman(ln.text) or classify(ln.text).style:
            return False  # "I. KẾT QUẢ …": the outline begins
        if _is_upper(ln.text) or (self.source.formatted and ln.bold and ln.align == "center"):
            return True
        # unformatted text: the lines up to a "(Kèm theo …)" close by are the title
        return any(is_attached_line(x.text) for x in lines[j + 1:min(end, j + 3)] if x.table is None)

    def _appendix(self, plan: Plan, part: _Part) -> None:
        tasks: list[Task] = []
        columns: list[tuple[str, str]] = []
        before: list[TextItem] = []
        after: list[TextItem] = []
        for kind, value in part.content:
            if kind == "tasks":
                _, table, table_tasks_, _ = self.task_tables[value]
                if table_tasks_:
                    # a title row inside the table, above its headings: printed between the title and the table
                    before.extend(TextItem(None, [text]) for text in self.task_above[value] if not tasks)
                    tasks.extend(table_tasks_)
                    columns = columns or self.task_columns[value]
                    continue
                value = text_table(table)  # a form to fill in: a task table without tasks
            target = after if tasks else before
            if isinstance(value, TextTable):
                if not target or target[-1].table is not None:
                    target.append(TextItem(None, []))
                target[-1].table = value
            else:
                self._content_line(target, value)
        label_text = " — ".join(x for x in [part.label, " ".join(part.heading)] if x) or "Phụ lục"
        appendix = Appendix(label=part.label, heading=list(part.heading), attached=part.attached,
                            columns=list(columns),
                            # the source's page where a Word file says it; else landscape for a table
                            # that needs the width (a form's two-column header table does not)
                            landscape=part.landscape if part.landscape is not None else bool(tasks) or any(
                                i.table is not None and max(map(len, i.table.rows), default=0) >= 4
                                for i in before + after))
        title = clean_line(" ".join(part.heading)) or part.label or "PHỤ LỤC"
        if tasks and self._same_as_body(plan, tasks):
            appendix.mirror = True
            section = Section(title=title, kind="tasks", appendix=appendix)
            self.appendix_found.append(f"{label_text}: liệt kê lại các nhiệm vụ của kế hoạch (in lại từ các "
                                       "nhiệm vụ, không nhập thêm)")
        elif tasks:
            section = Section(title=title, kind="tasks", tasks=tasks, appendix=appendix)
            count = sum(1 for t in tasks for _ in t.walk())
            self.appendix_found.append(f"{label_text}: {count} nhiệm vụ, giữ trong phụ lục")
        else:
            section = Section(title=title, kind="text", items=before, appendix=appendix)
            tables = sum(1 for i in before if i.table is not None)
            said = sum(len(i.paragraphs) + bool(i.heading) for i in before)
            self.appendix_found.append(f"{label_text}: " + ", ".join(
                x for x in [f"{said} dòng nội dung" if said else "", f"{tables} bảng" if tables else ""] if x))
        if section.kind == "tasks":
            intro = [p for item in before for p in ([item.heading] if item.heading else []) + item.paragraphs]
            section.items = [TextItem(None, intro)] if intro else []
            for item in before:
                if item.table is not None:  # a table above the task table: printed after it, in a part of its own
                    after.insert(0, TextItem(None, [], item.table))
        plan.sections.append(section)
        if after:  # what follows the task table ("Ghi chú: …"): a continuation with no label of its own
            plan.sections.append(Section(title=f"{title} (tiếp)", kind="text", items=after,
                                         appendix=Appendix(landscape=appendix.landscape)))

    @staticmethod
    def _content_line(items: list[TextItem], ln: _Line) -> None:
        """An outline line of a phụ lục: "I. ĐÁNH GIÁ CHUNG", "1. Công tác chỉ đạo" head an item; the rest
        are its paragraphs, as written."""
        marker = classify(ln.text)
        heading = len(ln.text) <= 160 and (
            (bool(_roman(ln.text)) or marker.style in ("decimal", "nested2", "nested3", "group"))
            and (ln.bold or _is_upper(ln.text) or not ln.text.rstrip().endswith((".", ";"))))
        if heading or (not items and ln.bold):
            items.append(TextItem(ln.text, []))
        elif items and items[-1].table is None:
            items[-1].paragraphs.append(ln.text)
        else:
            items.append(TextItem(None, [ln.text]))

    # phụ lục tables ----------------------------------------------------------------------------
    def _attach_table_tasks(self, plan: Plan) -> None:
        if len(self.appendix_tables) == len(self.task_tables):
            return
        tasks: list[Task] = []
        inside: dict[int, tuple[Section, list[list[Task]]]] = {}  # the tables standing in each task section
        for k, (_, _, table_tasks_, _) in enumerate(self.task_tables):
            if k in self.appendix_tables:
                continue
            home = self._section_of_table(k)
            if home is not None and home.kind == "tasks":  # the table stands inside its section
                inside.setdefault(id(home), (home, []))[1].append(table_tasks_)
                count = sum(1 for t in table_tasks_ for _ in t.walk())
                self.notes.found.append(f"{count} nhiệm vụ lấy từ bảng trong mục {home.title}")
            else:
                tasks.extend(table_tasks_)
        for home, tables in inside.values():
            self._place_table_tasks(home, tables)
        if not tasks or self._same_as_body(plan, tasks):
            return
        target = next((s for s in plan.sections if s.kind == "tasks" and not s.tasks), None)
        if target is None:
            target = next((s for s in plan.sections if s.kind == "text" and
                           any(t in fold(s.title) for t in _TASK_TITLES)), None)
            if target is not None:
                for item in target.items:
                    for p in ([item.heading] if item.heading else []) + item.paragraphs:
                        self.notes.unplaced.append(f"Mục {target.title}: “{p}” (nhiệm vụ lấy từ bảng phụ lục)")
                target.kind, target.items = "tasks", []
        if target is None:
            existing = plan.task_sections()
            target = Section(title="NHIỆM VỤ CỤ THỂ", kind="tasks")
            plan.sections.insert(1 if plan.sections else 0, target)
            if existing:
                self.notes.found.append("bảng phụ lục nhiệm vụ được lưu thành một mục riêng “NHIỆM VỤ CỤ THỂ”")
        target.tasks.extend(tasks)
        count = sum(1 for t in tasks for _ in t.walk())
        self.notes.found.append(f"{count} nhiệm vụ lấy từ bảng phụ lục")

    def _section_of_table(self, k: int) -> Section | None:
        pos = self.table_at.get(k)
        if pos is None or not self.section_at or pos > self.section_end:
            return None
        home = None
        for start, section in self.section_at:
            if start < pos:
                home = section
        return home

    @staticmethod
    def _place_table_tasks(home: Section, tables: list[list[Task]]) -> None:
        """Put the rows of the tables standing in a task section where they belong.

        Rows "2.1", "2.2" go under the text's task "2."; a table whose numbering starts again at
        "1" under each of the text's group headings ("1. Nhóm nhiệm vụ truyền thông", a task with
        no units, time or product of its own), one table per heading, fills that heading.
        """
        groups = [t for t in home.tasks if not (t.lead or t.coordinators or t.time or t.product or t.children)]
        restart = [bool(rows) and rows[0].number in ("1", "a") for rows in tables]
        if groups and len(groups) == len(tables) and all(restart):
            for group, rows in zip(groups, tables, strict=True):
                group.children.extend(rows)
            return
        numbered = {t.number: t for top in home.tasks for t, _ in top.walk() if t.number}
        for rows in tables:
            for row_task in rows:  # rows "2.1", "2.2" under the text's task "2."
                parent = numbered.get(row_task.number.rsplit(".", 1)[0]) if "." in row_task.number else None
                (parent.children if parent is not None else home.tasks).append(row_task)

    def _same_as_body(self, plan: Plan, tasks: list[Task]) -> bool:
        """A phụ lục that lists again the tasks of section II: fill their blanks, do not duplicate them."""
        body = {_title_key(t.title): t for s in plan.body_sections() if s.kind == "tasks"
                for top in s.tasks for t, _ in top.walk()}
        if not body:
            return False
        rows = [t for root in tasks for t, _ in root.walk()]
        pairs = [(row, body.get(_title_key(row.title))) for row in rows]
        matched = [(row, task) for row, task in pairs if task is not None]
        if len(matched) < max(1, 0.6 * len(rows)):
            return False
        filled = 0
        for row, task in matched:
            for name in ("lead", "coordinators"):
                if not getattr(task, name) and getattr(row, name):
                    setattr(task, name, list(getattr(row, name)))
                    filled += 1
            for name in ("time", "product", "notes"):
                if not getattr(task, name) and getattr(row, name):
                    setattr(task, name, getattr(row, name))
                    filled += 1
        self.notes.found.append(
            f"bảng phụ lục liệt kê lại {len(matched)}/{len(rows)} nhiệm vụ của mục nhiệm vụ: không nhập lại"
            + (f", đã bổ sung {filled} ô còn trống" if filled else ""))
        for row, task in pairs:
            if task is None:
                self.notes.unplaced.append(f"Phụ lục: dòng “{row.number} {row.title}” không khớp nhiệm vụ nào")
        return True

    def _labels(self, plan: Plan) -> None:
        counts: dict[str, Counter[str]] = {name: Counter() for name in FIELDS}
        # the plan's wording is that of section II's task lines; a phụ lục's columns keep their own
        body = [t for s in plan.body_sections() if s.kind == "tasks" for top in s.tasks for t, _ in top.walk()]
        for task in body or [t for t, _ in plan.walk_tasks()]:
            for name in FIELDS:
                label = task.labels.get(name)
                if label:
                    counts[name][re.sub(r"^[a-zđ]\s*[).]\s*", "", label)] += 1
        labels = dict(DEFAULT_LABELS)
        for name in FIELDS:
            if counts[name]:
                labels[name] = counts[name].most_common(1)[0][0]
        if counts["lead"] and not counts["coordinators"]:
            word = labels["lead"].split(" ")[0]
            if word in ("Đơn", "Cơ"):
                labels["coordinators"] = f"{'Đơn vị' if word == 'Đơn' else 'Cơ quan'} phối hợp"
        plan.labels = labels
        for task, _ in plan.walk_tasks():
            task.labels = {k: v for k, v in task.labels.items() if k == "marker" or v != labels.get(k)}


def _roman(text: str) -> str | None:
    m = _ROMAN_HEAD.match(text)
    if not m or not m.group("num"):
        return None
    title = m.group("title").strip()
    letters = [c for c in title if c.isalpha()]
    if not letters or len(title) > 200:
        return None
    upper_share = sum(c.isupper() for c in letters) / len(letters)
    if upper_share < 0.6 and not (len(title) < 80 and quick_fold(title[:30]).startswith(_SECTION_WORDS)):
        return None  # "II. Nội dung thực hiện" in title case is still a section; other prose is not
    return title.rstrip(" :.")


_SECTION_WORDS = ("muc dich", "muc tieu", "noi dung", "nhiem vu", "giai phap", "kinh phi", "to chuc thuc hien",
                  "trach nhiem", "phan cong", "che do bao cao", "dieu khoan", "hieu luc")


def _bare_caps_section(text: str) -> str | None:
    """ "NHIỆM VỤ, GIẢI PHÁP" on its own, in capitals: a part of the plan when no part is numbered."""
    if _is_upper(text) and len(text) < 100 and quick_fold(text[:30]).startswith(_SECTION_WORDS) \
            and not text.rstrip().endswith((".", ";", ",")):
        return text.rstrip(" :")
    return None


def _numbered_caps_section(text: str) -> str | None:
    m = re.match(r"^(?:\d{1,2}|[A-Z])\s*[.)]\s*(?P<title>\S.*)$", text)
    if m and _is_upper(m.group("title")) and len(m.group("title")) < 100:
        return m.group("title").rstrip(" :.")
    return None


_DOC_TYPES = {"kehoach": "KẾ HOẠCH", "kehoachlientich": "KẾ HOẠCH LIÊN TỊCH", "chuongtrinh": "CHƯƠNG TRÌNH",
              "chuongtrinhhanhdong": "CHƯƠNG TRÌNH HÀNH ĐỘNG", "phuongan": "PHƯƠNG ÁN"}


def _is_doc_type(text: str) -> bool:
    return len(text) < 30 and _is_upper(text) and quick_fold(text).replace(" ", "").rstrip(":.") in _DOC_TYPES


def _has_field(text: str) -> bool:
    m = classify(text)
    rest = m.rest if m.style else text
    head = rest.split(":", 1)[0]
    return ":" in rest and match_label(head) in ("lead", "time", "coordinators", "product")


def _continues(prev: _Line, line: _Line) -> bool:
    if prev.table != line.table or prev.col != line.col:
        return False
    first = line.text[0]
    if not first.isalpha() or not first.islower() or classify(line.text).style:
        return False
    if prev.text.endswith((".", ";", ":", "!", "?", "./.")):
        return False
    if _is_upper(prev.text):
        return False
    return not (prev.bold and not line.bold)


def _recipient(text: str) -> str:
    text = re.sub(r"^[-–—•+*]\s*", "", text.strip())
    if text.endswith((";", ".")) and not text.endswith("./."):
        text = text[:-1]
    return text.strip()
