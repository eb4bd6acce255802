"""Read a text PDF (e-office copy of a signed plan, Word's or LibreOffice's "Save as PDF", the app's
own export) into the same blocks the .docx reader makes, so the recognition is shared.

pdfplumber (on pdfminer.six) gives each character with its font and position and finds the cells
of ruled tables; from those this module rebuilds what Word had:

- paragraphs from lines: a line ends its paragraph when the next one's first word would have fitted
  on it, when the gap to the next line is wider than the document's line spacing, when the next line
  is indented (a first-line indent) or starts a numbered item after a full stop; a word broken at a
  hyphen or a soft hyphen is joined back;
- bold and italic from the font names ("…-Bold", "…,Italic"), centred lines from their position;
- the two-column borderless tables of Nghị định 30 (the header: issuer and Số on the left, quốc hiệu
  and date on the right; the signature: Nơi nhận and the signer) from lines split by a wide gap, as a
  table of one row and two cells, like the Word file's;
- ruled tables from their cells (spans and vertically merged cells as Word's), a table cut by a page
  break joined back (a repeated heading row dropped, a row split over two pages rejoined, a last row
  alone on the next page kept);
- landscape pages marked (a phụ lục table); a page turned by /Rotate with its text sideways read
  upright.

Dropped: page numbers and running headers/footers in the margins, the text of a digital-signature
stamp ("Ký bởi: …", "Email: …", "Cơ quan: …", "Thời gian ký: …" in a box or stacked in small type;
a stamp kept as a PDF annotation is not page text at all), the copies of lines that a writer draws
on both sides of a page break and clips (Qt's). Rules typed as underscores are left to the recogniser.

Known limit: in a document with neither space between paragraphs nor a first-line indent, a
paragraph whose last line is full and ends a sentence runs on into the next.

pdfplumber is imported inside :func:`read_pdf`, never when the app starts.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.text import clean_line
from .blocks import Block, Source, Table
from .encoding import fix_legacy
from .tasktree import classify


class PdfEncrypted(Exception):
    """The PDF needs a password to be opened."""


class PdfBroken(Exception):
    """The PDF cannot be parsed (damaged or cut short)."""


class PdfScanned(Exception):
    """The pages are pictures: no text layer."""

    def __init__(self, pages: int) -> None:
        super().__init__(pages)
        self.pages = pages


class PdfNoUnicode(Exception):
    """The fonts carry no mapping to Unicode: the text comes out as glyph numbers."""


# --- words and lines --------------------------------------------------------------------------------

@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool


@dataclass
class _Line:
    words: list[_Word]
    page: int = 0

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    @property
    def text(self) -> str:
        return _join_words(self.words)


def _join_words(words: list[_Word]) -> str:
    out: list[str] = []
    prev: _Word | None = None
    for w in words:
        if prev is not None and w.x0 - prev.x1 > 0.12 * min(w.size, prev.size):
            out.append(" ")
        out.append(w.text)
        prev = w
    return "".join(out)


_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_ITALIC = re.compile(r"italic|oblique|kursiv", re.IGNORECASE)


def _font_style(fontname: str) -> tuple[bool, bool, str]:
    base = fontname.split("+", 1)[-1]
    return bool(_BOLD.search(base)), bool(_ITALIC.search(base)), base


def _words(page, encodings: set[str]) -> list[_Word]:
    raw = page.extract_words(x_tolerance=1.5, y_tolerance=2.5, keep_blank_chars=False, use_text_flow=False,
                             extra_attrs=["fontname", "size", "upright"])
    out: list[_Word] = []
    for w in raw:
        if not w.get("upright", True):
            continue  # a rotated watermark or side note
        bold, italic, font = _font_style(w["fontname"])
        text = w["text"].replace("\u00a0", " ")
        if font.lower().startswith((".vn", "vni")):
            text, kind = fix_legacy(text, font)
            if kind:
                encodings.add(kind)
        out.append(_Word(text, w["x0"], w["x1"], w["top"], w["bottom"], float(w["size"]), bold, italic))
    return out


def _lines(words: list[_Word], page: int) -> list[_Line]:
    """Words with the same baseline, left to right; lines top to bottom."""
    lines: list[_Line] = []
    for w in sorted(words, key=lambda w: (round(w.bottom, 1), w.x0)):
        if lines:
            last = lines[-1]
            ref = last.words[-1]
            if abs(w.bottom - ref.bottom) <= 0.3 * max(min(w.size, ref.size), 1.0):
                last.words.append(w)
                continue
        lines.append(_Line([w], page))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def _segments(line: _Line) -> list[list[_Word]]:
    """A line split where a gap is far wider than its word spaces (two columns: a header, a signature)."""
    words = line.words
    if len(words) < 2:
        return [words]
    gaps = [(words[k + 1].x0 - words[k].x1, k) for k in range(len(words) - 1)]
    widest, at = max(gaps)
    others = [g for g, k in gaps if k != at]
    usual = statistics.median(others) if others else 0.0
    if widest < 2.2 * line.size or widest < 3 * max(usual, 0.25 * line.size):
        return [words]
    return [words[:at + 1], words[at + 1:]]


# --- paragraphs -------------------------------------------------------------------------------------

_SOFT_HYPHEN = "\u00ad"
_CLOSES = (".", ";", ":", "!", "?", "./.")


@dataclass
class _Para:
    lines: list[_Line] = field(default_factory=list)
    align: str | None = None

    def block(self, cell: tuple[int, int, int] | None, landscape: bool | None) -> Block | None:
        text = ""
        for line in self.lines:
            piece = line.text
            if not text:
                text = piece
            elif text.endswith(_SOFT_HYPHEN):
                text = text[:-1] + piece
            elif text.endswith("-") and len(text) > 1 and not text[-2].isspace() and piece[:1].isalnum():
                text += piece  # "HĐND-" / "UBND": a word broken after its hyphen
            else:
                text += " " + piece
        text = clean_line(text.replace(_SOFT_HYPHEN, ""))
        if not text:
            return None
        words = [w for line in self.lines for w in line.words if any(c.isalpha() for c in w.text)]
        bold = bool(words) and all(w.bold for w in words)
        italic = bool(words) and all(w.italic for w in words)
        return Block(text, bold=bold, italic=italic, align=self.align,
                     table=cell[0] if cell else None, row=cell[1] if cell else None,
                     col=cell[2] if cell else None, landscape=landscape)


class _Layout:
    """Document-wide measures: the usual gap between the lines of one paragraph."""

    def __init__(self, gaps: list[float]) -> None:
        rounded = Counter(round(g * 2) / 2 for g in gaps if -2 < g < 40)
        self.leading = 2.0
        if rounded:
            floor = max(2, len(gaps) // 12)
            frequent = sorted(g for g, n in rounded.items() if n >= floor) or [rounded.most_common(1)[0][0]]
            self.leading = frequent[0]


def _paragraphs(lines: list[_Line], left: float, right: float, layout: _Layout,
                caps_alone: bool = False, centred: bool = False) -> list[_Para]:
    """Lines of one column (the page body, a cell, a column of the header) joined into paragraphs.
    ``caps_alone``: each line in capitals is a paragraph (the issuer lines of the header's left column,
    where a line's width cannot tell a wrapped name from the next line)."""
    paras: list[_Para] = []
    for line in lines:
        if caps_alone and paras and _caps(line) and _caps(paras[-1].lines[-1]):
            paras.append(_Para([line]))
        elif paras and not _starts_new(paras[-1], line, left, right, layout, centred):
            paras[-1].lines.append(line)
        else:
            paras.append(_Para([line]))
    for para in paras:
        para.align = "center" if centred else _alignment(para.lines, left, right)
    return paras


def _caps(line: _Line) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _centred(line: _Line, left: float, right: float, first: bool = False) -> bool:
    """On the column's centre line (a full line is too). ``first``: the first line of a paragraph, which a
    first-line indent of the document's style (1-1.27 cm, also on centred lines) shifts by half of it."""
    return abs((line.x0 + line.x1) / 2 - (left + right) / 2) < max(2.0, (1.4 if first else 0.5) * line.size)


def _indented(line: _Line, left: float) -> bool:
    return line.x0 - left > 1.0 * line.size


def _full(line: _Line, left: float, right: float) -> bool:
    return right - line.x1 < 1.5 * line.size


def _alignment(lines: list[_Line], left: float, right: float) -> str | None:
    if _centred(lines[0], left, right, first=True) and all(_centred(ln, left, right) for ln in lines[1:]) \
            and any(_indented(ln, left) for ln in lines):
        return "center"
    if all(abs(right - ln.x1) < 0.5 * ln.size for ln in lines) and lines[0].x0 - left > 0.35 * (right - left):
        return "right"
    if len(lines) > 1 and all(_full(ln, left, right) for ln in lines[:-1]):
        return "both"
    return None


# the lines of a signature block, each a paragraph however narrow its column: TM. / KT. / the title
_SIGNING = re.compile(r"^(?:(?:TM|KT|Q|TL|TUQ)\s*\.\s*\S|(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG PHÒNG|BÍ THƯ)\s*$)")
# the header's lines that are paragraphs of their own (quốc hiệu, tiêu ngữ, Số, place and date), whatever
# the width of their column says
_HEADER_LINE = re.compile(r"^(?:CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]|Số\s*:|[^,\d]{2,40},\s*ngày\b)")
_RULE_TEXT = re.compile(r"^[\s_\-–—=.*~]{3,}$")  # a rule typed as underscores (under the quốc hiệu)


def _starts_new(para: _Para, line: _Line, left: float, right: float, layout: _Layout,
                centred: bool = False) -> bool:
    """Whether ``line`` begins a paragraph after ``para``. ``centred``: every line of the column is
    centred (a header or signer column, where a first-line indent shifts the first lines' centres)."""
    prev = para.lines[-1]
    size = min(prev.size, line.size)
    if _RULE_TEXT.match(prev.text) or _RULE_TEXT.match(line.text) or _SIGNING.match(line.text):
        return True
    # in a header column (centred), not in a body sentence that wraps before "tỉnh Lạng Sơn, ngày 06/5/2021"
    if (centred or _centred(line, left, right, first=True)) and (
            _HEADER_LINE.match(line.text) or prev.text.rstrip().endswith("Hạnh phúc")):
        return True
    if abs(prev.size - line.size) > 0.6:
        return True
    if line.page == prev.page:
        gap = line.top - prev.bottom
        if gap > layout.leading + max(2.0, 0.2 * size) or gap < -0.5 * size:
            return True
    text = line.text
    prev_text = prev.text
    first = line.words[0]
    first_width = first.x1 - first.x0
    if centred:
        return _style(prev) != _style(line) or \
            (prev.x1 - prev.x0) + 0.3 * size + first_width < (right - left) - 1.0 * size
    title = _centred(prev, left, right) and _indented(prev, left)
    if _style(prev) != _style(line) and (title or (_centred(line, left, right) and _indented(line, left))):
        return True  # a centred title line, then the "(Kèm theo …)" line in italics
    if _centred(line, left, right) and _indented(line, left) and \
            _centred(prev, left, right, first=len(para.lines) == 1):
        # a centred paragraph (a title): the line before was as wide as the column allows, in one style
        if _style(prev) != _style(line):
            return True
        return (prev.x1 - prev.x0) + 0.3 * size + first_width < (right - left) - 1.0 * size
    # the next line's first word would have fitted at the end of this one: this one ended its paragraph
    if prev.x1 + 0.3 * size + first_width < right - 0.5 * size:
        return True
    # indented: a first-line indent (a hanging indent's continuation lines up with the text after the number)
    if line.x0 > prev.x0 + 0.6 * size:
        starts = [w.x0 for w in prev.words[1:4]]
        if not (len(para.lines) == 1 and any(abs(line.x0 - x) < 2.0 for x in starts)):
            return True
    if prev_text.endswith(_CLOSES) and (classify(text).style or _roman_start(text) or _OPENS.match(text)):
        return True
    # a bold heading line, then the body in regular type ("6. Tổ chức …" / "Các nội dung …"): a sentence
    # running on from a bold lead-in goes on in lower case
    return bool(all(w.bold for w in prev.words) and not any(w.bold for w in line.words)
                and (prev_text.endswith(_CLOSES) or not text[:1].islower()))


def _style(line: _Line) -> tuple[bool, bool]:
    words = [w for w in line.words if any(c.isalpha() for c in w.text)] or line.words
    return all(w.bold for w in words), all(w.italic for w in words)


# sentences that open a paragraph of their own in a plan, after a full line that ends a sentence
_OPENS = re.compile(r"^(?:Trên đây là|Nơi nhận)\b")
_ROMAN = re.compile(r"^[IVX]{1,4}\s*[.:]\s+\S")


def _roman_start(text: str) -> bool:
    return bool(_ROMAN.match(text))


# --- page furniture: numbers, running headers and footers, signature stamps -------------------------

_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:Trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
_STAMP_ANCHOR = re.compile(r"^(?:Ký bởi|Được ký bởi|Người ký|Thời gian ký|Ngày ký|Ký ngày|Signed by|"
                           r"Signature (?:Not )?Verified|Digitally signed)\b", re.IGNORECASE)
_STAMP_LINE = re.compile(r"^(?:Ký bởi|Được ký bởi|Người ký|Thời gian ký|Ngày ký|Ký ngày|Email|E-mail|"
                         r"Cơ quan|Chức vụ|Đơn vị|Thời gian|Signed by|Date|Reason|Location|Lý do)\s*:"
                         r"|^\d{1,2}[./-]\d{1,2}[./-]\d{4}\s+\d{1,2}:\d{2}"
                         r"|^Signature (?:Not )?Verified|^Digitally signed", re.IGNORECASE)


def _stamp_words(page, words: list[_Word], body_size: float) -> set[int]:
    """Indexes of the words of a digital-signature stamp drawn on the page ("Ký bởi: …" and the lines
    of its box, or without a box the lines of its own type stacked around it). A stamp drawn over the
    header or the signature leaves the page's own words under it alone: only words of the stamp's size
    go (and, where the stamp is in the body's size, only lines that read like a stamp's)."""
    by_size: dict[float, list[_Word]] = {}
    for w in words:
        by_size.setdefault(round(w.size * 2) / 2, []).append(w)
    segs: list[list[_Word]] = []
    for group in by_size.values():
        for line in _lines(group, 0):
            segs.extend(_segments(line))
    texts = [_join_words(seg) for seg in segs]
    index = {id(w): k for k, w in enumerate(words)}
    boxes = [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects
             if r["width"] > 20 and r["height"] > 10 and r["width"] * r["height"] < 0.25 * page.width * page.height]
    drop: set[int] = set()
    for k, seg in enumerate(segs):
        if not _STAMP_ANCHOR.match(texts[k]):
            continue
        size = statistics.median(w.size for w in seg)
        small = size < body_size - 1.0
        x0, x1 = seg[0].x0, seg[-1].x1
        top, bottom = min(w.top for w in seg), max(w.bottom for w in seg)

        def belongs(j: int, size: float = size, small: bool = small) -> bool:
            other = segs[j]
            return abs(statistics.median(w.size for w in other) - size) <= 0.5 and (
                small or bool(_STAMP_LINE.match(texts[j])))

        box = min((b for b in boxes if b[0] - 1 <= x0 and x1 <= b[2] + 1 and b[1] - 1 <= top <= b[3]),
                  key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), default=None)
        chosen = {k}
        if box is not None:
            chosen |= {j for j, other in enumerate(segs) if belongs(j) and all(
                _inside(w, box) for w in other)}
        else:  # its lines stacked close above and below it, overlapping it
            lo, hi, left, right = top, bottom, x0, x1
            grown = True
            while grown:
                grown = False
                for j, other in enumerate(segs):
                    if j in chosen or not belongs(j):
                        continue
                    otop, obot = min(w.top for w in other), max(w.bottom for w in other)
                    if otop > hi + 1.2 * size or obot < lo - 1.2 * size:
                        continue
                    if other[-1].x1 < left - 2 * size or other[0].x0 > right + 2 * size:
                        continue
                    chosen.add(j)
                    lo, hi = min(lo, otop), max(hi, obot)
                    left, right = min(left, other[0].x0), max(right, other[-1].x1)
                    grown = True
        for j in chosen:
            drop.update(index[id(w)] for w in segs[j])
    return drop


