"""Packaging: portable mode, what the frozen bundle keeps, the version resource, the installer script.

The full build (PyInstaller + starting the frozen programs + makensis) is `python build/build.py`;
these tests check the parts that can be checked in seconds on any machine.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import subprocess
import sys
import types
import zipfile
from pathlib import Path

import pytest

from kehoach_desktop import __version__, paths
from tests.conftest import needs, needs_module

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
NSI = (BUILD / "installer.nsi").read_text(encoding="utf-8")


def _load(name: str, path: Path) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bundle_rules = _load("bundle_rules", BUILD / "bundle_rules.py")
build_script = _load("kehoach_build_script", BUILD / "build.py")


# --- portable mode -------------------------------------------------------------------------

@pytest.fixture
def frozen_exe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be the frozen kehoach-desktop.exe in tmp_path/app, without KEHOACH_DATA_DIR."""
    app = tmp_path / "KeHoach Desktop"
    app.mkdir()
    exe = app / "kehoach-desktop.exe"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.delenv("KEHOACH_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "profile"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "profile"))
    return exe


def test_portable_marker_keeps_the_database_beside_the_exe(frozen_exe: Path) -> None:
    (frozen_exe.parent / paths.PORTABLE_MARKER).write_text("portable", encoding="utf-8")
    assert paths.is_portable()
    assert paths.default_db_path() == frozen_exe.parent / "data" / "kehoach.sqlite"
    assert paths.log_path().parent == frozen_exe.parent / "data"


def test_installed_app_keeps_the_database_in_the_user_profile(frozen_exe: Path, tmp_path: Path) -> None:
    assert not paths.is_portable()
    db = paths.default_db_path()
    assert db.name == "kehoach.sqlite"
    assert db.parent.name == paths.APP_NAME
    assert frozen_exe.parent not in db.parents


def test_marker_in_a_source_checkout_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.delenv("KEHOACH_DATA_DIR", raising=False)
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path)
    (tmp_path / paths.PORTABLE_MARKER).write_text("portable", encoding="utf-8")
    assert not paths.is_portable()
    assert tmp_path not in paths.data_dir().parents


