"""The window around the editor on a real office PC: maximised on a small screen, the saved time, recent plans."""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings

from kehoach_desktop.ui.mainwindow import MainWindow, opens_maximised, recent_plans_key
from tests.conftest import load_fixture
from tests.ui.conftest import collect_errors, type_text


def test_small_screens_open_maximised():
    office = (0, 0, 1366, 728)  # 1366x768 less the taskbar
    scaled = (0, 0, 1093, 582)  # the same screen at 125 %
    big = (0, 0, 1920, 1040)
    assert opens_maximised(office, None)
    assert opens_maximised(scaled, None)
    assert opens_maximised(office, (10, 10, 800, 500))  # even a window the user left smaller
    assert not opens_maximised(big, None)
    assert not opens_maximised(big, (100, 80, 1280, 720))
    assert opens_maximised(big, (1500, 80, 1280, 720))  # saved on a screen that is gone, or larger
    assert opens_maximised(big, (0, 0, 2560, 1400))


def test_the_window_maximises_on_the_headless_screen(qtbot, commune_store):
    window = MainWindow(commune_store)  # the offscreen screen is 800x600: a small one
    qtbot.addWidget(window)
    assert window.wants_maximised
    window.show_on_screen()
    qtbot.waitExposed(window)
    assert window.isMaximized()


def test_the_status_bar_says_saved_only_after_the_write(qtbot, window, commune_store, monkeypatch):
    from kehoach_desktop.errors import StorageError

    plan_id = commune_store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    window.open_plan(plan_id)
    assert window.saved_label.text() == ""  # nothing written yet: nothing claimed
    messages = collect_errors(window, monkeypatch)

    def locked(*args, **kwargs):
        raise StorageError("Cơ sở dữ liệu đang bị khóa.")

    real_update = commune_store.plans.update_plan
    monkeypatch.setattr(commune_store.plans, "update_plan", locked)
    general = window.editor.general
    general.place.setFocus()
    general.place.selectAll()
    type_text(general.place, "Xã Lam Vỹ mới")
    general.place.editingFinished.emit()
    assert messages == ["Cơ sở dữ liệu đang bị khóa."]
    assert window.saved_label.text() == ""  # refused: not "saved"

    monkeypatch.setattr(commune_store.plans, "update_plan", real_update)
    general.place.editingFinished.emit()
    assert commune_store.plans.load(plan_id).place == "Xã Lam Vỹ mới"
    assert re.fullmatch(r"Đã lưu lúc \d\d:\d\d", window.saved_label.text())


def test_recent_plans_list_and_reopen(qtbot, window, commune_store):
    first = commune_store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    second = commune_store.import_plan(load_fixture("ke-hoach-phuong-bach-dang"))
    third = commune_store.import_plan(load_fixture("ke-hoach-xa-binh-giang-nd142"))
    for plan_id in (first, second, third, first):
        window.open_plan(plan_id)
    window.show_list()
    commune_store.plans.delete(third)  # in the bin: no longer offered
    window.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert [t.split(" ", 1)[0] for t in texts] == ["&1", "&2"]
    assert "Triển khai thi hành Luật Trí tuệ nhân tạo" in texts[0] and "05/KH-UBND" in texts[0]
    assert [pid for pid, _ in window.recent_plans()] == [first, second]
    window.recent_menu.actions()[1].trigger()
    assert window.session is not None and window.session.plan_id == second
    # per database file: another database has its own list
    assert QSettings().value(recent_plans_key(commune_store.database.path.with_name("khac.sqlite"))) is None


def test_recent_plans_keep_eight(qtbot, window, commune_store):
    ids = [commune_store.import_plan(load_fixture("ke-hoach-xa-lam-vy")) for _ in range(10)]
    for plan_id in ids:
        window.open_plan(plan_id)
    assert [pid for pid, _ in window.recent_plans()] == ids[::-1][:8]


def _clipped_labels(widget) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in widget.findChildren(QLabel)
            if label.isVisible() and label.text() and not label.wordWrap()
            and label.width() < label.fontMetrics().horizontalAdvance(label.text().replace("&", ""))]


def test_the_task_form_fits_a_1366x768_screen_at_125_percent(qtbot, window, commune_store):
    from kehoach_desktop.ui.taskmodel import COL_TITLE

    window.resize(1093, 560)  # 1366x768 at 125 %, less the taskbar and the title bar
    window.open_plan(commune_store.import_plan(load_fixture("ke-hoach-xa-lam-vy")))
    window.editor.show_part("tasks")
    page = window.editor.tasks
    page.select_key(page.session.section.tasks[2].key)
    qtbot.wait(50)
    assert _clipped_labels(page.form) == []  # "Thời gian thực hiện:" whole, not "…i gian thực hiện:"
    area = page.splitter.widget(1)
    assert area.viewport().width() >= page.form.minimumSizeHint().width()  # nothing cut at the right
    assert page.tree.header().sectionSize(COL_TITLE) >= page.tree.viewport().width() * 0.5  # the title gets the room


