"""Printing without Word or LibreOffice: the Qt writer (print preview document and PDF)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kehoach_desktop.documents.layout import plan_document
from kehoach_desktop.documents.model import mm
from kehoach_desktop.documents.qt_writer import to_qtextdocument, write_pdf
from tests.conftest import load_fixture, needs


def page_boxes(pdf: bytes) -> list[tuple[int, int]]:
    """(width, height) in pt of every page of a PDF written by Qt (page objects are not compressed)."""
    boxes = re.findall(rb"/Type\s*/Page\b.*?/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf, re.S)
    return [(round(float(w)), round(float(h))) for w, h in boxes]


def test_preview_document_holds_the_whole_plan() -> None:
    plan = load_fixture("ke-hoach-xa-lam-vy")
    document = to_qtextdocument(plan_document(plan, appendix=True))
    text = document.toPlainText()
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 05/KH-UBND", "KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU",
                     "- Thời gian thực hiện: Định kỳ hằng năm.", "Nơi nhận:", "Ma Văn Quyết", "PHỤ LỤC",
                     "Nội dung nhiệm vụ"):
        assert expected in text, expected
    assert text.index("Số: 05/KH-UBND") < text.index("I. MỤC ĐÍCH") < text.index("Ma Văn Quyết")
    assert document.pageCount() >= 3


def test_pdf_without_word_or_libreoffice(tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach.pdf"
    write_pdf(plan_document(load_fixture("ke-hoach-phuong-bach-dang"), appendix=True), target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = page_boxes(data)
    portrait = [b for b in boxes if b == (595, 842)]
    landscape = [b for b in boxes if b == (842, 595)]
    assert len(portrait) >= 3 and len(landscape) >= 1, boxes  # A4 plan, then the landscape phụ lục
    assert boxes.index(landscape[0]) == len(portrait)
    assert [p.name for p in tmp_path.iterdir()] == ["ke-hoach.pdf"]


def test_pdf_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kehoach_desktop.errors import StorageError

    target = tmp_path / "ke-hoach.pdf"
    target.write_bytes(b"old")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "locked")

    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(StorageError, match="tệp cũ được giữ nguyên"):
        write_pdf(plan_document(load_fixture("ke-hoach-xa-lam-vy")), target)
    assert target.read_bytes() == b"old"


def test_print_preview_paints_on_a_printer(tmp_path: Path) -> None:
    """What the app's QPrintPreviewDialog does: paint the model on the QPrinter it is given."""
    from PySide6.QtPrintSupport import QPrinter

    from kehoach_desktop.documents.qt_writer import paint_document

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "preview.pdf"))
    pages = paint_document(plan_document(load_fixture("ke-hoach-xa-binh-giang-nd142"), appendix=True), printer)
    del printer
    assert pages >= 4
    assert len(page_boxes((tmp_path / "preview.pdf").read_bytes())) == pages


def test_pdf_page_numbers_from_page_two(tmp_path: Path) -> None:
    import subprocess

    needs("pdftotext", "poppler-utils")
    target = tmp_path / "ke-hoach.pdf"
    write_pdf(plan_document(load_fixture("ke-hoach-phuong-bach-dang"), appendix=True), target)
    boxes = page_boxes(target.read_bytes())

    def top_margin(page: int) -> str:
        """The number centred in the top margin (Qt may leave clipped, invisible text there too)."""
        html = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(target), "-"],
                              capture_output=True, text=True, check=True).stdout
        width = boxes[page - 1][0]
        centre = (mm(30) + width - mm(15)) / 2
        for x0, y0, x1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html):
            if float(y0) < mm(20) and word.isdigit() and abs((float(x0) + float(x1)) / 2 - centre) < 3:
                return word
        return ""

    def body(page: int) -> str:
        return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(target), "-"],
                              capture_output=True, text=True, check=True).stdout

    numbers = [top_margin(page) for page in range(1, len(boxes) + 1)]
    appendix = boxes.index((842, 595))
    assert "PHỤ LỤC" in body(appendix + 1)
    assert numbers[:appendix] == ["", *[str(n) for n in range(2, appendix + 1)]]  # none on page 1
    assert numbers[appendix:] == ["", *[str(n) for n in range(2, len(boxes) - appendix + 1)]]  # again from 1


@pytest.mark.slow
def test_pdf_keeps_the_signature_block_on_one_page(tmp_path: Path) -> None:
    """Whatever the length of the body, Nơi nhận and the signer's name end up on the same page."""
    import subprocess

    from kehoach_desktop.domain.plan import TextItem

    needs("pdftotext", "poppler-utils")
    plan = load_fixture("ke-hoach-xa-binh-giang-nd142")
    filler = TextItem(None, [])
    plan.sections[2].items.append(filler)
    target = tmp_path / "ke-hoach.pdf"
    for extra in range(0, 26):
        filler.paragraphs = [f"Đoạn thêm số {n} để đẩy khối chữ ký xuống cuối trang." for n in range(extra)]
        write_pdf(plan_document(plan), target)
        pages = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        with_label = [i for i, page in enumerate(pages) if "Nơi nhận:" in page]
        with_name = [i for i, page in enumerate(pages) if "Vũ Thị Hòa" in page]
        assert with_label == with_name, f"{extra} extra paragraphs: split across pages {with_label} {with_name}"
