"""Searching a long plan: the first matches show at once, the rest as the user scrolls; on a very long
plan the matches arrive while the user goes on typing, and only the last query's are ever listed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kehoach_desktop.domain.plan import Task
from kehoach_desktop.domain.text import matches
from kehoach_desktop.domain.timeframe import parse_timeframe
from kehoach_desktop.ui import taskmodel
from kehoach_desktop.ui.taskmodel import FETCH_BATCH

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _plans import big_plan

from .conftest import type_text


def _text(task: Task) -> str:
    """What a search looks in: the task's number, title, content, units, time, product and notes."""
    return " ".join([task.number, task.title, *task.content, *task.lead, *task.coordinators, task.time,
                     task.product or "", task.notes or ""])


def _open(window, store, tasks: int):
    plan_id = store.import_plan(big_plan(tasks))
    window.open_plan(plan_id)
    window.editor.show_part("tasks")
    return window.editor.tasks


def _shown(page) -> list[str]:
    results = page.results
    return [results.matches[row] for row in range(results.rowCount())]


def test_many_matches_arrive_in_batches_and_any_match_can_be_opened(qtbot, qtmodeltester, window, store):
    page = _open(window, store, 1500)
    page.search.setText("tuyen truyen")
    results = page.results
    qtbot.waitUntil(lambda: not results.searching())
    total = len(results.matches)
    assert total > 2 * FETCH_BATCH
    assert FETCH_BATCH <= results.rowCount() < total  # a batch at a time, as many as the view shows
    assert str(total) in page.count_label.text()  # the count says how many match, not how many are drawn
    qtmodeltester.check(results)

    page.tree.scrollToBottom()  # the view asks for more when the user reaches the end
    qtbot.waitUntil(lambda: results.rowCount() > FETCH_BATCH)

    far = results.matches[-1]  # a match not handed to the view yet can still be opened
    page.select_key(far)
    assert page.form.key == far
    assert results.mapToSource(page.tree.currentIndex()) == page.session.model.index_of(far)
    assert results.rowCount() == total


@pytest.fixture
def sliced(monkeypatch):
    """Match one chunk of tasks per turn of the event loop, however fast the machine: the matches of a
    long plan then always arrive in several turns, as they do on a slow one."""
    monkeypatch.setattr(taskmodel, "SLICE_SECONDS", 0.0)


def test_on_20000_tasks_only_the_last_query_typed_is_listed(qtbot, qtmodeltester, window, store, sliced):
    page = _open(window, store, 20000)
    tasks = page.session.model.flat()
    results = page.results
    page.search.setFocus()
    type_text(page.search, "van")  # keys typed quickly: each drops the search of the one before
    type_text(page.search, " hoa")
    want = [t.key for t in tasks if matches("van hoa", _text(t))]  # "Văn hóa", without its diacritics
    assert results.searching()  # the first matches are listed, the others still to come
    assert page.tree.model() is results
    assert _shown(page) == want[:results.rowCount()]
    assert page.count_label.text().endswith("…")
    # checked while matches arrive; not across the resets of later keys, where Qt's tester itself asks a
    # model that can fetch more for more rows before it has heard the end of the reset
    qtmodeltester.check(results)
    qtbot.waitUntil(lambda: not results.searching(), timeout=20000)
    assert results.matches == want
    assert _shown(page) == want[:results.rowCount()] and results.rowCount() < len(want)
    assert str(len(want)) in page.count_label.text() and not page.count_label.text().endswith("…")
    qtmodeltester.check(results)

    page.tree.setCurrentIndex(results.index(3, 0))  # picking a result opens it in the form
    assert page.form.key == want[3]
    page.select_key(want[-1])  # so does one far down the list
    assert page.form.key == want[-1]



def test_on_20000_tasks_the_unit_and_time_filters_narrow_the_search(qtbot, window, store, sliced):
    page = _open(window, store, 20000)
    tasks = page.session.model.flat()
    results = page.results
    unit = "Trạm Y tế"
    page.unit_filter.setCurrentIndex(page.unit_filter.findData(unit))
    qtbot.waitUntil(lambda: not results.searching(), timeout=20000)
    by_unit = [t for t in tasks if unit in t.lead or unit in t.coordinators]
    assert results.matches == [t.key for t in by_unit] and 0 < len(by_unit) < len(tasks)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("continuous"))  # "Thường xuyên"
    type_text(page.search, "ra soat")
    qtbot.waitUntil(lambda: not results.searching(), timeout=20000)
    want = [t.key for t in by_unit if parse_timeframe(t.time).kind == "continuous" and matches("ra soat", _text(t))]
    assert results.matches == want and want
    page.unit_filter.setCurrentIndex(0)  # a wider filter looks at the whole plan again
    qtbot.waitUntil(lambda: not results.searching(), timeout=20000)
    assert results.matches == [t.key for t in tasks
                               if parse_timeframe(t.time).kind == "continuous" and matches("ra soat", _text(t))]


def test_clearing_the_search_while_matches_arrive_brings_the_tree_back(qtbot, window, store, sliced):
    page = _open(window, store, 20000)
    results = page.results
    page.select_key(page.session.section.tasks[-1].key)
    chosen = page.form.key
    type_text(page.search, "tuyen truyen")
    assert results.searching()
    page.search.clear()  # while its matches are still arriving
    assert page.tree.model() is page.tree_proxy and not results.searching()
    assert page.tree_proxy.rowCount() == len(page.session.section.tasks)
    assert page.form.key == chosen
    assert page.proxy.mapToSource(page.tree.currentIndex()) == page.session.model.index_of(chosen)
    qtbot.wait(50)  # nothing of the dropped search arrives later
    assert page.tree.model() is page.tree_proxy and results.rowCount() == 0


def test_an_edit_during_a_search_is_searched_too(qtbot, window, store, sliced, monkeypatch):
    monkeypatch.setattr(taskmodel, "SCAN_CHUNK", 100)
    page = _open(window, store, 3000)
    results = page.results
    type_text(page.search, "khong dau")
    assert results.searching() and results.matches == []
    first, last = page.session.model.flat()[0].key, page.session.model.flat()[-1].key
    page.session.set_task_fields(last, title="Nhiệm vụ không dấu")  # not looked at yet
    page.session.set_task_fields(first, title="Nhiệm vụ không dấu nữa")  # looked at already
    qtbot.waitUntil(lambda: not results.searching())
    assert results.matches == [first, last]
    assert _shown(page) == [first, last]


def test_long_titles_are_cut_to_their_column_and_whole_in_the_tooltip(qtbot, window, store):
    from kehoach_desktop.ui.roles import TOOLTIP
    from kehoach_desktop.ui.taskmodel import COL_LEAD, COL_TITLE

    page = _open(window, store, 300)
    type_text(page.search, "trien khai")
    qtbot.waitUntil(lambda: not page.results.searching())
    results, header, metrics = page.results, page.tree.header(), page.tree.fontMetrics()
    task = page.session.model.task(results.matches[0])
    label = results.index(0, COL_TITLE).data()
    assert label.endswith("…") and task.title.startswith(label[:-1].split(" ", 1)[1][:40])
    assert metrics.horizontalAdvance(label) <= header.sectionSize(COL_TITLE)
    assert results.index(0, COL_TITLE).data(TOOLTIP) == task.title
    row = next(r for r in range(results.rowCount()) if results.index(r, COL_LEAD).data().endswith("…"))
    whole = "; ".join(page.session.model.task(results.matches[row]).lead)
    header.resizeSection(COL_LEAD, metrics.horizontalAdvance(whole) + 40)  # the user widens the column
    assert results.index(row, COL_LEAD).data() == whole
