"""Reports going up (issue #12): the province's roll-up of the communes' sheets, and the commune's sheet.

:func:`open_rollup` (Công cụ → Tổng hợp báo cáo của các xã, phường…) shows :class:`RollupDialog`: the upper
plan (the open plan by default), the period, the communes' .xlsx sheets; a preview lists each file as taken
or refused with its reason (nothing is written), "Nhập" stores the accepted ones (each sheet whole, in its own
transaction), and the consolidated workbook (.xlsx) and Báo cáo (.docx) are written from what is stored.

:func:`write_upward` writes, for the open plan derived from an upper plan, the sheet the commune sends to the
province (``sheets/upward.py``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.progress import Period
from ..errors import KnownError
from .widgets import error_label, fit_to_screen, set_look

COL_FILE, COL_COMMUNE, COL_RESULT, COL_NOTE = range(4)


class PeriodPicker(QWidget):
    """Kỳ báo cáo: 6 tháng đầu năm / cả năm, and the year (default: the period being collected today)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ..sheets.tracking import default_period

        current = default_period()
        self.kind = QComboBox()
        self.kind.addItem(QCoreApplication.translate("RollupDialog", "6 tháng đầu năm"), "6m")
        self.kind.addItem(QCoreApplication.translate("RollupDialog", "Cả năm"), "year")
        self.kind.setCurrentIndex(self.kind.findData(current.kind))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(current.year)
        self.kind.setAccessibleName(QCoreApplication.translate("RollupDialog", "Kỳ báo cáo"))
        self.year.setAccessibleName(QCoreApplication.translate("RollupDialog", "Năm"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(QLabel(QCoreApplication.translate("RollupDialog", "năm")))
        layout.addWidget(self.year)
        layout.addStretch(1)

    def period(self) -> Period:
        return Period(str(self.kind.currentData()), self.year.value())


class RollupDialog(QDialog):
    """Pick the upper plan, the period and the communes' sheets; preview; import; write the outputs."""

    def __init__(self, store, plans: list, current: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.files: list[Path] = []
        self.expected: list[str] = []
        self.rollup = None  # the last preview (sheets.rollup.Rollup)
        self.setWindowTitle(QCoreApplication.translate("RollupDialog", "Tổng hợp báo cáo của các xã, phường"))
        intro = QLabel(QCoreApplication.translate(
            "RollupDialog", "Chọn kế hoạch của cấp mình (kế hoạch mà các xã, phường thực hiện), kỳ báo cáo và các "
                            "phiếu báo cáo (.xlsx) các xã, phường gửi về. Ứng dụng kiểm tra từng phiếu trước khi "
                            "nhập: phiếu của kế hoạch khác, kỳ khác hoặc đã bị sửa sẽ bị từ chối, các phiếu còn lại "
                            "vẫn nhập được."))
        intro.setWordWrap(True)
        self.plan = QComboBox()
        self.plan.setAccessibleName(QCoreApplication.translate("RollupDialog", "Kế hoạch cấp trên"))
        for summary in plans:
            self.plan.addItem(f"{summary.reference} — {summary.title[:90]}", summary.id)
        if current is not None and self.plan.findData(current) >= 0:
            self.plan.setCurrentIndex(self.plan.findData(current))
        self.period = PeriodPicker()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("RollupDialog", "&Kế hoạch:"), self.plan)
        form.addRow(QCoreApplication.translate("RollupDialog", "Kỳ &báo cáo:"), self.period)

        self.add_files = QPushButton(QCoreApplication.translate("RollupDialog", "&Chọn phiếu của các xã, phường…"))
        self.add_files.clicked.connect(self._choose_files)
        self.clear_files = QPushButton(QCoreApplication.translate("RollupDialog", "&Bỏ chọn tất cả"))
        self.clear_files.clicked.connect(self._clear)
        self.expected_button = QPushButton(QCoreApplication.translate(
            "RollupDialog", "Danh sách xã, phường phải báo cáo (.txt)…"))
        self.expected_button.clicked.connect(self._choose_expected)
        picks = QHBoxLayout()
        picks.addWidget(self.add_files)
        picks.addWidget(self.clear_files)
        picks.addStretch(1)
        picks.addWidget(self.expected_button)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("RollupDialog", "Tệp"),
            QCoreApplication.translate("RollupDialog", "Xã, phường"),
            QCoreApplication.translate("RollupDialog", "Kết quả kiểm tra"),
            QCoreApplication.translate("RollupDialog", "Ghi chú")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_COMMUNE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_RESULT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_FILE, 220)
        self.table.setColumnWidth(COL_COMMUNE, 200)
        self.table.setAccessibleName(QCoreApplication.translate("RollupDialog", "Các phiếu đã chọn"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = error_label()

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(QCoreApplication.translate("RollupDialog", "&Nhập"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.xlsx_button = buttons.addButton(QCoreApplication.translate("RollupDialog", "Xuất tổng hợp (.&xlsx)…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.docx_button = buttons.addButton(
            QCoreApplication.translate("RollupDialog", "Xuất báo cáo tổng hợp (.&docx)…"),
            QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.apply)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.docx_button.clicked.connect(lambda: self.export("docx"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(picks)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.plan.currentIndexChanged.connect(lambda _i: self.preview())
        self.period.kind.currentIndexChanged.connect(lambda _i: self.preview())
        self.period.year.valueChanged.connect(lambda _v: self.preview())
        fit_to_screen(self, 1100, 640)
        self.preview()

    # --- state ---------------------------------------------------------------------------------

    def plan_id(self) -> int | None:
        data = self.plan.currentData()
        return int(data) if data is not None else None

    def set_files(self, paths: list[str | Path]) -> None:
        known = {p.resolve() for p in self.files}
        for path in map(Path, paths):
            if path.resolve() not in known:
                self.files.append(path)
                known.add(path.resolve())
        self.preview()

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, QCoreApplication.translate("RollupDialog", "Chọn phiếu báo cáo của các xã, phường"), "",
            QCoreApplication.translate("RollupDialog", "Bảng tính Excel (*.xlsx)"))
        if paths:
            self.set_files(paths)

    def _choose_expected(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("RollupDialog", "Danh sách xã, phường phải báo cáo"), "",
            QCoreApplication.translate("RollupDialog", "Tệp văn bản (*.txt)"))
        if not path:
            return
        from ..commands.rollup import _expected

        try:
            self.expected = _expected(path)
        except KnownError as exc:
            self.error.setText(exc.message)
            return
        self.expected_button.setToolTip("\n".join(self.expected))
        self.preview()

    def _clear(self) -> None:
        self.files = []
        self.preview()

    # --- preview, import, export ---------------------------------------------------------------

    def preview(self) -> None:
        """Check every chosen file again (nothing written) and list the outcome."""
        from ..sheets.rollup import prepare_rollup

        self.error.clear()
        self.rollup = None
        plan_id = self.plan_id()
        if plan_id is not None and self.files:
            try:
                self.rollup = prepare_rollup(self.store, plan_id, self.files, self.period.period())
            except KnownError as exc:
                self.error.setText(exc.message)
        received = self.rollup.received if self.rollup else []
        self.table.setRowCount(len(received))
        for row, r in enumerate(received):
            if r.accepted:
                result = QCoreApplication.translate("RollupDialog", "Đã nhận trước đó") if r.same else \
                    QCoreApplication.translate("RollupDialog", "Nhận được")
                note = r.describe(applied=False).split(" — ", 1)[-1]
            else:
                result = QCoreApplication.translate("RollupDialog", "Bị từ chối")
                note = r.reason
            commune = r.sheet.commune if r.sheet else ""
            for col, text in ((COL_FILE, r.path.name), (COL_COMMUNE, commune), (COL_RESULT, result),
                              (COL_NOTE, note)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(r.path) if col == COL_FILE else text)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        new = [r for r in (self.rollup.accepted if self.rollup else []) if not r.same]
        if self.rollup is None:
            self.summary.setText(QCoreApplication.translate(
                "RollupDialog", "Chưa chọn phiếu nào. Bảng và báo cáo tổng hợp vẫn xuất được từ các phiếu đã nhập."))
        else:
            self.summary.setText(self.rollup.describe(applied=False)[-2])
        set_look(self.summary, "hint")
        self.import_button.setEnabled(bool(new))
        self.xlsx_button.setEnabled(plan_id is not None)
        self.docx_button.setEnabled(plan_id is not None)

    def pending(self) -> int:
        return len([r for r in (self.rollup.accepted if self.rollup else []) if not r.same])

    def apply(self) -> bool:
        """Store the accepted sheets (each whole); then preview again (they now read "Đã nhận trước đó")."""
        from ..sheets.rollup import apply_rollup

        if self.rollup is None:
            return False
        rollup = self.rollup
        try:
            added = apply_rollup(self.store, rollup)
        except KnownError as exc:
            self.error.setText(exc.message)
            return False
        taken = len([r for r in rollup.accepted if not r.same])
        self.preview()
        self.summary.setText(QCoreApplication.translate("RollupDialog", "Đã nhập %1 phiếu, thêm %2 mục tiến độ.")
                             .replace("%1", str(taken)).replace("%2", str(added)))
        return True

    def export(self, kind: str, target: str | Path | None = None) -> Path | None:
        """Write the consolidated workbook (``xlsx``) or Báo cáo (``docx``) of what is stored."""
        from ..sheets.rollup import write_rollup_report, write_rollup_workbook

        plan_id = self.plan_id()
        if plan_id is None:
            return None
        if self.pending() and target is None:
            answer = QMessageBox.question(
                self, QCoreApplication.translate("RollupDialog", "Phiếu chưa nhập"),
                QCoreApplication.translate("RollupDialog", "Có %1 phiếu hợp lệ chưa nhập. Nhập các phiếu này trước "
                                                           "khi xuất?").replace("%1", str(self.pending())),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel:
                return None
            if answer == QMessageBox.StandardButton.Yes and not self.apply():
                return None
        period = self.period.period()
        if target is None:
            suggested = f"tong-hop-{period.key}.{kind}" if kind == "xlsx" else f"bao-cao-tong-hop-{period.key}.docx"
            filters = QCoreApplication.translate("RollupDialog", "Bảng tính Excel (*.xlsx)") if kind == "xlsx" \
                else QCoreApplication.translate("RollupDialog", "Tài liệu Word (*.docx)")
            chosen, _ = QFileDialog.getSaveFileName(
                self, QCoreApplication.translate("RollupDialog", "Xuất tổng hợp"), suggested, filters)
            if not chosen:
                return None
            target = chosen
        target = Path(target)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(f"{target.name}.{kind}")
        writer = write_rollup_workbook if kind == "xlsx" else write_rollup_report
        try:
            path = writer(self.store, plan_id, period, target, expected=self.expected)
        except KnownError as exc:
            self.error.setText(exc.message)
            return None
        self.summary.setText(QCoreApplication.translate("RollupDialog", "Đã ghi %1").replace("%1", str(path)))
        return path


def open_rollup(window) -> None:
    """Công cụ → Tổng hợp báo cáo của các xã, phường…: the dialog on the window's store, the open plan chosen."""
    plans = window._run(window.store.plans.list)
    if not isinstance(plans, list):
        return
    if not plans:
        window.show_error(QCoreApplication.translate(
            "RollupDialog", "Chưa có kế hoạch nào. Hãy nhập kế hoạch của cấp mình (kế hoạch các xã, phường thực hiện) "
                            "trước khi tổng hợp báo cáo của các xã, phường."))
        return
    session = getattr(window, "session", None)
    dialog = RollupDialog(window.store, plans, session.plan_id if session is not None else None, window)
    window.rollup_dialog = dialog  # for tests
    dialog.exec()


class UpwardDialog(QDialog):
    """The period of the commune's sheet for the province, before the file name is asked."""

    def __init__(self, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("RollupDialog", "Lập phiếu báo cáo gửi cấp trên"))
        intro = QLabel(QCoreApplication.translate(
            "RollupDialog", "Phiếu (.xlsx) gửi cấp trên: mỗi dòng một nhiệm vụ của KH %1 mà kế hoạch này thực hiện, "
                            "với tình hình thực hiện và nội dung các đơn vị đã báo cáo trong kỳ. Không sửa trên "
                            "phiếu: cần sửa thì sửa trong phần mềm rồi lập lại phiếu.").replace("%1", reference))
        intro.setWordWrap(True)
        self.period = PeriodPicker()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("RollupDialog", "Kỳ &báo cáo:"), self.period)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 220)


def write_upward(window, target: str | Path | None = None, period: Period | None = None) -> Path | None:
    """The open plan's sheet for the province (``kehoach report-sheet``): asks the period and the file."""
    from ..sheets.upward import write_upward_sheet

    session = getattr(window, "session", None)
    if session is None:
        window.show_error(QCoreApplication.translate("RollupDialog", "Hãy mở kế hoạch cần báo cáo lên cấp trên trước."))
        return None
    plan = session.plan
    if plan.upper is None:
        window.show_error(QCoreApplication.translate(
            "RollupDialog", "Kế hoạch này không được lập theo kế hoạch cấp trên nào, nên không có phiếu báo cáo gửi "
                            "cấp trên; hãy dùng Báo cáo hoặc bảng theo dõi tiến độ."))
        return None
    if period is None:
        dialog = UpwardDialog(plan.upper.reference, window)
        window.upward_dialog = dialog  # for tests
        if not dialog.exec():
            return None
        period = dialog.period.period()
    asked = target is None
    if target is None:
        chosen, _ = QFileDialog.getSaveFileName(
            window, QCoreApplication.translate("RollupDialog", "Lập phiếu báo cáo gửi cấp trên"),
            f"bao-cao-{period.key}-kh-{(plan.upper.number or 'cap-tren')}.xlsx",
            QCoreApplication.translate("RollupDialog", "Bảng tính Excel (*.xlsx)"))
        if not chosen:
            return None
        target = chosen
    target = Path(target)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    written = window._run(write_upward_sheet, window.store, session.plan_id, period, target, dt.date.today())
    if not written:
        return None
    path, _sheet = written
    if asked:  # chosen in the dialog: offer to open it, as an export does
        from .export import Exporter

        Exporter(window).offer_open(path)
    return path
