"""Render the sample plans to PNG pages, to look at them beside the decree's Mẫu 1.4.

    python3 scripts/render_samples.py [OUT_DIR]       (default: docs/rendering)

For each fixture in tests/fixtures: the .docx is converted by LibreOffice
(``soffice --headless --convert-to pdf``) and cut into pages by ``pdftoppm``;
the Lam Vỹ plan is also rendered with its phụ lục, and once through the Qt PDF
writer (no LibreOffice) for comparison. Needs LibreOffice and poppler-utils
(Debian: ``apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation2``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kehoach_desktop.documents.docx_writer import write_docx  # noqa: E402
from kehoach_desktop.documents.layout import plan_document  # noqa: E402
from kehoach_desktop.documents.qt_writer import write_pdf  # noqa: E402
from kehoach_desktop.domain.planjson import read_plan_file  # noqa: E402

SAMPLES = ["ke-hoach-xa-lam-vy", "ke-hoach-phuong-bach-dang", "ke-hoach-xa-binh-giang-nd142"]
DPI = "40"


def pages(pdf: Path, out: Path, prefix: str) -> list[Path]:
    for old in out.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", DPI, str(pdf), str(out / prefix)], check=True)
    return sorted(out.glob(f"{prefix}-*.png"))


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "rendering"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        print("Cần LibreOffice (soffice) và pdftoppm (poppler-utils).", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        jobs = [(name, False) for name in SAMPLES] + [("ke-hoach-xa-lam-vy", True)]
        for name, appendix in jobs:
            plan = read_plan_file(ROOT / "tests" / "fixtures" / f"{name}.json")
            stem = f"{name}-phu-luc" if appendix else name
            docx_path = write_docx(plan_document(plan, appendix=appendix), tmp / f"{stem}.docx")
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(docx_path)],
                           check=True, capture_output=True, timeout=300)
            made = pages(tmp / f"{stem}.pdf", out, f"lo-{stem}")
            print(f"{stem}: {len(made)} trang (LibreOffice)")
        plan = read_plan_file(ROOT / "tests" / "fixtures" / "ke-hoach-xa-lam-vy.json")
        pdf = write_pdf(plan_document(plan, appendix=True), tmp / "qt.pdf")
        made = pages(pdf, out, "qt-ke-hoach-xa-lam-vy-phu-luc")
        print(f"ke-hoach-xa-lam-vy-phu-luc: {len(made)} trang (Qt, không cần LibreOffice)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
