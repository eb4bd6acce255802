"""scripts/start.py on a Debian desktop lacking Qt's X11 libraries (issue #11 §4): one message, one apt line.

The parser and the message are tested on ldd's output as Debian prints it; the whole check for
real by hiding libxcb-cursor.so.0 (what a fresh Debian desktop lacks for Qt 6.5+) from the
dynamic loader in a private mount namespace, with an overlay of the library folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, lacking, load_script
from tests.diskfull import unshare_command

_qtlibs = load_script("scripts/_qtlibs.py")

# ldd libqxcb.so on Debian 12 with a desktop but without libxcb-cursor0 and libxcb-icccm4
LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffc2f5f3000)
\tlibQt6XcbQpa.so.6 => /home/u/kehoach/.venv/lib/python3.11/site-packages/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f3)
\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f6dc3817000)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f6dc37c4000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-image.so.0 => /lib/x86_64-linux-gnu/libxcb-image.so.0 (0x00007f6dc37a8000)
\tlibxcb-icccm.so.4 => not found
\tlibglib-2.0.so.0 => /lib/x86_64-linux-gnu/libglib-2.0.so.0 (0x00007f6dc16c7000)
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f6dc1400000)
"""


def test_the_libraries_ldd_cannot_find_are_listed_once() -> None:
    assert _qtlibs.missing_sonames(LDD_OUTPUT) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]
    assert _qtlibs.missing_sonames(LDD_OUTPUT.replace("not found", "/usr/lib/x.so (0x1)")) == []


@pytest.mark.parametrize("soname, package", [
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-image.so.0", "libxcb-image0"), ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"), ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"), ("libEGL.so.1", "libegl1"), ("libGL.so.1", "libgl1"),
    ("libX11-xcb.so.1", "libx11-xcb1"), ("libX11.so.6", "libx11-6"), ("libdbus-1.so.3", "libdbus-1-3"),
    ("libglib-2.0.so.0", "libglib2.0-0"), ("libGLdispatch.so.0", "libglvnd0"),
    ("libfontconfig.so.1", "libfontconfig1"),
])
def test_each_library_maps_to_its_debian_package(soname: str, package: str) -> None:
    """As `dpkg -S` answers on Debian 12."""
    assert _qtlibs.debian_package(soname) == package


def test_the_message_is_vietnamese_with_one_apt_command() -> None:
    text = _qtlibs.message(_qtlibs.missing_sonames(LDD_OUTPUT))
    commands = [line.strip() for line in text.splitlines() if "apt-get" in line]
    assert commands == ["sudo apt-get install libxcb-cursor0 libxcb-icccm4"]
    assert text.startswith("Không mở được cửa sổ") and "libxcb-cursor.so.0" in text
    assert "qt.qpa" not in text and "Aborted" not in text


def test_the_readme_line_installs_every_xcb_library_of_the_issue() -> None:
    assert _qtlibs.APT_COMMAND == (
        "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
        "libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0")


@pytest.mark.parametrize("env, platform, wanted", [
    ({"DISPLAY": ":0"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({}, "linux", False),  # a console: Qt will say it has no display, which is the truth
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux", False),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"DISPLAY": ":0"}, "win32", False),
])
def test_the_check_runs_only_where_qt_will_use_x11(env: dict, platform: str, wanted: bool) -> None:
    assert _qtlibs.wants_xcb(env, platform) is wanted


def test_the_plugin_of_the_venv_loads_on_this_machine() -> None:
    """Here (and in CI, which installs the libraries) nothing is missing, so start.py goes on to the app."""
    plugin = _qtlibs.xcb_plugin(ROOT / ".venv")
    assert plugin is not None and plugin.is_file()
    if _qtlibs.check(ROOT / ".venv", {"DISPLAY": ":0"}):
        lacking("this machine lacks some X11 libraries itself: " + _qtlibs.install_command(
            _qtlibs.missing_sonames(subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout)))


HIDE_AND_START = """
set -e
lib=$(dirname "$(readlink -f "$1")")
mount -t tmpfs tmpfs "$2"
mkdir "$2/up" "$2/work" "$2/lib"
mount -t overlay overlay -o "lowerdir=$lib,upperdir=$2/up,workdir=$2/work" "$2/lib"
rm -f "$2/lib/"libxcb-cursor.so.0*
mount --bind "$2/lib" "$lib"
shift 2
exec "$@"
"""

START = """
import sys
sys.path.insert(0, "scripts")
import _venv, start
start.ensure = _venv.venv_python  # the venv is there; no pip on a test machine
sys.exit(start.main([]))
"""


def test_start_py_with_libxcb_cursor0_removed_prints_the_apt_command(tmp_path: Path) -> None:
    if sys.platform != "linux":
        pytest.skip("X11 libraries are a Linux matter")
    prefix = unshare_command()
    if prefix is None:
        lacking("hiding a library needs a private mount namespace (Linux 'unshare'), not available here")
    found = [line.split("=>")[1].split("(")[0].strip()
             for line in subprocess.run(["ldd", str(_qtlibs.xcb_plugin(ROOT / ".venv"))], capture_output=True,
                                        text=True).stdout.splitlines() if line.strip().startswith("libxcb-cursor.so.0")]
    if not found or found[0] == "not found":
        lacking("libxcb-cursor0 is not installed here to be hidden (Debian: apt-get install libxcb-cursor0)")
    env = {**os.environ, "DISPLAY": ":0"}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([*prefix, "sh", "-c", HIDE_AND_START, "sh", found[0], str(tmp_path),
                             sys.executable, "-c", START], capture_output=True, text=True, encoding="utf-8",
                            env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("Không mở được cửa sổ"), result.stderr
    assert [line.strip() for line in result.stderr.splitlines() if "apt-get" in line] == [
        "sudo apt-get install libxcb-cursor0"]
    assert "qt.qpa" not in result.stderr
