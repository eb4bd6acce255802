"""One ordered migration chain, versioned with ``PRAGMA user_version``.

Each step runs in its own transaction. :func:`kehoach_desktop.store.database.open_database`
copies the file before the first step and refuses a database whose version is
newer than :data:`LATEST` (made by a newer KeHoach Desktop).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# "KHDS" — marks the file as ours, so a foreign SQLite file is not mistaken for a plan database.
APPLICATION_ID = 0x4B484453


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated DDL inside the caller's transaction (``executescript`` would commit)."""
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: sqlite3.Connection) -> None:
    run_script(conn,
        """
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE units (
            id       INTEGER PRIMARY KEY,
            name     TEXT NOT NULL,
            code     TEXT,
            aliases  TEXT NOT NULL DEFAULT '[]',
            norm     TEXT NOT NULL UNIQUE,
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE plans (
            id          INTEGER PRIMARY KEY,
            key         TEXT NOT NULL UNIQUE,
            title       TEXT NOT NULL DEFAULT '',
            issuer      TEXT NOT NULL DEFAULT '[]',
            number      TEXT,
            symbol      TEXT NOT NULL DEFAULT 'KH-UBND',
            place       TEXT NOT NULL DEFAULT '',
            date        TEXT,
            doc_type    TEXT NOT NULL DEFAULT 'KẾ HOẠCH',
            bases       TEXT NOT NULL DEFAULT '[]',
            preamble    TEXT NOT NULL DEFAULT '[]',
            closing     TEXT NOT NULL DEFAULT '[]',
            recipients  TEXT NOT NULL DEFAULT '[]',
            signature   TEXT NOT NULL DEFAULT '{}',
            labels      TEXT NOT NULL DEFAULT '{}',
            extra       TEXT NOT NULL DEFAULT '{}',
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            deleted_at  TEXT
        );
        CREATE TABLE sections (
            id       INTEGER PRIMARY KEY,
            plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title    TEXT NOT NULL DEFAULT '',
            kind     TEXT NOT NULL CHECK (kind IN ('text', 'tasks'))
        );
        CREATE INDEX sections_plan ON sections(plan_id, position);
        CREATE TABLE section_items (
            id         INTEGER PRIMARY KEY,
            section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
            position   INTEGER NOT NULL,
            heading    TEXT,
            paragraphs TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX section_items_section ON section_items(section_id, position);
        CREATE TABLE tasks (
            id         INTEGER PRIMARY KEY,
            key        TEXT NOT NULL,
            plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
            parent_id  INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
            position   INTEGER NOT NULL,
            number     TEXT NOT NULL DEFAULT '',
            title      TEXT NOT NULL DEFAULT '',
            content    TEXT NOT NULL DEFAULT '[]',
            time       TEXT NOT NULL DEFAULT '',
            product    TEXT,
            notes      TEXT,
            labels     TEXT NOT NULL DEFAULT '{}',
            assignment TEXT NOT NULL DEFAULT '[]',
            UNIQUE (plan_id, key)
        );
        CREATE INDEX tasks_plan ON tasks(plan_id, section_id, parent_id, position);
        CREATE INDEX tasks_parent ON tasks(parent_id);
        CREATE TABLE task_units (
            task_id  INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            role     TEXT NOT NULL CHECK (role IN ('lead', 'coordinator')),
            position INTEGER NOT NULL,
            unit_id  INTEGER REFERENCES units(id),
            name     TEXT NOT NULL,
            PRIMARY KEY (task_id, role, position)
        ) WITHOUT ROWID;
        CREATE INDEX task_units_unit ON task_units(unit_id);
        """
    )


def _v2_progress(conn: sqlite3.Connection) -> None:
    """Progress entries (tiến độ, never overwritten) and the rounds of unit sheets sent out."""
    run_script(conn,
        """
        CREATE TABLE progress_entries (
            id           INTEGER PRIMARY KEY,
            task_id      INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            date         TEXT NOT NULL,
            period       TEXT,
            unit         TEXT NOT NULL DEFAULT '',
            status       TEXT NOT NULL,
            done         TEXT NOT NULL DEFAULT '',
            result       TEXT NOT NULL DEFAULT '',
            percent      REAL,
            difficulties TEXT NOT NULL DEFAULT '',
            proposals    TEXT NOT NULL DEFAULT '',
            evidence     TEXT NOT NULL DEFAULT '',
            source       TEXT NOT NULL DEFAULT 'manual',
            fingerprint  TEXT UNIQUE,
            created_at   TEXT NOT NULL
        );
        CREATE INDEX progress_entries_task ON progress_entries(task_id, date);
        CREATE TABLE progress_rounds (
            plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            period    TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            PRIMARY KEY (plan_id, period)
        );
        """
    )


def _v3_appendices(conn: sqlite3.Connection) -> None:
    """Phụ lục as sections of their own: a section's appendix description (JSON; NULL for the body's
    Roman-numeral sections), a text item's table (JSON rows), a task's cells of other phụ lục columns."""
    run_script(conn,
        """
        ALTER TABLE sections ADD COLUMN appendix TEXT;
        ALTER TABLE section_items ADD COLUMN tbl TEXT;
        ALTER TABLE tasks ADD COLUMN cells TEXT NOT NULL DEFAULT '{}'
        """
    )


def _v4_upper_links(conn: sqlite3.Connection) -> None:
    """Plans derived from an upper plan: the plan's upper plan (JSON ``{key, issuer, number, …}``) and each
    task's upper task (JSON ``{plan, task, number, title, reference}``); NULL for plans made otherwise."""
    run_script(conn,
        """
        ALTER TABLE plans ADD COLUMN upper TEXT;
        ALTER TABLE tasks ADD COLUMN source TEXT
        """
    )


def _v5_search(conn: sqlite3.Connection) -> None:
    """Search across plans (issue #12): ``search_index`` (one row per task and per plan, in the diacritic-free
    form of :mod:`kehoach_desktop.store.search`) with its FTS5 table and triggers made by sqlite-utils'
    ``enable_fts``; a database that already has plans gets them all indexed here.

    No table is rebuilt (sqlite-utils' ``transform()``): none needs it. ``sections.kind`` still takes only
    'text' and 'tasks' (a phụ lục is a section with ``appendix`` set, not a new kind); every column added
    since schema 1 (``appendix``, ``tbl``, ``cells``, ``upper``, ``source``) has the NOT NULL/default it
    should (the nullable ones mean "none"); the order of the tasks table's columns is cosmetic, every
    query names its columns. A rebuild would also have to run outside the step's transaction: tasks and
    sections are referenced ``ON DELETE CASCADE``, so dropping the old table with foreign keys on would
    delete their rows, and ``PRAGMA foreign_keys`` cannot change inside a transaction (sqlite-utils
    refuses such a transform for that reason).
    """
    from .search import create_index

    create_index(conn)


# Steps in order: STEPS[i] brings a database from version i to version i + 1.
STEPS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2_progress, _v3_appendices, _v4_upper_links,
                                                    _v5_search]
LATEST = len(STEPS)
