"""What LibreOffice does with our sheets: a unit re-saving its sheet there, and printing the progress sheet.

These need LibreOffice (``soffice``); the core assertions live in test_sheets_*.py and always run.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kehoach_desktop.domain.progress import Period
from kehoach_desktop.sheets.merge import import_unit_sheet
from kehoach_desktop.sheets.tracking import export_progress_sheet, make_unit_sheets
from tests.conftest import load_fixture, needs

pytestmark = pytest.mark.slow


def _convert(source: Path, target_format: str, outdir: Path, profile: Path) -> Path:
    soffice = needs("soffice", "libreoffice-calc-nogui", shutil.which("libreoffice"))
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    target_format, "--outdir", str(outdir), str(source)], check=True, capture_output=True,
                   timeout=180)
    return outdir / (source.stem + "." + target_format.split(":")[0])


def test_a_sheet_filled_and_saved_in_libreoffice_still_merges(store, tmp_path):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    written, _ = make_unit_sheets(store, plan_id, Period("6m", 2026), tmp_path / "out")
    path = next(p for _u, p, _n in written if "van-hoa" in p.name)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws["F9"], ws["G9"], ws["I9"] = "Hoàn thành", "Đã tổ chức 03 hội nghị", 80
    wb.save(path)
    resaved = _convert(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "resaved", tmp_path / "profile")
    merge = import_unit_sheet(store, resaved, today=dt.date(2026, 6, 10))
    assert len(merge.changes) == 1 and merge.blank == 6
    entry = merge.changes[0].entry
    assert (entry.status, entry.done, entry.percent) == ("done", "Đã tổ chức 03 hội nghị", 80)


def test_progress_sheet_prints_as_a_landscape_table_then_the_summary(store, tmp_path):
    plan_id = store.import_plan(load_fixture("ke-hoach-phuong-bach-dang"))
    xlsx = export_progress_sheet(store, plan_id, tmp_path / "tien-do.xlsx", today=dt.date(2026, 12, 20))
    pdf = _convert(xlsx, "pdf", tmp_path / "pdf", tmp_path / "profile")
    data = pdf.read_bytes()
    boxes = [tuple(round(float(v)) for v in m.groups())
             for m in re.finditer(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)]
    # Page 1: the table, A4 landscape (842 x 595 pt), one page wide; then the summary, A4 portrait.
    assert boxes[:2] == [(842, 595), (595, 842)]
    text = subprocess.run([needs("pdftotext", "poppler-utils"), "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH" in text and "Đề xuất, kiến nghị" in text
    assert "Trang 1/2" in text
