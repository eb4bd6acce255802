"""The print preview (and a printer) of a plan with a landscape phụ lục: a printer keeps its paper once a
job has begun, so the phụ lục's pages are turned a quarter onto it, not cut off by a portrait page."""

from __future__ import annotations

from PySide6.QtGui import QPageLayout, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from kehoach_desktop.documents.layout import plan_document
from kehoach_desktop.documents.qt_writer import paint_document
from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.importers import import_file
from tests.realplans import PROVINCE_FOCUS, build_docx


def test_the_preview_of_a_landscape_phu_luc_shows_every_page_without_a_printer_warning(qtbot, tmp_path):
    plan = import_file(build_docx(PROVINCE_FOCUS, tmp_path / "bac-ninh.docx"), UnitCatalog(preset_units(None))).plan
    assert plan.appendices() and plan.appendices()[0].appendix.landscape
    model = plan_document(plan)
    pdf_pages = paint_document(model, QPdfWriter(str(tmp_path / "bac-ninh.pdf")))

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    preview = QPrintPreviewWidget(printer)
    qtbot.addWidget(preview)
    painted: list[int] = []
    preview.paintRequested.connect(lambda device: painted.append(paint_document(model, device)))
    preview.updatePreview()  # Qt's "Cannot be changed while printer is active" would fail this test
    assert painted and painted[-1] == pdf_pages == preview.pageCount()
    # the paper stays the first page's (portrait); the landscape pages were painted turned onto it
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
