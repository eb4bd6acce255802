"""The text rules of Nghị định 30 (numbers, dates, issuer lines) and the reusable layout blocks."""

from __future__ import annotations

import pytest

from kehoach_desktop.documents import layout as L
from kehoach_desktop.documents.metrics import text_width
from kehoach_desktop.documents.model import Paragraph, Table, cm
from kehoach_desktop.domain.plan import PartialDate, Signature
from kehoach_desktop.errors import InvalidInput


def squash(text: str) -> str:
    return " ".join(text.split())


def test_number_has_leading_zero_below_ten_and_blank_for_drafts() -> None:
    assert L.number_line("5", "KH-UBND") == "Số: 05/KH-UBND"
    assert L.number_line("05", "KH-UBND") == "Số: 05/KH-UBND"
    assert L.number_line("117", "KH-UBND") == "Số: 117/KH-UBND"
    draft = L.number_line(None, "KH-UBND")
    assert squash(draft) == "Số: /KH-UBND"
    assert len(draft) >= len("Số:    /KH-UBND")  # room to write the number by hand


@pytest.mark.parametrize(("date", "expected"), [
    (PartialDate(2026, 1, 5), "Lam Vỹ, ngày 05 tháng 01 năm 2026"),
    (PartialDate(2026, 2, 28), "Lam Vỹ, ngày 28 tháng 02 năm 2026"),
    (PartialDate(2026, 3, 20), "Lam Vỹ, ngày 20 tháng 3 năm 2026"),
    (PartialDate(2026, 12, 9), "Lam Vỹ, ngày 09 tháng 12 năm 2026"),
])
def test_date_line_follows_the_leading_zero_rule(date: PartialDate, expected: str) -> None:
    assert L.date_line("Lam Vỹ", date) == expected


def test_partial_and_missing_dates_leave_blanks() -> None:
    partial = L.date_line("Bình Giang", PartialDate(2026, 6))
    assert squash(partial) == "Bình Giang, ngày tháng 6 năm 2026"
    assert "ngày\u00a0" in partial  # a real gap, not a collapsed space
    year_only = L.date_line("Bình Giang", PartialDate(2026))
    assert squash(year_only) == "Bình Giang, ngày tháng năm 2026"
    none = L.date_line("Phủ Lý", None)
    assert squash(none).startswith("Phủ Lý, ngày tháng năm 20")


def test_commune_name_on_two_lines_is_all_issuing_agency() -> None:
    assert L.agency_lines(["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"]) == ([], ["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"])
    assert L.agency_lines(["UBND XÃ BÌNH GIANG", "PHÒNG VĂN HÓA - XÃ HỘI"]) == (
        ["UBND XÃ BÌNH GIANG"], ["PHÒNG VĂN HÓA - XÃ HỘI"])
    assert L.agency_name(["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"], "Lam Vỹ") == "Ủy ban nhân dân xã Lam Vỹ"
    # an issuing body whose name takes two lines under its parent: both lines are the agency (bold)
    assert L.agency_lines(["UBND XÃ TÂN LẬP", "BAN CHỈ ĐẠO", "CÁC CHƯƠNG TRÌNH MTQG"]) == (
        ["UBND XÃ TÂN LẬP"], ["BAN CHỈ ĐẠO", "CÁC CHƯƠNG TRÌNH MTQG"])


