"""The entry point and the window around the editor: start-up, errors, layout remembered, dashboard, tab order."""

from __future__ import annotations

import copy
import sys

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from kehoach_desktop import app as app_module
from kehoach_desktop.errors import StorageError
from kehoach_desktop.services import Store
from kehoach_desktop.ui.mainwindow import MainWindow, last_plan_key
from tests.conftest import load_fixture


@pytest.fixture
def no_event_loop(monkeypatch):
    """main() builds everything, then returns instead of waiting for the user."""
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def _left_open_on_lam_vy(db_path) -> int:
    """A database whose user closed the app on the Lam Vỹ plan last time; its plan id."""
    with Store.open(db_path) as store:
        store.set_setting("commune", {"name": "Lam Vỹ", "kind": "xa", "province": "", "signers": []})
        plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "KeHoach", "KeHoach")
    settings.setValue(last_plan_key(db_path), plan_id)  # where the app, named KeHoach, will look
    settings.sync()
    return plan_id


def test_main_reopens_the_last_plan(qtbot, db_path, no_event_loop):
    plan_id = _left_open_on_lam_vy(db_path)
    before = set(_main_windows())
    assert app_module.main(["--db", str(db_path)]) == 0
    window = next(w for w in _main_windows() if w not in before)
    qtbot.addWidget(window)
    assert window.session is not None and window.session.plan_id == plan_id
    assert window.windowTitle().startswith("05/KH-UBND — Triển khai thi hành Luật Trí tuệ nhân tạo")


def test_main_asks_the_commune_on_first_run(qtbot, db_path, no_event_loop):
    seen = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.form.name.setText("Bình Giang")
        dialog.accept()

    QTimer.singleShot(0, answer)
    before = set(_main_windows())
    assert app_module.main(["--db", str(db_path)]) == 0
    for window in set(_main_windows()) - before:
        qtbot.addWidget(window)
    assert seen == ["CommuneDialog"]
    with Store.open(db_path) as store:
        assert store.get_setting("commune")["name"] == "Bình Giang"


def test_unusable_database_is_one_message(qtbot, tmp_path, monkeypatch, no_event_loop):
    messages = []
    monkeypatch.setattr(app_module, "_message_box", lambda title, text, critical=False: messages.append(text))
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    assert app_module.main(["--db", str(folder)]) == 1
    assert len(messages) == 1 and "thư mục" in messages[0]


def test_errors_escaping_a_slot_are_messages_and_bugs_are_logged(monkeypatch, tmp_path):
    messages = []
    monkeypatch.setattr(app_module, "_message_box", lambda title, text, critical=False: messages.append(text))
    app_module._excepthook(StorageError, StorageError("Ổ đĩa đã đầy."), None)
    assert messages == ["Ổ đĩa đã đầy."]
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        app_module._excepthook(ZeroDivisionError, exc, exc.__traceback__)
    from kehoach_desktop.paths import log_path

    assert str(log_path()) in messages[1] and "Traceback" not in messages[1]
    assert "ZeroDivisionError: division by zero" in log_path().read_text("utf-8")  # the traceback, in the log


def test_window_layout_is_remembered(qtbot, commune_store):
    first = MainWindow(commune_store)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # within the headless screen (800x600)
    plan_id = commune_store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    first.open_plan(plan_id)
    first.editor.tasks.splitter.setSizes([300, 700])
    sizes = first.editor.tasks.splitter.sizes()
    first.close()
    second = MainWindow(commune_store)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 500)
    second.open_plan(plan_id)
    assert second.editor.tasks.splitter.sizes() == sizes


def test_progress_dashboard_is_a_part_of_the_editor(qtbot, window, store):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    window.open_plan(plan_id)
    editor = window.editor
    labels = [editor.nav.item(i).text() for i in range(editor.nav.count())]
    assert labels[-1] == "Theo dõi tiến độ"
    editor.nav.setCurrentRow(editor.nav.count() - 1)
    dashboard = editor.dashboard
    assert type(dashboard).__name__ == "DashboardWidget" and editor.stack.currentWidget().isAncestorOf(dashboard)
    third = window.session.section.tasks[2]
    dashboard.taskActivated.emit(third.id)
    assert editor.stack.currentWidget() is editor.tasks
    assert editor.tasks.form.key == third.key


def _tab_chain(start, length: int) -> list:
    chain, widget = [start], start
    for _ in range(length - 1):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or widget.focusProxy() is not None:
            widget = widget.nextInFocusChain()
        chain.append(widget)
    return chain


def test_task_form_tab_order_follows_the_form(qtbot, window, store):
    window.open_plan(store.import_plan(load_fixture("ke-hoach-xa-lam-vy")))
    page = window.editor.tasks
    form = page.form
    assert _tab_chain(form.title, 7) == [form.title, form.content, form.lead, form.coordinators.search, form.time,
                                         form.product, form.notes]
    assert _tab_chain(page.section_title, 3) == [page.section_title, page.section_intro, page.search]


