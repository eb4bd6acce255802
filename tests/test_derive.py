"""A commune's plan derived from its province's plan (issue #12): exactly the commune level's duties, linked.

Each upper plan of ``tests/upperplans.py`` (labelled lines, a phụ lục table, duties in TỔ CHỨC THỰC HIỆN) and
the real Bắc Ninh 155 of ``tests/realplans.py`` is written as Word, imported as an office would, then derived.
"""

from __future__ import annotations

import unicodedata

import pytest

from kehoach_desktop.domain.derive import (
    assigns_commune,
    commune_duties,
    derive_plan,
    earlier_time,
    is_commune_level,
)
from kehoach_desktop.domain.plan import PartialDate, Plan, Section, Task, TextItem
from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.domain.upper import task_links, upper_of
from kehoach_desktop.importers import import_file
from kehoach_desktop.services import Store

from . import upperplans as U
from .realplans import PROVINCE_FOCUS, build_docx

XA = {"name": "Lam Vỹ", "kind": "xa", "province": "Ninh Bình", "signers": ["Phạm Quang Thanh", "Lê Văn Nam"]}
PHUONG = {"name": "Bạch Đằng", "kind": "phuong", "province": "Hải Phòng", "signers": ["Nguyễn Thị Hoa"]}
STYLES = {"labelled": (U.LABELLED, U.LABELLED_COMMUNE, U.LABELLED_OTHERS),
          "table": (U.TABLE, U.TABLE_COMMUNE, U.TABLE_OTHERS),
          "section-iv": (U.SECTION_IV, U.SECTION_IV_COMMUNE, U.SECTION_IV_OTHERS)}


def catalog(kind: str = "xa") -> UnitCatalog:
    return UnitCatalog(preset_units(kind))


def imported(parts, tmp_path, name: str = "upper.docx") -> Plan:
    return import_file(build_docx(parts, tmp_path / name), catalog()).plan


def derived_numbers(plan: Plan) -> dict[str, Task]:
    return {t.source.number: t for t, _ in plan.walk_tasks() if t.source}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_the_derived_plan_holds_every_commune_duty_and_none_of_the_others(style, tmp_path):
    parts, commune, others = STYLES[style]
    upper = imported(parts, tmp_path)
    proposal = derive_plan(upper, XA, catalog())
    plan = proposal.plan()
    tasks = derived_numbers(plan)
    assert set(tasks) == set(commune)
    assert not set(tasks) & others
    assert {n for n, _ in proposal.skipped} == others  # shown greyed in the preview
    assert {t.duty.number: t.role for t in proposal.tasks} == commune
    assert all(t.source for t, _ in plan.walk_tasks())  # nothing the upper plan did not ask
    links = task_links(upper)
    key = upper_of(upper).key
    assert plan.upper is not None and plan.upper.key == key
    for task in tasks.values():
        assert task.source.plan == key and task.source.reference == f"{upper.number}/KH-UBND"
    by_number = {link.number: link for link in links.values()}
    for number, task in tasks.items():
        if not number.startswith(("IV.", "III.")):
            assert task.source.task == by_number[number].task  # the keys the province rolls reports up by
            assert task.source.role == commune[number]  # kept for the sheet sent up


def test_the_keys_do_not_depend_on_who_imported_the_upper_plan(tmp_path):
    """Two communes import the same province plan: their derived tasks point at the same upper keys."""
    first = derive_plan(imported(U.TABLE, tmp_path, "a.docx"), XA, catalog()).plan()
    second = derive_plan(imported(U.TABLE, tmp_path, "b.docx"), PHUONG, catalog("phuong")).plan()
    assert first.upper.key == second.upper.key
    assert ([t.source for t, _ in first.walk_tasks()] == [t.source for t, _ in second.walk_tasks()])


