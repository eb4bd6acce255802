"""Phụ lục task tables: columns mapped by their headings (STT, Nội dung, chủ trì, phối hợp, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain.plan import FIELDS, Task, TextTable
from ..domain.text import clean_line
from ..domain.timeframe import parse_timeframe
from ..domain.units import UnitCatalog
from .assign import quick_fold, split_assignment, split_units
from .blocks import Block, Table
from .tasktree import _field_value, _strip_bullet

_COLUMNS = [
    ("number", re.compile(r"^(stt|tt|so tt|so thu tu)$")),
    ("time", re.compile(r"thoi gian|thoi han|tien do|thoi diem")),
    ("coordinators", re.compile(r"phoi hop")),
    ("lead", re.compile(r"chu tri|thuc hien|don vi(?! tinh)|co quan|trach nhiem|phu trach")),  # not "Đơn vị tính"
    ("product", re.compile(r"san pham|ket qua")),
    ("notes", re.compile(r"ghi chu")),
    ("title", re.compile(r"noi dung|nhiem vu|hoat dong|cong viec|ten ")),
]


def _map_columns(cells: list[str]) -> dict[str, int] | None:
    mapping: dict[str, int] = {}
    for col, text in enumerate(cells):
        f = quick_fold(text[:80])
        for name, pattern in _COLUMNS:
            if name not in mapping and pattern.search(f):
                mapping[name] = col
                break
    if "title" in mapping and ("lead" in mapping or "time" in mapping):
        return mapping
    return None


def _heading_texts(table: Table, first: int, last: int) -> list[str]:
    """The heading of each grid column over rows ``first``..``last`` ("Đơn vị thực hiện" over "Chủ trì")."""
    rows = [table.grid_row(r) for r in range(first, last + 1)]
    width = max(len(r) for r in rows)
    texts = []
    for col in range(width):
        parts: list[str] = []
        for row in rows:
            text = " ".join(b.text for b in row[col]) if col < len(row) else ""
            if text and text not in parts:
                parts.append(text)
        texts.append(" ".join(parts))
    return texts


def _is_sub_heading(table: Table, row: int) -> bool:
    texts = [" ".join(b.text for b in cell) for cell in table.grid_row(row)]
    words = [t for t in texts if t]
    return bool(words) and all(len(t) < 40 and not re.search(r"\d", t) for t in words) and \
        any(re.search(r"chu tri|phoi hop|thuc hien|bat dau|ket thuc|hoan thanh", quick_fold(t)) for t in words)


def _row_cells(table: Table, row: int, mapping: dict[str, int]) -> dict[str, list[Block]]:
    """Each field's cell in a row, a merged cell (w:gridSpan) counting once.

    A cell merged across several columns fills one field only: the title when it covers the
    title column (a group row "I | Công tác chuẩn bị ..." merged to the end of the row), else
    the leftmost field it covers (a unit merged across "chủ trì" and "phối hợp" is the lead).
    A cell merged down (w:vMerge) is repeated in every row it spans by the reader.
    """
    out: dict[str, list[Block]] = {}
    for first, span, blocks in table.grid_cells(row):
        covered = [name for name, col in mapping.items() if first <= col < first + span]
        if covered:
            out["title" if "title" in covered else min(covered, key=mapping.__getitem__)] = blocks
    return out


_USUAL_ORDER = ("number", "title", "lead", "coordinators", "time", "product", "notes")


def _headerless_mapping(table: Table, catalog: UnitCatalog) -> dict[str, int] | None:
    """A task table without its heading row, read in the usual column order (STT, nội dung, chủ trì,
    phối hợp, thời gian, sản phẩm[, ghi chú]) when its rows look it: numbers first, units of the
    catalog in the third column, and times the tracker understands in the fifth."""
    rows = [[" ".join(b.text for b in cell).strip() for cell in table.grid_row(r)] for r in range(len(table.rows))]
    rows = [r for r in rows if len(r) in (6, 7) and any(r[2:])]
    if len(rows) < 2:
        return None
    numbered = sum(1 for r in rows if re.fullmatch(r"(?:\d{1,2}(?:\.\d{1,2})*|[IVX]+|[A-ZĐa-zđ])[.)]?", r[0]))
    units = sum(1 for r in rows if any(catalog.find(u) for u in split_units(r[2], catalog)[0]))
    times = sum(1 for r in rows if r[4] and parse_timeframe(r[4]).kind != "unknown")
    if numbered < 0.8 * len(rows) or units < 0.5 * len(rows) or times < 0.5 * len(rows):
        return None
    return {name: col for col, name in enumerate(_USUAL_ORDER[:len(rows[0])])}


def table_tasks(table: Table, catalog: UnitCatalog) -> list[Task] | None:
    """Tasks of a phụ lục table mapped by its column headings, or None when it is no task table."""
    read = read_task_table(table, catalog)
    return None if read is None else read.tasks


@dataclass
class TaskTable:
    """A task table as read: its tasks, and its columns in the source's order, each (field, heading as
    written), field ``""`` for a column that is no task field (its cells are kept in ``Task.cells``)."""

    tasks: list[Task]
    columns: list[tuple[str, str]]
    above: list[str] = field(default_factory=list)  # rows above the heading row ("DANH MỤC NHIỆM VỤ" merged)
    unplaced: list[str] = field(default_factory=list)  # rows with no task title ("Tổng cộng | 120"), as written


def read_task_table(table: Table, catalog: UnitCatalog) -> TaskTable | None:
    """The tasks and columns of a task table, or None when it is no task table."""
    for h in range(min(3, len(table.rows))):
        # one cell across the whole row is a title above the headings, never the headings
        mapping = _map_columns(_heading_texts(table, h, h)) if len(table.grid_cells(h)) > 1 else None
        if mapping:
            break
    else:
        mapping = _headerless_mapping(table, catalog)
        if mapping is None:
            return None
        h = -1  # no heading row: every row is a task
    first = h
    if 0 <= h and h + 1 < len(table.rows) and _is_sub_heading(table, h + 1):
        h += 1  # a two-row heading: "Đơn vị thực hiện" split into "Chủ trì" | "Phối hợp"
        mapping = _map_columns(_heading_texts(table, first, h)) or mapping
    roots: list[Task] = []
    unplaced: list[str] = []
    stack: list[tuple[str, Task]] = []
    counter = 0
    headings = _heading_texts(table, h, h) if h >= 0 else []
    labels = {name: clean_line(headings[col].replace("\n", " ")) for name, col in mapping.items()
              if name in FIELDS and col < len(headings)}
    # the columns as the source headed them (a two-row heading: "Đơn vị thực hiện Chủ trì")
    written = [clean_line(t.replace("\n", " ")) for t in _heading_texts(table, first, h)] if h >= 0 else []
    field_at = {col: name for name, col in mapping.items()}
    columns = [(field_at.get(col, ""), text) for col, text in enumerate(written)]
    others = {col: text for col, (name, text) in enumerate(columns) if not name and text}
    written_heading = {name: text for name, text in columns if name in ("lead", "coordinators") and text}
    for r in range(h + 1, len(table.rows)):
        row = table.grid_row(r)
        fields = _row_cells(table, r, mapping)

        def cell(name: str, fields: dict[str, list[Block]] = fields) -> list[str]:
            return [b.text for b in fields.get(name, ()) if b.text]

        title_lines = cell("title")
        number = " ".join(cell("number")).strip().rstrip(".)")
        if not title_lines:
            # no task without a title; what the row says of its own (not merged down from above) is kept
            above_row = table.grid_row(r - 1) if r > 0 else []
            own = [" ".join(b.text for b in c) for k, c in enumerate(row)
                   if c and not (k < len(above_row) and above_row[k] is c)]
            own = [t for t in dict.fromkeys(own) if t.strip() and not re.fullmatch(r"\(?\d+\)?", t.strip())]
            if own:
                unplaced.append(" | ".join(own))
            continue
        values = [b.text for c in row for b in c if b.text.strip()]
        if values and all(re.fullmatch(r"\(?\d+\)?", v.strip()) for v in values):
            continue  # the (1) (2) (3) row under the headings
        merged = len({" ".join(b.text for b in c) for c in row}) == 1
        if merged:  # one cell across the whole row: a group heading ("I. CÔNG TÁC TUYÊN TRUYỀN")
            style = "group"
            m = re.match(r"^([IVX]+|[A-ZĐ]|\d{1,2})\s*[.)]\s+(\S.*)$", title_lines[0])
            number, title_lines = (m.group(1), [m.group(2), *title_lines[1:]]) if m else ("", title_lines)
        elif "number" in mapping and not number and len({" ".join(b.text for b in c) for c in row if c}) == 1:
            style = "group"  # only the title cell filled
        elif re.fullmatch(r"[IVX]+", number):
            style = "roman"
        elif re.fullmatch(r"\d+(\.\d+)+", number):
            style = f"nested{number.count('.') + 1}"
        elif re.fullmatch(r"\d+", number):
            style = "decimal"
        elif re.fullmatch(r"[a-zđ]", number):
            style = "letter"
        elif number in ("-", "+", "–", "•"):
            style = "bullet:" + number
        elif re.fullmatch(r"[A-ZĐ]", number) and \
                not any(cell(name) for name in mapping if name not in ("number", "title")):
            style = "group"  # "A | NHIỆM VỤ CHUNG" and nothing else in the row: a group over "1", "2"
        else:
            style = "decimal"
            counter += 1
            number = number or str(counter)
        lead_lines = [] if merged else cell("lead")
        coord_lines = [] if merged else cell("coordinators")
        task = Task(title=_strip_bullet(title_lines[0]) if style.startswith("bullet") else title_lines[0],
                    number=number)
        task.content = title_lines[1:]
        lead_text = "\n".join(_strip_bullet(x) for x in lead_lines)
        if lead_text:
            a = split_assignment(lead_text, catalog) if "phối hợp" in lead_text else None
            if a is not None:
                task.lead, task.coordinators = a.lead, a.coordinators
                task.assignment = [x for x in lead_lines]
            else:
                task.lead, _ = split_units(lead_text, catalog)
        if coord_lines:
            units, _ = split_units("\n".join(_strip_bullet(x) for x in coord_lines), catalog)
            task.coordinators.extend(units)
        written = {"lead": list(task.lead), "coordinators": list(task.coordinators)}
        task.lead = catalog.canonical_list(task.lead)
        task.coordinators = catalog.canonical_list(task.coordinators)
        for name, lines in (("lead", lead_lines), ("coordinators", coord_lines)):
            # the cell prints as written where the catalog spells a unit otherwise ("… UBND xã")
            heading = written_heading.get(name)
            if heading and lines and written[name] != getattr(task, name):
                task.cells[heading] = "\n".join(lines)
        if not merged:
            task.time = _field_value(" ".join(cell("time")))
            product = _field_value("; ".join(_field_value(x) for x in cell("product")))
            task.product = product or None
            notes = _field_value(" ".join(cell("notes")))
            task.notes = notes or None
        task.labels = dict(labels)
        if not merged:
            for col, heading in others.items():
                value = "\n".join(b.text for b in row[col] if b.text) if col < len(row) else ""
                if value.strip():
                    task.cells[heading] = value
        # place it in the tree
        rank = {"group": 0, "roman": 0}.get(style)
        while stack and stack[-1][0] != style and rank is None and style.startswith("nested") and \
                not task.number.startswith(stack[-1][1].number + "."):
            stack.pop()
        placed = False
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == style:
                stack = stack[:k]
                break
        if stack and rank is None:
            stack[-1][1].children.append(task)
            placed = True
        if not placed:
            if rank is not None:
                stack = []
            roots.append(task)
        stack.append((style, task))
    above = [b.text for r in range(max(first, 0)) for _, _, cell in table.grid_cells(r) for b in cell if b.text]
    return TaskTable(roots, columns, above, unplaced)


# --- what follows the signature: the phụ lục -----------------------------------------------------

_LABEL = re.compile(
    r"^(?P<label>(?:PHỤ LỤC|Phụ lục|Phụ Lục|BIỂU MẪU|Biểu mẫu|BIỂU|Biểu|MẪU|Mẫu)"
    r"(?:\s+(?:số|SỐ|Số)\.?)?(?:\s*(?P<num>\d{1,3}[a-zA-Z]?|[IVXL]{1,5}[a-z]?)\b)?)\s*[.:\-–—]?\s*(?P<rest>.*)$")


def appendix_label(text: str) -> tuple[str, str] | None:
    """ "Phụ lục 01: ĐỀ CƯƠNG BÁO CÁO" -> ("Phụ lục 01", "ĐỀ CƯƠNG BÁO CÁO"); "PHỤ LỤC", "Biểu 02", "Mẫu số 01"
    alone; None for prose that merely starts with such a word ("Biểu dương …")."""
    m = _LABEL.match(text.strip())
    if not m:
        return None
    rest = m.group("rest").strip()
    letters = [c for c in text if c.isalpha()]
    upper = bool(letters) and all(c.isupper() for c in letters)
    if m.group("num") or not rest or upper or is_attached_line(rest):
        return m.group("label").strip(), rest
    return None


def is_attached_line(text: str) -> bool:
    """ "(Kèm theo Kế hoạch số 117/KH-UBND ngày … của …)", "(Ban hành kèm theo …)"."""
    f = quick_fold(text[:40]).lstrip("( ")
    return f.startswith(("kem theo", "ban hanh kem theo"))


def text_table(table: Table) -> TextTable:
    """A table as rows of cell texts: a cell merged across columns fills its first, a cell merged down
    is given once (in its first row), so nothing prints twice."""
    grid = [table.grid_cells(r) for r in range(len(table.rows))]
    width = max((first + span for row in grid for first, span, _ in row), default=0)
    rows: list[list[str]] = []
    above: dict[int, list[Block]] = {}
    merged_down = False
    for r, cells in enumerate(grid):
        out = [""] * width
        for first, _, blocks in cells:
            if blocks and above.get(first) is blocks:
                merged_down = merged_down or r == 1
                continue
            out[first] = "\n".join(b.text for b in blocks if b.text)
        above = {first: blocks for first, _, blocks in cells}
        rows.append(out)
    spans = table.spans[0] if table.spans else []
    two_row = len(rows) > 2 and (merged_down or any(s > 1 for s in spans))
    return TextTable(rows, 2 if two_row else min(1, len(rows)))
