"""Set up the test environment if needed, check style with ruff, and run the whole test suite with pytest.

    python3 scripts/test.py [pytest arguments]
"""

from __future__ import annotations

import sys

from _venv import ensure, run

if __name__ == "__main__":
    python = ensure("test")
    from _venv import ROOT

    folders = [f for f in ("kehoach_desktop", "tests", "bench", "scripts", "build") if (ROOT / f).is_dir()]
    lint = run(python, ["-m", "ruff", "check", *folders])
    if lint:
        print("ruff: lỗi định dạng mã nguồn (xem ở trên).", file=sys.stderr)
    code = run(python, ["-m", "pytest", *sys.argv[1:]])
    sys.exit(code or lint)
