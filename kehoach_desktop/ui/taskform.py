"""The task form beside the tree: a form page with ``load()`` / ``check()`` / ``save()`` (as Picard's options pages).

Each field commits by itself (leaving it, Enter, or a pause in typing): the page
computes what changed and hands it to the session, which makes one undoable,
immediately saved edit of it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.plan import DEFAULT_LABELS, IN_SENTENCE, Plan, Task
from ..domain.text import fold, nfc, vi_sort_key
from ..domain.timeframe import parse_timeframe
from ..domain.units import UnitCatalog
from ..errors import InvalidInput
from .widgets import IDLE_MS, CommitLineEdit, CommitTextEdit, next_merge_id, set_look

FOLD_ROLE = 0x0100 + 50  # completer models: the folded text matched against what is typed (Qt.UserRole + 50)

# The timeframe kinds as the filter names them (domain.timeframe.KIND_LABELS, translatable here).
KIND_NAMES = {
    "continuous": QT_TRANSLATE_NOOP("TimeKind", "Thường xuyên"),
    "yearly": QT_TRANSLATE_NOOP("TimeKind", "Hằng năm"),
    "periodic": QT_TRANSLATE_NOOP("TimeKind", "Định kỳ"),
    "yearly_by": QT_TRANSLATE_NOOP("TimeKind", "Trước một ngày hằng năm"),
    "deadline": QT_TRANSLATE_NOOP("TimeKind", "Có thời hạn"),
    "on_request": QT_TRANSLATE_NOOP("TimeKind", "Khi có yêu cầu"),
    "follow_plan": QT_TRANSLATE_NOOP("TimeKind", "Theo kế hoạch cấp trên"),
    "unknown": QT_TRANSLATE_NOOP("TimeKind", "Chưa xác định"),
}

# Wording offered in the timeframe box; printed exactly as chosen (document text, not UI text).
TIME_PRESETS = [
    "Thường xuyên",
    "Hằng năm",
    "Định kỳ hằng năm",
    "Định kỳ 6 tháng, hằng năm và đột xuất khi có yêu cầu",
    "Năm 2026 và các năm tiếp theo",
    "Từ năm 2026 và các năm tiếp theo",
    "Quý III/2026",
    "Trước ngày 15/12 hằng năm",
    "Trước ngày 31/12/2026",
    "Thực hiện khi có yêu cầu của cấp trên",
    "Theo Kế hoạch của UBND tỉnh",
]


def describe(text: str) -> str:
    """What the tracker understood of a timeframe, in the interface language (domain ``describe()``)."""
    tf = parse_timeframe(text)
    label = QCoreApplication.translate("TimeKind", KIND_NAMES[tf.kind])
    if tf.kind == "deadline" and tf.deadline:
        return QCoreApplication.translate("TaskForm", "%1: hạn %2").replace("%1", label).replace(
            "%2", f"{tf.deadline:%d/%m/%Y}")
    if tf.kind == "yearly_by" and tf.day and tf.month:
        return QCoreApplication.translate("TaskForm", "%1: trước ngày %2 mỗi năm").replace("%1", label).replace(
            "%2", f"{tf.day:02d}/{tf.month:02d}")
    if tf.kind == "periodic" and tf.interval_months:
        return QCoreApplication.translate("TaskForm", "%1 %2 tháng").replace("%1", label).replace(
            "%2", str(tf.interval_months))
    if tf.start_year and (tf.kind == "yearly" or (tf.kind == "continuous" and (tf.start_month or tf.end_year))):
        if tf.start_month:
            since = QCoreApplication.translate("TaskForm", "từ tháng %1").replace(
                "%1", f"{tf.start_month:02d}/{tf.start_year}")
        else:
            since = QCoreApplication.translate("TaskForm", "từ năm %1").replace("%1", str(tf.start_year))
        if tf.end_year:
            since += " " + QCoreApplication.translate("TaskForm", "đến năm %1").replace("%1", str(tf.end_year))
        return f"{label}, {since}"
    return label


def split_units(text: str) -> list[str]:
    return [part.strip() for part in nfc(text).split(";") if part.strip()]



class FoldingCompleter(QCompleter):
    """Completes unit names typed with or without diacritics ("van hoa" finds "Phòng Văn hóa - Xã hội")."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = QStandardItemModel(self)
        self.set_names(names)
        self.setModel(self.source)
        self.setCompletionRole(FOLD_ROLE)
        self.setFilterMode(self.filterMode().MatchContains)
        self.setCaseSensitivity(self.caseSensitivity().CaseInsensitive)
        self.setMaxVisibleItems(12)

    def set_names(self, names: list[str]) -> None:
        self.source.clear()
        for name in sorted(dict.fromkeys(names), key=vi_sort_key):
            item = QStandardItem(name)
            item.setData(fold(name), FOLD_ROLE)
            item.setEditable(False)
            self.source.appendRow(item)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data())


