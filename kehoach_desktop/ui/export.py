"""Export: Word (with or without Phụ lục), PDF, print preview, JSON — in a worker thread, never freezing.

The writers live in ``documents/`` (written beside this module); each format is
offered when its writer is importable. Files are written to a temporary file and
moved into place by the writers (``fileio.atomic_path``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from ..domain.plan import Plan
from ..domain.planjson import plan_to_json_text
from ..errors import KnownError, StorageError, describe_os_error
from ..fileio import write_bytes
from ..logsetup import log_bug


@dataclass(frozen=True)
class ExportFormat:
    name: str  # "docx", "docx_appendix", "pdf", "json"
    suffix: str


FORMATS = {
    "docx": ExportFormat("docx", ".docx"),
    "docx_appendix": ExportFormat("docx_appendix", ".docx"),
    "pdf": ExportFormat("pdf", ".pdf"),
    "pdf_appendix": ExportFormat("pdf_appendix", ".pdf"),
    "json": ExportFormat("json", ".json"),
}


def writer_for(name: str) -> Callable[[Plan, Path], Path] | None:
    """The function writing ``plan`` to a path in format ``name``, or None when its writer is missing."""
    if name == "json":
        return lambda plan, path: write_bytes(path, plan_to_json_text(plan).encode("utf-8"))
    try:
        from ..documents.layout import plan_document
    except ImportError:
        return None
    if name in ("docx", "docx_appendix"):
        try:
            from ..documents.docx_writer import write_docx
        except ImportError:
            return None
        appendix = name == "docx_appendix"
        return lambda plan, path: write_docx(plan_document(plan, appendix=appendix), path)
    if name in ("pdf", "pdf_appendix"):
        try:
            from ..documents.qt_writer import write_pdf
        except ImportError:
            return None
        with_appendix = name == "pdf_appendix"
        return lambda plan, path: write_pdf(plan_document(plan, appendix=with_appendix), path)
    return None


class Exporter(QObject):
    """Runs one export at a time in a thread; shows progress, then offers to open the file or folder."""

    done = Signal(str)  # the written path
    failed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.job: BackgroundJob | None = None
        self.ask_to_open = True

    def busy(self) -> bool:
        return self.job is not None

    def wait(self) -> None:
        """Let a running export finish writing its file (the window is closing)."""
        if self.job is not None:
            self.job.wait()

    def ask_path(self, name: str, suggested: str) -> Path | None:
        filters = {"docx": QCoreApplication.translate("Export", "Tài liệu Word (*.docx)"), "docx_appendix": QCoreApplication.translate("Export", "Tài liệu Word (*.docx)"),
                   "pdf": QCoreApplication.translate("Export", "Tệp PDF (*.pdf)"),
                   "pdf_appendix": QCoreApplication.translate("Export", "Tệp PDF (*.pdf)"), "json": QCoreApplication.translate("Export", "Kế hoạch JSON (*.json)")}
        path, _ = QFileDialog.getSaveFileName(self.window, QCoreApplication.translate("Export", "Xuất kế hoạch"), suggested, filters[name])
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != FORMATS[name].suffix:
            target = target.with_name(target.name + FORMATS[name].suffix)
        return target

    def start(self, name: str, plan: Plan, target: Path) -> bool:
        write = writer_for(name)
        if write is None:
            self.failed.emit(QCoreApplication.translate("Export", "Chức năng xuất định dạng này chưa có trong bản cài đặt."))
            return False
        if self.busy():
            return False
        snapshot = copy.deepcopy(plan)  # the user may go on editing while the file is written

        def work() -> Path:
            try:
                return write(snapshot, target) or target
            except OSError as exc:
                raise StorageError(describe_os_error(exc, target)) from None

        self.job = BackgroundJob(self.window, QCoreApplication.translate("Export", "Đang xuất %1 …").replace(
            "%1", target.name), QCoreApplication.translate("Export", "Xuất kế hoạch"))
        self.job.done.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.start(work)
        return True

    def _finished(self, path: object) -> None:
        self.job = None
        self.done.emit(str(path))
        if self.ask_to_open:
            self.offer_open(Path(str(path)))

    def _failed(self, message: str) -> None:
        self.job = None
        self.failed.emit(message)

    def offer_open(self, path: Path) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("Export", "Đã xuất xong"))
        box.setText(QCoreApplication.translate("Export", "Đã ghi tệp:\n%1").replace("%1", str(path)))
        open_file = box.addButton(QCoreApplication.translate("Export", "Mở &tệp"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(QCoreApplication.translate("Export", "Mở &thư mục"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def print_preview(parent: QWidget, plan: Plan) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from ..documents.layout import plan_document
    from ..documents.qt_writer import paint_document

    document = plan_document(plan)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Export", "Xem trước khi in"))
    dialog.paintRequested.connect(lambda device: paint_document(document, device))
    dialog.resize(1000, 700)
    dialog.exec()


class _JobWorker(QObject):
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work

    @Slot()
    def run(self) -> None:
        try:
            self.finished.emit(self.work())
        except KnownError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # a bug: logged with its traceback, the user gets one sentence
            log = log_bug(exc)
            self.failed.emit(QCoreApplication.translate(
                "Export", "Lỗi không mong muốn. Chi tiết đã ghi vào %1.").replace("%1", str(log)))


class BackgroundJob(QObject):
    """Any long piece of work (reading a document to import) off the window's thread, with a progress box."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QWidget, label: str, title: str | None = None) -> None:
        super().__init__(parent)
        self.window, self.label, self.title = parent, label, title
        self.thread: QThread | None = None
        self.worker: _JobWorker | None = None
        self.progress: QProgressDialog | None = None

    def start(self, work: Callable[[], object]) -> None:
        self.thread = QThread(self)
        self.worker = _JobWorker(work)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.progress = QProgressDialog(self.label, "", 0, 0, self.window)
        self.progress.setCancelButton(None)
        if self.title:
            self.progress.setWindowTitle(self.title)
        self.progress.setMinimumDuration(400)
        self.progress.setAutoClose(False)
        self.thread.start()

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.wait()

    def _cleanup(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()
            self.thread.deleteLater()
            self.thread = None
        if self.worker is not None:
            self.worker.deleteLater()
            self.worker = None

    def _finished(self, result: object) -> None:
        self._cleanup()
        self.done.emit(result)
        self.deleteLater()

    def _failed(self, message: str) -> None:
        self._cleanup()
        self.failed.emit(message)
        self.deleteLater()
