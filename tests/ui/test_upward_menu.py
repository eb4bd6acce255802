"""Tệp → Xuất → Phiếu báo cáo gửi cấp trên: offered for a plan derived from an upper plan, and it writes the sheet."""

from __future__ import annotations

from openpyxl import load_workbook

from kehoach_desktop.domain.plan import PartialDate, Plan, Section, Task
from kehoach_desktop.domain.progress import Period
from kehoach_desktop.domain.upper import task_links, upper_of


def _upper() -> Plan:
    return Plan(title="Triển khai Luật Trí tuệ nhân tạo", issuer=["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN"], number="117",
                date=PartialDate(2026, 3, 20), sections=[Section("NHIỆM VỤ", "tasks", tasks=[
                    Task("Tuyên truyền Luật", number="1", lead=["UBND các xã, phường"])])])


def test_the_upward_sheet_is_offered_only_for_a_derived_plan_and_written_from_the_menu(window, commune_store,
                                                                                        tmp_path, monkeypatch):
    upper = _upper()
    (task,) = (t for t, _ in upper.walk_tasks())
    derived = Plan(title="Triển khai Kế hoạch số 117/KH-UBND", upper=upper_of(upper), sections=[
        Section("NHIỆM VỤ", "tasks", tasks=[Task("Tuyên truyền Luật trên địa bàn xã", number="1",
                                                 lead=["Phòng Văn hóa - Xã hội"], source=task_links(upper)[task.key])])])
    own = commune_store.plans.create(Plan(title="Kế hoạch riêng của xã"))
    derived_id = commune_store.plans.create(derived)

    assert window.open_plan(own)
    assert not window.act_upward.isEnabled()
    assert window.open_plan(derived_id)
    assert window.act_upward.isEnabled()

    target = tmp_path / "bao-cao-len-tinh.xlsx"
    from kehoach_desktop.ui import rollup

    real = rollup.write_upward
    monkeypatch.setattr(rollup, "write_upward", lambda win: real(win, target, Period("6m", 2026)))
    window.act_upward.trigger()
    assert target.exists()
    texts = [str(c.value) for row in load_workbook(target).worksheets[0].iter_rows() for c in row if c.value]
    assert any("Tuyên truyền Luật" in t for t in texts)
