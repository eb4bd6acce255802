"""The plans list: search, sort by date, open, new, duplicate, delete to a recoverable bin."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.text import fold
from ..store.plans import PlanSummary
from .pages import date_text
from .roles import PLAN_ID_ROLE, SEARCH_ROLE, SORT_ROLE
from .widgets import set_look

ModelIndex = QModelIndex | QPersistentModelIndex


class PlanListModel(QAbstractTableModel):
    """Columns: number/symbol, date, trích yếu, tasks, last change."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self.plans: list[PlanSummary] = []

    def set_plans(self, plans: list[PlanSummary]) -> None:
        self.beginResetModel()
        self.plans = plans
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.plans)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (QCoreApplication.translate("PlanList", "Số, ký hiệu"), QCoreApplication.translate("PlanList", "Ngày"), QCoreApplication.translate("PlanList", "Trích yếu"),
                QCoreApplication.translate("PlanList", "Nhiệm vụ"), QCoreApplication.translate("PlanList", "Sửa lần cuối"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        plan = self.plans[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return plan.reference
            if column == 1:
                return date_text(plan.date) or QCoreApplication.translate("PlanList", "(chưa có ngày)")
            if column == 2:
                return plan.title
            if column == 3:
                return plan.tasks
            return plan.updated_at.replace("T", " ")[:16]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return plan.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PLAN_ID_ROLE:
            return plan.id
        if role == SEARCH_ROLE:
            return fold(f"{plan.reference} {plan.title} {date_text(plan.date)}")
        if role == SORT_ROLE:
            if column == 1:
                return plan.date.iso() if plan.date else ""
            if column == 3:
                return plan.tasks
            if column == 4:
                return plan.updated_at
            return fold(str(self.data(index)))
        return None


class PlanFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
        self._words = fold(text).split()
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._words:
            return True
        text = self.sourceModel().index(source_row, 0, source_parent).data(SEARCH_ROLE) or ""
        return all(word in text for word in self._words)


class PlanListPage(QWidget):
    """The first screen: every plan of the database, and the bin."""

    openPlan = Signal(int)
    newFromTemplate = Signal()
    newBlank = Signal()
    importFile = Signal()
    duplicatePlan = Signal(int)
    deletePlan = Signal(int)
    restorePlan = Signal(int)
    purgePlan = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PlanListModel(self)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(QCoreApplication.translate("PlanList", "Danh sách kế hoạch"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 130), (1, 110), (3, 80), (4, 140)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(QCoreApplication.translate("PlanList", "Tìm kế hoạch theo số, trích yếu (gõ không dấu cũng được)…"))
        self.search.textChanged.connect(self.proxy.set_query)
        self.bin = QCheckBox(QCoreApplication.translate("PlanList", "Xem thùng &rác"))
        self.bin.toggled.connect(lambda _on: self.refresh_requested.emit())

        self.new_template = QPushButton(QCoreApplication.translate("PlanList", "Kế hoạch mới từ &mẫu"))
        self.new_template.setDefault(True)
        self.new_template.clicked.connect(self.newFromTemplate)
        self.new_blank = QPushButton(QCoreApplication.translate("PlanList", "Kế hoạch &trống"))
        self.new_blank.clicked.connect(self.newBlank)
        self.import_button = QPushButton(QCoreApplication.translate("PlanList", "&Nhập từ tệp…"))
        self.import_button.clicked.connect(self.importFile)
        self.open_button = QPushButton(QCoreApplication.translate("PlanList", "&Mở"))
        self.open_button.clicked.connect(self._open)
        self.duplicate_button = QPushButton(QCoreApplication.translate("PlanList", "Nhân &bản"))
        self.duplicate_button.clicked.connect(lambda: self._emit_current(self.duplicatePlan))
        self.delete_button = QPushButton(QCoreApplication.translate("PlanList", "&Xóa"))
        self.delete_button.setToolTip(QCoreApplication.translate("PlanList", "Chuyển vào thùng rác (có thể khôi phục)"))
        self.delete_button.clicked.connect(lambda: self._emit_current(self.deletePlan))
        self.restore_button = QPushButton(QCoreApplication.translate("PlanList", "&Khôi phục"))
        self.restore_button.clicked.connect(lambda: self._emit_current(self.restorePlan))
        self.purge_button = QPushButton(QCoreApplication.translate("PlanList", "Xóa &hẳn"))
        self.purge_button.clicked.connect(lambda: self._emit_current(self.purgePlan))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self._open,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table,
                  lambda: self._emit_current(self.purgePlan if self.bin.isChecked() else self.deletePlan),
                  context=Qt.ShortcutContext.WidgetShortcut)

        title = QLabel(QCoreApplication.translate("PlanList", "Kế hoạch"))
        set_look(title, "pageTitle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.search, 1)
        top.addWidget(self.bin)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_template)
        new_row.addWidget(self.new_blank)
        new_row.addWidget(self.import_button)
        new_row.addStretch(1)
        new_row.addWidget(self.open_button)
        new_row.addWidget(self.duplicate_button)
        new_row.addWidget(self.delete_button)
        new_row.addWidget(self.restore_button)
        new_row.addWidget(self.purge_button)

        self.empty = QLabel(QCoreApplication.translate("PlanList", "Chưa có kế hoạch nào.\n\nBấm “Kế hoạch mới từ mẫu” để bắt đầu từ mẫu "
                                           "Kế hoạch triển khai Luật Trí tuệ nhân tạo,\nhoặc “Nhập từ tệp…” để mở một "
                                           "kế hoạch đã soạn bằng Word."))
        self._empty_text = self.empty.text()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_look(self.empty, "emptyState")
        self.empty.setWordWrap(True)
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(new_row)
        layout.addWidget(self.body, 1)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    refresh_requested = Signal()

    def set_plans(self, plans: list[PlanSummary], select_id: int | None = None) -> None:
        self.model.set_plans(plans)
        in_bin = self.bin.isChecked()
        self.empty.setText(QCoreApplication.translate("PlanList", "Thùng rác trống.") if in_bin else self._empty_text)
        self.body.setCurrentWidget(self.table if plans else self.empty)
        row = 0
        if select_id is not None:
            for r in range(self.proxy.rowCount()):
                if self.proxy.index(r, 0).data(PLAN_ID_ROLE) == select_id:
                    row = r
        if plans:
            self.table.selectRow(row)
        self._update_buttons()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.siblingAtColumn(0).data(PLAN_ID_ROLE) if index.isValid() else None

    def _emit_current(self, signal: Signal) -> None:
        plan_id = self.current_id()
        if plan_id is not None:
            signal.emit(plan_id)

    def _open(self) -> None:
        if not self.bin.isChecked():
            self._emit_current(self.openPlan)

    def _update_buttons(self) -> None:
        in_bin = self.bin.isChecked()
        has = self.current_id() is not None
        for button in (self.new_template, self.new_blank, self.import_button):
            button.setVisible(not in_bin)
        self.open_button.setVisible(not in_bin)
        self.duplicate_button.setVisible(not in_bin)
        self.delete_button.setVisible(not in_bin)
        self.restore_button.setVisible(in_bin)
        self.purge_button.setVisible(in_bin)
        for button in (self.open_button, self.duplicate_button, self.delete_button, self.restore_button,
                       self.purge_button):
            button.setEnabled(has)
