"""Opening the one SQLite file safely: validate first, then write.

A file is inspected read-only before anything is written to it, so a corrupt,
foreign or newer database is reported and left byte-for-byte untouched. Only
then is it opened for writing with foreign keys on, WAL, and ``synchronous=FULL``
(a power cut on an old office PC must not lose the last edit).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import StorageError, describe_os_error
from .migrations import APPLICATION_ID, LATEST, STEPS

SQLITE_MAGIC = b"SQLite format 3\x00"


def _corrupt(path: Path) -> StorageError:
    return StorageError(
        f"Tệp cơ sở dữ liệu {path} bị hỏng hoặc không phải dữ liệu của KeHoach Desktop; "
        "tệp được giữ nguyên. Hãy khôi phục từ bản sao lưu (lệnh: kehoach restore)."
    )


def inspect_file(path: Path) -> int:
    """Check an existing file without writing to it; return its schema version.

    Raises :class:`StorageError` for a file that is not ours, is corrupt, or comes
    from a newer version of the program.
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
    except sqlite3.Error:
        raise _corrupt(path) from None
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
        result = conn.execute("PRAGMA quick_check").fetchall()
        if [tuple(r) for r in result] != [("ok",)]:
            raise _corrupt(path)
        if version > 0 and conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('plans', 'tasks')").fetchone()[0] != 2:
            raise _corrupt(path)
        return int(version)
    except sqlite3.DatabaseError:
        raise _corrupt(path) from None
    finally:
        conn.close()


class Database:
    """An open plan database: one connection, explicit transactions."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._depth = 0

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
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _operational(exc, self.path) from None
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise _operational(exc, self.path) from None

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _operational(exc: sqlite3.Error, path: Path) -> StorageError:
    text = str(exc).lower()
    if "full" in text:
        return StorageError(f"Ổ đĩa đã đầy, không lưu được vào {path}. Dữ liệu trước đó vẫn an toàn.")
    if "locked" in text or "busy" in text:
        return StorageError(f"Cơ sở dữ liệu {path} đang được một chương trình khác dùng. Hãy thử lại sau.")
    if "readonly" in text or "read-only" in text:
        return StorageError(f"Không ghi được vào {path}: tệp hoặc thư mục chỉ cho phép đọc.")
    if "malformed" in text or "not a database" in text:
        return _corrupt(path)
    return StorageError(f"Lỗi cơ sở dữ liệu {path}: {exc}")


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
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def open_database(path: str | os.PathLike[str]) -> Database:
    """Open (creating if needed) the plan database at ``path``, migrating it to :data:`LATEST`."""
    path = Path(path).expanduser()
    if path.exists():
        if path.is_dir():
            raise StorageError(f"{path} là một thư mục, không phải tệp cơ sở dữ liệu.")
        version = inspect_file(path)
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
    return Database(path, conn)
