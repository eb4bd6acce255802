"""Search across plans and one unit's tasks (issue #12 point 5): the FTS index kept in step by the store."""

from __future__ import annotations

import datetime as dt
import sqlite3
import unicodedata

import pytest

from kehoach_desktop.domain.plan import PartialDate, Plan, Section, Task
from kehoach_desktop.domain.progress import ProgressEntry
from kehoach_desktop.domain.text import fold
from kehoach_desktop.errors import InvalidInput
from kehoach_desktop.services import Store
from kehoach_desktop.store import search
from kehoach_desktop.store.across import find_unit, fts_query, search_all, unit_tasks
from kehoach_desktop.store.backup import check
from tests.conftest import SAMPLE_NAMES, load_fixture


def _plan(title: str, *tasks: Task, number: str | None = "05", date: PartialDate | None = None) -> Plan:
    date = date or PartialDate(2026, 3, 20)
    return Plan(title=title, number=number, date=date, sections=[Section("NHIỆM VỤ", "tasks", tasks=list(tasks))])


def _titles(hits) -> list[str]:
    return [h.task_title for h in hits if h.task_id is not None]


@pytest.fixture
def samples(store):
    ids = [store.import_plan(load_fixture(name)) for name in SAMPLE_NAMES]
    return store, ids


def test_search_without_diacritics_finds_vietnamese_words(samples):
    store, _ = samples
    hits = search_all(store, "van hoa")
    assert any("Văn hóa" in " ".join(h.lead) for h in hits)
    # "đ" is a letter FTS5 keeps: "dia phuong" still finds "địa phương"
    local = search_all(store, "dia phuong")
    assert local and any("địa phương" in h.task_title for h in local)
    assert search_all(store, "địa phương") == local  # typed with its marks: the same


def test_words_are_prefixes_all_required_and_ranked_title_first(store):
    store.import_plan(_plan("Kế hoạch A",
                            Task("Tuyên truyền pháp luật", content=["Nội dung về văn hóa cơ sở"]),
                            Task("Xây dựng đời sống văn hóa ở khu dân cư")))
    hits = search_all(store, "van ho")
    assert _titles(hits) == ["Xây dựng đời sống văn hóa ở khu dân cư", "Tuyên truyền pháp luật"]
    assert _titles(search_all(store, "tuyen van")) == ["Tuyên truyền pháp luật"]  # every word, anywhere
    assert search_all(store, "tuyen khong-co-dau") == []


def test_every_vietnamese_letter_is_indexed_as_fold_reads_it(store):
    """The stored text keeps its marks but đ: the tokenizer gives the tokens of domain.text.fold."""
    words = []
    for vowel in "aăâeêioôơuưy":
        for tone in ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"):
            word = unicodedata.normalize("NFC", f"đ{vowel}{tone}n")
            words += [word, word.upper(), unicodedata.normalize("NFD", word)]
    store.import_plan(_plan("Chữ", *[Task(w) for w in words]))
    for word in words:
        assert word in _titles(search_all(store, fold(word), limit=500)), word


@pytest.mark.parametrize("typed", ['"', '""', "-", "*", "**", "a\"b", "NOT", "AND OR", "NEAR(", "(", ")",
                                   "văn -hóa", "^", ":", "title:x", "'", "\\", "   ", "", "1.2", "“tuyên”"])
def test_what_the_user_types_never_breaks_the_query(samples, typed):
    store, _ = samples
    assert isinstance(search_all(store, typed), list)


def test_the_query_is_quoted_words():
    assert fts_query('văn-hóa "địa phương*') == '"van hoa"* AND "dia"* AND "phuong"*'
    assert fts_query("- * \"") == ""


def test_results_follow_edits_numbers_deletes_and_the_bin(store):
    plan_id = store.import_plan(_plan("Kế hoạch tuyên truyền", Task("Rà soát văn bản"), Task("Kiểm tra")))
    plan = store.plans.load(plan_id)
    first, second = (t for t, _ in plan.walk_tasks())
    store.plans.update_task(first.id, title="Tập huấn chuyển đổi số")
    assert _titles(search_all(store, "chuyen doi so")) == ["Tập huấn chuyển đổi số"]
    assert _titles(search_all(store, "ra soat")) == []
    store.plans.update_task(second.id, content=["Đôn đốc các thôn"], lead=["Phòng Kinh tế"])
    assert _titles(search_all(store, "don doc thon")) == ["Kiểm tra"]
    assert search_all(store, "phong kinh te")[0].lead == ("Phòng Kinh tế",)
    store.plans.insert_task(plan_id, plan.sections[0] and store.plans.section_ids(plan_id)[0], None, 0,
                            Task("Sơ kết giữa kỳ", time="Quý III/2026"))
    assert _titles(search_all(store, "so ket")) == ["Sơ kết giữa kỳ"]
    store.plans.set_numbers({first.id: "7"})
    assert [h.task_number for h in search_all(store, "chuyen doi")] == ["7."]
    store.plans.delete_task(first.id)
    assert search_all(store, "chuyen doi so") == []
    store.plans.update_plan(plan_id, title="Kế hoạch chuyển đổi số")
    assert [(h.task_id, h.plan_title) for h in search_all(store, "chuyen doi")] == [
        (None, "Kế hoạch chuyển đổi số")]
    store.plans.delete(plan_id)  # to the bin: out of the results, back when restored
    assert search_all(store, "so ket") == []
    store.plans.restore(plan_id)
    assert _titles(search_all(store, "so ket")) == ["Sơ kết giữa kỳ"]
    store.plans.purge(plan_id)
    assert search_all(store, "so ket") == []
    assert store.database.conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 0
    assert check(store.database).ok