def _furniture(pages: list[list[_Line]], heights: list[float], body_size: float) -> set[int]:
    """ids of the lines that are page numbers or running headers/footers (in the top or bottom margin):
    the same text at the edge of three pages or more, or of two in a type smaller than the body's
    ("Biểu 01", "Biểu 02" heading two phụ lục pages are not running heads)."""
    drop: set[int] = set()
    seen: Counter[str] = Counter()
    marginal: list[_Line] = []
    for lines, height in zip(pages, heights, strict=True):
        for line in lines:
            if line.bottom > 0.13 * height and line.top < 0.92 * height:
                continue
            text = line.text
            if _PAGE_NUMBER.match(text):
                drop.add(id(line))
                continue
            marginal.append(line)
            seen[text] += 1
    for line in marginal:
        count = seen[line.text]
        if (count >= 3 or (count == 2 and line.size < body_size - 1)) and _is_running(line, pages, heights):
            drop.add(id(line))
    return drop


def _drop_clipped_repeats(pages: list[list[_Line]]) -> None:
    """A paragraph that straddles a page break is drawn whole on both pages by some writers (Qt's
    QTextDocument.drawContents, the app's own PDF), each page clipping what is not its own; the text
    is still there. Each repeated line is kept once: on the next page the copies above the text's
    top edge are the clipped ones; the rest of the run is clipped at the foot of the page before."""
    firsts = [lines[0].top for k, lines in enumerate(pages) if k and lines and not (
        pages[k - 1] and any(x.text == lines[0].text for x in pages[k - 1][-6:]))]
    for k in range(1, len(pages)):
        before, after = pages[k - 1], pages[k]
        run = 0
        for n in range(min(6, len(before), len(after)), 0, -1):
            if [x.text for x in before[-n:]] == [x.text for x in after[:n]]:
                run = n
                break
        if not run:
            continue
        body_top = statistics.median(firsts) if firsts else after[run].top if run < len(after) else after[-1].top
        if after[0].top >= body_top - 2:
            continue  # lines that happen to repeat (two tasks ending alike), both in the text
        clipped_after = {id(x) for x in after[:run] if x.top < body_top - 2}
        clipped_before = {id(a) for a, b in zip(before[-run:], after[:run], strict=True) if id(b) not in clipped_after}
        pages[k] = [x for x in after if id(x) not in clipped_after]
        pages[k - 1] = [x for x in before if id(x) not in clipped_before]


