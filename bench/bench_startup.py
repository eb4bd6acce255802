"""Start-up: process start -> main window shown with a 200-task plan open, vs an empty PySide6 QMainWindow.

    .venv/bin/python bench/bench_startup.py [--runs 5] [--tasks 200]

Both are timed the same way in the same run, in back-to-back pairs: wall time
from starting a fresh Python process to the moment its window has been shown and
the event loop has drawn it (the child prints the clock then, and quits; the time
it takes to exit is printed apart). The app goes through its real entry point
(``kehoach_desktop.app.main``): open the database (with the daily backup), build
the window, reopen the last plan. Bytecode is cached as in any installed copy.
Target: ratio at most 2x.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def child_empty() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(0, _shown_then_quit)
    return app.exec()


_created_enums: list[str] = []


def count_enums() -> None:
    """Record each Python enum PySide builds (the check run only: it slows what it watches)."""
    import enum

    create = enum.EnumType._create_

    def recording(cls, class_name, *args, **kwargs):
        _created_enums.append(class_name)
        return create(cls, class_name, *args, **kwargs)

    enum.EnumType._create_ = recording  # type: ignore[method-assign]


def _shown_then_quit() -> None:
    from PySide6.QtWidgets import QApplication

    print(f"SHOWN {time.time()!r}", flush=True)
    if os.environ.get("BENCH_COUNT_ENUMS"):
        # GlobalColor is one of the ~90 enums of the Qt namespace, which are built all at once
        print(f"ENUMS {len(_created_enums)} {'GlobalColor' in _created_enums}", flush=True)
    QApplication.quit()


def child_app(db: str, plan_id: int) -> int:
    from PySide6.QtCore import QSettings, QTimer

    from kehoach_desktop import app
    from kehoach_desktop.ui import mainwindow

    opened = mainwindow.MainWindow.open_plan

    def open_then_quit(self, pid: int) -> bool:  # quit once the window with its plan has been drawn
        result = opened(self, pid)
        QTimer.singleShot(0, _shown_then_quit)
        return result

    mainwindow.MainWindow.open_plan = open_then_quit  # type: ignore[method-assign]
    # what the previous session left: reopen this plan (as a user who closed the app on it)
    QSettings("KeHoach", "KeHoach").setValue(mainwindow.last_plan_key(Path(db)), plan_id)
    return app.main(["--db", db])


def prepare(folder: Path, tasks: int) -> tuple[Path, int]:
    from _plans import big_plan

    from kehoach_desktop.services import Store

    db = folder / "bench.sqlite"
    with Store.open(db) as store:
        store.set_setting("commune", {"name": "Lam Vỹ", "kind": "xa", "province": "Thái Nguyên", "signers": []})
        plan_id = store.import_plan(big_plan(tasks))
        count = store.plans.list()[0].tasks
    print(f"plan: {count} tasks")
    return db, plan_id


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(process start -> window shown, shown -> process exited) in seconds."""
    started = time.time()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    ended = time.time()
    if result.returncode != 0:
        raise SystemExit(f"{cmd[2:]} failed ({result.returncode}): {result.stderr[-800:]}")
    shown = float(next(line.split()[1] for line in result.stdout.splitlines() if line.startswith("SHOWN")))
    return shown - started, ended - shown


def enums_built(cmd: list[str], env: dict[str, str]) -> tuple[int, bool]:
    """How many enums one more run builds before its window is shown, and whether Qt's namespace is one."""
    result = subprocess.run(cmd, env=dict(env, BENCH_COUNT_ENUMS="1"), capture_output=True, text=True, check=True)
    _, count, qt = next(line.split() for line in result.stdout.splitlines() if line.startswith("ENUMS"))
    return int(count), qt == "True"


def main() -> int:
    if os.environ.get("BENCH_COUNT_ENUMS"):
        count_enums()
    if len(sys.argv) > 1 and sys.argv[1] == "--child-empty":
        return child_empty()
    if len(sys.argv) > 1 and sys.argv[1] == "--child-app":
        return child_app(sys.argv[2], int(sys.argv[3]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tasks", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kehoach-bench-"))
    env = dict(os.environ, KEHOACH_DATA_DIR=str(folder), XDG_CONFIG_HOME=str(folder / "config"),
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPYCACHEPREFIX=str(folder / "pycache"))  # bytecode cached as in any installed copy
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.update(KEHOACH_DATA_DIR=str(folder))
    db, plan_id = prepare(folder, args.tasks)
    me = [sys.executable, str(Path(__file__).resolve())]
    empty_cmd = [*me, "--child-empty"]
    app_cmd = [*me, "--child-app", str(db), str(plan_id)]
    timed(empty_cmd, env)  # warm the file cache for both
    timed(app_cmd, env)
    empty, app, exits = [], [], []
    for run in range(args.runs):  # in pairs, the order swapped every other pair so drift hits both alike
        for cmd in ([empty_cmd, app_cmd] if run % 2 == 0 else [app_cmd, empty_cmd]):
            shown, gone = timed(cmd, env)
            if cmd is empty_cmd:
                empty.append(shown)
            else:
                app.append(shown)
                exits.append(gone)
    e, a = statistics.median(empty), statistics.median(app)
    paired = statistics.median(x / y for x, y in zip(app, empty, strict=True))

    def runs(values: list[float]) -> str:
        return ", ".join(f"{t * 1000:.0f}" for t in values)

    print(f"empty QMainWindow shown:             median {e * 1000:6.0f} ms  (runs: {runs(empty)})")
    print(f"KeHoach, {args.tasks}-task plan open, shown:  median {a * 1000:6.0f} ms  (runs: {runs(app)})")
    print(f"ratio of medians: {a / e:.2f}x (target <= 2x)")
    print(f"median of the ratios of each pair run back to back: {paired:.2f}x (steadier when the machine's speed drifts)")
    print(f"ratio of best runs: {min(app) / min(empty):.2f}x (the machine's noise removed as far as it can be)")
    print(f"(KeHoach quitting afterwards took a median {statistics.median(exits) * 1000:.0f} ms more)")
    counts = [enums_built(cmd, env) for cmd in (empty_cmd, app_cmd)]
    print(f"Python enums PySide built before the window appeared: empty {counts[0][0]}, KeHoach {counts[1][0]}; "
          f"the Qt namespace's ~90 among them: {'YES (about 30 ms: see ui/taskmodel.py)' if counts[1][1] else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
