"""Progress entries in SQLite: only ever added, never overwritten (the history is the record)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..domain.progress import Period, ProgressEntry
from ..domain.text import nfc
from ..errors import NotFound
from .database import Database

_COLUMNS = ("id", "task_id", "date", "period", "unit", "status", "done", "result", "percent",
            "difficulties", "proposals", "evidence", "source", "fingerprint", "created_at")
ROLLUP_PREFIX = "rollup:"  # settings keys of the roll-up records
_SELECT = f"SELECT {', '.join('e.' + c for c in _COLUMNS)} FROM progress_entries e"


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="microseconds")


def _entry(row: Sequence) -> ProgressEntry:
    (id_, task_id, date, period, unit, status, done, result, percent, difficulties, proposals, evidence,
     source, fingerprint, created_at) = row
    return ProgressEntry(task_id=task_id, date=dt.date.fromisoformat(date), status=status, unit=unit,
                         period=period, done=done, result=result, percent=percent, difficulties=difficulties,
                         proposals=proposals, evidence=evidence, source=source, fingerprint=fingerprint,
                         created_at=created_at, id=id_)


class ProgressRepository:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.conn = database.conn

    def add(self, entry: ProgressEntry) -> int:
        """Store one entry (one transaction); return its id."""
        with self.database.transaction():
            return self._insert([entry])[0]

    def add_many(self, entries: Iterable[ProgressEntry]) -> list[int]:
        """Store entries in one transaction (all or nothing)."""
        with self.database.transaction():
            return self._insert(list(entries))

    def _insert(self, entries: list[ProgressEntry]) -> list[int]:
        ids = []
        for entry in entries:
            if not self.conn.execute("SELECT 1 FROM tasks WHERE id = ?", (entry.task_id,)).fetchone():
                raise NotFound(f"Không có nhiệm vụ số {entry.task_id}.")
            entry.created_at = entry.created_at or _now()
            cur = self.conn.execute(
                f"INSERT INTO progress_entries ({', '.join(_COLUMNS[1:])}) VALUES ({', '.join('?' * 14)})",
                (entry.task_id, entry.date.isoformat(), entry.period, nfc(entry.unit), entry.status,
                 nfc(entry.done), nfc(entry.result), entry.percent, nfc(entry.difficulties),
                 nfc(entry.proposals), nfc(entry.evidence), entry.source, entry.fingerprint, entry.created_at))
            entry.id = int(cur.lastrowid or 0)
            ids.append(entry.id)
        return ids

    def for_task(self, task_id: int) -> list[ProgressEntry]:
        return [_entry(r) for r in self.conn.execute(
            f"{_SELECT} WHERE e.task_id = ? ORDER BY e.date, e.created_at, e.id", (task_id,))]

    def for_plan(self, plan_id: int) -> dict[int, list[ProgressEntry]]:
        """Every entry of a plan's tasks, by task id, oldest first."""
        result: dict[int, list[ProgressEntry]] = defaultdict(list)
        for row in self.conn.execute(
                f"{_SELECT} JOIN tasks t ON t.id = e.task_id WHERE t.plan_id = ? "
                "ORDER BY e.date, e.created_at, e.id", (plan_id,)):
            result[row[1]].append(_entry(row))
        return dict(result)

    def created_on(self, plan_id: int) -> dt.date | None:
        """The day the plan was entered in the app (imported, typed or copied): tracking of a plan without a
        full date starts from it (``progress.tracking_start``)."""
        row = self.conn.execute("SELECT created_at FROM plans WHERE id = ?", (plan_id,)).fetchone()
        try:
            return dt.date.fromisoformat(str(row[0])[:10]) if row and row[0] else None
        except ValueError:
            return None

    def in_period(self, plan_id: int, period: Period) -> dict[int, list[ProgressEntry]]:
        """Entries that answer ``period``: stamped with it, or unstamped and dated inside it."""
        return {tid: chosen for tid, entries in self.for_plan(plan_id).items()
                if (chosen := [e for e in entries if period.includes_key(e.period)
                               or (not e.period and period.covers(e.date))])}

    def fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        """Which of ``fingerprints`` are already stored (a sheet row imported before)."""
        wanted = list(fingerprints)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            found.update(r[0] for r in self.conn.execute(
                f"SELECT fingerprint FROM progress_entries WHERE fingerprint IN ({', '.join('?' * len(chunk))})",
                chunk))
        return found

    def count(self, plan_id: int | None = None) -> int:
        if plan_id is None:
            return self.conn.execute("SELECT count(*) FROM progress_entries").fetchone()[0]
        return self.conn.execute("SELECT count(*) FROM progress_entries e JOIN tasks t ON t.id = e.task_id "
                                 "WHERE t.plan_id = ?", (plan_id,)).fetchone()[0]

    # --- rounds of unit sheets ------------------------------------------------------------

    def record_round(self, plan_id: int, period: Period) -> None:
        """Remember that unit sheets for ``period`` were sent out (the import checks against it)."""
        with self.database.transaction():
            self.conn.execute(
                "INSERT INTO progress_rounds (plan_id, period, issued_at) VALUES (?, ?, ?) "
                "ON CONFLICT(plan_id, period) DO UPDATE SET issued_at = excluded.issued_at",
                (plan_id, period.key, _now()))

    def rounds(self, plan_id: int) -> list[Period]:
        """Periods for which sheets were sent out, the most recent round last."""
        return [Period.parse(r[0]) for r in self.conn.execute(
            "SELECT period FROM progress_rounds WHERE plan_id = ? ORDER BY issued_at", (plan_id,))]

    # --- roll-up of the communes' sheets at the level above (sheets/rollup.py) ------------------------

    def rollup_records(self, upper_key: str, period_key: str | None = None) -> dict[str, dict]:
        """The communes' sheets taken for the upper plan ``upper_key`` (one record per commune and period, kept
        in ``settings`` under ``rollup:<upper key>:<period>:<commune>``), by settings key."""
        prefix = f"{ROLLUP_PREFIX}{upper_key}:{period_key + ':' if period_key else ''}"
        rows = self.conn.execute("SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?",
                                 (len(prefix), prefix)).fetchall()
        return {key: json.loads(value) for key, value in rows if value}

    def save_rollup(self, entries: Iterable[ProgressEntry], key: str, record: dict) -> list[int]:
        """One commune's sheet: its new entries and its record, in one transaction (all or nothing)."""
        with self.database.transaction():
            ids = self._insert(list(entries))
            self.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                              (key, json.dumps(record, ensure_ascii=False)))
            return ids
