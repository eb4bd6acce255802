"""The SQLite store: refusing bad files untouched, migrations, backups, restore, check, edits."""

import datetime as dt
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from kehoach_desktop.domain.plan import Task
from kehoach_desktop.errors import StorageError
from kehoach_desktop.services import Store
from kehoach_desktop.store import migrations
from kehoach_desktop.store.backup import check, daily_backup, list_backups, restore
from kehoach_desktop.store.database import open_database
from tests.conftest import fixture_path, load_fixture, run_cli, sha256


def _make_db(path: Path, with_plan: bool = True) -> None:
    with Store.open(path, backup=False) as store:
        if with_plan:
            store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))


def _assert_refused(path: Path, expected: str) -> None:
    before = sha256(path)
    result = run_cli("plans", db=path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert sha256(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_random_bytes_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "kehoach.sqlite"
    path.write_bytes(os.urandom(8192))
    _assert_refused(path, "bị hỏng hoặc không phải dữ liệu")


def test_truncated_database_is_refused_and_left_untouched(tmp_path):
    good = tmp_path / "good.sqlite"
    _make_db(good)
    for suffix in ("-wal", "-shm"):
        Path(str(good) + suffix).unlink(missing_ok=True)
    data = good.read_bytes()
    truncated = tmp_path / "kehoach.sqlite"
    truncated.write_bytes(data[: len(data) // 3])
    _assert_refused(truncated, "bị hỏng")


def test_foreign_sqlite_file_is_not_taken_for_ours(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    _assert_refused(path, "không phải dữ liệu của KeHoach")


def test_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "kehoach.sqlite"
    _make_db(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    _assert_refused(path, "phiên bản KeHoach Desktop mới hơn")


def _make_read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Make ``folder`` and its files read-only for real; True when that held even for root.

    Root ignores permission bits, so as root the folder is made immutable (chattr +i, as
    a locked-down PC or a write-protected USB stick would be). Where that is not possible
    the check falls back to telling the program that the location is not writable.
    """
    for p in folder.iterdir():
        p.chmod(0o444)
    folder.chmod(0o555)
    if os.name != "posix" or os.geteuid() != 0:
        return True
    files = [str(p) for p in folder.iterdir()]
    if subprocess.run(["chattr", "+i", *files, str(folder)], capture_output=True).returncode == 0:
        return True
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p).resolve().is_relative_to(
        folder.resolve()) and mode == os.W_OK else real_access(p, mode, **kw))
    return False


@pytest.fixture
def locked_dir(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    yield folder
    subprocess.run(["chattr", "-i", "-R", str(folder)], capture_output=True)
    folder.chmod(0o755)


def test_read_only_location_gives_a_clear_message(locked_dir, monkeypatch):
    existing = locked_dir / "kehoach.sqlite"
    _make_db(existing)
    for suffix in ("-wal", "-shm"):
        Path(str(existing) + suffix).unlink(missing_ok=True)
    before = sha256(existing)
    real = _make_read_only(locked_dir, monkeypatch)
    for target in (locked_dir / "new.sqlite", existing):
        if real:
            result = run_cli("plans", db=target)
            assert result.returncode == 1, result.stderr
            message = result.stderr
        else:
            with pytest.raises(StorageError) as info:
                Store.open(target)
            message = str(info.value)
        assert "chỉ cho phép đọc" in message and "Traceback" not in message
    assert sha256(existing) == before
    assert not (locked_dir / "new.sqlite").exists()


def test_migration_copies_the_file_first_and_runs_each_step(tmp_path, monkeypatch):
    path = tmp_path / "kehoach.sqlite"
    _make_db(path)

    def add_column(conn):
        conn.execute("ALTER TABLE plans ADD COLUMN colour TEXT")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, add_column])
    monkeypatch.setattr("kehoach_desktop.store.database.STEPS", migrations.STEPS)
    monkeypatch.setattr("kehoach_desktop.store.database.LATEST", len(migrations.STEPS))
    monkeypatch.setattr("kehoach_desktop.store.migrations.LATEST", len(migrations.STEPS))
    database = open_database(path)
    assert database.conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations.STEPS)
    assert "colour" in {r[1] for r in database.conn.execute("PRAGMA table_info(plans)")}
    database.close()
    copies = list(tmp_path.glob("kehoach.v*.before-upgrade.sqlite"))
    assert len(copies) == 1
    old = sqlite3.connect(copies[0])
    assert old.execute("SELECT count(*) FROM plans").fetchone()[0] == 1
    assert old.execute("PRAGMA user_version").fetchone()[0] == len(migrations.STEPS) - 1
    old.close()


def test_a_failing_migration_step_leaves_the_previous_version(tmp_path, monkeypatch):
    path = tmp_path / "kehoach.sqlite"
    _make_db(path)

    def broken(conn):
        conn.execute("ALTER TABLE plans ADD COLUMN half_done TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    steps = [*migrations.STEPS, broken]
    monkeypatch.setattr("kehoach_desktop.store.database.STEPS", steps)
    monkeypatch.setattr("kehoach_desktop.store.database.LATEST", len(steps))
    monkeypatch.setattr("kehoach_desktop.store.migrations.LATEST", len(steps))
    with pytest.raises(StorageError):
        open_database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(steps) - 1
    assert "half_done" not in {r[1] for r in conn.execute("PRAGMA table_info(plans)")}
    conn.close()


def test_daily_backups_rotate_and_keep_the_last_ten(tmp_path):
    path = tmp_path / "kehoach.sqlite"
    _make_db(path)
    database = open_database(path)
    start = dt.date(2026, 1, 1)
    for day in range(14):
        daily_backup(database, start + dt.timedelta(days=day))
    assert daily_backup(database, start + dt.timedelta(days=13)) is None  # once a day
    backups = list_backups(path)
    assert len(backups) == 10
    assert backups[0].name == "kehoach-2026-01-14.sqlite"
    assert backups[-1].name == "kehoach-2026-01-05.sqlite"
    database.close()


def test_restore_brings_back_a_deleted_plan_and_keeps_a_safety_copy(tmp_path):
    path = tmp_path / "kehoach.sqlite"
    _make_db(path)
    store = Store.open(path)
    backup = list_backups(path)[0]
    store.plans.purge(1)
    assert store.plans.list() == []
    safety = restore(store.database, backup)
    assert [p.title for p in store.plans.list()] == ["Triển khai thi hành Luật Trí tuệ nhân tạo"]
    assert safety.exists()
    store.close()


def test_restore_refuses_a_damaged_backup_without_touching_the_database(tmp_path):
    path = tmp_path / "kehoach.sqlite"
    _make_db(path)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    result = run_cli("restore", str(bad), db=path)
    assert result.returncode == 1 and "bị hỏng" in result.stderr
    assert run_cli("plans", db=path).stdout.startswith("1\t")


def test_check_passes_on_a_sound_database_and_reports_damage(tmp_path):
    path = tmp_path / "kehoach.sqlite"
    _make_db(path)
    result = run_cli("check", db=path)
    assert result.returncode == 0 and "nguyên vẹn: 1 kế hoạch, 7 nhiệm vụ" in result.stdout
    conn = sqlite3.connect(path)
    conn.execute("UPDATE tasks SET position = 7 WHERE position = 0 AND parent_id IS NULL")
    conn.commit()
    conn.close()
    result = run_cli("check", db=path)
    assert result.returncode == 1 and "Thứ tự các nhiệm vụ" in result.stderr


def test_edits_are_committed_at_once_and_kept_in_order(store):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    plan = store.plans.load(plan_id)
    section_id = store.plans.section_ids(plan_id)[1]
    first = plan.sections[1].tasks[0]
    new_id = store.plans.insert_task(plan_id, section_id, None, 1,
                                     Task(title="Nhiệm vụ mới", lead=["Phòng VH-XH"], time="Quý III/2026"))
    store.plans.update_task(first.id, title="Tiêu đề đã sửa", coordinators=["Văn phòng HĐND&UBND xã"])
    # a second connection sees everything: nothing waits for a Save button
    other = Store.open(store.database.path, backup=False)
    reloaded = other.plans.load(plan_id)
    tasks = reloaded.sections[1].tasks
    assert [t.title for t in tasks[:2]] == ["Tiêu đề đã sửa", "Nhiệm vụ mới"]
    assert tasks[1].lead == ["Phòng Văn hóa - Xã hội"]
    assert tasks[0].coordinators == ["Văn phòng HĐND và UBND"]
    # move the new task under the first one, then delete it and put it back
    other.close()
    store.plans.move_task(new_id, section_id, first.id, 0)
    assert store.plans.load(plan_id).sections[1].tasks[0].children[0].title == "Nhiệm vụ mới"
    task, sid, parent, position = store.plans.delete_task(new_id)
    assert store.plans.load(plan_id).sections[1].tasks[0].children == []
    store.plans.insert_task(plan_id, sid, parent, position, task)
    assert store.plans.load(plan_id).sections[1].tasks[0].children[0].lead == ["Phòng Văn hóa - Xã hội"]
    assert check(store.database).ok


def test_a_tasks_units_come_back_in_the_order_typed_under_the_catalogs_current_names(store):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    section_id = store.plans.section_ids(plan_id)[1]
    coordinators = ["Công an xã", "Tổ công tác số", "Phòng VH-XH", "Ban Chỉ huy Quân sự xã", "Đoàn Thanh niên"]
    task_id = store.plans.insert_task(plan_id, section_id, None, 0, Task(
        title="Rà soát", lead=["Tổ công tác số", "Văn phòng HĐND&UBND xã"], coordinators=coordinators))
    vhxh = store.units.catalog().find("VHXH")
    store.units.update(vhxh.id, "Phòng Văn hóa - Xã hội xã", vhxh.code, vhxh.aliases)
    task = next(t for t, _ in store.plans.load(plan_id).walk_tasks() if t.id == task_id)
    assert task.lead == ["Tổ công tác số", "Văn phòng HĐND và UBND"]
    assert task.coordinators == ["Công an xã", "Tổ công tác số", "Phòng Văn hóa - Xã hội xã",
                                 "Ban Chỉ huy quân sự xã", "Đoàn Thanh niên"]  # the catalog's spelling
    before = load_fixture("ke-hoach-xa-lam-vy").sections[1].tasks[0]
    after = store.plans.load(plan_id).sections[1].tasks[1]  # the next task keeps its own
    assert (after.title, len(after.lead), len(after.coordinators)) == (
        before.title, len(before.lead), len(before.coordinators))


def test_merging_two_spellings_reassigns_tasks(store):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    plan = store.plans.load(plan_id)
    task = plan.sections[1].tasks[0]
    store.plans.update_task(task.id, lead=["Tổ công nghệ số cộng đồng"])
    assert "Tổ công nghệ số cộng đồng" in store.units.unknown_names()
    new_unit = store.units.add("Tổ Công nghệ số cộng đồng xã")
    assert store.plans.load(plan_id).sections[1].tasks[0].lead == ["Tổ Công nghệ số cộng đồng xã"]
    vhxh = store.units.catalog().find("VHXH")
    store.units.merge(new_unit, vhxh.id)
    assert store.plans.load(plan_id).sections[1].tasks[0].lead == ["Phòng Văn hóa - Xã hội"]
    assert store.units.catalog().find("Tổ Công nghệ số cộng đồng").name == "Phòng Văn hóa - Xã hội"


def test_deleted_plan_goes_to_the_bin_and_comes_back(store):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    store.plans.delete(plan_id)
    assert store.plans.list() == [] and [p.id for p in store.plans.list(deleted=True)] == [plan_id]
    store.plans.restore(plan_id)
    assert [p.id for p in store.plans.list()] == [plan_id]
    copy_id = store.plans.duplicate(plan_id)
    copy = store.plans.load(copy_id)
    assert copy.number is None and len(list(copy.walk_tasks())) == 7
    assert copy.key != store.plans.load(plan_id).key


def test_import_json_twice_makes_two_plans(db_path):
    for _ in range(2):
        run_cli("import-json", str(fixture_path("ke-hoach-xa-lam-vy")), db=db_path, check=True)
    assert len(run_cli("plans", db=db_path).stdout.splitlines()) == 2


def _older_database(path: Path, version: int) -> None:
    """A database as an older version wrote it: made now, then taken back to schema ``version`` by
    undoing the later steps (their columns and tables dropped), with the Bình Giang plan in it."""
    with Store.open(path) as store:
        store.plans.create(load_fixture("ke-hoach-xa-binh-giang-nd142"))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    if version < 5:  # before search across plans (its triggers go with the table)
        conn.execute("DROP TABLE search_index_fts")
        conn.execute("DROP TABLE search_index")
    if version < 4:  # before plans derived from an upper plan
        conn.execute("ALTER TABLE plans DROP COLUMN upper")
        conn.execute("ALTER TABLE tasks DROP COLUMN source")
    if version < 3:  # before phụ lục
        conn.execute("ALTER TABLE sections DROP COLUMN appendix")
        conn.execute("ALTER TABLE section_items DROP COLUMN tbl")
        conn.execute("ALTER TABLE tasks DROP COLUMN cells")
    if version < 2:  # before progress tracking
        conn.execute("DROP TABLE progress_entries")
        conn.execute("DROP TABLE progress_rounds")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("COMMIT")
    conn.close()
    for backup in (path.parent / "backups").glob("*"):
        backup.unlink()


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_a_real_older_database_upgrades_with_its_plans(tmp_path, version):
    """A database written before progress tracking (schema 1), before phụ lục (schema 2) or before links to
    upper plans (schema 3) opens in this version with its plans, and a phụ lục can then be stored in it."""
    from kehoach_desktop.domain.plan import Appendix, Section

    path = tmp_path / "kehoach.sqlite"
    _older_database(path, version)

    with Store.open(path) as store:
        assert store.database.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        plan = store.plans.load(1)
        assert plan.title.startswith("Triển khai thực hiện Nghị định số 142/2026/NĐ-CP")
        assert len(list(plan.walk_tasks())) == 9
        assert plan.appendices() == []
        store.plans.insert_section(1, len(plan.sections), Section(
            "DANH MỤC", "tasks", tasks=[Task("Việc trong phụ lục", cells={"Kinh phí": "Ngân sách xã"})],
            appendix=Appendix(label="Phụ lục")))
        again = store.plans.load(1)
        assert [t.title for t, _ in again.walk_tasks()][-1] == "Việc trong phụ lục"
        assert again.appendices()[0].tasks[0].cells == {"Kinh phí": "Ngân sách xã"}
    assert len(list(tmp_path.glob(f"kehoach.v{version}-*.before-upgrade.sqlite"))) == 1
    assert run_cli("check", db=path).returncode == 0