def test_labelled_lines_wording_time_product_and_proposed_leads(tmp_path):
    upper = imported(U.LABELLED, tmp_path)
    tasks = derived_numbers(derive_plan(upper, XA, catalog()).plan())
    one_stop = tasks["2.2"]
    assert one_stop.title == "Trang bị thiết bị, bảo đảm an toàn thông tin tại Bộ phận Một cửa"
    assert one_stop.time == "Quý II/2026"
    assert one_stop.product == "Bộ phận Một cửa được trang bị đầy đủ thiết bị theo quy định"
    assert tasks["4"].lead == ["Trung tâm Phục vụ hành chính công"]  # dịch vụ công
    assert tasks["4"].time == "Thường xuyên"
    assert tasks["5"].time == "Năm 2026 - 2030"  # said inside the sentence of assignment
    assert tasks["2.1"].lead == ["Phòng Kinh tế"]  # hạ tầng
    assert tasks["6"].content[-1] == "Phối hợp với Sở Khoa học và Công nghệ thực hiện."  # the commune coordinates
    duty = tasks["IV.2"]
    assert duty.title.startswith("Căn cứ Kế hoạch này xây dựng kế hoạch phát triển chính quyền số")
    assert duty.time == "Trước ngày 31/3/2026"


def test_a_ward_gets_its_own_units_and_wording(tmp_path):
    upper = imported(U.LABELLED, tmp_path)
    plan = derive_plan(upper, PHUONG, catalog("phuong")).plan()
    tasks = derived_numbers(plan)
    assert tasks["2.1"].lead == ["Phòng Kinh tế, Hạ tầng và Đô thị"]
    assert plan.issuer == ["ỦY BAN NHÂN DÂN", "PHƯỜNG BẠCH ĐẰNG"]
    assert plan.title.endswith("trên địa bàn phường Bạch Đằng")
    assert "TT Đảng ủy, HĐND phường" in plan.recipients


def test_the_plan_reads_as_a_commune_plan_implementing_the_upper_one(tmp_path):
    upper = imported(U.TABLE, tmp_path)
    plan = derive_plan(upper, XA, catalog()).plan()
    assert plan.title == ("Triển khai thực hiện Kế hoạch số 0155/KH-UBND ngày 24/12/2025 của UBND tỉnh Đắk Lắk về "
                          "chuyển đổi số tỉnh Đắk Lắk năm 2026 trên địa bàn xã Lam Vỹ")
    assert plan.issuer == ["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"] and plan.place == "Lam Vỹ"
    assert plan.preamble[0].startswith("Thực hiện Kế hoạch số 0155/KH-UBND ngày 24/12/2025 của Ủy ban nhân dân "
                                       "tỉnh Đắk Lắk về chuyển đổi số")
    assert plan.preamble[0].endswith("Ủy ban nhân dân xã Lam Vỹ ban hành Kế hoạch triển khai thực hiện trên địa "
                                     "bàn xã như sau:")
    titles = [s.title for s in plan.body_sections()]
    assert titles == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ, GIẢI PHÁP", "KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"]
    leads = []
    for task, _ in plan.walk_tasks():
        for unit in task.lead:
            if unit not in leads:
                leads.append(unit)
    organisation = plan.body_sections()[3].items
    assert [i.heading for i in organisation][:-1] == leads  # one item per unit that leads a task
    assert all("báo cáo kết quả thực hiện" in i.paragraphs[0] for i in organisation[:-1])
    assert plan.recipients[0] == "UBND tỉnh Đắk Lắk" and plan.recipients[-1] == "Lưu: VT, VHXH"
    assert set(leads) <= set(plan.recipients)
    assert plan.signature.lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] and plan.signature.signer == "Phạm Quang Thanh"
    assert plan.closing[0].endswith("./.")


def test_a_province_plan_of_the_three_level_era_gives_the_commune_nothing(tmp_path):
    """Bắc Ninh 155/KH-UBND (2017): districts coordinate, "Chỉ đạo UBND cấp xã …" is the district's duty."""
    upper = imported(PROVINCE_FOCUS, tmp_path)
    assert commune_duties(upper, catalog()) == []
    proposal = derive_plan(upper, XA, catalog())
    assert proposal.tasks == [] and len(proposal.skipped) == 22


@pytest.mark.parametrize("name", [
    "UBND các xã, phường", "Ủy ban nhân dân các xã, phường", "Uỷ ban nhân dân các xã, phường, đặc khu",
    "UBND cấp xã", "Ủy ban nhân dân cấp xã", "Các địa phương", "Các sở, ban, ngành, địa phương",
    "Các xã, phường", "UBND các phường, xã", "Các sở, ngành và UBND các xã, phường",
    unicodedata.normalize("NFD", "Ủy ban nhân dân các xã, phường"),
])
def test_every_spelling_of_the_commune_level_is_recognised(name):
    assert is_commune_level(name)


