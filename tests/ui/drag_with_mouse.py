"""Run by tests/ui/test_drag_mouse.py in its own process: real mouse drags in the task tree.

``python tests/ui/drag_with_mouse.py DB PLAN_ID`` opens the plan in the main window,
drags with mouse events (press, moves, release inside Qt's own drag loop) and prints,
after each step, the stored titles of section II as JSON lines. It needs a Qt platform
that runs drags (``QT_QPA_PLATFORM=minimal``; ``offscreen`` ends every drag at once).
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kehoach_desktop.app import create_application
from kehoach_desktop.services import Store
from kehoach_desktop.ui.mainwindow import MainWindow

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def drag(tree, start: QPoint, end: QPoint) -> None:
    viewport = tree.viewport()

    def inside_the_drag_loop() -> None:
        for fraction in (0.3, 0.6, 1.0):
            QTest.mouseMove(viewport, start + (end - start) * fraction)
            QApplication.processEvents()
        QTest.mouseRelease(viewport, LEFT, NONE, end)

    QTest.mousePress(viewport, LEFT, NONE, start)
    QTimer.singleShot(50, inside_the_drag_loop)
    step = QApplication.startDragDistance() + 2
    QTest.mouseMove(viewport, start + QPoint(0, step // 2))
    QTest.mouseMove(viewport, start + QPoint(0, step))  # the drag starts here and returns when it is dropped


def main(db: str, plan_id: int) -> int:
    create_application()
    store = Store.open(db)
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    window.open_plan(plan_id)
    window.editor.show_part("tasks")
    QApplication.processEvents()
    page = window.editor.tasks

    def rect(position: int):
        key = page.session.section.tasks[position].key
        return page.tree.visualRect(page.proxy.mapFromSource(page.session.model.index_of(key)))

    def report(step: str) -> None:
        tasks = store.plans.load(plan_id).sections[1].tasks
        print(json.dumps({"step": step, "tasks": [[t.number, t.title, [c.title for c in t.children]] for t in tasks]},
                         ensure_ascii=False), flush=True)

    drag(page.tree, rect(2).center(), rect(0).center())  # task 3 dropped onto task 1
    report("onto")
    window.act_undo.trigger()
    report("undone")
    QTest.qWait(QApplication.doubleClickInterval() + 100)  # a new press, not the second click of a double click
    drag(page.tree, rect(2).center(), QPoint(rect(0).center().x(), rect(0).top() + 1))  # onto task 1's top edge
    report("above")
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
