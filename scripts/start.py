"""Set everything up (first run) and start KeHoach Desktop on the default local database.

    python3 scripts/start.py [--db PATH]
"""

from __future__ import annotations

import sys

from _venv import ensure, run

if __name__ == "__main__":
    python = ensure()
    sys.exit(run(python, ["-m", "kehoach_desktop.app", *sys.argv[1:]]))
