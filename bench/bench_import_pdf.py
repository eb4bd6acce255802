"""Import a text PDF of a plan, against pdfplumber merely extracting the text of the same file (the floor).

    .venv/bin/python bench/bench_import_pdf.py [--tasks 1000] [--runs 3]

The PDF is a large plan (bench/_plans.py, built as a Word file by tests/importdocs.py) followed by the
Lạng Sơn phụ lục task table (tests/pdfplans.py), printed by LibreOffice (soffice must be installed), as a
province's plan reaches a commune. Both are timed in the same run on the same file, best of ``--runs``;
the ratio is what counts. The import finds the table cells (pdfplumber's find_tables, the dearest
part), the header and signature columns, rebuilds paragraphs and recognises the plan; the floor only
asks pdfplumber for each page's text.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _plans import best_of, big_plan

from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.importers import import_file
from tests.importdocs import PlanDocx
from tests.pdfplans import PROVINCE_TASK_TABLE


def build_pdf(tasks: int, folder: Path) -> Path:
    import copy

    from tests.realplans import _ruled

    plan = big_plan(tasks)
    for task, depth in plan.walk_tasks():
        if depth == 2:
            task.labels["marker"] = "+"  # "- sub-task" then "+ Cơ quan chủ trì: ..." as bench_import.py
    builder = PlanDocx()
    builder.plan(copy.deepcopy(plan))
    table = next(p for p in PROVINCE_TASK_TABLE if p[0] == "table")
    builder.para("Phụ lục", bold=True, center=True)
    builder.para("NHIỆM VỤ TRIỂN KHAI THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ TRÍ TUỆ NHÂN TẠO", bold=True, center=True)
    builder.para("(Kèm theo Kế hoạch số 105/KH-UBND ngày 06/5/2021 của UBND tỉnh Lạng Sơn)", italic=True, center=True)
    _ruled(builder.doc, table[1])
    docx = builder.save(folder / "ke-hoach-lon.docx")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("needs LibreOffice (soffice) to print the plan to PDF")
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx)], check=True, capture_output=True,
                   timeout=900)
    return folder / "ke-hoach-lon.pdf"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import pdfplumber

    with tempfile.TemporaryDirectory() as tmp:
        path = build_pdf(args.tasks, Path(tmp))
        with pdfplumber.open(str(path)) as pdf:
            pages = len(pdf.pages)
        size = path.stat().st_size
        catalog = UnitCatalog(preset_units(None))
        expected = sum(1 for _ in import_file(path.with_suffix(".docx"), catalog).plan.walk_tasks())

        def floor() -> None:
            with pdfplumber.open(str(path)) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.flush_cache()

        result = import_file(path, catalog)
        found = sum(1 for _ in result.plan.walk_tasks())
        floor_s = best_of(args.runs, floor)
        import_s = best_of(args.runs, lambda: import_file(path, catalog))
    written = sum(1 for _ in big_plan(args.tasks).walk_tasks()) + 15  # + the phụ lục's groups and rows
    print(f"PDF: {pages} pages, {size // 1024} KB; {written} tasks written, {expected} recognised in the .docx, "
          f"{found} in the PDF; {len(result.unplaced)} lines unplaced")
    print(f"pdfplumber extract_text of every page: {floor_s * 1000:.0f} ms")
    print(f"kehoach import (read + recognise):     {import_s * 1000:.0f} ms")
    print(f"ratio: {import_s / floor_s:.2f}x")
    return 0 if found == expected == written else 1


if __name__ == "__main__":
    sys.exit(main())
