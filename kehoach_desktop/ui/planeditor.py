"""The plan editor: the document's parts on the left, the part being edited on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtWidgets  # dialogs through the module: their types are built when first used
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.numbering import roman
from ..domain.plan import Section, TextItem
from ..errors import KnownError
from .pages import ClosingPage, GeneralPage, TextSectionPage, sections_with
from .session import PlanSession, section_outline

if TYPE_CHECKING:
    from .appendixpage import AppendixPage
    from .preview import PlanPreview
    from .taskspage import TasksPage


NAV_WIDTH = 200  # the parts list at most: at 1366x768 (and 125 %) the tasks need the room


class PlanEditor(QWidget):
    """General information, I., II. (tasks), III., IV., closing and signature, and progress when available."""

    error = Signal(str)
    tasksBuilt = Signal()

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._built = False  # until then nothing can have been typed: nothing to flush
        self.nav = QListWidget()
        self.nav.setObjectName("partsNav")
        # rows with some air above and below their text: the list's own style sheet (a delegate written in
        # Python made PySide build the Python types of Qt's style options before the first paint)
        self.nav.setStyleSheet("QListWidget::item { padding-top: 6px; padding-bottom: 6px; }")
        self.nav.setAccessibleName(QCoreApplication.translate("PlanEditor", "Các phần của kế hoạch"))
        self.nav.setMaximumWidth(NAV_WIDTH)
        self.nav.setMinimumWidth(150)
        self.nav.setWordWrap(True)
        self.stack = QStackedWidget()
        self.general = GeneralPage()
        self.general.commit.connect(self._plan_commit)
        # Section II, the closing part and the dashboard are built the first time they are shown
        # (a placeholder stands in until then): a plan opens on its general information faster.
        self._tasks: TasksPage | None = None
        self._tasks_placeholder = QWidget()
        self._closing: ClosingPage | None = None
        self._closing_placeholder = QWidget()
        self._appendix: AppendixPage | None = None  # one page for every phụ lục, loaded with the one chosen
        self._appendix_placeholder = QWidget()
        # one page per text section of the body (I., III., IV. …), each built the first time it is shown:
        # until then a placeholder, and the section's index, numeral and content to build it from
        self._text_slots: list[QWidget] = []
        self._text_sections: list[tuple[int, str, Section]] = []
        self.dashboard: QWidget = QWidget()
        self._dashboard_page: QWidget = self.dashboard  # the dashboard in its scroll area, once built
        self._dashboard_built = False
        for page in (self.general, self._tasks_placeholder, self._closing_placeholder, self._appendix_placeholder,
                     self.dashboard):
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.itemClicked.connect(self._nav_clicked)
        self.add_section_button = QPushButton(QCoreApplication.translate("PlanEditor", "Thêm &phần"))
        self.add_section_button.setToolTip(QCoreApplication.translate(
            "PlanEditor", "Thêm một phần có đánh số La Mã (ví dụ V. CHẾ ĐỘ BÁO CÁO) trước phần kết thúc"))
        self.add_section_button.clicked.connect(self.add_section)
        self.remove_section_button = QPushButton(QCoreApplication.translate("PlanEditor", "&Bỏ phần này"))
        self.remove_section_button.clicked.connect(self.remove_section)
        self.add_appendix_button = QPushButton(QCoreApplication.translate("PlanEditor", "Thêm phụ &lục"))
        self.add_appendix_button.setToolTip(QCoreApplication.translate(
            "PlanEditor", "Thêm một phụ lục in sau phần chữ ký: bảng nhiệm vụ, danh mục nhiệm vụ của kế hoạch, "
                          "hoặc nội dung tự do (đề cương, biểu mẫu)"))
        self.add_appendix_button.clicked.connect(lambda: self.add_appendix())
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.nav, 1)
        side_buttons = QHBoxLayout()
        side_buttons.addWidget(self.add_section_button)
        side_buttons.addWidget(self.remove_section_button)
        side.addLayout(side_buttons)
        side.addWidget(self.add_appendix_button)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setMaximumWidth(max(NAV_WIDTH, side_buttons.sizeHint().width()))  # buttons whole in English
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(side_widget)
        self.body = QSplitter()  # the part being edited, and the page preview beside it when shown
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(self.stack)
        self.preview: PlanPreview | None = None  # built the first time it is shown
        layout.addWidget(self.body, 1)
        self._rebuild_nav()
        self.general.load(session.plan)
        session.failed.connect(self.error)
        session.planChanged.connect(self._plan_changed)
        session.sectionsChanged.connect(self._rebuild_nav)
        session.sectionSwitched.connect(self._section_switched)
        self.nav.setCurrentRow(0)
        self._built = True

    def set_preview_visible(self, shown: bool) -> None:
        """Show or hide the live page preview beside the part being edited (built on first use)."""
        if shown and self.preview is None:
            from .preview import PlanPreview

            self.preview = PlanPreview(self.session)
            self.body.addWidget(self.preview)
            if self._tasks is not None:
                self._follow_tasks()
            total = sum(self.body.sizes()) or self.width()
            width = max(self.preview.minimumWidth(), total // 4)
            self.body.setSizes([total - width, width])
        if self.preview is not None:
            self.preview.setVisible(shown)

    def _follow_tasks(self) -> None:
        """The preview shows the page of the task in the form."""
        page, preview = self._tasks, self.preview
        if page is not None and preview is not None:
            page.currentTaskChanged.connect(lambda task: preview.show_task(task.title if task else None))
            if page.form.task is not None:
                preview.show_task(page.form.task.title)

    def _swap_in(self, placeholder: QWidget, page: QWidget) -> None:
        """Put a part built on first use where its placeholder stood (in the stack and the parts list)."""
        self.stack.insertWidget(self.stack.indexOf(placeholder), page)
        self._pages = [page if p is placeholder else p for p in self._pages]
        if self.stack.currentWidget() is placeholder:
            self.stack.setCurrentWidget(page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()

    def _build_dashboard(self) -> None:
        from .dashboard import DashboardWidget

        try:
            widget = DashboardWidget(self.session.store, self.session.plan_id)
        except KnownError as exc:
            self.error.emit(exc.message)
            return
        widget.taskActivated.connect(self.show_task)
        # scrolled: the dashboard is taller than a 1366x768 screen at 125 %, and the stack would
        # otherwise make every part (and the window) that tall
        page = QScrollArea()
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setWidget(widget)
        placeholder, self.dashboard, self._dashboard_page = self.dashboard, widget, page
        self._swap_in(placeholder, page)
        self._dashboard_built = True

    def show_task(self, task_id: int) -> None:
        """Show the task: its section, selected in the tree, its form (the dashboard's and other windows' links)."""
        for section in self.session.task_sections:
            for top in section.tasks:
                for task, _ in top.walk():
                    if task.id == task_id:
                        self.session.use_section(section)
                        self.show_part("tasks")
                        self.tasks.select_key(task.key)
                        return

    def _rebuild_nav(self) -> None:
        current = self.stack.currentWidget()
        sections = self.session.plan.sections
        while len(self._text_slots) > sum(1 for s in sections if s.kind == "text" and s.appendix is None):
            page = self._text_slots.pop()
            self.stack.removeWidget(page)
            page.deleteLater()
        self._text_sections = []
        self.nav.blockSignals(True)
        self.nav.clear()
        self._pages: list[QWidget] = []
        self._page_sections: list[Section | None] = []  # the task section of each tasks row

        def add(text: str, page: QWidget, section: Section | None = None) -> None:
            self.nav.addItem(QListWidgetItem(text))
            self._pages.append(page)
            self._page_sections.append(section)

        add(QCoreApplication.translate("PlanEditor", "Thông tin chung"), self.general)
        text_index = 0
        for number, section in enumerate(self.session.plan.body_sections(), 1):
            label = f"{roman(number)}. {section.title}"
            if section.kind == "tasks":
                add(label, self._tasks or self._tasks_placeholder, section)
                continue
            if text_index >= len(self._text_slots):
                self._text_slots.append(QWidget())  # the page is built when first shown
                self.stack.addWidget(self._text_slots[-1])
            self._text_sections.append((number - 1, roman(number), section))
            page = self._text_slots[text_index]
            if isinstance(page, TextSectionPage):
                self._load_text_page(page, text_index)
            add(label, page)
            text_index += 1
        add(QCoreApplication.translate("PlanEditor", "Kết thúc, nơi nhận, chữ ký"), self._closing or self._closing_placeholder)
        for section in self.session.plan.appendices():
            from .appendixpage import nav_text  # only for a plan that has phụ lục

            add(nav_text(section), self._appendix or self._appendix_placeholder, section)
            appendix = section.appendix
            if appendix is not None:  # the whole title, which the row may cut
                self.nav.item(self.nav.count() - 1).setToolTip("\n".join(filter(None, [appendix.label,
                                                                                      *appendix.heading])))
        add(QCoreApplication.translate("PlanEditor", "Theo dõi tiến độ"), self._dashboard_page)
        self.nav.blockSignals(False)
        if current in self._pages:
            self.nav.setCurrentRow(self._row_of(current))
        if self._appendix is not None:
            self._reload_appendix()
        if self._tasks is not None:
            self._tasks._structure_changed()

    def _load_text_page(self, page: TextSectionPage, text_index: int) -> None:
        index, numeral, section = self._text_sections[text_index]
        page.index = index
        page.numeral.setText(numeral + ".")
        page.load(section)

    def text_page(self, text_index: int) -> TextSectionPage:
        """The page of the body's ``text_index``-th text section (0: I. Mục đích, yêu cầu), built on first use."""
        page = self._text_slots[text_index]
        if not isinstance(page, TextSectionPage):
            placeholder = page
            page = TextSectionPage(*self._text_sections[text_index][:2])
            page.commit.connect(self._section_commit)
            self._load_text_page(page, text_index)
            self._text_slots[text_index] = page
            self._swap_in(placeholder, page)
        return page

    @property
    def text_pages(self) -> list[TextSectionPage]:
        """Every text section's page, in order (built now if they were not)."""
        return [self.text_page(i) for i in range(len(self._text_slots))]

    @property
    def tasks(self) -> TasksPage:
        """Section II (the task tree and form), built on first use so a plan opens faster."""
        if self._tasks is None:
            from .taskspage import TasksPage

            page = TasksPage(self.session)
            page.error.connect(self.error)
            self._tasks = page
            self._swap_in(self._tasks_placeholder, page)
            if self.preview is not None:
                self._follow_tasks()
            self.tasksBuilt.emit()
        return self._tasks

    @property
    def closing(self) -> ClosingPage:
        """The closing paragraph, recipients and signature, built on first use."""
        if self._closing is None:
            page = ClosingPage()
            page.commit.connect(self._plan_commit)
            page.load(self.session.plan)
            self._closing = page
            self._swap_in(self._closing_placeholder, page)
        return self._closing

    @property
    def appendix_page(self) -> AppendixPage:
        """The page of a phụ lục (one page, loaded with the phụ lục chosen), built on first use."""
        if self._appendix is None:
            from .appendixpage import AppendixPage

            page = AppendixPage(self.session.plan)
            page.commit.connect(lambda index, section: self._run(self.session.set_appendix, index, section))
            page.openTasks.connect(self.open_appendix_tasks)
            self._appendix = page
            self._swap_in(self._appendix_placeholder, page)
        return self._appendix

    def _reload_appendix(self) -> None:
        """After an edit (or its undo) the page shows the phụ lục now at its place."""
        page = self._appendix
        assert page is not None
        page.plan = self.session.plan
        sections = self.session.plan.sections
        if 0 <= page.index < len(sections) and sections[page.index].appendix is not None:
            page.load(sections[page.index])
        elif self.stack.currentWidget() is page:  # it is gone
            self.nav.setCurrentRow(0)

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        """A click on the phụ lục whose tasks are shown goes back to the phụ lục's own page."""
        row = self.nav.row(item)
        if 0 <= row < len(self._pages) and self.stack.currentWidget() is not self._pages[row]:
            self._nav_changed(row)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            if self._built:  # (flushing walks every field: its Qt types were built before the first paint)
                self.flush()
            section = self._page_sections[row]
            if section is not None and section.appendix is not None:  # a phụ lục: its own page
                page = self.appendix_page
                page.index = next(i for i, s in enumerate(self.session.plan.sections) if s is section)
                page.load(section)
                if self.preview is not None:  # the page preview goes to where the phụ lục prints
                    self.preview.show_task(next(iter(section.appendix.heading), "") or section.appendix.label)
                if section in self.session.task_sections:
                    self.session.use_section(section)  # Thêm nhiệm vụ adds to the phụ lục shown
            elif section is not None:  # one of the task sections: the tree shows its tasks
                self.session.use_section(section)
            if self._pages[row] is self._tasks_placeholder:
                self.tasks  # noqa: B018 - builds the page in place of its placeholder
            if self._pages[row] in self._text_slots:
                self.text_page(self._text_slots.index(self._pages[row]))  # built in place of its placeholder
            if self._pages[row] is self._closing_placeholder:
                self.closing  # noqa: B018 - likewise
            if self._pages[row] is self._dashboard_page and not self._dashboard_built:
                self._build_dashboard()
            elif self._pages[row] is self._dashboard_page and hasattr(self.dashboard, "refresh"):
                self.dashboard.refresh()  # edits made since it was last shown
            self.stack.setCurrentWidget(self._pages[row])
        # a text section or a phụ lục (its page is a text section's page too)
        self.remove_section_button.setEnabled(0 <= row < len(self._pages)
                                              and isinstance(self._pages[row], TextSectionPage))

    def current_text_page(self) -> TextSectionPage | None:
        page = self.stack.currentWidget()
        return page if isinstance(page, TextSectionPage) else None

    def add_section(self) -> None:
        title, ok = QtWidgets.QInputDialog.getText(
            self, QCoreApplication.translate("PlanEditor", "Thêm phần"),
            QCoreApplication.translate("PlanEditor", "Tên phần (in hoa, không cần số La Mã):"))
        title = title.strip().upper()
        if not ok or not title:
            return
        sections = [section_outline(s) for s in self.session.plan.sections]
        at = len(self.session.plan.body_sections())  # before the phụ lục
        sections.insert(at, Section(title, "text", [TextItem(None, [])]))
        try:
            self.session.set_sections(sections)
        except KnownError as exc:
            self.error.emit(exc.message)
            return
        self.show_part(f"section:{at}")

    def remove_section(self) -> None:
        page = self.current_text_page()
        if page is None:
            return
        section = self.session.plan.sections[page.index]
        if section.appendix is not None:
            self.remove_appendix(page.index)
            return
        answer = QtWidgets.QMessageBox.question(
            self, QCoreApplication.translate("PlanEditor", "Bỏ phần"),
            QCoreApplication.translate("PlanEditor", "Bỏ phần “%1” khỏi kế hoạch? (Có thể hoàn tác bằng Ctrl+Z.)")
            .replace("%1", section.title))
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        sections = [section_outline(s) for i, s in enumerate(self.session.plan.sections) if i != page.index]
        try:
            self.session.set_sections(sections)
        except KnownError as exc:
            self.error.emit(exc.message)
            return
        self.nav.setCurrentRow(0)

    # --- phụ lục ---------------------------------------------------------------------------------

    def add_appendix(self, kind: str | None = None) -> None:
        """Add a phụ lục after the others: "tasks" (a task table), "mirror" (the plan's tasks) or "text"."""
        from .appendixpage import APPENDIX_KINDS, new_appendix

        if kind is None:
            names = [QCoreApplication.translate("PlanEditor", text) for text in APPENDIX_KINDS.values()]
            choice, ok = QtWidgets.QInputDialog.getItem(
                self, QCoreApplication.translate("PlanEditor", "Thêm phụ lục"),
                QCoreApplication.translate("PlanEditor", "Phụ lục gồm:"), names, 0, False)
            if not ok:
                return
            kind = list(APPENDIX_KINDS)[names.index(choice)]
        self.flush()
        if self._run(self.session.add_appendix, new_appendix(self.session.plan, kind)):
            self.show_part(f"appendix:{len(self.session.plan.appendices()) - 1}")

    def remove_appendix(self, index: int) -> None:
        """Delete the phụ lục at ``index`` of the plan's sections, with its own tasks (asked first; undoable)."""
        from .appendixpage import nav_text

        section = self.session.plan.sections[index]
        count = sum(1 for top in section.tasks for _ in top.walk())
        question = QCoreApplication.translate("PlanEditor", "Xóa “%1” khỏi kế hoạch?").replace("%1", nav_text(section))
        if count:
            question += " " + QCoreApplication.translate(
                "PlanEditor", "Các nhiệm vụ riêng của phụ lục (%1) cũng bị xóa.").replace(
                "%1", str(count))
        question += " " + QCoreApplication.translate("PlanEditor", "(Có thể hoàn tác bằng Ctrl+Z.)")
        answer = QtWidgets.QMessageBox.question(
            self, QCoreApplication.translate("PlanEditor", "Xóa phụ lục"), question)
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        if self._run(self.session.remove_appendix, index):
            self.nav.setCurrentRow(0)

    def open_appendix_tasks(self, section: Section) -> None:
        """Edit a task phụ lục's tasks in the task page (its row in the parts list stays chosen)."""
        self.flush()
        self.session.use_section(section)
        page = self.tasks
        self.stack.setCurrentWidget(page)
        self._section_switched()

    def show_part(self, name: str) -> None:
        if name == "tasks" and self.session.section.appendix is not None:
            self.open_appendix_tasks(self.session.section)  # its row is the phụ lục's
            return
        page = {"general": lambda: self.general, "tasks": lambda: self.tasks,
                "closing": lambda: self.closing}.get(name, lambda: None)()
        if name.startswith("section:"):
            index = int(name.split(":")[1])
            page = next((self.text_page(k) for k, (i, _, _) in enumerate(self._text_sections) if i == index), None)
        if name.startswith("appendix:"):  # the n-th phụ lục
            appendix = self.session.plan.appendices()[int(name.split(":")[1])]
            self.nav.setCurrentRow(next(r for r, s in enumerate(self._page_sections) if s is appendix))
            return
        if page is not None and page in self._pages:
            self.nav.setCurrentRow(self._row_of(page))

    def _row_of(self, page: QWidget) -> int:
        """The parts-list row of ``page``; for the tasks page, the row of the section being edited (a phụ
        lục's tasks: the phụ lục's row); for the phụ lục page, the row of the phụ lục shown."""
        wanted = self.session.section
        if page is self._appendix:
            wanted = self.session.plan.sections[page.index] if 0 <= page.index < len(self.session.plan.sections) \
                else None
        for row, (p, section) in enumerate(zip(self._pages, self._page_sections, strict=True)):
            if section is not None and section is wanted and section.appendix is not None and page is self._tasks:
                return row
            if p is page and (section is None or section is wanted):
                return row
        return self._pages.index(page)

    def _section_switched(self) -> None:
        """An undo or redo moved the editing to another task section: the parts list follows."""
        current = self.stack.currentWidget()
        if current is self._tasks and current is not None:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._row_of(current))
            self.nav.blockSignals(False)

    def _plan_commit(self, merge_id: int, changes: dict) -> None:
        try:
            self.session.set_plan_fields(merge_id, **changes)
        except KnownError as exc:
            self.error.emit(exc.message)

    def _run(self, method, *args) -> bool:
        """Make an edit; a refused one (locked or read-only database) becomes a message."""
        try:
            method(*args)
        except KnownError as exc:
            self.error.emit(exc.message)
            return False
        return True

    def _section_commit(self, index: int, section: Section) -> None:
        try:
            self.session.set_sections(sections_with(self.session.plan, index, section))
        except KnownError as exc:
            self.error.emit(exc.message)

    def _plan_changed(self, fields: list) -> None:
        self.general.load(self.session.plan)
        if self._closing is not None:
            self._closing.load(self.session.plan)
        if "labels" in fields and self._tasks is not None:
            self._tasks._structure_changed()

    def flush(self) -> None:
        """Commit whatever is being typed (before export, closing, switching parts)."""
        self.general.flush()
        if self._closing is not None:
            self._closing.flush()
        for page in self._text_slots:
            if isinstance(page, TextSectionPage):  # (one never built holds nothing typed)
                page.flush()
        if self._appendix is not None:
            self._appendix.flush()
        if self._tasks is not None:
            self._tasks.flush()
