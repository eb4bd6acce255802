"""What goes into the frozen bundle and what is left out: used by build/kehoach.spec and tested.

KeHoach Desktop is a Qt Widgets app: it needs QtCore, QtGui (painting, QPdfWriter,
QTextDocument), QtWidgets, QtPrintSupport (print preview) and the platform, style,
image-format and print plugins. Everything else PySide6 ships (Qt Quick/QML, the
virtual keyboard, networking, the PDF viewer, OpenGL software rendering, translations
of Qt into other languages) only makes the download bigger.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterable
from string import Template

BUNDLE_NAME = "kehoach-desktop"
PRODUCT = "KeHoach Desktop"

# Python modules never imported by the app; excluding them also stops PyInstaller's hooks
# from pulling in their Qt libraries and plugins.
EXCLUDED_MODULES = [
    "tkinter",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtUiTools",
    "PySide6.QtConcurrent",
    "PySide6.QtDBus",
    "PySide6.QtXml",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtSvgWidgets",
    # python-docx and the importers use lxml.etree only; the rest of lxml is 4 MB
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "lxml.cssselect", "lxml.doctestcompare",
    "lxml.usedoctest",
    # debugging tools that only the above pulled in (with readline)
    "doctest", "pdb", "pydoc",
    # no network, no worker processes (and no start-up cost for PyInstaller's multiprocessing hook)
    "ssl", "multiprocessing",
    # East Asian codecs: plan files are UTF-8, UTF-16, Windows-1258/1252 or TCVN3/VNI (importers/encoding.py)
    "_codecs_jp", "_codecs_kr", "_codecs_cn", "_codecs_tw", "_codecs_hk", "_codecs_iso2022",
    # the PDF import reads characters and table cells; pdfplumber's page pictures (display.py: Pillow and
    # pypdfium2, 23 MB) are never drawn, and openpyxl only wants Pillow for pictures in a sheet
    "pdfplumber.display", "PIL", "pypdfium2", "pypdfium2_raw",
]

# Files (paths inside the bundle, any OS) left out even when a hook or a plugin's
# dependency brings them in. Lower-case glob patterns over "/"-separated paths.
UNUSED_FILES = [
    # Qt Quick / QML and what only they use
    "*qt6qml*", "*qt6quick*", "*/qml/*", "*qt6virtualkeyboard*", "*/platforminputcontexts/*virtualkeyboard*",
    # networking: the app is offline
    "*qt6network*", "*/plugins/tls/*", "*/plugins/networkinformation/*",
    # PDF viewing (export uses QPdfWriter, which is in QtGui)
    "*qt6pdf*", "*/imageformats/*qpdf*",
    # pdfminer's predefined CMaps (8 MB) decode only Chinese, Japanese and Korean fonts; the Identity
    # encodings of every Vietnamese PDF (Word, LibreOffice, e-office) are built into pdfminer, and a
    # missing CMap makes pdfminer read that font as empty, never fail
    "*/pdfminer/cmap/*",
    # software OpenGL and Direct3D shader compiler: widgets do not need them
    "*opengl32sw.dll", "*d3dcompiler_*.dll",
    # generic platform plugins nobody runs the office app on
    "*/platforms/*qvnc*", "*/platforms/*qlinuxfb*", "*/platforms/*qminimalegl*", "*/platforms/*qeglfs*",
    "*/platforms/*qvkkhrdisplay*", "*/egldeviceintegrations/*",
    "*/generic/*",
    # image formats nobody puts into a plan (PNG is built in; JPEG, GIF, ICO and SVG are kept)
    "*/imageformats/*qtiff*", "*/imageformats/*qwebp*", "*/imageformats/*qicns*", "*/imageformats/*qtga*",
    "*/imageformats/*qwbmp*",
    # Linux: the GTK look pulls in the whole GTK stack (Qt's Fusion style is used instead); OpenGL
    # integrations are for OpenGL/Quick, not widgets; on a Wayland desktop Qt runs through XWayland (xcb)
    "*/platformthemes/*qgtk3*", "*/xcbglintegrations/*", "*/wayland-*/*", "*/platforms/*qwayland*",
    "*qt6waylandclient*", "*qt6wlshellintegration*", "*qt6eglfs*",
]

# Linux: libraries every desktop already has, left to the host instead of copied (like libGL and
# libEGL, which Qt needs and PyInstaller never copies). D-Bus (and what libdbus links) is among
# the packages the README lists for Qt anyway. Then the CUPS client and what it links (TLS,
# Kerberos, Avahi): where CUPS is installed the print plugin finds them and lists the printers;
# where it is not, Qt skips the plugin and prints to PDF.
HOST_LIBRARIES = [
    "libdbus-1.so*", "libsystemd.so*", "libgcrypt.so*", "libgpg-error.so*", "liblz4.so*", "libcap.so*",
    "libcups.so*", "libgnutls.so*", "libkrb5.so*", "libkrb5support.so*", "libgssapi_krb5.so*", "libk5crypto.so*",
    "libcom_err.so*", "libkeyutils.so*", "libavahi-client.so*", "libavahi-common.so*", "libp11-kit.so*",
    "libunistring.so*", "libidn2.so*", "libnettle.so*", "libhogweed.so*", "libgmp.so*", "libtasn1.so*",
]

# Qt's own translations: only Vietnamese (and English, the source) are kept.
KEPT_QT_LANGUAGES = ("vi", "en")
_QM_LANGUAGE = re.compile(r"_([a-z]{2,3})(?:_[a-z]{2})?\.qm$")  # qtbase_vi.qm, qt_help_pt_br.qm


def _norm(dest: str) -> str:
    return dest.replace("\\", "/").lower()


def is_unused(dest: str) -> bool:
    """True when the bundle file at ``dest`` (relative to the bundle folder) is left out."""
    path = "/" + _norm(dest)
    if "/translations/" in path and path.endswith(".qm"):
        match = _QM_LANGUAGE.search(path)
        return not match or match.group(1) not in KEPT_QT_LANGUAGES
    if any(fnmatch.fnmatchcase(path, pattern) for pattern in UNUSED_FILES):
        return True
    name = path.rsplit("/", 1)[-1]
    return not name.endswith(".dll") and any(fnmatch.fnmatchcase(name, pattern) for pattern in HOST_LIBRARIES)


def prune_unreachable(binaries: list[tuple[str, str, str]],
                      imports_of: Callable[[str], Iterable[tuple[str, str | None]]]) -> list[tuple[str, str, str]]:
    """Leave out the shared libraries that no kept program part links to (Linux).

    ``binaries`` are PyInstaller TOC entries (dest, source, typecode). The roots are the
    Python extension modules, libpython and the Qt plugins that were kept; ``imports_of``
    gives what a file links to, transitively (PyInstaller's ``bindepend.get_imports``,
    which uses ldd). A library only a left-out plugin needed (the GTK stack behind the
    GTK theme plugin, OpenSSL behind the TLS plugins) is then left out too.
    """

    def base(path: str) -> str:
        return path.replace("\\", "/").rsplit("/", 1)[-1]

    def is_root(entry: tuple[str, str, str]) -> bool:
        dest, _, kind = entry
        return kind != "BINARY" or "/plugins/" in "/" + _norm(dest) or base(dest).startswith("libpython")

    needed: set[str] = set()
    for _dest, source, _kind in filter(is_root, binaries):
        for name, path in imports_of(source):
            needed.add(base(name))
            if path:
                needed.add(base(path))
    return [e for e in binaries if is_root(e) or base(e[0]) in needed or base(e[1]) in needed]


def file_version(version: str) -> tuple[int, int, int, int]:
    """"1.2.3" or "1.2.3rc1" -> (1, 2, 3, 0), the four numbers Windows shows."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        numbers.append(int(digits or 0))
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def render_version_info(version: str, original_filename: str, description: str, template: str | None = None) -> str:
    """The PyInstaller version file (VSVersionInfo) of one program from build/version_info.txt.in."""
    if template is None:
        from pathlib import Path

        template = (Path(__file__).with_name("version_info.txt.in")).read_text(encoding="utf-8")
    internal = original_filename.removesuffix(".exe")
    return Template(template).substitute(
        filevers=repr(file_version(version)),
        version=version,
        internal=internal,
        original=original_filename,
        description=description.replace("'", "’"),
    )
