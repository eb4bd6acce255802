"""Render the document model with Qt: a ``QTextDocument`` for the print preview, pages for a printer, PDF.

An office without Word or LibreOffice can still print: ``write_pdf`` lays the
model out with Qt's text engine and paints it page by page through
``QPdfWriter``; the desktop app's print preview calls :func:`paint_document`
with its ``QPrinter`` (from ``QPrintPreviewDialog.paintRequested``), or shows
:func:`to_qtextdocument`.

Qt is imported inside the functions, so importing this module costs nothing and
the rest of ``documents/`` stays free of Qt. Page numbers are painted in the top
margin (centred, from page 2, restarting per section as the model says); rules
are Qt's horizontal rulers; a table's header rows repeat on every page. Qt
cannot keep a table row or a paragraph from splitting across pages: a long table
is cut before a row that would be torn and goes on from the next page as a new
table with its heading rows (:func:`_cut_tables`); a paragraph, or a row taller
than most of a page, may still break where Word would not.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..fileio import write_with
from .model import Document, Paragraph, Rule, Section, Table

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtGui import QPagedPaintDevice, QTextDocument

FONT_FAMILIES = ["Times New Roman", "Liberation Serif", "Tinos", "Nimbus Roman", "DejaVu Serif"]
PDF_DPI = 1200
LAYOUT_DPI = 96  # the resolution QTextDocument's lengths are given in


def ensure_application() -> Any:
    """The running Qt application, or a new ``QApplication`` (Qt's fonts need one).

    A full ``QApplication`` rather than a ``QGuiApplication``, so that the desktop
    app (and pytest-qt) can still open windows in the same process afterwards.
    Headless on a Linux machine without a display.
    """
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        app = QApplication(["kehoach"])
    return app


class _Builder:
    """Fills a QTextDocument from model blocks.

    Qt's text layout takes block margins and table widths in pixels at 96 DPI
    and scales them to the paint device itself, so those go in at 96/72 per pt;
    the page size, the first-line indent and a ruler's width are in device
    units (``page_scale`` per pt).
    """

    def __init__(self, document: Document, page_scale: float = LAYOUT_DPI / 72, *,
                 qt_rulers: bool = False) -> None:
        from PySide6 import QtGui

        self.Qt = QtGui
        self.model = document
        self.qt_rulers = qt_rulers  # let Qt draw the rules (preview) instead of paint_document
        self.rules: list[tuple[int, Rule]] = []  # (cursor position of the rule's block, rule)
        self.keep_next: list[int] = []  # positions of blocks kept on the page of the next block
        self.kept_tables: list[Any] = []  # small tables whose rows never split (header, signature)
        self.row_tables: list[tuple[Any, Table]] = []  # longer tables with rows that never split, and their model
        self.break_before: set[int] = set()  # id() of the tables that start a page (the rest of a cut table)
        self.scale = LAYOUT_DPI / 72  # margins, table widths: Qt scales these to the device
        self.page_scale = page_scale  # page size, first-line indent, ruler width: device units

    def font(self, size: float, bold: bool, italic: bool) -> Any:
        f = self.Qt.QFont()
        f.setFamilies(FONT_FAMILIES)
        f.setPointSizeF(size)
        f.setBold(bold)
        f.setItalic(italic)
        return f

    def new_document(self, width: float | None = None, height: float | None = None) -> Any:
        from PySide6.QtCore import QSizeF

        doc = self.Qt.QTextDocument()
        doc.setUseDesignMetrics(True)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(self.font(self.model.size, False, False))
        if width is not None:
            doc.setPageSize(QSizeF(width * self.page_scale, (height or 1e6) * self.page_scale))
        return doc

    def block_format(self, par: Paragraph) -> Any:
        from PySide6.QtCore import Qt

        fmt = self.Qt.QTextBlockFormat()
        fmt.setAlignment({"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
                          "right": Qt.AlignmentFlag.AlignRight,
                          "justify": Qt.AlignmentFlag.AlignJustify}[par.align])
        s = self.scale
        fmt.setTopMargin(par.space_before * s)
        fmt.setBottomMargin(par.space_after * s)
        fmt.setLeftMargin(par.left_indent * s)
        fmt.setRightMargin(par.right_indent * s)
        fmt.setTextIndent(par.first_line_indent * self.page_scale)
        fmt.setLineHeight(par.line_spacing * 100, 1)  # 1 = ProportionalHeight
        fmt.setNonBreakableLines(par.keep_together)
        if par.rule is not None and self.qt_rulers:
            fmt.setProperty(self.Qt.QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                            self.Qt.QTextLength(self.Qt.QTextLength.Type.FixedLength,
                                                               par.rule.width * self.page_scale))
        return fmt

    def char_format(self, size: float, bold: bool, italic: bool) -> Any:
        fmt = self.Qt.QTextCharFormat()
        fmt.setFont(self.font(size, bold, italic))
        return fmt

    def paragraph(self, cursor: Any, par: Paragraph, first: bool) -> None:
        mark = self.char_format(par.size, par.bold, par.italic)
        if first:
            cursor.setBlockFormat(self.block_format(par))
            cursor.setBlockCharFormat(mark)
        else:
            cursor.insertBlock(self.block_format(par), mark)
        if par.rule is not None:
            self.rules.append((cursor.position(), par.rule))
        if par.keep_with_next:
            self.keep_next.append(cursor.position())
        for run in par.runs:
            text = "#" if run.field else run.text
            cursor.insertText(text, self.char_format(run.size or par.size, run.bold or par.bold,
                                                     run.italic or par.italic))

    def table(self, cursor: Any, table: Table, space_before: float = 0) -> None:
        Q = self.Qt
        s = self.scale
        fmt = Q.QTextTableFormat()
        # Qt's fixed column width excludes the cell padding and border that Word counts in.
        border = 1 if table.borders else 0
        fmt.setColumnWidthConstraints([
            Q.QTextLength(Q.QTextLength.Type.FixedLength, max(w * s - border, 1))
            for w in table.widths])
        fmt.setCellSpacing(0)
        fmt.setCellPadding(table.cell_margin * s)
        fmt.setBorderCollapse(True)
        if table.borders:
            fmt.setBorder(1)  # 0.75 pt; Qt draws nothing for a border under one pixel at 96 DPI
            fmt.setBorderStyle(Q.QTextFrameFormat.BorderStyle.BorderStyle_Solid)
            fmt.setBorderBrush(Q.QBrush(Q.QColor(0, 0, 0)))  # the default brush draws nothing
        else:
            fmt.setBorder(0)
            fmt.setBorderStyle(Q.QTextFrameFormat.BorderStyle.BorderStyle_None)
        fmt.setMargin(0)
        fmt.setTopMargin(space_before * s)
        fmt.setLeftMargin(table.indent * s)
        fmt.setHeaderRowCount(sum(1 for row in table.rows if row.header))
        if id(table) in self.break_before:
            fmt.setPageBreakPolicy(Q.QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        qtable = cursor.insertTable(len(table.rows), len(table.widths), fmt)
        if len(table.rows) <= 3 and all(row.cant_split for row in table.rows):
            self.kept_tables.append(qtable)
        elif any(row.cant_split and not row.header for row in table.rows):
            self.row_tables.append((qtable, table))
        merges = []
        for r, row in enumerate(table.rows):
            c = 0
            for cell in row.cells:
                if c >= len(table.widths):
                    break
                span = max(1, min(cell.span, len(table.widths) - c))
                if span > 1:
                    merges.append((r, c, span))
                qcell = qtable.cellAt(r, c)
                c += span
                cell_cursor = qcell.firstCursorPosition()
                for i, par in enumerate(cell.paragraphs or [Paragraph()]):
                    self.paragraph(cell_cursor, par, first=i == 0)
        for r, c, span in merges:  # once filled: the spanned cells are empty, their blocks go
            qtable.mergeCells(r, c, 1, span)
        cursor.movePosition(Q.QTextCursor.MoveOperation.End)

    def fill(self, doc: Any, blocks: list, first: bool = True) -> None:
        cursor = self.Qt.QTextCursor(doc)
        cursor.movePosition(self.Qt.QTextCursor.MoveOperation.End)
        previous = None
        for block in blocks:
            if isinstance(block, Table):
                if first:  # a table cannot be the first thing: keep an empty 2 pt block before it
                    self.paragraph(cursor, Paragraph(size=2), first=True)
                # Qt lays the table over an empty block right before it (the block holds the table's
                # anchor): an empty spacer paragraph becomes the table's space above instead
                gap = 0.0
                if isinstance(previous, Paragraph) and not previous.runs and previous.rule is None:
                    gap = previous.space_before + previous.size * previous.line_spacing + previous.space_after
                self.table(cursor, block, gap)
                # Qt leaves an empty block after a table; shrink it and start a new block, whose
                # space before Qt then keeps.
                self.paragraph(cursor, Paragraph(size=1, line_spacing=1.0), first=True)
                first = False
            else:
                self.paragraph(cursor, block, first=first)
                first = False
            previous = block


def to_qtextdocument(model: Document) -> QTextDocument:
    """The whole model as one ``QTextDocument`` (all sections, one after another) for a preview.

    Laid out at 96 DPI with the first section's text area as its page size;
    ``QTextDocument.print_(printer)`` prints it, but :func:`paint_document` is
    better for paper (margins, page numbers, landscape phụ lục).
    """
    ensure_application()
    builder = _Builder(model, qt_rulers=True)
    first = model.sections[0].page if model.sections else None
    doc = builder.new_document(first.text_width if first else None, first.text_height if first else None)
    started = True
    for section in model.sections:
        builder.fill(doc, section.blocks, first=started)
        started = False
    return doc


def paint_document(model: Document, device: QPagedPaintDevice) -> int:
    """Paint ``model`` onto a ``QPdfWriter`` or ``QPrinter``, page by page; return the page count."""
    ensure_application()
    from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPaintEngine, QPainter

    if hasattr(device, "setFullPage"):
        device.setFullPage(True)
    # A printer (and the print preview) keeps the paper of the first page once painting has begun: a
    # section of the other orientation (a landscape phụ lục) is painted turned a quarter on that paper,
    # as it comes out of a printer's tray. A PDF (QPdfWriter, or QPrinter writing PDF) changes its pages.
    engine = device.paintEngine()
    fixed_paper = engine is not None and engine.type() != QPaintEngine.Type.Pdf
    first_landscape: bool | None = None
    painter: QPainter | None = None
    pages = 0
    try:
        for index, section in enumerate(model.sections):
            page = section.page
            orientation = QPageLayout.Orientation.Landscape if page.landscape else QPageLayout.Orientation.Portrait
            size = QPageSize(QSizeF(min(page.width, page.height), max(page.width, page.height)),
                             QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
            layout = QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
            if painter is None or not fixed_paper:
                device.setPageLayout(layout)
                first_landscape = page.landscape if first_landscape is None else first_landscape
            turned = fixed_paper and page.landscape != first_landscape
            if painter is None:
                painter = QPainter()
                if not painter.begin(device):
                    raise OSError("không mở được thiết bị in")
            elif index > 0:
                device.newPage()
            scale = device.logicalDpiY() / 72
            # Whole device units: Qt pages in fixed point, so a fractional page height lets a line
            # sit a hair above the page boundary and get clipped from both pages.
            w, h = int(page.text_width * scale), int(page.text_height * scale)
            blocks, breaks = section.blocks, set()
            for _attempt in range(2):
                builder = _Builder(model, scale)
                builder.break_before = breaks
                doc = builder.new_document()
                builder.fill(doc, blocks)  # before the layout exists: editing a laid-out table is slow
                doc.documentLayout().setPaintDevice(device)
                doc.setPageSize(QSizeF(w, h))
                if breaks:
                    break
                # rows Qt would tear across pages: lay out again with the tables cut before them
                blocks, breaks = _cut_tables(builder, doc, h, blocks)
                if not breaks:
                    break
            _keep_together(builder, doc, h)
            count = doc.pageCount()
            for number in range(count):
                if number > 0:
                    device.newPage()
                painter.save()
                if turned:  # the section's page turned a quarter onto the printer's paper, its top at the
                    painter.translate(QPointF(0, device.height()))  # left edge, as printers lay landscape
                    painter.rotate(-90)
                painter.save()
                painter.translate(QPointF(page.left * scale, page.top * scale - number * h))
                doc.drawContents(painter, QRectF(0, number * h, w, h))
                _paint_rules(builder, doc, painter, number * h, (number + 1) * h)
                painter.restore()
                if section.page_number is not None and not (section.title_page and number == 0):
                    _paint_page_number(builder, painter, section, number + 1, scale)
                painter.restore()
                pages += 1
    finally:
        if painter is not None and painter.isActive():
            painter.end()
    return pages


def _cut_tables(builder: _Builder, doc: Any, page_height: float, blocks: list) -> tuple[list, set[int]]:
    """Word's "don't split row" in a long table, which Qt lacks: ``blocks`` with each long table cut before
    the rows Qt would tear across pages, and the id() of the tables that must start a page (none: nothing
    to cut). Each rest is a table of its own, with the heading rows again, starting a page. A row taller than
    most of a page is left to break. The rows' heights come from this layout; the cuts page them as Word
    does, so the next layout needs no more."""
    layout = doc.documentLayout()
    cuts_of: dict[int, list[int]] = {}
    for qtable, model in builder.row_tables:
        heads = sum(1 for row in model.rows if row.header)
        n = len(model.rows)
        if n <= heads + 1:
            continue
        pad = (model.cell_margin + 0.5) * builder.page_scale  # a cell's padding and border, above and below
        spans = []
        for r in range(n):
            cells = [qtable.cellAt(r, c) for c in range(qtable.columns())]
            top = min(layout.blockBoundingRect(cell.firstCursorPosition().block()).top() for cell in cells)
            bottom = max(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom() for cell in cells)
            spans.append((top - pad, bottom + pad))
        # a row's height: down to the next row's top where both are on one page, else its cells' lines
        # and margins (a row Qt tore holds the page break in its extent)
        margin = builder.page_scale / builder.scale  # a block's margins are in 96-DPI pixels

        def lines_height(r: int, qtable: Any = qtable, pad: float = pad, margin: float = margin) -> float:
            tallest = 0.0
            for c in range(qtable.columns()):
                cell = qtable.cellAt(r, c)
                block, end, total = cell.firstCursorPosition().block(), cell.lastPosition(), 0.0
                while block.isValid() and block.position() <= end:
                    fmt, lines = block.blockFormat(), block.layout()
                    total += (fmt.topMargin() + fmt.bottomMargin()) * margin
                    total += sum(lines.lineAt(k).height() for k in range(lines.lineCount()))
                    block = block.next()
                tallest = max(tallest, total)
            return tallest + 2 * pad

        heights = [spans[r + 1][0] - top if r + 1 < n and int(top // page_height) == int(spans[r + 1][0] // page_height)
                   else lines_height(r) for r, (top, _bottom) in enumerate(spans)]
        head_height = sum(heights[:heads])
        y = spans[heads][0]
        cuts: list[int] = []
        for r in range(heads, n):
            page = int(y // page_height)
            first = r == heads if not cuts else r == cuts[-1]
            if not first and heights[r] < page_height * 0.8 and y + heights[r] > (page + 1) * page_height:
                cuts.append(r)
                y = (page + 1) * page_height + head_height
            y += heights[r]
        if cuts:
            cuts_of[id(model)] = cuts
    if not cuts_of:
        return blocks, set()
    out: list = []
    breaks: set[int] = set()
    for block in blocks:
        cuts = cuts_of.get(id(block)) if isinstance(block, Table) else None
        if not cuts:
            out.append(block)
            continue
        heads = [row for row in block.rows if row.header]
        bounds = [0, *cuts, len(block.rows)]
        for k in range(len(bounds) - 1):
            rows = block.rows[bounds[k]:bounds[k + 1]]
            out.append(Table(block.widths, rows if k == 0 else [*heads, *rows], block.borders, block.indent,
                             block.cell_margin, block.align))
            if k:
                breaks.add(id(out[-1]))
    return out, breaks


def _keep_together(builder: _Builder, doc: Any, page_height: float) -> None:
    """Word's "keep with next" and "don't split row", which Qt lacks: break the page before them.

    Walks the marked blocks and small tables in document order; where one would
    be split from what follows (or torn across a page), it starts a new page
    and the layout is redone from there on.
    """
    from PySide6.QtGui import QTextFormat

    layout = doc.documentLayout()
    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    items: list[tuple[int, Any]] = [(p, None) for p in builder.keep_next]
    items += [(t.firstPosition(), t) for t in builder.kept_tables]
    items.sort(key=lambda item: item[0])

    def page(y: float) -> int:
        return int(y // page_height)

    for position, table in items:
        if table is not None:
            rect = layout.frameBoundingRect(table)
            if rect.height() < page_height and page(rect.top()) != page(rect.bottom() - 1):
                fmt = table.format()
                fmt.setPageBreakPolicy(always)
                table.setFormat(fmt)
            continue
        block = doc.findBlock(position)
        following = block.next()
        if not following.isValid():
            continue
        rect = layout.blockBoundingRect(block)
        at_top = rect.top() - page(rect.top()) * page_height < 1
        if not at_top and page(rect.top()) != page(layout.blockBoundingRect(following).bottom() - 1):
            cursor = builder.Qt.QTextCursor(block)
            fmt = block.blockFormat()
            fmt.setPageBreakPolicy(always)
            cursor.setBlockFormat(fmt)


def _paint_rules(builder: _Builder, doc: Any, painter: Any, top: float, bottom: float) -> None:
    """Rules as black lines at the bottom of their (empty) blocks, centred, as Word draws the border."""
    from PySide6.QtCore import QLineF, Qt
    from PySide6.QtGui import QColor, QPen

    layout = doc.documentLayout()
    for position, rule in builder.rules:
        rect = layout.blockBoundingRect(doc.findBlock(position))
        if not top <= rect.bottom() < bottom:
            continue
        pen = QPen(QColor(Qt.GlobalColor.black))
        pen.setWidthF(rule.thickness * builder.page_scale)
        painter.setPen(pen)
        half = rule.width * builder.page_scale / 2
        y = rect.bottom()
        centre = rect.center().x()
        painter.drawLine(QLineF(centre - half, y, centre + half, y))


def _paint_page_number(builder: _Builder, painter: Any, section: Section, number: int, scale: float) -> None:
    from PySide6.QtCore import QRectF, Qt

    par = section.page_number
    assert par is not None
    run = par.runs[0] if par.runs else None
    size = (run.size if run and run.size else par.size)
    painter.save()
    font = builder.font(size, par.bold, par.italic)
    painter.setFont(font)
    page = section.page
    top = page.header_distance * scale
    rect = QRectF(page.left * scale, top, page.text_width * scale, max(page.top - page.header_distance, 14) * scale)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), str(number))
    painter.restore()


def write_pdf(model: Document, target: str | os.PathLike[str]) -> Path:
    """Write ``model`` as PDF through a temporary file, with Qt only (no Word, no LibreOffice)."""
    ensure_application()
    from PySide6.QtGui import QPdfWriter

    def render(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_DPI)
        writer.setTitle(model.title)
        writer.setCreator("KeHoach Desktop")
        paint_document(model, writer)
        del writer  # flushes and closes the file
        _check_complete(tmp)

    return write_with(target, render)


def _check_complete(pdf: Path) -> None:
    """Qt reports no write error: a full disk leaves a cut-off PDF, which must not be moved into place."""
    import errno
    import shutil

    size = pdf.stat().st_size
    with pdf.open("rb") as fh:
        fh.seek(max(0, size - 64))
        complete = b"%%EOF" in fh.read()
    if not complete:
        full = shutil.disk_usage(pdf.parent).free < 8 * 1024 * 1024
        code = errno.ENOSPC if full else errno.EIO
        raise OSError(code, os.strerror(code), str(pdf))
