"""``kehoach-desktop [--db PATH]``: the desktop application.

Known errors (a locked, read-only, corrupt or newer database…) are shown as one
Vietnamese message; anything else is a bug: its traceback goes to the log file
and the user gets a short message saying where.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from . import __version__
from .errors import KnownError
from .logsetup import log_bug
from .services import Store  # (before PySide: see below)

# The store and the plan model, and json, sqlite3 and datetime under them, are imported with this module,
# before Qt: PySide reads the source of every module imported after it (to see whether it uses PySide's
# optional "features"), some 2 ms of every start for these.


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    args = list(sys.argv[1:] if argv is None else argv)
    # How the app is started (the shortcut: nothing; a portable copy: --db PATH) needs no parser: building
    # argparse's looks up its translations with gettext, importing locale (1.5 ms before the window)
    if not args or (len(args) == 2 and args[0] == "--db" and not args[1].startswith("-")):
        return argparse.Namespace(db=args[1] if args else None)
    parser = argparse.ArgumentParser(prog="kehoach-desktop",
                                     description="KeHoach Desktop: lập và theo dõi Kế hoạch của UBND xã/phường.")
    parser.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    parser.add_argument("--version", action="version", version=f"KeHoach Desktop {__version__}")
    return parser.parse_args(argv)


def _message_box(title: str, text: str, critical: bool = False) -> None:
    from PySide6.QtWidgets import QMessageBox

    (QMessageBox.critical if critical else QMessageBox.warning)(None, title, text)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Errors escaping a slot: a message, never a crash; bugs are logged with their traceback."""
    from PySide6.QtCore import QCoreApplication

    if isinstance(exc, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if isinstance(exc, KnownError):
        _message_box(QCoreApplication.translate("App", "Không thực hiện được"), exc.message)
        return
    path = log_bug(exc.with_traceback(tb))
    _message_box(QCoreApplication.translate("App", "Lỗi không mong muốn"),
                 QCoreApplication.translate("App", "Đã xảy ra lỗi không mong muốn. Công việc đã được lưu đến thao tác trước đó.\n"
                           "Chi tiết đã ghi vào %1").replace("%1", str(path)), critical=True)


def create_application(argv: Sequence[str] | None = None):
    """The QApplication with names, translations and HiDPI settings (shared by tests and benches)."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .paths import data_dir, is_portable
    from .ui.i18n import install_translators

    app = QApplication.instance()
    if app is None:  # HiDPI: Qt 6 scales by each screen's exact factor (PassThrough) without being asked
        app = QApplication(list(argv or sys.argv[:1]))
    QCoreApplication.setOrganizationName("KeHoach")
    QCoreApplication.setApplicationName("KeHoach")
    QCoreApplication.setApplicationVersion(__version__)
    if is_portable():
        # On a USB stick the window layout and language go beside the data, not into the
        # registry of whichever PC the stick is plugged into.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir()))
    icon = Path(__file__).resolve().parent.parent / "resources" / "icons" / "kehoach.png"  # source and bundle
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    install_translators(app)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    # Python's cycle collector waits until the window is on the screen: start-up makes many objects and
    # few cycles, and collecting them as they are made took 4 ms of each start (0.5 s at most, see
    # MainWindow.after_first_paint; and again whenever main returns).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(args, collecting)
    finally:
        if collecting:
            gc.enable()


def _main(args: argparse.Namespace, collecting: bool) -> int:
    try:
        app = create_application()
    except Exception as exc:  # no display, missing Qt libraries
        path = log_bug(exc)
        print(f"Lỗi: không khởi động được giao diện ({type(exc).__name__}). Chi tiết trong {path}.", file=sys.stderr)
        return 3
    from PySide6.QtCore import QCoreApplication

    from .ui.i18n import install_translators
    from .ui.mainwindow import MainWindow

    sys.excepthook = _excepthook
    try:
        # the daily backup and SQLite's check of every page are made once the window is on the screen,
        # and before the first write in any case
        store = Store.open(args.db, backup="later", check="later")
    except KnownError as exc:
        _message_box(QCoreApplication.translate("App", "Không mở được cơ sở dữ liệu"), exc.message)
        return 1
    except Exception as exc:
        path = log_bug(exc)
        _message_box(QCoreApplication.translate("App", "Lỗi không mong muốn"),
                     QCoreApplication.translate("App", "Không mở được cơ sở dữ liệu do một lỗi không mong muốn.\nChi tiết đã ghi vào %1")
                     .replace("%1", str(path)), critical=True)
        return 3

    windows: list[MainWindow] = []

    def damaged(message: str) -> int:
        """The file turned out damaged: one message, nothing written (no backup of it either)."""
        for window in windows:
            window.end_startup()
            window.hide()
        _message_box(QCoreApplication.translate("App", "Không mở được cơ sở dữ liệu"), message)
        return 1

    def check_database() -> None:
        try:
            store.database.check_integrity()
        except KnownError as exc:
            app.exit(damaged(exc.message))

    def show_window(reopen: int | None = None) -> MainWindow:
        window = MainWindow(store)
        window.begin_startup()
        window.after_first_paint(check_database)  # first: nothing else runs on a damaged file
        if collecting:
            window.after_first_paint(gc.enable)
        window.after_first_paint(store.daily_backup)
        window.languageChanged.connect(lambda language: relaunch(window, language))
        windows.append(window)
        plan_id = reopen if reopen is not None else window.last_plan_id()
        if plan_id is not None and store.plans.exists(plan_id):
            window.open_plan(plan_id)  # before showing: the window appears with its plan, not the list first
        window.show_on_screen()  # maximised on a small screen
        window.first_run()
        return window

    def relaunch(old: MainWindow, language: str) -> None:
        plan_id = old.session.plan_id if old.session else None
        old.end_startup()
        old.close()
        install_translators(app, language)
        windows.remove(old)
        old.deleteLater()
        show_window(plan_id)

    try:
        with store.reading():  # a damaged page met before the check: the check's message
            show_window()
    except KnownError as exc:
        code = damaged(exc.message)
        store.close()
        return code
    try:
        return app.exec()
    finally:
        for window in windows:
            window.end_startup()
        store.close()


if __name__ == "__main__":
    sys.exit(main())