def test_the_dashboard_headings_are_readable_at_125_percent(qtbot, window, commune_store):
    window.resize(1093, 560)
    window.open_plan(commune_store.import_plan(load_fixture("ke-hoach-xa-lam-vy")))
    editor = window.editor
    editor.nav.setCurrentRow(editor.nav.count() - 1)
    qtbot.wait(50)
    header = editor.dashboard.matrix.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(header.count()):
        heading = editor.dashboard.matrix.horizontalHeaderItem(column).text()
        widest = max(metrics.horizontalAdvance(line) for line in heading.split("\n"))
        assert header.sectionSize(column) >= widest, heading
    assert editor.height() <= 560  # the dashboard scrolls instead of making the window taller than the screen


def _toolbar_texts(window) -> list[str]:
    return [a.iconText() for a in window.toolbar.actions() if not a.isSeparator()]


def test_the_toolbar_has_the_frequent_actions_with_icons_and_shortcuts(qtbot, window, commune_store):
    assert _toolbar_texts(window) == ["Mới", "Nhập", "Danh sách", "Thêm", "Thêm con", "Xóa", "Hoàn tác", "Làm lại",
                                      "Xuất Word", "Xem trước khi in", "Trang in"]
    actions = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert all(not a.icon().isNull() for a in actions)  # the icons shipped in resources/icons/actions
    tips = {a.iconText(): a.toolTip() for a in actions}
    assert tips["Mới"] == "Kế hoạch mới từ mẫu (Ctrl+N)" and tips["Thêm con"] == "Thêm nhiệm vụ con (Ctrl+Shift+Enter)"
    assert not window.act_add_task.isEnabled() and not window.export_actions["docx"].isEnabled()  # no plan open


def test_toolbar_actions_edit_the_plan(qtbot, window, commune_store):
    plan_id = commune_store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    window.open_plan(plan_id)
    before = len(commune_store.plans.load(plan_id).sections[1].tasks)
    assert not window.act_delete_task.isEnabled()  # on the general information: no task selected
    window.act_add_task.trigger()  # opens section II and adds a task there
    assert window.editor.stack.currentWidget() is window.editor.tasks
    assert len(commune_store.plans.load(plan_id).sections[1].tasks) == before + 1
    new_key = window.editor.tasks.form.key
    window.act_add_child.trigger()
    stored = commune_store.plans.load(plan_id).sections[1]
    assert [t.key for t in stored.tasks if t.children] == [new_key]
    window.act_undo.trigger()
    window.act_undo.trigger()
    assert len(commune_store.plans.load(plan_id).sections[1].tasks) == before
    window.act_redo.trigger()
    assert len(commune_store.plans.load(plan_id).sections[1].tasks) == before + 1
    window.editor.tasks.select_key(new_key)
    assert window.act_delete_task.isEnabled()
    window.act_delete_task.trigger()
    assert len(commune_store.plans.load(plan_id).sections[1].tasks) == before
    window.act_list.trigger()
    assert window.session is None and not window.act_add_task.isEnabled()


def test_the_page_preview_shows_the_plan_and_follows_the_edits(qtbot, window, commune_store):
    plan_id = commune_store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    window.open_plan(plan_id)
    assert window.editor.preview is None  # a 1366x768 screen: hidden until asked for
    window.act_preview_pane.trigger()
    preview = window.editor.preview
    qtbot.waitUntil(lambda: preview.page_count() > 0, timeout=5000)
    assert "Triển khai thi hành Luật Trí tuệ nhân tạo" in preview.text()
    assert preview.caption.text() == f"Trang in: {preview.page_count()} trang"
    window.editor.show_part("tasks")
    form = window.editor.tasks.form
    form.title.setFocus()
    form.title.selectAll()
    type_text(form.title, "Tập huấn cán bộ về trí tuệ nhân tạo")
    form.flush()
    assert "Tập huấn cán bộ về trí tuệ nhân tạo" not in preview.text()  # not while typing
    qtbot.waitUntil(lambda: "Tập huấn cán bộ về trí tuệ nhân tạo" in preview.text(), timeout=5000)
    window.act_preview_pane.trigger()
    assert not preview.isVisible()
    window.close_plan()
    assert QSettings().value("editor/previewShown") in (False, "false")  # remembered
    window.act_preview_pane.setChecked(True)
    window.open_plan(plan_id)
    qtbot.waitUntil(lambda: window.editor.preview is not None and window.editor.preview.page_count() > 0,
                    timeout=5000)


def test_the_page_preview_follows_the_task_being_edited(qtbot, window, commune_store):
    window.open_plan(commune_store.import_plan(load_fixture("ke-hoach-xa-lam-vy")))
    window.editor.show_part("tasks")
    page = window.editor.tasks
    window.act_preview_pane.trigger()
    preview = window.editor.preview
    qtbot.waitUntil(lambda: preview.page_count() > 2, timeout=5000)
    tasks = page.session.section.tasks
    page.select_key(tasks[-1].key)
    last_page = preview.pages.currentPage()
    page.select_key(tasks[0].key)
    first_page = preview.pages.currentPage()
    # as the exported PDF prints them: tasks 1-2 on page 1, 3-7 on page 2, sections III-IV on page 3
    assert (first_page, last_page, preview.page_count()) == (1, 2, 3)
