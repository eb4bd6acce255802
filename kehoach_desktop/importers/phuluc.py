"""Phụ lục task tables: columns mapped by their headings (STT, Nội dung, chủ trì, phối hợp, ...)."""

from __future__ import annotations

import re

from ..domain.plan import FIELDS, Task
from ..domain.text import clean_line
from ..domain.units import UnitCatalog
from .assign import quick_fold, split_assignment, split_units
from .blocks import Block, Table
from .tasktree import _field_value, _strip_bullet

_COLUMNS = [
    ("number", re.compile(r"^(stt|tt|so tt|so thu tu)$")),
    ("time", re.compile(r"thoi gian|thoi han|tien do|thoi diem")),
    ("coordinators", re.compile(r"phoi hop")),
    ("lead", re.compile(r"chu tri|thuc hien|don vi|co quan|trach nhiem|phu trach")),
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


def table_tasks(table: Table, catalog: UnitCatalog) -> list[Task] | None:
    """Tasks of a phụ lục table mapped by its column headings, or None when it is no task table."""
    for h in range(min(3, len(table.rows))):
        cells = [table.cell_text(h, c) for c in range(len(table.rows[h]))]
        mapping = _map_columns(cells)
        if mapping:
            break
    else:
        return None
    roots: list[Task] = []
    stack: list[tuple[str, Task]] = []
    counter = 0
    headings = [table.cell_text(h, c) for c in range(len(table.rows[h]))]
    labels = {name: clean_line(headings[col].replace("\n", " ")) for name, col in mapping.items()
              if name in FIELDS and col < len(headings)}
    for r in range(h + 1, len(table.rows)):
        row = table.rows[r]

        def cell(name: str, row: list[list[Block]] = row) -> list[str]:
            col = mapping.get(name)
            if col is None or col >= len(row):
                return []
            return [b.text for b in row[col] if b.text]

        title_lines = cell("title")
        number = " ".join(cell("number")).strip().rstrip(".)")
        if not title_lines:
            continue
        values = [b.text for c in row for b in c if b.text.strip()]
        if values and all(re.fullmatch(r"\(?\d+\)?", v.strip()) for v in values):
            continue  # the (1) (2) (3) row under the headings
        if len(set(b.text for c in row for b in c)) == 1 and not number:
            style = "group"  # a merged row: a group heading
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
        else:
            style = "decimal"
            counter += 1
            number = number or str(counter)
        lead_lines = cell("lead")
        coord_lines = cell("coordinators")
        task = Task(title=_strip_bullet(title_lines[0]) if style.startswith("bullet") else title_lines[0],
                    number=number if style != "group" else "")
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
        task.lead = catalog.canonical_list(task.lead)
        task.coordinators = catalog.canonical_list(task.coordinators)
        task.time = _field_value(" ".join(cell("time")))
        product = _field_value("; ".join(_field_value(x) for x in cell("product")))
        task.product = product or None
        notes = _field_value(" ".join(cell("notes")))
        task.notes = notes or None
        task.labels = dict(labels)
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
    return roots
