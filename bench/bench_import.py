"""Import a ~200-page plan .docx, against python-docx merely opening it and reading its paragraphs.

    .venv/bin/python bench/bench_import.py

Both are timed in the same run on the same file (best of 5 each); the ratio is
what counts. Target (issue 4): at most 3x the floor.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx
from _plans import best_of, big_plan

from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.importers import import_file
from tests.importdocs import plan_docx

CHARS_PER_PAGE = 2200  # A4, Times New Roman 14 pt, justified, 1 cm indent: about 2,200 characters


def main() -> int:
    plan = big_plan(1000)
    for task, depth in plan.walk_tasks():
        if depth == 2:
            task.labels["marker"] = "+"  # "- sub-task" then "+ Cơ quan chủ trì: ..." as communes type it
    with tempfile.TemporaryDirectory() as folder:
        path = plan_docx(plan, Path(folder) / "ke-hoach-200-trang.docx")
        document = docx.Document(str(path))
        paragraphs = sum(1 for _ in document.paragraphs)
        chars = sum(len(p.text) for p in document.paragraphs)
        catalog = UnitCatalog(preset_units(None))

        def floor() -> None:
            doc = docx.Document(str(path))
            for p in doc.paragraphs:
                _ = p.text

        result = import_file(path, catalog)
        tasks = sum(1 for _ in result.plan.walk_tasks())
        expected = sum(1 for _ in plan.walk_tasks())
        floor_s = best_of(5, floor)
        import_s = best_of(5, lambda: import_file(path, catalog))
    print(f"plan: {paragraphs} paragraphs, {chars} characters (~{chars // CHARS_PER_PAGE} pages), "
          f"{expected} tasks written, {tasks} tasks recognised")
    print(f"python-docx open + iterate paragraphs: {floor_s * 1000:.0f} ms")
    print(f"kehoach import (read + recognise):    {import_s * 1000:.0f} ms")
    ratio = import_s / floor_s
    print(f"ratio: {ratio:.2f}x (target <= 3x) {'OK' if ratio <= 3 else 'OVER TARGET'}")
    return 0 if tasks == expected else 1


if __name__ == "__main__":
    sys.exit(main())
