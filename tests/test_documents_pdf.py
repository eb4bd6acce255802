"""Printing without Word or LibreOffice: the Qt writer (print preview document and PDF)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kehoach_desktop.documents.layout import plan_document
from kehoach_desktop.documents.qt_writer import to_qtextdocument, write_pdf
from tests.conftest import load_fixture


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
