"""Phụ lục after the signature import as phụ lục: label, title, Kèm theo line, their own task table or
free content (an outline, report forms), in the source's order, nothing set aside in the import notes.

The plans are real ones (tests/realplans.py, sources cited there) built as Word files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_desktop.domain.planjson import plan_from_dict, plan_to_dict
from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.importers import import_file

from .conftest import SAMPLE_NAMES, SAMPLES_DIR, load_fixture, run_cli
from .fidelity import content_lines, missing, missing_in_plan, plan_lines, source_lines
from .importdocs import plan_docx, plan_text
from .realplans import COMMUNE_TASKS, PROVINCE_FOCUS, REAL_PLANS, REPORT_FORMS, build_docx, build_markdown

CATALOG = UnitCatalog(preset_units(None))


def _import(parts, tmp_path: Path, name: str = "plan.docx"):
    return import_file(build_docx(parts, tmp_path / name), CATALOG)


def test_province_plan_keeps_its_directions_in_ii_and_its_focus_tasks_in_the_phu_luc(tmp_path: Path) -> None:
    result = _import(PROVINCE_FOCUS, tmp_path)
    plan = result.plan
    # the body as the source has it: II of eight directions (no units), IV per unit; the phụ lục after
    assert [(s.title, s.is_appendix) for s in plan.sections] == [
        ("MỤC TIÊU", False), ("NHIỆM VỤ, GIẢI PHÁP", False), ("KINH PHÍ THỰC HIỆN", False),
        ("TỔ CHỨC THỰC HIỆN", False),
        ("MỘT SỐ NHIỆM VỤ TRỌNG TÂM THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG QUỐC GIA VỀ ĐĂNG KÝ VÀ THỐNG KÊ HỘ TỊCH",
         True)]
    directions = plan.sections[1]
    assert [t.number for t in directions.tasks] == [str(k) for k in range(1, 9)]
    assert directions.tasks[0].title.startswith("Tuyên truyền, phổ biến Chương trình")
    (focus,) = plan.appendices()
    a = focus.appendix
    assert (a.label, a.attached, a.mirror, a.landscape) == (
        "Phụ lục", "(Kèm theo Kế hoạch số 155/KH-UBND ngày 26/5/2017 của UBND tỉnh Bắc Ninh)", False, True)
    assert a.columns == [("number", "STT"), ("title", "Tên nhiệm vụ"), ("lead", "Sở, ngành chủ trì tham mưu"),
                         ("coordinators", "Đơn vị phối hợp thực hiện"), ("time", "Thời gian thực hiện"),
                         ("notes", "Ghi chú")]
    assert len(focus.tasks) == 14
    first, sixth = focus.tasks[0], focus.tasks[5]
    assert (first.number, first.title, first.lead, first.coordinators, first.time) == (
        "1", "Tổ chức hội nghị quán triệt Chương trình hành động quốc gia", ["Sở Tư pháp"],
        ["Các sở, ngành", "UBND các huyện, thị xã, thành phố"], "Năm 2017")
    assert sixth.notes == "Theo lộ trình của Bộ Tư pháp"
    # tracking follows both: the directions of II and the fourteen tasks of the phụ lục, each once
    assert plan.task_sections() == [directions, focus]
    assert sum(1 for _ in plan.walk_tasks()) == 8 + 14
    assert result.unplaced == []
    assert "Phụ lục: Phụ lục — MỘT SỐ NHIỆM VỤ TRỌNG TÂM THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG QUỐC GIA VỀ ĐĂNG KÝ " \
           "VÀ THỐNG KÊ HỘ TỊCH: 14 nhiệm vụ, giữ trong phụ lục." in result.summary_lines
    # the plan's own wording of task lines is not the phụ lục's column headings
    assert plan.labels["lead"] == "Cơ quan chủ trì"


def test_outline_and_report_forms_are_phu_luc_of_their_own(tmp_path: Path) -> None:
    result = _import(REPORT_FORMS, tmp_path)
    plan = result.plan
    outline, form1, form2 = plan.appendices()
    assert (outline.appendix.label, outline.appendix.heading, outline.kind, outline.appendix.landscape) == (
        "Phụ lục 01", ["ĐỀ CƯƠNG BÁO CÁO",
                       "Kết quả thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững"], "text", False)
    assert outline.appendix.attached == "(Kèm theo Kế hoạch số 130/KH-UBND ngày 13/7/2022 của UBND tỉnh Ninh Bình)"
    assert [(i.heading, i.paragraphs) for i in outline.items][:3] == [
        ("I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN", []),
        ("1. Công tác chỉ đạo, điều hành", ["- Việc ban hành văn bản chỉ đạo, hướng dẫn thực hiện Chương trình.",
                                            "- Công tác tuyên truyền, kiểm tra, giám sát."]),
        ("2. Kết quả huy động, phân bổ nguồn lực",
         ["Tổng nguồn vốn huy động, trong đó: ngân sách trung ương, ngân sách địa phương, vốn lồng ghép."])]
    assert [i.heading for i in outline.items][-1] == "III. ĐỀ XUẤT, KIẾN NGHỊ"
    assert (form1.appendix.label, form1.appendix.heading, form1.kind, form1.appendix.landscape) == (
        "Biểu 01", ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA CHƯƠNG TRÌNH"], "text", True)
    (table1,) = [i.table for i in form1.items if i.table]
    assert table1.rows[0] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Thực hiện", "Tỷ lệ (%)"]
    assert table1.rows[2] == ["2", "Số hộ thoát nghèo", "Hộ", "", "", ""] and table1.header_rows == 1
    # a two-row heading merged across and down: each heading once, the form's blank cells kept
    form2_table = form2.items[0].table
    assert form2_table.header_rows == 2
    assert form2_table.rows[:2] == [["TT", "Nội dung", "Kế hoạch vốn (triệu đồng)", "", "Giải ngân (triệu đồng)", ""],
                                    ["", "", "Đầu tư", "Sự nghiệp", "Đầu tư", "Sự nghiệp"]]
    assert form2_table.rows[-1] == ["Tổng cộng", "", "", "", "", ""]
    # the note under the form stays under it
    assert form2.items[-1].paragraphs == ["Ghi chú: Số liệu tính đến ngày 14/12 của năm báo cáo."]
    assert result.unplaced == [] and "import_notes" not in plan.extra
    assert sum(1 for line in result.summary_lines if line.startswith("Phụ lục: ")) == 3


def test_commune_plan_with_tasks_in_ii_and_other_tasks_in_its_phu_luc(tmp_path: Path) -> None:
    result = _import(COMMUNE_TASKS, tmp_path)
    plan = result.plan
    body_tasks = plan.sections[1]
    assert body_tasks.title == "NHIỆM VỤ TRỌNG TÂM" and [t.title for t in body_tasks.tasks] == [
        "Cải cách thể chế", "Cải cách thủ tục hành chính"]
    (annex,) = plan.appendices()
    assert annex.appendix.columns[5] == ("", "Kinh phí")
    assert [(t.number, t.title) for t in annex.tasks] == [("I", "CẢI CÁCH TỔ CHỨC BỘ MÁY"),
                                                          ("II", "HIỆN ĐẠI HÓA HÀNH CHÍNH")]
    first = annex.tasks[0].children[0]
    assert first.lead == ["Văn phòng HĐND và UBND"] and first.time == "Tháng 9/2025"
    # the cells of the other columns, and the lead's cell as the source wrote it (the catalog spells it otherwise)
    assert first.cells == {"Kinh phí": "Ngân sách xã", "Đơn vị chủ trì": "Văn phòng HĐND và UBND xã"}
    second = annex.tasks[0].children[1]
    assert second.coordinators == ["Các phòng chuyên môn"]  # merged down from the row above
    assert annex.tasks[1].children[0].notes == "Theo Đề án 06"
    assert sum(1 for _ in plan.walk_tasks()) == 2 + 6
    assert result.unplaced == []


@pytest.mark.parametrize("parts", [PROVINCE_FOCUS, REPORT_FORMS, COMMUNE_TASKS], ids=["tasks", "forms", "commune"])
def test_phu_luc_survive_plan_json(parts, tmp_path: Path) -> None:
    plan = _import(parts, tmp_path).plan
    again = plan_from_dict(plan_to_dict(plan))
    assert plan_to_dict(again) == plan_to_dict(plan)
    assert [s.appendix for s in again.sections] == [s.appendix for s in plan.sections]


def test_phu_luc_of_a_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.md"
    path.write_text(build_markdown(COMMUNE_TASKS), encoding="utf-8")
    result = import_file(path, CATALOG)
    (annex,) = result.plan.appendices()
    assert (annex.appendix.label, annex.appendix.heading, annex.appendix.attached) == (
        "PHỤ LỤC", ["DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"],
        "(Kèm theo Kế hoạch số 119/KH-UBND ngày 18/7/2025 của UBND xã Long Phụng)")
    assert [len(t.children) for t in annex.tasks] == [2, 2]
    assert result.plan.signature.signer == "Nguyễn Văn Hùng"
    assert result.unplaced == []


# --- nothing lost, nothing moved -----------------------------------------------------------------

def test_the_fidelity_check_sees_a_lost_or_moved_line() -> None:
    source = ["II. NHIỆM VỤ", "1. Tuyên truyền", "- Thời gian: Quý III/2026.", "PHỤ LỤC", "Biểu 01"]
    assert missing(source, ["II. NHIỆM VỤ", "1. Tuyên truyền", "- Thời gian: Quý III/2026", "PHỤ LỤC",
                            "Biểu 01"]) == []
    assert missing(source, ["NHIỆM VỤ", "Tuyên truyền", "Thời gian: Quý III/2026", "Biểu 01", "PHỤ LỤC"]) == [
        "Biểu 01"]
    assert missing(source, ["II. NHIỆM VỤ", "1. Tuyên truyền", "PHỤ LỤC", "Biểu 01"]) == [
        "- Thời gian: Quý III/2026."]
    # "Phụ lục 01: ĐỀ CƯƠNG" printed as the label line, then the title line
    assert missing(["Phụ lục 01: ĐỀ CƯƠNG BÁO CÁO"], ["Phụ lục 01", "ĐỀ CƯƠNG BÁO CÁO"]) == []


def _sources(tmp_path: Path) -> list[Path]:
    """The real plans with phụ lục; the three samples as Word files, as the app's own export with its
    phụ lục, and as their original .md texts when shared/samples is there."""
    from kehoach_desktop.documents.docx_writer import write_docx
    from kehoach_desktop.documents.layout import plan_document

    built = [build_docx(parts, tmp_path / f"{name}.docx") for name, parts in REAL_PLANS.items()]
    for name in SAMPLE_NAMES:
        built.append(plan_docx(load_fixture(name), tmp_path / f"{name}.docx"))
        built.append(write_docx(plan_document(load_fixture(name), appendix=True), tmp_path / f"{name}-pl.docx"))
    return built + sorted(SAMPLES_DIR.glob("*.md"))


def test_an_import_keeps_every_line_of_its_source_in_order(tmp_path: Path) -> None:
    for path in _sources(tmp_path):
        plan = import_file(path, CATALOG).plan
        assert missing_in_plan(source_lines(path), plan_lines(plan)) == [], path.name


def test_the_reprint_keeps_every_line_before_the_signature(tmp_path: Path) -> None:
    from kehoach_desktop.documents.docx_writer import write_docx
    from kehoach_desktop.documents.layout import plan_document

    for name, parts in REAL_PLANS.items():
        sign = next(k for k, part in enumerate(parts) if part[0] == "sign")
        body = build_docx(parts[:sign + 1], tmp_path / f"{name}-body.docx")
        plan = import_file(build_docx(parts, tmp_path / f"{name}.docx"), CATALOG).plan
        printed = write_docx(plan_document(plan), tmp_path / f"{name}-export.docx")
        assert missing_in_plan(content_lines(body), content_lines(printed)) == [], name


def test_phu_luc_of_a_text_file_label_and_kem_theo_on_one_line(tmp_path: Path) -> None:
    want = load_fixture("ke-hoach-xa-lam-vy")
    path = tmp_path / "ke-hoach.txt"
    path.write_text(plan_text(want) + "\n".join([
        "PHỤ LỤC 02 (Kèm theo Kế hoạch số 05/KH-UBND ngày 20/3/2026 của UBND xã Lam Vỹ)",
        "MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN",
        "I. KẾT QUẢ THỰC HIỆN", "1. Công tác tuyên truyền", "- Số hội nghị, số người tham dự.",
        "II. KIẾN NGHỊ", "DANH MỤC VĂN BẢN ĐÃ BAN HÀNH", "(Kèm theo Báo cáo kết quả)",
        "1. Kế hoạch số 05/KH-UBND.",
    ]) + "\n", encoding="utf-8")
    result = import_file(path, CATALOG)
    plan = result.plan
    assert plan.signature.signer == want.signature.signer and plan.recipients == want.recipients
    form, documents = plan.appendices()
    # the Kèm theo words on the label's line, above the title: the line is kept whole, to print as written
    assert (form.appendix.label, form.appendix.attached, form.appendix.heading) == (
        "PHỤ LỤC 02 (Kèm theo Kế hoạch số 05/KH-UBND ngày 20/3/2026 của UBND xã Lam Vỹ)", "",
        ["MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN"])
    assert [i.heading for i in form.items] == ["I. KẾT QUẢ THỰC HIỆN", "1. Công tác tuyên truyền", "II. KIẾN NGHỊ"]
    # a title and its Kèm theo line further on, with no label: a phụ lục of its own
    assert (documents.appendix.label, documents.appendix.heading, documents.appendix.attached) == (
        "", ["DANH MỤC VĂN BẢN ĐÃ BAN HÀNH"], "(Kèm theo Báo cáo kết quả)")
    assert [p for i in documents.items for p in [i.heading, *i.paragraphs] if p] == ["1. Kế hoạch số 05/KH-UBND."]
    assert result.unplaced == []
    assert missing_in_plan(source_lines(path), plan_lines(plan)) == []


def test_a_note_under_a_phu_luc_task_table_stays_under_it(tmp_path: Path) -> None:
    note = "Ghi chú: Các đơn vị báo cáo tiến độ về Văn phòng HĐND và UBND xã trước ngày 05 hằng tháng."
    path = build_docx([*COMMUNE_TASKS, ("p", note, "i")], tmp_path / "ghi-chu.docx")
    result = import_file(path, CATALOG)
    annex, rest = result.plan.appendices()
    assert len(annex.tasks) == 2 and annex.appendix.label == "PHỤ LỤC"
    # a continuation of the phụ lục, without a label or title of its own
    assert (rest.kind, rest.appendix.label, rest.appendix.heading, rest.appendix.attached) == ("text", "", [], "")
    assert [p for i in rest.items for p in i.paragraphs] == [note]
    assert result.unplaced == []
    assert missing_in_plan(source_lines(path), plan_lines(result.plan)) == []


def test_a_title_row_inside_the_phu_luc_table_is_kept_above_it(tmp_path: Path) -> None:
    *frame, (kind, rows) = COMMUNE_TASKS
    title = "DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN CẢI CÁCH HÀNH CHÍNH"
    path = build_docx([*frame, (kind, [[title], *rows])], tmp_path / "tieu-de-trong-bang.docx")
    result = import_file(path, CATALOG)
    (annex,) = result.plan.appendices()
    assert [c for _, c in annex.appendix.columns][:3] == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì"]
    assert [p for i in annex.items for p in i.paragraphs] == [title]
    assert [t.number for t in annex.tasks] == ["I", "II"]
    assert missing_in_plan(source_lines(path), plan_lines(result.plan)) == []


def test_kehoach_import_keeps_the_phu_luc_in_the_database(tmp_path: Path) -> None:
    import json

    source = build_docx(PROVINCE_FOCUS, tmp_path / "ke-hoach-155.docx")
    db = tmp_path / "kh.db"
    out = run_cli("import", str(source), db=db, check=True).stdout.splitlines()
    assert "Phụ lục: Phụ lục — MỘT SỐ NHIỆM VỤ TRỌNG TÂM THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG QUỐC GIA VỀ ĐĂNG KÝ " \
           "VÀ THỐNG KÊ HỘ TỊCH: 14 nhiệm vụ, giữ trong phụ lục." in out
    shown = json.loads(run_cli("show", out[-1], "--json", db=db, check=True).stdout)
    assert [("appendix" in s, s["title"][:20]) for s in shown["sections"]] == [
        (False, "MỤC TIÊU"), (False, "NHIỆM VỤ, GIẢI PHÁP"), (False, "KINH PHÍ THỰC HIỆN"),
        (False, "TỔ CHỨC THỰC HIỆN"), (True, "MỘT SỐ NHIỆM VỤ TRỌN")]
    focus = shown["sections"][-1]
    assert focus["appendix"]["attached"] == "(Kèm theo Kế hoạch số 155/KH-UBND ngày 26/5/2017 của UBND tỉnh Bắc Ninh)"
    assert [c["title"] for c in focus["appendix"]["columns"]][2:4] == [
        "Sở, ngành chủ trì tham mưu", "Đơn vị phối hợp thực hiện"]
    assert len(focus["tasks"]) == 14 and focus["tasks"][4]["time"] == "Định kỳ 6 tháng, hằng năm"


def test_a_title_and_a_table_after_the_signature_without_label_or_kem_theo(tmp_path: Path) -> None:
    sign = next(k for k, part in enumerate(COMMUNE_TASKS) if part[0] == "sign")
    table = COMMUNE_TASKS[-1]
    path = build_docx([*COMMUNE_TASKS[:sign + 1], ("p", "DANH MỤC CÁC NHIỆM VỤ CỤ THỂ", "bc"), table],
                      tmp_path / "khong-nhan.docx")
    result = import_file(path, CATALOG)
    (annex,) = result.plan.appendices()
    assert (annex.appendix.label, annex.appendix.heading, annex.appendix.attached) == (
        "", ["DANH MỤC CÁC NHIỆM VỤ CỤ THỂ"], "")
    assert len(annex.tasks) == 2 and result.unplaced == []
    assert result.plan.signature.signer == "Nguyễn Văn Hùng"


def test_import_then_export_prints_every_line_of_the_source_in_order(tmp_path: Path) -> None:
    # the must-hold: the reprint (the Word export) of an imported plan says every content line
    # of its source, in the source's order, its phụ lục after the signature
    from kehoach_desktop.documents.docx_writer import write_docx
    from kehoach_desktop.documents.layout import plan_document

    for path in _sources(tmp_path):
        plan = import_file(path, CATALOG).plan
        printed = write_docx(plan_document(plan), tmp_path / f"{path.stem}-reprint.docx")
        lines = content_lines(printed)
        assert missing_in_plan(source_lines(path), lines) == [], path.name
        signer = max(k for k, line in enumerate(lines) if line == plan.signature.signer)
        for section in plan.appendices():
            first = section.appendix.label or (section.appendix.heading or [""])[0]
            if first:
                assert lines.index(first, signer) > signer, (path.name, first)


def test_a_phu_luc_typed_before_the_signature_still_leaves_the_signature_read(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.md"
    text = build_markdown(COMMUNE_TASKS)
    body, rest = text.split("\n\nNơi nhận:")
    signature, annex = rest.split("\n\n**PHỤ LỤC**")
    path.write_text(f"{body}\n\n**PHỤ LỤC**{annex}\n\nNơi nhận:{signature}", encoding="utf-8")
    result = import_file(path, CATALOG)
    assert result.plan.signature.signer == "Nguyễn Văn Hùng"
    assert result.plan.recipients == ["UBND tỉnh", "TT Đảng ủy, HĐND xã", "Lưu: VT, VP"]
    (annex_section,) = result.plan.appendices()
    assert [len(t.children) for t in annex_section.tasks] == [2, 2]
    assert result.unplaced == []


def test_a_task_table_row_without_a_task_title_is_kept_in_the_notes(tmp_path: Path) -> None:
    *frame, (kind, rows) = COMMUNE_TASKS
    path = build_docx([*frame, (kind, [*rows, ["", "", "", "", "", "Tổng: 120 triệu đồng", ""]])],
                      tmp_path / "tong.docx")
    result = import_file(path, CATALOG)
    assert [len(t.children) for t in result.plan.appendices()[0].tasks] == [2, 2]
    assert result.unplaced == ["Bảng nhiệm vụ: dòng không có tên nhiệm vụ “Tổng: 120 triệu đồng”"]
    assert any("Tổng: 120 triệu đồng" in line for line in result.summary_lines)


def test_a_report_form_with_its_own_header_table_stays_portrait(tmp_path: Path) -> None:
    sign = next(k for k, part in enumerate(COMMUNE_TASKS) if part[0] == "sign")
    form = [("p", "Mẫu số 01", "bc"),
            ("header", ["UBND XÃ LONG PHỤNG", "PHÒNG VĂN HÓA - XÃ HỘI"],
             ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
            ("p", "BÁO CÁO", "bc"), ("p", "Kết quả thực hiện cải cách hành chính 6 tháng năm 2025", "bc"),
            ("p", "I. KẾT QUẢ ĐẠT ĐƯỢC", "b"), ("p", "II. TỒN TẠI, HẠN CHẾ", "b")]
    path = build_docx([*COMMUNE_TASKS[:sign + 1], *form], tmp_path / "mau.docx")
    result = import_file(path, CATALOG)
    (section,) = result.plan.appendices()
    assert (section.appendix.label, section.kind, section.appendix.landscape) == ("Mẫu số 01", "text", False)
    assert section.items[0].table.rows[0][1] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    assert result.unplaced == []
    assert missing_in_plan(source_lines(path), plan_lines(result.plan)) == []


def test_a_phu_luc_keeps_the_orientation_of_its_source_pages(tmp_path: Path) -> None:
    portrait = [part for part in COMMUNE_TASKS if part[0] != "landscape"]
    landscape_plan = import_file(build_docx(COMMUNE_TASKS, tmp_path / "ngang.docx"), CATALOG).plan
    portrait_plan = import_file(build_docx(portrait, tmp_path / "doc.docx"), CATALOG).plan
    assert [s.appendix.landscape for s in landscape_plan.appendices()] == [True]
    assert [s.appendix.landscape for s in portrait_plan.appendices()] == [False]
    # the outline of Phụ lục 01 on portrait pages, the Biểu after the landscape break
    forms = import_file(build_docx(REPORT_FORMS, tmp_path / "bieu.docx"), CATALOG).plan
    assert [s.appendix.landscape for s in forms.appendices()] == [False, True, True]