def test_a_unit_renamed_merged_or_its_undo_is_what_search_finds(store):
    unit_id = store.units.add("Hội Nông dân xã")
    plan_id = store.import_plan(_plan("KH", Task("Vận động hội viên", lead=["Hội Nông dân xã"])))
    assert _titles(search_all(store, "hoi nong dan")) == ["Vận động hội viên"]
    before = store.units.state()
    store.units.update(unit_id, "Hội Nông dân Việt Nam xã", None, [])
    assert _titles(search_all(store, "nong dan viet nam")) == ["Vận động hội viên"]
    after = store.units.state()
    store.units.restore_state(before, after)  # undo of the rename
    assert _titles(search_all(store, "nong dan viet nam")) == []
    other = store.units.add("Hội Cựu chiến binh")
    store.units.merge(unit_id, other)
    assert _titles(search_all(store, "cuu chien binh")) == ["Vận động hội viên"]
    assert check(store.database).ok
    assert store.plans.load(plan_id).sections[0].tasks[0].lead == ["Hội Cựu chiến binh"]


def test_status_and_due_date_of_a_hit(store):
    plan_id = store.import_plan(_plan("KH", Task("Tổng kết năm", lead=["Phòng Văn hóa - Xã hội"],
                                                 time="31/5/2026")))
    task_id = store.plans.load(plan_id).sections[0].tasks[0].id
    hit = search_all(store, "tong ket", today=dt.date(2026, 7, 1))[0]
    assert (hit.status_label, hit.due, hit.overdue) == ("Quá hạn", dt.date(2026, 5, 31), True)
    store.progress.add(ProgressEntry(task_id=task_id, date=dt.date(2026, 5, 20), status="done",
                                     unit="Phòng Văn hóa - Xã hội"))
    assert search_all(store, "tong ket", today=dt.date(2026, 7, 1))[0].status_label == "Hoàn thành"


def test_an_older_database_gets_an_index_of_its_plans(tmp_path):
    """A schema-4 database (before the index) is upgraded with every plan it holds indexed."""
    from tests.test_store import _older_database

    path = tmp_path / "kehoach.sqlite"
    _older_database(path, 4)
    conn = sqlite3.connect(path)
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone()
    conn.close()
    with Store.open(path) as store:
        assert _titles(search_all(store, "tuyen truyen"))
        assert check(store.database).ok


def test_check_reports_an_index_out_of_step(store):
    plan_id = store.import_plan(_plan("KH", Task("Rà soát văn bản")))
    conn = store.database.conn
    conn.execute("DROP TRIGGER search_index_au")  # what a write behind the app's back would leave
    conn.execute("UPDATE search_index SET title = 'khac' WHERE task_id IS NOT NULL")
    report = check(store.database)
    assert not report.ok and any("Chỉ mục tìm kiếm" in p for p in report.problems)
    assert plan_id


def test_fts_comes_from_sqlite_utils_with_the_diacritics_tokenizer(store):
    sql = store.database.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (search.FTS,)).fetchone()[0]
    assert "remove_diacritics 2" in sql and "content=\"search_index\"" in sql
    triggers = {r[0] for r in store.database.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"search_index_ai", "search_index_ad", "search_index_au"} <= triggers


# --- one unit's tasks ----------------------------------------------------------------------------

def test_a_unit_s_tasks_across_plans_with_role_number_status(store):
    old = store.import_plan(_plan("Kế hoạch năm 2025", Task("Báo cáo năm", lead=["Phòng VH-XH"], time="31/5/2026"),
                                  Task("Báo cáo gia đình", lead=["VHXH"], time="Trước ngày 15/12 hằng năm"),
                                  number="01", date=PartialDate(2025, 1, 5)))
    new = store.import_plan(_plan("Kế hoạch chuyển đổi số", Task(
        "Hạ tầng", number="1", lead=["Phòng Kinh tế"], children=[
            Task("Tuyên truyền", number="a", lead=["Công an xã"], coordinators=["Phòng Văn hoá – Xã hội"],
                 time="Thường xuyên")])))
    binned = store.import_plan(_plan("Trong thùng rác", Task("X", lead=["Phòng Văn hóa - Xã hội"])))
    store.plans.delete(binned)
    unit = find_unit(store, "vhxh")
    rows = unit_tasks(store, unit, today=dt.date(2026, 7, 1))
    assert [(r.plan_id, r.number, r.title, r.role_label) for r in rows] == [
        (new, "1.a", "Tuyên truyền", "Phối hợp"), (old, "1", "Báo cáo năm", "Chủ trì"),
        (old, "2", "Báo cáo gia đình", "Chủ trì")]
    assert rows[1].status_label == "Quá hạn" and rows[1].overdue and rows[1].due == dt.date(2026, 5, 31)
    # a yearly deliverable missed: "Hạn" is the date it missed, not next year's
    assert (rows[2].status_label, rows[2].due) == ("Quá hạn", dt.date(2025, 12, 15))
    assert rows[0].plan_reference == "05/KH-UBND" and rows[0].time == "Thường xuyên"


def test_an_unknown_unit_is_refused_with_close_names(store):
    assert find_unit(store, "phong van hoa").name == "Phòng Văn hóa - Xã hội"  # a unique part of the name
    with pytest.raises(InvalidInput, match=r"Có phải: .*Phòng Văn hóa - Xã hội"):
        find_unit(store, "Phòng Văn hóa Thông tin")
    with pytest.raises(InvalidInput, match="Không có đơn vị"):
        find_unit(store, "zzzz")
