"""Start-up: process start -> main window on the screen with a 200-task plan open, vs an empty PySide6 QMainWindow.

    .venv/bin/python bench/bench_startup.py [--runs 5] [--tasks 200] [--screen offscreen|xvfb|both] [--instructions]

Both are timed the same way in the same run, in back-to-back pairs (the order
swapped every other pair): wall time from starting a fresh Python process to
the moment its window is on the screen with its content, that is, the window
system has exposed it (under X: mapped it) and Qt has painted and flushed it.
Each child polls its window between turns of the event loop and prints the
clock at the first turn that finds it exposed (Qt paints while delivering that
expose), then quits; the time it takes to exit is printed apart.

Two screens, both 1366x768 (the office screen, where the app opens maximised):
Qt's offscreen platform (a config file gives it that screen) and a real X
server (a private Xvfb, ``QT_QPA_PLATFORM=xcb``). Both windows are shown the
same way and at the same size (printed; a warning if they differ): both restore
the geometry the previous session saved (the whole screen) and are shown
maximised (Xvfb has no window manager: there a window keeps its restored size).
What the previous session left (that plan open, that geometry) is written
before the runs, by neither timed process.

The app goes through its real entry point (``kehoach_desktop.app.main``): open
the database, build the window, reopen the last plan, show it. What the first
paint does not need runs after it (the daily backup, made before any write in
any case; the cycle collector switched back on; the plan remembered in the
settings): the time until that is done is printed too ("ready"). Both children
are started as ``python -c "import bench_startup; …"``, so that their code is
read from cached bytecode as in any installed copy (``PYTHONPYCACHEPREFIX``).
``--instructions`` also counts the CPU instructions of one run of each to the
window on the screen (valgrind): a figure without the machine's noise.
Target: ratio at most 1.3x on both screens.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SCREEN = (1366, 768)
TARGET = 1.3


def _watch(window) -> None:
    """Print SHOWN (clock, size) once ``window`` is on the screen with its content painted, then quit.

    A timer polls the window between two turns of the event loop: Qt marks a window exposed when
    the window system's first expose reaches it (under X: once it is mapped) and paints and flushes
    the widgets while delivering that event, so the first turn that finds the window exposed comes
    right after its first paint. No Python event filter: it would make PySide build the Python
    types of Qt's events (about 2 ms) in the empty window, which never needs them.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            return
        timer.stop()
        size = window.size()
        print(f"SHOWN {time.time()!r} {size.width()}x{size.height()}", flush=True)
        if os.environ.get("BENCH_COUNT_ENUMS"):
            print(f"ENUMS {len(_created_enums)} {'GlobalColor' in _created_enums} {' '.join(_created_enums)}",
                  flush=True)
        if os.environ.get("BENCH_EXIT_AT_SHOWN"):  # counting instructions: stop the count here
            os._exit(0)
        if not os.environ.get("BENCH_WAIT_READY"):
            QTimer.singleShot(0, QApplication.quit)

    timer = QTimer(window)
    timer.timeout.connect(poll)
    timer.start(0)


def child_empty(geometry: str) -> int:
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*SCREEN)
    window.restoreGeometry(QByteArray.fromHex(geometry.encode()))  # as the app restores its own
    _watch(window)
    window.showMaximized()  # as the app on this screen
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


def child_app(db: str) -> int:
    from kehoach_desktop import app

    create = app.create_application

    def creating(argv=None):  # main imports the window right after: watch it (imported no earlier)
        application = create(argv)
        from kehoach_desktop.ui import mainwindow

        shown = mainwindow.MainWindow.show_on_screen

        def watched(self) -> None:
            _watch(self)
            if os.environ.get("BENCH_WAIT_READY"):
                self.startupFinished.connect(_ready_then_quit)
            shown(self)

        mainwindow.MainWindow.show_on_screen = watched  # type: ignore[method-assign]
        return application

    app.create_application = creating  # type: ignore[assignment]
    return app.main(["--db", db])


def _ready_then_quit() -> None:
    from PySide6.QtWidgets import QApplication

    print(f"READY {time.time()!r}", flush=True)
    QApplication.quit()


def child_setup(db: str, plan_id: int) -> int:
    """What the previous session left: this plan open, the window covering the 1366x768 screen.

    Written before the runs, not by the timed processes. Prints the saved geometry, which the empty
    window restores too (Qt sizes a window restored under X as if it had a window manager's frame).
    """
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMainWindow

    from kehoach_desktop.ui import mainwindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setGeometry(0, 0, *SCREEN)
    geometry = window.saveGeometry()
    settings = QSettings("KeHoach", "KeHoach")
    settings.setValue(mainwindow.last_plan_key(Path(db)), plan_id)
    settings.setValue("window/geometry", geometry)
    settings.sync()
    print(bytes(geometry.toHex()).decode())
    del app
    return 0


