"""The progress dashboard of one plan (bảng điều khiển tiến độ).

Counts by status, what is overdue, what falls due in the next 30 days, a unit ×
status matrix and a bar chart. A click on a count, a bar or a matrix cell lists
its tasks; a click on any task emits :attr:`DashboardWidget.taskActivated` with
its id, which the main window uses to open the task.

The chart is painted with QPainter: QtCharts is not part of PySide6-Essentials.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.numbering import printed, tracking_numbers
from ..domain.progress import (
    DONE,
    DONE_LATE,
    IN_PROGRESS,
    NOT_REPORTED,
    NOT_STARTED,
    OVERDUE,
    REPORTED_STATUSES,
    STATUS_LABELS,
    STATUSES,
    Period,
    ProgressEntry,
    TaskProgress,
    count_statuses,
    counts_by_unit,
)
from ..domain.text import nfc
from ..errors import KnownError
from ..sheets.common import slug
from ..sheets.merge import MergePlan, apply_merge, prepare_merge
from ..sheets.tracking import (
    default_period,
    export_progress_sheet,
    make_unit_sheets,
    plan_progress,
    write_period_report,
)
from .widgets import ok_cancel

TASK_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 30  # dashboard lists: the task id
STATUS_ROLE = int(Qt.ItemDataRole.UserRole) + 31  # matrix cells: (unit, status)
SOON_DAYS = 30

STATUS_COLORS = {
    NOT_STARTED: QColor("#9e9e9e"),
    IN_PROGRESS: QColor("#1e88e5"),
    DONE: QColor("#43a047"),
    DONE_LATE: QColor("#fb8c00"),
    NOT_REPORTED: QColor("#c9a227"),  # amber, darker than "Hoàn thành quá hạn": a report is missing, not a deadline
    OVERDUE: QColor("#e53935"),
}


# The status names for pyside6-lupdate (the domain holds them; they are translated where shown).
_STATUS_NAMES = (
    QT_TRANSLATE_NOOP("Status", "Chưa thực hiện"),
    QT_TRANSLATE_NOOP("Status", "Đang thực hiện"),
    QT_TRANSLATE_NOOP("Status", "Hoàn thành"),
    QT_TRANSLATE_NOOP("Status", "Hoàn thành quá hạn"),
    QT_TRANSLATE_NOOP("Status", "Chưa báo cáo"),
    QT_TRANSLATE_NOOP("Status", "Quá hạn"),
)


def status_label(status: str) -> str:
    return QCoreApplication.translate("Status", STATUS_LABELS[status])


def _two_lines(text: str) -> str:
    words = text.split()
    if len(words) < 2:
        return text
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


class StatusChart(QWidget):
    """Bars of the number of tasks in each status; a click on a bar emits its status."""

    statusClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
        self.setMinimumSize(360, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(QCoreApplication.translate("Dashboard", "Biểu đồ số nhiệm vụ theo tình trạng"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:
        return QSize(460, 220)

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = {s: counts.get(s, 0) for s in STATUSES}
        self.setToolTip("\n".join(f"{status_label(s)}: {n}" for s, n in self.counts.items()))
        self.update()

    def bar_rects(self) -> dict[str, QRectF]:
        """Where each bar is drawn (also what a click hits)."""
        top, bottom_text = 22.0, 36.0
        width = self.width() / len(STATUSES)
        height = max(10.0, self.height() - top - bottom_text)
        peak = max(1, *self.counts.values())
        rects = {}
        for i, status in enumerate(STATUSES):
            h = height * self.counts[status] / peak
            rects[status] = QRectF(i * width + width * 0.2, top + height - h, width * 0.6, max(h, 1.0))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width() / len(STATUSES)
        base = self.height() - 36.0
        painter.setPen(self.palette().windowText().color())
        painter.drawLine(0, int(base), self.width(), int(base))
        for i, (status, rect) in enumerate(self.bar_rects().items()):
            painter.fillRect(rect, STATUS_COLORS[status])
            painter.drawText(QRectF(rect.left() - 10, rect.top() - 20, rect.width() + 20, 18),
                             int(Qt.AlignmentFlag.AlignCenter), str(self.counts[status]))
            painter.drawText(QRectF(i * width + 2, base + 2, width - 4, 34),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                             | int(Qt.TextFlag.TextWordWrap), status_label(status))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = int(event.position().x() // (self.width() / len(STATUSES)))
        if 0 <= index < len(STATUSES):
            self.statusClicked.emit(STATUSES[index])
        super().mousePressEvent(event)


def _task_list(headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the task's title takes the room left
    # a long unit name or timeframe must not push the title out on a 1366x768 screen: the other
    # columns grow to fit their text up to this, the rest is elided (the tooltip has it whole)
    header.setMaximumSectionSize(tree.fontMetrics().horizontalAdvance("M") * 13)
    header.setMinimumSectionSize(tree.fontMetrics().horizontalAdvance("STT") + 12)
    return tree


class ProgressImportDialog(QDialog):
    """Merge back one filled unit sheet: what will change is shown first, nothing is written until "Nhập"."""

    def __init__(self, store: object, path: str | Path, parent: QWidget | None = None,
                 expected: Period | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self.merge: MergePlan | None = None
        self.added = 0
        self.setWindowTitle(QCoreApplication.translate("Dashboard", "Nhập phiếu báo cáo tiến độ: {name}").format(name=self.path.name))
        self.resize(760, 420)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(QCoreApplication.translate("Dashboard", "Những gì sẽ thay đổi"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(QCoreApplication.translate("Dashboard", "&Nhập vào cơ sở dữ liệu"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("Dashboard", "Xem trước những gì sẽ thay đổi (chưa ghi gì):")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        try:
            self.merge = prepare_merge(store, self.path, expected, today)  # type: ignore[arg-type]
        except KnownError as exc:
            self.error.setText(exc.message)
            self.apply_button.setEnabled(False)
            return
        self.preview.setPlainText("\n".join(self.merge.describe(applied=False)[:-1]))
        self.apply_button.setEnabled(bool(self.merge.changes))
        if not self.merge.changes:
            self.error.setText(QCoreApplication.translate("Dashboard", "Phiếu này không có gì mới so với những gì đã nhập."))

    def accept(self) -> None:
        if self.merge is None:
            return
        try:
            self.added = apply_merge(self.store, self.merge)  # type: ignore[arg-type]
        except KnownError as exc:  # e.g. the database is locked: nothing was written
            self.error.setText(exc.message)
            return
        super().accept()


class ProgressEntryDialog(QDialog):
    """Record by hand what a unit reported about one task (by phone, by letter), with the task's history.

    Widgets are named ``*_edit``: an attribute called ``done`` or ``result`` would hide QDialog's
    virtual ``done()`` / ``result()`` from Qt and crash."""

    def __init__(self, store: object, task_id: int, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.task = store.plans.load_task(task_id)  # type: ignore[attr-defined]
        self.entry: ProgressEntry | None = None
        self.setWindowTitle(QCoreApplication.translate("Dashboard", "Ghi nhận tiến độ nhiệm vụ"))
        self.resize(720, 560)
        title = QLabel(f"{printed(self.task.number)} {self.task.title}".strip())
        title.setWordWrap(True)
        self.date_edit = QDateEdit(today or dt.date.today())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.unit_edit = QComboBox()
        self.unit_edit.setEditable(True)
        self.unit_edit.addItems(list(dict.fromkeys([*self.task.lead, *self.task.coordinators])))
        self.status_edit = QComboBox()
        for code in REPORTED_STATUSES:
            self.status_edit.addItem(status_label(code), code)
        self.status_edit.setCurrentIndex(REPORTED_STATUSES.index(IN_PROGRESS))
        self.done_edit = QPlainTextEdit()
        self.result_edit = QPlainTextEdit()
        self.percent_edit = QSpinBox()
        self.percent_edit.setRange(-1, 100)
        self.percent_edit.setSpecialValueText(QCoreApplication.translate("Dashboard", "(không ghi)"))
        self.percent_edit.setValue(-1)
        self.percent_edit.setSuffix(" %")
        self.difficulties_edit = QPlainTextEdit()
        self.proposals_edit = QPlainTextEdit()
        self.evidence_edit = QLineEdit()
        self.evidence_edit.setPlaceholderText(QCoreApplication.translate("Dashboard", "Số văn bản, đường dẫn tệp…"))
        for edit in (self.done_edit, self.result_edit, self.difficulties_edit, self.proposals_edit):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(54)
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        entries = store.progress.for_task(task_id)  # type: ignore[attr-defined]
        self.history.setPlainText("\n".join(
            f"{e.date:%d/%m/%Y} — {e.unit or '…'}: {status_label(e.status)}"
            + (f"; {e.summary()}" if e.summary() else "") for e in entries) or QCoreApplication.translate("Dashboard", "Chưa có báo cáo nào."))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Dashboard", "&Ngày báo cáo:"), self.date_edit)
        form.addRow(QCoreApplication.translate("Dashboard", "Đơn &vị báo cáo:"), self.unit_edit)
        form.addRow(QCoreApplication.translate("Dashboard", "&Tiến độ:"), self.status_edit)
        form.addRow(QCoreApplication.translate("Dashboard", "Nội dung đã thực &hiện:"), self.done_edit)
        form.addRow(QCoreApplication.translate("Dashboard", "&Kết quả:"), self.result_edit)
        form.addRow(QCoreApplication.translate("Dashboard", "Tỷ lệ hoàn thành:"), self.percent_edit)
        form.addRow(QCoreApplication.translate("Dashboard", "Khó khăn, vướng &mắc:"), self.difficulties_edit)
        form.addRow(QCoreApplication.translate("Dashboard", "Đề xuất, kiến &nghị:"), self.proposals_edit)
        form.addRow(QCoreApplication.translate("Dashboard", "Văn bản, &minh chứng:"), self.evidence_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(QLabel(QCoreApplication.translate("Dashboard", "Các lần báo cáo trước (giữ nguyên, không bị ghi đè):")))
        layout.addWidget(self.history, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            entry = ProgressEntry(
                task_id=int(self.task.id or 0), date=self.date_edit.date().toPython(), status=self.status_edit.currentData(),
                unit=nfc(self.unit_edit.currentText()).strip(), done=nfc(self.done_edit.toPlainText()).strip(),
                result=nfc(self.result_edit.toPlainText()).strip(),
                percent=None if self.percent_edit.value() < 0 else float(self.percent_edit.value()),
                difficulties=nfc(self.difficulties_edit.toPlainText()).strip(),
                proposals=nfc(self.proposals_edit.toPlainText()).strip(), evidence=nfc(self.evidence_edit.text()).strip())
            self.store.progress.add(entry)  # type: ignore[attr-defined]
        except KnownError as exc:
            self.error.setText(exc.message)
            return
        self.entry = entry
        super().accept()


class PeriodDialog(QDialog):
    """Choose a reporting period: 6 tháng đầu năm or cả năm, and the year."""

    def __init__(self, title: str, initial: Period, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.kind = QComboBox()
        self.kind.addItem(QCoreApplication.translate("Dashboard", "6 tháng đầu năm (15/12 năm trước – 14/6)"), "6m")
        self.kind.addItem(QCoreApplication.translate("Dashboard", "Cả năm (15/12 năm trước – 14/12)"), "year")
        self.kind.setCurrentIndex(0 if initial.kind == "6m" else 1)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(initial.year)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("Dashboard", "&Kỳ báo cáo:"), self.kind)
        form.addRow(QCoreApplication.translate("Dashboard", "&Năm:"), self.year)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def period(self) -> Period:
        return Period(self.kind.currentData(), self.year.value())


class DashboardWidget(QWidget):
    """The dashboard of plan ``plan_id``; :meth:`refresh` after progress entries change."""

    taskActivated = Signal(int)
    progressChanged = Signal(int)  # how many progress entries were added (a merge, or by hand)

    def __init__(self, store: object, plan_id: int, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.plan_id = plan_id
        self._today = today
        self.rows: list[TaskProgress] = []
        self.numbers: dict[str, str] = {}  # task key → number with its group's (and phụ lục's)
        self._selected_task: int | None = None

        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)

        self.count_buttons: dict[str, QPushButton] = {}
        counts_row = QHBoxLayout()
        for status in STATUSES:
            button = QPushButton()
            button.setObjectName(f"count_{status}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setMinimumHeight(54)
            big = button.font()
            big.setPointSizeF(big.pointSizeF() * 1.15)
            big.setBold(True)
            button.setFont(big)
            button.setStyleSheet(
                "QPushButton { border: 1px solid palette(mid); border-left: 8px solid "
                f"{STATUS_COLORS[status].name()}; border-radius: 3px; background: palette(base); "
                "text-align: left; padding: 4px 10px; }")
            button.clicked.connect(lambda _checked=False, s=status: self.show_status(s))
            self.count_buttons[status] = button
            counts_row.addWidget(button)
        self.total_label = QLabel()
        self.message = QLabel()  # the outcome of the last action, or its error
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        for text, slot, name in (
                (QCoreApplication.translate("Dashboard", "&Ghi tiến độ nhiệm vụ đang chọn…"), self.record_progress, "record"),
                (QCoreApplication.translate("Dashboard", "&Nhập phiếu của đơn vị…"), self.import_sheets, "import"),
                (QCoreApplication.translate("Dashboard", "&Lập phiếu cho các đơn vị…"), self.make_sheets, "sheets"),
                (QCoreApplication.translate("Dashboard", "&Xuất bảng tiến độ (.xlsx)…"), self.export_sheet, "export"),
                (QCoreApplication.translate("Dashboard", "Lập &báo cáo kỳ…"), self.make_report, "report")):
            button = QPushButton(text)
            button.setObjectName(f"action_{name}")
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)

        self.chart = StatusChart()
        self.chart.statusClicked.connect(self.show_status)

        self.matrix = QTableWidget()
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.setAccessibleName(QCoreApplication.translate("Dashboard", "Bảng đơn vị × tình trạng"))
        self.matrix.cellClicked.connect(self._matrix_clicked)

        self.overdue = _task_list([QCoreApplication.translate("Dashboard", "STT"), QCoreApplication.translate("Dashboard", "Nhiệm vụ quá hạn"), QCoreApplication.translate("Dashboard", "Đơn vị chủ trì"),
                                   QCoreApplication.translate("Dashboard", "Thời gian thực hiện")])
        self.due_soon = _task_list([QCoreApplication.translate("Dashboard", "STT"), QCoreApplication.translate("Dashboard", "Nhiệm vụ"), QCoreApplication.translate("Dashboard", "Đơn vị chủ trì"), QCoreApplication.translate("Dashboard", "Hạn")])
        self.selection = _task_list([QCoreApplication.translate("Dashboard", "STT"), QCoreApplication.translate("Dashboard", "Nhiệm vụ"), QCoreApplication.translate("Dashboard", "Đơn vị chủ trì"), QCoreApplication.translate("Dashboard", "Tình trạng")])
        self.selection_box = QGroupBox(QCoreApplication.translate("Dashboard", "Nhiệm vụ theo lựa chọn"))
        for tree in (self.overdue, self.due_soon, self.selection):
            tree.itemClicked.connect(self._item_clicked)
            tree.itemActivated.connect(self._item_clicked)
            # Right click: record a report without leaving the dashboard (a click opens the task).
            tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            action = QAction(QCoreApplication.translate("Dashboard", "Ghi tiến độ…"), tree)
            action.triggered.connect(lambda _checked=False, t=tree: self._record_current(t))
            tree.addAction(action)

        self.overdue_box = QGroupBox()
        QVBoxLayout(self.overdue_box).addWidget(self.overdue)
        self.due_box = QGroupBox()
        QVBoxLayout(self.due_box).addWidget(self.due_soon)
        QVBoxLayout(self.selection_box).addWidget(self.selection)
        chart_box = QGroupBox(QCoreApplication.translate("Dashboard", "Số nhiệm vụ theo tình trạng"))
        QVBoxLayout(chart_box).addWidget(self.chart)
        matrix_box = QGroupBox(QCoreApplication.translate("Dashboard", "Theo đơn vị chủ trì (bấm một ô để xem nhiệm vụ)"))
        QVBoxLayout(matrix_box).addWidget(self.matrix)

        grid = QGridLayout()
        grid.addWidget(chart_box, 0, 0)
        grid.addWidget(self.overdue_box, 0, 1)
        grid.addWidget(matrix_box, 1, 0)
        grid.addWidget(self.due_box, 1, 1)
        grid.addWidget(self.selection_box, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addLayout(counts_row)
        layout.addWidget(self.total_label)
        layout.addLayout(grid, 1)
        self.refresh()

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # --- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the plan and its progress again and redraw everything."""
        plan, self.rows = plan_progress(self.store, self.plan_id, self.today)  # type: ignore[arg-type]
        self.numbers = tracking_numbers(plan)
        self.title.setText(QCoreApplication.translate("Dashboard", "Tiến độ thực hiện: {title} — đến ngày {date}").format(
            title=plan.title, date=f"{self.today:%d/%m/%Y}"))
        counts = count_statuses(self.rows).counts
        for status, button in self.count_buttons.items():
            button.setText(f"{counts[status]}\n{status_label(status)}")
            button.setAccessibleName(f"{status_label(status)}: {counts[status]}")
        self.total_label.setText(QCoreApplication.translate("Dashboard", "Tổng số: {n} nhiệm vụ được theo dõi").format(n=len(self.rows)))
        self.chart.set_counts(counts)
        self._fill_matrix()

        overdue = [r for r in self.rows if r.status == OVERDUE]
        self.overdue_box.setTitle(QCoreApplication.translate("Dashboard", "Quá hạn ({n})").format(n=len(overdue)))
        self._fill(self.overdue, overdue, lambda r: r.task.time)
        horizon = self.today + dt.timedelta(days=SOON_DAYS)
        soon = sorted((r for r in self.rows if r.status not in (DONE, DONE_LATE, OVERDUE)
                       and r.next_due and r.next_due <= horizon), key=lambda r: r.next_due or self.today)
        self.due_box.setTitle(QCoreApplication.translate("Dashboard", "Đến hạn trong {days} ngày tới ({n})").format(days=SOON_DAYS, n=len(soon)))
        self._fill(self.due_soon, soon, lambda r: f"{r.next_due:%d/%m/%Y}")
        missing = any(r.status == NOT_REPORTED for r in self.rows)
        self.show_status(OVERDUE if overdue else NOT_REPORTED if missing else IN_PROGRESS)

    def _fill(self, tree: QTreeWidget, rows: list[TaskProgress], last: Callable[[TaskProgress], str]) -> None:
        tree.clear()
        for row in rows:
            number = self.numbers.get(row.task.key) or printed(row.task.number)  # "1.a", "PL.3": a list apart
            item = QTreeWidgetItem([number, row.task.title, "; ".join(row.task.lead), last(row)])
            item.setData(0, TASK_ID_ROLE, row.task.id)
            item.setToolTip(1, row.task.title)
            tree.addTopLevelItem(item)

    def _fill_matrix(self) -> None:
        by_unit = counts_by_unit(self.rows)
        self.matrix.clear()
        self.matrix.setRowCount(len(by_unit))
        self.matrix.setColumnCount(len(STATUSES) + 1)
        # Two-line headings keep the five statuses readable in a narrow column.
        self.matrix.setHorizontalHeaderLabels([_two_lines(status_label(s)) for s in STATUSES] + [QCoreApplication.translate("Dashboard", "Tổng")])
        self.matrix.setVerticalHeaderLabels(list(by_unit))
        for r, (unit, counts) in enumerate(by_unit.items()):
            self.matrix.verticalHeaderItem(r).setToolTip(unit)  # the name whole when elided
            for c, status in enumerate(STATUSES):
                item = QTableWidgetItem(str(counts.counts[status]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(STATUS_ROLE, (unit, status))
                if counts.counts[status] and status in (OVERDUE, NOT_REPORTED):
                    item.setForeground(STATUS_COLORS[status])
                self.matrix.setItem(r, c, item)
            total = QTableWidgetItem(str(counts.total))
            total.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            total.setData(STATUS_ROLE, (unit, None))
            self.matrix.setItem(r, len(STATUSES), total)
        # each status column as wide as its two-line heading (never cut), a long unit name elided
        # (whole in the tooltip)
        columns = self.matrix.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setStretchLastSection(False)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.matrix.verticalHeader().setMaximumWidth(self.matrix.fontMetrics().horizontalAdvance("M") * 16)

    # --- interaction --------------------------------------------------------------------------

    def show_status(self, status: str | None, unit: str | None = None) -> None:
        """List the tasks in ``status`` (of ``unit`` when given) in the selection list."""
        rows = [r for r in self.rows if (status is None or r.status == status)
                and (unit is None or unit in (r.task.lead or ["(Chưa giao đơn vị)"]))]
        what = status_label(status) if status else QCoreApplication.translate("Dashboard", "Tất cả")
        self.selection_box.setTitle(QCoreApplication.translate("Dashboard", "Nhiệm vụ: {what}{unit} ({n})").format(
            what=what, unit=f" — {unit}" if unit else "", n=len(rows)))
        self._fill(self.selection, rows, lambda r: status_label(r.status))

    def _matrix_clicked(self, row: int, column: int) -> None:
        item = self.matrix.item(row, column)
        if item is not None:
            unit, status = item.data(STATUS_ROLE)
            self.show_status(status, unit)

    def _item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        task_id = item.data(0, TASK_ID_ROLE)
        if task_id is not None:
            self._selected_task = int(task_id)
            self.taskActivated.emit(int(task_id))

    def _record_current(self, tree: QTreeWidget) -> None:
        item = tree.currentItem()
        if item is not None and item.data(0, TASK_ID_ROLE) is not None:
            self._selected_task = int(item.data(0, TASK_ID_ROLE))
            self.record_progress()

    def record_progress(self) -> None:
        """Record a report for the task last clicked in one of the lists."""
        if self._selected_task is None:
            self._say(QCoreApplication.translate("Dashboard", "Hãy bấm chọn một nhiệm vụ trong các danh sách trước."), error=True)
            return
        dialog = ProgressEntryDialog(self.store, self._selected_task, self, today=self._today)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self._say(QCoreApplication.translate("Dashboard", "Đã ghi nhận tiến độ."))
            self.progressChanged.emit(1)

    # --- actions ----------------------------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text)

    def _plan_slug(self) -> str:
        return slug(self.store.plans.load(self.plan_id).title)[:40]  # type: ignore[attr-defined]

    def import_sheets(self) -> None:
        """Choose filled unit sheets; each is previewed, then merged on the user's word."""
        paths, _ = QFileDialog.getOpenFileNames(self, QCoreApplication.translate("Dashboard", "Chọn phiếu báo cáo đơn vị đã điền"), "",
                                                QCoreApplication.translate("Dashboard", "Bảng tính Excel (*.xlsx)"))
        added = 0
        for path in paths:
            dialog = ProgressImportDialog(self.store, path, self, today=self._today)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                added += dialog.added
        if paths:
            self.refresh()
            self._say(QCoreApplication.translate("Dashboard", "Đã thêm {n} mục tiến độ từ {files} phiếu.").format(n=added, files=len(paths)))
            self.progressChanged.emit(added)

    def make_sheets(self) -> None:
        dialog = PeriodDialog(QCoreApplication.translate("Dashboard", "Lập phiếu báo cáo cho các đơn vị"), default_period(self.today), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        folder = QFileDialog.getExistingDirectory(self, QCoreApplication.translate("Dashboard", "Chọn thư mục ghi các phiếu"))
        if not folder:
            return
        try:
            written, skipped = make_unit_sheets(self.store, self.plan_id, dialog.period(), folder,  # type: ignore[arg-type]
                                                self._today)
        except KnownError as exc:
            self._say(exc.message, error=True)
            return
        text = QCoreApplication.translate("Dashboard", "Đã lập {n} phiếu trong {folder}.").format(n=len(written), folder=folder)
        if skipped:
            text += " " + QCoreApplication.translate("Dashboard", "Không lập phiếu riêng cho nhóm chung: {groups}.").format(groups="; ".join(skipped))
        self._say(text)

    def export_sheet(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("Dashboard", "Xuất bảng theo dõi tiến độ"),
                                              f"tien-do-{self._plan_slug()}.xlsx", QCoreApplication.translate("Dashboard", "Bảng tính Excel (*.xlsx)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        try:
            export_progress_sheet(self.store, self.plan_id, target, self.today)  # type: ignore[arg-type]
        except KnownError as exc:
            self._say(exc.message, error=True)
            return
        self._say(QCoreApplication.translate("Dashboard", "Đã ghi {path}").format(path=target))

    def make_report(self) -> None:
        dialog = PeriodDialog(QCoreApplication.translate("Dashboard", "Lập báo cáo kết quả thực hiện"), default_period(self.today), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        period = dialog.period()
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("Dashboard", "Ghi báo cáo"), f"bao-cao-{period.key}-{self._plan_slug()}.docx",
                                              QCoreApplication.translate("Dashboard", "Tài liệu Word (*.docx)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".docx") else Path(path + ".docx")
        try:
            write_period_report(self.store, self.plan_id, period, target, self.today)  # type: ignore[arg-type]
        except KnownError as exc:
            self._say(exc.message, error=True)
            return
        self._say(QCoreApplication.translate("Dashboard", "Đã ghi báo cáo {period}: {path}").format(period=period.label, path=target))
