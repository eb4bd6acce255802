"""Where the data lives: per-user by default, beside the program in portable mode.

Portable mode (USB sticks, locked-down PCs): when a file named ``portable.txt``
sits beside the executable of a frozen build, the database, backups and logs live
in a ``data`` folder next to it instead of the user's profile.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "KeHoach"
PORTABLE_MARKER = "portable.txt"


def program_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def is_portable() -> bool:
    return getattr(sys, "frozen", False) and (program_dir() / PORTABLE_MARKER).is_file()


def data_dir() -> Path:
    """The folder of the default database, its backups and the log."""
    override = os.environ.get("KEHOACH_DATA_DIR")
    if override:
        return Path(override)
    if is_portable():
        return program_dir() / "data"
    import platformdirs  # here, not at the top: only this case needs it, and every start-up imports this module

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_db_path() -> Path:
    return data_dir() / "kehoach.sqlite"


def log_path() -> Path:
    return data_dir() / "kehoach.log"
