"""Render a document model to .docx with python-docx.

python-docx provides the package, styles, sections and headers; paragraphs and
tables are written as WordprocessingML elements directly (lxml), in the order
the schema requires (see ``tests/test_documents_docx.py``, which checks it), so
Word opens the file without a repair prompt. Formatting is direct (on each
paragraph and run) so that a plan stays right when pasted into another document.
Times New Roman is set on all four font slots (ascii, hAnsi, cs, eastAsia) in
the defaults, the Normal style and every run.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Emu
from lxml import etree

from ..fileio import write_with
from .model import Cell, Document, PageSetup, Paragraph, Run, Section, Table

_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_SUB = etree.SubElement


def twips(points: float) -> int:
    """Points to twentieths of a point, Word's unit for lengths."""
    return round(points * 20)


def _emu(points: float) -> Emu:
    return Emu(round(points * 12700))


# --- elements --------------------------------------------------------------------------------

def _fonts(parent: etree._Element, font: str) -> None:
    fonts = _SUB(parent, qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), font)


def _run_properties(parent: etree._Element, font: str, bold: bool, italic: bool, size: float) -> None:
    rpr = _SUB(parent, qn("w:rPr"))
    _fonts(rpr, font)
    if bold:
        _SUB(rpr, qn("w:b"))
        _SUB(rpr, qn("w:bCs"))
    if italic:
        _SUB(rpr, qn("w:i"))
        _SUB(rpr, qn("w:iCs"))
    half_points = str(round(size * 2))
    _SUB(rpr, qn("w:sz")).set(qn("w:val"), half_points)
    _SUB(rpr, qn("w:szCs")).set(qn("w:val"), half_points)


# Characters XML 1.0 cannot hold (control characters pasted from other programs).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(run: etree._Element, text: str) -> None:
    """``<w:t>`` pieces; a line break in the text becomes ``<w:br/>``."""
    text = _NOT_XML.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    for i, piece in enumerate(text.split("\n")):
        if i:
            _SUB(run, qn("w:br"))
        t = _SUB(run, qn("w:t"))
        t.text = piece
        if piece != piece.strip() or "  " in piece:
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _field_runs(p: etree._Element, instruction: str, font: str, bold: bool, italic: bool, size: float) -> None:
    """A complex field (begin / instruction / separate / result / end): Word updates it on every page."""
    for kind in ("begin", "instr", "separate", "result", "end"):
        r = _SUB(p, qn("w:r"))
        _run_properties(r, font, bold, italic, size)
        if kind == "instr":
            instr = _SUB(r, qn("w:instrText"))
            instr.text = f" {instruction} "
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        elif kind == "result":
            _text(r, "1")
        else:
            _SUB(r, qn("w:fldChar")).set(qn("w:fldCharType"), kind)


def paragraph_element(par: Paragraph, font: str, available: float) -> etree._Element:
    """``<w:p>`` for a model paragraph; ``available`` is the width (pt) a rule is centred in."""
    p = etree.Element(qn("w:p"))
    ppr = _SUB(p, qn("w:pPr"))
    if par.keep_with_next:
        _SUB(ppr, qn("w:keepNext"))
    if par.keep_together:
        _SUB(ppr, qn("w:keepLines"))
    if par.page_break_before:
        _SUB(ppr, qn("w:pageBreakBefore"))
    left, right = par.left_indent, par.right_indent
    if par.rule is not None:
        bdr = _SUB(ppr, qn("w:pBdr"))
        bottom = _SUB(bdr, qn("w:bottom"))
        bottom.set(qn("w:val"), "single")
        bottom.set(qn("w:sz"), str(max(2, round(par.rule.thickness * 8))))  # eighths of a point
        bottom.set(qn("w:space"), "1")
        bottom.set(qn("w:color"), "000000")
        side = max(0.0, (available - par.rule.width) / 2)
        left, right = left + side, right + side
    spacing = _SUB(ppr, qn("w:spacing"))
    spacing.set(qn("w:before"), str(twips(par.space_before)))
    spacing.set(qn("w:after"), str(twips(par.space_after)))
    spacing.set(qn("w:line"), str(round(240 * par.line_spacing)))
    spacing.set(qn("w:lineRule"), "auto")
    if left or right or par.first_line_indent:
        ind = _SUB(ppr, qn("w:ind"))
        ind.set(qn("w:left"), str(twips(left)))
        ind.set(qn("w:right"), str(twips(right)))
        if par.first_line_indent > 0:
            ind.set(qn("w:firstLine"), str(twips(par.first_line_indent)))
        elif par.first_line_indent < 0:
            ind.set(qn("w:hanging"), str(twips(-par.first_line_indent)))
    _SUB(ppr, qn("w:jc")).set(qn("w:val"), _JC[par.align])
    _run_properties(ppr, font, par.bold, par.italic, par.size)  # the paragraph mark
    for run in par.runs:
        _run_element(p, run, par, font)
    return p