def test_header_table_cells() -> None:
    table = L.header_table(["UBND XÃ BÌNH GIANG", "PHÒNG VĂN HÓA - XÃ HỘI"], "7", "KH-VHXH", "Bình Giang",
                           PartialDate(2026, 1, 2))
    assert [round(w / cm(1), 2) for w in table.widths] == [6.75, 10.0]
    assert not table.borders
    left, right = table.rows[0].cells
    chu_quan, agency, rule = left.paragraphs
    assert (chu_quan.text, chu_quan.bold) == ("UBND XÃ BÌNH GIANG", False)
    assert (agency.text, agency.bold) == ("PHÒNG VĂN HÓA - XÃ HỘI", True)
    agency_width = text_width(agency.text, agency.size, True)
    assert rule.rule is not None and agency_width / 3 <= rule.rule.width <= agency_width / 2
    national, motto, motto_rule = right.paragraphs
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and national.bold and national.size == 13
    # fits on one line in the cell
    assert text_width(national.text, 13, True) <= table.widths[1] - 2 * table.cell_margin
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and motto.bold and motto.size in (13, 14)
    assert motto_rule.rule is not None
    assert motto_rule.rule.width == pytest.approx(text_width(motto.text, motto.size, True))
    number, date = (cell.paragraphs[0] for cell in table.rows[1].cells)
    assert number.text == "Số: 07/KH-VHXH" and number.size == 13 and not number.bold
    assert date.text == "Bình Giang, ngày 02 tháng 01 năm 2026" and date.italic


def test_title_block_for_a_report_with_kinh_gui() -> None:
    blocks = L.title_block("BÁO CÁO", "Kết quả thực hiện Kế hoạch số 05/KH-UBND",
                           kinh_gui=["Sở Khoa học và Công nghệ"])
    texts = [p.text for p in blocks]
    assert texts[0] == "BÁO CÁO" and blocks[0].bold and blocks[0].align == "center"
    assert texts[1] == "Kết quả thực hiện Kế hoạch số 05/KH-UBND" and blocks[1].bold
    assert blocks[2].rule is not None and cm(2) <= blocks[2].rule.width <= cm(6)
    assert texts[3] == "Kính gửi: Sở Khoa học và Công nghệ."


def test_signature_table_recipients_and_signer() -> None:
    table = L.signature_table(["Như trên", "- Lưu: VT, VHXH."],
                              Signature(["TM. ỦY BAN NHÂN DÂN", "Chủ tịch"], "Nguyễn Văn A"))
    left, right = table.rows[0].cells
    label, *items = left.paragraphs
    assert (label.text, label.bold, label.italic, label.size) == ("Nơi nhận:", True, True, 12)
    assert [p.text for p in items] == ["- Như trên;", "- Lưu: VT, VHXH."]
    assert all(p.size == 11 and not p.bold and not p.italic for p in items)
    assert [p.text for p in right.paragraphs] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]
    assert all(p.bold and p.size in (13, 14) for p in right.paragraphs)
    assert right.paragraphs[-1].space_before >= cm(2.5)  # room for signature and seal
    assert table.rows[0].cant_split


def test_official_document_adds_the_closing_mark_and_page_numbers() -> None:
    meta = L.DocumentMeta(issuer=["ỦY BAN NHÂN DÂN", "XÃ A"], number=None, symbol="BC-UBND", place="A",
                          date=None, doc_type="BÁO CÁO", title="Kết quả", recipients=["Như trên"],
                          signature=Signature(["CHỦ TỊCH"], "B"), kinh_gui=["UBND tỉnh"])
    doc = L.official_document(meta, [L.heading("I. Kết quả", 1), L.body_paragraph("Đã làm xong."),
                                     L.simple_table(["STT", "Việc"], [["1", "x"]], [cm(2), cm(10)])])
    texts = [p.text for p in doc.paragraphs()]
    assert "I. KẾT QUẢ" in texts
    assert "Đã làm xong./." in texts
    section = doc.sections[0]
    assert section.title_page and section.page_number is not None
    assert section.page_number.runs[0].field == "PAGE"
    table = [b for b in section.blocks if isinstance(b, Table)][1]
    assert table.borders and table.rows[0].header and all(r.cant_split for r in table.rows)


