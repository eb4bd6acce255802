"""Start-up: what waits until the window is on the screen, and that the window shown is the real one.

The window is painted first; then, one per turn of the event loop, the cycle collector is switched
back on, the daily backup is made (before any write in any case) and the reopened plan is remembered.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from kehoach_desktop import app as app_module
from kehoach_desktop.errors import StorageError
from kehoach_desktop.services import Store
from kehoach_desktop.store.backup import list_backups
from kehoach_desktop.ui.mainwindow import MainWindow, last_plan_key, recent_plans_key
from kehoach_desktop.ui.pages import GeneralPage
from tests.conftest import load_fixture, sha256
from tests.ui.conftest import run_python


def _left_open(db_path) -> int:
    """A database whose user closed the app on the Lam Vỹ plan; its plan id."""
    with Store.open(db_path, backup=False) as store:
        store.set_setting("commune", {"name": "Lam Vỹ", "kind": "xa", "province": "", "signers": []})
        plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "KeHoach", "KeHoach")
    settings.setValue(last_plan_key(db_path), plan_id)  # where the app, named KeHoach, will look
    settings.remove(recent_plans_key(db_path))
    settings.sync()
    return plan_id


def _today_backups(db_path) -> list:
    return [p for p in list_backups(db_path) if dt.date.today().isoformat() in p.name]


@pytest.fixture
def run_until_ready(monkeypatch):
    """main()'s event loop runs until the deferred start-up work is done (at most 10 s), then returns.

    Records what the window showed at its first turn of the event loop after being exposed."""
    seen: dict = {}
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own

    def event_loop(self) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["window"] = window
        seen["gc during start-up"] = gc.isenabled()
        seen["backups before the first paint"] = len(_today_backups(window.store.database.path))
        done: list[bool] = []
        window.startupFinished.connect(lambda: done.append(True))
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.start(10_000)
        while not done and deadline.isActive():
            QApplication.processEvents()
        seen["ready"] = bool(done)
        seen["gc after"] = gc.isenabled()
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    return seen


def test_the_reopened_plan_s_visible_widgets_show_its_data_once_the_event_loop_ran(qtbot, db_path,
                                                                                   run_until_ready):
    plan_id = _left_open(db_path)
    with Store.open(db_path, backup=False) as store:
        plan = store.plans.load(plan_id)
    assert app_module.main(["--db", str(db_path)]) == 0
    window: MainWindow = run_until_ready["window"]
    qtbot.addWidget(window)
    assert run_until_ready["ready"]
    # the real window, on the screen, with the plan open on its general information
    assert window.isVisible() and window.windowHandle().isExposed()
    assert window.session is not None and window.session.plan_id == plan_id
    editor = window.editor
    assert window.pages.currentWidget() is editor
    page = editor.stack.currentWidget()
    assert isinstance(page, GeneralPage) and page.isVisible()
    assert page.title.toPlainText() == plan.title and page.title.isVisible()
    assert page.issuer.lines() == plan.issuer
    assert page.number.text() == (plan.number or "")
    assert plan.title in window.windowTitle()
    parts = [editor.nav.item(row).text() for row in range(editor.nav.count())]
    assert parts[0] == "Thông tin chung" and editor.nav.currentRow() == 0
    assert any(plan.sections[1].title in text for text in parts)  # II. the tasks
    assert window.toolbar.isVisible() and not window.act_new.icon().isNull()


def test_a_plan_left_open_then_moved_to_the_bin_or_purged_is_not_reopened(qtbot, db_path, run_until_ready):
    """The plans list comes instead: the bin's plans open only when restored, a purged one is gone."""
    plan_id = _left_open(db_path)
    with Store.open(db_path, backup=False) as store:
        store.plans.delete(plan_id)
        assert not store.plans.exists(plan_id) and not store.plans.exists(plan_id + 1)
    assert app_module.main(["--db", str(db_path)]) == 0
    window: MainWindow = run_until_ready["window"]
    qtbot.addWidget(window)
    assert window.session is None and window.pages.currentWidget() is window.plan_list
    with Store.open(db_path, backup=False) as store:
        store.plans.restore(plan_id)
        assert store.plans.exists(plan_id)


