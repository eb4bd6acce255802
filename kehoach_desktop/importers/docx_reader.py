"""Read a .docx into blocks: paragraphs and tables in document order, with Word numbering resolved.

The XML is read with lxml directly (python-docx's proxies cost more than the whole
recognition on a 200-page plan); python-docx's own parser settings are reused.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import dataclass

from docx.oxml.parser import oxml_parser
from lxml import etree

from ..domain.numbering import roman
from ..domain.text import clean_line
from .blocks import Block, Source, Table
from .encoding import fix_legacy, needs_decision

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
P, TBL, TR, TC, R, T, TAB, BR, CR, SDT, SDTCONTENT = (
    _W + n for n in ("p", "tbl", "tr", "tc", "r", "t", "tab", "br", "cr", "sdt", "sdtContent"))
_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
MAX_XML = 150 * 1024 * 1024  # uncompressed document.xml: a zip bomb guard (a 1000-page plan is ~10 MB)


class NotAWordFile(Exception):
    """The zip holds no Word document."""


class TooLarge(Exception):
    pass


def _val(el, name: str = "val") -> str | None:
    return None if el is None else el.get(_W + name)


def _on(el) -> bool | None:
    if el is None:
        return None
    v = el.get(_W + "val")
    return v is None or v.lower() not in ("0", "false", "off", "none")


@dataclass
class _Style:
    bold: bool | None = None
    italic: bool | None = None
    font: str | None = None
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    align: str | None = None


class _Styles:
    def __init__(self, root) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_font: str | None = None
        self.default_para: str | None = None
        if root is None:
            return
        fonts = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}rFonts")
        if fonts is not None:
            self.default_font = fonts.get(_W + "ascii") or fonts.get(_W + "hAnsi")
        for st in root.iter(_W + "style"):
            sid = st.get(_W + "styleId")
            rpr = st.find(_W + "rPr")
            ppr = st.find(_W + "pPr")
            s = _Style(based_on=_val(st.find(_W + "basedOn")))
            if rpr is not None:
                s.bold = _on(rpr.find(_W + "b"))
                s.italic = _on(rpr.find(_W + "i"))
                f = rpr.find(_W + "rFonts")
                if f is not None:
                    s.font = f.get(_W + "ascii") or f.get(_W + "hAnsi")
            if ppr is not None:
                num = ppr.find(_W + "numPr")
                if num is not None:
                    s.num_id = _val(num.find(_W + "numId"))
                    ilvl = _val(num.find(_W + "ilvl"))
                    s.ilvl = int(ilvl) if ilvl and ilvl.isdigit() else 0
                s.align = _val(ppr.find(_W + "jc"))
            self.styles[sid] = s
            if st.get(_W + "type") == "paragraph" and st.get(_W + "default") in ("1", "true"):
                self.default_para = sid

    def lookup(self, sid: str | None, attr: str):
        seen = 0
        while sid and seen < 20:
            s = self.styles.get(sid)
            if s is None:
                return None
            v = getattr(s, attr)
            if v is not None:
                return v
            sid, seen = s.based_on, seen + 1
        return None


def _letters(n: int) -> str:
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(fmt: str, n: int) -> str:
    if fmt in ("lowerLetter",):
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


_BULLETS_AS_DASH = set("•●▪■◦·o§\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\u2013\u2014\u2212-")


class _Numbering:
    """Word's automatic numbering: counters per abstract list, level texts like ``%1.%2.``."""

    def __init__(self, root) -> None:
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for an in root.iter(_W + "abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in an.iter(_W + "lvl"):
                ilvl = int(lvl.get(_W + "ilvl", "0"))
                fmt = _val(lvl.find(_W + "numFmt")) or "decimal"
                text = _val(lvl.find(_W + "lvlText")) or ""
                start = _val(lvl.find(_W + "start"))
                levels[ilvl] = (fmt, text, int(start) if start and start.lstrip("-").isdigit() else 1)
            self.abstract[an.get(_W + "abstractNumId")] = levels
        for num in root.iter(_W + "num"):
            overrides = {}
            for ov in num.iter(_W + "lvlOverride"):
                so = ov.find(_W + "startOverride")
                if so is not None and _val(so, "val"):
                    overrides[int(ov.get(_W + "ilvl", "0"))] = int(_val(so) or 1)
            self.nums[num.get(_W + "numId")] = (_val(num.find(_W + "abstractNumId")) or "", overrides)

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, [0] * 10)
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in overrides.items():
                if lv < len(counters):
                    counters[lv] = start - 1
        if ilvl >= len(counters):
            return ""
        counters[ilvl] += 1
        if counters[ilvl] < levels[ilvl][2]:
            counters[ilvl] = levels[ilvl][2]
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            t = text.strip()
            if t == "+":
                return "+"
            return "-" if (not t or t in _BULLETS_AS_DASH or len(t) == 1) else t

        def repl(m: re.Match[str]) -> str:
            lv = int(m.group(1)) - 1
            if lv not in levels:
                return ""
            value = counters[lv] if counters[lv] else levels[lv][2]
            return _format(levels[lv][0] if lv != ilvl else fmt, value)

        return re.sub(r"%(\d)", repl, text).strip()


