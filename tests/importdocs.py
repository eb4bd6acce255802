"""Build realistic Word files of plans for the importer tests (and bench/bench_import.py).

A plan (a fixture) is printed the way communes type it in Word: the header and the
signature/Nơi nhận as borderless two-column tables, bold headings, typed numbering
("1.", "a)", "-", "+"), field lines with the plan's own label wording, units
written as the plan wrote them (``assignment``). Options reproduce what real files
hold: Word automatic numbering (numbering.xml), TCVN3 text in .VnTime/.VnTimeH
fonts, VNI text in VNI-Times, NFD text, a phụ lục task table.
"""

from __future__ import annotations

import copy
import unicodedata
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from kehoach_desktop.domain.numbering import printed
from kehoach_desktop.domain.plan import Plan, Task
from kehoach_desktop.importers.encoding import TCVN3_TABLE

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_TCVN3_INV = {v: k for k, v in TCVN3_TABLE.items()}


# --- legacy encodings (the inverse of the importer's tables, letter by letter) ---------------

def tcvn3_runs(text: str) -> list[tuple[str, str]]:
    """(text, font) runs: .VnTime for lower case, .VnTimeH where an accented capital needs it."""
    runs: list[tuple[str, str]] = []
    for ch in text:
        if ch in _TCVN3_INV:
            piece, font = _TCVN3_INV[ch], ".VnTime"
        elif ch.isupper() and ch.lower() in _TCVN3_INV:
            piece, font = _TCVN3_INV[ch.lower()], ".VnTimeH"
        else:
            piece, font = ch, ".VnTime"
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + piece, font)
        else:
            runs.append((piece, font))
    return runs


_TONE = {"\u0300": 0, "\u0301": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}
_VNI_TONE = "øùûõï"
_VNI_CIRC = "àáåãä"
_VNI_BREVE = "èéúüë"
_VNI_I = "ìíæóò"


