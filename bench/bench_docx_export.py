"""Exporting a plan to .docx against python-docx's own floor, in the same run.

    .venv/bin/python bench/bench_docx_export.py

The floor: python-docx writing the same number of paragraphs (``add_paragraph``
with the text) and table rows (``add_row`` and the cell texts) with no layout
logic, then saving. The export: the whole Nghị định 30 layout (plan -> model ->
XML with direct formatting, header/signature tables, the landscape phụ lục with
one row per task) and saving. Target: at most 2x. Also times a typical 20-task plan.
"""

from __future__ import annotations

import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from kehoach_desktop.documents.docx_writer import write_docx  # noqa: E402
from kehoach_desktop.documents.layout import plan_document  # noqa: E402
from kehoach_desktop.documents.model import Paragraph, Table  # noqa: E402
from kehoach_desktop.domain.plan import Plan  # noqa: E402
from kehoach_desktop.domain.planjson import read_plan_file  # noqa: E402

ROUNDS = 5


def plan_with(tasks: int) -> Plan:
    """The Lam Vỹ plan with its tasks repeated (and renumbered) up to ``tasks``."""
    plan = read_plan_file(ROOT / "tests" / "fixtures" / "ke-hoach-xa-lam-vy.json")
    section = plan.task_sections()[0]
    originals = section.tasks
    section.tasks = []
    for i in range(tasks):
        task = copy.deepcopy(originals[i % len(originals)])
        task.number = str(i + 1)
        section.tasks.append(task)
    return plan


def export(plan: Plan, target: Path, appendix: bool = True) -> None:
    write_docx(plan_document(plan, appendix=appendix), target)


def counts(plan: Plan, appendix: bool = True) -> tuple[list[str], list[list[str]]]:
    """The paragraphs and table rows the export writes, as plain text."""
    model = plan_document(plan, appendix=appendix)
    paragraphs: list[str] = []
    rows: list[list[str]] = []
    for block in model.blocks():
        if isinstance(block, Paragraph):
            paragraphs.append(block.text)
        elif isinstance(block, Table):
            rows += [["\n".join(p.text for p in cell.paragraphs) for cell in row.cells] for row in block.rows]
    return paragraphs, rows


def floor(paragraphs: list[str], rows: list[list[str]], target: Path) -> None:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=7)
    for values in rows:  # python-docx's own way; its row.cells walks the whole table each time
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=False):
            cell.text = value
    document.save(str(target))


def best(func, *args) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        func(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        big = plan_with(500)
        paragraphs, rows = counts(big)
        t_export = best(export, big, tmp / "export.docx")
        t_floor = best(floor, paragraphs, rows, tmp / "floor.docx")
        print(f"500 nhiệm vụ: {len(paragraphs)} đoạn ngoài bảng, {len(rows)} dòng bảng")
        print(f"  xuất .docx theo Nghị định 30: {t_export * 1000:8.1f} ms")
        print(f"  python-docx, không dàn trang: {t_floor * 1000:8.1f} ms")
        ratio = t_export / t_floor
        print(f"  tỉ lệ: {ratio:.2f}x (mục tiêu ≤ 2x) {'ĐẠT' if ratio <= 2 else 'CHƯA ĐẠT'}")
        # Without the phụ lục: the body alone, against add_paragraph for the same paragraphs
        # (the cell paragraphs of the header and signature tables counted as paragraphs).
        body, small_rows = counts(big, appendix=False)
        body += [line for row in small_rows for cell in row for line in cell.split("\n")]
        t_body = best(export, big, tmp / "body.docx", False)
        t_body_floor = best(floor, body, [], tmp / "body-floor.docx")
        print(f"500 nhiệm vụ, không phụ lục: {len(body)} đoạn")
        print(f"  xuất .docx theo Nghị định 30: {t_body * 1000:8.1f} ms")
        print(f"  python-docx add_paragraph:    {t_body_floor * 1000:8.1f} ms")
        ratio = t_body / t_body_floor
        print(f"  tỉ lệ: {ratio:.2f}x (mục tiêu ≤ 2x) {'ĐẠT' if ratio <= 2 else 'CHƯA ĐẠT'}")
        typical = plan_with(20)
        samples = [best(export, typical, tmp / "typical.docx") for _ in range(3)]
        print(f"20 nhiệm vụ (kèm phụ lục): {statistics.median(samples) * 1000:.1f} ms (mục tiêu: dưới 1 giây)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