def test_print_preview_opens_on_the_plan(qtbot, window, store):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    window.open_plan(store.import_plan(load_fixture("ke-hoach-xa-lam-vy")))
    seen = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(isinstance(dialog, QPrintPreviewDialog))
        dialog.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(200, close_it)
    assert window.act_preview.isEnabled()
    window.act_preview.trigger()
    assert seen == [True]


def test_switching_language_reopens_the_window_in_english(qtbot, qapp, db_path, monkeypatch):
    from kehoach_desktop.ui.i18n import install_translators

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    plan_id = _left_open_on_lam_vy(db_path)
    before = set(_main_windows())
    seen: dict = {}

    def event_loop(self) -> int:  # while the app runs, the user picks English in Settings
        first = next(w for w in _main_windows() if w not in before)
        first.languageChanged.emit("en")
        second = next(w for w in _main_windows() if w not in before and w is not first and w.isVisible())
        seen["menu"] = second.menuBar().actions()[0].text()
        seen["plan"] = second.session.plan_id if second.session else None
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    try:
        assert app_module.main(["--db", str(db_path)]) == 0
    finally:
        install_translators(qapp, "vi")
        for window in set(_main_windows()) - before:
            qtbot.addWidget(window)
    assert seen == {"menu": "&File", "plan": plan_id}  # the same plan, reopened in English


def test_qt_numbers_used_at_start_up_are_qt_s_own():
    """Start-up sets a few Qt values by number (no Qt enums built before the window appears)."""
    from kehoach_desktop.ui import pages, roles

    assert roles.DISPLAY == Qt.ItemDataRole.DisplayRole.value
    assert roles.TOOLTIP == Qt.ItemDataRole.ToolTipRole.value
    assert roles.USER == Qt.ItemDataRole.UserRole.value
    assert pages.SCROLLBAR_ALWAYS_OFF == Qt.ScrollBarPolicy.ScrollBarAlwaysOff.value
    assert pages.ALIGN_RIGHT_TOP == (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop).value


def test_general_page_labels_sit_right_beside_their_fields(qtbot):
    from PySide6.QtWidgets import QFormLayout, QScrollArea

    from kehoach_desktop.ui.pages import GeneralPage

    page = GeneralPage()
    qtbot.addWidget(page)
    form = page.findChild(QFormLayout)
    assert form.labelAlignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
    area = page.findChild(QScrollArea)
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_reopened_plan_is_what_the_window_first_shows(qtbot, db_path, no_event_loop, monkeypatch):
    """The window appears with the plan open; the plans list is not built (nor shown) first."""
    plan_id = _left_open_on_lam_vy(db_path)
    shown_first = []
    original = MainWindow.setVisible

    def record(self, visible):
        original(self, visible)
        shown_first.append(type(self.pages.currentWidget()).__name__)

    monkeypatch.setattr(MainWindow, "setVisible", record)
    before = set(_main_windows())
    assert app_module.main(["--db", str(db_path)]) == 0
    window = next(w for w in _main_windows() if w not in before)
    qtbot.addWidget(window)
    assert shown_first[:1] == ["PlanEditor"] and window.session.plan_id == plan_id
    assert window._plan_list is None  # built when the user goes to the list (Ctrl+L)


def test_a_text_section_opens_with_what_it_holds_when_first_shown(qtbot, window, store):
    """I., III. and IV. are built when first clicked (a plan opens faster); one changed before that (by an
    undo, or the page of another window) shows its content as it is then, and its edits are saved."""
    from kehoach_desktop.ui.pages import sections_with

    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    window.open_plan(plan_id)
    editor = window.editor
    iv = next(i for i, s in enumerate(window.session.plan.sections) if s.title == "TỔ CHỨC THỰC HIỆN")
    changed = copy.deepcopy(window.session.plan.sections[iv])
    changed.items[0].paragraphs = ["Văn phòng HĐND và UBND xã tham mưu tổ chức triển khai."]
    window.session.set_sections(sections_with(window.session.plan, iv, changed))
    window.undo_group.activeStack().undo()
    window.undo_group.activeStack().redo()
    row = next(r for r in range(editor.nav.count()) if editor.nav.item(r).text().endswith("TỔ CHỨC THỰC HIỆN"))
    rect = editor.nav.visualItemRect(editor.nav.item(row))
    qtbot.mouseClick(editor.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = editor.stack.currentWidget()
    assert page is editor.current_text_page() and page.title.text() == "TỔ CHỨC THỰC HIỆN"
    assert page.numeral.text() == "IV."
    assert page.editors[0].paragraphs.lines() == ["Văn phòng HĐND và UBND xã tham mưu tổ chức triển khai."]
    assert [e.paragraphs.lines() for e in page.editors[1:]] == [i.paragraphs for i in changed.items[1:]]
    page.editors[1].paragraphs.setFocus()
    page.editors[1].paragraphs.setPlainText("Các đơn vị báo cáo kết quả trước ngày 15/12.")
    editor.flush()
    saved = store.plans.load(plan_id).sections[iv]
    assert saved.items[1].paragraphs == ["Các đơn vị báo cáo kết quả trước ngày 15/12."]
    assert saved.items[0].paragraphs == ["Văn phòng HĐND và UBND xã tham mưu tổ chức triển khai."]