def _run_element(p: etree._Element, run: Run, par: Paragraph, font: str) -> None:
    bold = run.bold or par.bold
    italic = run.italic or par.italic
    size = run.size or par.size
    if run.field:
        _field_runs(p, run.field, font, bold, italic, size)
        return
    r = _SUB(p, qn("w:r"))
    _run_properties(r, font, bold, italic, size)
    _text(r, run.text)


def _border_set(parent: etree._Element, tag: str, names: tuple[str, ...], on: bool) -> None:
    borders = _SUB(parent, qn(tag))
    for name in names:
        b = _SUB(borders, qn(f"w:{name}"))
        if on:
            b.set(qn("w:val"), "single")
            b.set(qn("w:sz"), "4")
            b.set(qn("w:space"), "0")
            b.set(qn("w:color"), "000000")
        else:
            b.set(qn("w:val"), "nil")


def table_element(table: Table, font: str) -> etree._Element:
    tbl = etree.Element(qn("w:tbl"))
    pr = _SUB(tbl, qn("w:tblPr"))
    width = _SUB(pr, qn("w:tblW"))
    width.set(qn("w:w"), str(sum(twips(w) for w in table.widths)))
    width.set(qn("w:type"), "dxa")
    if table.align == "center":
        _SUB(pr, qn("w:jc")).set(qn("w:val"), "center")
    if table.indent:
        ind = _SUB(pr, qn("w:tblInd"))
        ind.set(qn("w:w"), str(twips(table.indent)))
        ind.set(qn("w:type"), "dxa")
    _border_set(pr, "w:tblBorders", ("top", "left", "bottom", "right", "insideH", "insideV"), table.borders)
    _SUB(pr, qn("w:tblLayout")).set(qn("w:type"), "fixed")
    margins = _SUB(pr, qn("w:tblCellMar"))
    for side in ("left", "right"):
        m = _SUB(margins, qn(f"w:{side}"))
        m.set(qn("w:w"), str(twips(table.cell_margin)))
        m.set(qn("w:type"), "dxa")
    look = _SUB(pr, qn("w:tblLook"))
    look.set(qn("w:val"), "0000")
    grid = _SUB(tbl, qn("w:tblGrid"))
    for w in table.widths:
        _SUB(grid, qn("w:gridCol")).set(qn("w:w"), str(twips(w)))
    for row in table.rows:
        tr = _SUB(tbl, qn("w:tr"))
        if row.cant_split or row.header:
            trpr = _SUB(tr, qn("w:trPr"))
            if row.cant_split:
                _SUB(trpr, qn("w:cantSplit"))
            if row.header:
                _SUB(trpr, qn("w:tblHeader"))
        column = 0
        for cell in row.cells:
            if column >= len(table.widths):
                break
            span = max(1, min(cell.span, len(table.widths) - column))
            tr.append(_cell_element(cell, table.widths[column:column + span], table, font))
            column += span
    return tbl


def _cell_element(cell: Cell, widths: list[float], table: Table, font: str) -> etree._Element:
    tc = etree.Element(qn("w:tc"))
    pr = _SUB(tc, qn("w:tcPr"))
    w = _SUB(pr, qn("w:tcW"))
    width = sum(widths)
    w.set(qn("w:w"), str(sum(twips(x) for x in widths)))
    w.set(qn("w:type"), "dxa")
    if len(widths) > 1:
        _SUB(pr, qn("w:gridSpan")).set(qn("w:val"), str(len(widths)))
    if cell.valign != "top":
        _SUB(pr, qn("w:vAlign")).set(qn("w:val"), cell.valign)
    inner = width - 2 * table.cell_margin
    for par in cell.paragraphs or [Paragraph()]:
        tc.append(paragraph_element(par, font, inner))
    return tc