def test_data_dir_variable_wins_over_portable_mode(frozen_exe: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (frozen_exe.parent / paths.PORTABLE_MARKER).write_text("portable", encoding="utf-8")
    monkeypatch.setenv("KEHOACH_DATA_DIR", str(tmp_path / "elsewhere"))
    assert paths.default_db_path() == tmp_path / "elsewhere" / "kehoach.sqlite"


def test_portable_app_opens_its_database_and_backups_beside_the_exe(frozen_exe: Path) -> None:
    from kehoach_desktop.services import Store

    (frozen_exe.parent / paths.PORTABLE_MARKER).write_text("portable", encoding="utf-8")
    with Store.open() as store:
        store.import_json(ROOT / "tests" / "fixtures" / "ke-hoach-xa-lam-vy.json")
    Store.open().close()  # the next start makes the daily backup
    data = frozen_exe.parent / "data"
    assert (data / "kehoach.sqlite").is_file()
    assert list((data / "backups").glob("*.sqlite")), "the daily backup goes beside the database"


def test_portable_zip_holds_the_bundle_and_the_marker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "dist" / "kehoach-desktop"
    (bundle / "_internal" / "kehoach_desktop" / "data").mkdir(parents=True)
    (bundle / "kehoach-desktop.exe").write_bytes(b"MZ gui")
    (bundle / "kehoach.exe").write_bytes(b"MZ cli")
    (bundle / "_internal" / "kehoach_desktop" / "data" / "template.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(build_script, "BUNDLE", bundle)
    monkeypatch.setattr(build_script, "DIST", tmp_path / "dist")

    archive = build_script.portable_zip()

    assert archive.name == f"KeHoach-Desktop-{__version__}-portable.zip"
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
        marker = z.read("KeHoach Desktop/portable.txt").decode("utf-8")
    assert {"KeHoach Desktop/kehoach-desktop.exe", "KeHoach Desktop/kehoach.exe",
            "KeHoach Desktop/_internal/kehoach_desktop/data/template.json"} <= names
    assert "portable" in marker and "data" in marker


# --- what the bundle keeps -----------------------------------------------------------------

NEEDED = [
    "_internal/PySide6/Qt6Core.dll", "_internal/PySide6/Qt6Gui.dll", "_internal/PySide6/Qt6Widgets.dll",
    "_internal/PySide6/Qt6PrintSupport.dll", "_internal/PySide6/Qt6Svg.dll",
    "_internal/PySide6/plugins/platforms/qwindows.dll", "_internal/PySide6/plugins/platforms/qoffscreen.dll",
    "_internal/PySide6/plugins/styles/qmodernwindowsstyle.dll", "_internal/PySide6/plugins/imageformats/qico.dll",
    "_internal/PySide6/plugins/imageformats/qjpeg.dll", "_internal/PySide6/plugins/iconengines/qsvgicon.dll",
    "_internal/PySide6/translations/qtbase_vi.qm", "_internal/PySide6/translations/qt_vi.qm",
    "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libicudata.so.73", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",  # Vietnamese typing (IBus)
    "libicuuc.so.73", "libfontconfig.so.1", "libxcb-cursor.so.0", "libsqlite3.so.0", "libcrypto.so.3",
    "_internal/PySide6/plugins/printsupport/windowsprintersupport.dll",
    "kehoach_desktop/data/template-luat-ai.json", "kehoach_desktop/data/kehoach_vi.qm",
    "kehoach_desktop\\data\\kehoach_en.qm", "resources/icons/kehoach.ico",
]
UNUSED = [
    "_internal/PySide6/opengl32sw.dll", "_internal/PySide6/d3dcompiler_47.dll", "_internal/PySide6/Qt6Network.dll",
    "_internal/PySide6/Qt6Qml.dll", "_internal/PySide6/Qt6Quick.dll", "_internal/PySide6/Qt6Pdf.dll",
    "_internal/PySide6/Qt6VirtualKeyboard.dll", "_internal/PySide6/plugins/imageformats/qpdf.dll",
    "_internal/PySide6/plugins/tls/qopensslbackend.dll", "PySide6/Qt/plugins/networkinformation/libqglib.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qt_help_pt_BR.qm", "PySide6\\translations\\qt_zh_CN.qm",
    "PySide6/Qt/plugins/imageformats/libqtiff.so", "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "_internal/libcups.so.2", "_internal/libgnutls.so.30", "_internal/libdbus-1.so.3",  # the host's are used
]


@pytest.mark.parametrize("dest", NEEDED)
def test_bundle_keeps_what_the_app_needs(dest: str) -> None:
    assert not bundle_rules.is_unused(dest)


@pytest.mark.parametrize("dest", UNUSED)
def test_bundle_leaves_out_unused_qt_parts(dest: str) -> None:
    assert bundle_rules.is_unused(dest)


def test_libraries_only_a_left_out_plugin_needed_are_left_out() -> None:
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/v/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/v/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/v/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),  # only the GTK theme plugin linked it
    ]
    links = {"/v/QtWidgets.abi3.so": [("libQt6Widgets.so.6", "/v/libQt6Widgets.so.6")],
             "/v/libqxcb.so": [("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0"), ("libc.so.6", None)]}
    kept = bundle_rules.prune_unreachable(binaries, lambda source: links.get(source, []))
    assert [dest for dest, _, _ in kept] == [dest for dest, _, _ in binaries[:4]]


