"""Công cụ → Việc của đơn vị… (Ctrl+Shift+U) and Tìm trong mọi kế hoạch… (Ctrl+Shift+F) (issue #12 point 5).

Both are windows beside the main window (not modal): a double-click on a task opens its plan in the main
window with that task selected in the tree and its form, and the list stays open for the next one.

* :class:`UnitTasksDialog`: the catalog on the left (filtered without diacritics, Vietnamese order by
  QCollator, each unit with its count of tasks), on the right every task of the chosen unit in every plan
  not in the bin — Kế hoạch | Nhiệm vụ | Vai trò | Thời gian | Hạn | Tình trạng, sortable, overdue rows in
  red — and "Xuất Excel…" of that list.
* :class:`SearchAllDialog`: a line edit, the results as you type from the second letter (the FTS query of
  :mod:`kehoach_desktop.store.across` takes a few milliseconds, so there is no debounce delay: each key
  searches at once, keys already waiting together), the same kind of table.

The tables are :class:`AcrossModel` (a ``QAbstractTableModel`` over the service's rows) behind a
:class:`CollatedProxy` that sorts text the Vietnamese way and dates as dates.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.text import fold
from ..errors import KnownError
from ..store.across import SearchHit, UnitTask, find_unit, search_all, unit_tasks
from .roles import DISPLAY, SORT_ROLE, TOOLTIP, UNIT_ID_ROLE, USER
from .widgets import error_label, fit_to_screen, set_look

ROW_ROLE = USER + 30  # the service's row (UnitTask / SearchHit) of a line
FOREGROUND = 9  # Qt.ItemDataRole.ForegroundRole
FONT = 6  # Qt.ItemDataRole.FontRole
OVERDUE_COLOUR = QColor("#b00020")
NOT_REPORTED_COLOUR = QColor("#9a6700")


def _date(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def vi_collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)  # "2" before "10" in task numbers
    return collator


# --- the table model -------------------------------------------------------------------------------

class Column:
    """One column: its heading, the displayed text of a row, and the value it sorts by."""

    def __init__(self, heading: str, text: Callable[[Any], str], sort: Callable[[Any], Any] | None = None,
                 tooltip: Callable[[Any], str] | None = None) -> None:
        self.heading, self.text, self.sort, self.tooltip = heading, text, sort or text, tooltip or text


class AcrossModel(QAbstractTableModel):
    """Rows of :mod:`kehoach_desktop.store.across` (tasks of a unit, search hits) in columns."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].heading
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == DISPLAY:
            return column.text(row)
        if role == TOOLTIP:
            return column.tooltip(row) or None
        if role == SORT_ROLE:
            return column.sort(row)
        if role == ROW_ROLE:
            return row
        status = getattr(row, "status", None)
        if role == FOREGROUND and status in ("overdue", "not_reported"):
            return QBrush(OVERDUE_COLOUR if status == "overdue" else NOT_REPORTED_COLOUR)
        if role == FONT and status == "overdue":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags


class CollatedProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`: text in Vietnamese order (QCollator vi), dates and numbers as such,
    blanks last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collator = vi_collator()
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a in (None, "") or b in (None, ""):
            return b in (None, "") and a not in (None, "")
        if isinstance(a, str) and isinstance(b, str):
            return self.collator.compare(a, b) < 0
        return a < b


def _table(accessible: str) -> QTableView:
    table = QTableView()
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)  # 21 rows at 1366x768
    table.setAccessibleName(accessible)
    return table


def open_task(window, plan_id: int, task_id: int | None) -> bool:
    """Open ``plan_id`` in the main window (unless it is the open one) with ``task_id`` selected."""
    if window.session is None or window.session.plan_id != plan_id:
        if not window.open_plan(plan_id):
            return False
    if task_id is not None and window.editor is not None:
        # PlanEditor's own handler of the dashboard's taskActivated: the task's section, its tree, its form
        window.editor.show_task(task_id)
    window.raise_()
    window.activateWindow()
    return True


class _AcrossDialog(QDialog):
    """What both windows share: the table of rows, opening a row's task, the error line."""

    def __init__(self, window, columns: Sequence[Column], accessible: str) -> None:
        super().__init__(window)
        self.window_ = window
        self.store = window.store
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.model = AcrossModel(columns, self)
        self.proxy = CollatedProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = _table(accessible)
        self.table.setModel(self.proxy)
        self.table.doubleClicked.connect(self._open_index)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_current,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.error = error_label()
        self.open_button = QPushButton(QCoreApplication.translate("AcrossPlans", "&Mở nhiệm vụ"))
        self.open_button.setToolTip(QCoreApplication.translate(
            "AcrossPlans", "Mở kế hoạch ở nhiệm vụ này (hoặc nhấp đúp vào dòng)"))
        self.open_button.clicked.connect(self.open_current)
        self.open_button.setEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.open_button.setEnabled(current.isValid()))
        self.model.modelReset.connect(lambda: self.open_button.setEnabled(False))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self.refresh()  # back from editing in the main window: the list shows what is saved now
        return super().event(event)

    def refresh(self) -> None:
        """Read the rows again (the plans may have changed while this window was in the background)."""

    def _no_default(self, buttons: QDialogButtonBox) -> QDialogButtonBox:
        """Enter in the search fields and the table opens or searches; it never closes the window."""
        for button in buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        return buttons

    def current_row(self) -> Any:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def open_current(self) -> None:
        if self.table.currentIndex().isValid():
            self._open_index(self.table.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            open_task(self.window_, row.plan_id, row.task_id)

    def _columns_widths(self, widths: Sequence[int], stretch: Sequence[int]) -> None:
        """The short columns at ``widths``; the ``stretch`` ones (the plan, the task) share the rest, so the
        task's words keep room on a small screen or at 125 % (an empty list included)."""
        header = self.table.horizontalHeader()
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


# --- Việc của đơn vị ----------------------------------------------------------------------------------

def _plan_text(row: UnitTask | SearchHit) -> str:
    return f"{row.plan_reference} — {row.plan_title}"


def _unit_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("AcrossPlans", "Kế hoạch"), _plan_text,
               sort=lambda r: f"{r.plan_date.iso() if r.plan_date else ''}\x00{r.plan_id:09d}"),
        Column(QCoreApplication.translate("AcrossPlans", "Nhiệm vụ"), lambda r: f"{r.number}. {r.title}",
               sort=lambda r: f"{r.plan_id:09d} {r.number}"),
        Column(QCoreApplication.translate("AcrossPlans", "Vai trò"), lambda r: _role_label(r.role)),
        Column(QCoreApplication.translate("AcrossPlans", "Thời gian"), lambda r: r.time),
        Column(QCoreApplication.translate("AcrossPlans", "Hạn"), lambda r: _date(r.due),
               sort=lambda r: r.due.isoformat() if r.due else ""),
        Column(QCoreApplication.translate("AcrossPlans", "Tình trạng"), lambda r: _status_label(r.status)),
    ]


def _role_label(role: str) -> str:
    if role == "lead":
        return QCoreApplication.translate("AcrossPlans", "Chủ trì")
    return QCoreApplication.translate("AcrossPlans", "Phối hợp")


def _status_label(status: str | None) -> str:
    labels = {
        "not_started": QCoreApplication.translate("AcrossPlans", "Chưa thực hiện"),
        "in_progress": QCoreApplication.translate("AcrossPlans", "Đang thực hiện"),
        "done": QCoreApplication.translate("AcrossPlans", "Hoàn thành"),
        "done_late": QCoreApplication.translate("AcrossPlans", "Hoàn thành quá hạn"),
        "not_reported": QCoreApplication.translate("AcrossPlans", "Chưa báo cáo"),
        "overdue": QCoreApplication.translate("AcrossPlans", "Quá hạn"),
    }
    return labels.get(status or "", "")


class UnitTasksDialog(_AcrossDialog):
    """Every task of one unit across the plans."""

    def __init__(self, window) -> None:
        super().__init__(window, _unit_columns(),
                         QCoreApplication.translate("AcrossPlans", "Nhiệm vụ của đơn vị"))
        self.setWindowTitle(QCoreApplication.translate("AcrossPlans", "Việc của đơn vị"))
        self.collator = vi_collator()
        self.unit_name: str | None = None
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(QCoreApplication.translate("AcrossPlans", "Tìm đơn vị (không cần dấu)…"))
        self.filter.textChanged.connect(self._filter_units)
        self.units = QListWidget()
        self.units.setAccessibleName(QCoreApplication.translate("AcrossPlans", "Danh mục đơn vị"))
        self.units.currentItemChanged.connect(lambda item, _prev: self._choose(item))
        self.filter.returnPressed.connect(self._first_visible)
        units_label = QLabel(QCoreApplication.translate("AcrossPlans", "Đơn &vị"))
        units_label.setBuddy(self.filter)
        self.heading = set_look(QLabel(QCoreApplication.translate("AcrossPlans", "Chọn một đơn vị bên trái.")),
                                "formHeading")
        self.heading.setWordWrap(True)
        self.export_button = QPushButton(QCoreApplication.translate("AcrossPlans", "&Xuất Excel…"))
        self.export_button.setToolTip(QCoreApplication.translate(
            "AcrossPlans", "Ghi danh sách này ra tệp .xlsx (để gửi đơn vị hoặc in)"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(units_label)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.units, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 990])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self._no_default(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._columns_widths([240, 380, 80, 150, 90, 120], (0, 1))
        fit_to_screen(self, 1300, 680)
        self.load_units()

    def refresh(self) -> None:
        current = self.units.currentItem()
        self.load_units(current.data(UNIT_ID_ROLE) if current is not None else None)
        self._filter_units(self.filter.text())
        if self.unit_name:
            self.show_unit(self.unit_name, keep_order=True)

    def load_units(self, select: str | None = None) -> None:
        """The catalog in Vietnamese order, each unit with its count of tasks in plans not in the bin."""
        counts = dict(self.store.database.conn.execute(
            """SELECT tu.unit_id, count(DISTINCT tu.task_id) FROM task_units tu JOIN tasks t ON t.id = tu.task_id
               JOIN plans p ON p.id = t.plan_id WHERE p.deleted_at IS NULL AND tu.unit_id IS NOT NULL
               GROUP BY tu.unit_id""").fetchall())
        units = sorted(self.store.units.all(), key=lambda u: self.collator.sortKey(u.name))
        self.units.blockSignals(True)
        self.units.clear()
        for unit in units:
            count = counts.get(unit.id, 0)
            item = QListWidgetItem(f"{unit.name} ({count})")
            item.setData(UNIT_ID_ROLE, unit.name)
            item.setData(SORT_ROLE, " ".join([fold(unit.name), *(fold(a) for a in unit.aliases),
                                              fold(unit.code or "")]))
            item.setToolTip(QCoreApplication.translate("AcrossPlans", "%1 nhiệm vụ trong các kế hoạch")
                            .replace("%1", str(count)))
            self.units.addItem(item)
            if unit.name == select:
                self.units.setCurrentItem(item)
        self.units.blockSignals(False)

    def _filter_units(self, text: str) -> None:
        words = fold(text).split()
        for i in range(self.units.count()):
            item = self.units.item(i)
            haystack = item.data(SORT_ROLE)
            item.setHidden(not all(w in haystack for w in words))

    def _first_visible(self) -> None:
        for i in range(self.units.count()):
            if not self.units.item(i).isHidden():
                self.units.setCurrentRow(i)
                self.table.setFocus()
                return

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_unit(item.data(UNIT_ID_ROLE))

    def show_unit(self, name: str, keep_order: bool = False) -> None:
        """List the tasks of the unit named ``name`` (any spelling the catalog knows)."""
        try:
            unit = find_unit(self.store, name)
            rows = unit_tasks(self.store, unit)
        except KnownError as exc:
            self.error.setText(exc.message)
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.unit_name = unit.name
        self.model.set_rows(rows)
        if not keep_order:  # the service's order: plans newest first, tasks in document order
            self.proxy.sort(-1)
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        lead = sum(r.role == "lead" for r in rows)
        overdue = sum(r.overdue for r in rows)
        plans = len({r.plan_id for r in rows})
        if rows:
            text = QCoreApplication.translate(
                "AcrossPlans", "%1: %2 nhiệm vụ trong %3 kế hoạch — %4 chủ trì, %5 phối hợp; %6 quá hạn")
            text = (text.replace("%1", unit.name).replace("%2", str(len(rows))).replace("%3", str(plans))
                    .replace("%4", str(lead)).replace("%5", str(len(rows) - lead)).replace("%6", str(overdue)))
        else:
            text = QCoreApplication.translate("AcrossPlans", "%1 chưa được giao nhiệm vụ nào trong các kế hoạch.")
            text = text.replace("%1", unit.name)
        self.heading.setText(text)
        self.export_button.setEnabled(bool(rows))

    def export(self) -> None:
        if not self.model.rows or not self.unit_name:
            return
        from ..store.across import export_unit_tasks

        suggested = f"viec-{fold(self.unit_name).replace(' ', '-')}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("AcrossPlans", "Xuất việc của đơn vị"), suggested,
            QCoreApplication.translate("AcrossPlans", "Bảng tính Excel (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            written = export_unit_tasks(self.unit_name, self.model.rows, path)
        except KnownError as exc:
            self.error.setText(exc.message)
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.heading.setToolTip(QCoreApplication.translate("AcrossPlans", "Đã ghi %1").replace("%1", str(written)))
        self.window_.statusBar().showMessage(
            QCoreApplication.translate("AcrossPlans", "Đã ghi %1").replace("%1", str(written)), 8000)


# --- Tìm trong mọi kế hoạch ------------------------------------------------------------------------------

def _search_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("AcrossPlans", "Kế hoạch"), _plan_text),
        Column(QCoreApplication.translate("AcrossPlans", "Nhiệm vụ"),
               lambda h: f"{h.task_number} {h.task_title}".strip() if h.task_id is not None
               else QCoreApplication.translate("AcrossPlans", "(trích yếu của kế hoạch)"),
               sort=lambda h: h.task_title),
        Column(QCoreApplication.translate("AcrossPlans", "Chủ trì"), lambda h: "; ".join(h.lead)),
        Column(QCoreApplication.translate("AcrossPlans", "Thời gian"), lambda h: h.time),
        Column(QCoreApplication.translate("AcrossPlans", "Hạn"), lambda h: _date(h.due),
               sort=lambda h: h.due.isoformat() if h.due else ""),
        Column(QCoreApplication.translate("AcrossPlans", "Tình trạng"), lambda h: _status_label(h.status)),
    ]


class SearchAllDialog(_AcrossDialog):
    """One line edit searching every plan; results as you type."""

    LIMIT = 100  # the best hundred: a key costs a few ms; more words narrow it

    def __init__(self, window) -> None:
        super().__init__(window, _search_columns(),
                         QCoreApplication.translate("AcrossPlans", "Kết quả tìm trong mọi kế hoạch"))
        self.setWindowTitle(QCoreApplication.translate("AcrossPlans", "Tìm trong mọi kế hoạch"))
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(QCoreApplication.translate(
            "AcrossPlans", "Gõ từ cần tìm, không cần dấu: “van hoa”, “tuyen truyen”, “05/KH”…"))
        # no debounce delay: a search takes a few ms (bench/bench_search_all.py); the zero timer only runs one
        # search for keys already waiting (typing faster than the machine answers)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(lambda: self.run(self.query.text()))
        self.query.textChanged.connect(lambda _text: self._pending.start())
        self.query.returnPressed.connect(self._to_results)
        label = QLabel(QCoreApplication.translate("AcrossPlans", "&Tìm"))
        label.setBuddy(self.query)
        self.summary = set_look(QLabel(QCoreApplication.translate(
            "AcrossPlans", "Tìm theo số, tên, nội dung, đơn vị, thời gian và sản phẩm của nhiệm vụ, và trích yếu "
                           "của kế hoạch; kế hoạch trong thùng rác không được tìm.")), "hint")
        self.summary.setWordWrap(True)
        self.last_ms = 0.0
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.query, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self._no_default(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._columns_widths([260, 460, 180, 140, 90, 120], (0, 1))
        fit_to_screen(self, 1300, 680)

    def refresh(self) -> None:
        if self.query.text().strip():
            self.run(self.query.text(), keep_order=True)

    def run(self, text: str, keep_order: bool = False) -> None:
        start = time.perf_counter()
        short = len("".join(fold(text).split())) < 2  # one letter matches most words of every plan
        try:
            hits = [] if short else search_all(self.store, text, limit=self.LIMIT)
        except KnownError as exc:
            self.error.setText(exc.message)
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.model.set_rows(hits)
        if not keep_order:  # best first, until the user sorts by a column
            self.proxy.sort(-1)
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.last_ms = (time.perf_counter() - start) * 1000
        if text.strip() and short:
            self.summary.setText(QCoreApplication.translate("AcrossPlans", "Gõ thêm chữ để tìm…"))
        elif not text.strip():
            self.summary.setText(QCoreApplication.translate(
                "AcrossPlans", "Tìm theo số, tên, nội dung, đơn vị, thời gian và sản phẩm của nhiệm vụ, và trích "
                               "yếu của kế hoạch; kế hoạch trong thùng rác không được tìm."))
        elif not hits:
            self.summary.setText(QCoreApplication.translate("AcrossPlans", "Không tìm thấy “%1”.").replace("%1", text))
        else:
            plans = len({h.plan_id for h in hits})
            text_ = QCoreApplication.translate("AcrossPlans", "%1 kết quả trong %2 kế hoạch") if len(hits) < self.LIMIT \
                else QCoreApplication.translate("AcrossPlans", "%1 kết quả đầu tiên trong %2 kế hoạch (gõ thêm từ để thu hẹp)")
            self.summary.setText(text_.replace("%1", str(len(hits))).replace("%2", str(plans)))

    def _to_results(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)


def _reuse(window, kind: type) -> Any:
    for child in window.findChildren(kind):
        if child.isVisible():
            child.raise_()
            child.activateWindow()
            return child
    return None


def open_unit_tasks(window) -> UnitTasksDialog:
    """Công cụ → Việc của đơn vị… (the one already open is brought forward)."""
    dialog = _reuse(window, UnitTasksDialog)
    if dialog is None:
        dialog = UnitTasksDialog(window)
        dialog.show()
    dialog.filter.setFocus()
    return dialog


def open_search_all(window) -> SearchAllDialog:
    """Công cụ → Tìm trong mọi kế hoạch… (the one already open is brought forward)."""
    dialog = _reuse(window, SearchAllDialog)
    if dialog is None:
        dialog = SearchAllDialog(window)
        dialog.show()
    dialog.query.setFocus()
    dialog.query.selectAll()
    return dialog
