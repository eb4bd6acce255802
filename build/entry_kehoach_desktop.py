"""Frozen entry point of the windowed program ``kehoach-desktop``.

Smoke test (build scripts and CI, never users): with ``KEHOACH_SMOKE_EXIT_MS=N`` the
app starts as usual and, N ms after its event loop began, exits with 0 if a window
is visible and 4 if none is. ``KEHOACH_SMOKE_REPORT=FILE`` also writes the titles of
the visible windows to FILE (a windowed .exe on Windows has no stderr). The same
script run from source gives the start-up time to compare the frozen app with.
"""

from __future__ import annotations

import os
import sys

SMOKE_NO_WINDOW = 4


def _arm_smoke_test(delay_ms: int, report: str | None) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original_exec = QApplication.exec
    state = {"done": False}

    def check() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        lines = [f"{type(w).__name__}\t{w.windowTitle()}" for w in windows]
        if report:
            with open(report, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        state["done"] = True
        QApplication.exit(0 if windows else SMOKE_NO_WINDOW)

    def exec_then_exit(*args: object) -> int:
        if state["done"]:  # a second event loop after ours ended: do not hang
            return 0
        QTimer.singleShot(delay_ms, check)
        return original_exec(*args)

    QApplication.exec = exec_then_exit  # type: ignore[method-assign]


def run() -> int:
    delay = os.environ.get("KEHOACH_SMOKE_EXIT_MS")
    if delay is not None:
        _arm_smoke_test(int(delay), os.environ.get("KEHOACH_SMOKE_REPORT"))
    from kehoach_desktop.app import main

    return main() or 0


if __name__ == "__main__":
    sys.exit(run())
