"""The live page preview beside the form: the plan's pages as they will print.

The pages are painted by ``documents.qt_writer.paint_document`` from the same document
model as the PDF and the print preview (``documents.layout.plan_document``), into a
``QPrintPreviewWidget``. It is built the first time it is shown, and refreshed when an
edit has been saved and the user has stopped typing for a while, while it is visible.
Laying the pages out runs on the GUI thread (a 3-page plan some 15 ms, a 50-page one
about 100 ms), so the pause asked for grows with what the last layout took, and every
key pressed anywhere in the window starts it again: a refresh never lands under typing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..documents.layout import plan_document
from ..documents.model import Document, Paragraph, Table
from ..errors import KnownError
from ..logsetup import log_bug
from .session import PlanSession
from .widgets import set_look

REFRESH_MS = 800  # the shortest pause after the last saved edit and the last key before a refresh
PAUSE_PER_LAYOUT = 10  # the pause is at least this many times the last layout's duration


def document_text(model: Document) -> str:
    """The text of every paragraph and table cell of ``model``, one per line (what the pages show)."""
    lines: list[str] = []

    def walk(blocks: list) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                lines.append("".join(run.text for run in block.runs))
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        walk(cell.paragraphs)

    for section in model.sections:
        walk(section.blocks)
    return "\n".join(lines)


class PlanPreview(QWidget):
    """The plan's printed pages, kept up to date with the edits."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model: Document | None = None
        self._stale = True
        self._follow: str | None = None  # the title of the task being edited: its page is shown
        self.caption = QLabel()
        set_look(self.caption, "hint")
        self.printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        self.pages = QPrintPreviewWidget(self.printer)
        self.pages.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
        self.pages.setAccessibleName(QCoreApplication.translate("PlanPreview", "Xem trước trang in"))
        self.pages.paintRequested.connect(self._paint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.pages, 1)
        self.setMinimumWidth(200)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        session.saved.connect(self.schedule)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # keys typed anywhere put the refresh off

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self._timer.isActive():
            self._timer.start()
        return False

    def schedule(self) -> None:
        """An edit was saved: refresh once the user pauses (at once is never needed)."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        self._timer.stop()
        if not self.isVisible():
            return
        try:
            self.model = plan_document(self.session.plan)
        except KnownError as exc:  # a layout the decree refuses (margins): say so, keep the last pages
            self.caption.setText(exc.message)
            return
        self._stale = False
        clock = QElapsedTimer()
        clock.start()
        self.pages.updatePreview()
        self._timer.setInterval(max(REFRESH_MS, clock.elapsed() * PAUSE_PER_LAYOUT))

    def _paint(self, printer: QPrinter) -> None:
        if self.model is None:
            return
        from ..documents.qt_writer import paint_document

        try:
            count = paint_document(self.model, printer)
        except Exception as exc:  # a bug: logged; the form goes on working without the preview
            log_bug(exc)
            self.caption.setText(QCoreApplication.translate("PlanPreview", "Không hiển thị được trang in."))
            return
        self.caption.setText(QCoreApplication.translate("PlanPreview", "Trang in: %1 trang").replace("%1", str(count)))
        QTimer.singleShot(0, lambda: self.show_task(self._follow))  # once the widget knows its pages

    def show_task(self, title: str | None) -> None:
        """Scroll to the page where the task titled ``title`` prints (estimated from the text before it)."""
        self._follow = title or None
        text = self.text()
        count = self.page_count()
        if not (self._follow and text and count):
            return
        at = text.find(self._follow[:80])
        if at >= 0:
            self.pages.setCurrentPage(min(count, 1 + at * count // len(text)))

    def page_count(self) -> int:
        return self.pages.pageCount()

    def text(self) -> str:
        """The text of the pages shown (empty until first painted)."""
        return document_text(self.model) if self.model is not None else ""