# --- document --------------------------------------------------------------------------------

def _set_defaults(doc: docx.document.Document, font: str, size: float) -> None:
    """Times New Roman on all four slots in the document defaults and the Normal style; no theme fonts."""
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), font)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(round(size * 2)))
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = _emu(size)
    normal_fonts = normal.element.rPr.find(qn("w:rFonts"))
    normal_fonts.set(qn("w:eastAsia"), font)
    normal_fonts.set(qn("w:cs"), font)


def _page_setup(section: docx.section.Section, page: PageSetup) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT
    section.page_width = _emu(page.width)
    section.page_height = _emu(page.height)
    section.top_margin = _emu(page.top)
    section.bottom_margin = _emu(page.bottom)
    section.left_margin = _emu(page.left)
    section.right_margin = _emu(page.right)
    section.header_distance = _emu(page.header_distance)
    section.footer_distance = _emu(page.header_distance)
    section.gutter = 0


def _headers(section: docx.section.Section, model: Section, font: str) -> None:
    section.different_first_page_header_footer = model.title_page
    header = section.header
    header.is_linked_to_previous = False
    hdr = header._element
    for p in list(hdr.iterchildren(qn("w:p"))):
        hdr.remove(p)
    if model.page_number is not None:
        hdr.append(paragraph_element(model.page_number, font, model.page.text_width))
    else:
        hdr.append(etree.Element(qn("w:p")))
    if model.title_page:
        first = section.first_page_header
        first.is_linked_to_previous = False  # an empty header: no number on the first page
    if model.restart_numbering:
        sect_pr = section._sectPr
        num = sect_pr.find(qn("w:pgNumType"))
        if num is None:
            num = etree.Element(qn("w:pgNumType"))
            sect_pr.insert_element_before(
                num, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
        num.set(qn("w:start"), "1")


def _shrink_break_paragraph(p: etree._Element, font: str) -> None:
    """The empty paragraph holding a section break: 1 pt high, so a full last page gets no blank page after it."""
    ppr = p.find(qn("w:pPr"))
    sect_pr = ppr.find(qn("w:sectPr"))
    spacing = etree.Element(qn("w:spacing"))
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "20")
    spacing.set(qn("w:lineRule"), "exact")
    sect_pr.addprevious(spacing)
    _run_properties(ppr, font, False, False, 1)
    sect_pr.addprevious(ppr[-1])  # rPr goes before sectPr


def build_docx(model: Document) -> docx.document.Document:
    """The python-docx document for ``model``."""
    doc = docx.Document()
    _set_defaults(doc, model.font, model.size)
    doc.core_properties.title = " ".join(_NOT_XML.sub("", model.title).split())[:255]  # Word's limit
    doc.core_properties.author = " ".join(_NOT_XML.sub("", model.author).split())[:255] or "KeHoach Desktop"
    doc.core_properties.language = "vi-VN"
    body = doc.element.body
    for index, section_model in enumerate(model.sections):
        if index == 0:
            section = doc.sections[0]
        else:
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            _shrink_break_paragraph(body[-2], model.font)
        _page_setup(section, section_model.page)
        _headers(section, section_model, model.font)
        sentinel = body[-1]  # the body's sectPr: content goes before it
        available = section_model.page.text_width
        for block in section_model.blocks:
            if isinstance(block, Table):
                sentinel.addprevious(table_element(block, model.font))
            else:
                sentinel.addprevious(paragraph_element(block, model.font, available))
        if section_model.blocks and isinstance(section_model.blocks[-1], Table):
            # Word needs a paragraph after a table at the end of a section.
            sentinel.addprevious(paragraph_element(Paragraph(size=2), model.font, available))
    return doc


def write_docx(model: Document, target: str | os.PathLike[str]) -> Path:
    """Write ``model`` to ``target`` through a temporary file (the old file stays if anything fails)."""
    doc = build_docx(model)
    return write_with(target, lambda tmp: doc.save(str(tmp)))