def _is_running(line: _Line, pages: list[list[_Line]], heights: list[float]) -> bool:
    """A line in the margin is a running header/footer when nothing of the body stands beyond it and it
    stands apart from the body, as a margin does (not the first line of a page that happens to repeat,
    "- Thời gian thực hiện: Thường xuyên.")."""
    height = heights[line.page]
    lines = pages[line.page]
    k = next(i for i, other in enumerate(lines) if other is line)
    if line.top < 0.5 * height:
        if not all(other.top >= line.top for other in lines):
            return False
        below = [other.top for other in lines[k + 1:] if other.top > line.bottom]
        return not below or min(below) - line.bottom > 1.5 * line.size
    if not all(other.bottom <= line.bottom for other in lines):
        return False
    above = [other.bottom for other in lines[:k] if other.bottom < line.top]
    return not above or line.top - max(above) > 1.5 * line.size


# --- tables ------------------------------------------------------------------------------------------

@dataclass
class _Grid:
    """A ruled table found on one page: cells by row, each with its bbox (None: covered by a span)."""

    bbox: tuple[float, float, float, float]
    page: int
    rows: list[list[tuple[float, float, float, float] | None]]
    columns: list[float]  # the x where each grid column starts
    words: dict[tuple[int, int], list[_Word]] = field(default_factory=dict)
    spanning: bool = False  # one cell as wide as the table ended on the page before: its last row


