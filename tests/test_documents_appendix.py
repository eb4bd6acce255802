"""Phụ lục print after the signature: each on pages of its own (landscape for a table, portrait for an
outline), numbered from 1, with its label, title and Kèm theo line as written, its own task table in the
source's columns and wording, or its free content; the Word file and the PDF say the same in the same order.

The plans are the real ones of tests/realplans.py, imported as a user would import them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from kehoach_desktop.documents.docx_writer import write_docx
from kehoach_desktop.documents.layout import plan_document
from kehoach_desktop.domain.plan import Appendix, Section
from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.importers import import_file

from .conftest import SAMPLE_NAMES, load_fixture, needs
from .fidelity import content_lines, missing, missing_in_plan
from .realplans import COMMUNE_TASKS, PROVINCE_FOCUS, REAL_PLANS, REPORT_FORMS, build_docx

CATALOG = UnitCatalog(preset_units(None))


def _imported(parts, tmp_path: Path, name: str = "source"):
    source = build_docx(parts, tmp_path / f"{name}.docx")
    return source, import_file(source, CATALOG).plan


def _export(plan, tmp_path: Path, name: str = "export", *, appendix: bool = False) -> docx.document.Document:
    path = write_docx(plan_document(plan, appendix=appendix), tmp_path / f"{name}.docx")
    return docx.Document(str(path))


def _body_items(doc: docx.document.Document) -> list:
    """Paragraphs and tables of the body in order, with the index of the section each is in."""
    out, section = [], 0
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            out.append((section, docx.text.paragraph.Paragraph(el, doc._body)))
            if el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                section += 1
        elif el.tag == qn("w:tbl"):
            out.append((section, docx.table.Table(el, doc._body)))
    return out


def _restarts_at_one(section) -> bool:
    num = section._sectPr.find(qn("w:pgNumType"))
    return num is not None and num.get(qn("w:start")) == "1"


def _texts(section_items) -> list[str]:
    return [item.text for item in section_items if isinstance(item, docx.text.paragraph.Paragraph) and item.text]


def test_a_task_phu_luc_prints_after_the_signature_in_the_sources_columns(tmp_path: Path) -> None:
    _, plan = _imported(COMMUNE_TASKS, tmp_path)
    doc = _export(plan, tmp_path)
    body, annex = doc.sections
    assert body.orientation == WD_ORIENT.PORTRAIT and annex.orientation == WD_ORIENT.LANDSCAPE
    assert _restarts_at_one(annex) and annex.different_first_page_header_footer
    assert annex.header.paragraphs[0]._p.xpath(".//w:instrText")[0].text.strip() == "PAGE"
    items = _body_items(doc)
    # the signature is the body's last table; the phụ lục opens the next section
    signature = [i for s, i in items if s == 0 and isinstance(i, docx.table.Table)][-1]
    assert "Nguyễn Văn Hùng" in signature.rows[0].cells[1].text
    second = [i for s, i in items if s == 1]
    label, title, attached = second[:3]
    assert (label.text, title.text, attached.text) == (
        "PHỤ LỤC", "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        "(Kèm theo Kế hoạch số 119/KH-UBND ngày 18/7/2025 của UBND xã Long Phụng)")
    assert all(p.alignment == 1 for p in (label, title, attached))  # centred
    assert label.runs[0].bold and title.runs[0].bold and attached.runs[0].italic
    (table,) = [i for i in second if isinstance(i, docx.table.Table)]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
                       "Kinh phí", "Ghi chú"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    # numbers as the source had them; the groups are bold rows; the units as the source wrote them
    assert [r[0] for r in rows[1:]] == ["I", "1", "2", "II", "1", "2"]
    assert rows[1][1] == "CẢI CÁCH TỔ CHỨC BỘ MÁY" and table.rows[1].cells[1].paragraphs[0].runs[0].bold
    # the group's title across the rest of the row, as the source merged it
    assert [tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None for tc in table.rows[1]._tr.tc_lst] == [
        False, True]
    assert len(table.rows[2]._tr.tc_lst) == 7
    assert not table.rows[2].cells[1].paragraphs[0].runs[0].bold
    assert rows[2] == ["1", "Rà soát chức năng, nhiệm vụ các phòng chuyên môn", "Văn phòng HĐND và UBND xã",
                       "Các phòng chuyên môn", "Tháng 9/2025", "Ngân sách xã", ""]
    assert rows[5][5:] == ["Ngân sách tỉnh hỗ trợ", "Theo Đề án 06"]
    # the body numbers its own sections only: no "IV." for the phụ lục
    assert not any(t.startswith("IV.") for t in _texts(i for s, i in items if s == 0))


def test_outline_and_report_forms_each_on_pages_of_their_own(tmp_path: Path) -> None:
    _, plan = _imported(REPORT_FORMS, tmp_path)
    doc = _export(plan, tmp_path)
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.PORTRAIT,
                                                      WD_ORIENT.LANDSCAPE, WD_ORIENT.LANDSCAPE]
    assert all(_restarts_at_one(s) for s in doc.sections[1:])
    items = _body_items(doc)
    outline = [i for s, i in items if s == 1]
    texts = _texts(outline)
    assert texts[:4] == ["Phụ lục 01", "ĐỀ CƯƠNG BÁO CÁO",
                         "Kết quả thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững",
                         "(Kèm theo Kế hoạch số 130/KH-UBND ngày 13/7/2022 của UBND tỉnh Ninh Bình)"]
    # headings as written (no number added), bold; the paragraphs justified as the body's
    heading = next(p for p in outline if getattr(p, "text", "") == "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN")
    assert heading.runs[0].bold
    line = next(p for p in outline if getattr(p, "text", "").startswith("- Việc ban hành"))
    assert line.alignment == 3 and not line.runs[0].bold
    assert texts[-1] == "III. ĐỀ XUẤT, KIẾN NGHỊ"
    (form1,) = [i for s, i in items if s == 2 and isinstance(i, docx.table.Table)]
    assert [c.text for c in form1.rows[0].cells] == ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm",
                                                     "Thực hiện", "Tỷ lệ (%)"]
    assert [c.text for c in form1.rows[2].cells] == ["2", "Số hộ thoát nghèo", "Hộ", "", "", ""]
    # a two-row heading: both rows bold and repeated on every page; the columns fill the text width
    (form2,) = [i for s, i in items if s == 3 and isinstance(i, docx.table.Table)]
    assert [r._tr.trPr.find(qn("w:tblHeader")) is not None for r in form2.rows] == [True, True, False, False,
                                                                                   False]
    assert form2.rows[1].cells[2].paragraphs[0].runs[0].bold
    # "Kế hoạch vốn" over "Đầu tư" and "Sự nghiệp": one cell two columns wide
    spans = [tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") for tc in form2.rows[0]._tr.tc_lst]
    assert [None if x is None else x.get(qn("w:val")) for x in spans] == [None, None, "2", "2"]
    width = sum(int(g.get(qn("w:w"))) for g in form2._tbl.tblGrid.iterchildren(qn("w:gridCol")))
    page = doc.sections[3]
    assert abs(width - (page.page_width - page.left_margin - page.right_margin) / 635) < 30  # twips
    assert _texts(i for s, i in items if s == 3)[-1] == "Ghi chú: Số liệu tính đến ngày 14/12 của năm báo cáo."


def test_a_note_under_a_phu_luc_table_prints_under_it_on_the_same_page(tmp_path: Path) -> None:
    note = "Ghi chú: Các đơn vị báo cáo tiến độ về Văn phòng HĐND và UBND xã trước ngày 05 hằng tháng."
    _, plan = _imported([*COMMUNE_TASKS, ("p", note, "i")], tmp_path)
    assert len(plan.appendices()) == 2
    doc = _export(plan, tmp_path)
    assert len(doc.sections) == 2  # no new page for the continuation
    shown = [i for s, i in _body_items(doc) if s == 1 and (isinstance(i, docx.table.Table) or i.text)]
    assert isinstance(shown[-2], docx.table.Table) and shown[-1].text == note


def test_every_line_of_a_real_plan_prints_again_in_order(tmp_path: Path) -> None:
    sources = [build_docx(parts, tmp_path / f"{name}.docx") for name, parts in REAL_PLANS.items()]
    # the app's own export with its generated phụ lục: imported as a mirror, printed again the same
    sources += [write_docx(plan_document(load_fixture(name), appendix=True), tmp_path / f"{name}-pl.docx")
                for name in SAMPLE_NAMES]
    for source in sources:
        plan = import_file(source, CATALOG).plan
        assert plan.appendices(), source.name
        printed = write_docx(plan_document(plan), tmp_path / f"{source.stem}-export.docx")
        assert missing_in_plan(content_lines(source), content_lines(printed)) == [], source.name
        if source.stem.endswith("-pl"):  # the app's own layout comes back as it was: one landscape phụ lục
            assert len(docx.Document(str(printed)).sections) == len(docx.Document(str(source)).sections) == 2


def test_the_pdf_prints_the_phu_luc_in_the_same_order(tmp_path: Path) -> None:
    needs("pdftotext", "poppler-utils")
    from kehoach_desktop.documents.qt_writer import write_pdf

    for name, parts in REAL_PLANS.items():
        source, plan = _imported(parts, tmp_path, name)
        pdf = write_pdf(plan_document(plan), tmp_path / f"{name}.pdf")
        pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        lines = content_lines(source)
        after = next(k for k, line in enumerate(lines) if line in {"Phụ lục", "Phụ lục 01", "PHỤ LỤC"})
        # the phụ lục's headings and its tables' first column read down the page in the source's order
        heads = [line for line in lines[after:] if line.isupper() or line.startswith(("Phụ lục", "Biểu", "(Kèm"))]
        text = [line.strip() for page in pages for line in page.splitlines() if line.strip()]
        assert missing(heads, text) == [], name
        # the first phụ lục starts a page of its own, which shows no page number (numbered from 1 again)
        first = next(k for k, page in enumerate(pages) if page.strip().startswith(lines[after]))
        assert first >= 1 and not pages[first].strip()[0].isdigit()


def test_export_with_appendix_prints_no_second_task_list(tmp_path: Path) -> None:
    _, plan = _imported(PROVINCE_FOCUS, tmp_path)
    doc = _export(plan, tmp_path, appendix=True)
    assert len(doc.sections) == 2
    assert "DANH MỤC NHIỆM VỤ" not in " ".join(p.text for p in doc.paragraphs)


def test_the_task_list_added_after_a_numbered_phu_luc_takes_the_next_number(tmp_path: Path) -> None:
    # Kế hoạch 130/KH-UBND (Ninh Bình) has "Phụ lục 01" (an outline) and report forms, no task phụ lục:
    # --appendix adds its Danh mục as "PHỤ LỤC 02", not a second bare "PHỤ LỤC" beside "Phụ lục 01"
    _, plan = _imported(REPORT_FORMS, tmp_path)
    doc = _export(plan, tmp_path, appendix=True)
    labels = [p.text for p in doc.paragraphs if re.match(r"(?i)(phụ lục|biểu)\b", p.text)]
    assert labels == ["Phụ lục 01", "Biểu 01", "Biểu 02", "PHỤ LỤC 02"]
    plan.appendices()[0].appendix.label = "PHỤ LỤC II"
    assert [p.text for p in _export(plan, tmp_path, "roman", appendix=True).paragraphs
            if p.text.startswith("PHỤ LỤC")] == ["PHỤ LỤC II", "PHỤ LỤC III"]


def test_a_mirror_phu_luc_lists_the_bodys_tasks_in_its_own_wording(tmp_path: Path) -> None:
    plan = load_fixture("ke-hoach-xa-lam-vy")
    plan.sections.append(Section("DANH MỤC", "tasks", appendix=Appendix(
        label="Phụ lục I", heading=["CÁC NHIỆM VỤ TRỌNG TÂM"], attached="(Kèm theo Kế hoạch số 05/KH-UBND)",
        columns=[("number", "TT"), ("title", "Nhiệm vụ"), ("lead", "Chủ trì"), ("time", "Thời hạn")],
        mirror=True)))
    for appendix in (False, True):
        doc = _export(plan, tmp_path, f"mirror-{appendix}", appendix=appendix)
        assert len(doc.sections) == 2 and doc.sections[1].orientation == WD_ORIENT.LANDSCAPE
        texts = [p.text for p in doc.paragraphs if p.text]
        assert "Phụ lục I" in texts and "CÁC NHIỆM VỤ TRỌNG TÂM" in texts
        table = doc.tables[-1]
        assert [c.text for c in table.rows[0].cells] == ["TT", "Nhiệm vụ", "Chủ trì", "Thời hạn"]
        tasks = [t for s in plan.body_sections() if s.kind == "tasks" for top in s.tasks for t, _ in top.walk()]
        assert len(table.rows) == 1 + len(tasks)
        assert table.rows[1].cells[1].text.strip() == tasks[0].title


def test_the_generated_phu_luc_without_a_plan_phu_luc_is_unchanged(tmp_path: Path) -> None:
    plan = load_fixture("ke-hoach-xa-lam-vy")
    doc = _export(plan, tmp_path, appendix=True)
    assert len(doc.sections) == 2
    assert [c.text for c in doc.tables[-1].rows[0].cells][:2] == ["STT", "Nội dung nhiệm vụ"]
    assert len(_export(plan, tmp_path, "plain").sections) == 1


def _long_phu_luc(tmp_path: Path):
    """The province plan with its phụ lục three times as long: the table runs over several pages."""
    *frame, (kind, rows) = PROVINCE_FOCUS
    more = [[str(k), f"{row[1]} (đợt {k})", *row[2:]] for k, row in enumerate(rows[1:] * 3, start=1)]
    return _imported([*frame, (kind, [rows[0], *more])], tmp_path, "dai")


def _pages(pdf: Path, top_margin_only: bool = False) -> list[str]:
    """The text of each page (``top_margin_only``: of the strip above the text, where the number is)."""
    crop = ["-x", "0", "-y", "0", "-W", "900", "-H", "50"] if top_margin_only else []
    out = subprocess.run(["pdftotext", "-layout", *crop, str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return out.split("\f")[:-1]


def _check_long_phu_luc(pdf: Path) -> None:
    pages = _pages(pdf)
    first = next(k for k, page in enumerate(pages) if page.strip().startswith("Phụ lục"))
    annex = pages[first:]
    assert len(annex) >= 3
    # no number on the phụ lục's first page, then 2, 3 … in the top margin; the heading row on each page
    # (the last line of the strip: Qt leaves the clipped-off text of a row torn at the page foot in the PDF)
    numbers = [(page.strip().splitlines() or [""])[-1].strip() for page in _pages(pdf, top_margin_only=True)[first:]]
    assert numbers == ["", *(str(k) for k in range(2, len(annex) + 1))]
    assert all("Tên nhiệm vụ" in page for page in annex)
    # every task's row once, in order: the STT column down the pages
    rows = [(int(m[1]), page) for page in annex for line in page.splitlines()
            if (m := re.match(r"\s*(\d+)\s{2,}\S", line))]
    assert [k for k, _ in rows] == list(range(1, 43))
    # and never torn across two pages: a row's last title line ("… (đợt 9)") is on the page of its number
    assert [k for k, page in rows if not re.search(rf"(?<!\d){k}\)", page)] == []


def test_a_long_phu_luc_numbers_its_pages_from_one_and_repeats_its_heading_row(tmp_path: Path) -> None:
    needs("pdftotext", "poppler-utils")
    from kehoach_desktop.documents.qt_writer import write_pdf

    _, plan = _long_phu_luc(tmp_path)
    assert len(plan.appendices()[0].tasks) == 42
    _check_long_phu_luc(write_pdf(plan_document(plan), tmp_path / "dai.pdf"))


def test_a_long_phu_luc_in_word_numbers_its_pages_from_one(tmp_path: Path) -> None:
    soffice = needs("soffice", "libreoffice-writer-nogui", shutil.which("libreoffice"))
    needs("pdftotext", "poppler-utils")
    _, plan = _long_phu_luc(tmp_path)
    path = write_docx(plan_document(plan), tmp_path / "dai.docx")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], capture_output=True, check=True, timeout=180)
    _check_long_phu_luc(tmp_path / "dai.pdf")


def test_the_phu_luc_xml_follows_the_schema_order(tmp_path: Path) -> None:
    import zipfile

    from lxml import etree

    from .test_documents_docx import check_order

    for name, parts in REAL_PLANS.items():
        _, plan = _imported(parts, tmp_path, name)
        path = write_docx(plan_document(plan), tmp_path / f"{name}-export.docx")
        with zipfile.ZipFile(path) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        assert root.xpath("//w:gridSpan", namespaces={"w": root.nsmap["w"]}) or name.startswith("tinh-bac-ninh")
        assert check_order(root) > 300, name
