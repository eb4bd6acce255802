"""Copying a task and closing the program exits cleanly (it used to crash on the way out)."""

import os
import subprocess
import sys
import textwrap

from tests.conftest import ROOT, fixture_path

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication
    from kehoach_desktop.domain.planjson import read_plan_file
    from kehoach_desktop.services import Store
    from kehoach_desktop.ui.mainwindow import MainWindow

    app = QApplication([])
    store = Store.open(sys.argv[1])
    store.set_setting("commune", {"name": "Lam Vỹ", "kind": "xa", "province": "Thái Nguyên", "signers": []})
    plan_id = store.import_plan(read_plan_file(sys.argv[2]))
    window = MainWindow(store)
    window.show()
    window.open_plan(plan_id)
    window.editor.show_part("tasks")
    page = window.editor.tasks
    page.select_key(page.session.section.tasks[0].key)
    page.copy()
    assert QApplication.clipboard().mimeData().text().startswith("1. ")
    print("copied", flush=True)
""")


def test_copy_a_task_then_quit_exits_cleanly(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "k.sqlite"),
                             str(fixture_path("ke-hoach-xa-lam-vy"))],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert result.stdout.strip() == "copied", result.stderr
    assert result.returncode == 0, f"exit code {result.returncode}: {result.stderr[-500:]}"
