"""The flat list of paragraphs (with formatting hints) and tables that every reader produces."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """One paragraph (or line) of the source document, in document order.

    Automatic numbering of Word is already resolved into ``text`` ("1. ...",
    "a) ...", "- ..."), so typed and automatic numbering look alike downstream.
    """

    text: str
    bold: bool = False  # every letter of the paragraph is bold
    italic: bool = False
    align: str | None = None  # "center", "right", "both" ...
    table: int | None = None  # index of the table it came from (None: body)
    row: int | None = None
    col: int | None = None
    auto_number: bool = False  # the number came from Word's automatic numbering
    landscape: bool | None = None  # on a landscape page (Word's section), None when the file does not say


@dataclass
class Table:
    """A table: rows of cells, each cell a list of its paragraphs."""

    index: int
    rows: list[list[list[Block]]] = field(default_factory=list)
    spans: list[list[int]] = field(default_factory=list)  # grid columns each cell spans (Word gridSpan)
    landscape: bool | None = None  # on a landscape page (Word's section), None when the file does not say

    def grid_row(self, row: int) -> list[list[Block]]:
        """The row by grid column: a cell merged across columns fills each of them."""
        cells = self.rows[row]
        spans = self.spans[row] if row < len(self.spans) else [1] * len(cells)
        out: list[list[Block]] = []
        for cell, span in zip(cells, spans, strict=False):
            out.extend([cell] * max(span, 1))
        return out

    def grid_cells(self, row: int) -> list[tuple[int, int, list[Block]]]:
        """The row's own cells, each once, as (first grid column, grid columns spanned, paragraphs).

        Unlike :meth:`grid_row`, a cell merged across columns is one cell here, so its text
        can be given to one field of the row instead of to every column it covers.
        """
        cells = self.rows[row]
        spans = self.spans[row] if row < len(self.spans) else [1] * len(cells)
        out: list[tuple[int, int, list[Block]]] = []
        col = 0
        for k, cell in enumerate(cells):
            span = max(spans[k], 1) if k < len(spans) else 1
            out.append((col, span, cell))
            col += span
        return out

    def cell_text(self, row: int, col: int) -> str:
        cells = self.rows[row]
        if col >= len(cells):
            return ""
        return "\n".join(b.text for b in cells[col] if b.text)


@dataclass
class Source:
    """What a reader found: blocks and tables in document order, and facts for the summary."""

    items: list[Block | Table] = field(default_factory=list)
    formatted: bool = False  # bold/alignment are known (docx, Markdown with **)
    encodings: set[str] = field(default_factory=set)  # legacy encodings converted ("tcvn3", "vni")
    images: int = 0  # pictures met (an image-only scan has no text at all)
    footnotes: list[str] = field(default_factory=list)  # their texts: no place in a plan, kept in its notes
    kind: str = ""  # "docx", "pdf", "md", "txt"
    notes: list[str] = field(default_factory=list)  # what the reader found that the user should know