def child(args: list[str]) -> int:
    """A timed process, run as ``python -c "import bench_startup; …"`` so that its bytecode is cached too."""
    if os.environ.get("BENCH_COUNT_ENUMS"):
        count_enums()
    if args[0] == "--child-empty":
        return child_empty(args[1])
    if args[0] == "--child-app":
        return child_app(args[1])
    return child_setup(args[1], int(args[2]))


def prepare(folder: Path, tasks: int) -> tuple[Path, int]:  # this and what follows: the parent only
    from _plans import big_plan

    from kehoach_desktop.services import Store

    db = folder / "bench.sqlite"
    with Store.open(db) as store:
        store.set_setting("commune", {"name": "Lam Vỹ", "kind": "xa", "province": "Thái Nguyên", "signers": []})
        plan_id = store.import_plan(big_plan(tasks))
        count = store.plans.list()[0].tasks
    print(f"plan: {count} tasks")
    return db, plan_id


def run_child(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str, float | None]:
    """(process start -> window on the screen, -> process exited, window size, -> ready or None) in seconds."""
    import subprocess

    started = time.time()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    ended = time.time()
    if result.returncode != 0:
        raise SystemExit(f"{cmd[3:]} failed ({result.returncode}): {result.stderr[-800:]}")
    lines = result.stdout.splitlines()
    try:
        _, clock, size = next(line.split() for line in lines if line.startswith("SHOWN"))
    except StopIteration:
        raise SystemExit(f"{cmd[3:]} never showed its window: {result.stdout[-400:]} {result.stderr[-800:]}") from None
    ready = next((float(line.split()[1]) - started for line in lines if line.startswith("READY")), None)
    return float(clock) - started, ended - float(clock), size, ready


def enums_built(cmd: list[str], env: dict[str, str]) -> tuple[list[str], bool]:
    """The enums one more run builds before its window is shown, and whether Qt's namespace is among them."""
    import subprocess

    result = subprocess.run(cmd, env=dict(env, BENCH_COUNT_ENUMS="1"), capture_output=True, text=True, check=True)
    _, _count, qt, *names = next(line.split() for line in result.stdout.splitlines() if line.startswith("ENUMS"))
    return names, qt == "True"


def instructions(cmd: list[str], env: dict[str, str]) -> int | None:
    """CPU instructions from process start to the window on the screen (valgrind), or None without valgrind.

    A count, not a time: other jobs on the machine and its drifting speed change nothing in it.
    """
    import shutil
    import subprocess
    import tempfile

    if shutil.which("valgrind") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
                                env=dict(env, BENCH_EXIT_AT_SHOWN="1"), capture_output=True, text=True, timeout=600)
        totals = [line for line in result.stderr.splitlines() if "Collected :" in line]
    return int(totals[-1].split(":")[-1]) if totals else None


class Xvfb:
    """A private X server with one 1366x768 screen, for as long as the ``with`` lasts."""

    def __enter__(self) -> str:
        import shutil
        import subprocess

        if shutil.which("Xvfb") is None:
            raise SystemExit("Xvfb is not installed (apt-get install xvfb)")
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()  # written once the server accepts clients
        if not number:
            self.process.kill()
            raise SystemExit("Xvfb did not start")
        return f":{number}"

    def __exit__(self, *_exc: object) -> None:
        self.process.terminate()
        self.process.wait(10)


