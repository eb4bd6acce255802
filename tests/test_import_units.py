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
