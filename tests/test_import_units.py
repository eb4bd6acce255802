"""Units written in lists the way other communes write them: commas between units, the Mặt trận named alone."""

from __future__ import annotations

from pathlib import Path

from kehoach_desktop.documents.layout import plan_document
from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.importers import import_file

XA = UnitCatalog(preset_units("xa"))


def _import(tmp_path: Path, *task_lines: str):
    text = "\n".join(["KẾ HOẠCH", "Xây dựng nông thôn mới năm 2026", "II. NHIỆM VỤ", *task_lines])
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return import_file(path, XA).plan


def _printed(plan) -> list[str]:
    return [p.text for p in plan_document(plan).paragraphs()]


def test_units_separated_by_commas_are_each_a_unit_and_print_as_written(tmp_path):
    plan = _import(tmp_path,
                   "1. Rà soát các tiêu chí nông thôn mới",
                   "- Cơ quan chủ trì: Phòng Kinh tế, Phòng Văn hóa - Xã hội.",
                   "- Cơ quan phối hợp: Hội Nông dân xã, Hội Liên hiệp Phụ nữ xã, Đoàn Thanh niên xã.",
                   "- Thời gian: Quý III/2026.",
                   "2. Cải cách thủ tục hành chính",
                   "- Cơ quan chủ trì: Trung tâm Phục vụ hành chính công xã, Công an xã.",
                   "- Cơ quan phối hợp: Văn phòng HĐND và UBND, các thôn.",
                   "3. Tuyên truyền",
                   "- Cơ quan chủ trì: Phòng Văn hóa - Xã hội.",
                   "- Cơ quan phối hợp: Các phòng, ban, đơn vị liên quan.")  # one group, commas and all
    first, second, third = plan.sections[0].tasks
    assert first.lead == ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội"]
    assert first.coordinators == ["Hội Nông dân xã", "Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã"]
    assert second.lead == ["Trung tâm Phục vụ hành chính công", "Công an xã"]
    assert second.coordinators == ["Văn phòng HĐND và UBND", "Các thôn"]
    assert third.coordinators == ["Các phòng, ban, đơn vị liên quan"]
    printed = _printed(plan)
    assert "- Cơ quan chủ trì: Phòng Kinh tế, Phòng Văn hóa - Xã hội." in printed
    assert "- Cơ quan phối hợp: Hội Nông dân xã, Hội Liên hiệp Phụ nữ xã, Đoàn Thanh niên xã." in printed


def test_a_unit_whose_name_has_a_comma_stays_one_unit(tmp_path):
    phuong = UnitCatalog(preset_units("phuong"))
    path = tmp_path / "p.txt"
    path.write_text("\n".join(["KẾ HOẠCH", "Chỉnh trang đô thị", "II. NHIỆM VỤ", "1. Chỉnh trang vỉa hè",
                               "- Cơ quan chủ trì: Phòng Kinh tế, Hạ tầng và Đô thị.",
                               "- Cơ quan phối hợp: Công an phường, các tổ dân phố."]), encoding="utf-8")
    (task,) = import_file(path, phuong).plan.sections[0].tasks
    assert task.lead == ["Phòng Kinh tế, Hạ tầng và Đô thị"]
    assert task.coordinators == ["Công an phường", "Các tổ dân phố"]


def test_the_mat_tran_named_alone_is_not_widened_to_the_doan_the(tmp_path):
    plan = _import(tmp_path,
                   "1. Vận động Nhân dân tham gia",
                   "- Cơ quan chủ trì: Ủy ban MTTQ Việt Nam xã.",
                   "2. Phát động phong trào thi đua",
                   "- Cơ quan chủ trì: Ủy ban MTTQ Việt Nam xã và các đoàn thể.")
    first, second = plan.sections[0].tasks
    assert first.lead == ["Ủy ban MTTQ Việt Nam xã"]
    assert second.lead == ["Ủy ban MTTQ Việt Nam xã và các đoàn thể"]
    assert "- Cơ quan chủ trì: Ủy ban MTTQ Việt Nam xã." in _printed(plan)


