"""Rotating automatic backups (one a day, the last 10 kept), restore, and the integrity check."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import StorageError, describe_os_error
from .database import Database, inspect_file, is_disk_full, sqlite_error

KEEP = 10


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.sqlite"), reverse=True)


def _copy_into(src: sqlite3.Connection, target: Path) -> None:
    tmp = target.with_name(target.name + ".tmp")
    try:
        tmp.unlink(missing_ok=True)
        dst = sqlite3.connect(tmp)
        with dst:
            src.backup(dst)
        dst.close()
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(describe_os_error(exc, target)) from None
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        if is_disk_full(exc, target.parent):
            raise StorageError(f"Ổ đĩa đã đầy, không sao lưu được vào {target}. Cơ sở dữ liệu vẫn nguyên; "
                               "hãy giải phóng dung lượng rồi sao lưu lại.") from None
        raise StorageError(f"Không sao lưu được vào {target}: {exc}") from None


def backup_now(database: Database, label: str | None = None) -> Path:
    """Write a consistent copy of the live database into the backups folder."""
    folder = backup_dir(database.path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(describe_os_error(exc, folder)) from None
    stamp = label or dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    target = folder / f"{database.path.stem}-{stamp}.sqlite"
    _copy_into(database.conn, target)
    return target


def daily_backup(database: Database, today: dt.date | None = None) -> Path | None:
    """Once a day, on opening: keep a copy, and only the last :data:`KEEP` of them.

    Returns the new backup, or None when today's exists or there is nothing worth keeping.
    """
    today = today or dt.date.today()
    if not database.conn.execute("SELECT 1 FROM plans LIMIT 1").fetchone():
        return None
    existing = list_backups(database.path)
    if any(p.name.startswith(f"{database.path.stem}-{today.isoformat()}") for p in existing):
        return None
    target = backup_now(database, today.isoformat())
    for old in list_backups(database.path)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def restore(database: Database, source: Path) -> Path:
    """Replace the live database's content with ``source``; the current content is backed up first.

    Returns the path of the safety copy of what was there before.
    """
    source = Path(source)
    if not source.is_file():
        raise StorageError(f"Không tìm thấy bản sao lưu {source}.")
    inspect_file(source)  # refuses a corrupt, foreign or newer file before anything changes
    safety = backup_now(database, dt.datetime.now().strftime("%Y-%m-%d-%H%M%S") + "-truoc-khoi-phuc")
    try:
        src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
        with src:
            src.backup(database.conn)
        src.close()
    except sqlite3.Error as exc:
        raise StorageError(f"Không khôi phục được từ {source}: {exc}. Bản hiện tại ở {safety}.") from None
    return safety


@dataclass
class CheckReport:
    problems: list[str]
    plans: int
    tasks: int

    @property
    def ok(self) -> bool:
        return not self.problems


def check(database: Database) -> CheckReport:
    """SQLite's own integrity check plus the rules of our schema."""
    try:
        return _check(database)
    except sqlite3.Error as exc:  # a read error while checking is not a finding about the data
        raise sqlite_error(exc, database.path) or StorageError(
            f"Không kiểm tra được {database.path}: {exc}") from None


def _check(database: Database) -> CheckReport:
    conn = database.conn
    problems: list[str] = []
    result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        problems.extend(f"SQLite: {r}" for r in result)
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"Bảng {table}, dòng {rowid}: tham chiếu tới {parent} không tồn tại.")
    for (tid,) in conn.execute(
            """SELECT t.id FROM tasks t JOIN tasks p ON p.id = t.parent_id
               WHERE p.plan_id != t.plan_id OR p.section_id != t.section_id"""):
        problems.append(f"Nhiệm vụ {tid} nằm dưới một nhiệm vụ của kế hoạch hoặc mục khác.")
    for (tid,) in conn.execute(
            "SELECT t.id FROM tasks t JOIN sections s ON s.id = t.section_id WHERE s.plan_id != t.plan_id"):
        problems.append(f"Nhiệm vụ {tid} thuộc một mục của kế hoạch khác.")
    for parent, section, count, distinct, low, high in conn.execute(
            """SELECT parent_id, section_id, count(*), count(DISTINCT position), min(position), max(position)
               FROM tasks GROUP BY section_id, parent_id"""):
        if count != distinct or low != 0 or high != count - 1:
            where = f"nhiệm vụ {parent}" if parent else f"mục {section}"
            problems.append(f"Thứ tự các nhiệm vụ con của {where} bị lỗi.")
    for table, column in _JSON_COLUMNS:  # a damaged one would stop the plan from opening
        for (rowid,) in conn.execute(
                f"SELECT id FROM {table} WHERE {column} IS NOT NULL AND NOT json_valid({column})"):
            problems.append(f"Bảng {table}, dòng {rowid}: dữ liệu cột {column} bị hỏng, không đọc được.")
    from .search import problems as search_problems

    problems.extend(search_problems(conn))  # the search index in step with the plans (FTS integrity-check)
    plans = conn.execute("SELECT count(*) FROM plans").fetchone()[0]
    tasks = conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
    return CheckReport(problems, plans, tasks)


# the columns holding JSON (lists of lines, a phụ lục's description, a table's rows, a task's cells)
_JSON_COLUMNS = (
    *(("plans", c) for c in ("issuer", "bases", "preamble", "closing", "recipients", "signature", "labels",
                             "extra")),
    ("sections", "appendix"), ("section_items", "paragraphs"), ("section_items", "tbl"),
    *(("tasks", c) for c in ("content", "labels", "assignment", "cells")), ("units", "aliases"))
