"""A full disk is not a corrupt database (issue #11 §3).

Every command, the automatic daily backup and the window's opening path are run on a real full
disk (a tiny tmpfs, see tests/diskfull.py): each says the disk is full and the data intact, never
that the file is corrupt (whose advice, restoring the last backup, would lose every edit since),
and the user's file comes out byte-identical. Corruption stays reported when SQLite finds it.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES_DIR, fixture_path, in_ci, run_cli, sha256
from tests.diskfull import Disk, on_tiny_disks, unshare_command

CLI = [sys.executable, "-m", "kehoach_desktop.cli"]
SAMPLE_TEXT = SAMPLES_DIR / "ke-hoach-phuong-bach-dang.md"
CORRUPT_ADVICE = "bị hỏng hoặc không phải dữ liệu"

pytestmark = pytest.mark.skipif(
    unshare_command() is None and not in_ci(),
    reason="a full disk is made with a tmpfs in a private mount namespace (Linux 'unshare'), not available here")


@pytest.fixture(scope="module")
def plan_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with two plans, the kind of file a commune office has after a few weeks."""
    path = tmp_path_factory.mktemp("db") / "kehoach.sqlite"
    for name in ("ke-hoach-xa-lam-vy", "ke-hoach-phuong-bach-dang"):
        run_cli("import-json", str(fixture_path(name)), db=path, check=True)
    con = sqlite3.connect(path)  # a file as it rests between sessions: WAL checkpointed, no -wal
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


def _import_input(tmp_path: Path) -> Path:
    if SAMPLE_TEXT.is_file():
        return SAMPLE_TEXT
    text = tmp_path / "ke-hoach.txt"
    text.write_text("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 12/KH-UBND\nKẾ HOẠCH\nTriển khai công tác năm 2026\n"
                    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nBảo đảm thực hiện.\nII. NHIỆM VỤ\n"
                    "1. Tuyên truyền pháp luật. Thời gian: Quý II/2026.\n", encoding="utf-8")
    return text


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one message, got: {stderr}"
    return lines[0]


def _says_disk_full(stderr: str) -> None:
    message = _one_line(stderr)
    assert "Ổ đĩa" in message and "đầy" in message, message
    assert "dữ liệu vẫn nguyên" in message, message
    assert CORRUPT_ADVICE not in message and "Hãy khôi phục" not in message, message
    assert "Traceback" not in message


