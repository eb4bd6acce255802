"""Searching a long plan: the first matches show at once, the rest as the user scrolls."""

from __future__ import annotations

import sys
from pathlib import Path

from kehoach_desktop.ui.taskmodel import FETCH_BATCH

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _plans import big_plan


def test_many_matches_arrive_in_batches_and_any_match_can_be_opened(qtbot, qtmodeltester, window, store):
    plan_id = store.import_plan(big_plan(1500))
    window.open_plan(plan_id)
    window.editor.show_part("tasks")
    page = window.editor.tasks
    page.search.setText("tuyen truyen")
    page._filter_changed()  # what the pause in typing triggers on a plan this long
    results = page.results
    total = len(results.matches)
    assert total > 2 * FETCH_BATCH
    assert results.rowCount() == FETCH_BATCH
    assert str(total) in page.count_label.text()  # the count says how many match, not how many are drawn
    qtmodeltester.check(results)

    page.tree.scrollToBottom()  # the view asks for more when the user reaches the end
    qtbot.waitUntil(lambda: results.rowCount() > FETCH_BATCH)

    far = results.matches[-1]  # a match not handed to the view yet can still be opened
    page.select_key(far)
    assert page.form.key == far
    assert results.mapToSource(page.tree.currentIndex()) == page.session.model.index_of(far)
    assert results.rowCount() == total
