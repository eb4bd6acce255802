"""Does a reprint keep every content line of its source, in the source's order?

``content_lines(docx)`` is what a reader sees in a Word file: every non-empty paragraph and table cell
(a cell merged across columns or down the rows counted once), in document order. ``missing(source,
printed)`` lists the source lines that do not appear in the printed lines in the same relative order.

Lines are compared as word sequences, normalised the way a reader would not notice: NFC, case, spacing,
punctuation (bullets, "./.", brackets, rules), leading zeros of numbers ("05" = "5"), and the numbering
a line starts with ("1.", "a)", "II.", "-"), since the app numbers tasks and sections itself. A line
may be split over several printed paragraphs or cells ("Phụ lục 01: ĐỀ CƯƠNG" printed as the label line
then the title): the words are looked for across the whole printed text.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

_WORD = re.compile(r"[^\W_]+")
_LEADING_NUMBER = re.compile(
    r"^\s*(?:[-–—+•*]\s*|(?:\d{1,2}(?:\.\d{1,2})*|[IVXL]{1,5}|[a-zđA-ZĐ])\s*[.)]\s+|\(\d{1,2}\)\s*)+")


def words(line: str) -> list[str]:
    text = unicodedata.normalize("NFC", line).replace("\u00a0", " ")
    text = _LEADING_NUMBER.sub("", text)
    out = []
    for w in _WORD.findall(text.casefold()):
        out.append(w.lstrip("0") or "0" if w.isdigit() else w)
    return out


def content_lines(path: Path) -> list[str]:
    """Every non-empty paragraph and table cell of a .docx, in document order (nested tables included)."""
    doc = Document(str(path))
    out: list[str] = []
    _container(doc.element.body, out)
    return out


def _container(el, out: list[str]) -> None:
    for child in el.iterchildren():
        if child.tag == qn("w:p"):
            _paragraph(child, out)
        elif child.tag == qn("w:tbl"):
            _table(child, out)
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent")):
            _container(child, out)


def _paragraph(p, out: list[str]) -> None:
    text = "".join(t.text or "" for t in p.iter(qn("w:t")))
    for line in text.split("\n"):
        if line.strip():
            out.append(line.strip())


def _table(tbl, out: list[str]) -> None:
    for tr in tbl.iterchildren(qn("w:tr")):
        for tc in tr.iterchildren(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            if vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue"):
                continue  # the rest of a cell merged down: its text is in the first row
            _container(tc, out)


def missing(source: list[str], printed: list[str]) -> list[str]:
    """The source lines whose words are not found in ``printed``, in order after the previous line's."""
    stream: list[str] = []
    for line in printed:
        stream.extend(words(line))
    lost: list[str] = []
    pos = 0
    for line in source:
        want = words(line)
        if not want:
            continue
        at = _find(stream, want, pos)
        if at is None:
            lost.append(line)
        else:
            pos = at + len(want)
    return lost


def _find(stream: list[str], want: list[str], start: int) -> int | None:
    first, n = want[0], len(want)
    for i in range(start, len(stream) - n + 1):
        if stream[i] == first and stream[i:i + n] == want:
            return i
    return None


def text_lines(path: Path) -> list[str]:
    """The content lines of a .txt/.md source as the importer's reader gives them (Markdown marks dropped,
    a ``| … |`` table cell by cell)."""
    from kehoach_desktop.importers import read_source
    from kehoach_desktop.importers.blocks import Table

    out: list[str] = []
    for item in read_source(path).items:
        if isinstance(item, Table):
            out.extend(b.text for row in item.rows for cell in row for b in cell if b.text.strip())
        elif item.text.strip():
            out.append(item.text)
    return out


def source_lines(path: Path) -> list[str]:
    return content_lines(path) if path.suffix.lower() == ".docx" else text_lines(path)


def missing_in_plan(source: list[str], printed: list[str]) -> list[str]:
    """:func:`missing` for a whole plan: the header lines (up to "KẾ HOẠCH") are laid out in a table whose
    reading order is the layout's, so they need only be there; everything after keeps its order."""
    start = next((k for k, line in enumerate(source) if words(line)[:2] == ["kế", "hoạch"]), 0)
    stream = [w for line in printed for w in words(line)]
    lost = [line for line in source[:start] if words(line) and _find(stream, words(line), 0) is None]
    return lost + missing(source[start:], printed)


def plan_lines(plan) -> list[str]:
    """The plan's text in the order it prints (header, body, signature, then each phụ lục), for checking
    an import against its source before any printing: every string the plan holds, once."""
    d = plan.date
    day, month, year = ((d.day or "", d.month or "", d.year) if d else ("", "", "20"))  # printed "năm 20…"
    date = f"{plan.place}, ngày {day} tháng {month} năm {year}"
    out = [*plan.issuer, f"Số: {plan.number or ''}/{plan.symbol}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc", date, plan.doc_type, plan.title, *plan.bases, *plan.preamble]
    for section in plan.body_sections():
        out.append(section.title)
        out += [x for item in section.items for x in ([item.heading] if item.heading else []) + item.paragraphs]
        for top in section.tasks:
            for task, _ in top.walk():
                out += _task_lines(plan, task)
    out += [*plan.closing, "Nơi nhận:", *plan.recipients, *plan.signature.lines, plan.signature.signer]
    for section in plan.appendices():
        a = section.appendix
        out += [a.label, *a.heading, a.attached]
        out += [p for item in section.items for p in item.paragraphs] if section.kind == "tasks" else []
        out += [title for _, title in a.columns]
        # a mirror lists the body's tasks again
        mirrored = [t for s in plan.body_sections() if s.kind == "tasks" for t in s.tasks] if a.mirror else []
        for top in section.tasks or mirrored:
            for task, _ in top.walk():
                out += _row_lines(task, a.columns)
        if section.kind == "text":
            for item in section.items:
                out += ([item.heading] if item.heading else []) + item.paragraphs
                out += [cell for row in (item.table.rows if item.table else []) for cell in row]
    return [x for x in out if x]


def _task_lines(plan, task) -> list[str]:
    out = [task.title, *task.content]
    if task.assignment:
        out += task.assignment
    else:
        out += [f"{plan.label(task, 'lead')}: {'; '.join(task.lead)}" if task.lead else "",
                f"{plan.label(task, 'coordinators')}: {'; '.join(task.coordinators)}" if task.coordinators else ""]
    out += [f"{plan.label(task, 'time')}: {task.time}" if task.time else "",
            f"{plan.label(task, 'product')}: {task.product}" if task.product else ""]
    return out


def _row_lines(task, columns) -> list[str]:
    values = {"number": task.number, "title": "\n".join([task.title, *task.content]),
              "lead": "; ".join(task.lead), "coordinators": "; ".join(task.coordinators), "time": task.time,
              "product": task.product or "", "notes": task.notes or ""}
    # a cell the source wrote otherwise than the catalog prints as written (Task.cells, keyed by its heading)
    return [task.cells.get(title) or values.get(field, "") for field, title in columns]