def test_assignment_sentences_give_units_time_and_product(tmp_path):
    """A sentence of assignment under the task, with its time and product after it (Thanh Sơn's style)."""
    plan = _import(tmp_path,
                   "1. Tổ chức tuyên truyền Luật Phòng cháy, chữa cháy trên loa truyền thanh.",
                   "Giao Công chức Văn hóa - Xã hội chủ trì, phối hợp với Công an xã, Đoàn Thanh niên thực hiện; "
                   "thời gian: Quý III/2026.",
                   "2. Rà soát các hộ có nguy cơ cháy, nổ cao.",
                   "Giao Công an xã chủ trì, phối hợp với Ban Chỉ huy quân sự xã và Trưởng các thôn thực hiện; "
                   "thời gian hoàn thành trước ngày 30/10/2026. Sản phẩm: Danh sách hộ có nguy cơ cao.",
                   "3. Diễn tập phương án chữa cháy tại chợ trung tâm xã.",
                   "Công an xã chủ trì; Ban Chỉ huy quân sự xã, Trạm Y tế xã, Ban quản lý chợ phối hợp thực hiện. "
                   "Thời gian: tháng 11/2026.",
                   "4. Bố trí kinh phí mua sắm trang thiết bị chữa cháy.",
                   "Giao Phòng Kinh tế chủ trì tham mưu, phối hợp với Văn phòng HĐND và UBND xã thực hiện; "
                   "thời gian: hằng năm.",
                   "5. Vận động Nhân dân tham gia phong trào toàn dân phòng cháy.",
                   "Giao Ủy ban Mặt trận Tổ quốc Việt Nam xã chủ trì, phối hợp với các đoàn thể chính trị - xã hội "
                   "thực hiện; thời gian: thường xuyên.")
    t1, t2, t3, t4, t5 = plan.sections[0].tasks
    assert (t1.lead, t1.coordinators, t1.time) == (["Công chức Văn hóa - Xã hội"], ["Công an xã", "Đoàn Thanh niên"],
                                                   "Quý III/2026")
    assert (t2.lead, t2.coordinators) == (["Công an xã"], ["Ban Chỉ huy quân sự xã", "Trưởng các thôn"])
    assert (t2.time, t2.product) == ("Trước ngày 30/10/2026", "Danh sách hộ có nguy cơ cao")
    assert (t3.lead, t3.time) == (["Công an xã"], "Tháng 11/2026")
    assert t3.coordinators == ["Ban Chỉ huy quân sự xã", "Trạm Y tế", "Ban quản lý chợ"]
    assert (t4.lead, t4.coordinators, t4.time) == (["Phòng Kinh tế"], ["Văn phòng HĐND và UBND"], "Hằng năm")
    assert (t5.lead, t5.coordinators, t5.time) == (["Ủy ban MTTQ Việt Nam xã"], ["các đoàn thể chính trị - xã hội"],
                                                   "Thường xuyên")
    printed = _printed(plan)  # the sentence prints exactly as written, its time and product not again
    assert ("Giao Công an xã chủ trì, phối hợp với Ban Chỉ huy quân sự xã và Trưởng các thôn thực hiện; "
            "thời gian hoàn thành trước ngày 30/10/2026. Sản phẩm: Danh sách hộ có nguy cơ cao." in printed)
    assert not any(line.startswith(("Thời gian thực hiện: Trước ngày 30/10", "Sản phẩm: Danh sách hộ"))
                   for line in printed)


def test_assignment_written_in_the_task_s_own_paragraph(tmp_path):
    """The task, then its assignment in the same paragraph: as a sentence, or as labelled fields."""
    plan = _import(tmp_path,
                   "1. Tổ chức tuyên truyền Luật trên các nhóm Zalo của thôn. Giao Công chức Văn hóa - Xã hội chủ trì, "
                   "phối hợp với Công an xã, Đoàn Thanh niên thực hiện; thời gian: Quý III/2026.",
                   "2. Tổ chức lễ phát động phong trào. Đơn vị chủ trì: Phòng Văn hóa - Xã hội; đơn vị phối hợp: "
                   "Đoàn Thanh niên xã; thời gian: ngày 15/9/2026.",
                   "3. Kiểm tra liên ngành các cơ sở kinh doanh (Chủ trì: Trạm Y tế xã; phối hợp: Công an xã; "
                   "thời gian: từ 15/9 đến 15/10/2026; sản phẩm: biên bản kiểm tra).",
                   "4. Rà soát văn bản. Giao nhiệm vụ cụ thể cho từng thôn.",  # not an assignment of units
                   "5. Diễn tập phương án chữa cháy tại chợ. Công an xã chủ trì; Ban Chỉ huy quân sự xã, Ban quản "
                   "lý chợ phối hợp thực hiện. Thời gian: tháng 11/2026.",
                   "6. Ngoại khóa cho học sinh. Trường Tiểu học Thanh Sơn và Trường THCS Thanh Sơn chủ trì, phối hợp "
                   "với Công an xã thực hiện; thời gian: năm học 2026 - 2027.",
                   "7. Tuyên truyền trên loa. Công an xã và các thôn thường xuyên nhắc nhở.")  # no "chủ trì"
    t1, t2, t3, t4, t5, t6, t7 = plan.sections[0].tasks
    assert t1.title == "Tổ chức tuyên truyền Luật trên các nhóm Zalo của thôn."
    assert (t1.lead, t1.coordinators, t1.time) == (["Công chức Văn hóa - Xã hội"], ["Công an xã", "Đoàn Thanh niên"],
                                                   "Quý III/2026")
    assert t2.title == "Tổ chức lễ phát động phong trào."
    assert (t2.lead, t2.coordinators, t2.time) == (["Phòng Văn hóa - Xã hội"], ["Đoàn Thanh niên xã"], "ngày 15/9/2026")
    assert t3.title == "Kiểm tra liên ngành các cơ sở kinh doanh"
    assert (t3.lead, t3.coordinators) == (["Trạm Y tế"], ["Công an xã"])
    assert (t3.time, t3.product) == ("từ 15/9 đến 15/10/2026", "biên bản kiểm tra")  # as written
    assert t4.title == "Rà soát văn bản. Giao nhiệm vụ cụ thể cho từng thôn." and t4.lead == []
    assert t5.title == "Diễn tập phương án chữa cháy tại chợ."
    assert (t5.lead, t5.coordinators, t5.time) == (["Công an xã"], ["Ban Chỉ huy quân sự xã", "Ban quản lý chợ"],
                                                   "Tháng 11/2026")
    assert t6.lead == ["Trường Tiểu học Thanh Sơn", "Trường THCS Thanh Sơn"] and t6.coordinators == ["Công an xã"]
    assert t6.time == "Năm học 2026 - 2027"
    assert t7.title.endswith("thường xuyên nhắc nhở.") and t7.lead == []


