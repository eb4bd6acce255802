"""Section II of a plan: the task tree with its toolbar, search and filters, and the task form beside it.

Built the first time the user opens a task section (``PlanEditor.tasks``), so that a plan
opens without importing any of this.
"""

from __future__ import annotations

import copy
import json

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..domain.numbering import roman
from ..domain.plan import Section, Task, TextItem
from ..domain.planjson import plan_from_dict, task_to_dict
from ..domain.text import vi_sort_key
from ..domain.timeframe import KINDS
from ..errors import KnownError
from . import set_clipboard
from .pages import scrolled, sections_with
from .session import PlanSession
from .taskform import KIND_NAMES, TaskForm
from .taskmodel import COL_LEAD, COL_TIME, COL_TITLE, SearchResultsProxy, TaskFilterProxy
from .widgets import CommitLineEdit, CommitTextEdit, set_look

MIME_TASK_JSON = "application/x-kehoach-tasks+json"
MAIN_TOOLBAR = ("add", "add_child", "delete")  # on the window's toolbar, with icons; not repeated here
TEXT_MARGINS = 8  # px of a cell not given to its text (the style's margins, and a little to spare)
FORM_MIN_WIDTH = 380  # the task form fits beside the tree at 1366x768 and at 125 % (1093x614)


class TaskTreeView(QTreeView):
    """The task tree; Tab / Shift+Tab indent and outdent instead of moving the focus."""

    indentRequested = Signal()
    outdentRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(False)
        self.setAccessibleName(QCoreApplication.translate("TasksPage", "Cây nhiệm vụ"))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
                self.indentRequested.emit()
                return True
            if event.key() == Qt.Key.Key_Backtab or (event.key() == Qt.Key.Key_Tab
                                                     and mods == Qt.KeyboardModifier.ShiftModifier):
                self.outdentRequested.emit()
                return True
        return super().event(event)


