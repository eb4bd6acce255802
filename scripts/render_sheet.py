"""Render a progress sheet (.xlsx) as LibreOffice prints it: PDF, then one PNG per page.

    .venv/bin/python scripts/render_sheet.py tien-do.xlsx [-o OUTDIR]
    .venv/bin/python scripts/render_sheet.py --sample [-o OUTDIR]   # builds one from the Lam Vỹ sample

Needs LibreOffice (``soffice``) and poppler (``pdftoppm``):
``apt-get install -y libreoffice-calc-nogui poppler-utils fonts-liberation2``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sample_sheet(folder: Path) -> Path:
    """The Lam Vỹ sample with a few answers, as of 20/12/2026 (some tasks overdue)."""
    from kehoach_desktop.domain.planjson import read_plan_file
    from kehoach_desktop.domain.progress import DONE, IN_PROGRESS, ProgressEntry
    from kehoach_desktop.services import Store
    from kehoach_desktop.sheets.tracking import export_progress_sheet

    store = Store.open(folder / "sample.sqlite", backup=False)
    plan_id = store.import_plan(read_plan_file(ROOT / "tests/fixtures/ke-hoach-xa-lam-vy.json"))
    tasks = [t for t, _ in store.plans.load(plan_id).walk_tasks()]
    unit = "Phòng Văn hóa - Xã hội"
    store.progress.add(ProgressEntry(tasks[0].id, dt.date(2026, 12, 1), IN_PROGRESS, unit=unit,
                                     done="Tổ chức 03 hội nghị tuyên truyền Luật Trí tuệ nhân tạo cho 250 lượt "
                                          "cán bộ, công chức và người dân", result="=SUM(A1)", percent=60,
                                     difficulties="Kinh phí tuyên truyền còn hạn chế",
                                     proposals="-50% thủ tục giấy tờ; đề nghị cấp tài liệu"))
    store.progress.add(ProgressEntry(tasks[1].id, dt.date(2026, 11, 20), DONE, unit=unit,
                                     done="Rà soát 12 văn bản", result="Không phát hiện văn bản trái luật"))
    store.progress.add(ProgressEntry(tasks[5].id, dt.date(2026, 12, 5), IN_PROGRESS,
                                     unit="Văn phòng HĐND và UBND", done="Đang tổng hợp"))
    target = folder / "tien-do-mau.xlsx"
    export_progress_sheet(store, plan_id, target, today=dt.date(2026, 12, 20))
    store.close()
    return target


def render(xlsx: Path, outdir: Path) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        sys.exit("Cần LibreOffice (soffice) và poppler-utils (pdftoppm).")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(outdir), str(xlsx)], check=True, capture_output=True, timeout=180)
    pdf = outdir / (xlsx.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(outdir / xlsx.stem)], check=True)
    return sorted(outdir.glob(f"{xlsx.stem}*.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("xlsx", nargs="?", type=Path)
    parser.add_argument("--sample", action="store_true", help="build the sheet from the Lam Vỹ sample first")
    parser.add_argument("-o", "--outdir", type=Path, default=Path("render"))
    args = parser.parse_args()
    if args.sample:
        args.outdir.mkdir(parents=True, exist_ok=True)
        args.xlsx = sample_sheet(args.outdir)
    if not args.xlsx:
        parser.error("give an .xlsx file or --sample")
    for page in render(args.xlsx, args.outdir):
        print(page)


if __name__ == "__main__":
    main()
