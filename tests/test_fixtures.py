"""The hand-transcribed sample plans (tests/fixtures) and the built-in template.

These fixtures are the reference that the importer and the Word writer are
checked against, so a transcription slip (a lost task, a merged unit list, a
wrong signer) must fail here first.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

import kehoach_desktop
from kehoach_desktop.domain.plan import Plan, Task
from kehoach_desktop.domain.planjson import plan_from_json_text, plan_to_json_text, read_plan_file
from kehoach_desktop.domain.units import UnitCatalog, preset_units

FIXTURES = Path(__file__).parent / "fixtures"
LAM_VY = FIXTURES / "ke-hoach-xa-lam-vy.json"
BACH_DANG = FIXTURES / "ke-hoach-phuong-bach-dang.json"
BINH_GIANG = FIXTURES / "ke-hoach-xa-binh-giang-nd142.json"
SAMPLES = [LAM_VY, BACH_DANG, BINH_GIANG]
TEMPLATE = Path(kehoach_desktop.__file__).parent / "data" / "template-luat-ai.json"

PVH = "Phòng Văn hóa - Xã hội"
VP = "Văn phòng HĐND và UBND"
SIGN_PCT = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def load(path: Path) -> Plan:
    return read_plan_file(path)


def tasks_at(plan: Plan, depth: int) -> list[Task]:
    return [t for t, d in plan.walk_tasks() if d == depth]


def top(plan: Plan) -> list[Task]:
    return tasks_at(plan, 0)


def all_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from all_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from all_strings(v)


# --- every fixture -------------------------------------------------------------------

@pytest.mark.parametrize("path", [*SAMPLES, TEMPLATE], ids=lambda p: p.stem)
def test_file_is_clean_nfc_without_markdown(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "kehoach-plan" and data["version"] == 1
    for s in all_strings(data):
        assert unicodedata.is_normalized("NFC", s), s
        assert "**" not in s and not s.startswith("#"), s
        assert s == s.strip() or s == "", repr(s)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_structure(path: Path) -> None:
    plan = load(path)
    assert plan.symbol == "KH-UBND"
    assert plan.doc_type == "KẾ HOẠCH"
    assert plan.bases == []
    assert [s.title for s in plan.sections] == [
        "MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"]
    assert [s.kind for s in plan.sections] == ["text", "tasks", "text", "text"]
    assert plan.closing and plan.closing[-1].endswith("./.")
    assert plan.preamble and plan.preamble[0].startswith("Thực hiện ")
    for r in plan.recipients:
        assert not r.startswith("- ") and not r.endswith((";", "."))
    assert plan.recipients[-1].startswith("Lưu: VT")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_keys_are_unique_hex(path: Path) -> None:
    plan = load(path)
    keys = [plan.key] + [t.key for t, _ in plan.walk_tasks()]
    assert all(re.fullmatch(r"[0-9a-f]{32}", k) for k in keys)
    assert len(set(keys)) == len(keys)
    # and they are really stored in the file, not made up on reading
    assert load(path).key == plan.key


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_units_in_canonical_spelling(path: Path) -> None:
    catalog = UnitCatalog(preset_units(None))
    for task, _ in load(path).walk_tasks():
        for unit in task.lead + task.coordinators:
            assert catalog.canonical(unit) == unit, unit
            assert "–" not in unit and "&" not in unit, unit


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_field_values_have_no_trailing_period(path: Path) -> None:
    for task, _ in load(path).walk_tasks():
        for value in [task.time, task.product or "", *task.lead, *task.coordinators]:
            assert not value.endswith("."), value
        if task.children:
            continue
        assert task.time, f"task {task.number} has no time"
        assert task.lead, f"task {task.number} has no lead unit"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_round_trip_is_stable(path: Path) -> None:
    plan = load(path)
    text = plan_to_json_text(plan)
    assert plan_to_json_text(plan_from_json_text(text)) == text


# --- Lam Vỹ --------------------------------------------------------------------------

def test_lam_vy_header_and_signature() -> None:
    plan = load(LAM_VY)
    assert plan.issuer == ["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"]
    assert plan.number == "05"
    assert plan.date is not None and plan.date.iso() == "2026-03-20"
    assert plan.place == "Lam Vỹ"
    assert plan.title == "Triển khai thi hành Luật Trí tuệ nhân tạo"
    assert len(plan.preamble) == 2
    assert plan.signature.lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert plan.signature.signer == "Ma Văn Quyết"
    assert len(plan.recipients) == 5
    assert plan.recipients[0] == "TT Đảng ủy; HĐND xã"
    assert plan.recipients[-1] == "Lưu: VT, VHXXH.loclv.lv"  # the sample's own typo, kept


def test_lam_vy_text_sections() -> None:
    plan = load(LAM_VY)
    purpose, _, funding, organisation = plan.sections
    assert [i.heading for i in purpose.items] == [None, None, None]
    assert [i.paragraphs[0][:3] for i in purpose.items] == ["1. ", "2. ", "3. "]
    assert len(funding.items) == 1 and funding.items[0].heading is None
    assert len(organisation.items) == 4
    assert organisation.items[3].paragraphs[0].startswith("4. Trung tâm Dịch vụ tổng hợp xã")


def test_lam_vy_tasks() -> None:
    plan = load(LAM_VY)
    tasks = top(plan)
    assert [t.number for t in tasks] == ["1", "2", "3", "4", "5", "6", "7"]
    assert not tasks_at(plan, 1)
    assert all(t.product is None for t in tasks)
    assert plan.labels == {"lead": "Đơn vị chủ trì", "coordinators": "Đơn vị phối hợp",
                           "time": "Thời gian thực hiện", "product": "Sản phẩm"}

    t1, t2, t3, t4, t5, t6, t7 = tasks
    assert t1.lead == [PVH]
    assert t1.coordinators == ["Các phòng, cơ quan, đơn vị trên địa bàn xã"]
    assert t1.time == "Từ năm 2026 và các năm tiếp theo"
    assert t1.labels == {"lead": "Đơn vị thực hiện"}
    assert t1.assignment == []

    # one paragraph split by a page break in the conversion
    assert "sửa đổi, cập nhật, bổ sung, thay thế" in t2.title
    assert t2.coordinators == [VP, "các đơn vị liên quan"]
    assert t2.assignment == ["Đơn vị chủ trì: Phòng Văn hóa – Xã hội.",
                             "Đơn vị phối hợp: Văn phòng HĐND&UBND xã và các đơn vị liên quan."]
    assert t2.time == "Thường xuyên"

    assert t3.title.startswith("Lòng ghép ")  # sic
    assert t3.coordinators == ["Phòng Kinh tế", "các đơn vị liên quan"]
    assert len(t3.assignment) == 2
    assert t3.time == "Hằng năm"

    assert t4.labels == {"lead": "Đơn vị chủ trì tham mưu, thực hiện"}
    assert t5.coordinators == ["Các phòng, cơ quan, đơn vị thuộc xã"]

    assert t6.title == "Tổ chức các nội dung hỗ trợ thi hành Luật theo quy định của pháp luật"
    assert len(t6.content) == 1 and t6.content[0].startswith("- Nội dung: Hướng dẫn áp dụng")
    assert (t6.lead, t6.coordinators) == ([VP], [PVH])

    assert t7.coordinators == [VP, "các cơ quan có liên quan"]
    assert t7.time == "Định kỳ hằng năm"


# --- Bạch Đằng -----------------------------------------------------------------------

def test_bach_dang_header_and_signature() -> None:
    plan = load(BACH_DANG)
    assert plan.issuer == ["ỦY BAN NHÂN DÂN", "PHƯỜNG BẠCH ĐẰNG"]
    assert plan.number is None and plan.date is None
    assert plan.title == "Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn phường Bạch Đằng"
    assert plan.signature.lines == SIGN_PCT
    assert plan.signature.signer == "Phạm Quang Thanh"
    assert plan.recipients == ["Sở Khoa học và Công nghệ", "CT, các PCT UBND phường",
                               "Các phòng, ban, ngành, đơn vị", "Tổ dân phố", "Lưu: VT, VHXX"]
    assert plan.closing[0].startswith("Ủy ban nhân dân phường yêu cầu")
    assert "(qua Phòng Văn hóa - Xã hội để tổng hợp)" in plan.closing[0]


def test_bach_dang_text_sections() -> None:
    plan = load(BACH_DANG)
    purpose, _, funding, organisation = plan.sections
    assert [i.heading for i in purpose.items] == ["Mục đích", "Yêu cầu"]
    assert [len(i.paragraphs) for i in purpose.items] == [3, 4]
    assert all(p.startswith("- ") for i in purpose.items for p in i.paragraphs)
    assert [i.paragraphs[0][:3] for i in funding.items] == ["1. ", "2. "]
    assert [i.heading for i in organisation.items] == [
        "Phòng Văn hóa - Xã hội phường", "Phòng Kinh tế, Hạ tầng và Đô thị phường",
        "Các cơ quan chuyên môn, đơn vị sự nghiệp trực thuộc"]
    assert len(organisation.items[2].paragraphs) == 2


def test_bach_dang_tasks() -> None:
    plan = load(BACH_DANG)
    tasks = top(plan)
    assert [t.number for t in tasks] == ["1", "2", "3", "4", "5", "6"]
    assert [t.number for t in tasks_at(plan, 1)] == ["-", "b", "c"]
    assert len(list(plan.walk_tasks())) == 9
    assert plan.labels["lead"] == "Cơ quan thực hiện"

    t1, t2, t3, t4, t5, t6 = tasks
    assert t1.content[0] == "a) Nội dung thực hiện" and len(t1.content) == 3
    assert t1.lead == [PVH, "Trung tâm Dịch vụ sự nghiệp công", "Các phòng chuyên môn, đơn vị trực thuộc"]
    assert t1.assignment[0] == "b) Cơ quan thực hiện" and len(t1.assignment) == 4
    assert t1.time == "Năm 2026 và các năm tiếp theo"
    assert t1.product.startswith("Tài liệu phổ biến, tài liệu truyền thông")
    assert t1.labels["time"] == "c) Thời gian thực hiện"
    assert t1.labels["product"] == "d) Sản phẩm"
    assert t1.labels["marker"] == ""

    assert t2.content[0].startswith("a) Nội dung thực hiện: ")
    assert (t2.lead, t2.coordinators) == ([VP], [PVH, "các cơ quan, đơn vị thuộc UBND phường"])
    assert t2.time == "Thường xuyên"

    assert t3.time.startswith("theo đề nghị của cơ quan có thẩm quyền")
    assert t3.product is None

    assert t4.title.startswith("rà soát, thực hiện")  # lower case, as in the sample
    assert t4.time == "" and t4.lead == []
    (child,) = t4.children
    assert child.number == "-" and child.title.startswith("Lồng ghép mục tiêu")
    assert child.labels == {"marker": "+"}
    assert child.time == "năm 2026 và các năm tiếp theo"

    assert t5.content[0].startswith("a) Nội dung thực hiện: tổ chức kiểm tra")
    assert (t5.lead, t5.coordinators) == ([PVH], [VP, "các cơ quan, đơn vị thuộc UBND phường"])
    assert [c.number for c in t5.children] == ["b", "c"]
    assert all(c.lead == ["Các phòng chuyên môn, cơ quan, đơn vị thuộc UBND phường"] for c in t5.children)
    assert all(c.product and c.product.startswith("Văn bản tham gia góp ý") for c in t5.children)

    assert t6.content[0] == "Các nội dung khác để thi hành Luật bao gồm:"
    assert len(t6.content) == 4
    assert t6.product is None


# --- Bình Giang ----------------------------------------------------------------------

def test_binh_giang_header_and_signature() -> None:
    plan = load(BINH_GIANG)
    assert plan.issuer == ["ỦY BAN NHÂN DÂN", "XÃ BÌNH GIANG"]
    assert plan.number is None
    assert plan.date is not None and plan.date.iso() == "2026-06"
    assert plan.place == "Bình Giang"
    assert plan.title.startswith("Triển khai thực hiện Nghị định số 142/2026/NĐ-CP")
    assert plan.title.endswith("trên địa bàn xã Bình Giang")
    assert plan.signature.lines == SIGN_PCT
    assert plan.signature.signer == "Vũ Thị Hòa"
    assert plan.recipients == ["Sở KH&CN", "CT, các PCT UBND xã", "Các cơ quan, đơn vị liên quan", "Lưu: VT"]


def test_binh_giang_text_sections() -> None:
    plan = load(BINH_GIANG)
    purpose, _, funding, organisation = plan.sections
    assert [len(i.paragraphs) for i in purpose.items] == [3, 3]
    assert len(funding.items) == 1
    assert [i.heading for i in organisation.items] == [
        "Phòng Văn hóa – Xã hội", "Phòng Kinh tế", "Trung tâm Dịch vụ sự nghiệp công",
        "Các cơ quan, đơn vị thuộc UBND xã"]
    # "chủ" / "trì" split by a page break: one paragraph again
    (first,) = organisation.items[0].paragraphs
    assert "kết quả thực hiện Kế hoạch; chủ trì phối hợp" in first
    assert "(qua Phòng Văn hóa - Xã hội)" in organisation.items[3].paragraphs[0]


def test_binh_giang_tasks() -> None:
    plan = load(BINH_GIANG)
    tasks = top(plan)
    assert [t.number for t in tasks] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [t.number for t in tasks_at(plan, 1)] == ["a", "b"]
    assert plan.labels["lead"] == "Cơ quan thực hiện"

    t1, t2, t3, t4, t5, t6, t7 = tasks
    assert t1.assignment == ["Giao Phòng Văn hóa - Xã hội, phối hợp với các cơ quan, đơn vị liên quan thực hiện."]
    assert (t1.lead, t1.coordinators) == ([PVH], ["các cơ quan, đơn vị liên quan"])
    assert t1.content == ["- Rà soát, cập nhật Kế hoạch của UBND xã về triển khai thực hiện Luật Trí tuệ "
                          "nhân tạo, đảm bảo phù hợp với Kế hoạch của UBND thành phố và tình hình phát "
                          "triển kinh tế - xã hội của xã"]
    assert t1.time == ("Cập nhật theo Kế hoạch triển khai của UBND thành phố hoặc theo yêu cầu thực tiễn")
    assert t1.product == "Kế hoạch triển khai thực hiện Luật Trí tuệ nhân tạo"

    for t in (t2, t4, t5, t6):
        assert (t.lead, t.coordinators) == ([PVH], ["các cơ quan, đơn vị liên quan"])
        assert len(t.assignment) == 1 and t.assignment[0].startswith("Cơ quan thực hiện: Phòng Văn hóa")
        assert t.time == "Năm 2026 và các năm tiếp theo"
        assert t.product is None

    a, b = t3.children
    assert t3.time == "" and t3.lead == []
    assert a.lead == ["Các cơ quan, đơn vị thuộc UBND xã"] and a.assignment == []
    assert a.product.startswith("Chương trình, kế hoạch phát triển ngành")
    assert (b.lead, b.coordinators) == (["Các cơ quan, đơn vị thuộc UBND xã"], [PVH])
    assert len(b.assignment) == 1

    assert (t7.lead, t7.coordinators) == (["Trung tâm Dịch vụ sự nghiệp công"], [PVH])
    assert t7.time == "Thường xuyên"


# --- the built-in template -------------------------------------------------------------

def test_template_is_a_blank_commune_plan() -> None:
    plan = load(TEMPLATE)
    assert plan.title == "Triển khai thi hành Luật Trí tuệ nhân tạo"
    assert plan.issuer[0] == "ỦY BAN NHÂN DÂN"
    assert plan.number is None and plan.date is None and plan.place == ""
    assert plan.signature.lines == SIGN_PCT and plan.signature.signer == ""
    assert any("134/2025/QH15" in b for b in plan.bases)
    assert plan.bases[-1].endswith(".") and all(b.endswith(";") for b in plan.bases[:-1])
    assert any("367/QĐ-TTg" in p for p in plan.preamble)
    assert [s.title for s in plan.sections] == [
        "MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"]
    assert [i.heading for i in plan.sections[0].items] == ["Mục đích", "Yêu cầu"]
    assert plan.closing[-1].endswith("./.")
    assert plan.recipients[-1].startswith("Lưu: VT")


def test_template_tasks_leave_units_to_the_user() -> None:
    plan = load(TEMPLATE)
    tasks = [t for t, _ in plan.walk_tasks()]
    assert len(tasks) == 8
    for t in tasks:
        assert t.lead == [] and t.coordinators == [] and t.assignment == []
        assert t.time and t.product
        assert t.timeframe.kind != "unknown", t.time
    titles = " ".join(t.title for t in tasks).lower()
    for topic in ("tuyên truyền", "rà soát văn bản quy phạm pháp luật", "lồng ghép", "góp ý",
                  "cơ sở dữ liệu", "kiểm tra", "đào tạo", "các nội dung khác"):
        assert topic in titles, topic


def test_template_gets_fresh_keys() -> None:
    # no keys stored: every plan made from the template gets its own
    data = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    assert "key" not in data
    assert load(TEMPLATE).key != load(TEMPLATE).key