def test_a_field_after_the_sub_items_belongs_to_the_task_not_its_last_sub_item(tmp_path):
    plan = _import(tmp_path,
                   "1. Kiểm tra điều kiện vệ sinh trường học, gồm:",
                   "- Trường Mầm non Tân Phú:",
                   "+ Cơ quan chủ trì: Trạm Y tế xã.",
                   "+ Thời gian: Tháng 10/2026.",
                   "- Trường Tiểu học Tân Phú:",
                   "+ Cơ quan chủ trì: Trạm Y tế xã.",
                   "+ Thời gian: Tháng 11/2026.",
                   "",
                   "Kết quả/sản phẩm: Báo cáo kết quả kiểm tra vệ sinh trường học.")
    (task,) = plan.sections[0].tasks
    assert [c.title for c in task.children] == ["Trường Mầm non Tân Phú:", "Trường Tiểu học Tân Phú:"]
    assert task.product == "Báo cáo kết quả kiểm tra vệ sinh trường học"
    assert task.children[1].product in (None, "")


def test_roles_given_in_brackets_after_the_units(tmp_path):
    plan = _import(tmp_path,
                   "1. Phát triển sản phẩm OCOP",
                   "- Trách nhiệm thực hiện: Phòng Kinh tế (chủ trì); Trung tâm Dịch vụ tổng hợp, Phòng Văn hóa - "
                   "Xã hội (phối hợp).",
                   "- Tiến độ: Năm 2026.")
    (task,) = plan.sections[0].tasks
    assert task.lead == ["Phòng Kinh tế"]
    assert task.coordinators == ["Trung tâm Dịch vụ tổng hợp", "Phòng Văn hóa - Xã hội"]
    assert "- Trách nhiệm thực hiện: Phòng Kinh tế (chủ trì); Trung tâm Dịch vụ tổng hợp, Phòng Văn hóa - " \
           "Xã hội (phối hợp)." in _printed(plan)


def test_a_time_written_among_the_units_is_the_task_s_time(tmp_path):
    plan = _import(tmp_path,
                   "1. Rà soát hồ sơ địa chính (Đơn vị thực hiện: các phòng chuyên môn; hoàn thành trong tháng "
                   "8/2026).")
    (task,) = plan.sections[0].tasks
    assert task.title == "Rà soát hồ sơ địa chính"
    assert task.lead == ["các phòng chuyên môn"] and task.time == "Hoàn thành trong tháng 8/2026"


def test_tasks_written_as_dash_items_with_their_fields_on_plain_lines(tmp_path):
    plan = _import(tmp_path,
                   "- Tổ chức tiêm chủng thường xuyên hằng tháng tại Trạm Y tế xã.",
                   "Đơn vị chủ trì: Trạm Y tế xã.",
                   "Đơn vị phối hợp: Các thôn; Hội Liên hiệp Phụ nữ xã.",
                   "Thời gian: Ngày 15 hằng tháng.",
                   "- Truyền thông về lợi ích của tiêm chủng.",
                   "Đơn vị chủ trì: Trung tâm Dịch vụ tổng hợp xã.",
                   "Thời gian: Thường xuyên.")
    first, second = plan.sections[0].tasks
    assert first.title == "Tổ chức tiêm chủng thường xuyên hằng tháng tại Trạm Y tế xã."
    assert (first.lead, first.coordinators, first.time) == (["Trạm Y tế"], ["Các thôn", "Hội Liên hiệp Phụ nữ xã"],
                                                            "Ngày 15 hằng tháng")
    assert (second.lead, second.time) == (["Trung tâm Dịch vụ tổng hợp"], "Thường xuyên")


