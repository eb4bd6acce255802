"""The Qt binding we ship does not slowly destroy the interpreter.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every Qt call that
returns nothing; after enough edits the program aborts ("none_dealloc"). The
dependency range keeps to a release without that bug; this test fails if an
upgrade brings it back.
"""

import sys

from PySide6.QtGui import QTextDocument


def test_qt_calls_keep_the_reference_count_of_none(qapp):
    document = QTextDocument()
    before = sys.getrefcount(None)
    for _ in range(2000):
        document.setPlainText("Kế hoạch")
    assert before - sys.getrefcount(None) < 100