class _Reader:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        names = set(zf.namelist())

        def xml(name: str):
            if name not in names:
                return None
            info = zf.getinfo(name)
            if info.file_size > MAX_XML:
                raise TooLarge(name)
            data = zf.read(name)
            if _STRICT in data[:4096]:  # "Strict Open XML" as Word can save it: same vocabulary, other namespace
                data = data.replace(_STRICT, W.encode())
            return etree.fromstring(data, oxml_parser)

        self.styles = _Styles(xml("word/styles.xml"))
        self.numbering = _Numbering(xml("word/numbering.xml"))
        self.body = xml("word/document.xml")
        self.footnotes = xml("word/footnotes.xml")
        self.page_headers = [xml(n) for n in sorted(names) if re.fullmatch(r"word/header\d*\.xml", n)]
        self.images = sum(1 for n in names if n.startswith("word/media/"))
        self.source = Source(formatted=True, kind="docx", images=self.images)
        self.table_count = 0
        self.kinds: Counter[str] = Counter()  # paragraphs found in each legacy encoding
        self.undecided = 0

    def read(self) -> Source:
        body = self.body.find(_W + "body")
        if body is None:
            raise NotAWordFile()
        items = self.source.items
        done = 0
        for child in body:
            self._container([child], items, None)
            ppr = child.find(_W + "pPr") if child.tag == P else None
            sect = ppr.find(_W + "sectPr") if ppr is not None else None
            if sect is not None:  # the paragraph that ends a Word section carries its page setup
                _mark_orientation(items[done:], sect)
                done = len(items)
        final = body.find(_W + "sectPr")
        if final is not None:
            _mark_orientation(items[done:], final)
        self._read_page_header()
        self._decide_rest()
        self._read_footnotes()
        return self.source

    def _read_page_header(self) -> None:
        """The issuer, Số and date typed in Word's page header instead of the body: put them first."""
        if any(_QUOC_HIEU.search(b.text) for b in _first_blocks(self.source.items, 40)):
            return
        for part in self.page_headers:
            if part is None:
                continue
            items: list = []
            self._container(part, items, None)
            if any(_QUOC_HIEU.search(b.text) for b in _first_blocks(items, 40)):
                self.source.items[:0] = items
                return

    def _read_footnotes(self) -> None:
        """Footnotes' texts (the separators Word keeps there are not footnotes)."""
        if self.footnotes is None:
            return
        for note in self.footnotes.iter(_W + "footnote"):
            if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paragraphs: list[Block] = []
            self._container(note, paragraphs, None)
            text = clean_line(" ".join(b.text for b in _flatten_nested(paragraphs)))
            if text:
                self.source.footnotes.append(text)

    def _container(self, el, out: list, cell: tuple[int, int, int] | None) -> None:
        for child in el:
            tag = child.tag
            if tag == P:
                out.extend(self._paragraph(child, cell))
            elif tag == TBL:
                out.append(self._table(child))
            elif tag in (SDT, _W + "customXml", SDTCONTENT):
                inner = child.find(SDTCONTENT) if tag == SDT else child
                if inner is not None:
                    self._container(inner, out, cell)

    def _table(self, tbl) -> Table:
        table = Table(self.table_count)
        self.table_count += 1
        above: dict[int, list[Block]] = {}
        for r, tr in enumerate(child for child in tbl if child.tag == TR):
            row: list[list[Block]] = []
            spans: list[int] = []
            col = 0
            for tc in (c for c in tr if c.tag == TC):
                tcpr = tc.find(_W + "tcPr")
                span = 1
                merge = None
                if tcpr is not None:
                    gs = _val(tcpr.find(_W + "gridSpan"))
                    span = int(gs) if gs and gs.isdigit() else 1
                    vm = tcpr.find(_W + "vMerge")
                    if vm is not None:
                        merge = vm.get(_W + "val") or "continue"
                blocks: list[Block] = []
                if merge == "continue":
                    blocks = above.get(col, [])  # a vertically merged cell repeats the one above
                else:
                    self._container(tc, blocks, (table.index, r, len(row)))
                    blocks = _flatten_nested(blocks)
                    above[col] = blocks
                row.append(blocks)
                spans.append(span)
                col += span
            table.rows.append(row)
            table.spans.append(spans)
        return table

    def _paragraph(self, p, cell: tuple[int, int, int] | None) -> list[Block]:
        ppr = p.find(_W + "pPr")
        pstyle = None
        align = None
        num_id, ilvl = None, None
        if ppr is not None:
            pstyle = _val(ppr.find(_W + "pStyle"))
            align = _val(ppr.find(_W + "jc"))
            num = ppr.find(_W + "numPr")
            if num is not None:
                num_id = _val(num.find(_W + "numId"))
                lv = _val(num.find(_W + "ilvl"))
                ilvl = int(lv) if lv and lv.isdigit() else 0
        pstyle = pstyle or self.styles.default_para
        if num_id is None:
            num_id = self.styles.lookup(pstyle, "num_id")
            if num_id is not None:
                ilvl = self.styles.lookup(pstyle, "ilvl") or 0
        align = align or self.styles.lookup(pstyle, "align")
        style_bold = bool(self.styles.lookup(pstyle, "bold"))
        style_italic = bool(self.styles.lookup(pstyle, "italic"))
        style_font = self.styles.lookup(pstyle, "font") or self.styles.default_font

        lines: list[list[tuple[str, bool, bool, str | None]]] = [[]]
        extra: list[Block] = []
        has_textbox = next(p.iter(_W + "txbxContent"), None) is not None
        for r in p.iter(R):
            if has_textbox and _inside_textbox(r, p):
                continue
            rpr = r.find(_W + "rPr")
            bold, italic, font = style_bold, style_italic, style_font
            if rpr is not None:
                rstyle = _val(rpr.find(_W + "rStyle"))
                if rstyle:
                    rb = self.styles.lookup(rstyle, "bold")
                    ri = self.styles.lookup(rstyle, "italic")
                    bold = rb if rb is not None else bold
                    italic = ri if ri is not None else italic
                    font = self.styles.lookup(rstyle, "font") or font
                b = _on(rpr.find(_W + "b"))
                i = _on(rpr.find(_W + "i"))
                bold = b if b is not None else bold
                italic = i if i is not None else italic
                f = rpr.find(_W + "rFonts")
                if f is not None:
                    font = f.get(_W + "ascii") or f.get(_W + "hAnsi") or font
            for node in r:
                tag = node.tag
                if tag == T:
                    if node.text:
                        lines[-1].append((node.text, bool(bold), bool(italic), font))
                elif tag == TAB:
                    lines[-1].append(("\t", bool(bold), bool(italic), font))
                elif tag in (BR, CR):
                    lines.append([])
                elif tag == _W + "noBreakHyphen":
                    lines[-1].append(("-", bool(bold), bool(italic), font))
                elif tag in (_W + "drawing", _W + "pict", _W + "object"):
                    for tb in node.iter(_W + "txbxContent"):
                        self._container(tb, extra, cell)
                elif tag == _MC_ALTERNATE:
                    # a text box is written twice (Choice and Fallback): read the first only
                    choice = next(iter(node), None)
                    for tb in (choice.iter(_W + "txbxContent") if choice is not None else ()):
                        self._container(tb, extra, cell)
        number = ""
        if num_id and num_id != "0":
            number = self.numbering.label(num_id, ilvl or 0)
        out: list[Block] = []
        for k, runs in enumerate(lines):
            text = self._text(runs)
            if k == 0 and number:
                text = f"{number} {text}".strip()
            if not text.strip() and not (k == 0 and number):
                continue
            letters = [(t, b, i) for t, b, i, _ in runs if t.strip()]
            bold = bool(letters) and all(b for _, b, _ in letters)
            italic = bool(letters) and all(i for _, _, i in letters)
            out.append(Block(text, bold=bold, italic=italic, align=align,
                             table=cell[0] if cell else None, row=cell[1] if cell else None,
                             col=cell[2] if cell else None, auto_number=bool(number) and k == 0))
        return out + extra

    def _text(self, runs: list[tuple[str, bool, bool, str | None]]) -> str:
        # Convert legacy encodings run by run: the font tells TCVN3 (.VnTime) from VNI (VNI-Times).
        parts: list[str] = []
        for text, _, _, font in runs:
            fixed, kind = fix_legacy(text, font) if font and (font.startswith((".Vn", ".VN", "VNI", "Vni"))) \
                else (text, None)
            if kind:
                self.source.encodings.add(kind)
            parts.append(fixed)
        joined = "".join(parts)
        fixed, kind = fix_legacy(joined)
        if kind:
            self.source.encodings.add(kind)
            self.kinds[kind] += 1
        elif needs_decision(joined):
            self.undecided += 1
        return clean_line(fixed)

    def _decide_rest(self) -> None:
        """Paragraphs too short to tell ("Sè: 05") follow the encoding of the rest of the document."""
        if not self.kinds or not self.undecided:
            return
        kind, count = self.kinds.most_common(1)[0]
        if count < 3:
            return

        def fix(block: Block) -> None:
            if needs_decision(block.text):
                block.text = clean_line(fix_legacy(block.text, kind=kind)[0])

        for item in self.source.items:
            if isinstance(item, Block):
                fix(item)
            else:
                for row in item.rows:
                    for cell in row:
                        for block in cell:
                            fix(block)


