"""Read a .txt or .md plan into blocks: one block per line, Markdown marks dropped.

A whole line wrapped in ``**`` (or a ``#`` heading) counts as bold, the way the
Word original had it; ``* item`` becomes ``- item``; a ``| a | b |`` table becomes
a table (a phụ lục pasted as Markdown).
"""

from __future__ import annotations

import html
import re
from collections import Counter

from ..domain.text import clean_line
from .blocks import Block, Source, Table
from .encoding import decode_bytes, fix_legacy, legacy_kind, needs_decision

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_BOLD_WRAP = re.compile(r"^(\*\*\*|\*\*|__)(?P<inner>.+?)\1[.:;]?$")
_ITALIC_WRAP = re.compile(r"^(\*|_)(?P<inner>[^*_].*?)\1$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_COLUMNS = re.compile(r"\t{2,}\s*|\t?[ \u00a0]{4,}")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _strip_marks(line: str) -> tuple[str, bool, bool]:
    text = line.strip()
    heading = bool(_HEADING.match(text))
    text = _HEADING.sub("", text)
    if text.startswith(("* ", "• ")):
        text = "- " + text[2:]
    bold = italic = False
    m = _BOLD_WRAP.match(text)
    if m and "**" not in m.group("inner"):
        bold = True
        italic = m.group(1) == "***"
        suffix = text[m.end("inner") + len(m.group(1)):]
        text = m.group("inner") + suffix
    elif heading and text:
        bold = True
    m = _ITALIC_WRAP.match(text)
    if m:
        italic = True
        text = m.group("inner")
    text = text.replace("***", "").replace("**", "").replace("__", "")
    # *emphasis* inside a line: drop the stars, keep the words
    text = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])", r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = re.sub(r"<br\s*/?>", " ", text)
    if "&" in text and ";" in text:
        text = html.unescape(text)  # &nbsp; &amp; from an HTML-ish conversion
    return text, bold, italic


def _split_columns(line: str) -> list[str]:
    """Split "ỦY BAN NHÂN DÂN<tab><tab>CỘNG HÒA ..." but keep blanks: "Số:      /KH-UBND", "ngày    tháng"."""
    parts: list[str] = []
    pos = 0
    for m in _COLUMNS.finditer(line):
        left, right = line[pos:m.start()], line[m.end():]
        if not left.strip() or not right.strip():
            continue
        tail = left.rstrip().lower()
        if right[:1] in "/.…_,;" or tail.endswith(("ngày", "tháng", "năm", "số", "số:")) or \
                (tail.endswith(":") and not tail.endswith("nhận:")) or not (right[:1].isupper() or right[:1] in "-+("):
            continue
        parts.append(left)
        pos = m.end()
    parts.append(line[pos:])
    return parts


_SIDE_BY_SIDE = re.compile(r"^\s*N[ơo]i nh[ậa]n\s*:?[^\t]*?(?:\t+|[ \u00a0]{4,})\s*\S", re.IGNORECASE)
_COLUMN_GAP = re.compile(r"\t+\s*|[ \u00a0]{4,}")
_RECIPIENT_ITEM = re.compile(r"^\s*(?:[-–+•]\s*\S|Lưu\b)")  # a line of Nơi nhận with nothing beside it


def _read_two_columns(raw_lines: list[str], start: int, out: list[str]) -> int:
    """ "Nơi nhận:<tab>TM. ỦY BAN NHÂN DÂN" and the lines after it, each split at its first gap:
    the recipients (left) are given before the signature (right), as a table's cells would be.
    A left-column line with nothing beside it ("- Các trường học;") stays in the block.
    Returns the index of the first line after the two columns."""
    left: list[str] = []
    right: list[str] = []
    i = start
    while i < len(raw_lines):
        line = raw_lines[i].rstrip()
        if i > start and line.strip() and not _COLUMN_GAP.search(line) and not _RECIPIENT_ITEM.match(line):
            break  # back to one column: the text goes on after the signature
        first, _, second = _COLUMN_GAP.sub("\t", line, count=1).partition("\t")
        if first.strip():
            left.append(first.strip())
        if second.strip():
            right.append(second.strip())
        i += 1
    out.extend(left)
    out.extend(right)
    return i


def read_text(raw: bytes, markdown: bool) -> Source:
    text, encoding = decode_bytes(raw)
    source = Source(formatted=markdown, kind="md" if markdown else "txt")
    if encoding in ("tcvn3", "vni"):
        source.encodings.add(encoding)  # the whole file was converted while decoding
    document_kind = None
    if encoding in ("utf-8", "utf-16"):
        # a legacy text pasted into a UTF-8 file: decide once for the whole text
        kinds = [legacy_kind(line) for line in text.splitlines() if needs_decision(line)]
        counted = Counter(k for k in kinds if k)
        if counted and counted.most_common(1)[0][1] >= max(3, len(kinds) // 2):
            document_kind = counted.most_common(1)[0][0]
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    table: Table | None = None
    tables = 0
    lines: list[str] = []
    raw_lines = text.split("\n")
    i = 0
    while i < len(raw_lines):
        line = raw_lines[i]
        if _SIDE_BY_SIDE.match(line):  # Nơi nhận and the signature in two columns: left column first
            i = _read_two_columns(raw_lines, i, lines)
            continue
        # columns typed with tabs or runs of spaces (a header or signature without a table)
        lines.extend(_split_columns(line.strip()) if not _TABLE_ROW.match(line) else [line])
        i += 1
    for line in lines:
        fixed, kind = (fix_legacy(line, kind=document_kind if needs_decision(line) else None)
                       if encoding in ("utf-8", "utf-16") else (line, None))
        if kind:
            source.encodings.add(kind)
        row = _TABLE_ROW.match(fixed)
        if row:
            if _TABLE_RULE.match(fixed):
                continue
            if table is None:
                table = Table(tables)
                tables += 1
                source.items.append(table)
            cells = []
            for c, cell in enumerate(re.split(r"(?<!\\)\|", row.group(1))):
                blocks = []
                for part in re.split(r"<br\s*/?>", cell):
                    t, b, i = _strip_marks(part)
                    t = clean_line(t)
                    if t:
                        blocks.append(Block(t, bold=b, italic=i, table=table.index,
                                            row=len(table.rows), col=c))
                cells.append(blocks)
            table.rows.append(cells)
            continue
        table = None
        stripped, bold, italic = _strip_marks(fixed) if markdown or "*" in fixed or "#" in fixed[:1] \
            else (fixed, False, False)
        stripped = clean_line(stripped)
        if not stripped:
            continue
        source.items.append(Block(stripped, bold=bold, italic=italic))
    if markdown and not any(isinstance(b, Block) and b.bold for b in source.items):
        source.formatted = False
    return source
