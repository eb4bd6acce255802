"""Screenshots of each main screen at 1366x768 (the common office screen) into docs/screenshots/.

    .venv/bin/python scripts/screenshots.py [--out DIR]

Runs headless (QT_QPA_PLATFORM=offscreen) on a temporary database holding the
sample "Kế hoạch xã Lam Vỹ" and a plan from the built-in template. The font is
Liberation Sans 9 pt, metrically close to what Windows shows (Arial/Segoe UI 9 pt).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (1366, 768)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kehoach-shots-"))
    os.environ["KEHOACH_DATA_DIR"] = str(folder)

    from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
    from PySide6.QtGui import QFont, QImage
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

    def save(widget: QWidget, name: str) -> None:
        app.processEvents()
        image = widget.grab().toImage()
        # 256 colours without dithering: a quarter of the size, no visible loss on a UI
        image = image.convertToFormat(QImage.Format.Format_Indexed8,
                                      Qt.ImageConversionFlag.AvoidDither | Qt.ImageConversionFlag.ThresholdDither)
        image.save(str(out / name), "PNG", 9)
        print(out / name)

    store = Store.open(folder / "kehoach.sqlite")
    first = CommuneDialog(store)
    first.form.name.setText("Lam Vỹ")
    first.form.province.setText("Thái Nguyên")
    first.form.signers.setPlainText("Ma Văn Quyết\nNguyễn Thị Hoa")
    first.show()
    save(first, "01-first-run.png")
    first.accept()

    window = MainWindow(store)
    window.resize(*SIZE)
    window.show()
    save(window, "02-plans-empty.png")
    plan_id = store.import_plan(read_plan_file(ROOT / "tests" / "fixtures" / "ke-hoach-xa-lam-vy.json"))
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
    tasks.select_key(tasks.session.section.tasks[2].key)
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

    QTimer.singleShot(50, grab_menu)
    window.menuBar().actions()[0].menu().popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()))
    app.processEvents()
    QTimer.singleShot(200, app.quit)
    app.exec()

    install_translators(app, "en")
    english = MainWindow(store)
    english.resize(*SIZE)
    english.show()
    english.open_plan(plan_id)
    assert english.editor is not None
    english.editor.show_part("tasks")
    english.editor.tasks.select_key(english.editor.tasks.session.section.tasks[1].key)
    save(english, "12-tasks-english.png")
    install_translators(app, "vi")
    for widget in QApplication.topLevelWidgets():
        widget.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
