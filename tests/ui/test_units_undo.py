"""Changes made in the units catalog while a plan is open are undone and redone with the plan's edits."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from kehoach_desktop.ui.dialogs import UnitsDialog
from tests.conftest import load_fixture
from tests.ui.test_units_clipboard import _pick, _row_of


def test_merge_and_rename_in_the_catalog_are_undone_with_ctrl_z(qtbot, window, commune_store):
    store = commune_store
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    window.open_plan(plan_id)
    session = window.session
    first = session.section.tasks[0]
    session.set_task_fields(first.key, -1, lead=["Tổ công nghệ số cộng đồng"])  # a spelling not in the catalog
    store.units.add("Tổ công nghệ số cộng đồng")
    dialog = UnitsDialog(store, window, session)
    qtbot.addWidget(dialog)

    # merge the new spelling into Phòng Văn hóa - Xã hội
    dialog.table.setCurrentCell(_row_of(dialog, "Tổ công nghệ số cộng đồng"), 0)
    QTimer.singleShot(0, lambda: _pick(qtbot, "Phòng Văn hóa - Xã hội"))
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert store.plans.load(plan_id).sections[1].tasks[0].lead == ["Phòng Văn hóa - Xã hội"]
    assert first.lead == ["Phòng Văn hóa - Xã hội"]  # the open plan shows it at once
    # rename a unit the plan uses
    row = _row_of(dialog, "Phòng Kinh tế")
    dialog.table.item(row, 0).setText("Phòng Kinh tế xã Lam Vỹ")
    third = session.section.tasks[2]
    assert third.coordinators[0] == "Phòng Kinh tế xã Lam Vỹ"
    dialog.close()

    window.act_undo.trigger()  # Sửa → Hoàn tác (Ctrl+Z): undo the rename
    assert store.plans.load(plan_id).sections[1].tasks[2].coordinators[0] == "Phòng Kinh tế"
    assert third.coordinators[0] == "Phòng Kinh tế"
    window.act_undo.trigger()  # undo the merge
    assert store.plans.load(plan_id).sections[1].tasks[0].lead == ["Tổ công nghệ số cộng đồng"]
    assert "Tổ công nghệ số cộng đồng" in [u.name for u in store.units.all()]
    assert first.lead == ["Tổ công nghệ số cộng đồng"]
    window.act_redo.trigger()  # Sửa → Làm lại (Ctrl+Y): redo the merge
    assert store.plans.load(plan_id).sections[1].tasks[0].lead == ["Phòng Văn hóa - Xã hội"]
    assert "Tổ công nghệ số cộng đồng" not in [u.name for u in store.units.all()]
    from kehoach_desktop.store.backup import check

    assert check(store.database).ok