def _grids(page, number: int) -> list[_Grid]:
    out: list[_Grid] = []
    for table in page.find_tables():
        rows = [list(r.cells) for r in table.rows]
        if not rows:
            continue
        cells = [c for r in rows for c in r if c is not None]
        xs = sorted({round(c[0], 1) for c in cells})
        columns: list[float] = []
        for x in xs:
            if not columns or x - columns[-1] > 2:
                columns.append(x)
        out.append(_Grid(tuple(table.bbox), number, rows, columns))
    return out


def _inside(w: _Word, box: tuple[float, float, float, float], pad: float = 1.0) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return box[0] - pad <= cx <= box[2] + pad and box[1] - pad <= cy <= box[3] + pad


# --- the reader -----------------------------------------------------------------------------------------

@dataclass
class _Piece:
    """What stands on a page, in reading order: body lines, a two-column block, a ruled table."""

    kind: str  # "line", "columns", "grid"
    top: float
    line: _Line | None = None
    columns: tuple[list[_Line], list[_Line], tuple[float, float]] | None = None  # left, right lines, gap
    grid: _Grid | None = None
    continued: bool = False  # two columns going on from the page before


class _Reader:
    def __init__(self, pdf) -> None:
        self.pdf = pdf
        self.source = Source(formatted=True, kind="pdf")
        self.table_count = 0

    def read(self) -> Source:
        pages = self.pdf.pages
        per_page: list[list[_Line]] = []
        grids: list[list[_Grid]] = []
        heights: list[float] = []
        widths: list[float] = []
        chars = cid = 0
        images = 0
        textless_with_images = 0
        last_grid: _Grid | None = None  # the table that ends the page before, nothing under it
        for number, page in enumerate(pages):
            page = _upright(self.pdf, page)
            words = _words(page, self.source.encodings)
            chars += sum(len(w.text) for w in words)
            cid += sum(w.text.count("(cid:") for w in words)
            page_images = len(page.images)
            images += page_images
            if not words and page_images:
                textless_with_images += 1
            page_grids = [g for g in _grids(page, number) if not _stamp_only(g, words)] if words else []
            if words and last_grid is not None:  # pdfplumber finds no table of one cell: its last row alone
                box = _box_at_top(page, last_grid, number)
                if box is not None and not any(g.bbox[1] < box.bbox[3] and box.bbox[1] < g.bbox[3]
                                               for g in page_grids):
                    page_grids.insert(0, box)
            body_size = _body_size(words)
            stamp = _stamp_words(page, words, body_size) if words else set()
            free: list[_Word] = []
            for k, w in enumerate(words):
                if k in stamp:
                    continue
                for grid in page_grids:
                    if _inside(w, grid.bbox) and _place(grid, w):
                        break
                else:
                    free.append(w)
            kept: list[_Grid] = []
            height = float(page.height)
            for grid in page_grids:
                if _one_cell(grid) and grid.words and _goes_on(last_grid, grid, free, height):
                    grid.spanning = True  # the table's last row ("Tổng cộng", merged across) on the next page
                    kept.append(grid)
                elif _one_cell(grid):  # a framed note is no table: its words are the page's text
                    free.extend(w for words in grid.words.values() for w in words)
                elif grid.words:
                    kept.append(grid)
            last_grid = max(kept, key=lambda g: g.bbox[3], default=None)
            if last_grid is not None and any(w.top > last_grid.bbox[3] and w.top < 0.92 * height for w in free):
                last_grid = None  # text stands under it: the table ended on this page
            per_page.append(_lines(free, number))
            grids.append(kept)
            heights.append(float(page.height))
            widths.append(float(page.width))
            page.flush_cache()
        self.source.images = images
        if chars == 0:
            if images:
                raise PdfScanned(len(pages))
            return self.source
        if len("(cid:000)") * cid > 0.3 * chars:  # a third of the text is glyph numbers, not letters
            raise PdfNoUnicode()
        if textless_with_images:
            self.source.notes.append(f"{textless_with_images} trang của tệp PDF chỉ có hình ảnh (bản chụp), không "
                                     "có lớp chữ: nội dung các trang đó chưa được nhập")
        drop = _furniture(per_page, heights, _body_size([w for lines in per_page for ln in lines[:40]
                                                         for w in ln.words]))
        per_page = [[ln for ln in lines if id(ln) not in drop] for lines in per_page]
        _drop_clipped_repeats(per_page)
        self._layout(per_page, grids, heights, widths)
        return self.source

    def _layout(self, per_page: list[list[_Line]], grids: list[list[_Grid]], heights: list[float],
                widths: list[float]) -> None:
        # the usual gap between two lines of a paragraph, over the whole document
        gaps = [b.top - a.bottom for lines in per_page for a, b in itertools.pairwise(lines)
                if abs(a.size - b.size) < 0.6 and _segments(a) == [a.words] and _segments(b) == [b.words]]
        layout = _Layout(gaps)
        # the body column of each page size: where lines start and end most often
        bounds: dict[tuple[int, int], tuple[float, float]] = {}
        for key in {(round(w), round(h)) for w, h in zip(widths, heights, strict=True)}:
            lines = [ln for lines, w, h in zip(per_page, widths, heights, strict=True)
                     if (round(w), round(h)) == key for ln in lines]
            single = [ln for ln in lines if _segments(ln) == [ln.words]]
            if single:
                starts = Counter(round(ln.x0) for ln in single)
                left = min(x for x, n in starts.items() if n >= max(1, starts.most_common(1)[0][1] // 4))
                ends = sorted(ln.x1 for ln in single)
                right = ends[int(0.9 * (len(ends) - 1))]
                right = max(right, max(ends[int(0.75 * (len(ends) - 1)):] or [right]))
                bounds[key] = (float(left), right)
            else:
                bounds[key] = (key[0] * 0.12, key[0] * 0.9)
            # a page of a phụ lục holds a table and a few centred lines: its ruled table shows the margins
            boxes = [g.bbox for page_grids, w, h in zip(grids, widths, heights, strict=True)
                     if (round(w), round(h)) == key for g in page_grids]
            if boxes:
                bounds[key] = (min(bounds[key][0], min(b[0] for b in boxes) + 4),
                               max(bounds[key][1], max(b[2] for b in boxes) - 4))
        run: list[_Line] = []
        run_bounds = (0.0, 0.0)
        run_landscape: bool | None = None

        def flush() -> None:
            nonlocal run
            if run:
                for para in _paragraphs(run, run_bounds[0], run_bounds[1], layout):
                    block = para.block(None, run_landscape)
                    if block is not None:
                        self.source.items.append(block)
            run = []

        open_table: tuple[Table, _Grid] | None = None
        # a signature cut by a page break: (table, left lines, right lines, gap, page size)
        open_columns: tuple[Table, list[_Line], list[_Line], tuple[float, float], tuple[int, int]] | None = None
        for number, lines in enumerate(per_page):
            landscape = widths[number] > heights[number]
            key = (round(widths[number]), round(heights[number]))
            left, right = bounds[key]
            carry = open_columns[3] if open_columns and open_columns[4] == key else None
            pieces = self._pieces(lines, grids[number], carry, (left, right))
            for k, piece in enumerate(pieces):
                last = k == len(pieces) - 1
                if piece.kind == "line":
                    assert piece.line is not None
                    open_table = open_columns = None
                    if run and (run_bounds != (left, right) or run_landscape != landscape):
                        flush()
                    run_bounds, run_landscape = (left, right), landscape
                    run.append(piece.line)
                    continue
                flush()
                if piece.kind == "grid":
                    assert piece.grid is not None
                    open_columns = None
                    if open_table is not None and k == 0 and (_same_columns(open_table[1], piece.grid)
                                                              or piece.grid.spanning):
                        self._continue_table(open_table[0], piece.grid, layout, landscape)
                        open_table = (open_table[0], piece.grid)
                    else:
                        table = self._table(piece.grid, layout, landscape)
                        self.source.items.append(table)
                        open_table = (table, piece.grid)
                    if not last:
                        open_table = None
                    continue
                open_table = None
                assert piece.columns is not None
                lefts, rights, gap = piece.columns
                if piece.continued and open_columns is not None:
                    table, lefts, rights = open_columns[0], open_columns[1] + lefts, open_columns[2] + rights
                else:
                    table = Table(self.table_count, landscape=landscape)
                    self.table_count += 1
                    self.source.items.append(table)
                self._fill_columns(table, (lefts, rights, gap), layout, landscape, left, right)
                open_columns = (table, lefts, rights, gap, key) if last else None
            if not pieces:
                open_table = open_columns = None
        flush()

    def _pieces(self, lines: list[_Line], grids: list[_Grid], carry: tuple[float, float] | None,
                body: tuple[float, float]) -> list[_Piece]:
        """The page in reading order. ``carry``: the gap between two columns that ended the page before
        (Nơi nhận and the signer going on over the page break)."""
        pieces: list[_Piece] = [_Piece("grid", g.bbox[1], grid=g) for g in grids]
        k = 0
        first_grid = min((g.bbox[1] for g in grids), default=float("inf"))
        if carry is not None and lines and lines[0].top < first_grid:
            end, gap = self._column_run(lines, 0, carry, body, carry=True)
            if end > 0:
                pieces.append(self._columns_piece(lines[:end], gap, continued=True))
                k = end
        while k < len(lines):
            line = lines[k]
            segs = _segments(line)
            if len(segs) == 2:
                end, gap = self._column_run(lines, k, (segs[0][-1].x1, segs[1][0].x0), body)
                pieces.append(self._columns_piece(lines[k:end], gap, continued=False))
                k = end
                continue
            pieces.append(_Piece("line", line.top, line=line))
            k += 1
        pieces.sort(key=lambda p: p.top)
        return pieces

    @staticmethod
    def _columns_piece(lines: list[_Line], gap: tuple[float, float], continued: bool) -> _Piece:
        lefts: list[_Line] = []
        rights: list[_Line] = []
        for ln in lines:
            segs = _segments(ln)
            if len(segs) == 2:
                lw, rw = segs
            elif _side(ln, gap) == "left":
                lw, rw = ln.words, []
            else:
                lw, rw = [], ln.words
            if lw:
                lefts.append(_Line(list(lw), ln.page))
            if rw:
                rights.append(_Line(list(rw), ln.page))
        return _Piece("columns", lines[0].top, columns=(lefts, rights, gap), continued=continued)

    @staticmethod
    def _column_run(lines: list[_Line], start: int, gap: tuple[float, float], body: tuple[float, float],
                    carry: bool = False) -> tuple[int, tuple[float, float]]:
        """Where the lines from ``start`` stop standing in two columns with ``gap`` between them (the
        left column's right edge, the right column's left edge, narrowed by each line), and that gap.
        ``body``: the page's text column; a line centred on it (a title) stops the columns."""
        lo, hi = gap
        end = start
        last_bottom = None
        while end < len(lines):
            line = lines[end]
            size = line.size
            if last_bottom is not None and line.top - last_bottom > 9 * size:
                break
            if (end > start or carry) and abs((line.x0 + line.x1) / 2 - sum(body) / 2) < size \
                    and line.x0 - body[0] > size and len(_segments(line)) == 1:
                break
            segs = _segments(line)
            if len(segs) == 2:
                if segs[0][-1].x1 > hi + 1 or segs[1][0].x0 < lo - 1:
                    break
                lo, hi = max(lo, segs[0][-1].x1), min(hi, segs[1][0].x0)
            else:
                side = _side(line, (lo, hi))
                if side is None:
                    break
                if side == "left":
                    lo = max(lo, line.x1)
                else:
                    hi = min(hi, line.x0)
            last_bottom = line.bottom
            end += 1
        return end, (lo, hi)

    def _cell_blocks(self, words: list[_Word], box: tuple[float, float, float, float], layout: _Layout,
                     cell: tuple[int, int, int], landscape: bool) -> list[Block]:
        lines = _lines(words, 0)
        if not lines:
            return []
        pad = max(1.0, min(ln.x0 for ln in lines) - box[0])
        left, right = box[0] + pad, max(box[2] - pad, max(ln.x1 for ln in lines))
        out = []
        for para in _paragraphs(lines, left, right, layout):
            block = para.block(cell, landscape)
            if block is not None:
                out.append(block)
        return out

    def _table(self, grid: _Grid, layout: _Layout, landscape: bool) -> Table:
        table = Table(self.table_count, landscape=landscape)
        self.table_count += 1
        self._append_rows(table, grid, layout, landscape, skip_first=False)
        return table

    def _append_rows(self, table: Table, grid: _Grid, layout: _Layout, landscape: bool, skip_first: bool) -> None:
        ncols = len(grid.columns)
        above: dict[int, tuple[list[Block], int]] = {}
        for r, cells in enumerate(grid.rows):
            if skip_first and r == 0:
                continue
            row: list[list[Block]] = []
            spans: list[int] = []
            col = 0
            covered_right = -1.0
            while col < ncols:
                box = cells[col] if col < len(cells) else None
                if box is None:
                    if covered_right > grid.columns[col] + 1:  # spanned from the cell on the left
                        col += 1
                        continue
                    blocks, span = above.get(col, ([], 1))  # merged with the cell above
                    row.append(blocks)
                    spans.append(span)
                    col += span
                    continue
                span = sum(1 for x in grid.columns[col:] if x < box[2] - 1)
                span = max(span, 1)
                blocks = self._cell_blocks(grid.words.get((r, col), []), box, layout,
                                           (table.index, len(table.rows), len(row)), landscape)
                above[col] = (blocks, span)
                row.append(blocks)
                spans.append(span)
                covered_right = box[2]
                col += span
            table.rows.append(row)
            table.spans.append(spans)

    def _continue_table(self, table: Table, grid: _Grid, layout: _Layout, landscape: bool) -> None:
        """A table cut by a page break: the heading row repeated on the new page is dropped, a row split
        over the two pages (its first cell empty on the new page) is joined back."""
        part = Table(table.index, landscape=landscape)
        self._append_rows(part, grid, layout, landscape, skip_first=False)
        if not part.rows:
            return
        if grid.spanning:  # one cell across the table's whole width
            part.spans = [[max((sum(r) for r in table.spans), default=1)] for _ in part.rows]
        if table.rows and _row_texts(part, 0) == _row_texts(table, 0):
            part.rows, part.spans = part.rows[1:], part.spans[1:]
        if part.rows and table.rows and not _row_texts(part, 0)[0] and any(_row_texts(part, 0)) \
                and _row_texts(table, len(table.rows) - 1)[0] and len(part.rows[0]) == len(table.rows[-1]):
            prev = table.rows[-1]
            for c, blocks in enumerate(part.rows[0]):
                if not blocks:
                    continue
                if prev[c] and not prev[c][-1].text.endswith((".", ";", "!", "?")):  # the cell's paragraph runs on
                    prev[c][-1].text = clean_line(f"{prev[c][-1].text} {blocks[0].text}")
                    blocks = blocks[1:]
                prev[c] = prev[c] + blocks
            part.rows, part.spans = part.rows[1:], part.spans[1:]
        base = len(table.rows)
        for r, row in enumerate(part.rows):
            for cell in row:
                for block in cell:
                    block.row = base + r
        table.rows.extend(part.rows)
        table.spans.extend(part.spans)

    @staticmethod
    def _fill_columns(table: Table, columns: tuple[list[_Line], list[_Line], tuple[float, float]],
                      layout: _Layout, landscape: bool, left: float, right: float) -> None:
        """The two columns as the one row of a borderless table, as Word has it."""
        lefts, rights, _gap = columns
        row: list[list[Block]] = []
        for c, lines in enumerate((lefts, rights)):
            blocks: list[Block] = []
            if lines:
                # the cell's edges: the text column's edge on the outer side; a centred column (the
                # header's, the signer's) is as wide again on the inner side of its centre line
                x0, x1 = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
                centred = _centred_column(lines)
                if centred:
                    mid = statistics.median((ln.x0 + ln.x1) / 2 for ln in lines)
                    outer = min(left, x0) if c == 0 else max(right, x1)
                    half = max(abs(mid - outer), (x1 - x0) / 2)
                    lo, hi = mid - half, mid + half
                elif c == 0:
                    lo, hi = min(left, x0), x1
                else:
                    lo, hi = x0, max(right, x1)
                for para in _paragraphs(lines, lo, hi, layout, caps_alone=c == 0, centred=centred):
                    block = para.block((table.index, 0, c), landscape)
                    if block is not None:
                        blocks.append(block)
            row.append(blocks)
        table.rows[:] = [row]
        table.spans[:] = [[1, 1]]


def _side(line: _Line, gap: tuple[float, float]) -> str | None:
    """The column a one-piece line stands in, given the gap between the columns; None: across both."""
    lo, hi = gap
    mid = (lo + hi) / 2
    if line.x1 <= mid + 1:
        return "left"
    if line.x0 >= mid - 1:
        return "right"
    return None


def _centred_column(lines: list[_Line]) -> bool:
    """The lines of a column share one centre (the header's columns), not one left edge."""
    if len(lines) < 2:
        return False
    mids = [(ln.x0 + ln.x1) / 2 for ln in lines]
    starts = [ln.x0 for ln in lines]
    # a first-line indent of the document's style shifts the first line of each paragraph by half of it
    spread, ragged = max(mids) - min(mids), max(starts) - min(starts)
    return spread < 1.5 * lines[0].size and ragged > max(2.0, 2 * spread)


def _row_texts(table: Table, row: int) -> list[str]:
    return [" ".join(b.text for b in cell) for cell in table.rows[row]]


def _same_columns(a: _Grid, b: _Grid) -> bool:
    return len(a.columns) == len(b.columns) and all(abs(x - y) < 3 for x, y in zip(a.columns, b.columns, strict=True))


def _place(grid: _Grid, w: _Word) -> bool:
    for r, cells in enumerate(grid.rows):
        for c, box in enumerate(cells):
            if box is not None and _inside(w, box, 0.5):
                col = next((k for k, x in enumerate(grid.columns) if abs(x - box[0]) <= 2), c)
                grid.words.setdefault((r, col), []).append(w)
                return True
    return False


def _upright(pdf, page):
    """A page turned a quarter by /Rotate whose text then reads sideways (a landscape phụ lục that a PDF
    printer put on portrait paper and turned): read as its content was drawn, upright and landscape."""
    if page.rotation % 180 == 0 or not page.chars:
        return page
    if 2 * sum(1 for c in page.chars if c.get("upright", True)) >= len(page.chars):
        return page
    from pdfplumber.page import Page

    page.page_obj.rotate = 0
    page.page_obj.attrs["Rotate"] = 0
    return Page(pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)


def _box_at_top(page, last: _Grid, number: int) -> _Grid | None:
    """The first ruled box of a page as wide as the table ending the page before (one row, one cell)."""
    edges = sorted((e for e in page.edges if e.get("orientation") == "h" and abs(e["x0"] - last.bbox[0]) <= 3
                    and abs(e["x1"] - last.bbox[2]) <= 3), key=lambda e: e["top"])
    if len(edges) < 2:
        return None
    top, bottom = edges[0]["top"], next((e["top"] for e in edges[1:] if e["top"] - edges[0]["top"] > 5), None)
    if bottom is None:
        return None
    bbox = (last.bbox[0], top, last.bbox[2], bottom)
    return _Grid(bbox, number, [[bbox]], [bbox[0]])


def _goes_on(last: _Grid | None, grid: _Grid, free: list[_Word], height: float) -> bool:
    """A ruled box of one cell at the top of a page, as wide as the table that ended the page before."""
    if last is None or abs(last.bbox[0] - grid.bbox[0]) > 3 or abs(last.bbox[2] - grid.bbox[2]) > 3:
        return False
    return not any(w.bottom <= grid.bbox[1] and w.top > 0.13 * height for w in free)


def _one_cell(grid: _Grid) -> bool:
    return sum(1 for r in grid.rows for c in r if c is not None) <= 1


def _stamp_only(grid: _Grid, words: list[_Word]) -> bool:
    """A ruled box holding a digital-signature stamp is not a table of the plan."""
    inside = [w for w in words if _inside(w, grid.bbox)]
    if not inside:
        return False
    return any(_STAMP_ANCHOR.match(ln.text) for ln in _lines(inside, 0)) and len(inside) < 60


def _body_size(words: list[_Word]) -> float:
    if not words:
        return 13.0
    sizes = Counter(round(w.size * 2) / 2 for w in words)
    return sizes.most_common(1)[0][0]


def read_pdf(path: Path) -> Source:
    """Read a text PDF into blocks; raises :class:`PdfEncrypted`, :class:`PdfBroken`, :class:`PdfScanned`
    or :class:`PdfNoUnicode` for a file that cannot be read as text."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    with path.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%PDF-" not in head:
        raise PdfBroken("not a PDF")
    if b"%%EOF" not in tail:
        raise PdfBroken("truncated")
    try:
        with pdfplumber.open(str(path)) as pdf:
            return _Reader(pdf).read()
    except (PdfScanned, PdfNoUnicode):
        raise
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise PdfEncrypted() from None
        raise PdfBroken(type(inner).__name__) from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfEncrypted() from None
    except (PDFSyntaxError, PSException) as exc:
        raise PdfBroken(type(exc).__name__) from None
    except (KeyError, ValueError, TypeError, AttributeError, IndexError, AssertionError, ZeroDivisionError,
            RecursionError) as exc:
        if _raised_by_library(exc):  # pdfminer meeting a damaged object; our own mistakes stay bugs
            raise PdfBroken(type(exc).__name__) from None
        raise


def _raised_by_library(exc: BaseException) -> bool:
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return bool(last) and any(part in last.replace("\\", "/") for part in ("/pdfminer/", "/pdfplumber/"))
