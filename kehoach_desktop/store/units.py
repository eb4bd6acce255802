"""The units catalog in the database: presets, aliases, rename and merge."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from ..domain.record import Record
from ..domain.text import clean_line, vi_sort_key
from ..domain.units import Unit, UnitCatalog, preset_units, unit_key
from ..errors import InvalidInput, NotFound
from .database import Database


def reindex_units_of(conn: sqlite3.Connection, task_ids: Iterable[int]) -> None:
    """The search index's units of these tasks (store/search.py, imported on a catalog change, not at start)."""
    from .search import reindex_units_of as reindex

    reindex(conn, task_ids)


class UnitRepository:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.conn = database.conn

    def all(self) -> list[Unit]:
        rows = self.conn.execute("SELECT id, name, code, aliases FROM units ORDER BY position, id").fetchall()
        return [Unit(name, code, json.loads(aliases), id) for id, name, code, aliases in rows]

    def catalog(self) -> UnitCatalog:
        return UnitCatalog(self.all())

    def ensure_presets(self, kind: str | None) -> None:
        """Fill an empty catalog with the presets of a xã or phường (both when unknown)."""
        if self.conn.execute("SELECT count(*) FROM units").fetchone()[0]:
            return
        with self.database.transaction():
            for position, unit in enumerate(preset_units(kind)):
                self._insert(unit, position)

    def reset_presets(self, kind: str | None) -> bool:
        """After the first-run choice of xã/phường: replace the catalog by that kind's presets.

        Only while the catalog is still the untouched preset of no particular kind (no
        task names a unit yet); returns whether it was replaced.
        """
        if self.conn.execute("SELECT count(*) FROM task_units WHERE unit_id IS NOT NULL").fetchone()[0]:
            return False
        current = [u.name for u in self.all()]
        if current and current != [u.name for u in preset_units(None)]:
            return False
        with self.database.transaction():
            self.conn.execute("DELETE FROM units")
            for position, unit in enumerate(preset_units(kind)):
                self._insert(unit, position)
        return True

    def _insert(self, unit: Unit, position: int) -> int:
        cur = self.conn.execute(
            "INSERT INTO units (name, code, aliases, norm, position) VALUES (?, ?, ?, ?, ?)",
            (clean_line(unit.name), unit.code, json.dumps(unit.aliases, ensure_ascii=False),
             unit_key(unit.name), position))
        return int(cur.lastrowid or 0)

    def add(self, name: str, code: str | None = None, aliases: list[str] | None = None) -> int:
        name = clean_line(name)
        if not name:
            raise InvalidInput("Tên đơn vị không được để trống.")
        existing = self.catalog().find(name)
        if existing:
            raise InvalidInput(f"Đơn vị “{name}” đã có trong danh mục (là “{existing.name}”).")
        with self.database.transaction():
            position = self.conn.execute("SELECT coalesce(max(position), -1) + 1 FROM units").fetchone()[0]
            unit_id = self._insert(Unit(name, code, aliases or []), position)
            # Tasks that already named this unit as written now point at it.
            self.conn.execute(
                "UPDATE task_units SET unit_id = ? WHERE unit_id IS NULL AND name = ?", (unit_id, name))
            self._relink_unlinked()
        return unit_id

    def _relink_unlinked(self) -> None:
        catalog = self.catalog()
        rows = self.conn.execute(
            "SELECT task_id, role, position, name FROM task_units WHERE unit_id IS NULL").fetchall()
        relinked = []
        for task_id, role, position, name in rows:
            unit = catalog.find(name)
            if unit:
                self.conn.execute(
                    "UPDATE task_units SET unit_id = ?, name = ? WHERE task_id = ? AND role = ? AND position = ?",
                    (unit.id, unit.name, task_id, role, position))
                relinked.append(task_id)
        reindex_units_of(self.conn, relinked)  # the search index holds the names tasks show

    def _tasks_of(self, *unit_ids: int | None) -> list[int]:
        return [r[0] for r in self.conn.execute(
            f"SELECT DISTINCT task_id FROM task_units WHERE unit_id IN ({', '.join('?' * len(unit_ids))})",
            unit_ids)]

    def update(self, unit_id: int, name: str, code: str | None, aliases: list[str]) -> None:
        name = clean_line(name)
        if not name:
            raise InvalidInput("Tên đơn vị không được để trống.")
        clash = self.catalog().find(name)
        if clash and clash.id != unit_id:
            raise InvalidInput(f"Tên “{name}” trùng với đơn vị “{clash.name}”. Hãy dùng chức năng gộp.")
        with self.database.transaction():
            cur = self.conn.execute(
                "UPDATE units SET name = ?, code = ?, aliases = ?, norm = ? WHERE id = ?",
                (name, code, json.dumps([clean_line(a) for a in aliases if clean_line(a)], ensure_ascii=False),
                 unit_key(name), unit_id))
            if not cur.rowcount:
                raise NotFound(f"Không có đơn vị số {unit_id}.")
            self.conn.execute("UPDATE task_units SET name = ? WHERE unit_id = ?", (name, unit_id))
            reindex_units_of(self.conn, self._tasks_of(unit_id))
            self._relink_unlinked()

    def merge(self, source_id: int, target_id: int) -> None:
        """Two spellings -> one unit: tasks of ``source`` now name ``target``; its names become aliases."""
        if source_id == target_id:
            return
        units = {u.id: u for u in self.all()}
        if source_id not in units or target_id not in units:
            raise NotFound("Không tìm thấy đơn vị cần gộp.")
        source, target = units[source_id], units[target_id]
        aliases = list(dict.fromkeys([*target.aliases, source.name, *source.aliases]))
        with self.database.transaction():
            moved = self._tasks_of(source_id)
            self.conn.execute("UPDATE task_units SET unit_id = ?, name = ? WHERE unit_id = ?",
                              (target_id, target.name, source_id))
            reindex_units_of(self.conn, moved)
            self.conn.execute("DELETE FROM units WHERE id = ?", (source_id,))
            self.conn.execute("UPDATE units SET aliases = ? WHERE id = ?",
                              (json.dumps(aliases, ensure_ascii=False), target_id))

    def delete(self, unit_id: int) -> None:
        """Remove a unit from the catalog; tasks keep its name as written."""
        with self.database.transaction():
            self.conn.execute("UPDATE task_units SET unit_id = NULL WHERE unit_id = ?", (unit_id,))
            self.conn.execute("DELETE FROM units WHERE id = ?", (unit_id,))

    def unknown_names(self) -> list[str]:
        """Names used in tasks that are not in the catalog (offered to the user to add)."""
        rows = self.conn.execute("SELECT DISTINCT name FROM task_units WHERE unit_id IS NULL").fetchall()
        return sorted((r[0] for r in rows), key=vi_sort_key)

    # --- undo of catalog changes -----------------------------------------------------------------

    def state(self) -> CatalogState:
        """The catalog and the task–unit links, to undo a catalog change (rename, merge, add, delete)."""
        units = [tuple(r) for r in self.conn.execute(
            "SELECT id, name, code, aliases, norm, position FROM units ORDER BY id")]
        links = {(t, r, p): (u, n) for t, r, p, u, n in self.conn.execute(
            "SELECT task_id, role, position, unit_id, name FROM task_units")}
        return CatalogState(units, links)

    def restore_state(self, target: CatalogState, other: CatalogState) -> None:
        """Undo (or redo) a catalog change that led from ``target`` to ``other`` (or back).

        The units table becomes ``target``'s. Of the task–unit links, only those the change
        itself altered, and that nobody has edited since, are set back: edits made to tasks
        in the meantime, in this plan or another, are kept.
        """
        now = self.state().links
        changed = {k: v for k, v in target.links.items()
                   if other.links.get(k) != v and now.get(k) == other.links.get(k)}
        names = {u[0]: u[1] for u in target.units}
        renamed = [uid for uid, name in self.conn.execute("SELECT id, name FROM units") if names.get(uid) != name]
        with self.database.transaction():
            touched = {t for t, _, _ in changed} | set(self._tasks_of(*renamed) if renamed else ())
            self.conn.execute("PRAGMA defer_foreign_keys = ON")
            self.conn.execute("DELETE FROM units")
            self.conn.executemany(
                "INSERT INTO units (id, name, code, aliases, norm, position) VALUES (?, ?, ?, ?, ?, ?)",
                target.units)
            self.conn.executemany(
                "UPDATE task_units SET unit_id = ?, name = ? WHERE task_id = ? AND role = ? AND position = ?",
                [(u, n, t, r, p) for (t, r, p), (u, n) in changed.items()])
            # a link to a unit that no longer exists keeps its name as written
            self.conn.execute("UPDATE task_units SET unit_id = NULL WHERE unit_id NOT IN (SELECT id FROM units)")
            reindex_units_of(self.conn, touched)


class CatalogState(Record):
    """The catalog's units and every task's links to them, as one edit of the catalog found them (its undo)."""

    __slots__ = ("units", "links")

    def __init__(self, units: list[tuple], links: dict[tuple[int, str, int], tuple[int | None, str]]) -> None:
        self.units = units
        self.links = links