def vni(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        if not marks or not base.isalpha():
            out.append(ch)
            continue
        upper = base.isupper()
        b = base.lower()
        tone = next((_TONE[m] for m in marks if m in _TONE), None)
        if "\u0302" in marks:  # circumflex
            piece = b + ("â" if tone is None else _VNI_CIRC[tone])
        elif "\u0306" in marks:  # breve
            piece = b + ("ê" if tone is None else _VNI_BREVE[tone])
        elif "\u031b" in marks:  # horn
            piece = ("ô" if b == "o" else "ö") + ("" if tone is None else _VNI_TONE[tone])
        elif b == "i":
            piece = _VNI_I[tone]
        elif b == "y" and tone == 4:
            piece = "î"
        else:
            piece = b + _VNI_TONE[tone]
        out.append(piece.upper() if upper else piece)
    return "".join(out)


# --- the document ---------------------------------------------------------------------------

class PlanDocx:
    def __init__(self, *, encoding: str | None = None, autonumber: bool = False) -> None:
        self.doc = Document()
        self.encoding = encoding  # None, "tcvn3", "vni", "nfd"
        self.autonumber = autonumber
        style = self.doc.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(14)
        if autonumber:
            self._numbering()

    # text with the chosen encoding
    def para(self, text: str, *, bold: bool = False, italic: bool = False, center: bool = False,
             container=None, num: tuple[int, int] | None = None):
        container = container if container is not None else self.doc
        p = container.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        self.runs(p, text, bold=bold, italic=italic)
        if num is not None:
            ppr = p._p.get_or_add_pPr()
            numpr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), str(num[1]))
            num_id = OxmlElement("w:numId")
            num_id.set(qn("w:val"), str(num[0]))
            numpr.append(ilvl)
            numpr.append(num_id)
            ppr.append(numpr)
        return p

    def runs(self, p, text: str, *, bold: bool = False, italic: bool = False) -> None:
        if self.encoding == "tcvn3":
            pieces = tcvn3_runs(text)
        elif self.encoding == "vni":
            pieces = [(vni(text), "VNI-Times")]
        elif self.encoding == "nfd":
            pieces = [(unicodedata.normalize("NFD", text), None)]
        else:
            pieces = [(text, None)]
        for piece, font in pieces:
            r = p.add_run(piece)
            r.bold = bold or None
            r.italic = italic or None
            if font:
                r.font.name = font

    def borderless_table(self, cols: int):
        table = self.doc.add_table(rows=1, cols=cols)
        tbl_pr = table._tbl.tblPr
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:val"), "nil")
            borders.append(el)
        tbl_pr.append(borders)
        return table

    def cell_lines(self, cell, lines: list[tuple[str, dict]]) -> None:
        first = cell.paragraphs[0]
        for k, (text, fmt) in enumerate(lines):
            if k == 0:
                first.alignment = WD_ALIGN_PARAGRAPH.CENTER if fmt.get("center", True) else None
                self.runs(first, text, bold=fmt.get("bold", False), italic=fmt.get("italic", False))
            else:
                self.para(text, bold=fmt.get("bold", False), italic=fmt.get("italic", False),
                          center=fmt.get("center", True), container=cell)

    # Word automatic numbering: 1 = sections (I.), 2 = tasks (1. / a) / -)
    def _numbering(self) -> None:
        numbering = self.doc.part.numbering_part.element

        def abstract(aid: int, levels: list[tuple[str, str]]) -> None:
            an = OxmlElement("w:abstractNum")
            an.set(qn("w:abstractNumId"), str(aid))
            for ilvl, (fmt, text) in enumerate(levels):
                lvl = OxmlElement("w:lvl")
                lvl.set(qn("w:ilvl"), str(ilvl))
                for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
                    el = OxmlElement(tag)
                    el.set(qn("w:val"), val)
                    lvl.append(el)
                an.append(lvl)
            numbering.insert(0, an)

        abstract(90, [("upperRoman", "%1.")])
        abstract(91, [("decimal", "%1."), ("lowerLetter", "%2)"), ("bullet", "-"), ("bullet", "+")])
        for num_id, aid in ((90, 90), (91, 91)):
            num = OxmlElement("w:num")
            num.set(qn("w:numId"), str(num_id))
            a = OxmlElement("w:abstractNumId")
            a.set(qn("w:val"), str(aid))
            num.append(a)
            numbering.append(num)

    # the plan --------------------------------------------------------------------------------
    def header(self, plan: Plan) -> None:
        table = self.borderless_table(2)
        left, right = table.rows[0].cells
        issuer = [(line, {"bold": k > 0}) for k, line in enumerate(plan.issuer)]
        number = plan.number or "      "
        self.cell_lines(left, [*issuer, ("________", {}), (f"Số: {number}/{plan.symbol}", {})])
        if plan.date is None:
            date = f"{plan.place}, ngày      tháng      năm 20   "
        else:
            d = plan.date
            day = f"{d.day:02d}" if d.day else "     "
            month = (f"{d.month:02d}" if d.month and d.month < 3 else str(d.month)) if d.month else "     "
            date = f"{plan.place}, ngày {day} tháng {month} năm {d.year}"
        self.cell_lines(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"bold": True}),
                                ("Độc lập - Tự do - Hạnh phúc", {"bold": True}),
                                ("______________________", {}), (date, {"italic": True})])

    def plan(self, plan: Plan) -> None:
        self.header(plan)
        self.para(plan.doc_type, bold=True, center=True)
        title = plan.title
        cut = title.find(" trên địa bàn")
        if 40 < cut:  # communes break long titles over two centred lines
            self.para(title[:cut], bold=True, center=True)
            self.para(title[cut + 1:], bold=True, center=True)
        else:
            self.para(title, bold=True, center=True)
        self.para("__________", center=True)
        for b in plan.bases:
            self.para(b, italic=True)
        for p in plan.preamble:
            self.para(p)
        for k, section in enumerate(plan.sections):
            if self.autonumber:
                self.para(section.title, bold=True, num=(90, 0))
            else:
                self.para(f"{ROMAN[k]}. {section.title}", bold=True)
            if section.kind == "text":
                n = 0
                for item in section.items:
                    if item.heading is not None:
                        n += 1
                        self.para(f"{n}. {item.heading}", bold=True)
                    for p in item.paragraphs:
                        self.para(p)
            else:
                for task in section.tasks:
                    self.task(plan, task, 0)
        for p in plan.closing:
            self.para(p)
        self.signature(plan)

    def task(self, plan: Plan, task: Task, depth: int) -> None:
        if self.autonumber and task.number and task.number not in ("-", "+"):
            self.para(task.title, bold=depth == 0, num=(91, min(depth, 1)))
        else:
            self.para(f"{printed(task.number)} {task.title}".strip(), bold=depth == 0)
        for c in task.content:
            self.para(c)
        marker = task.labels.get("marker", "-")
        prefix = f"{marker} " if marker else ""

        def line(text: str) -> None:
            self.para(f"{prefix}{text}" if not text.startswith("- ") else text)

        if task.assignment:
            for a in task.assignment:
                line(a)
        else:
            if task.lead:
                line(f"{plan.label(task, 'lead')}: {'; '.join(task.lead)}.")
            if task.coordinators:
                line(f"{plan.label(task, 'coordinators')}: {'; '.join(task.coordinators)}.")
        if task.time:
            line(f"{plan.label(task, 'time')}: {task.time}.")
        if task.product:
            line(f"{plan.label(task, 'product')}: {task.product}.")
        for child in task.children:
            self.task(plan, child, depth + 1)

    def signature(self, plan: Plan) -> None:
        table = self.borderless_table(2)
        left, right = table.rows[0].cells
        recipients = [(f"- {r};" if k < len(plan.recipients) - 1 else f"- {r}.", {"center": False})
                      for k, r in enumerate(plan.recipients)]
        self.cell_lines(left, [("Nơi nhận:", {"bold": True, "italic": True, "center": False}), *recipients])
        lines = [(x, {"bold": True}) for x in plan.signature.lines]
        self.cell_lines(right, [*lines, ("", {}), ("", {}), (plan.signature.signer, {"bold": True})])
        self.doc.add_paragraph()  # Word always ends a document with a paragraph, never a table

    def phu_luc(self, title: str, subtitle: str, header: list[str], rows: list[list[str]],
                merge_down: list[tuple[int, int]] = ()) -> None:
        section = self.doc.add_section()
        section.orientation = WD_ORIENT.LANDSCAPE
        self.para("PHỤ LỤC", bold=True, center=True)
        self.para(title, bold=True, center=True)
        self.para(subtitle, italic=True, center=True)
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        for c, h in enumerate(header):
            table.rows[0].cells[c].text = ""
            self.runs(table.rows[0].cells[c].paragraphs[0], h, bold=True)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                cell = table.rows[r].cells[c]
                for k, part in enumerate(value.split("\n") if value else []):
                    if k == 0:
                        self.runs(cell.paragraphs[0], part)
                    else:
                        self.para(part, container=cell)
        for r, c in merge_down:  # vertically merged cells, as Word writes them
            table.cell(r, c).merge(table.cell(r + 1, c))
        self.doc.add_paragraph()

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