@pytest.mark.parametrize("name", ["UBND các huyện, thị xã, thành phố", "UBND thị xã", "Sở Nội vụ",
                                  "Ủy ban nhân dân quận-huyện", "Công an tỉnh"])
def test_other_levels_are_not_the_commune(name):
    assert not is_commune_level(name)


@pytest.mark.parametrize("sentence,role", [
    ("UBND các xã, phường chủ trì, phối hợp với các đơn vị liên quan tổ chức thực hiện.", "lead"),
    ("Giao Ủy ban nhân dân cấp xã thực hiện rà soát.", "lead"),
    ("- UBND các xã, phường, đặc khu phối hợp với Công an tỉnh.", "coordinator"),
    ("Các sở, ban, ngành, UBND các xã, phường căn cứ chức năng, nhiệm vụ triển khai.", "lead"),
    ("Sở Nội vụ hướng dẫn UBND các xã, phường số hóa hồ sơ.", None),
    ("Chỉ đạo UBND cấp xã thực hiện đăng ký hộ tịch.", None),
])
def test_a_sentence_assigns_the_commune_only_when_it_is_the_doer(sentence, role):
    assert assigns_commune(sentence) == role


def test_sub_tasks_follow_their_commune_task_and_nfd_or_old_tone_marks_do_not_matter():
    """Typed on a Mac (NFD) with "hoá": a task led by the commune level, its sub-task without units of its own."""
    nfd = unicodedata.normalize("NFD", "Uỷ ban nhân dân các xã, phường")
    upper = Plan(title="Chuyển đổi số", issuer=["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"], number="117",
                 date=PartialDate(2026, 3, 20), sections=[Section("NHIỆM VỤ", "tasks", tasks=[
                     Task("Số hoá hồ sơ", number="1", lead=[nfd], time="Năm 2026", children=[
                         Task("Số hoá hồ sơ hộ tịch", number="a"),
                         Task("Số hoá hồ sơ đất đai", number="b", lead=["Sở Nông nghiệp và Môi trường"])]),
                     Task("Đào tạo cán bộ", number="2", lead=["Sở Nội vụ"])]),
                     Section("TỔ CHỨC THỰC HIỆN", "text", items=[TextItem(
                         None, ["Ủy ban nhân dân các xã, phường: Xây dựng kế hoạch của địa phương."])])])
    proposal = derive_plan(upper, XA, catalog())
    assert [t.duty.number for t in proposal.tasks] == ["1", "1.a", "II.1"]
    plan = proposal.plan()
    first = plan.sections[1].tasks[0]
    assert [c.source.number for c in first.children] == ["1.a"]  # kept under its task
    assert plan.sections[1].tasks[1].title == "Xây dựng kế hoạch của địa phương"
    assert {n for n, _ in proposal.skipped} == {"1.b", "2"}


def test_dropping_a_duty_and_changing_a_lead_or_deadline_shape_the_plan(tmp_path):
    proposal = derive_plan(imported(U.TABLE, tmp_path), XA, catalog())
    proposal.tasks[0].accepted = False
    proposal.tasks[1].lead = "Công an xã"
    proposal.tasks[1].time = "Tháng 9/2026"
    plan = proposal.plan()
    tasks = derived_numbers(plan)
    assert "1" not in tasks
    assert tasks["2"].lead == ["Công an xã"] and tasks["2"].time == "Tháng 9/2026"
    assert [t.number for t in plan.sections[1].tasks] == [str(k) for k in range(1, len(tasks) + 1)]
    assert "Công an xã" in [i.heading for i in plan.body_sections()[3].items]
    assert proposal.summary().startswith("Nhận 6 nhiệm vụ của cấp xã (chủ trì 1, phối hợp 2, tổ chức thực hiện 3)")


