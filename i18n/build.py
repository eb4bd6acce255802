"""Refresh the translation sources and compile them: ``python i18n/build.py``.

1. ``pyside6-lupdate`` collects every ``QCoreApplication.translate("Context", "…")`` of
   the app into ``i18n/kehoach_en.ts`` (translations already made are kept; edit the
   file with ``pyside6-linguist``, or by hand).
2. ``i18n/qtbase_vi.ts`` is written from ``i18n/qtbase_vi.py`` (Qt has no Vietnamese).
3. ``pyside6-lrelease`` compiles both into ``kehoach_desktop/data/*.qm``, which the app
   loads (``kehoach_desktop/ui/i18n.py``) and which the package data ships.
"""

from __future__ import annotations

import runpy
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"
DATA = ROOT / "kehoach_desktop" / "data"


def tool(name: str) -> str:
    for folder in (Path(sys.executable).parent, Path(sys.executable).resolve().parent):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this Python (pip install -e .)")
    return found


def sources() -> list[str]:
    files = [*sorted((ROOT / "kehoach_desktop" / "ui").glob("*.py")), ROOT / "kehoach_desktop" / "app.py"]
    return [str(f.relative_to(ROOT)) for f in files]


def write_qtbase_vi() -> Path:
    table = runpy.run_path(str(I18N / "qtbase_vi.py"))["QT_VI"]
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="vi_VN">']
    for context, messages in table.items():
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for source, translation in messages.items():
            lines += ["    <message>", f"        <source>{escape(source)}</source>",
                      f"        <translation>{escape(translation)}</translation>", "    </message>"]
        lines.append("</context>")
    lines.append("</TS>")
    path = I18N / "qtbase_vi.ts"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> int:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-source-language", "vi_VN", "-target-language", "en_GB",
                    "-no-obsolete", "-locations", "none", "-ts", str(I18N / "kehoach_en.ts")], cwd=ROOT, check=True)
    write_qtbase_vi()
    for name in ("kehoach_en", "qtbase_vi"):
        subprocess.run([tool("pyside6-lrelease"), str(I18N / f"{name}.ts"), "-qm", str(DATA / f"{name}.qm")],
                       cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
