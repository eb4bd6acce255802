"""Run-time hook of the console program ``kehoach``, in place of PyInstaller's PySide6 hook.

PyInstaller's hook imports QtCore at every start (to embed a qt.conf), about 120 ms, and most
commands never touch Qt; only the PDF export draws with it. Qt finds its plugins through
QT_PLUGIN_PATH, the folder the original hook names too. The windowed program keeps the original.
"""

import os
import sys

_bundle = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
_qt = os.path.join(_bundle, "PySide6") if sys.platform.startswith("win") else os.path.join(_bundle, "PySide6", "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