class UnitCombo(QComboBox):
    """Lead unit(s): a searchable combo over the catalog; several units separated by “;”."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(14)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self.completer_ = FoldingCompleter([], self)
        self.setCompleter(self.completer_)
        self.merge_id = next_merge_id()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS * 2)
        self._timer.timeout.connect(self.committed)
        line = self.lineEdit()
        line.setPlaceholderText(QCoreApplication.translate("TaskForm", "Gõ để tìm, không cần dấu…"))
        line.textEdited.connect(lambda _t: self._timer.start())
        line.editingFinished.connect(self._finish)
        self.activated.connect(lambda _i: self._finish())

    def _finish(self) -> None:
        self._timer.stop()
        self.committed.emit()

    def set_catalog(self, names: list[str]) -> None:
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(names)
        self.setEditText(text)
        self.blockSignals(False)
        self.completer_.set_names(names)

    def set_units(self, names: list[str]) -> None:
        text = "; ".join(names)
        if self.currentText() != text:
            self.setEditText(text)

    def units(self) -> list[str]:
        return split_units(self.currentText())


class UnitListEditor(QWidget):
    """Coordinating units: the chosen ones in order, a search box over the catalog, new names on the fly."""

    changed = Signal()
    addToCatalog = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog: UnitCatalog | None = None
        self.list = QListWidget()
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.list.setAccessibleName(QCoreApplication.translate("TaskForm", "Đơn vị phối hợp đã chọn"))
        self.list.installEventFilter(self)
        self.search = CommitLineEdit()
        self.search.setPlaceholderText(
            QCoreApplication.translate("TaskForm", "Thêm: gõ tên (không cần dấu), Enter"))
        self.completer = FoldingCompleter([], self.search)
        self.search.setCompleter(self.completer)
        self.search.returnPressed.connect(self._add_typed)
        self.completer.activated.connect(lambda text: QTimer.singleShot(0, lambda: self._add(text)))
        self.remove_button = QToolButton()
        self.remove_button.setText(QCoreApplication.translate("TaskForm", "Bỏ"))
        self.remove_button.setToolTip(QCoreApplication.translate("TaskForm", "Bỏ đơn vị đang chọn (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.catalog_button = QToolButton()
        self.catalog_button.setText(QCoreApplication.translate("TaskForm", "Vào danh mục"))
        self.catalog_button.setToolTip(
            QCoreApplication.translate("TaskForm", "Thêm đơn vị chưa có vào danh mục đơn vị của xã/phường"))
        self.catalog_button.clicked.connect(self._to_catalog)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(self.remove_button)
        row.addWidget(self.catalog_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self._update_buttons()

    def set_catalog(self, catalog: UnitCatalog) -> None:
        self._catalog = catalog
        self.completer.set_names([u.name for u in catalog.units])
        self.set_units(self.units())

    def _in_catalog(self, name: str) -> bool:
        return bool(self._catalog and self._catalog.find(name))

    def _item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, name)
        if not self._in_catalog(name):
            item.setText(name + "  " + QCoreApplication.translate("TaskForm", "(chưa có trong danh mục)"))
            item.setForeground(Qt.GlobalColor.darkYellow)
        return item

    def set_units(self, names: list[str]) -> None:
        if names == self.units() and self.list.count() == len(names):
            return
        self.list.clear()
        for name in names:
            self.list.addItem(self._item(name))
        self._update_buttons()

    def units(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _add_typed(self) -> None:
        self._add(self.search.text())

    def _add(self, text: str) -> None:
        name = nfc(text).strip().strip(";")
        if not name:
            return
        if self._catalog:
            unit = self._catalog.find(name)
            name = unit.name if unit else name
        self.search.clear()
        if name in self.units():
            return
        self.list.addItem(self._item(name))
        self.list.setCurrentRow(self.list.count() - 1)
        self._update_buttons()
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self._update_buttons()
        self.changed.emit()

    def _to_catalog(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.addToCatalog.emit(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        self.remove_button.setEnabled(item is not None)
        self.catalog_button.setEnabled(item is not None and not self._in_catalog(item.data(Qt.ItemDataRole.UserRole)))

    def eventFilter(self, watched, event) -> bool:  # type: ignore[override]
        if watched is self.list and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)


class TaskForm(QWidget):
    """Title, content, lead, coordinators, timeframe (with previews), product, notes, own wording."""

    commit = Signal(str, int, dict)  # key, merge id, changed fields
    addUnitToCatalog = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key: str | None = None
        self.task: Task | None = None
        self.plan: Plan | None = None
        self._loading = False

        self.heading = QLabel()
        set_look(self.heading, "formHeading")
        self.heading.setWordWrap(True)
        # the upper plan's task this one carries out (a plan derived from the province's): read only
        self.source_line = QLabel()
        self.source_line.setTextFormat(Qt.TextFormat.PlainText)
        self.source_line.setWordWrap(True)
        self.source_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_look(self.source_line, "hint")
        self.source_line.setVisible(False)
        self.title = CommitTextEdit(lines=3)
        self.title.setAccessibleName(QCoreApplication.translate("TaskForm", "Tên nhiệm vụ"))
        self.content = CommitTextEdit(lines=4)
        self.content.setPlaceholderText(QCoreApplication.translate("TaskForm", "Mỗi đoạn một dòng. Gạch đầu dòng gõ “- ” ở đầu dòng."))
        self.lead = UnitCombo()
        self.coordinators = UnitListEditor()
        self.time = QComboBox()
        self.time.setEditable(True)
        self.time.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.time.addItems(TIME_PRESETS)
        self.time.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.time.setMinimumContentsLength(12)  # not as wide as the longest preset: the form fits 1366x768
        self.time.setCurrentIndex(-1)
        self.time.lineEdit().setPlaceholderText(QCoreApplication.translate("TaskForm", "Chọn hoặc gõ tự do, ví dụ: Quý III/2026"))
        self.time_preview = QLabel()
        self.time_preview.setWordWrap(True)
        self.time_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.time_understood = QLabel()
        self.time_understood.setWordWrap(False)
        set_look(self.time_understood, "hint")
        self.product = CommitLineEdit()
        self.product.setPlaceholderText(QCoreApplication.translate("TaskForm", "Có thể để trống"))
        self.notes = CommitLineEdit()
        self.notes.setPlaceholderText(QCoreApplication.translate("TaskForm", "In ở cột Ghi chú của Phụ lục; có thể để trống"))

        # a phụ lục's columns that are no task field ("Kinh phí"): one line each, named by the column heading
        self.cell_edits: dict[str, CommitLineEdit] = {}
        self.time_column: str | None = None  # a phụ lục's task: the heading of the column its time prints in

        self.more = QToolButton()
        self.more.setText(QCoreApplication.translate("TaskForm", "Cách ghi riêng của nhiệm vụ này"))
        self.more.setCheckable(True)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more.setArrowType(Qt.ArrowType.RightArrow)
        self.more.toggled.connect(self._toggle_more)
        self.more_box = QFrame()
        more = QFormLayout(self.more_box)
        more.setContentsMargins(0, 0, 0, 0)
        self.label_edits: dict[str, CommitLineEdit] = {}
        captions = {"lead": QCoreApplication.translate("TaskForm", "Nhãn dòng chủ trì:"),
                    "coordinators": QCoreApplication.translate("TaskForm", "Nhãn dòng phối hợp:"),
                    "time": QCoreApplication.translate("TaskForm", "Nhãn dòng thời gian:"),
                    "product": QCoreApplication.translate("TaskForm", "Nhãn dòng sản phẩm:")}
        for name, caption in captions.items():
            edit = CommitLineEdit()
            self.label_edits[name] = edit
            more.addRow(caption, edit)
        self.assignment = CommitTextEdit(lines=3)
        self.assignment.setPlaceholderText(
            QCoreApplication.translate("TaskForm", "Khi kế hoạch giao việc bằng câu (“Giao Phòng X chủ trì, phối hợp với …”): "
                           "mỗi câu một dòng, in thay cho hai dòng chủ trì/phối hợp. Sửa đơn vị ở trên sẽ xóa phần này."))
        more.addRow(QCoreApplication.translate("TaskForm", "Giao việc bằng câu:"), self.assignment)
        self.more_box.setVisible(False)

        self.form_layout = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(QCoreApplication.translate("TaskForm", "&Tên nhiệm vụ:"), self.title)
        form.addRow(QCoreApplication.translate("TaskForm", "&Nội dung:"), self.content)
        form.addRow(QCoreApplication.translate("TaskForm", "Đơn vị &chủ trì:"), self.lead)
        form.addRow(QCoreApplication.translate("TaskForm", "Đơn vị &phối hợp:"), self.coordinators)
        form.addRow(QCoreApplication.translate("TaskForm", "Thời &gian thực hiện:"), self.time)
        previews = QWidget()
        preview_layout = QVBoxLayout(previews)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.setSpacing(2)
        preview_layout.addWidget(self.time_preview)
        preview_layout.addWidget(self.time_understood)
        preview_layout.addStretch(1)
        for label in (self.time_preview, self.time_understood):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        form.addRow("", previews)
        form.addRow(QCoreApplication.translate("TaskForm", "&Sản phẩm:"), self.product)
        form.addRow(QCoreApplication.translate("TaskForm", "Ghi c&hú:"), self.notes)
        form.addRow(self.more)
        form.addRow(self.more_box)
        for label_row in range(form.rowCount()):
            item = form.itemAt(label_row, QFormLayout.ItemRole.LabelRole)
            if item and isinstance(item.widget(), QLabel):
                item.widget().setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.empty = QLabel(QCoreApplication.translate("TaskForm", "Chọn một nhiệm vụ ở danh sách bên trái để sửa,\n"
                                           "hoặc bấm “Thêm nhiệm vụ” (Ctrl+Enter)."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_look(self.empty, "emptyState")
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.heading)
        body_layout.addWidget(self.source_line)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.body)
        self.body.setVisible(False)

        for edit in (self.title, self.content, self.product, self.notes, self.assignment,
                     *self.label_edits.values()):
            edit.committed.connect(self._commit)
        self.lead.committed.connect(self._commit)
        self.coordinators.changed.connect(self._commit)
        self.coordinators.addToCatalog.connect(self.addUnitToCatalog)
        self._time_timer = QTimer(self)
        self._time_timer.setSingleShot(True)
        self._time_timer.setInterval(IDLE_MS)
        self._time_timer.timeout.connect(self._commit)
        self.time.lineEdit().textEdited.connect(lambda _t: self._time_timer.start())
        self.time.lineEdit().editingFinished.connect(self._commit)
        self.time.activated.connect(lambda _i: self._commit())
        self.time.editTextChanged.connect(self._update_time_preview)
        self.setTabOrder(self.title, self.content)
        self.setTabOrder(self.content, self.lead)
        self.setTabOrder(self.lead, self.coordinators.search)
        self.setTabOrder(self.coordinators.search, self.time)
        self.setTabOrder(self.time, self.product)
        self.setTabOrder(self.product, self.notes)
        self.setTabOrder(self.notes, self.more)

    def _toggle_more(self, shown: bool) -> None:
        self.more_box.setVisible(shown)
        self.more.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def set_cell_columns(self, headings: list[str], time_column: str | None = None) -> None:
        """The phụ lục's own columns (headings as the source wrote them), each a field of the form; its time
        prints in the column ``time_column`` rather than on a line of its own."""
        self.time_column = time_column
        if headings == list(self.cell_edits):
            return
        self.flush()
        for edit in self.cell_edits.values():
            self.form_layout.removeRow(edit)
        self.cell_edits = {}
        for heading in headings:
            edit = CommitLineEdit()
            edit.setAccessibleName(heading)
            edit.committed.connect(self._commit)
            label = QLabel(heading + ":")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.form_layout.insertRow(self.form_layout.getWidgetPosition(self.more)[0], label, edit)
            self.cell_edits[heading] = edit
        if self.task is not None and self.plan is not None:
            self.load(self.plan, self.task)

    def set_catalog(self, catalog: UnitCatalog) -> None:
        names = [u.name for u in catalog.units]
        self.lead.set_catalog(names)
        self.coordinators.set_catalog(catalog)

    # --- the page contract ----------------------------------------------------------------------

    def load(self, plan: Plan, task: Task | None) -> None:
        """Domain -> widgets (only fields that differ, so the cursor stays where the user types)."""
        self.plan = plan
        if task is None or task.key != self.key:
            self.flush()
        self.task = task
        self.key = task.key if task else None
        self.empty.setVisible(task is None)
        self.body.setVisible(task is not None)
        if task is None:
            return
        self._loading = True
        try:
            self.heading.setText(QCoreApplication.translate("TaskForm", "Nhiệm vụ %1").replace("%1", task.number or "…"))
            self._show_source(task)
            self.title.set_value(task.title)
            self.content.set_lines(task.content)
            self.lead.set_units(task.lead)
            self.coordinators.set_units(task.coordinators)
            if self.time.currentText() != task.time:
                self.time.setEditText(task.time)
            self.product.set_value(task.product or "")
            self.notes.set_value(task.notes or "")
            for heading, edit in self.cell_edits.items():
                edit.set_value(task.cells.get(heading, ""))
            for name, edit in self.label_edits.items():
                edit.set_value(task.labels.get(name, ""))
                edit.setPlaceholderText(plan.labels.get(name) or DEFAULT_LABELS[name])
            self.assignment.set_lines(task.assignment)
            if task.labels or task.assignment:
                self.more.setChecked(True)
            self._update_time_preview()
        finally:
            self._loading = False

    def _show_source(self, task: Task) -> None:
        """"Thực hiện nhiệm vụ 3 của KH 117/KH-UBND" for a task derived from the upper plan; hidden otherwise."""
        source = task.source
        self.source_line.setVisible(source is not None)
        if source is None:
            self.source_line.clear()
            self.source_line.setToolTip("")
            return
        if source.number and source.reference:
            text = QCoreApplication.translate("TaskForm", "Thực hiện nhiệm vụ %1 của KH %2").replace(
                "%1", source.number).replace("%2", source.reference)
        elif source.reference:
            text = QCoreApplication.translate("TaskForm", "Thực hiện nhiệm vụ của KH %1").replace("%1", source.reference)
        else:
            text = QCoreApplication.translate("TaskForm", "Thực hiện nhiệm vụ của kế hoạch cấp trên")
        self.source_line.setText(text)
        self.source_line.setToolTip(source.title)

    def check(self) -> None:
        """Raise :class:`InvalidInput` with a message when a field cannot be saved as it is."""
        if self.task is not None and not self.title.value():
            raise InvalidInput(QCoreApplication.translate("TaskForm", "Nhiệm vụ cần có tên."))

    def save(self) -> dict[str, Any]:
        """Widgets -> the fields that changed (the session turns them into one undoable edit)."""
        task = self.task
        if task is None:
            return {}
        values: dict[str, Any] = {
            "title": self.title.value(),
            "content": self.content.lines(),
            "lead": self.lead.units(),
            "coordinators": self.coordinators.units(),
            "time": nfc(self.time.currentText()).strip().rstrip("."),
            "product": self.product.value() or None,
            "notes": self.notes.value() or None,
            "assignment": self.assignment.lines(),
        }
        # the task's other label keys (its field marker, what its sentence already says) are kept; a time
        # or product changed here is no longer the one inside the sentence, so it prints on its own line
        labels = {k: v for k, v in task.labels.items() if k not in self.label_edits}
        labels.update({name: edit.value() for name, edit in self.label_edits.items() if edit.value()})
        said = [n for n in labels.pop(IN_SENTENCE, "").split(",")
                if n and values.get(n, getattr(task, n, None)) == getattr(task, n, None)
                and values["assignment"] == task.assignment]  # a rewritten sentence may no longer say them
        if said:
            labels[IN_SENTENCE] = ",".join(said)
        values["labels"] = labels
        if self.cell_edits:
            cells = {k: v for k, v in task.cells.items() if k not in self.cell_edits}  # other columns' kept
            cells.update({heading: edit.value() for heading, edit in self.cell_edits.items() if edit.value()})
            values["cells"] = cells
        if not values["title"]:
            values.pop("title")  # a task keeps its last name rather than none
        return {name: value for name, value in values.items() if getattr(task, name) != value}

    # --- committing -------------------------------------------------------------------------------

    def flush(self) -> None:
        """Commit what is being typed (before the form shows another task)."""
        if self.key is not None and not self._loading:
            self._commit()

    def _commit(self) -> None:
        if self._loading or self.key is None:
            return
        changes = self.save()
        if not changes:
            return
        sender = self.sender()
        merge_id = getattr(sender, "merge_id", -1) if len(changes) == 1 else -1
        self.commit.emit(self.key, merge_id, changes)

    def _update_time_preview(self) -> None:
        text = nfc(self.time.currentText()).strip().rstrip(".")
        label = (self.plan.label(self.task, "time") if self.plan and self.task else DEFAULT_LABELS["time"])
        if text:
            if self.time_column:  # a phụ lục's task: a cell of its table
                self.time_preview.setText(QCoreApplication.translate("TaskForm", "Sẽ in ở cột “%1” của phụ lục: %2")
                                          .replace("%1", self.time_column).replace("%2", text))
            else:
                self.time_preview.setText(QCoreApplication.translate("TaskForm", "Sẽ in: “- %1: %2.”").replace("%1", label).replace("%2", text))
            self.time_understood.setText(
                QCoreApplication.translate("TaskForm", "Theo dõi hiểu là: %1").replace("%1", describe(text)))

        else:
            self.time_preview.setText(QCoreApplication.translate("TaskForm", "Chưa có thời gian thực hiện."))
            self.time_understood.setText("")
