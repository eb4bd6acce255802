"""The log file: where bugs (not user errors) leave their traceback."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from .paths import log_path

log = logging.getLogger("kehoach")


def log_bug(exc: BaseException) -> Path:
    """Append ``exc`` with its traceback to the log file; return the file's path."""
    for path in (log_path(), Path(tempfile.gettempdir()) / "kehoach.log"):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(path, encoding="utf-8")
        except OSError:
            continue
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        try:
            log.error("Lỗi không mong muốn", exc_info=exc)
        finally:
            log.removeHandler(handler)
            handler.close()
        return path
    return Path("kehoach.log")