class TasksPage(QWidget):
    """Section II: toolbar, search and filters, the tree, and the task form beside it."""

    error = Signal(str)
    currentTaskChanged = Signal(object)  # the task now in the form, or None

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tree_proxy = TaskFilterProxy(self)  # the whole tree (never filtered itself)
        self.tree_proxy.setSourceModel(session.model)
        self.results = SearchResultsProxy(self)  # shown instead while searching or filtering
        self.results.setSourceModel(session.model)
        self.results.progressed.connect(self._results_arrived)
        self.tree = TaskTreeView()
        self.tree.setModel(self.tree_proxy)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_LEAD, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.Interactive)
        # the title gets the room: at 1366x768 the unit and the time show their first words (the
        # tooltip has them whole), and the user can widen them
        width = self.tree.fontMetrics().horizontalAdvance("M")
        header.resizeSection(COL_LEAD, width * 12)
        header.resizeSection(COL_TIME, width * 9)
        header.sectionResized.connect(self._text_widths)
        self._collapsed: set[str] = set()  # tasks the user folded away
        self._expanding = False
        self.tree.expanded.connect(lambda index: self._folded(index, False))
        self.tree.collapsed.connect(lambda index: self._folded(index, True))
        self._resetting = False
        self.form = TaskForm()
        self.form.set_catalog(session.store.units.catalog())
        self.form.commit.connect(self._form_commit)
        self.form.addUnitToCatalog.connect(self._add_unit_to_catalog)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(QCoreApplication.translate("TasksPage", "Tìm (không cần dấu)…  Ctrl+F"))
        self.search.textChanged.connect(self._filter_changed)  # at every key: the matching is sliced
        self.unit_filter = QComboBox()
        self.unit_filter.setMinimumContentsLength(10)
        self.unit_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit_filter.setToolTip(QCoreApplication.translate("TasksPage", "Chỉ hiện nhiệm vụ của một đơn vị"))
        self.unit_filter.currentIndexChanged.connect(self._filter_changed)
        self.kind_filter = QComboBox()
        self.kind_filter.setToolTip(QCoreApplication.translate("TasksPage", "Chỉ hiện nhiệm vụ có loại thời gian này"))
        self.kind_filter.addItem(QCoreApplication.translate("TasksPage", "Mọi thời gian"), None)
        for kind in KINDS:
            self.kind_filter.addItem(QCoreApplication.translate("TimeKind", KIND_NAMES[kind]), kind)
        self.kind_filter.currentIndexChanged.connect(self._filter_changed)
        self.refresh_unit_filter()

        self.actions_: dict[str, QAction] = {}
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        specs = [
            ("add", QCoreApplication.translate("TasksPage", "Thêm nhiệm vụ"), "Ctrl+Return", self.add_task, Qt.ShortcutContext.WidgetWithChildrenShortcut),
            ("add_child", QCoreApplication.translate("TasksPage", "Thêm nhiệm vụ con"), "Ctrl+Shift+Return", self.add_child,
             Qt.ShortcutContext.WidgetWithChildrenShortcut),
            ("delete", QCoreApplication.translate("TasksPage", "Xóa"), "Del", self.delete_task, Qt.ShortcutContext.WidgetShortcut),
            ("up", QCoreApplication.translate("TasksPage", "Lên"), "Ctrl+Up", self.move_up, Qt.ShortcutContext.WidgetShortcut),
            ("down", QCoreApplication.translate("TasksPage", "Xuống"), "Ctrl+Down", self.move_down, Qt.ShortcutContext.WidgetShortcut),
            ("indent", QCoreApplication.translate("TasksPage", "Thụt vào"), "Tab", self.indent, Qt.ShortcutContext.WidgetShortcut),
            ("outdent", QCoreApplication.translate("TasksPage", "Thụt ra"), "Shift+Tab", self.outdent, Qt.ShortcutContext.WidgetShortcut),
            ("copy", QCoreApplication.translate("TasksPage", "Sao chép"), "Ctrl+C", self.copy, Qt.ShortcutContext.WidgetShortcut),
            ("cut", QCoreApplication.translate("TasksPage", "Cắt"), "Ctrl+X", self.cut, Qt.ShortcutContext.WidgetShortcut),
            ("paste", QCoreApplication.translate("TasksPage", "Dán"), "Ctrl+V", self.paste, Qt.ShortcutContext.WidgetShortcut),
        ]
        for name, text, shortcut, slot, context in specs:
            action = QAction(text, self)
            if name not in ("indent", "outdent"):  # Tab is handled by the tree itself
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(context)
            action.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
            action.triggered.connect(slot)
            self.actions_[name] = action
            if context == Qt.ShortcutContext.WidgetShortcut:
                self.tree.addAction(action)
            else:
                self.addAction(action)
            if name not in MAIN_TOOLBAR:
                toolbar.addAction(action)
            if name in ("down", "outdent"):
                toolbar.addSeparator()
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)
        focus_tree = QAction(self)
        focus_tree.setShortcut(QKeySequence("F6"))
        focus_tree.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        focus_tree.triggered.connect(self._toggle_focus)
        self.addAction(focus_tree)
        self.tree.indentRequested.connect(self.indent)
        self.tree.outdentRequested.connect(self.outdent)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.unit_filter, 2)
        filters.addWidget(self.kind_filter, 1)
        self.count_label = QLabel()
        set_look(self.count_label, "hint")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("tasksSplitter")
        self.splitter.addWidget(left)
        form_area = scrolled(self.form)
        self.form.setMinimumWidth(FORM_MIN_WIDTH)
        # never narrower than the form itself, which would cut its labels and fields at the edges
        form_area.setMinimumWidth(FORM_MIN_WIDTH + form_area.verticalScrollBar().sizeHint().width() + 4)
        left.setMinimumWidth(260)  # with the page preview shown too, at 125 %
        self.splitter.addWidget(form_area)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([640, 440])  # replaced by the user's own split when one was saved
        self.numeral = QLabel()
        set_look(self.numeral, "pageTitle")
        self.section_title = CommitLineEdit()
        self.section_title.setAccessibleName(QCoreApplication.translate("TasksPage", "Tên phần"))
        self.section_title.committed.connect(self._title_committed)
        self.section_intro = CommitTextEdit(lines=2)
        self.section_intro.setAccessibleName(QCoreApplication.translate("TasksPage", "Đoạn mở đầu của phần"))
        self.section_intro.setPlaceholderText(QCoreApplication.translate(
            "TasksPage", "Đoạn mở đầu trước nhiệm vụ thứ nhất (nếu có), ví dụ: Các nhiệm vụ cụ thể như sau:"))
        self.section_intro.committed.connect(self._intro_committed)
        top = QHBoxLayout()
        top.addWidget(self.numeral)
        top.addWidget(self.section_title, 1)
        top.addWidget(toolbar)  # beside the title: at 1366x768 (and 125 %) the tree needs the height
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.section_intro)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.section_title, self.section_intro)
        QWidget.setTabOrder(self.section_intro, self.search)

        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        session.selectTask.connect(self.select_key)
        session.taskChanged.connect(self._task_changed)
        session.structureChanged.connect(self._structure_changed)
        session.sectionSwitched.connect(self._section_switched)
        session.model.rowsInserted.connect(lambda parent, *_: self.tree.expand(self.proxy.mapFromSource(parent)))
        self.restore_expansion()
        self._structure_changed()
        self._warm = QTimer(self)  # prepare the search of every task while the user reads
        self._warm.setInterval(0)
        self._warm.timeout.connect(lambda: session.model.warm_search() or self._warm.stop())
        self._warm.start()
        if session.section.tasks:
            self.select_key(session.section.tasks[0].key)
        else:
            self._update_actions()

    @property
    def proxy(self) -> TaskFilterProxy | SearchResultsProxy:
        """The model the tree shows now: the whole tree, or the search results."""
        return self.results if self.tree.model() is self.results else self.tree_proxy

    def _show_model(self, model: TaskFilterProxy | SearchResultsProxy) -> None:
        if self.tree.model() is model:
            return
        old = self.tree.selectionModel()
        self.tree.setModel(model)
        if old is not None:
            old.deleteLater()
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.setRootIsDecorated(model is self.tree_proxy)
        self.tree.setDragEnabled(model is self.tree_proxy)
        header = self.tree.header()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self._text_widths()

    def _text_widths(self, *args: object) -> None:
        """Tell the results list how wide its labels may be, so it hands the view labels already cut."""
        header = self.tree.header()
        self.results.set_text_widths(self.tree.fontMetrics(), {
            column: max(0, header.sectionSize(column) - TEXT_MARGINS) for column in (COL_TITLE, COL_LEAD)})

    # --- selection ---------------------------------------------------------------------------------

    def current_key(self) -> str | None:
        index = self.proxy.mapToSource(self.tree.currentIndex())
        task = self.session.model.task_at(index)
        return task.key if task else None

    def select_key(self, key: object) -> None:
        if not isinstance(key, str) or not self.session.model.has(key):
            if key is None and not self.session.section.tasks:
                self.form.load(self.session.plan, None)
            self._update_actions()
            return
        if self.proxy is self.results:
            self.results.reveal(key)
        index = self.proxy.mapFromSource(self.session.model.index_of(key))
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)
        self._show(key)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._resetting and not current.isValid():
            return  # the filter changed; the form keeps its task
        task = self.session.model.task_at(self.proxy.mapToSource(current))
        if self._resetting and task is not None and task.key == self.form.key:
            return  # the form's task selected again among the new matches: nothing to reload
        self._show(task.key if task else None)

    def _show(self, key: str | None) -> None:
        task = self.session.model.task(key) if key else None
        changed = self.form.key != key
        if changed:
            self.form.flush()
        self.form.load(self.session.plan, task)
        self._update_actions()
        if changed:
            self.currentTaskChanged.emit(task)

    def _task_changed(self, key: str) -> None:
        if key == self.form.key:
            self.form.load(self.session.plan, self.session.model.task(key))

    def _update_count(self) -> None:
        count = len(self.session.model.flat())  # cached until the tree changes shape
        # No %n plurals: the lupdate of some PySide6 releases misses them; counts are "%1" here.
        shown = QCoreApplication.translate("TasksPage", "Số nhiệm vụ: %1").replace("%1", str(count))
        if self.results.is_filtering():
            shown = (QCoreApplication.translate("TasksPage", "Đang lọc: %1/%2 nhiệm vụ khớp")
                     .replace("%1", str(len(self.results.matches))).replace("%2", str(count)))
            if self.results.searching():
                shown += " …"  # more matches to come
        self.count_label.setText(shown)

    def _results_arrived(self) -> None:
        """More matches of a long plan arrived: count them, and select the form's task once it is among them."""
        self._update_count()
        key = self.form.key
        if key is not None and not self.tree.currentIndex().isValid() and self.results.has(key):
            self._resetting = True
            try:
                self.results.reveal(key)
                index = self.results.mapFromSource(self.session.model.index_of(key))
                self.tree.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            finally:
                self._resetting = False

    def _section_switched(self) -> None:
        """The tree now shows another task section: start it unfiltered, opened, on its first task."""
        self._clear_filters()
        self.restore_expansion()
        self._structure_changed()
        tasks = self.session.section.tasks
        self.select_key(tasks[0].key if tasks else None)

    def _structure_changed(self) -> None:
        self._update_count()
        section = self.session.section
        number = next(i for i, s in enumerate(self.session.plan.sections, 1) if s is section)
        appendix = section.appendix
        # a phụ lục's tasks: its label stands for the numeral, its own columns are fields of the form
        self.numeral.setText((appendix.label or QCoreApplication.translate("TasksPage", "Phụ lục")) if appendix
                             else f"{roman(number)}.")
        if appendix is not None:
            self.form.set_cell_columns([h for f, h in appendix.columns if not f],
                                       next((h for f, h in appendix.columns if f == "time"), None))
        else:  # the body's tasks: the own columns of a "Danh mục" phụ lục listing them
            self.form.set_cell_columns(list(dict.fromkeys(
                h for s in self.session.plan.appendices() if s.appendix and s.appendix.mirror
                for f, h in s.appendix.columns if not f)))
        # a phụ lục prints its title lines (edited on its own page), not a section title or opening
        self.section_title.setVisible(appendix is None)
        self.section_intro.setVisible(appendix is None)
        self.section_title.set_value(self.session.section.title)
        self.section_intro.set_lines(self._intro())
        if self.form.key and self.session.model.has(self.form.key):
            self.form.load(self.session.plan, self.session.model.task(self.form.key))
        self._update_actions()

    def _intro(self) -> list[str]:
        """The section's opening paragraphs (kept as items of the section, printed before its first task)."""
        return [p for item in self.session.section.items for p in item.paragraphs]

    def _title_committed(self) -> None:
        title = self.section_title.value()
        if not title or title == self.session.section.title:
            return
        self._set_section(Section(title, "tasks", copy.deepcopy(self.session.section.items),
                                  appendix=copy.deepcopy(self.session.section.appendix)))

    def _intro_committed(self) -> None:
        lines = self.section_intro.lines()
        if lines != self._intro():
            self._set_section(Section(self.session.section.title, "tasks", [TextItem(None, lines)] if lines else [],
                                      appendix=copy.deepcopy(self.session.section.appendix)))

    def _set_section(self, section: Section) -> None:
        index = next(i for i, s in enumerate(self.session.plan.sections) if s is self.session.section)
        self._run(self.session.set_sections, sections_with(self.session.plan, index, section))

    def _update_actions(self) -> None:
        key = self.current_key()
        has = key is not None
        model = self.session.model
        row = model.row(key) if has else 0
        parent = model.parent_task(key) if has else None
        siblings = model.siblings(parent) if has else []
        self.actions_["add_child"].setEnabled(has)
        self.actions_["delete"].setEnabled(has)
        self.actions_["up"].setEnabled(has and row > 0)
        self.actions_["down"].setEnabled(has and row + 1 < len(siblings))
        self.actions_["indent"].setEnabled(has and row > 0)
        self.actions_["outdent"].setEnabled(has and parent is not None)
        self.actions_["copy"].setEnabled(has)
        self.actions_["cut"].setEnabled(has)

    # --- filters ---------------------------------------------------------------------------------------

    def refresh_unit_filter(self) -> None:
        current = self.unit_filter.currentData()
        names = {u.name for u in self.session.store.units.all()}
        for task, _ in self.session.model.walk():
            names.update(task.lead)
            names.update(task.coordinators)
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(QCoreApplication.translate("TasksPage", "Mọi đơn vị"), None)
        for name in sorted(names, key=vi_sort_key):
            self.unit_filter.addItem(name, name)
        index = self.unit_filter.findData(current)
        self.unit_filter.setCurrentIndex(max(index, 0))
        self.unit_filter.blockSignals(False)

    def _filter_changed(self) -> None:
        key = self.form.key
        self._resetting = True
        try:
            self.results.set_filters(self.search.text(), self.unit_filter.currentData(),
                                     self.kind_filter.currentData())
            self._show_model(self.results if self.results.is_filtering() else self.tree_proxy)
            self.restore_expansion()
            if key is not None:
                if self.proxy is self.results:
                    self.results.reveal(key)
                index = self.proxy.mapFromSource(self.session.model.index_of(key))
                if index.isValid():
                    self.tree.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._resetting = False
        self._update_count()

    def _folded(self, index: QModelIndex, collapsed: bool) -> None:
        if self._expanding or self.tree.model() is not self.tree_proxy:
            return
        task = self.session.model.task_at(self.proxy.mapToSource(index))
        if task is not None:
            (self._collapsed.add if collapsed else self._collapsed.discard)(task.key)

    def restore_expansion(self) -> None:
        """Open every task with sub-tasks, except those the user folded (the search results are flat)."""
        model = self.session.model
        if self.tree.model() is not self.tree_proxy:
            return
        self._expanding = True
        try:
            for task in model.flat():
                if not task.children:
                    continue
                if task.key not in self._collapsed:
                    index = self.tree_proxy.mapFromSource(model.index_of(task.key))
                    if index.isValid() and not self.tree.isExpanded(index):
                        self.tree.expand(index)
        finally:
            self._expanding = False

    # --- edits ---------------------------------------------------------------------------------------

    def _run(self, func, *args) -> object:
        try:
            return func(*args)
        except KnownError as exc:
            self.error.emit(exc.message)
            return None

    def _form_commit(self, key: str, merge_id: int, changes: dict) -> None:
        self._run(lambda: self.session.set_task_fields(key, merge_id, **changes))
        if "lead" in changes or "coordinators" in changes:
            self.refresh_unit_filter()

    def _add_unit_to_catalog(self, name: str) -> None:
        if self._run(self.session.store.units.add, name) is not None:
            self.refresh_catalog()

    def refresh_catalog(self) -> None:
        self.form.set_catalog(self.session.store.units.catalog())
        self.refresh_unit_filter()

    def add_task(self) -> None:
        self.form.flush()
        self._clear_filters()
        self._run(self.session.add_task, self.current_key())
        self.form.title.setFocus()

    def add_child(self) -> None:
        key = self.current_key()
        if key is None:
            return
        self.form.flush()
        self._clear_filters()
        self._run(lambda: self.session.add_task(key, child=True,
                                                text=QCoreApplication.translate("PlanSession", "Thêm nhiệm vụ con")))
        self.form.title.setFocus()

    def _clear_filters(self) -> None:
        if self.results.is_filtering():
            self.search.clear()
            self.unit_filter.setCurrentIndex(0)
            self.kind_filter.setCurrentIndex(0)
            self._filter_changed()

    def delete_task(self) -> None:
        key = self.current_key()
        if key is None:
            return
        task = self.session.model.task(key)
        if task.children:
            sub_tasks = sum(1 for _ in task.walk()) - 1
            answer = QMessageBox.question(
                self, QCoreApplication.translate("TasksPage", "Xóa nhiệm vụ"),
                QCoreApplication.translate("TasksPage", "Xóa nhiệm vụ “%1” cùng các nhiệm vụ con của nó (%2)? "
                                                        "(Có thể hoàn tác bằng Ctrl+Z.)")
                .replace("%1", task.title[:80]).replace("%2", str(sub_tasks)))

            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(self.session.delete_task, key)
        self.tree.setFocus()

    def _structural(self, method) -> None:
        key = self.current_key()
        if key is not None:
            self.form.flush()
            self._run(method, key)
            self.tree.setFocus()

    def move_up(self) -> None:
        self._structural(self.session.move_up)

    def move_down(self) -> None:
        self._structural(self.session.move_down)

    def indent(self) -> None:
        self._structural(self.session.indent)

    def outdent(self) -> None:
        self._structural(self.session.outdent)

    def copy(self) -> None:
        key = self.current_key()
        if key is None:
            return
        task = self.session.model.task(key)
        data = QMimeData()
        data.setData(MIME_TASK_JSON, json.dumps([task_to_dict(task)], ensure_ascii=False).encode("utf-8"))
        lines = [f"{'    ' * depth}{t.number}. {t.title}" for t, depth in task.walk()]
        data.setText("\n".join(lines))
        set_clipboard(data)

    def cut(self) -> None:
        self.copy()
        self.delete_task()

    def paste(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        tasks: list[Task] = []
        if data is not None and data.hasFormat(MIME_TASK_JSON):
            try:
                items = json.loads(bytes(data.data(MIME_TASK_JSON).data()).decode("utf-8"))
                plan = plan_from_dict({"format": "kehoach-plan", "version": 1, "title": "",
                                       "sections": [{"title": "", "kind": "tasks", "tasks": items}]})
                tasks = plan.sections[0].tasks
            except (ValueError, KnownError):
                tasks = []
        elif data is not None and data.hasText():
            tasks = [Task(title=line.strip()) for line in data.text().splitlines() if line.strip()]
        if tasks:
            self._run(self.session.paste_tasks, tasks, self.current_key())

    def _toggle_focus(self) -> None:
        if self.tree.hasFocus():
            self.form.title.setFocus()
        else:
            self.tree.setFocus()

    def flush(self) -> None:
        self.section_intro.flush()
        self.form.flush()