def plan_docx(plan: Plan, path: Path, **options) -> Path:
    builder = PlanDocx(**options)
    builder.plan(copy.deepcopy(plan))
    return builder.save(path)


class PlanText(PlanDocx):
    """The same plan as plain text lines (a .txt saved from Word), optionally in TCVN3 bytes."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.autonumber = False
        self.encoding = None

    def para(self, text: str, **_kw) -> None:
        self.lines.append(text)

    def header(self, plan: Plan) -> None:
        self.lines.extend(plan.issuer)
        self.lines.append(f"Số: {plan.number or '      '}/{plan.symbol}")
        self.lines += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        d = plan.date
        self.lines.append(f"{plan.place}, ngày {d.day or '   ' if d else '   '} tháng "
                          f"{(d.month or '   ') if d else '   '} năm {d.year if d else ''}".rstrip())

    def signature(self, plan: Plan) -> None:
        self.lines.append("Nơi nhận:")
        self.lines += [f"- {r};" for r in plan.recipients]
        self.lines += [*plan.signature.lines, "", plan.signature.signer]


def plan_text(plan: Plan) -> str:
    builder = PlanText()
    builder.plan(copy.deepcopy(plan))
    return "\n".join(builder.lines) + "\n"


def tcvn3_bytes(text: str) -> bytes:
    """What a TCVN3 (.VnTime) text file holds: one byte per letter; capitals only via .VnTimeH."""
    out = bytearray()
    for ch in text:
        if ch in _TCVN3_INV:
            out += _TCVN3_INV[ch].encode("cp1252")
        elif ch.isupper() and ch.lower() in _TCVN3_INV:
            out += _TCVN3_INV[ch.lower()].encode("cp1252")
        else:
            out += ch.encode("cp1252")
    return bytes(out)


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258, as old Vietnamese Windows text files hold it: letters, then the tone as its own byte."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
                   + "".join(c for c in d if c in tones))
    return "".join(out).encode("cp1258")