def test_margins_outside_the_decree_are_refused() -> None:
    assert L.LayoutOptions(top=25, left=35, right=20).page().left == pytest.approx(cm(3.5))
    with pytest.raises(InvalidInput, match="Lề trái"):
        L.LayoutOptions(left=20)
    with pytest.raises(InvalidInput, match="6 pt"):
        L.LayoutOptions(paragraph_spacing=3)


def test_body_paragraph_format() -> None:
    p: Paragraph = L.body_paragraph("Nội dung")
    assert p.align == "justify" and p.first_line_indent == pytest.approx(cm(1)) and p.space_before >= 6
    assert p.size == 14 and 1.0 <= p.line_spacing <= 1.5


def test_task_fields_use_the_plans_own_labels_and_markers() -> None:
    from tests.conftest import load_fixture

    plan = load_fixture("ke-hoach-phuong-bach-dang")
    texts = [p.text for p in L.plan_document(plan).paragraphs()]
    # marker "" (labels "b) Cơ quan thực hiện"): printed without a bullet
    assert "c) Thời gian thực hiện: Năm 2026 và các năm tiếp theo." in texts
    # marker "+" for the sub-item of task 4
    assert "+ Thời gian thực hiện: năm 2026 và các năm tiếp theo." in texts
    assert "4. rà soát, thực hiện các nhiệm vụ quản lý nhà nước được giao trong Luật theo lĩnh vực, địa bàn " \
           "thuộc phạm vi nhiệm vụ, quyền hạn được phân công, trong đó tập trung một số nhiệm vụ sau" in texts


def test_appendix_lists_every_task() -> None:
    from tests.conftest import load_fixture

    plan = load_fixture("ke-hoach-xa-lam-vy")
    section = L.appendix_section(plan)
    assert section.page.landscape and section.restart_numbering
    texts = [p.text for p in section.blocks if isinstance(p, Paragraph)]
    assert texts[:3] == ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ TRIỂN KHAI THI HÀNH LUẬT TRÍ TUỆ NHÂN TẠO",
                         "(Kèm theo Kế hoạch số 05/KH-UBND ngày 20 tháng 3 năm 2026 của Ủy ban nhân dân xã "
                         "Lam Vỹ)"]
    table = section.blocks[-1]
    assert isinstance(table, Table)
    header = [c.paragraphs[0].text for c in table.rows[0].cells]
    assert header == ["STT", "Nội dung nhiệm vụ", plan.labels.get("lead", "Cơ quan chủ trì"),
                      plan.labels.get("coordinators", "Cơ quan phối hợp"),
                      plan.labels.get("time", "Thời gian thực hiện"), plan.labels.get("product", "Sản phẩm"), "Ghi chú"]
    plan.labels["time"] = "Thời gian hoàn thành"  # the plan's own wording heads its column
    assert [c.paragraphs[0].text for c in L.appendix_section(plan).blocks[-1].rows[0].cells][4] == \
        "Thời gian hoàn thành"
    assert len(table.rows) == 1 + sum(1 for _ in plan.walk_tasks())
    assert sum(table.widths) == pytest.approx(section.page.text_width)


def test_layout_setting_and_margins_text() -> None:
    options = L.LayoutOptions.from_setting({"left": 35, "right": 20, "body_size": 13, "other": "kept"})
    assert (options.left, options.right, options.top, options.body_size) == (35, 20, 20, 13)
    assert L.LayoutOptions.from_setting(None) == L.LayoutOptions()
    with pytest.raises(InvalidInput, match="phải là một số"):
        L.LayoutOptions.from_setting({"top": "hai mươi"})
    margins = L.LayoutOptions.with_margins("25, 22, 32, 18", options)
    assert (margins.top, margins.bottom, margins.left, margins.right, margins.body_size) == (25, 22, 32, 18, 13)
    with pytest.raises(InvalidInput, match="20,20,30,15"):
        L.LayoutOptions.with_margins("20 20 30")
    with pytest.raises(InvalidInput, match="Lề phải"):
        L.LayoutOptions.with_margins("20,20,30,10")