def test_a_commune_deadline_earlier_than_the_upper_one(tmp_path):
    assert earlier_time("Trước ngày 30/4/2026", 10) == "Trước ngày 20/04/2026"
    assert earlier_time("Trước ngày 15/12 hằng năm", 10) == "Trước ngày 05/12 hằng năm"
    assert earlier_time("Thường xuyên", 10) == "Thường xuyên"
    assert earlier_time("Quý II/2026", 0) == "Quý II/2026"
    tasks = {t.duty.number: t for t in derive_plan(imported(U.TABLE, tmp_path), XA, catalog(), days_earlier=5).tasks}
    assert tasks["III.2.1"].time == "Trước ngày 26/01/2026"  # upper: trước ngày 31/01/2026
    assert tasks["1"].time == "Thường xuyên"  # as typed


def test_the_derived_plan_is_stored_with_its_links(tmp_path):
    upper = imported(U.SECTION_IV, tmp_path)
    plan = derive_plan(upper, XA, catalog()).plan()
    with Store.open(tmp_path / "k.sqlite") as store:
        loaded = store.plans.load(store.import_plan(plan))
    assert loaded.upper == plan.upper
    assert [t.source for t, _ in loaded.walk_tasks()] == [t.source for t, _ in plan.walk_tasks()]
    assert loaded.title.startswith("Triển khai thực hiện Kế hoạch số 1576/KH-UBND ngày 17/4/2019 của UBND thành "
                                   "phố Hồ Chí Minh về triển khai đánh giá sự hài lòng")


def test_section_iv_duties_typed_inline_or_shared_with_the_departments(tmp_path):
    upper = imported(U.SECTION_IV_INLINE, tmp_path)
    duties = {d.number: d for d in commune_duties(upper, catalog())}
    assert {n: d.role for n, d in duties.items()} == U.SECTION_IV_INLINE_COMMUNE
    assert duties["IV.3.1"].title == "Niêm yết công khai mẫu phiếu đánh giá tại Bộ phận Một cửa."
    assert duties["IV.3.2"].other_leads == []  # "…, đặc khu" is the commune level too
    assert duties["IV.4"].other_leads == ["Các sở, ban, ngành"]
    assert duties["IV.4"].time == "Trước ngày 10/12 hằng năm"
    tasks = derived_numbers(derive_plan(upper, XA, catalog()).plan())
    assert tasks["IV.3.1"].time == "Thường xuyên"  # a standing duty: no time in the upper plan


@pytest.mark.parametrize("style", sorted(STYLES))
def test_a_commune_reading_the_pdf_links_to_the_same_upper_tasks_as_one_reading_the_word_file(style, tmp_path,
                                                                                              qapp):
    """The province sends Word to some communes and PDF to others; their derived tasks must roll up together."""
    from kehoach_desktop.documents.layout import plan_document
    from kehoach_desktop.documents.qt_writer import write_pdf

    word = imported(STYLES[style][0], tmp_path)
    pdf = write_pdf(plan_document(word), tmp_path / "upper.pdf")
    from_pdf = import_file(pdf, catalog()).plan
    links = [t.source for t, _ in derive_plan(word, XA, catalog()).plan().walk_tasks()]
    assert [t.source for t, _ in derive_plan(from_pdf, XA, catalog()).plan().walk_tasks()] == links


def test_a_deadline_said_only_in_the_task_sentence_becomes_the_commune_tasks_timeframe():
    """"Ủy ban nhân dân cấp xã chủ trì rà soát …; hoàn thành trước ngày 30/9/2026." has no time line of its own."""
    upper = Plan(title="Thực hiện Nghị quyết Đại hội", issuer=["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"], number="22",
                 date=PartialDate(2026, 1, 13), sections=[Section("NHIỆM VỤ", "tasks", tasks=[
                     Task("Ủy ban nhân dân cấp xã chủ trì rà soát, cập nhật dữ liệu đất đai trên địa bàn; hoàn thành "
                          "trước ngày 30/9/2026.", number="1", lead=["Ủy ban nhân dân cấp xã"]),
                     Task("Tuyên truyền Nghị quyết", number="2", lead=["UBND các xã, phường"], time="Quý I/2026")])])
    times = {t.duty.number: t.time for t in derive_plan(upper, XA, catalog()).tasks}
    assert times == {"1": "Trước ngày 30/9/2026", "2": "Quý I/2026"}
