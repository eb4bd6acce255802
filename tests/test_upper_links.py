"""Links of a derived plan to its upper plan: kept by plan JSON, the store and an edit of the link."""

from __future__ import annotations

from kehoach_desktop.domain.plan import PartialDate, Plan, Section, SourceTask, Task, UpperPlan
from kehoach_desktop.domain.planjson import plan_from_dict, plan_to_dict
from kehoach_desktop.services import Store

UPPER = UpperPlan(key="u" * 32, issuer=["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"], number="117", symbol="KH-UBND",
                  date=PartialDate(2026, 3, 20), title="Triển khai thi hành Luật Trí tuệ nhân tạo")
LINK = SourceTask(plan=UPPER.key, task="t" * 32, number="3", title="Tuyên truyền, phổ biến Luật",
                  reference="117/KH-UBND")


def _derived() -> Plan:
    return Plan(title="Triển khai Kế hoạch số 117/KH-UBND", upper=UPPER, sections=[
        Section("NHIỆM VỤ", "tasks", tasks=[Task("Tuyên truyền Luật trên địa bàn xã", number="1", source=LINK),
                                             Task("Việc riêng của xã", number="2")])])


def test_the_link_reads_as_the_task_form_shows_it():
    assert LINK.describe() == "Thực hiện nhiệm vụ 3 của KH 117/KH-UBND"
    assert SourceTask("p", "t").describe() == "Thực hiện nhiệm vụ của kế hoạch cấp trên"


def test_plan_json_keeps_the_upper_plan_and_each_tasks_source():
    data = plan_to_dict(_derived())
    assert data["upper"]["number"] == "117" and data["upper"]["date"] == "2026-03-20"
    assert data["sections"][0]["tasks"][0]["source"]["task"] == "t" * 32
    assert "source" not in data["sections"][0]["tasks"][1]
    again = plan_from_dict(data)
    assert again.upper == UPPER
    assert [t.source for t, _ in again.walk_tasks()] == [LINK, None]


def test_the_store_keeps_the_links_and_an_edit_can_clear_one(tmp_path):
    with Store.open(tmp_path / "k.sqlite") as store:
        plan_id = store.plans.create(_derived())
        loaded = store.plans.load(plan_id)
        assert loaded.upper == UPPER
        first, second = (t for t, _ in loaded.walk_tasks())
        assert first.source == LINK and second.source is None
        store.plans.update_task(first.id, source=None)
        store.plans.update_task(second.id, source=LINK)
        assert [t.source for t, _ in store.plans.load(plan_id).walk_tasks()] == [None, LINK]
        store.plans.update_plan(plan_id, upper=None)
        assert store.plans.load(plan_id).upper is None


def test_two_offices_reading_the_same_upper_plan_get_the_same_keys(tmp_path):
    """A commune and the province each import the province's plan: their random keys differ, the links agree."""
    from kehoach_desktop.domain.upper import same_upper, task_links, upper_of

    def province() -> Plan:
        return Plan(title="Triển khai Luật Trí tuệ nhân tạo", issuer=["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"],
                    number="117", date=PartialDate(2026, 3, 20), sections=[Section("NHIỆM VỤ", "tasks", tasks=[
                        Task("Tuyên truyền Luật", number="1"), Task("Đào tạo cán bộ", number="2")])])

    here, there = province(), province()
    assert here.key != there.key
    assert upper_of(here) == upper_of(there) and same_upper(upper_of(here), upper_of(there))
    mine = [task_links(here)[t.key] for t, _ in here.walk_tasks()]
    theirs = [task_links(there)[t.key] for t, _ in there.walk_tasks()]
    assert mine == theirs and mine[1].number == "2" and mine[1].reference == "117/KH-UBND"
    other = province()
    other.number = "118"
    assert not same_upper(upper_of(here), upper_of(other))


def test_an_upper_agency_reads_in_running_text_as_it_is_written():
    """The upper plan cited in a commune's plan and sheet: "của UBND tỉnh Ninh Bình", "của Sở Khoa học và Công nghệ"."""
    from kehoach_desktop.domain.upper import agency_name

    assert agency_name(["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"]) == ("Ủy ban nhân dân tỉnh Ninh Bình", "UBND tỉnh Ninh Bình")
    assert agency_name(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"])[1] == "UBND thành phố Hải Phòng"
    assert agency_name(["SỞ KHOA HỌC VÀ CÔNG NGHỆ"])[0] == "Sở Khoa học và Công nghệ"
    assert agency_name(["UBND TỈNH NINH BÌNH", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"])[0] == "Sở Văn hóa, Thể thao và Du lịch"
    assert agency_name(["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"])[0] == "Sở Lao động - Thương binh và Xã hội"
    assert agency_name(["BAN QUẢN LÝ KHU KINH TẾ TỈNH NINH BÌNH"])[0] == "Ban Quản lý khu kinh tế tỉnh Ninh Bình"
    assert agency_name(["Sở Nội vụ"])[0] == "Sở Nội vụ"
