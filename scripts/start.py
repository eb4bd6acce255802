"""Set everything up (first run) and start KeHoach Desktop on the default local database.

    python3 scripts/start.py [--db PATH]

On a Linux desktop it first checks that Qt's X11 (xcb) plugin finds its libraries; when some
are missing it says which apt command installs them, instead of Qt's abort.
"""

from __future__ import annotations

import sys

from _qtlibs import check
from _venv import VENV, ensure, run


def main(argv: list[str]) -> int:
    python = ensure()
    problem = check(VENV)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return run(python, ["-m", "kehoach_desktop.app", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
