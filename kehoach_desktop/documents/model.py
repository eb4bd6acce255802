"""A small document model: what a page holds, independent of Word or Qt.

The layout rules (``layout.py``) build this model; the writers (``docx_writer.py``,
``qt_writer.py``) render it. Every length is in points (1 pt = 1/72 inch); use
:func:`cm` and :func:`mm` to convert.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right", "justify"]

PT_PER_CM = 72 / 2.54


def cm(value: float) -> float:
    """Centimetres to points."""
    return value * PT_PER_CM


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * PT_PER_CM / 10


A4_WIDTH = mm(210)
A4_HEIGHT = mm(297)


@dataclass(frozen=True)
class Run:
    """A stretch of text in one character format; ``field="PAGE"`` is the page number."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    size: float | None = None  # pt; None = the paragraph's size
    field: str | None = None  # "PAGE": a real page-number field


@dataclass(frozen=True)
class Rule:
    """A horizontal rule drawn as the paragraph's bottom border, centred, ``width`` pt long."""

    width: float
    thickness: float = 0.75  # pt


@dataclass
class Paragraph:
    """One paragraph: runs plus paragraph format.

    ``rule`` makes the paragraph a rule of that length, centred in the available
    width (an empty paragraph drawn as a bottom border: it survives editing in Word).
    """

    runs: list[Run] = field(default_factory=list)
    align: Align = "left"
    size: float = 14  # pt, the default for runs without their own size
    bold: bool = False  # default for the runs
    italic: bool = False
    first_line_indent: float = 0  # pt
    left_indent: float = 0
    right_indent: float = 0
    space_before: float = 0  # pt
    space_after: float = 0
    line_spacing: float = 1.0  # multiple of single spacing
    keep_with_next: bool = False
    keep_together: bool = False
    page_break_before: bool = False
    rule: Rule | None = None

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Cell:
    """A table cell: paragraphs, with its own text alignment; ``span`` columns wide (merged across)."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    valign: Literal["top", "center", "bottom"] = "top"
    span: int = 1


@dataclass
class Row:
    """A table row: its cells cover the table's columns (a cell with ``span`` > 1 stands for several)."""

    cells: list[Cell]
    header: bool = False  # repeated at the top of every page
    cant_split: bool = False  # never broken across pages


@dataclass
class Table:
    """A table with fixed column widths (pt), borderless or with single lines."""

    widths: list[float]
    rows: list[Row] = field(default_factory=list)
    borders: bool = False
    indent: float = 0  # pt from the left margin (negative: into the margin)
    cell_margin: float = 4.25  # pt left and right inside each cell
    align: Literal["left", "center"] = "left"

    @property
    def width(self) -> float:
        return sum(self.widths)


Block = Paragraph | Table


@dataclass
class PageSetup:
    """Paper, orientation and margins (pt)."""

    width: float = A4_WIDTH
    height: float = A4_HEIGHT
    top: float = mm(20)
    bottom: float = mm(20)
    left: float = mm(30)
    right: float = mm(15)
    header_distance: float = mm(10)  # from the top edge to the page number

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom

    def rotated(self) -> PageSetup:
        """The same margins on a landscape page (the binding margin stays on the left)."""
        return PageSetup(self.height, self.width, self.top, self.bottom, self.left, self.right,
                         self.header_distance)


@dataclass
class Section:
    """A run of pages with one page setup.

    ``page_number`` is the paragraph printed in the top margin (holding a PAGE
    field); ``title_page`` hides it on the section's first page;
    ``restart_numbering`` starts the section's pages again at 1.
    """

    blocks: list[Block] = field(default_factory=list)
    page: PageSetup = field(default_factory=PageSetup)
    page_number: Paragraph | None = None
    title_page: bool = True
    restart_numbering: bool = False


@dataclass
class Document:
    sections: list[Section] = field(default_factory=list)
    font: str = "Times New Roman"
    size: float = 14
    title: str = ""  # document properties
    author: str = ""

    def blocks(self) -> list[Block]:
        return [block for section in self.sections for block in section.blocks]

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph in reading order, table cells row by row."""
        out: list[Paragraph] = []
        for block in self.blocks():
            if isinstance(block, Paragraph):
                out.append(block)
            else:
                for row in block.rows:
                    for cell in row.cells:
                        out.extend(cell.paragraphs)
        return out