def measure(name: str, env: dict[str, str], empty_cmd: list[str], app_cmd: list[str], runs: int,
            count: bool = False) -> float:
    """The paired runs on one screen; prints them and returns the median of the pairs' ratios."""
    import statistics

    run_child(empty_cmd, env)  # warm the file cache for both
    run_child(app_cmd, env)
    empty, app, exits, sizes = [], [], [], set()
    for run in range(runs):  # in pairs, the order swapped every other pair so drift hits both alike
        for cmd in ([empty_cmd, app_cmd] if run % 2 == 0 else [app_cmd, empty_cmd]):
            shown, gone, size, _ = run_child(cmd, env)
            sizes.add(("empty" if cmd is empty_cmd else "KeHoach", size))
            if cmd is empty_cmd:
                empty.append(shown)
            else:
                app.append(shown)
                exits.append(gone)
    ready = [run_child(app_cmd, dict(env, BENCH_WAIT_READY="1"))[3] for _ in range(max(3, runs // 3))]
    e, a = statistics.median(empty), statistics.median(app)
    paired = statistics.median(x / y for x, y in zip(app, empty, strict=True))

    def times(values: list[float]) -> str:
        return ", ".join(f"{t * 1000:.0f}" for t in values)

    print(f"--- {name}: windows {', '.join(f'{who} {size}' for who, size in sorted(sizes))}")
    if len({size for _, size in sizes}) != 1:
        print("    WARNING: the two windows were not shown at the same size")
    print(f"empty QMainWindow on the screen:     median {e * 1000:6.0f} ms  (runs: {times(empty)})")
    print(f"KeHoach, plan open, on the screen:   median {a * 1000:6.0f} ms  (runs: {times(app)})")
    print(f"KeHoach ready (deferred work done):  median {statistics.median(ready) * 1000:6.0f} ms  "
          f"(runs: {times([r for r in ready if r is not None])})")
    print(f"ratio of medians: {a / e:.2f}x (target <= {TARGET}x)")
    print(f"median of the ratios of each pair run back to back: {paired:.2f}x (steadier when the machine's speed drifts)")
    print(f"ratio of best runs: {min(app) / min(empty):.2f}x (the machine's noise removed as far as it can be)")
    print(f"(KeHoach quitting afterwards took a median {statistics.median(exits) * 1000:.0f} ms more)")
    (empty_enums, _), (app_enums, qt) = (enums_built(cmd, env) for cmd in (empty_cmd, app_cmd))
    print(f"Python enums PySide built before the window appeared: empty {len(empty_enums)}, KeHoach {len(app_enums)}; "
          f"the Qt namespace's ~90 among them: {'YES (about 30 ms: see ui/taskmodel.py)' if qt else 'no'}")
    if count:
        ir = [instructions(cmd, env) for cmd in (empty_cmd, app_cmd)]
        if ir[0] and ir[1]:
            print(f"instructions to the window on the screen: empty {ir[0] / 1e6:.0f} M, KeHoach {ir[1] / 1e6:.0f} M, "
                  f"ratio {ir[1] / ir[0]:.2f}x (valgrind; no noise, but blind to waiting on the disk or the X server)")
        else:
            print("instructions: valgrind is not installed (apt-get install valgrind)")
    return paired


def main() -> int:
    # the children import no more than they need: these are the parent's
    import argparse
    import json
    import subprocess
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--screen", choices=("offscreen", "xvfb", "both"), default="both")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the CPU instructions of one run of each under valgrind (about a minute)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kehoach-bench-"))
    screen = folder / "screen.json"  # Qt's offscreen platform with the 1366x768 screen
    screen.write_text(json.dumps({"screens": [{"name": "Office", "x": 0, "y": 0, "width": SCREEN[0],
                                               "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), "utf-8")
    env = dict(os.environ, KEHOACH_DATA_DIR=str(folder), XDG_CONFIG_HOME=str(folder / "config"),
               QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
               PYTHONPYCACHEPREFIX=str(folder / "pycache"))  # bytecode cached as in any installed copy
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.update(KEHOACH_DATA_DIR=str(folder))
    db, plan_id = prepare(folder, args.tasks)
    me = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(Path(__file__).resolve().parent)!r}); "
                                "import bench_startup; sys.exit(bench_startup.child(sys.argv[1:]))"]

    def commands(env: dict[str, str]) -> tuple[list[str], list[str]]:
        """The empty window's and the app's, after the settings are written as this platform saves them."""
        geometry = subprocess.run([*me, "--child-setup", str(db), str(plan_id)], env=env, capture_output=True,
                                  text=True, check=True).stdout.strip().splitlines()[-1]
        return [*me, "--child-empty", geometry], [*me, "--child-app", str(db)]

    ratios = {}
    if args.screen in ("offscreen", "both"):
        ratios["offscreen"] = measure("offscreen, 1366x768", env, *commands(env), args.runs,
                                     args.instructions)
    if args.screen in ("xvfb", "both"):
        with Xvfb() as display:
            xenv = dict(env, QT_QPA_PLATFORM="xcb", DISPLAY=display)
            ratios["xvfb"] = measure(f"Xvfb {display}, 1366x768", xenv, *commands(xenv), args.runs,
                                     args.instructions)
    print("paired ratios: " + ", ".join(f"{k} {v:.2f}x" for k, v in ratios.items()) + f" (target <= {TARGET}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