def test_tasks_named_hoat_dong_with_numbered_sub_activities(tmp_path):
    plan = _import(tmp_path,
                   "Hoạt động 1: Rà soát, đánh giá tiềm năng sản phẩm OCOP",
                   "- Trách nhiệm thực hiện: Phòng Kinh tế.",
                   "Hoạt động 2: Xúc tiến thương mại, quảng bá sản phẩm OCOP",
                   "Hoạt động 2.1: Tham gia hội chợ, triển lãm do tỉnh tổ chức.",
                   "- Trách nhiệm thực hiện: Phòng Kinh tế.",
                   "- Tiến độ: Theo kế hoạch của tỉnh.",
                   "Hoạt động 2.2: Giới thiệu sản phẩm trên Trang thông tin điện tử xã.",
                   "- Trách nhiệm thực hiện: Trung tâm Dịch vụ tổng hợp.",
                   "- Tiến độ: Thường xuyên.")
    first, second = plan.sections[0].tasks
    assert first.title.startswith("Rà soát") and first.lead == ["Phòng Kinh tế"]
    assert [c.number for c in second.children] == ["2.1", "2.2"]
    assert (second.children[0].time, second.children[1].time) == ("Theo kế hoạch của tỉnh", "Thường xuyên")
    assert second.children[1].lead == ["Trung tâm Dịch vụ tổng hợp"] and second.lead == []


def test_importing_a_plan_already_in_the_database_says_so(tmp_path):
    from tests.conftest import run_cli

    path = tmp_path / "plan.txt"
    path.write_text("\n".join(["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ", "Số: 12/KH-UBND", "KẾ HOẠCH", "Chuyển đổi số năm 2026",
                               "I. NHIỆM VỤ", "1. Số hóa hồ sơ", "- Đơn vị chủ trì: Văn phòng HĐND và UBND."]),
                    encoding="utf-8")
    db = tmp_path / "k.sqlite"
    first = run_cli("import", str(path), db=db, check=True).stdout.splitlines()
    assert not any("đã có" in line for line in first)
    second = run_cli("import", str(path), db=db, check=True).stdout.splitlines()
    assert second[-1] == str(int(first[-1]) + 1)  # still imported, as a separate plan: the id last
    assert any("đã có kế hoạch" in line and f"#{first[-1]}" in line and "12/KH-UBND" in line for line in second)


def test_the_summary_lists_times_the_tracker_cannot_follow(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(["KẾ HOẠCH", "Kiểm tra năm 2026", "I. NHIỆM VỤ",
                               "1. Kiểm tra", "- Đơn vị chủ trì: Công an xã.", "- Thời gian: Trước ngày 30/02/2026.",
                               "2. Tổng kết", "- Đơn vị chủ trì: Công an xã.", "- Thời gian: Quý IV/2026."]),
                    encoding="utf-8")
    result = import_file(path, XA)
    line = next(x for x in result.summary_lines if "chưa hiểu" in x)
    assert "1 (“Trước ngày 30/02/2026”)" in line and "Quý IV" not in line


def test_labels_written_in_lower_case_inside_a_line_print_as_line_starts(tmp_path):
    plan = _import(tmp_path,
                   "1. Tổ chức lễ phát động phong trào. Đơn vị chủ trì: Phòng Văn hóa - Xã hội; đơn vị phối hợp: "
                   "Đoàn Thanh niên xã; thời gian: ngày 15/9/2026.")
    (task,) = plan.sections[0].tasks
    assert {name: plan.label(task, name) for name in ("lead", "coordinators", "time")} == {
        "lead": "Đơn vị chủ trì", "coordinators": "Đơn vị phối hợp", "time": "Thời gian"}
    printed = _printed(plan)
    assert any(line.startswith("Đơn vị phối hợp: Đoàn Thanh niên xã") for line in printed)


def test_phan_cong_and_trach_nhiem_labels_for_lead_and_coordinators(tmp_path):
    plan = _import(tmp_path,
                   "1. Trang trí khu trung tâm",
                   "- Phân công chủ trì: Phòng Kinh tế.",
                   "- Phân công phối hợp: Văn phòng HĐND và UBND xã.",
                   "2. Tổ chức hội thi",
                   "- Trách nhiệm chủ trì: Phòng Văn hóa - Xã hội.",
                   "- Trách nhiệm phối hợp: Ban Chỉ huy quân sự xã; các thôn.")
    first, second = plan.sections[0].tasks
    assert (first.lead, first.coordinators, first.content) == (["Phòng Kinh tế"], ["Văn phòng HĐND và UBND"], [])
    assert second.coordinators == ["Ban Chỉ huy quân sự xã", "Các thôn"] and second.content == []
