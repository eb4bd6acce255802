"""The progress dashboard: counts a user reads, lists of overdue and due tasks, a click opens the task."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from kehoach_desktop.domain.progress import DONE, IN_PROGRESS, ProgressEntry
from tests.conftest import load_fixture

TODAY = dt.date(2026, 11, 20)
VHXH = "Phòng Văn hóa - Xã hội"


@pytest.fixture
def plan_with_entries(store):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    tasks = [t for t, _ in store.plans.load(plan_id).walk_tasks()]
    store.progress.add(ProgressEntry(tasks[0].id, dt.date(2026, 11, 1), IN_PROGRESS, unit=VHXH, done="Tuyên truyền"))
    store.progress.add(ProgressEntry(tasks[2].id, dt.date(2026, 10, 1), DONE, unit=VHXH, done="Lồng ghép"))
    return plan_id, tasks


@pytest.fixture
def dashboard(qtbot, store, plan_with_entries):
    from kehoach_desktop.ui.dashboard import DashboardWidget

    widget = DashboardWidget(store, plan_with_entries[0], today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _items(tree):
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def test_counts_overdue_and_due_soon(dashboard, plan_with_entries):
    _plan_id, tasks = plan_with_entries
    shown = {s: b.text().split("\n") for s, b in dashboard.count_buttons.items()}
    # On 20/11/2026: "Thường xuyên" missed its 14/6 report; the yearly ones are due on 14/12.
    assert shown == {"not_started": ["4", "Chưa thực hiện"], "in_progress": ["2", "Đang thực hiện"],
                     "done": ["0", "Hoàn thành"], "done_late": ["0", "Hoàn thành quá hạn"], "overdue": ["1", "Quá hạn"]}
    assert [i.text(1) for i in _items(dashboard.overdue)] == [tasks[1].title]
    assert dashboard.overdue_box.title() == "Quá hạn (1)"
    soon = _items(dashboard.due_soon)
    assert len(soon) == 6 and {i.text(3) for i in soon} == {"14/12/2026"}
    assert dashboard.due_box.title() == "Đến hạn trong 30 ngày tới (6)"
    assert dashboard.chart.counts["overdue"] == 1 and dashboard.chart.counts["not_started"] == 4
    m = dashboard.matrix
    units = [m.verticalHeaderItem(r).text() for r in range(m.rowCount())]
    assert units == [VHXH, "Văn phòng HĐND và UBND"]
    assert [m.item(0, c).text() for c in range(6)] == ["3", "2", "0", "0", "1", "6"]
    assert [m.item(1, c).text() for c in range(6)] == ["1", "0", "0", "0", "0", "1"]


def test_clicking_an_overdue_task_emits_its_id(qtbot, dashboard, plan_with_entries):
    _plan_id, tasks = plan_with_entries
    item = dashboard.overdue.topLevelItem(0)
    rect = dashboard.overdue.visualItemRect(item)
    with qtbot.waitSignal(dashboard.taskActivated, timeout=2000) as blocker:
        qtbot.mouseClick(dashboard.overdue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [tasks[1].id]


def test_counts_chart_and_matrix_list_their_tasks(qtbot, dashboard, plan_with_entries):
    _plan_id, tasks = plan_with_entries
    qtbot.mouseClick(dashboard.count_buttons["not_started"], Qt.MouseButton.LeftButton)
    assert [i.text(1) for i in _items(dashboard.selection)] == [tasks[i].title for i in (3, 4, 5, 6)]
    assert dashboard.selection_box.title() == "Nhiệm vụ: Chưa thực hiện (4)"

    bar = dashboard.chart.bar_rects()["in_progress"]
    qtbot.mouseClick(dashboard.chart, Qt.MouseButton.LeftButton, pos=QPoint(int(bar.center().x()), int(bar.bottom()) - 1))
    assert [i.text(1) for i in _items(dashboard.selection)] == [tasks[0].title, tasks[2].title]

    m = dashboard.matrix
    cell = m.visualItemRect(m.item(1, 0))
    qtbot.mouseClick(m.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert dashboard.selection_box.title() == "Nhiệm vụ: Chưa thực hiện — Văn phòng HĐND và UBND (1)"
    with qtbot.waitSignal(dashboard.taskActivated, timeout=2000) as blocker:
        item = dashboard.selection.topLevelItem(0)
        qtbot.mouseClick(dashboard.selection.viewport(), Qt.MouseButton.LeftButton,
                         pos=dashboard.selection.visualItemRect(item).center())
    assert blocker.args == [tasks[5].id]


def test_refresh_after_an_import_and_screenshot(qtbot, dashboard, store, plan_with_entries, tmp_path):
    _plan_id, tasks = plan_with_entries
    store.progress.add(ProgressEntry(tasks[1].id, dt.date(2026, 11, 15), IN_PROGRESS, unit=VHXH, done="Rà soát"))
    dashboard.refresh()
    assert dashboard.count_buttons["overdue"].text().startswith("0\n")
    assert dashboard.overdue.topLevelItemCount() == 0
    shot = tmp_path / "dashboard.png"
    assert dashboard.grab().save(str(shot))
    assert shot.stat().st_size > 10_000