_QUOC_HIEU = re.compile(r"C[ỘO]NG\s+H[ÒO]A\s+X[ÃA]\s+H[ỘO]I|Số\s*:\s*\S*\s*/", re.IGNORECASE)


def _mark_orientation(items: list, sect) -> None:
    """Tell the blocks and tables of a Word section whether its pages are landscape."""
    size = sect.find(_W + "pgSz")
    if size is None:
        return
    width, height = size.get(_W + "w"), size.get(_W + "h")
    landscape = size.get(_W + "orient") == "landscape" or (
        bool(width and height and width.isdigit() and height.isdigit()) and int(width) > int(height))
    for item in items:
        item.landscape = landscape
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row:
                    for block in cell:
                        block.landscape = landscape


def _first_blocks(items: list, count: int) -> list[Block]:
    """The first ``count`` paragraphs, table cells included."""
    out: list[Block] = []
    for item in items:
        out.extend(_flatten_nested([item]) if isinstance(item, Table) else [item])
        if len(out) >= count:
            break
    return out[:count]


def _flatten_nested(items: list) -> list[Block]:
    """A table inside a cell (a header laid out with an inner table) reads as the cell's lines."""
    if all(isinstance(item, Block) for item in items):
        return items
    out: list[Block] = []
    for item in items:
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row:
                    out.extend(_flatten_nested(cell))
        else:
            out.append(item)
    return out


def _inside_textbox(r, p) -> bool:
    parent = r.getparent()
    while parent is not None and parent is not p:
        if parent.tag == _W + "txbxContent":
            return True
        parent = parent.getparent()
    return False


def read_docx(zf: zipfile.ZipFile) -> Source:
    return _Reader(zf).read()