def test_every_command_on_a_full_disk_says_so_and_leaves_the_file_as_it_was(plan_db: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    db = disk / "kehoach.sqlite"
    out = tmp_path / "out"  # exports go elsewhere: the user is trying to save their work to a USB stick
    out.mkdir()
    commands = [["plans"], ["show", "1"], ["export", "1", "-o", str(out / "kh.docx")],
                ["export", "1", "-o", str(out / "kh.pdf")], ["export", "1", "-o", str(out / "kh.xlsx")],
                ["check"], ["import", str(_import_input(tmp_path))], ["backups", "--now"],
                ["plans"]]  # again: the -wal/-shm left by the first attempts are not taken for damage
    steps = [{"argv": [*CLI, "--db", str(db), *c]} for c in commands]
    steps += [{"free": str(disk)}, {"argv": [*CLI, "--db", str(db), "check"]}]
    result = on_tiny_disks([Disk(disk, 2048, 0)], [(plan_db, db)], steps)

    *on_full, freed, check_after = result["steps"]
    for step in on_full:
        assert step["rc"] == 1, step
        _says_disk_full(step["stderr"])
        assert step["stdout"] == "", step
    assert list(out.iterdir()) == []  # no half-written export either
    assert freed == {"freed": str(disk)}
    assert check_after["rc"] == 0 and "nguyên vẹn: 2 kế hoạch" in check_after["stdout"], check_after
    assert result["files"][str(disk)]["kehoach.sqlite"] == sha256(plan_db)


def test_a_nearly_full_disk_opens_the_plans_but_refuses_writes_cleanly(plan_db: Path, tmp_path: Path) -> None:
    """Room for SQLite's -shm but not for the daily backup or an import; exports onto a USB stick with
    a few KB left (less than any export) fail whole: a cut-off PDF is not reported as written."""
    disk, stick = tmp_path / "disk", tmp_path / "usb"
    db = disk / "kehoach.sqlite"
    cmd = [*CLI, "--db", str(db)]
    steps = [{"argv": [*cmd, "plans"]},
             {"argv": [*cmd, "export", "1", "-o", str(stick / "kh.docx")]},
             {"argv": [*cmd, "export", "1", "-o", str(stick / "kh.pdf")]},
             {"argv": [*cmd, "export", "1", "-o", str(stick / "kh.xlsx")]},
             {"argv": [*cmd, "import", str(_import_input(tmp_path))]},
             {"argv": [*cmd, "plans"]}]
    result = on_tiny_disks([Disk(disk, 2048, 64), Disk(stick, 256, 8)], [(plan_db, db)], steps)
    listed, *exports, imported, listed_again = result["steps"]

    assert listed["rc"] == 0 and len(listed["stdout"].splitlines()) == 2, listed
    # the automatic backup could not be made: said in one line, and the plans are still shown
    warning = _one_line(listed["stderr"])
    assert "Không sao lưu tự động được" in warning and "Ổ đĩa đã đầy" in warning, warning
    for step in exports:
        assert step["rc"] == 1, step
        assert "Ổ đĩa đã đầy, không ghi được" in step["stderr"].splitlines()[-1], step
        assert "Đã ghi" not in step["stdout"], step
    assert result["files"][str(stick)] == {}  # no export, whole or cut off, and no temporary file
    assert imported["rc"] == 1 and "Ổ đĩa" in imported["stderr"].splitlines()[-1], imported
    assert CORRUPT_ADVICE not in imported["stderr"]
    assert listed_again["stdout"] == listed["stdout"]  # the failed import stored nothing
    files = result["files"][str(disk)]
    assert files.pop("kehoach.sqlite") == sha256(plan_db)
    assert [name for name in files if not name.endswith(("-wal", "-shm"))] == []  # no half backup


GUI_DRIVER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from kehoach_desktop import app as kehoach_app

def answer():  # the user reads the message box and presses OK
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        print("BOX", box.windowTitle(), "|", box.text(), flush=True)
        box.done(0)
    QTimer.singleShot(50, answer)

make = kehoach_app.create_application
def create_application(*args, **kwargs):
    application = make(*args, **kwargs)
    QTimer.singleShot(50, answer)
    QTimer.singleShot(30000, application.quit)
    return application
kehoach_app.create_application = create_application
sys.exit(kehoach_app.main(sys.argv[1:]))
"""


def test_the_window_on_a_full_disk_shows_one_message_box_not_a_traceback(plan_db: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    db = disk / "kehoach.sqlite"
    env_steps = [{"argv": [sys.executable, "-c", GUI_DRIVER, "--db", str(db)]}]
    result = on_tiny_disks([Disk(disk, 2048, 0)], [(plan_db, db)], env_steps)
    (window,) = result["steps"]
    assert window["rc"] == 1, window
    boxes = [line for line in window["stdout"].splitlines() if line.startswith("BOX ")]
    assert len(boxes) == 1, window
    title, text = boxes[0][4:].split(" | ", 1)
    assert title == "Không mở được cơ sở dữ liệu"
    assert "Ổ đĩa" in text and "đầy" in text and "dữ liệu vẫn nguyên" in text and CORRUPT_ADVICE not in text
    assert "Traceback" not in window["stderr"]
    assert result["files"][str(disk)]["kehoach.sqlite"] == sha256(plan_db)


def test_a_file_sqlite_finds_damaged_is_still_called_corrupt(plan_db: Path, tmp_path: Path) -> None:
    """The other side: the 'restore from a backup' advice stays where SQLite's own check finds damage."""
    damaged = tmp_path / "kehoach.sqlite"
    data = bytearray(plan_db.read_bytes())
    page = 4096
    data[3 * page:4 * page] = bytes(range(256)) * (page // 256)  # a b-tree page overwritten with garbage
    damaged.write_bytes(bytes(data))
    before = sha256(damaged)
    result = run_cli("plans", db=damaged)
    assert result.returncode == 1 and CORRUPT_ADVICE in result.stderr, result.stderr
    assert sha256(damaged) == before


def test_the_driver_really_fills_the_disk(tmp_path: Path) -> None:
    """The premise of the tests above: writing one more byte onto the disk fails with ENOSPC."""
    disk = tmp_path / "disk"
    probe = "import sys\ntry:\n open(sys.argv[1], 'wb', buffering=0).write(b'x' * 4096)\nexcept OSError as e:\n print(e.errno)"
    result = on_tiny_disks([Disk(disk, 512, 0)], [],
                           [{"argv": [sys.executable, "-c", probe, str(disk / "one-more")]}])
    assert result["steps"][0]["stdout"].strip() == "28"  # errno.ENOSPC


def test_sqlite_error_codes_name_the_fault(tmp_path: Path) -> None:
    from kehoach_desktop.store.database import sqlite_error

    db = tmp_path / "kehoach.sqlite"

    def error(code: int) -> sqlite3.Error:
        exc = sqlite3.OperationalError("x")
        exc.sqlite_errorcode = code  # type: ignore[attr-defined]
        return exc

    assert "đầy" in sqlite_error(error(13), db).message  # SQLITE_FULL
    assert CORRUPT_ADVICE in sqlite_error(error(11), db).message  # SQLITE_CORRUPT
    assert CORRUPT_ADVICE in sqlite_error(error(26), db).message  # SQLITE_NOTADB
    for code in (10, 4874, 14):  # SQLITE_IOERR, SQLITE_IOERR_SHMSIZE, SQLITE_CANTOPEN with room left
        message = sqlite_error(error(code), db).message
        assert CORRUPT_ADVICE not in message and "giữ nguyên" in message
    assert sqlite_error(error(19), db) is None  # a constraint failed: a bug, not the disk


def test_a_read_failing_after_opening_is_one_line_not_a_bug(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A USB stick pulled out while the command reads: SQLite's I/O error is said as such (exit 1)."""
    from kehoach_desktop import cli
    from kehoach_desktop.store.plans import PlanRepository

    def pulled_out(self: PlanRepository, **kwargs: object) -> list:
        exc = sqlite3.OperationalError("disk I/O error")
        exc.sqlite_errorcode = 266  # type: ignore[attr-defined]  # SQLITE_IOERR_READ
        raise exc

    monkeypatch.setattr(PlanRepository, "list", pulled_out)
    assert cli.main(["--db", str(db_path), "plans"]) == cli.EXIT_ERROR
    message = _one_line(capsys.readouterr().err)
    assert message.startswith("Lỗi: Lỗi đọc/ghi ổ đĩa") and CORRUPT_ADVICE not in message