def _imported_modules(folder: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_the_app_imports_no_module_the_bundle_leaves_out() -> None:
    """Otherwise the frozen app would crash on a missing module that works from source."""
    imported = _imported_modules(ROOT / "kehoach_desktop")
    excluded = set(bundle_rules.EXCLUDED_MODULES)
    clashes = {name: where for name, where in imported.items() if name in excluded}
    assert not clashes, f"these modules are left out of the bundle (build/bundle_rules.py): {clashes}"


# --- version resource and spec -------------------------------------------------------------

def test_file_version_has_the_four_numbers_windows_shows() -> None:
    assert bundle_rules.file_version("0.1.0") == (0, 1, 0, 0)
    assert bundle_rules.file_version("1.12.3rc2") == (1, 12, 3, 0)
    assert bundle_rules.file_version("2") == (2, 0, 0, 0)


def test_version_resource_is_what_pyinstaller_writes_into_the_exe(monkeypatch: pytest.MonkeyPatch) -> None:
    compat = needs_module("PyInstaller.compat", "pip install -e .[build]")
    # pefile and win32api only serve, on Windows, to patch the resource into an .exe.
    if "pefile" not in sys.modules and importlib.util.find_spec("pefile") is None:
        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    if not hasattr(compat, "win32api"):
        monkeypatch.setattr(compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32 import versioninfo

    text = bundle_rules.render_version_info(__version__, "kehoach-desktop.exe", "KeHoach Desktop – Lập Kế hoạch")
    info = eval(text, vars(versioninfo))  # what load_version_info_from_text_file does
    raw = info.toRaw()
    assert isinstance(info, versioninfo.VSVersionInfo)
    for expected in ("KeHoach Desktop – Lập Kế hoạch", __version__, "kehoach-desktop.exe"):
        assert expected.encode("utf-16-le") in raw
    assert info.ffi.fileVersionMS == bundle_rules.file_version(__version__)[0] << 16 | \
        bundle_rules.file_version(__version__)[1]


def test_spec_parses_and_its_files_exist() -> None:
    spec = (BUILD / "kehoach.spec").read_text(encoding="utf-8")
    tree = ast.parse(spec)
    names = {n.value.func.id for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)
             and isinstance(n.value.func, ast.Name)}
    assert "COLLECT" in names
    for script in re.findall(r'BUILD_DIR / "([^"]+\.py)"', spec):
        assert (BUILD / script).is_file(), script
    assert {"entry_kehoach.py", "entry_kehoach_desktop.py"} <= set(re.findall(r'BUILD_DIR / "([^"]+\.py)"', spec))
    assert 'name="kehoach"' in spec and 'name="kehoach-desktop"' in spec
    assert "console=True" in spec and "console=False" in spec
    for icon in ("kehoach.ico", "kehoach.png"):
        assert (ROOT / "resources" / "icons" / icon).stat().st_size > 1000


def test_icon_has_the_sizes_windows_uses() -> None:
    data = (ROOT / "resources" / "icons" / "kehoach.ico").read_bytes()
    reserved, kind, count = int.from_bytes(data[0:2], "little"), int.from_bytes(data[2:4], "little"), \
        int.from_bytes(data[4:6], "little")
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}
    assert (reserved, kind) == (0, 1)
    assert {16, 32, 48, 256} <= sizes


# --- the installer script ------------------------------------------------------------------

def test_installer_needs_no_administrator() -> None:
    assert re.search(r"^RequestExecutionLevel user$", NSI, re.M)
    assert re.search(r'^InstallDir "\$LOCALAPPDATA\\Programs\\\$\{PRODUCT\}"$', NSI, re.M)
    assert "HKLM" not in NSI and "$PROGRAMFILES" not in NSI and "SetShellVarContext all" not in NSI
    assert re.search(r"^Unicode true$", NSI, re.M)
    assert '!include "MUI2.nsh"' in NSI


def test_installer_speaks_vietnamese_and_english() -> None:
    languages = re.findall(r'^!insertmacro MUI_LANGUAGE "(\w+)"', NSI, re.M)
    assert languages == ["Vietnamese", "English"]  # the first is the default
    strings: dict[str, set[str]] = {}
    for name, language in re.findall(r"^LangString (\w+) \$\{LANG_(\w+)\}", NSI, re.M):
        strings.setdefault(name, set()).add(language)
    assert strings and all(langs == {"VIETNAMESE", "ENGLISH"} for langs in strings.values()), strings
    used = set(re.findall(r"\$\((\w+)\)", NSI))
    assert used <= set(strings) | {"^NameDA"}, used - set(strings)


