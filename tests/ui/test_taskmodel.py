"""The task tree model and its proxy: Qt's model contract, numbering, filtering without diacritics."""

from __future__ import annotations

from kehoach_desktop.domain.plan import Task
from kehoach_desktop.ui.session import PlanSession
from kehoach_desktop.ui.taskmodel import TaskFilterProxy
from tests.conftest import load_fixture


def _session(store, name: str = "ke-hoach-phuong-bach-dang") -> PlanSession:
    plan_id = store.import_plan(load_fixture(name))
    return PlanSession(store, plan_id)


def test_model_passes_qt_model_tester(qtmodeltester, store):
    session = _session(store)
    qtmodeltester.check(session.model)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(session.model)
    proxy.set_query("van hoa")
    qtmodeltester.check(proxy)


def test_structural_edits_keep_the_model_sound(qtmodeltester, store):
    session = _session(store)
    qtmodeltester.check(session.model, force_py=True)
    first = session.section.tasks[0].key
    second = session.section.tasks[1].key
    session.indent(second)
    session.outdent(second)
    session.move_down(first)
    new = session.add_task(first, child=True, task=Task(title="Con"))
    session.delete_task(new)
    for _ in range(5):
        session.undo_stack.undo()
    assert [t.key for t in session.section.tasks[:2]] == [first, second]


def test_filter_ignores_diacritics_and_keeps_parents(store):
    session = _session(store, "ke-hoach-xa-lam-vy")
    proxy = TaskFilterProxy()
    proxy.setSourceModel(session.model)
    proxy.set_query("long ghep chien luoc")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data().startswith("3. Lòng ghép")
    proxy.set_query("")
    proxy.set_unit("Văn phòng HĐND và UBND")
    assert proxy.rowCount() == 3  # tasks 2, 6 and 7 name it
    proxy.set_unit(None)
    proxy.set_kind("continuous")
    assert [proxy.index(r, 0).data()[:2] for r in range(proxy.rowCount())] == ["2."]


def test_search_results_model_is_sound_and_flat(qtmodeltester, store):
    from kehoach_desktop.ui.taskmodel import SearchResultsProxy

    session = _session(store)
    results = SearchResultsProxy()
    results.setSourceModel(session.model)
    results.set_filters("so", None, None)
    qtmodeltester.check(results)
    assert results.rowCount() == len(results.matches) > 0
    assert all(not results.hasChildren(results.index(r, 0)) for r in range(results.rowCount()))
    child = next(t for t, depth in session.model.walk() if depth == 1)
    results.set_filters(child.title, None, None)
    label = results.index(0, 0).data()
    parent = session.model.parent_task(child.key)
    assert label.startswith(f"{parent.number}.") and " › " in label  # its place in the tree
    assert results.mapToSource(results.index(0, 0)) == session.model.index_of(child.key)
