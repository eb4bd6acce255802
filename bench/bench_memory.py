"""Memory: the app with a 20,000-task plan open, against an empty PySide6 window, in the same run.

    .venv/bin/python bench/bench_memory.py [--tasks 20000] [--runs 3]

Each is a fresh Python process on Qt's offscreen platform (1366x768). The app goes
through its real entry point (``kehoach_desktop.app.main``) with the plan reopened
as the previous session left it; once its window is on the screen and the event loop
has been idle for a second, it prints its resident memory (VmRSS and the peak VmHWM
from /proc/self/status), then opens section II (the task tree of all the tasks and
the task form), waits again and prints them again, then unfolds the whole tree and
scrolls to its end (every row laid out) and prints them a third time. The empty window (a QApplication
and a shown QMainWindow) prints the same figures. Target (issue 13): the app with the
plan open, section II shown, under 250 MB (VmRSS; the peak is printed too).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TARGET_MB = 250
SCREEN = (1366, 768)


def memory() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def report(label: str) -> None:
    rss, peak = memory()
    print(f"{label} {rss:.1f} {peak:.1f}", flush=True)


def after_idle(callback, seconds: float = 1.0) -> None:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(int(seconds * 1000), callback)


def child_empty() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*SCREEN)
    window.showMaximized()

    def done() -> None:
        for stage in ("OPEN", "TASKS", "ALL"):
            report(stage)
        app.quit()

    after_idle(done)
    return app.exec()


def child_app(db: str, plan_id: int) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kehoach_desktop import app
    from kehoach_desktop.ui import mainwindow

    shown = mainwindow.MainWindow.show_on_screen

    def watched(self) -> None:
        shown(self)

        def expanded() -> None:
            report("ALL")
            QApplication.quit()

        def tasks_shown() -> None:
            report("TASKS")
            tree = self.editor.tasks.tree
            print(f"TREE {_rows(tree.model())}", flush=True)
            tree.expandAll()  # every task's row laid out, as a user unfolding the whole tree and scrolling
            tree.scrollToBottom()
            after_idle(expanded)

        def opened() -> None:
            report("OPEN")
            if self.editor is None:
                raise SystemExit("no plan open")
            self.editor.show_part("tasks")
            after_idle(tasks_shown)

        after_idle(opened)

    mainwindow.MainWindow.show_on_screen = watched  # type: ignore[method-assign]
    settings = QSettings("KeHoach", "KeHoach")
    settings.setValue(mainwindow.last_plan_key(Path(db)), plan_id)
    settings.sync()
    return app.main(["--db", db])


def _rows(model, parent=None) -> int:
    """The rows of a tree model, all levels."""
    from PySide6.QtCore import QModelIndex

    parent = parent if parent is not None else QModelIndex()
    count = model.rowCount(parent)
    return count + sum(_rows(model, model.index(row, 0, parent)) for row in range(count))


def run_child(cmd: list[str], env: dict[str, str]) -> dict[str, tuple[float, float]]:
    import subprocess

    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"{cmd[2:]} failed ({result.returncode}): {result.stderr[-800:]}")
    figures = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] in ("OPEN", "TASKS", "ALL"):
            figures[parts[0]] = (float(parts[1]), float(parts[2]))
        if parts and parts[0] == "TREE":
            figures["TREE"] = (float(parts[1]), 0.0)
    if not {"OPEN", "TASKS", "ALL"} <= set(figures):
        raise SystemExit(f"{cmd[2:]} printed no figures: {result.stdout[-400:]} {result.stderr[-800:]}")
    return figures


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child-empty":
        return child_empty()
    if len(sys.argv) > 1 and sys.argv[1] == "--child-app":
        return child_app(sys.argv[2], int(sys.argv[3]))
    import argparse
    import json
    import statistics
    import tempfile

    from _plans import big_plan

    from kehoach_desktop.services import Store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kehoach-bench-memory-"))
    screen = folder / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "Office", "x": 0, "y": 0, "width": SCREEN[0],
                                               "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), "utf-8")
    env = dict(os.environ, KEHOACH_DATA_DIR=str(folder), XDG_CONFIG_HOME=str(folder / "config"),
               QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
    os.environ.update(KEHOACH_DATA_DIR=str(folder))
    db = folder / "bench.sqlite"
    start = time.perf_counter()
    with Store.open(db) as store:
        store.set_setting("commune", {"name": "Lam Vỹ", "kind": "xa", "province": "Thái Nguyên", "signers": []})
        plan_id = store.import_plan(big_plan(args.tasks))
        count = store.plans.list()[0].tasks
    print(f"plan: {count} tasks (stored in {time.perf_counter() - start:.1f} s)")
    me = [sys.executable, str(Path(__file__).resolve())]
    empty_cmd, app_cmd = [*me, "--child-empty"], [*me, "--child-app", str(db), str(plan_id)]
    runs: dict[str, list[dict[str, tuple[float, float]]]] = {"empty": [], "app": []}
    for _ in range(args.runs):
        runs["empty"].append(run_child(empty_cmd, env))
        runs["app"].append(run_child(app_cmd, env))

    def med(who: str, stage: str, which: int) -> float:
        return statistics.median(r[stage][which] for r in runs[who])

    e_rss, e_peak = med("empty", "OPEN", 0), med("empty", "OPEN", 1)
    print(f"empty QMainWindow shown:                 RSS {e_rss:6.1f} MB, peak {e_peak:6.1f} MB")
    print(f"section II's tree holds {int(runs['app'][0]['TREE'][0])} rows")
    for stage, label in (("OPEN", "KeHoach, plan open:"), ("TASKS", "KeHoach, section II shown:"),
                         ("ALL", "KeHoach, whole tree unfolded:")):
        rss, peak = med("app", stage, 0), med("app", stage, 1)
        print(f"{label:40} RSS {rss:6.1f} MB, peak {peak:6.1f} MB  ({rss / e_rss:.1f}x the empty window's, "
              f"{rss - e_rss:+.1f} MB)")
    rss = max(med("app", stage, 0) for stage in ("TASKS", "ALL"))
    print(f"(medians of {args.runs} runs) target: under {TARGET_MB} MB with section II shown, unfolded or not: "
          f"{'met' if rss < TARGET_MB else 'MISSED'} ({rss:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