def test_uninstaller_keeps_the_data_unless_the_box_is_ticked() -> None:
    assert re.search(rf'^!define DATA_DIR_NAME "{paths.APP_NAME}"$', NSI, re.M), "the same folder as paths.py"
    deletions = [line.strip() for line in NSI.splitlines() if "RMDir /r" in line]
    assert 'RMDir /r "$APPDATA\\${DATA_DIR_NAME}"' in deletions
    assert all("$INSTDIR\\_internal" in d or "DATA_DIR_NAME" in d for d in deletions), deletions
    guarded = re.search(r"\$\{If\} \$RemoveData == \$\{BST_CHECKED\}\s*\n\s*RMDir /r \"\$APPDATA\\\$\{DATA_DIR_NAME\}\"",
                        NSI)
    assert guarded, "the data folder is removed only when the box is ticked"
    assert "StrCpy $RemoveData ${BST_UNCHECKED}" in NSI


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "kehoach-desktop"
    (bundle / "_internal" / "kehoach_desktop" / "data").mkdir(parents=True)
    for exe in ("kehoach-desktop.exe", "kehoach.exe"):
        (bundle / exe).write_bytes(b"MZ" + os.urandom(2048))
    (bundle / "_internal" / "kehoach_desktop" / "data" / "template.json").write_text("{}", encoding="utf-8")
    return bundle


def test_installer_compiles_without_warnings(fake_bundle: Path, tmp_path: Path) -> None:
    makensis = needs("makensis", "nsis", build_script.find_makensis())
    out = tmp_path / "KeHoach-Desktop-Setup-test.exe"  # makensis warns about a bare "setup.exe"
    result = build_script.compile_installer(makensis, fake_bundle, out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert out.read_bytes()[:2] == b"MZ"


# --- the GUI smoke test used on the frozen app ---------------------------------------------

FAKE_APP = """
import runpy, sys, types
module = types.ModuleType("kehoach_desktop.app")
def main():
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Kế hoạch")
    if {show}:
        window.show()
    return app.exec()
module.main = main
sys.modules["kehoach_desktop.app"] = module
sys.argv = [sys.argv[0]]
runpy.run_path({shim!r}, run_name="__main__")
"""


def _private_settings(tmp_path: Path) -> dict[str, str]:
    """The app's Qt settings (window layout, last plan) go to tmp_path, not the tester's profile (Linux)."""
    return {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")}


def _run_shim(code: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], str]:
    report = tmp_path / "windows.txt"
    env = dict(os.environ, KEHOACH_SMOKE_EXIT_MS="50", KEHOACH_SMOKE_REPORT=str(report), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT), **_private_settings(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                            check=False)
    return result, report.read_text(encoding="utf-8") if report.is_file() else ""


@pytest.mark.parametrize(("show", "exit_code"), [(True, 0), (False, 4)])
def test_smoke_test_exits_0_only_when_a_window_is_shown(show: bool, exit_code: int, tmp_path: Path) -> None:
    code = FAKE_APP.format(show=show, shim=str(BUILD / "entry_kehoach_desktop.py"))
    result, windows = _run_shim(code, tmp_path)
    assert result.returncode == exit_code, result.stderr
    assert ("QMainWindow\tKế hoạch" in windows) is show


def test_the_real_app_starts_shows_its_window_and_exits(tmp_path: Path) -> None:
    report = tmp_path / "windows.txt"
    env = dict(os.environ, KEHOACH_SMOKE_EXIT_MS="200", KEHOACH_SMOKE_REPORT=str(report), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT), **_private_settings(tmp_path))
    result = subprocess.run([sys.executable, str(BUILD / "entry_kehoach_desktop.py"), "--db",
                             str(tmp_path / "kehoach.sqlite")], capture_output=True, text=True, env=env,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert report.read_text(encoding="utf-8").strip()
