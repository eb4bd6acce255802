"""Frozen entry point of the windowed program ``kehoach-desktop``.

Smoke test (build scripts and CI, never users): with ``KEHOACH_SMOKE_EXIT_MS=N`` the
app starts as usual; N ms after its first event loop began (the main window's, or a
dialog's such as the first-run question), it exits with 0 if a main window is visible
and with 4 if none is. ``KEHOACH_SMOKE_REPORT=FILE`` also writes the class and title
of each visible window to FILE (a windowed .exe on Windows has no stderr). The same
script run from source gives the start-up time to compare the frozen app with.
"""

from __future__ import annotations

import os
import sys

SMOKE_NO_WINDOW = 4


def _arm_smoke_test(delay_ms: int, report: str | None) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

    state: dict[str, int | bool] = {"armed": False, "code": -1}

    def check() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        lines = [f"{type(w).__name__}\t{w.windowTitle()}" for w in windows]
        if report:
            with open(report, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        state["code"] = 0 if any(isinstance(w, QMainWindow) for w in windows) else SMOKE_NO_WINDOW
        QApplication.exit(int(state["code"]))  # ends every running event loop, a dialog's too

    def arm() -> bool:
        """True once the check has run: then no event loop may start again."""
        if int(state["code"]) >= 0:
            return True
        if not state["armed"]:
            state["armed"] = True
            QTimer.singleShot(delay_ms, check)
        return False

    app_exec, dialog_exec = QApplication.exec, QDialog.exec

    def exec_app(*_args: object) -> int:
        return int(state["code"]) if arm() else app_exec()

    def exec_dialog(self: QDialog) -> int:
        return int(QDialog.DialogCode.Rejected.value) if arm() else dialog_exec(self)

    QApplication.exec = exec_app  # type: ignore[method-assign]
    QDialog.exec = exec_dialog  # type: ignore[method-assign]


def run() -> int:
    delay = os.environ.get("KEHOACH_SMOKE_EXIT_MS")
    if delay is not None:
        _arm_smoke_test(int(delay), os.environ.get("KEHOACH_SMOKE_REPORT"))
    from kehoach_desktop.app import main

    return main() or 0


if __name__ == "__main__":
    sys.exit(run())