def test_deferred_start_up_work_is_done_after_the_first_paint(qtbot, db_path, run_until_ready):
    plan_id = _left_open(db_path)
    assert not _today_backups(db_path)
    gc_before = gc.isenabled()
    assert app_module.main(["--db", str(db_path)]) == 0
    qtbot.addWidget(run_until_ready["window"])
    assert run_until_ready["ready"]
    assert run_until_ready["gc during start-up"] is False
    assert run_until_ready["gc after"] is gc_before and gc.isenabled() is gc_before
    assert run_until_ready["backups before the first paint"] == 0
    assert len(_today_backups(db_path)) == 1  # the daily backup, once on the screen
    recent = QSettings().value(recent_plans_key(db_path))
    assert [int(v) for v in (recent if isinstance(recent, list) else [recent])] == [plan_id]


def test_main_switches_the_collector_back_on_when_it_returns(db_path, monkeypatch, qtbot):
    _left_open(db_path)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)  # returns before any paint
    assert gc.isenabled()
    before = set(QApplication.topLevelWidgets())
    assert app_module.main(["--db", str(db_path)]) == 0
    for widget in set(QApplication.topLevelWidgets()) - before:
        if isinstance(widget, MainWindow):
            qtbot.addWidget(widget)
    assert gc.isenabled()


def test_a_deferred_backup_is_made_before_the_first_write(db_path):
    _left_open(db_path)
    with Store.open(db_path, backup="later") as store:
        assert not _today_backups(db_path)
        store.set_setting("commune", {"name": "Bạch Đằng", "kind": "phuong", "province": "", "signers": []})
        backups = _today_backups(db_path)
        assert len(backups) == 1
        store.set_setting("commune", {"name": "Bạch Đằng 2", "kind": "phuong", "province": "", "signers": []})
        assert _today_backups(db_path) == backups  # once
    with Store.open(backups[0], backup=False) as copy:  # made before the write: the old commune
        assert copy.get_setting("commune")["name"] == "Lam Vỹ"


def test_after_first_paint_waits_for_the_window_to_be_exposed(qtbot, commune_store):
    window = MainWindow(commune_store)
    qtbot.addWidget(window)
    ran: list[bool] = []
    window.after_first_paint(lambda: ran.append(True))  # outside a start-up: at once
    assert ran == [True]
    window.begin_startup()
    window.after_first_paint(lambda: ran.append(window.windowHandle().isExposed()))
    assert ran == [True]
    with qtbot.waitSignal(window.startupFinished, timeout=5000):
        window.show_on_screen()
    assert ran == [True, True]
    window.after_first_paint(lambda: ran.append(False))  # the start-up is over: at once again
    assert ran == [True, True, False]


def _damage(db_path, table: str) -> str:
    """Scribble over the first page of ``table``'s b-tree (as a failing disk does); the file's digest after."""
    import hashlib
    import sqlite3

    conn = sqlite3.connect(db_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x0d\xff\xff\xff" * (page_size // 8))
    return hashlib.sha256(db_path.read_bytes()).hexdigest()


def _run_app(db_path, tmp_path) -> tuple[int, list[str]]:
    """The app started on ``db_path`` in a process of its own, with its real event loop: (exit code, messages)."""
    code = (
        "import sys\n"
        "from kehoach_desktop import app\n"
        "app._message_box = lambda title, text, critical=False: print('MESSAGE', text.replace(chr(10), ' '))\n"
        f"print('EXIT', app.main(['--db', {str(db_path)!r}]))\n")
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    return int(next(line.split()[1] for line in lines if line.startswith("EXIT"))), \
        [line.removeprefix("MESSAGE ") for line in lines if line.startswith("MESSAGE")]


@pytest.mark.parametrize("table", ["search_index_fts_data", "tasks"])
def test_a_damaged_file_gets_one_message_and_is_left_untouched_whether_start_up_read_the_page_or_not(
        db_path, tmp_path, table):
    """SQLite's check of every page waits until the window is on the screen (it reads the whole file); a
    damaged page is then refused with the restore advice, whether start-up read it (the reopened plan's
    tasks) or not (the search index): no backup of it, no write, exit code 1."""
    _left_open(db_path)
    digest = _damage(db_path, table)
    code, messages = _run_app(db_path, tmp_path)
    assert code == 1
    assert len(messages) == 1 and "bị hỏng" in messages[0] and "kehoach restore" in messages[0]
    assert sha256(db_path) == digest
    assert not _today_backups(db_path) and not Path(str(db_path) + "-wal").exists()


def test_a_write_to_a_file_opened_with_its_check_deferred_is_refused_when_it_is_damaged(db_path):
    _left_open(db_path)
    digest = _damage(db_path, "search_index_fts_data")
    store = Store.open(db_path, backup=False, check="later")
    try:
        with pytest.raises(StorageError, match="bị hỏng"):
            store.set_setting("language", "en")
    finally:
        store.close()
    assert sha256(db_path) == digest
