"""The exported .docx, read back as Word and LibreOffice would: content, layout numbers, valid XML."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from kehoach_desktop.documents.docx_writer import write_docx
from kehoach_desktop.documents.layout import plan_document
from kehoach_desktop.documents.metrics import text_width
from kehoach_desktop.domain.text import clean_line, normalize_dashes, normalize_tone_placement
from kehoach_desktop.errors import StorageError
from tests.conftest import SAMPLE_NAMES, SAMPLES_DIR, load_fixture, needs, sha256

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
FONT = "Times New Roman"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def export(tmp_path: Path, name: str, appendix: bool = False) -> Path:
    target = tmp_path / f"{name}.docx"
    write_docx(plan_document(load_fixture(name), appendix=appendix), target)
    return target


def xml(path: Path, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def para_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def find_paragraph(root: etree._Element, text: str) -> etree._Element:
    for p in root.iter(w("p")):
        if para_text(p) == text:
            return p
    raise AssertionError(f"no paragraph {text!r}")


def val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(w(attr))


def run_props(p: etree._Element) -> list[etree._Element]:
    return [r.find(w("rPr")) for r in p.findall(w("r"))]


def is_on(rpr: etree._Element, tag: str) -> bool:
    el = rpr.find(w(tag))
    return el is not None and val(el) not in ("0", "false")


# --- content: every line of the sample, in order ---------------------------------------------

def normalise(text: str) -> str:
    """Compare as a reader would: NFC, one space, no Markdown marks, one kind of dash and tone placement."""
    text = re.sub(r"^#+\s*", "", text.strip())
    text = text.replace("**", "").replace("*", "")
    text = normalize_dashes(normalize_tone_placement(clean_line(text)))
    text = re.sub(r"^[-+•]\s*", "", text)  # bullets: "- X" and "+ X" (the sample lost some)
    text = re.sub(r"HĐND\s*(?:&|-|và)\s*UBND", "HĐND và UBND", text)
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    return text.strip().lower()


def docx_lines(path: Path) -> list[str]:
    """Every paragraph of the body in reading order, table cells row by row."""
    document = docx.Document(str(path))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                for cell in row.cells:
                    lines += [p.text for p in cell.paragraphs]
        else:
            lines.append(block.text)
    return lines


def sample_lines(name: str) -> list[str]:
    text = (SAMPLES_DIR / f"{name}.md").read_text(encoding="utf-8")
    return [normalise(line) for line in text.splitlines() if normalise(line)]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_line_of_the_sample_in_order(tmp_path: Path, name: str) -> None:
    if not SAMPLES_DIR.is_dir():
        pytest.skip("shared/samples not present")
    stream = " ".join(normalise(line) for line in docx_lines(export(tmp_path, name)))
    lines = sample_lines(name)
    assert len(lines) > 40
    position = 0
    for line in lines:
        found = stream.find(line, position)
        assert found >= 0, f"not found after position {position}: {line!r}\n...{stream[position:position + 300]}"
        position = found + len(line)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_header_and_signature_blocks(tmp_path: Path, name: str) -> None:
    plan = load_fixture(name)
    document = docx.Document(str(export(tmp_path, name)))
    header, signature = document.tables[0], document.tables[-1]
    left = [p.text for p in header.rows[0].cells[0].paragraphs if p.text]
    assert left == plan.issuer
    right = [p.text for p in header.rows[0].cells[1].paragraphs if p.text]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    number = header.rows[1].cells[0].text
    assert " ".join(number.split()) == f"Số: {plan.number or ''}/{plan.symbol}".replace(": /", ": /")
    assert header.rows[1].cells[1].text.startswith(f"{plan.place}, ngày")
    recipients = [p.text for p in signature.rows[0].cells[0].paragraphs]
    assert recipients[0] == "Nơi nhận:"
    assert recipients[1:] == [f"- {r};" for r in plan.recipients[:-1]] + [f"- {plan.recipients[-1]}."]
    signer = [p.text for p in signature.rows[0].cells[1].paragraphs if p.text]
    assert signer == [*plan.signature.lines, plan.signature.signer]
    body = [p.text for p in document.paragraphs if p.text]
    assert body[0] == "KẾ HOẠCH" and body[1] == plan.title
    assert any(t.endswith("./.") for t in body)


def test_draft_number_and_partial_date(tmp_path: Path) -> None:
    document = docx.Document(str(export(tmp_path, "ke-hoach-xa-binh-giang-nd142")))
    cells = document.tables[0].rows[1].cells
    assert " ".join(cells[0].text.split()) == "Số: /KH-UBND"
    assert " ".join(cells[1].text.split()) == "Bình Giang, ngày tháng 6 năm 2026"


# --- layout numbers ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def lam_vy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp("docx"), "ke-hoach-xa-lam-vy", appendix=True)


def test_page_size_margins_and_page_numbers(lam_vy: Path) -> None:
    root = xml(lam_vy)
    first, appendix = root.iter(w("sectPr"))
    size, margins = first.find(w("pgSz")), first.find(w("pgMar"))
    assert (val(size, "w"), val(size, "h"), val(size, "orient")) == ("11906", "16838", None)  # A4 portrait
    assert {k: val(margins, k) for k in ("top", "bottom", "left", "right")} == {
        "top": "1134", "bottom": "1134", "left": "1701", "right": "850"}  # 20, 20, 30, 15 mm
    assert first.find(w("titlePg")) is not None  # no number on page 1
    size = appendix.find(w("pgSz"))
    assert (val(size, "w"), val(size, "h"), val(size, "orient")) == ("16838", "11906", "landscape")
    assert val(appendix.find(w("pgNumType")), "start") == "1"
    assert appendix.find(w("titlePg")) is not None
    with zipfile.ZipFile(lam_vy) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        for sect in (first, appendix):
            refs = {val(r, "type"): r.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
                    for r in sect.findall(w("headerReference"))}
            target = re.search(rf'Id="{refs["default"]}"[^>]*Target="([^"]+)"', rels) or re.search(
                rf'Target="([^"]+)"[^>]*Id="{refs["default"]}"', rels)
            header = etree.fromstring(z.read(f"word/{target.group(1)}"))
            p = header.find(w("p"))
            assert val(p.find(f"{w('pPr')}/{w('jc')}")) == "center"
            assert "PAGE" in "".join(t.text for t in p.iter(w("instrText")))
            assert [val(f, "fldCharType") for f in p.iter(w("fldChar"))] == ["begin", "separate", "end"]
            assert {val(r.find(w("sz"))) for r in run_props(p)} <= {"26", "28"}
            first_target = re.search(rf'Id="{refs["first"]}"[^>]*Target="([^"]+)"', rels) or re.search(
                rf'Target="([^"]+)"[^>]*Id="{refs["first"]}"', rels)
            first_header = etree.fromstring(z.read(f"word/{first_target.group(1)}"))
            assert not list(first_header.iter(w("instrText")))


def test_times_new_roman_on_all_four_slots(lam_vy: Path) -> None:
    styles = xml(lam_vy, "word/styles.xml")
    defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    assert {k: val(defaults, k) for k in ("ascii", "hAnsi", "eastAsia", "cs")} == dict.fromkeys(
        ("ascii", "hAnsi", "eastAsia", "cs"), FONT)
    assert not [a for a in defaults.attrib if "Theme" in a or "theme" in a]
    root = xml(lam_vy)
    runs = list(root.iter(w("r")))
    assert len(runs) > 100
    for r in runs:
        fonts = r.find(f"{w('rPr')}/{w('rFonts')}")
        assert [val(fonts, k) for k in ("ascii", "hAnsi", "eastAsia", "cs")] == [FONT] * 4


def test_header_table(lam_vy: Path) -> None:
    root = xml(lam_vy)
    table = next(root.iter(w("tbl")))
    assert [val(g, "w") for g in table.iter(w("gridCol"))] == ["3827", "5669"]  # 6.75 cm + 10.0 cm
    borders = table.find(f"{w('tblPr')}/{w('tblBorders')}")
    assert {val(b) for b in borders} == {"nil"}
    assert val(table.find(f"{w('tblPr')}/{w('tblLayout')}"), "type") == "fixed"
    agency = find_paragraph(table, "XÃ LAM VỸ")
    assert all(is_on(r, "b") and val(r.find(w("sz"))) == "26" for r in run_props(agency))
    national = find_paragraph(table, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert all(is_on(r, "b") and val(r.find(w("sz"))) == "26" for r in run_props(national))
    motto = find_paragraph(table, "Độc lập - Tự do - Hạnh phúc")
    assert all(is_on(r, "b") and val(r.find(w("sz"))) == "28" for r in run_props(motto))
    # the rule under the motto: a bottom border exactly as long as the text, centred in the cell
    rule = motto.getnext()
    assert val(rule.find(f"{w('pPr')}/{w('pBdr')}/{w('bottom')}")) == "single"
    ind = rule.find(f"{w('pPr')}/{w('ind')}")
    cell_inner = 5669 - 2 * 57
    drawn = cell_inner - int(val(ind, "left")) - int(val(ind, "right"))
    assert drawn == pytest.approx(text_width("Độc lập - Tự do - Hạnh phúc", 14, True) * 20, abs=3)
    assert val(ind, "left") == val(ind, "right")
    number = find_paragraph(table, "Số: 05/KH-UBND")
    assert all(not is_on(r, "b") and val(r.find(w("sz"))) == "26" for r in run_props(number))
    date = find_paragraph(table, "Lam Vỹ, ngày 20 tháng 3 năm 2026")
    assert all(is_on(r, "i") and val(r.find(w("sz"))) == "28" for r in run_props(date))
    assert val(date.find(f"{w('pPr')}/{w('jc')}")) == "center"


def test_title_body_and_headings(lam_vy: Path) -> None:
    root = xml(lam_vy)
    kind = find_paragraph(root, "KẾ HOẠCH")
    title = find_paragraph(root, "Triển khai thi hành Luật Trí tuệ nhân tạo")
    for p in (kind, title):
        assert val(p.find(f"{w('pPr')}/{w('jc')}")) == "center"
        assert all(is_on(r, "b") and val(r.find(w("sz"))) == "28" for r in run_props(p))
    assert title.getnext().find(f"{w('pPr')}/{w('pBdr')}/{w('bottom')}") is not None  # rule under it
    body = find_paragraph(root, "Kinh phí bảo đảm thực hiện Kế hoạch này được bố trí từ nguồn kinh phí của các "
                                "cơ quan, đơn vị và nguồn kinh phí hợp pháp khác theo quy định pháp luật.")
    ppr = body.find(w("pPr"))
    assert val(ppr.find(w("jc"))) == "both"
    assert val(ppr.find(w("ind")), "firstLine") == "567"  # 1 cm
    assert int(val(ppr.find(w("spacing")), "before")) >= 120  # ≥ 6 pt
    assert 240 <= int(val(ppr.find(w("spacing")), "line")) <= 360
    assert all(val(r.find(w("sz"))) == "28" and not is_on(r, "b") for r in run_props(body))
    section = find_paragraph(root, "I. MỤC ĐÍCH, YÊU CẦU")
    assert all(is_on(r, "b") for r in run_props(section))
    assert section.find(f"{w('pPr')}/{w('keepNext')}") is not None
    field = find_paragraph(root, "- Thời gian thực hiện: Thường xuyên.")
    assert not any(is_on(r, "b") for r in run_props(field))
    closing = [p for p in root.iter(w("p")) if para_text(p).endswith("./.")]
    assert len(closing) == 1


def test_headings_by_level(tmp_path: Path) -> None:
    root = xml(export(tmp_path, "ke-hoach-phuong-bach-dang"))
    assert all(is_on(r, "b") for r in run_props(find_paragraph(root, "1. Mục đích")))
    task = find_paragraph(root, "2. Rà soát văn bản quy phạm pháp luật")
    assert all(is_on(r, "b") for r in run_props(task))
    letter = next(p for p in root.iter(w("p")) if para_text(p).startswith("b) Tham gia xây dựng"))
    assert not any(is_on(r, "b") for r in run_props(letter))


def test_signature_table(lam_vy: Path) -> None:
    root = xml(lam_vy)
    table = next(t for t in root.iter(w("tbl")) if "Nơi nhận:" in "".join(t.itertext()))
    label = find_paragraph(table, "Nơi nhận:")
    assert all(is_on(r, "b") and is_on(r, "i") and val(r.find(w("sz"))) == "24" for r in run_props(label))
    item = find_paragraph(table, "- Lãnh đạo UBND xã;")
    assert all(not is_on(r, "b") and not is_on(r, "i") and val(r.find(w("sz"))) == "22" for r in run_props(item))
    assert find_paragraph(table, "- Lưu: VT, VHXXH.loclv.lv.") is not None
    for text in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"):
        assert all(is_on(r, "b") and val(r.find(w("sz"))) == "28" for r in run_props(find_paragraph(table, text)))
    signer = find_paragraph(table, "Ma Văn Quyết")
    assert all(is_on(r, "b") for r in run_props(signer))
    assert int(val(signer.find(f"{w('pPr')}/{w('spacing')}"), "before")) >= 1600  # ≥ 2.8 cm to sign and seal
    assert {val(b) for b in table.find(f"{w('tblPr')}/{w('tblBorders')}")} == {"nil"}


def test_appendix_table(lam_vy: Path) -> None:
    root = xml(lam_vy)
    table = list(root.iter(w("tbl")))[-1]
    rows = table.findall(w("tr"))
    header = [para_text(tc.find(w("p"))) for tc in rows[0].findall(w("tc"))]
    # in the plan's own wording of its task lines (Lam Vỹ writes "Đơn vị chủ trì", "Đơn vị phối hợp")
    assert header == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện",
                      "Sản phẩm", "Ghi chú"]
    assert rows[0].find(f"{w('trPr')}/{w('tblHeader')}") is not None
    assert all(r.find(f"{w('trPr')}/{w('cantSplit')}") is not None for r in rows)
    assert len(rows) == 8
    assert {val(b) for b in table.find(f"{w('tblPr')}/{w('tblBorders')}")} == {"single"}
    texts = [para_text(p) for p in root.iter(w("p"))]
    assert "PHỤ LỤC" in texts
    assert "(Kèm theo Kế hoạch số 05/KH-UBND ngày 20 tháng 3 năm 2026 của Ủy ban nhân dân xã Lam Vỹ)" in texts


# --- valid OOXML: children in the order the schema (ECMA-376) requires -----------------------

SEQUENCES = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
            "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
            "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
            "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
              "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
             "textDirection", "tcFitText", "vAlign", "hideMark"],
    "sectPr": ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
               "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
               "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"],
    "tblBorders": ["top", "left", "start", "bottom", "right", "end", "insideH", "insideV"],
    "pBdr": ["top", "left", "bottom", "right", "between", "bar"],
    "tblCellMar": ["top", "left", "start", "bottom", "right", "end"],
    "tbl": ["tblPr", "tblGrid", "tr"],
    "tc": ["tcPr", "p", "tbl"],
}


def check_order(root: etree._Element) -> int:
    checked = 0
    for parent_name, order in SEQUENCES.items():
        for el in root.iter(w(parent_name)):
            names = [etree.QName(child).localname for child in el if isinstance(child.tag, str)]
            unknown = [n for n in names if n not in order]
            assert not unknown, f"{parent_name} has unexpected {unknown}"
            positions = [order.index(n) for n in names]
            if parent_name in ("tbl", "tc", "sectPr"):  # repeated children (tr, p, headerReference) are fine
                assert positions == sorted(positions), f"{parent_name}: {names}"
            else:
                assert positions == sorted(positions) and len(set(names)) == len(names), f"{parent_name}: {names}"
            checked += 1
    return checked


def test_written_xml_follows_the_schema_order(lam_vy: Path) -> None:
    assert check_order(xml(lam_vy)) > 500
    with zipfile.ZipFile(lam_vy) as z:
        for name in z.namelist():
            if re.fullmatch(r"word/header\d+\.xml", name):
                check_order(etree.fromstring(z.read(name)))
    # every table cell holds a paragraph, every table a grid matching its cells
    for tbl in xml(lam_vy).iter(w("tbl")):
        columns = len(tbl.find(w("tblGrid")))
        for tr in tbl.findall(w("tr")):
            assert len(tr.findall(w("tc"))) == columns
            assert all(tc.find(w("p")) is not None for tc in tr.findall(w("tc")))


# --- safe writing ----------------------------------------------------------------------------

def test_locked_target_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old file opened in Word")
    before = sha256(target)

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used")

    monkeypatch.setattr("os.replace", locked)
    with pytest.raises(StorageError) as error:
        write_docx(plan_document(load_fixture("ke-hoach-xa-lam-vy")), target)
    assert "đang mở" in error.value.message and "tệp cũ được giữ nguyên" in error.value.message
    assert sha256(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]  # no temporary file left behind


# --- LibreOffice opens it (where installed) ----------------------------------------------------

@pytest.mark.slow
def test_libreoffice_converts_it(tmp_path: Path, lam_vy: Path) -> None:
    soffice = needs("soffice", "libreoffice-writer-nogui", shutil.which("libreoffice"))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(lam_vy)],
                   check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / lam_vy.with_suffix(".pdf").name).read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 4


def test_pasted_control_characters_and_line_breaks(tmp_path: Path) -> None:
    """Text pasted from other programs (vertical tab, NUL) and typed line breaks never break the export."""
    from kehoach_desktop.domain.plan import Plan, Section, TextItem

    plan = Plan(title="Triển khai\x0b thi hành\x00" * 20, issuer=[], recipients=[],
                sections=[Section("NỘI DUNG", items=[TextItem(None, ["dòng một\ndòng hai"])])])
    target = tmp_path / "odd.docx"
    write_docx(plan_document(plan, appendix=True), target)
    document = docx.Document(str(target))
    assert "dòng một\ndòng hai./." in [p.text for p in document.paragraphs]  # a <w:br/>, one paragraph
    assert len(document.core_properties.title) <= 255
    check_order(xml(target))


def test_an_empty_plan_still_prints(tmp_path: Path) -> None:
    from kehoach_desktop.domain.plan import Plan

    target = tmp_path / "empty.docx"
    write_docx(plan_document(Plan(title=""), appendix=True), target)
    document = docx.Document(str(target))
    assert document.paragraphs[0].text == "KẾ HOẠCH"
    assert " ".join(document.tables[0].rows[1].cells[0].text.split()) == "Số: /KH-UBND"
