"""Opening the one SQLite file safely: validate first, then write.

A file is inspected read-only before anything is written to it, so a corrupt,
foreign or newer database is reported and left byte-for-byte untouched. Only
then is it opened for writing with foreign keys on, WAL, and ``synchronous=FULL``
(a power cut on an old office PC must not lose the last edit).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import StorageError, describe_os_error
from .migrations import APPLICATION_ID, LATEST, STEPS

SQLITE_MAGIC = b"SQLite format 3\x00"


# SQLite's primary result codes (the low byte of ``sqlite_errorcode``).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 3, 5, 6, 7, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
# Below this much free space an I/O error is taken for a full disk: SQLite needs room for the
# -wal and the 32 KiB -shm beside the database, and the daily backup a copy of it.
LOW_SPACE = 8 * 1024 * 1024


def _corrupt(path: Path) -> StorageError:
    """Only for what SQLite itself calls corrupt (or a file that is not ours): the advice is to restore."""
    return StorageError(
        f"Tệp cơ sở dữ liệu {path} bị hỏng hoặc không phải dữ liệu của KeHoach Desktop; "
        "tệp được giữ nguyên. Hãy khôi phục từ bản sao lưu (lệnh: kehoach restore)."
    )


def disk_full(path: Path) -> StorageError:
    return StorageError(
        f"Ổ đĩa chứa {path.parent} đã đầy nên không mở hay ghi được cơ sở dữ liệu {path}; dữ liệu vẫn "
        "nguyên, tệp không bị hỏng. Hãy giải phóng dung lượng (xóa bớt tệp không cần, dọn Thùng rác) rồi "
        "thử lại; không cần khôi phục từ bản sao lưu.")


def _low_space(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()  # no code (older Python): SQLite's messages say the same
    return next((c for words, c in ((("full",), SQLITE_FULL), (("malformed",), SQLITE_CORRUPT),
                                    (("not a database",), SQLITE_NOTADB), (("i/o",), SQLITE_IOERR),
                                    (("locked", "busy"), SQLITE_BUSY), (("readonly", "read-only"), SQLITE_READONLY),
                                    (("unable to open",), SQLITE_CANTOPEN))
                 if any(w in text for w in words)), None)


def is_disk_full(exc: sqlite3.Error, folder: Path) -> bool:
    """SQLITE_FULL, or an I/O error (the -shm cannot grow, a file cannot be made) with no room left."""
    primary = _primary_code(exc)
    return primary == SQLITE_FULL or (primary in (SQLITE_IOERR, SQLITE_CANTOPEN) and _low_space(folder))


def sqlite_error(exc: sqlite3.Error, path: Path) -> StorageError | None:
    """The user's message for an error SQLite met on ``path`` that the user can fix, or None for a bug.

    Corruption is reported only when SQLite says so (SQLITE_CORRUPT, SQLITE_NOTADB); a full disk or
    any other I/O error is said to be what it is, with the data intact.
    """
    primary = _primary_code(exc)
    if is_disk_full(exc, path.parent):
        return disk_full(path)
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return _corrupt(path)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageError(f"Cơ sở dữ liệu {path} đang được một chương trình khác dùng. Hãy thử lại sau.")
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return StorageError(f"Không ghi được vào {path}: tệp hoặc thư mục chỉ cho phép đọc.")
    if primary == SQLITE_IOERR:
        return StorageError(
            f"Lỗi đọc/ghi ổ đĩa với cơ sở dữ liệu {path} (ổ USB bị rút, ổ mạng mất kết nối, ổ đĩa lỗi…). "
            "Đây không phải lỗi hỏng dữ liệu: tệp được giữ nguyên. Hãy kiểm tra ổ đĩa rồi thử lại.")
    if primary == SQLITE_CANTOPEN:
        return StorageError(
            f"Không mở được cơ sở dữ liệu {path}: không tạo được tệp tạm (-wal, -shm) trong {path.parent}. "
            "Tệp được giữ nguyên; hãy kiểm tra quyền ghi của thư mục.")
    if primary == SQLITE_NOMEM:
        return StorageError("Máy không đủ bộ nhớ để mở cơ sở dữ liệu; hãy đóng bớt chương trình rồi thử lại.")
    return None


def inspect_file(path: Path, *, full: bool = True) -> int:
    """Check an existing file without writing to it; return its schema version.

    Raises :class:`StorageError` for a file that is not ours, is corrupt, or comes
    from a newer version of the program. ``full=False`` leaves out SQLite's quick check of every
    page (it reads the whole file: 19 ms for 50 plans of 200 tasks) unless the file is to be
    migrated: the caller runs it later, before the first write (:meth:`Database.check_integrity`).
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StorageError(describe_os_error(exc, path)) from None
    if not header:
        return 0  # an empty file is an empty database
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise _corrupt(path)
    # With no WAL left over, open as immutable so that inspecting creates no -wal/-shm files beside it.
    has_wal = Path(str(path) + "-wal").exists()
    uri = path.resolve().as_uri() + ("?mode=ro" if has_wal else "?mode=ro&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise _operational(exc, path) from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id not in (0, APPLICATION_ID) or (app_id == 0 and version > 0):
            raise _corrupt(path)
        if version > LATEST:
            raise StorageError(
                f"Cơ sở dữ liệu {path} được tạo bởi phiên bản KeHoach Desktop mới hơn "
                f"(lược đồ {version}, phiên bản này hỗ trợ đến {LATEST}). Tệp được giữ nguyên; "
                "hãy cập nhật phần mềm."
            )
        if (full or version < LATEST) and not _quick_check(conn):
            raise _corrupt(path)
        if version > 0 and conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('plans', 'tasks')").fetchone()[0] != 2:
            raise _corrupt(path)
        return int(version)
    except sqlite3.DatabaseError as exc:
        raise _operational(exc, path) from None
    finally:
        conn.close()


def _quick_check(conn: sqlite3.Connection) -> bool:
    return [tuple(r) for r in conn.execute("PRAGMA quick_check").fetchall()] == [("ok",)]


class Database:
    """An open plan database: one connection, explicit transactions."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, checked: bool = True) -> None:
        self.path = path
        self.conn = conn
        self._depth = 0
        self.checked = checked  # SQLite's quick check passed (False: opened with it deferred)
        # Run once before the first write (the app's daily backup, deferred until its window is shown)
        self.before_first_write: Callable[[], object] | None = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action = one transaction; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.check_integrity()  # a damaged file is refused before anything is written to it
        if self.before_first_write is not None:
            hook, self.before_first_write = self.before_first_write, None
            hook()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _operational(exc, self.path) from None
        self._depth = 1
        try:
            yield self.conn
        except BaseException as exc:
            self._depth = 0
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back itself (disk full)
                self.conn.execute("ROLLBACK")
            known = sqlite_error(exc, self.path) if isinstance(exc, sqlite3.Error) else None
            if known is not None:
                raise known from None
            raise
        self._depth = 0
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise _operational(exc, self.path) from None

    def check_integrity(self) -> None:
        """SQLite's quick check of every page, if opening deferred it; :class:`StorageError` when damaged."""
        if self.checked:
            return
        try:
            sound = _quick_check(self.conn)
        except sqlite3.DatabaseError as exc:
            raise _operational(exc, self.path) from None
        if not sound:
            raise _corrupt(self.path)
        self.checked = True

    def close(self) -> None:
        if self.checked:  # (optimize may write its statistics: never into a file not known sound)
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA optimize")
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _operational(exc: sqlite3.Error, path: Path) -> StorageError:
    return sqlite_error(exc, path) or StorageError(f"Lỗi cơ sở dữ liệu {path}: {exc}")


def _backup_before_migration(path: Path, version: int) -> None:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.before-upgrade{path.suffix}")
    try:
        src = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
        if (isinstance(exc, sqlite3.Error) and is_disk_full(exc, path.parent)) or (
                isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
            raise disk_full(path) from None
        raise StorageError(
            f"Không tạo được bản sao trước khi nâng cấp {path} ({exc}); cơ sở dữ liệu chưa bị thay đổi.") from None


def migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Bring ``conn`` from ``version`` to :data:`LATEST`, each step in its own transaction."""
    for target in range(version + 1, LATEST + 1):
        step = STEPS[target - 1]
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def open_database(path: str | os.PathLike[str], *, check_later: bool = False) -> Database:
    """Open (creating if needed) the plan database at ``path``, migrating it to :data:`LATEST`.

    ``check_later``: SQLite's quick check of every page waits for :meth:`Database.check_integrity`
    (the app runs it once its window is on the screen), and runs before the first write in any case.
    """
    path = Path(path).expanduser()
    checked = True
    if path.exists():
        if path.is_dir():
            raise StorageError(f"{path} là một thư mục, không phải tệp cơ sở dữ liệu.")
        version = inspect_file(path, full=not check_later)
        checked = not check_later or version < LATEST  # (a file to migrate was checked in full)
    else:
        version = 0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(describe_os_error(exc, path.parent)) from None
        if not os.access(path.parent, os.W_OK):
            raise StorageError(f"Không tạo được cơ sở dữ liệu trong {path.parent}: thư mục chỉ cho phép đọc.")
    if path.exists() and not os.access(path, os.W_OK):
        raise StorageError(f"Không ghi được vào {path}: tệp chỉ cho phép đọc.")
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
    except sqlite3.Error as exc:
        raise _operational(exc, path) from None
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        if version < LATEST:
            if version > 0:
                _backup_before_migration(path, version)
            migrate(conn, path, version)
    except sqlite3.Error as exc:
        conn.close()
        raise _operational(exc, path) from None
    except BaseException:
        conn.close()
        raise
    return Database(path, conn, checked=checked)
