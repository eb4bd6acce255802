"""The main window: the plans list, the plan editor, menus with shortcuts, the layout remembered."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets  # dialogs through the module: their types are built when first used
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from ..domain.text import fold
from ..errors import KnownError
from ..logsetup import log_bug
from ..services import SETTING_COMMUNE, Store
from .planeditor import PlanEditor
from .session import PlanSession
from .widgets import action_icon

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from .export import Exporter
    from .planlist import PlanListPage


def safe_filename(text: str, fallback: str = "ke-hoach") -> str:
    words = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return (words[:60].rstrip("-") or fallback)


SMALL_SCREEN = (1366, 768)  # the common office screen; at this size or less the window opens maximised
DEFAULT_SIZE = (1280, 720)
WIDE_SCREEN = 1600  # from this width the page preview is shown beside the form until the user hides it
TEXT_BESIDE_ICON = 2  # Qt.ToolButtonStyle.ToolButtonTextBesideIcon, by number (no Qt enums before the window)


def opens_maximised(available: tuple[int, int, int, int], saved: tuple[int, int, int, int] | None) -> bool:
    """Whether the window opens maximised: on a small screen, or when the saved geometry does not fit.

    ``available`` and ``saved`` are (x, y, width, height) in the screen's own (scaled) pixels:
    at 125 % a 1366x768 screen is 1093x614 and its taskbar smaller still.
    """
    ax, ay, aw, ah = available
    if aw <= SMALL_SCREEN[0] or ah <= SMALL_SCREEN[1]:
        return True
    if saved is None:
        return aw < DEFAULT_SIZE[0] or ah < DEFAULT_SIZE[1]
    x, y, w, h = saved
    return x < ax or y < ay or x + w > ax + aw or y + h > ay + ah


def _database_key(db_path: Path) -> str:
    return fold(str(Path(db_path).resolve())).replace("/", "_").replace("\\", "_")


def last_plan_key(db_path: Path) -> str:
    """The QSettings key remembering the plan last open in a database (reopened at start-up)."""
    return "session/lastPlan/" + _database_key(db_path)


def recent_plans_key(db_path: Path) -> str:
    """The QSettings key of the plans last opened in a database, most recent first."""
    return "session/recentPlans/" + _database_key(db_path)


RECENT_MAX = 8


def with_recent(recent: list[int], plan_id: int) -> list[int]:
    """``recent`` with ``plan_id`` moved to the front, at most RECENT_MAX long."""
    return [plan_id, *[i for i in recent if i != plan_id]][:RECENT_MAX]


SCREEN_WAIT_S = 0.5  # deferred start-up work runs then even if the window was never exposed (minimised…)


class MainWindow(QMainWindow):
    languageChanged = Signal(str)
    startupFinished = Signal()  # the start-up work deferred until the window was on the screen is done

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session: PlanSession | None = None
        self.editor: PlanEditor | None = None
        self.undo_group = QUndoGroup(self)
        self._exporter: Exporter | None = None  # made on first export
        self.import_job = None
        self.wants_maximised = False  # decided from the screen and the saved geometry (_restore_layout)
        self._deferred: list[Callable[[], object]] | None = None  # while starting: work for after the first paint
        self._startup_timer: QTimer | None = None
        self._startup_wait = 0.0
        self._on_screen = False
        self.setWindowTitle("KeHoach")
        self.pages = QStackedWidget()
        self._plan_list: PlanListPage | None = None  # built when first shown: reopening a plan skips it
        self.setCentralWidget(self.pages)
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_menus()
        self._restore_layout()
        self._update_actions()

    @property
    def plan_list(self) -> PlanListPage:
        """The plans list, built the first time it is needed (a reopened plan opens without it)."""
        if self._plan_list is None:
            from .planlist import PlanListPage

            page = PlanListPage()
            page.openPlan.connect(self.open_plan)
            page.newFromTemplate.connect(self.new_from_template)
            page.newBlank.connect(self.new_blank)
            page.importFile.connect(self.import_file)
            page.duplicatePlan.connect(self.duplicate_plan)
            page.deletePlan.connect(self.delete_plan)
            page.restorePlan.connect(self.restore_plan)
            page.purgePlan.connect(self.purge_plan)
            page.refresh_requested.connect(self.refresh_plans)
            self._plan_list = page
            self.pages.insertWidget(0, page)
            self.refresh_plans()
        return self._plan_list

    @property
    def exporter(self) -> Exporter:
        if self._exporter is None:
            from .export import Exporter

            self._exporter = Exporter(self)
            self._exporter.failed.connect(self.show_error)
            self._exporter.done.connect(lambda path: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Đã xuất %1").replace("%1", path), 8000))
        return self._exporter

    def show_on_screen(self) -> None:
        """Show the window as it was left, or maximised on a small screen (1366x768 and less)."""
        if self.wants_maximised:
            self.showMaximized()
        else:
            self.show()
        if self._deferred is not None:
            self._wait_for_screen()

    def setVisible(self, visible: bool) -> None:
        # (not showEvent: a Python event handler makes PySide build the Python types of Qt's events,
        # about 2 ms, before the window appears)
        if visible and self.pages.count() == 0:  # no plan was opened before showing: the plans list
            self.plan_list  # noqa: B018 - builds the list page
        super().setVisible(visible)

    # --- start-up: what the first paint does not need waits until the window is on the screen ------

    def begin_startup(self) -> None:
        """From now until the window has been painted on the screen, :meth:`after_first_paint` waits."""
        self._deferred = []

    def end_startup(self) -> None:
        """Drop the work still waiting (main is returning and closes the store, or the window is replaced)."""
        self._deferred = None
        if self._startup_timer is not None:
            self._startup_timer.stop()

    def after_first_paint(self, func: Callable[[], object]) -> None:
        """Run ``func`` once the window is on the screen (at once when it is already, or outside a start-up)."""
        if self._deferred is None:
            func()
        else:
            self._deferred.append(func)

    def _wait_for_screen(self) -> None:
        """Poll, between turns of the event loop, until the window system has exposed the window.

        Qt paints the window while delivering that expose: the first turn that finds the window
        exposed comes after the first paint. (A 0 ms timer fired right after show() would run before
        it; an event filter would build the Python types of Qt's events.)
        """
        if self._startup_timer is None:
            self._startup_timer = QTimer(self)  # a child: it goes with the window
            self._startup_timer.timeout.connect(self._startup_tick)
        self._startup_wait = time.monotonic()
        self._on_screen = False
        self._startup_timer.start(0)

    def _startup_tick(self) -> None:
        """Until the window is exposed, look; then one deferred piece of work per turn of the event loop
        (input is handled in between), then say so."""
        timer = self._startup_timer
        if self._deferred is None or timer is None:  # given up
            if timer is not None:
                timer.stop()
            return
        if not self._on_screen:
            handle = self.windowHandle()
            waited = time.monotonic() - self._startup_wait
            if (handle is None or not handle.isExposed()) and waited < SCREEN_WAIT_S:
                if waited > 0.05:
                    timer.setInterval(10)  # a slow window manager: stop spinning
                return
            self._on_screen = True
            timer.setInterval(0)
        if self._deferred:
            self._run(self._deferred.pop(0))
            return
        self._deferred = None
        timer.stop()
        self.startupFinished.emit()

    # --- menus -------------------------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, slot, shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, QKeySequence.StandardKey) else [QKeySequence(shortcut)])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Tệp"))
        self.act_list = self._action(file_menu, QCoreApplication.translate("MainWindow", "&Danh sách kế hoạch"), self.show_list, "Ctrl+L")
        self.recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Kế hoạch &gần đây"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self.act_new = self._action(file_menu, QCoreApplication.translate("MainWindow", "Kế hoạch mới từ &mẫu"), self.new_from_template,
                                    QKeySequence.StandardKey.New)
        self.act_blank = self._action(file_menu, QCoreApplication.translate("MainWindow", "Kế hoạch &trống"), self.new_blank, "Ctrl+Shift+N")
        self.act_import = self._action(file_menu, QCoreApplication.translate("MainWindow", "&Nhập từ tệp…"), self.import_file,
                                       QKeySequence.StandardKey.Open)
        self.act_derive = self._action(file_menu, QCoreApplication.translate("MainWindow", "Lập kế hoạch từ kế hoạch &cấp trên…"),
                                       self.derive_plan, "Ctrl+Shift+O")
        file_menu.addSeparator()
        export_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "&Xuất"))
        self.export_actions = {
            "docx": self._action(export_menu, QCoreApplication.translate("MainWindow", "&Word (.docx)"), lambda: self.export("docx"), "Ctrl+E"),
            "docx_appendix": self._action(export_menu, QCoreApplication.translate("MainWindow", "Word kèm &Phụ lục danh mục nhiệm vụ"),
                                          lambda: self.export("docx_appendix"), "Ctrl+Shift+E"),
            "pdf": self._action(export_menu, QCoreApplication.translate("MainWindow", "P&DF"), lambda: self.export("pdf")),
            "pdf_appendix": self._action(export_menu, QCoreApplication.translate("MainWindow", "PDF kèm Phụ &lục"),
                                         lambda: self.export("pdf_appendix")),
            "json": self._action(export_menu, QCoreApplication.translate("MainWindow", "&JSON (trao đổi dữ liệu)"), lambda: self.export("json")),
        }
        export_menu.addSeparator()
        self.act_upward = self._action(export_menu, QCoreApplication.translate("MainWindow", "Phiếu báo cáo gửi &cấp trên (.xlsx)…"),
                                       self.write_upward)
        export_menu.addSeparator()
        self.act_preview = self._action(export_menu, QCoreApplication.translate("MainWindow", "Xem trước khi &in…"), self.preview,
                                        QKeySequence.StandardKey.Print)
        file_menu.addSeparator()
        self._action(file_menu, QCoreApplication.translate("MainWindow", "T&hoát"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Sửa"))
        self.act_undo = self.undo_group.createUndoAction(self, QCoreApplication.translate("MainWindow", "Hoàn tác"))
        self.act_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo_group.createRedoAction(self, QCoreApplication.translate("MainWindow", "Làm lại"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        self.task_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Nhiệm vụ"))
        self.task_menu.aboutToShow.connect(self._fill_task_menu)
        view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Xem"))
        tools = bar.addMenu(QCoreApplication.translate("MainWindow", "&Công cụ"))
        self._action(tools, QCoreApplication.translate("MainWindow", "&Danh mục đơn vị…"), self.edit_units, "Ctrl+U")
        self._action(tools, QCoreApplication.translate("MainWindow", "&Việc của đơn vị…"), self.unit_tasks, "Ctrl+Shift+U")
        self._action(tools, QCoreApplication.translate("MainWindow", "&Tìm trong mọi kế hoạch…"), self.search_all_plans,
                     "Ctrl+Shift+F")
        self._action(tools, QCoreApplication.translate("MainWindow", "&Tổng hợp báo cáo của các xã, phường…"), self.roll_up)
        tools.addSeparator()
        self._action(tools, QCoreApplication.translate("MainWindow", "&Cài đặt…"), self.edit_settings, QKeySequence.StandardKey.Preferences)
        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "Trợ &giúp"))
        self._action(help_menu, QCoreApplication.translate("MainWindow", "&Phím tắt"), self.show_shortcuts, "F1")
        self._action(help_menu, QCoreApplication.translate("MainWindow", "&Giới thiệu"), self.show_about)
        self._build_toolbar(view_menu)

    def _build_toolbar(self, view_menu: QMenu) -> None:
        """The frequent actions with icons, short Vietnamese labels and their shortcuts in the tooltips."""
        def task_action(name: str, text: str, short: str, shortcut: str) -> QAction:
            action = QAction(text, self)
            action.setIconText(short)
            action.setToolTip(f"{text} ({shortcut})")  # the tasks page owns the shortcut itself
            action.triggered.connect(lambda: self._task_action(name))
            return action

        self.act_add_task = task_action("add", QCoreApplication.translate("MainWindow", "Thêm nhiệm vụ"),
                                        QCoreApplication.translate("MainWindow", "Thêm"), "Ctrl+Enter")
        self.act_add_child = task_action("add_child", QCoreApplication.translate("MainWindow", "Thêm nhiệm vụ con"),
                                         QCoreApplication.translate("MainWindow", "Thêm con"), "Ctrl+Shift+Enter")
        self.act_delete_task = task_action("delete", QCoreApplication.translate("MainWindow", "Xóa nhiệm vụ"),
                                           QCoreApplication.translate("MainWindow", "Xóa"), "Delete")
        self.act_preview_pane = QAction(QCoreApplication.translate("MainWindow", "Xem &trang in bên cạnh"), self)
        self.act_preview_pane.setCheckable(True)
        self.act_preview_pane.setShortcuts([QKeySequence("F8")])  # a list: the overloads of one key build Qt's enums
        self.act_preview_pane.toggled.connect(self._preview_toggled)
        view_menu.addAction(self.act_preview_pane)
        toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Thanh công cụ"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setProperty("toolButtonStyle", TEXT_BESIDE_ICON)
        shorts = [
            (self.act_new, "plan-new", QCoreApplication.translate("MainWindow", "Mới")),
            (self.act_import, "plan-import", QCoreApplication.translate("MainWindow", "Nhập")),
            (self.act_list, "plans-list", QCoreApplication.translate("MainWindow", "Danh sách")),
            None,
            (self.act_add_task, "task-add", None), (self.act_add_child, "task-add-child", None),
            (self.act_delete_task, "task-delete", None),
            None,
            (self.act_undo, "undo", QCoreApplication.translate("MainWindow", "Hoàn tác")),
            (self.act_redo, "redo", QCoreApplication.translate("MainWindow", "Làm lại")),
            None,
            (self.export_actions["docx"], "export-word", QCoreApplication.translate("MainWindow", "Xuất Word")),
            (self.act_preview, "print-preview", QCoreApplication.translate("MainWindow", "Xem trước khi in")),
            (self.act_preview_pane, "preview-pane", QCoreApplication.translate("MainWindow", "Trang in")),
        ]
        for entry in shorts:
            if entry is None:
                toolbar.addSeparator()
                continue
            action, icon, short = entry
            action.setIcon(action_icon(icon))
            if short is not None:
                action.setIconText(short)
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                text = action.text().replace("&", "").removesuffix("…")
                action.setToolTip(f"{text} ({keys})" if keys else text)
            toolbar.addAction(action)
        self.toolbar = toolbar
        self.addToolBar(toolbar)

    def _task_action(self, name: str) -> None:
        """Add a task (opening section II), or add a sub-task / delete the task selected there."""
        editor = self.editor
        if editor is None:
            return
        if name == "add":
            editor.show_part("tasks")
            editor.tasks.add_task()
            return
        page = editor._tasks
        if page is not None and editor.stack.currentWidget() is page and page.actions_[name].isEnabled():
            page.actions_[name].trigger()

    def _update_task_actions(self) -> None:
        editor = self.editor
        self.act_add_task.setEnabled(editor is not None)
        page = editor._tasks if editor is not None else None
        on_tasks = page is not None and editor is not None and editor.stack.currentWidget() is page
        for name, action in (("add_child", self.act_add_child), ("delete", self.act_delete_task)):
            action.setEnabled(bool(on_tasks and page is not None and page.actions_[name].isEnabled()))

    def _tasks_built(self) -> None:
        if self.editor is not None and self.editor._tasks is not None:
            for name in ("add_child", "delete"):
                self.editor._tasks.actions_[name].changed.connect(self._update_task_actions)
        self._update_task_actions()

    def preview_wanted(self) -> bool:
        """The page preview's remembered state; at first, shown on a wide screen only."""
        screen = QGuiApplication.primaryScreen()
        default = screen is not None and screen.availableGeometry().width() >= WIDE_SCREEN
        return QSettings().value("editor/previewShown", default) in (True, "true")

    def _preview_toggled(self, shown: bool) -> None:
        QSettings().setValue("editor/previewShown", shown)
        if self.editor is not None:
            self.editor.set_preview_visible(shown)

    def _update_actions(self) -> None:
        has_plan = self.session is not None
        for action in [*self.export_actions.values(), self.act_preview, self.act_preview_pane]:
            action.setEnabled(has_plan)
        # only a plan derived from an upper plan reports on the upper plan's tasks
        self.act_upward.setEnabled(has_plan and self.session.plan.upper is not None)
        self._update_task_actions()
        self.task_menu.clear()
        self.task_menu.setEnabled(has_plan)
        self.menuBar().setNativeMenuBar(False)

    def recent_plans(self) -> list[tuple[int, str]]:
        """(id, "05/KH-UBND — title") of the plans last opened in this database; deleted plans dropped."""
        value = QSettings().value(recent_plans_key(self.store.database.path)) or []
        ids = [int(v) for v in (value if isinstance(value, list) else [value]) if str(v).isdigit()]
        alive = {p.id: p for p in self.store.plans.list()}
        result = []
        for plan_id in ids:
            plan = alive.get(plan_id)
            if plan is not None:
                title = plan.title or QCoreApplication.translate("MainWindow", "(chưa có trích yếu)")
                result.append((plan_id, f"{plan.reference} — {title[:70]}{'…' if len(title) > 70 else ''}"))
        return result

    def _remember_recent(self, plan_id: int) -> None:
        settings = QSettings()
        key = recent_plans_key(self.store.database.path)
        value = settings.value(key) or []
        ids = [int(v) for v in (value if isinstance(value, list) else [value]) if str(v).isdigit()]
        settings.setValue(key, [str(i) for i in with_recent(ids, plan_id)])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._run(self.recent_plans)
        for number, (plan_id, text) in enumerate(recent if isinstance(recent, list) else [], 1):
            action = self.recent_menu.addAction(f"&{number} {text.replace('&', '&&')}")
            action.triggered.connect(lambda _checked=False, pid=plan_id: self.open_plan(pid))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(QCoreApplication.translate("MainWindow", "(chưa có)")).setEnabled(False)

    def _fill_task_menu(self) -> None:
        """The Tasks menu shows section II's own actions (and opens that part when used)."""
        self.task_menu.clear()
        if self.editor is None:
            return
        page = self.editor.tasks
        for name in ("add", "add_child", "delete", "up", "down", "indent", "outdent", "copy", "cut", "paste"):
            self.task_menu.addAction(page.actions_[name])
            if name in ("add_child", "delete", "outdent"):
                self.task_menu.addSeparator()

    # --- messages --------------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        QtWidgets.QMessageBox.warning(self, QCoreApplication.translate("MainWindow", "Không thực hiện được"), message)

    def _run(self, func, *args) -> object:
        try:
            return func(*args)
        except KnownError as exc:
            self.show_error(exc.message)
        except Exception as exc:  # a bug: logged, and the window stays usable
            self.show_bug(exc)
        return None

    def show_bug(self, exc: BaseException) -> None:
        path = log_bug(exc)
        QtWidgets.QMessageBox.critical(self, QCoreApplication.translate("MainWindow", "Lỗi không mong muốn"),
                             QCoreApplication.translate(
                                 "MainWindow", "Đã xảy ra lỗi không mong muốn. Công việc đã được lưu đến thao tác "
                                               "trước đó.\nChi tiết đã ghi vào %1").replace("%1", str(path)))

    def _saved(self) -> None:
        """The session has written an edit: say when (only after the write succeeded)."""
        now = dt.datetime.now().strftime("%H:%M")
        self.saved_label.setText(QCoreApplication.translate("MainWindow", "Đã lưu lúc %1").replace("%1", now))
        self.saved_label.setToolTip(QCoreApplication.translate(
            "MainWindow", "Mọi thay đổi được ghi ngay vào cơ sở dữ liệu; không cần bấm Lưu."))

    # --- plans ---------------------------------------------------------------------------------------

    def commune(self) -> dict:
        value = self.store.get_setting(SETTING_COMMUNE)
        return value if isinstance(value, dict) else {}

    def refresh_plans(self, select_id: int | None = None) -> None:
        if self._plan_list is None:  # not built yet: it reads the plans when it is
            return
        self.plan_list.set_plans(self.store.plans.list(deleted=self.plan_list.bin.isChecked()), select_id)

    def show_list(self) -> None:
        self.close_plan()
        self.refresh_plans()
        self.pages.setCurrentWidget(self.plan_list)
        self.plan_list.table.setFocus()

    def open_plan(self, plan_id: int) -> bool:
        self.close_plan()
        try:
            session = PlanSession(self.store, plan_id, self)
        except KnownError as exc:
            self.show_error(exc.message)
            return False
        self.session = session
        self.editor = PlanEditor(session)
        self.editor.error.connect(self.show_error)
        self.pages.addWidget(self.editor)
        self.pages.setCurrentWidget(self.editor)
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self.saved_label.clear()
        session.saved.connect(self._saved)
        self.editor.tasksBuilt.connect(self._tasks_built)
        self.editor.stack.currentChanged.connect(lambda _i: self._update_task_actions())
        shown = self.preview_wanted()
        self.act_preview_pane.blockSignals(True)
        self.act_preview_pane.setChecked(shown)
        self.act_preview_pane.blockSignals(False)
        if shown:  # built once the window is on the screen, never before
            editor = self.editor
            QTimer.singleShot(0, lambda: editor is self.editor and editor.set_preview_visible(True))
        session.planChanged.connect(lambda _f: self._update_title())
        session.catalogChanged.connect(self._refresh_catalog)
        self._update_title()
        self._restore_editor_layout()
        self._update_actions()
        self.after_first_paint(lambda: self._remember_plan(plan_id))  # (QSettings writes its file each time)
        return True

    def _remember_plan(self, plan_id: int) -> None:
        QSettings().setValue(self._last_plan_key(), plan_id)
        self._remember_recent(plan_id)

    def close_plan(self) -> None:
        if self.editor is None or self.session is None:
            return
        self.editor.flush()
        self._save_editor_layout()
        self.undo_group.removeStack(self.session.undo_stack)
        self.saved_label.clear()
        self.pages.removeWidget(self.editor)
        self.editor.deleteLater()
        self.session.deleteLater()
        self.editor = None
        self.session = None
        QSettings().remove(self._last_plan_key())
        self._update_title()
        self._update_actions()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle("KeHoach")
            return
        plan = self.session.plan
        reference = f"{plan.number or '…'}/{plan.symbol}"
        title = plan.title or QCoreApplication.translate("MainWindow", "(chưa có trích yếu)")
        self.setWindowTitle(f"{reference} — {title} — KeHoach")

    def _create_and_open(self, plan) -> None:
        plan_id = self._run(self.store.import_plan, plan)
        if isinstance(plan_id, int):
            self.refresh_plans(plan_id)
            self.open_plan(plan_id)

    def new_from_template(self) -> None:
        from .newplan import plan_from_template

        self._create_and_open(plan_from_template(self.commune()))

    def new_blank(self) -> None:
        from .newplan import blank_plan

        self._create_and_open(blank_plan(self.commune()))
        if self.editor is not None:
            self.editor.general.title.setFocus()

    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QtWidgets.QFileDialog.getOpenFileName(
                self, QCoreApplication.translate("MainWindow", "Nhập kế hoạch từ tệp"), str(Path.home()),
                QCoreApplication.translate("MainWindow", "Kế hoạch (*.docx *.pdf *.txt *.md *.json);;Tất cả các tệp (*)"))
        if not path:
            return
        if Path(path).suffix.lower() == ".json":
            plan_id = self._run(self.store.import_json, path)
            if isinstance(plan_id, int):
                self.refresh_plans(plan_id)
                self.open_plan(plan_id)
            return
        try:
            from ..importers import import_file
        except ImportError:
            self.show_error(QCoreApplication.translate(
                "MainWindow", "Bản cài đặt này chưa đọc được tệp Word/văn bản; hãy dùng tệp JSON."))
            return
        from .export import BackgroundJob

        catalog = self.store.units.catalog()
        job = BackgroundJob(self, QCoreApplication.translate("MainWindow", "Đang đọc %1 …").replace(
            "%1", Path(path).name))
        job.done.connect(self._imported)
        job.failed.connect(self.show_error)
        self.import_job = job  # for tests and for closing while reading
        job.start(lambda: import_file(path, catalog))

    def _imported(self, result) -> None:
        from .dialogs import ImportPreviewDialog

        self.import_job = None
        new_units = list(getattr(result, "new_units", []) or [])
        duplicate = self._run(self.store.already_there, result.plan)
        lines = [*result.summary_lines, *([duplicate] if isinstance(duplicate, str) else [])]
        dialog = ImportPreviewDialog(result.plan.title, lines, list(result.unplaced), self, new_units)
        if dialog.exec():
            if new_units and dialog.add_units.isChecked():
                for name in new_units:
                    self._run(self.store.units.add, name)
            self._create_and_open(result.plan)

    def duplicate_plan(self, plan_id: int) -> None:
        new_id = self._run(self.store.plans.duplicate, plan_id)
        if isinstance(new_id, int):
            self.refresh_plans(new_id)

    def delete_plan(self, plan_id: int) -> None:
        self._run(self.store.plans.delete, plan_id)
        self.refresh_plans()
        self.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "Đã chuyển kế hoạch vào thùng rác (xem “Xem thùng rác” để khôi phục)."), 8000)

    def restore_plan(self, plan_id: int) -> None:
        self._run(self.store.plans.restore, plan_id)
        self.refresh_plans()

    def purge_plan(self, plan_id: int) -> None:
        answer = QtWidgets.QMessageBox.question(self, QCoreApplication.translate("MainWindow", "Xóa hẳn"),
                                      QCoreApplication.translate("MainWindow", "Xóa hẳn kế hoạch này? Không thể khôi phục lại."))
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self._run(self.store.plans.purge, plan_id)
            self.refresh_plans()

    # --- export --------------------------------------------------------------------------------------

    def export(self, name: str, target: Path | None = None) -> bool:
        if self.session is None or self.editor is None:
            return False
        self.editor.flush()
        plan = self.session.plan
        if target is None:
            folder = QSettings().value("export/folder", str(Path.home()))
            suffix = ".json" if name == "json" else (".pdf" if name.startswith("pdf") else ".docx")
            base = safe_filename(f"ke-hoach-{plan.number or ''}-{plan.title}")
            target = self.exporter.ask_path(name, str(Path(folder) / (base + suffix)))
            if target is None:
                return False
            QSettings().setValue("export/folder", str(target.parent))
        return self.exporter.start(name, plan, target)

    def preview(self) -> None:
        if self.session is None or self.editor is None:
            return
        self.editor.flush()
        from .export import print_preview

        self._run(print_preview, self, self.session.plan)

    # --- plans from the level above, reports up to it, work across plans --------------------------------

    def derive_plan(self) -> None:
        """Tệp → Lập kế hoạch từ kế hoạch cấp trên (``ui/derive.py``)."""
        from .derive import open_derive

        open_derive(self)

    def write_upward(self) -> None:
        """Tệp → Xuất → Phiếu báo cáo gửi cấp trên: the derived plan's sheet for the province (``ui/rollup.py``)."""
        from .rollup import write_upward

        write_upward(self)

    def roll_up(self) -> None:
        """Công cụ → Tổng hợp báo cáo của các xã, phường (``ui/rollup.py``)."""
        from .rollup import open_rollup

        open_rollup(self)

    def unit_tasks(self) -> None:
        """Công cụ → Việc của đơn vị: one unit's tasks across all plans (``ui/across.py``)."""
        from .across import open_unit_tasks

        open_unit_tasks(self)

    def search_all_plans(self) -> None:
        """Công cụ → Tìm trong mọi kế hoạch (``ui/across.py``)."""
        from .across import open_search_all

        open_search_all(self)

    # --- tools -----------------------------------------------------------------------------------------

    def edit_units(self) -> None:
        from .dialogs import UnitsDialog

        UnitsDialog(self.store, self, self.session).exec()
        if self.editor is not None:
            self._refresh_catalog()

    def _refresh_catalog(self) -> None:
        if self.editor is not None and self.editor._tasks is not None:
            self.editor._tasks.refresh_catalog()

    def edit_settings(self) -> None:
        from .dialogs import SettingsDialog
        from .i18n import current_language, set_language

        dialog = SettingsDialog(self.store, self)
        if dialog.exec():
            if dialog.chosen_language() != current_language():
                set_language(dialog.chosen_language())
                self.languageChanged.emit(dialog.chosen_language())
            else:
                self._refresh_catalog()

    def show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+N", QCoreApplication.translate("MainWindow", "Kế hoạch mới từ mẫu")), ("Ctrl+O", QCoreApplication.translate("MainWindow", "Nhập từ tệp")),
            ("Ctrl+L", QCoreApplication.translate("MainWindow", "Danh sách kế hoạch")), ("Ctrl+Enter", QCoreApplication.translate("MainWindow", "Thêm nhiệm vụ")),
            ("Ctrl+Shift+Enter", QCoreApplication.translate("MainWindow", "Thêm nhiệm vụ con")),
            ("Tab / Shift+Tab", QCoreApplication.translate("MainWindow", "Thụt vào / thụt ra (trong cây nhiệm vụ)")),
            ("Ctrl+↑ / Ctrl+↓", QCoreApplication.translate("MainWindow", "Chuyển nhiệm vụ lên / xuống")),
            ("Delete", QCoreApplication.translate("MainWindow", "Xóa nhiệm vụ")), ("Ctrl+C / Ctrl+X / Ctrl+V",
                                                            QCoreApplication.translate("MainWindow", "Sao chép / cắt / dán nhiệm vụ")),
            ("Ctrl+Z / Ctrl+Y", QCoreApplication.translate("MainWindow", "Hoàn tác / làm lại")), ("Ctrl+F", QCoreApplication.translate("MainWindow", "Tìm nhiệm vụ")),
            ("F6", QCoreApplication.translate("MainWindow", "Chuyển giữa cây nhiệm vụ và biểu mẫu")),
            ("Ctrl+E", QCoreApplication.translate("MainWindow", "Xuất Word")), ("Ctrl+P", QCoreApplication.translate("MainWindow", "Xem trước khi in")),
            ("Ctrl+U", QCoreApplication.translate("MainWindow", "Danh mục đơn vị")),
            ("F8", QCoreApplication.translate("MainWindow", "Hiện / ẩn trang in bên cạnh")),
        ]
        html = "<table cellpadding='3'>" + "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        QtWidgets.QMessageBox.information(self, QCoreApplication.translate("MainWindow", "Phím tắt"), html + "</table>")

    def show_about(self) -> None:
        from .. import __version__
        QtWidgets.QMessageBox.about(self, QCoreApplication.translate("MainWindow", "Giới thiệu"),
                          QCoreApplication.translate("MainWindow", "KeHoach Desktop %1\nLập, in, theo dõi và báo cáo Kế hoạch của UBND "
                                           "xã/phường, ngoại tuyến.\nCơ sở dữ liệu: %2")
                          .replace("%1", __version__).replace("%2", str(self.store.database.path)))

    def first_run(self) -> None:
        """Ask for the commune when the database has never been set up."""
        if not self.commune():
            from .dialogs import CommuneDialog

            CommuneDialog(self.store, self).exec()

    # --- layout ------------------------------------------------------------------------------------------

    def _last_plan_key(self) -> str:
        return last_plan_key(self.store.database.path)

    def last_plan_id(self) -> int | None:
        value = QSettings().value(self._last_plan_key())
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        restored = isinstance(geometry, QByteArray) and not geometry.isEmpty() and self.restoreGeometry(geometry)
        if not restored:
            self.resize(*DEFAULT_SIZE)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            frame = self.geometry()
            self.wants_maximised = opens_maximised(
                (area.x(), area.y(), area.width(), area.height()),
                (frame.x(), frame.y(), frame.width(), frame.height()) if restored else None)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _restore_editor_layout(self) -> None:
        if self.editor is not None:
            self.editor.tasksBuilt.connect(self._restore_splitter)

    def _restore_splitter(self) -> None:
        state = QSettings().value("editor/tasksSplitter")
        if self.editor is not None and self.editor._tasks is not None and isinstance(state, QByteArray):
            self.editor._tasks.splitter.restoreState(state)

    def _save_editor_layout(self) -> None:
        if self.editor is not None and self.editor._tasks is not None:
            QSettings().setValue("editor/tasksSplitter", self.editor._tasks.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None:
            self.editor.flush()
            self._save_editor_layout()
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        if self._exporter is not None:
            self._exporter.wait()  # let a running export finish writing its file
        super().closeEvent(event)
