"""Before the window opens on a Linux desktop: can Qt's xcb platform plugin load?

The PySide6 wheel brings Qt but not the X libraries its xcb plugin links to; Debian does not
install some of them with a desktop (libxcb-cursor0 since Qt 6.5, libxcb-icccm4, …). Without
them Qt aborts with a page of English. Here ``ldd`` lists what the plugin cannot find, mapped
to Debian packages, and the user gets one Vietnamese message with one apt command.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# What a Debian desktop may lack for Qt's xcb plugin: the line the README quotes.
XCB_PACKAGES = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0",
                "libxcb-shape0", "libxcb-randr0", "libxcb-xkb1", "libxkbcommon-x11-0")
APT_COMMAND = "sudo apt-get install " + " ".join(XCB_PACKAGES)

# Sonames whose Debian package does not follow the rule of :func:`debian_package`.
PACKAGE_OF = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libpng16.so.16": "libpng16-16",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def debian_package(soname: str) -> str:
    """The Debian package of a library: ``libfoo-bar.so.N`` is ``libfoo-barN``, ``libfoo2.so.N`` ``libfoo2-N``."""
    if soname in PACKAGE_OF:
        return PACKAGE_OF[soname]
    name, _, version = soname.partition(".so.")
    name = name.lower()
    version = version.split(".")[0]
    if not version:
        return name
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def missing_sonames(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` says it cannot find, each once, in its order."""
    seen: dict[str, None] = {}
    for soname in _NOT_FOUND.findall(ldd_output):
        seen.setdefault(soname)
    return list(seen)


def install_command(sonames: list[str]) -> str:
    packages = list(dict.fromkeys(debian_package(s) for s in sonames))
    return "sudo apt-get install " + " ".join(packages)


def message(sonames: list[str]) -> str:
    """One Vietnamese message with one command; the README's full line too, for the other X libraries."""
    names = ", ".join(sonames)
    return (f"Không mở được cửa sổ: máy còn thiếu thư viện giao diện X11 mà Qt cần ({names}).\n"
            f"Hãy cài bằng lệnh sau rồi chạy lại:\n\n    {install_command(sonames)}\n")


def wants_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will open its window through X11 (xcb): Linux, a display, no other platform chosen."""
    if not platform.startswith("linux") or not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    wayland_session = env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland_session


def xcb_plugin(venv: Path) -> Path | None:
    found = sorted(venv.glob("lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so"))
    return found[-1] if found else None


def check(venv: Path, env: Mapping[str, str] = os.environ) -> str | None:
    """The message to show when the xcb plugin of ``venv``'s PySide6 cannot load here, else None."""
    if not wants_xcb(env):
        return None
    plugin = xcb_plugin(venv)
    if plugin is None:
        return None
    try:
        ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None  # no ldd: let Qt try
    missing = missing_sonames(ldd.stdout)
    return message(missing) if missing else None
