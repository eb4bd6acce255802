"""Screenshots of each main screen at 1366x768 (the common office screen) into docs/screenshots/.

    Xvfb :9 -screen 0 1366x768x24 &
    DISPLAY=:9 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots.py [--out DIR]

On a real X server (Xvfb) the window opens as the app opens it — maximised on this
small screen — and each shot is the whole screen, dialogs and menus over the window;
then the same script runs again at 125 % (QT_SCALE_FACTOR=1.25, an effective
1093x614) for the shots named ``*-125.png``. Xvfb has no window manager to obey
"maximise", so the script gives the maximised window the screen itself. Without a
display it falls back to Qt's offscreen platform and grabs the widgets alone.

It works on a temporary database holding the sample "Kế hoạch xã Lam Vỹ" and a
plan from the built-in template. The font is Liberation Sans 9 pt, metrically
close to what Windows shows (Arial/Segoe UI 9 pt).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (1366, 768)
SCALED = "1.25"  # Windows' 125 % display setting


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--scaled", action="store_true", help=argparse.SUPPRESS)  # the 125 %% run
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kehoach-shots-"))
    os.environ["KEHOACH_DATA_DIR"] = str(folder)

    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSettings, Qt, QTimer
    from PySide6.QtGui import QFont, QGuiApplication, QImage, QPixmap
    from PySide6.QtWidgets import QApplication, QWidget

    from kehoach_desktop.app import create_application
    from kehoach_desktop.domain.planjson import read_plan_file
    from kehoach_desktop.services import Store
    from kehoach_desktop.ui.dialogs import CommuneDialog, UnitsDialog
    from kehoach_desktop.ui.i18n import install_translators
    from kehoach_desktop.ui.mainwindow import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = create_application()
    QCoreApplication.setOrganizationName("KeHoachScreenshots")
    install_translators(app, "vi")
    app.setFont(QFont("Liberation Sans", 9))
    real_screen = QGuiApplication.platformName() == "xcb"

    def settle(ms: int = 250) -> None:
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < ms:
            app.processEvents()

    def save(widget: QWidget, name: str, whole_screen: bool = True) -> None:
        settle()
        pixmap: QPixmap = widget.screen().grabWindow(0) if real_screen and whole_screen else widget.grab()
        # 256 colours without dithering: a quarter of the size, no visible loss on a UI
        image = pixmap.toImage().convertToFormat(
            QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.AvoidDither | Qt.ImageConversionFlag.ThresholdDither)
        image.save(str(out / name), "PNG", 9)
        print(out / name)

    def show_main(window: MainWindow) -> None:
        if not real_screen:
            window.resize(*SIZE)
            window.show()
            return
        window.show_on_screen()
        if window.isMaximized():  # no window manager in Xvfb: maximised means the whole screen
            window.setGeometry(window.screen().availableGeometry())
        settle()

    store = Store.open(folder / "kehoach.sqlite")
    plan_id = store.import_plan(read_plan_file(ROOT / "tests" / "fixtures" / "ke-hoach-xa-lam-vy.json"))
    if args.scaled:
        return scaled_shots(store, plan_id, show_main, save)

    first = CommuneDialog(store)
    first.form.name.setText("Lam Vỹ")
    first.form.province.setText("Thái Nguyên")
    first.form.signers.setPlainText("Ma Văn Quyết\nNguyễn Thị Hoa")
    first.show()
    save(first, "01-first-run.png", whole_screen=False)  # before the window: the dialog alone
    first.accept()

    window = MainWindow(store)
    show_main(window)
    store.plans.delete(plan_id)  # the empty list first
    window.show_list()
    save(window, "02-plans-empty.png")
    store.plans.restore(plan_id)
    window.new_from_template()
    window.show_list()
    save(window, "03-plans-list.png")

    window.open_plan(plan_id)
    editor = window.editor
    assert editor is not None
    editor.show_part("general")
    save(window, "04-general-information.png")
    editor.show_part("tasks")
    tasks = editor.tasks
    third = tasks.session.section.tasks[2].key
    tasks.select_key(third)
    tasks.session.set_task_fields(third, product="Báo cáo kết quả lồng ghép")  # an edit: "Đã lưu lúc …" below
    save(window, "05-tasks.png")
    tasks.search.setText("van phong hdnd")
    save(window, "06-tasks-search.png")
    tasks.search.clear()
    editor.show_part(f"section:{editor.text_pages[0].index}")
    save(window, "07-text-section.png")
    editor.show_part("closing")
    save(window, "08-closing-signature.png")
    if editor.dashboard is not None:
        editor.nav.setCurrentRow(editor.nav.count() - 1)
        save(window, "09-progress.png")

    units = UnitsDialog(store, window)
    units.resize(900, 600)
    units.show()
    save(units, "10-units-catalog.png")
    units.close()

    def grab_menu() -> None:
        menu = window.menuBar().actions()[0].menu()
        save(menu, "11-file-menu.png")
        menu.close()

    editor.show_part("tasks")
    QTimer.singleShot(50, grab_menu)
    window.menuBar().actions()[0].menu().popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()))
    app.processEvents()
    QTimer.singleShot(400, app.quit)
    app.exec()

    upper_shots(store, window, folder, save)

    install_translators(app, "en")
    window.close()
    english = on_task(store, plan_id, 1, show_main)
    save(english, "12-tasks-english.png")
    english.close()
    install_translators(app, "vi")
    window = on_task(store, plan_id, 2, show_main)
    window.act_preview_pane.trigger()  # F8: the printed pages beside the form
    settle(800)
    save(window, "13-tasks-page-preview.png")
    window.act_preview_pane.trigger()
    for widget in QApplication.topLevelWidgets():
        widget.close()
    store.close()
    if real_screen:  # the same screen at 125 %, in a process of its own (the factor is read at start)
        subprocess.run([sys.executable, __file__, "--scaled", "--out", str(out)], check=True,
                       env=dict(os.environ, QT_SCALE_FACTOR=SCALED))
    return 0


def upper_shots(store, window, folder: Path, save) -> None:
    """Plans from the level above and across plans: the derive preview (the Bắc Ninh plan of
    tests/upperplans.py as its Word file), Việc của đơn vị, the search across plans, and the province's
    roll-up of two communes' sheets (made as tests/test_full_loop.py makes them)."""
    from kehoach_desktop.importers import import_file
    from kehoach_desktop.ui.across import open_search_all, open_unit_tasks
    from kehoach_desktop.ui.derive import DeriveDialog, _proposal_from
    from kehoach_desktop.ui.rollup import RollupDialog
    from tests.realplans import build_docx
    from tests.test_full_loop import SIX, commune_round, upper_document
    from tests.upperplans import LABELLED

    catalog = store.units.catalog()
    upper = import_file(build_docx(LABELLED, folder / "186-KH-UBND.docx"), catalog).plan
    proposal = _proposal_from(upper, window.commune(), catalog)
    dialog = DeriveDialog(proposal, [u.name for u in catalog.units], window)
    dialog.show()
    save(dialog, "17-derive-preview.png")
    dialog.close()
    store.import_plan(proposal.plan())

    units = open_unit_tasks(window)
    wanted = [i for i in range(units.units.count()) if units.units.item(i).text().startswith("Phòng Văn hóa")]
    if wanted:
        units.units.setCurrentRow(wanted[0])
    save(units, "18-unit-tasks.png")
    units.close()
    search = open_search_all(window)
    search.query.setText("chuyen doi so")
    save(search, "19-search-all.png")
    search.close()

    rounds = folder / "rollup"
    rounds.mkdir()
    document = upper_document(rounds)
    sheets = [commune_round(rounds / "lam-vy", "Lam Vỹ", document),
              commune_round(rounds / "binh-giang", "Bình Giang", document)]
    upper_id = store.import_plan(import_file(document, catalog).plan)
    rollup = RollupDialog(store, store.plans.list(), upper_id, window)
    rollup.period.kind.setCurrentIndex(rollup.period.kind.findData(SIX.kind))
    rollup.period.year.setValue(SIX.year)
    rollup.set_files(sheets)
    rollup.show()
    save(rollup, "20-rollup.png")
    rollup.close()


def on_task(store, plan_id: int, row: int, show_main):
    """A new window on the plan, showing section II with its task ``row`` in the form."""
    from kehoach_desktop.ui.mainwindow import MainWindow

    window = MainWindow(store)
    show_main(window)
    window.open_plan(plan_id)
    assert window.editor is not None
    window.editor.show_part("tasks")
    window.editor.tasks.select_key(window.editor.tasks.session.section.tasks[row].key)
    return window


def scaled_shots(store, plan_id: int, show_main, save) -> int:
    """The tasks, the general information and the dashboard at 125 % (an effective 1093x614)."""
    window = on_task(store, plan_id, 2, show_main)
    save(window, "15-tasks-125.png")
    editor = window.editor
    editor.show_part("general")
    save(window, "14-general-information-125.png")
    editor.nav.setCurrentRow(editor.nav.count() - 1)
    save(window, "16-progress-125.png")
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
