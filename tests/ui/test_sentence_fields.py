"""A task whose sentence of assignment also says its time: the form edits keep the plan's own printing."""

from __future__ import annotations

from kehoach_desktop.documents.layout import plan_document
from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.importers import import_file
from tests.ui.conftest import type_text

SENTENCE = "Giao Công an xã chủ trì, phối hợp với Đoàn Thanh niên thực hiện; thời gian: Quý III/2026."


def _open_fire_plan(window, store, tmp_path):
    """A plan whose first task is assigned by SENTENCE, imported and opened on its tasks: (plan id, page)."""
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(["KẾ HOẠCH", "Phòng cháy năm 2026", "I. NHIỆM VỤ",
                               "1. Tuyên truyền phòng cháy.", SENTENCE,
                               "2. Diễn tập.", "- Đơn vị chủ trì: Công an xã."]), encoding="utf-8")
    plan_id = store.import_plan(import_file(path, UnitCatalog(preset_units("xa"))).plan)
    window.open_plan(plan_id)
    return plan_id, window.editor.tasks


def _printed(store, plan_id: int) -> list[str]:
    return [p.text for p in plan_document(store.plans.load(plan_id)).paragraphs()]


def test_editing_a_task_keeps_its_sentence_and_a_new_time_prints_on_its_own(qtbot, window, commune_store,
                                                                           tmp_path):
    plan_id, page = _open_fire_plan(window, commune_store, tmp_path)
    task = page.session.section.tasks[0]
    page.select_key(task.key)
    assert page.form.time.currentText() == "Quý III/2026"

    page.form.title.setFocus()  # an edit elsewhere in the task: the sentence still says the time, once
    type_text(page.form.title, " Nhân dân")
    page.form.flush()
    printed = _printed(commune_store, plan_id)
    assert SENTENCE in printed and not any(line.startswith("Thời gian") for line in printed[:printed.index(SENTENCE) + 2])

    page.form.time.setCurrentText("Quý IV/2026")  # the time changed: it prints on its own line now
    page.form.flush()
    printed = _printed(commune_store, plan_id)
    assert SENTENCE in printed and "Thời gian thực hiện: Quý IV/2026." in printed
    window.act_undo.trigger()
    printed = _printed(commune_store, plan_id)
    assert "Thời gian thực hiện: Quý IV/2026." not in printed and "Thời gian thực hiện: Quý III/2026." not in printed


def test_rewriting_the_sentence_prints_its_time_on_its_own(qtbot, window, commune_store, tmp_path):
    plan_id, page = _open_fire_plan(window, commune_store, tmp_path)
    page.select_key(page.session.section.tasks[0].key)
    page.form.assignment.setPlainText("Giao Công an xã chủ trì thực hiện.")
    page.form.flush()
    printed = _printed(commune_store, plan_id)
    assert "Giao Công an xã chủ trì thực hiện." in printed and "Thời gian thực hiện: Quý III/2026." in printed
