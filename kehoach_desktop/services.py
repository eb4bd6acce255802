"""Services shared by the CLI and the UI: open the store, import and export plans.

The UI and the ``kehoach`` command call these; nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .domain.plan import Plan
from .domain.text import fold
from .errors import NotFound, StorageError
from .paths import default_db_path
from .store.database import Database, open_database
from .store.plans import PlanRepository
from .store.units import UnitRepository

if TYPE_CHECKING:
    from .store.progress import ProgressRepository

SETTING_COMMUNE = "commune"  # {"name", "kind" ("xa"/"phuong"), "province", "signers": [...]}


class Store:
    """The open database with its repositories."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.plans = PlanRepository(database)
        self.units = UnitRepository(database)
        self._progress: ProgressRepository | None = None

    @property
    def progress(self) -> ProgressRepository:
        """Progress entries and rounds; imported on first use, so the window opens without them."""
        if self._progress is None:
            from .store.progress import ProgressRepository

            self._progress = ProgressRepository(self.database)
        return self._progress

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, backup: bool | str = True,
             check: bool | str = True) -> Store:
        """Open the database; ``backup``: the daily backup now (True), never (False), or
        ``"later"``: when :meth:`daily_backup` is called, and in any case before the first write
        (the app makes it once its window is on the screen). ``check="later"``: likewise SQLite's
        quick check of every page (:meth:`Database.check_integrity`), which reads the whole file."""
        database = open_database(path or default_db_path(), check_later=check == "later")
        store = cls(database)
        if backup == "later":
            database.before_first_write = store.daily_backup
        with store.reading():
            commune = store.get_setting(SETTING_COMMUNE) or {}
            store.units.ensure_presets(commune.get("kind"))
        if backup is True:
            store.daily_backup()
        return store

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Reads made before the deferred quick check: a damaged page they meet is reported as the check
        reports it (the file is damaged, restore a backup), not as a bug."""
        try:
            yield
        except sqlite3.DatabaseError:
            self.database.check_integrity()  # raises the clear message when the file is damaged
            raise

    def daily_backup(self) -> None:
        """Today's automatic backup, if it is not made yet (see :func:`store.backup.daily_backup`)."""
        from .store.backup import daily_backup

        self.database.before_first_write = None
        try:
            daily_backup(self.database)
        except StorageError as exc:  # a missed backup must not keep the user from their plans
            logging.getLogger("kehoach").warning("Không sao lưu tự động được: %s", exc)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- settings --------------------------------------------------------------------------

    def get_setting(self, key: str) -> dict | list | str | None:
        row = self.database.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row and row[0] is not None else None

    def set_setting(self, key: str, value: object) -> None:
        with self.database.transaction() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                         (key, json.dumps(value, ensure_ascii=False)))

    # --- plans -----------------------------------------------------------------------------

    def plan_id(self, reference: str | int) -> int:
        """Accept a plan id as typed on the command line."""
        try:
            plan_id = int(str(reference).strip())
        except ValueError:
            raise NotFound(f"“{reference}” không phải mã kế hoạch; dùng “kehoach plans” để xem mã.") from None
        return plan_id

    def load_plan(self, reference: str | int) -> Plan:
        return self.plans.load(self.plan_id(reference))

    def import_plan(self, plan: Plan) -> int:
        """Store a plan read from JSON or a document; unit names resolved through the catalog."""
        return self.plans.create(plan)

    def already_there(self, plan: Plan) -> str | None:
        """One line saying which plans of the database look like ``plan`` (same number, symbol and
        trích yếu; or, for a draft, the same trích yếu and date), or None: importing twice is allowed."""
        title = fold(plan.title)
        same = [p for p in self.plans.list()
                if fold(p.title) == title and p.symbol == plan.symbol and p.number == plan.number
                and (plan.number or p.date == plan.date)]
        if not same:
            return None
        which = ", ".join(f"#{p.id} ({p.reference})" for p in same)
        return f"Lưu ý: cơ sở dữ liệu đã có kế hoạch cùng số, ký hiệu và trích yếu: {which}; kế hoạch nhập là một bản riêng."

    # plan JSON and file writing are imported when used: the window opens without them

    def import_json(self, path: str | os.PathLike[str]) -> int:
        from .domain.planjson import read_plan_file

        return self.import_plan(read_plan_file(path))

    def export_json(self, reference: str | int, target: str | os.PathLike[str]) -> Path:
        from .domain.planjson import plan_to_json_text
        from .fileio import write_bytes

        plan = self.load_plan(reference)
        return write_bytes(target, plan_to_json_text(plan).encode("utf-8"))


def builtin_template() -> Plan:
    """The built-in "Kế hoạch triển khai thi hành Luật Trí tuệ nhân tạo" for a new commune plan."""
    from .domain.planjson import plan_from_json_text

    text = (Path(__file__).resolve().parent / "data" / "template-luat-ai.json").read_text("utf-8")
    return plan_from_json_text(text)


def derive_proposal(store: Store, upper: str | os.PathLike[str] | int, commune_name: str | None = None, *,
                    days_earlier: int = 0):
    """The commune plan proposed from an upper plan (a plan id of the database, or a file), for the
    commune of the settings (``commune_name`` another name): see :mod:`.domain.derive` and ``commands/derive``."""
    from .commands.derive import read_upper
    from .domain.derive import derive_plan
    from .errors import InvalidInput

    commune = dict(store.get_setting(SETTING_COMMUNE) or {})  # type: ignore[arg-type]
    if commune_name:  # "Lam Vỹ", or typed in full: "Phường Bạch Đằng"
        kind, _, rest = commune_name.strip().partition(" ")
        if fold(kind) in ("xa", "phuong") and rest:
            commune.update(kind="xa" if fold(kind) == "xa" else "phuong", name=rest.strip())
        else:
            commune["name"] = commune_name.strip()
    if not commune.get("name"):
        raise InvalidInput("Chưa có tên xã/phường: hãy khai trong Cài đặt của ứng dụng, hoặc dùng --commune TÊN.")
    catalog = store.units.catalog()
    return derive_plan(read_upper(store, upper, catalog), commune, catalog, days_earlier=days_earlier)
