"""Importing plans offices already have (.docx, .txt, .md, legacy encodings) into the plan structure.

The three sample plans are printed into realistic Word files (tests/importdocs.py:
header and signature as borderless tables, bold headings, typed numbering) and must
come back as their hand-made fixtures.
"""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest

from kehoach_desktop.domain.plan import Plan, Signature, Task
from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.errors import InvalidInput
from kehoach_desktop.importers import UnreadableDocument, import_file
from kehoach_desktop.services import Store

from .conftest import SAMPLE_NAMES, SAMPLES_DIR, load_fixture, needs, run_cli
from .importdocs import PlanDocx, cp1258_bytes, plan_docx, plan_text, tcvn3_bytes, vni

CATALOG = UnitCatalog(preset_units(None))
PVH = "Phòng Văn hóa - Xã hội"
VP = "Văn phòng HĐND và UBND"


def tree(tasks: list[Task]) -> list[tuple]:
    """What a user sees of a task tree: numbers, titles, content, units, time, product."""
    return [(t.number, t.title, t.content, t.lead, t.coordinators, t.time, t.product, tree(t.children))
            for t in tasks]


def _lower(value):
    if isinstance(value, str):
        return value.lower()
    if isinstance(value, (list, tuple)):
        return [_lower(v) for v in value]
    return value


def assert_same_plan(got: Plan, want: Plan, *, header: bool = True, ignore_case: bool = False) -> None:
    if ignore_case:
        # a TCVN3 text file has no capital "Ủ", "Ó" ...: only the case of such letters may differ
        for plan in (got, want):
            plan.closing, plan.preamble = _lower(plan.closing), _lower(plan.preamble)
            for section in plan.sections:
                for item in section.items:
                    item.paragraphs = _lower(item.paragraphs)
    if header:
        assert got.issuer == want.issuer
        assert (got.number, got.symbol, got.place) == (want.number, want.symbol, want.place)
        assert (got.date.iso() if got.date else None) == (want.date.iso() if want.date else None)
    assert got.title == want.title
    assert got.bases == want.bases
    assert got.preamble == want.preamble
    assert [(s.title, s.kind) for s in got.body_sections()] == [(s.title, s.kind) for s in want.body_sections()]
    for mine, theirs in zip(got.body_sections(), want.body_sections(), strict=True):
        if theirs.kind == "tasks":
            assert tree(mine.tasks) == tree(theirs.tasks), theirs.title
        else:
            assert [(i.heading, i.paragraphs) for i in mine.items] == \
                   [(i.heading, i.paragraphs) for i in theirs.items], theirs.title
    assert got.closing == want.closing
    assert got.recipients == want.recipients
    assert got.signature == want.signature


# --- the three samples as Word files ---------------------------------------------------------

@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_docx_imports_as_its_fixture(name: str, tmp_path: Path) -> None:
    want = load_fixture(name)
    result = import_file(plan_docx(want, tmp_path / f"{name}.docx"), CATALOG)
    assert_same_plan(result.plan, want)
    assert result.unplaced == []
    # the units written in sentences keep their original lines for printing
    for got, fixture in zip(result.plan.walk_tasks(), want.walk_tasks(), strict=True):
        assert bool(got[0].assignment) == bool(fixture[0].assignment), fixture[0].number


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_docx_through_the_cli_is_stored(name: str, tmp_path: Path, db_path: Path) -> None:
    want = load_fixture(name)
    path = plan_docx(want, tmp_path / f"{name}.docx")
    result = run_cli("import", str(path), db=db_path, check=True)
    lines = result.stdout.strip().splitlines()
    plan_id = lines[-1]
    assert plan_id.isdigit()
    assert any(line.startswith("Nhiệm vụ: ") for line in lines)
    with Store.open(db_path, backup=False) as store:
        stored = store.load_plan(plan_id)
    assert_same_plan(stored, want)


def test_labels_and_sentences_are_kept_for_reprinting(tmp_path: Path) -> None:
    want = load_fixture("ke-hoach-phuong-bach-dang")
    plan = import_file(plan_docx(want, tmp_path / "bd.docx"), CATALOG).plan
    t1 = plan.sections[1].tasks[0]
    assert t1.assignment[0] == "b) Cơ quan thực hiện" and len(t1.assignment) == 4
    assert t1.labels["time"] == "c) Thời gian thực hiện" and t1.labels["marker"] == ""
    child = plan.sections[1].tasks[3].children[0]
    assert child.number == "-" and child.labels == {"marker": "+"}
    assert plan.labels["lead"] == "Cơ quan thực hiện"


# --- the .md samples themselves ---------------------------------------------------------------

@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_markdown_sample_imports(name: str) -> None:
    path = SAMPLES_DIR / f"{name}.md"
    if not path.exists():
        pytest.skip("shared/samples not present")
    want = load_fixture(name)
    result = import_file(path, CATALOG)
    # the Markdown conversion lost the header table (issuer, Số, date) of two samples
    assert_same_plan(result.plan, want, header=False)
    assert result.unplaced == []
    if name == "ke-hoach-xa-binh-giang-nd142":
        assert result.plan.date.iso() == "2026-06" and result.plan.place == "Bình Giang"
        assert result.plan.number is None


def test_markdown_sample_through_the_cli(db_path: Path) -> None:
    path = SAMPLES_DIR / "ke-hoach-xa-lam-vy.md"
    if not path.exists():
        pytest.skip("shared/samples not present")
    result = run_cli("import", str(path), db=db_path, check=True)
    assert result.stdout.strip().splitlines()[-1] == "1"
    assert "Nhiệm vụ: 7" in result.stdout
    assert result.stderr == ""


# --- Word automatic numbering, legacy encodings, NFD ------------------------------------------

@pytest.mark.parametrize("name", ["ke-hoach-xa-lam-vy", "ke-hoach-xa-binh-giang-nd142"])
def test_word_automatic_numbering(name: str, tmp_path: Path) -> None:
    want = load_fixture(name)
    path = plan_docx(want, tmp_path / "auto.docx", autonumber=True)
    with zipfile.ZipFile(path) as zf:
        document = zf.read("word/document.xml").decode("utf-8")
        assert "<w:numPr>" in document and "KINH PHÍ THỰC HIỆN" in document
        assert "III. KINH PHÍ" not in document  # the numbers are Word's, not typed
        assert 'w:val="upperRoman"' in zf.read("word/numbering.xml").decode("utf-8")
    assert_same_plan(import_file(path, CATALOG).plan, want)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_legacy_encoded_docx(name: str, encoding: str, tmp_path: Path) -> None:
    want = load_fixture(name)
    path = plan_docx(want, tmp_path / "legacy.docx", encoding=encoding)
    with zipfile.ZipFile(path) as zf:
        document = zf.read("word/document.xml").decode("utf-8")
    if encoding == "tcvn3":
        assert ".VnTimeH" in document and "ho¹ch" in document  # "Kế hoạch" as TCVN3 stores it
        assert "Kế hoạch" not in document
    else:
        assert "VNI-Times" in document and "Keá hoaïch" in document
    result = import_file(path, CATALOG)
    assert_same_plan(result.plan, want)
    assert any(("TCVN3" if encoding == "tcvn3" else "VNI") in line for line in result.summary_lines)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_tcvn3_text_file(name: str, tmp_path: Path) -> None:
    want = load_fixture(name)
    path = tmp_path / "plan.txt"
    path.write_bytes(tcvn3_bytes(plan_text(want)))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    got = import_file(path, CATALOG).plan
    assert_same_plan(got, want, ignore_case=True)


def test_vni_text_file(tmp_path: Path) -> None:
    want = load_fixture("ke-hoach-xa-binh-giang-nd142")
    path = tmp_path / "plan.txt"
    path.write_bytes(vni(plan_text(want)).encode("cp1252"))
    assert_same_plan(import_file(path, CATALOG).plan, want)


def test_windows_1258_text_file(tmp_path: Path) -> None:
    want = load_fixture("ke-hoach-phuong-bach-dang")
    path = tmp_path / "plan.txt"
    path.write_bytes(cp1258_bytes(plan_text(want)))
    assert b"\xec" in path.read_bytes()  # a tone mark stored as its own byte
    assert_same_plan(import_file(path, CATALOG).plan, want)


def test_nfd_plans_are_stored_nfc(tmp_path: Path) -> None:
    want = load_fixture("ke-hoach-phuong-bach-dang")
    text_path = tmp_path / "mac.txt"
    text_path.write_text(unicodedata.normalize("NFD", plan_text(want)), encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", text_path.read_text(encoding="utf-8"))
    docx_path = plan_docx(want, tmp_path / "mac.docx", encoding="nfd")
    for path in (text_path, docx_path):
        got = import_file(path, CATALOG).plan
        assert_same_plan(got, want)
        for task, _ in got.walk_tasks():
            assert unicodedata.is_normalized("NFC", task.title)


def test_unicode_text_with_latin_accents_is_not_converted(tmp_path: Path) -> None:
    # "Hòa", "Bình" hold only Latin-1 accents: still Unicode, never TCVN3
    want = load_fixture("ke-hoach-xa-binh-giang-nd142")
    path = tmp_path / "plan.txt"
    path.write_text(plan_text(want), encoding="utf-8")
    result = import_file(path, CATALOG)
    assert result.plan.signature.signer == "Vũ Thị Hòa"
    assert not any("chuyển mã" in line for line in result.summary_lines)


# --- genre variants ---------------------------------------------------------------------------

def _plan_frame(doc: PlanDocx, plan: Plan, body) -> None:
    doc.header(plan)
    doc.para("KẾ HOẠCH", bold=True, center=True)
    doc.para(plan.title, bold=True, center=True)
    doc.para("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", italic=True)
    doc.para("Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15.", italic=True)
    doc.para("Ủy ban nhân dân xã ban hành Kế hoạch với các nội dung sau:")
    body(doc)
    doc.para("Trên đây là Kế hoạch của UBND xã./.")
    doc.signature(plan)


def test_tasks_only_in_a_phu_luc_table(tmp_path: Path) -> None:
    base = load_fixture("ke-hoach-xa-lam-vy")

    def body(doc: PlanDocx) -> None:
        doc.para("I. MỤC ĐÍCH, YÊU CẦU", bold=True)
        doc.para("1. Mục đích", bold=True)
        doc.para("- Triển khai kịp thời, đồng bộ.")
        doc.para("II. NHIỆM VỤ CỤ THỂ", bold=True)
        doc.para("(Có Phụ lục chi tiết kèm theo)", italic=True)
        doc.para("III. TỔ CHỨC THỰC HIỆN", bold=True)
        doc.para("Các cơ quan, đơn vị căn cứ nhiệm vụ được giao tổ chức thực hiện.")

    doc = PlanDocx()
    _plan_frame(doc, base, body)
    doc.phu_luc(
        "DANH MỤC NHIỆM VỤ TRIỂN KHAI THI HÀNH LUẬT TRÍ TUỆ NHÂN TẠO",
        "(Kèm theo Kế hoạch số 05/KH-UBND ngày 20/3/2026 của UBND xã Lam Vỹ)",
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
         "Sản phẩm", "Ghi chú"],
        [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
         ["I", "Tuyên truyền, phổ biến Luật", "", "", "", "", ""],
         ["1", "Tổ chức hội nghị quán triệt Luật\nĐối tượng: cán bộ, công chức xã", "Phòng VH-XH",
          "Văn phòng HĐND - UBND xã;\nCác thôn, cụm dân cư, tổ dân phố", "Quý III/2026",
          "Hội nghị; tài liệu", ""],
         ["2", "Đăng tải tin, bài trên Trang thông tin điện tử", "Trung tâm Dịch vụ tổng hợp", "", "Thường xuyên",
          "Tin, bài.", "Trung tâm đăng tải"],
         ["II", "Rà soát văn bản", "", "", "", "", ""],
         ["1", "Rà soát văn bản quy phạm pháp luật của xã", "Văn phòng HĐND&UBND xã", "Phòng Văn hoá – Xã hội",
          "Trước ngày 15/12 hằng năm", "Báo cáo kết quả rà soát", ""],
         ["2", "Đề xuất sửa đổi, bổ sung", "", "Công an xã", "Năm 2026", "", ""]],
        merge_down=[(6, 2)])
    path = doc.save(tmp_path / "phuluc.docx")
    result = import_file(path, CATALOG)
    plan = result.plan
    # section II keeps its pointer line where it was; the tasks stay in the phụ lục, after the signature
    assert [(s.title, s.kind, s.is_appendix) for s in plan.sections] == [
        ("MỤC ĐÍCH, YÊU CẦU", "text", False), ("NHIỆM VỤ CỤ THỂ", "tasks", False),
        ("TỔ CHỨC THỰC HIỆN", "text", False),
        ("DANH MỤC NHIỆM VỤ TRIỂN KHAI THI HÀNH LUẬT TRÍ TUỆ NHÂN TẠO", "tasks", True)]
    _, pointer, _, tasks_section = plan.sections
    assert [p for i in pointer.items for p in i.paragraphs] == ["(Có Phụ lục chi tiết kèm theo)"]
    assert plan.task_sections() == [pointer, tasks_section]
    appendix = tasks_section.appendix
    assert (appendix.label, appendix.heading, appendix.attached, appendix.mirror) == (
        "PHỤ LỤC", ["DANH MỤC NHIỆM VỤ TRIỂN KHAI THI HÀNH LUẬT TRÍ TUỆ NHÂN TẠO"],
        "(Kèm theo Kế hoạch số 05/KH-UBND ngày 20/3/2026 của UBND xã Lam Vỹ)", False)
    assert appendix.columns == [("number", "STT"), ("title", "Nội dung nhiệm vụ"), ("lead", "Cơ quan chủ trì"),
                                ("coordinators", "Cơ quan phối hợp"), ("time", "Thời gian hoàn thành"),
                                ("product", "Sản phẩm"), ("notes", "Ghi chú")]
    assert [t.number for t in tasks_section.tasks] == ["I", "II"]
    group1, group2 = tasks_section.tasks
    assert group1.title == "Tuyên truyền, phổ biến Luật" and [c.number for c in group1.children] == ["1", "2"]
    a, b = group1.children
    assert a.title == "Tổ chức hội nghị quán triệt Luật"
    assert a.content == ["Đối tượng: cán bộ, công chức xã"]
    assert a.lead == [PVH]
    assert a.coordinators == [VP, "Các thôn, cụm dân cư, tổ dân phố"]
    assert (a.time, a.product) == ("Quý III/2026", "Hội nghị; tài liệu")
    assert (b.lead, b.product, b.notes) == (["Trung tâm Dịch vụ tổng hợp"], "Tin, bài", "Trung tâm đăng tải")
    c, d = group2.children
    assert (c.lead, c.coordinators, c.time) == ([VP], [PVH], "Trước ngày 15/12 hằng năm")
    assert d.lead == [VP]  # the lead cell is merged down over both rows
    assert plan.bases[-1] == "Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15."
    assert plan.preamble == ["Ủy ban nhân dân xã ban hành Kế hoạch với các nội dung sau:"]
    assert plan.signature.signer == "Ma Văn Quyết"
    assert plan.extra.get("import_notes", []) == result.unplaced == []
    assert any(line.startswith("Phụ lục: PHỤ LỤC — DANH MỤC NHIỆM VỤ") and "6 nhiệm vụ" in line
               for line in result.summary_lines)


def test_other_wordings_and_sentence_forms(tmp_path: Path) -> None:
    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "XÃ AN HÒA", "Số: 12/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "An Hòa, ngày 05 tháng 01 năm 2027",
        "KẾ HOẠCH", "Chuyển đổi số năm 2027",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Nâng cao hiệu quả.",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Phát triển hạ tầng số",
        "1.1. Nâng cấp mạng nội bộ",
        "- Cơ quan, đơn vị chủ trì: Văn phòng HĐND - UBND xã.",
        "- Cơ quan, đơn vị phối hợp: Công an xã; các thôn, cụm dân cư.",
        "- Thời gian hoàn thành: Quý II/2027.",
        "- Kết quả/sản phẩm: Hệ thống mạng được nâng cấp.",
        "1.2. Số hóa hồ sơ",
        "- Phòng Văn hóa - Xã hội chủ trì, phối hợp với Trung tâm Phục vụ hành chính công thực hiện.",
        "- Tiến độ thực hiện: Thường xuyên.",
        "2. Tuyên truyền",
        "Giao Trạm Y tế chủ trì; Các trường học phối hợp thực hiện.",
        "Thời hạn: Hằng năm",
        "III. TỔ CHỨC THỰC HIỆN",
        "Các đơn vị báo cáo định kỳ 6 tháng.",
        "Trên đây là Kế hoạch chuyển đổi số năm 2027 của UBND xã./.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn An",
    ])
    path = tmp_path / "an-hoa.txt"
    path.write_text(text, encoding="utf-8")
    result = import_file(path, CATALOG)
    plan = result.plan
    assert (plan.number, plan.date.iso(), plan.place) == ("12", "2027-01-05", "An Hòa")
    assert [s.kind for s in plan.sections] == ["text", "tasks", "text"]
    (t1, t2) = plan.sections[1].tasks
    a, b = t1.children
    assert a.number == "1.1" and a.lead == [VP]
    assert a.coordinators == ["Công an xã", "các thôn, cụm dân cư"]
    assert (a.time, a.product) == ("Quý II/2027", "Hệ thống mạng được nâng cấp")
    assert a.labels.get("lead", plan.labels["lead"]) == "Cơ quan, đơn vị chủ trì"
    assert (b.lead, b.coordinators, b.time) == ([PVH], ["Trung tâm Phục vụ hành chính công"], "Thường xuyên")
    assert b.assignment == ["Phòng Văn hóa - Xã hội chủ trì, phối hợp với Trung tâm Phục vụ hành chính công "
                            "thực hiện."]
    assert (t2.lead, t2.coordinators, t2.time) == (["Trạm Y tế"], ["Các trường học"], "Hằng năm")
    assert plan.signature.lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert plan.signature.signer == "Nguyễn Văn An"
    assert plan.recipients == ["Như trên", "Lưu: VT"]
    assert result.unplaced == []


def test_lines_that_fit_nowhere_are_kept_and_listed(tmp_path: Path) -> None:
    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "XÃ AN HÒA", "Số: 12/KH-UBND", "DỰ THẢO",
        "KẾ HOẠCH", "Chuyển đổi số",
        "I. NỘI DUNG",
        "Các nhiệm vụ cụ thể như sau:",
        "1. Nâng cấp mạng",
        "- Cơ quan chủ trì: Ban Quản lý dự án số 3.",
        "- Thời gian thực hiện: 2027.",
        "Trên đây là Kế hoạch./.",
        "Nơi nhận:", "- Lưu: VT.",
        "CHỦ TỊCH", "Nguyễn Văn An", "Ghi chú viết tay ở cuối trang",
    ])
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    result = import_file(path, CATALOG)
    joined = "\n".join(result.unplaced)
    assert result.plan.sections[0].items[0].paragraphs == ["Các nhiệm vụ cụ thể như sau:"]  # placed
    assert "DỰ THẢO" in joined
    assert "Ghi chú viết tay ở cuối trang" in joined
    assert result.plan.extra["import_notes"] == result.unplaced
    assert result.new_units == ["Ban Quản lý dự án số 3"]
    assert any("Ban Quản lý dự án số 3" in line and "danh mục" in line for line in result.summary_lines)


# --- bad input: one message, nothing stored, no traceback -------------------------------------

def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\xff\xff" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    files: dict[str, tuple[Path, str]] = {}
    empty = tmp_path / "trong.docx"
    empty.write_bytes(b"")
    files["empty docx"] = (empty, "trống")
    empty_txt = tmp_path / "trong.txt"
    empty_txt.write_bytes(b"")
    files["empty txt"] = (empty_txt, "trống")
    other_zip = tmp_path / "anh.docx"
    with zipfile.ZipFile(other_zip, "w") as zf:
        zf.writestr("photos/a.txt", "không phải Word")
    files["zip of something else"] = (other_zip, "không chứa văn bản Word")
    good = plan_docx(load_fixture("ke-hoach-xa-lam-vy"), tmp_path / "good.docx")
    # a real password-protected .docx, encrypted the way Word does it (ECMA-376 agile encryption)
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = tmp_path / "mat-khau.docx"
    with good.open("rb") as src, encrypted.open("wb") as dst:
        OOXMLFile(src).encrypt("matkhau", dst)
    files["password"] = (encrypted, "mật khẩu")
    corrupt = tmp_path / "hong.docx"
    corrupt.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    files["truncated"] = (corrupt, "hỏng")
    garbled = tmp_path / "xml-hong.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(garbled, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[:200] if item.filename == "word/document.xml" else data)
    files["corrupt xml"] = (garbled, "hỏng")
    scan = PlanDocx()
    png = tmp_path / "scan.png"
    png.write_bytes(_png())
    scan.doc.add_picture(str(png))
    files["image only"] = (scan.save(tmp_path / "scan.docx"), "chỉ có hình ảnh")
    huge = tmp_path / "rat-lon.txt"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    files["50 MB text"] = (huge, "quá lớn")
    no_tasks = PlanDocx()
    plan = load_fixture("ke-hoach-xa-lam-vy")
    no_tasks.header(plan)
    no_tasks.para("KẾ HOẠCH", bold=True, center=True)
    no_tasks.para("Tổ chức Tết Trung thu", bold=True, center=True)
    no_tasks.para("I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    no_tasks.para("Tạo không khí vui tươi cho các cháu thiếu nhi.")
    no_tasks.para("II. KINH PHÍ THỰC HIỆN", bold=True)
    no_tasks.para("Từ nguồn xã hội hóa.")
    files["no tasks"] = (no_tasks.save(tmp_path / "khong-nhiem-vu.docx"), "Không tìm thấy nhiệm vụ")
    old_doc = tmp_path / "cu.doc"
    old_doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    files["old .doc"] = (old_doc, ".doc")
    pdf = tmp_path / "ke-hoach.pdf"  # PDF is read now (tests/test_import_pdf.py); this one stops at its header
    pdf.write_bytes(b"%PDF-1.4\n")
    files["pdf"] = (pdf, "bị cắt cụt")
    odd = tmp_path / "ke-hoach.pages"
    odd.write_bytes(b"\x00" * 100)
    files["other format"] = (odd, "chỉ nhận tệp .docx, .pdf, .txt hoặc .md")
    return files


def test_bad_files_give_one_clear_message_each(tmp_path: Path) -> None:
    for label, (path, words) in _bad_files(tmp_path).items():
        with pytest.raises(InvalidInput) as info:
            import_file(path, CATALOG)
        assert isinstance(info.value, UnreadableDocument) or label == "no tasks", label
        assert words in info.value.message, (label, info.value.message)


@pytest.mark.slow
def test_bad_files_through_the_cli_store_nothing(tmp_path: Path, db_path: Path) -> None:
    for label, (path, words) in _bad_files(tmp_path).items():
        result = run_cli("import", str(path), db=db_path)
        assert result.returncode == 1, (label, result.stderr)
        assert result.stdout == "", label
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Lỗi: ") and words in lines[0], (label, lines)
        assert "Traceback" not in result.stderr
    with Store.open(db_path, backup=False) as store:
        assert store.plans.list() == []


def test_a_50_mb_docx_of_pictures_is_read_quickly(tmp_path: Path) -> None:
    # the pictures are never read: only the document's text part is (see README: size limits)
    path = plan_docx(load_fixture("ke-hoach-xa-lam-vy"), tmp_path / "anh-lon.docx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("word/media/image99.png", b"\x89PNG" + b"\x00" * (50 * 1024 * 1024))
    assert path.stat().st_size > 50 * 1024 * 1024
    result = import_file(path, CATALOG)
    assert len(result.plan.sections[1].tasks) == 7


def test_a_failed_store_leaves_no_plan(tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    result = import_file(plan_docx(load_fixture("ke-hoach-xa-lam-vy"), tmp_path / "p.docx"), CATALOG)
    original = store.plans._insert_tasks
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("disk gone")
        return original(*args, **kwargs)

    monkeypatch.setattr(store.plans, "_insert_tasks", failing)
    with pytest.raises(OSError):
        store.import_plan(result.plan)
    assert store.plans.list() == []


def test_header_typed_with_tabs_and_fields_on_one_line(tmp_path: Path) -> None:
    # A plan saved as plain text from Word: the header and signature tables became tab-separated
    # columns; "KẾ HOẠCH" and the trích yếu share a line; one task has all its fields on one line.
    text = "\n".join([
        "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ AN PHÚ\t\tĐộc lập - Tự do - Hạnh phúc",
        "Số:      /KH-UBND\t\tAn Phú, ngày      tháng 02 năm 2027",
        "KẾ HOẠCH TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2027",
        "I. MỤC ĐÍCH, YÊU CẦU", "Bảo đảm hiệu quả.",
        "II. PHÂN CÔNG NHIỆM VỤ",
        "1. Số hóa hồ sơ hành chính",
        "- Cơ quan chủ trì: Phòng VH-XH; Cơ quan phối hợp: Công an xã; các thôn; Thời gian: Quý II/2027.",
        "2. Tập huấn kỹ năng số",
        "Đơn vị thực hiện: Trung tâm Dịch vụ tổng hợp",
        "Thời gian hoàn thành:",
        "Trước ngày 30/6/2027",
        "III. TỔ CHỨC THỰC HIỆN", "Giao Phòng Văn hóa - Xã hội theo dõi.",
        "Nơi nhận:\t\t\t\tKT. CHỦ TỊCH",
        "- Như trên;\t\t\t\tPHÓ CHỦ TỊCH",
        "- Lưu: VT.",
        "Trần Văn Bình",
    ])
    path = tmp_path / "an-phu.txt"
    path.write_text(text, encoding="utf-8")
    result = import_file(path, CATALOG)
    plan = result.plan
    assert plan.issuer == ["ỦY BAN NHÂN DÂN", "XÃ AN PHÚ"]
    assert (plan.number, plan.symbol, plan.place, plan.date.iso()) == (None, "KH-UBND", "An Phú", "2027-02")
    assert plan.title == "TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2027"
    t1, t2 = plan.sections[1].tasks
    assert (t1.lead, t1.coordinators, t1.time) == ([PVH], ["Công an xã", "Các thôn"], "Quý II/2027")
    assert (t2.lead, t2.time) == (["Trung tâm Dịch vụ tổng hợp"], "Trước ngày 30/6/2027")
    assert plan.recipients == ["Như trên", "Lưu: VT"]
    assert plan.signature.lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert plan.signature.signer == "Trần Văn Bình"
    assert result.unplaced == []


def test_markdown_phu_luc_table_with_nested_rows(tmp_path: Path) -> None:
    text = "\n".join([
        "**ỦY BAN NHÂN DÂN**", "**XÃ HÒA BÌNH**", "Số: 15/KH-UBND", "Hòa Bình, ngày 03 tháng 4 năm 2026", "",
        "**KẾ HOẠCH**", "**Phòng, chống thiên tai năm 2026**", "",
        "Căn cứ Luật Phòng, chống thiên tai năm 2013;", "",
        "**I. MỤC ĐÍCH, YÊU CẦU**", "", "Chủ động phòng ngừa.", "",
        "**II. NHIỆM VỤ CỤ THỂ**", "", "(Chi tiết tại Phụ lục kèm theo)", "",
        "Trên đây là Kế hoạch phòng, chống thiên tai năm 2026 của UBND xã./.", "",
        "***Nơi nhận:***", "- UBND tỉnh;", "- Lưu: VT.", "", "**CHỦ TỊCH**", "", "**Lê Thị Hoa**", "",
        "| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành | Kết quả/Sản phẩm |",
        "|---|---|---|---|---|---|",
        "| 1 | Kiện toàn Ban Chỉ huy | Văn phòng HĐND&UBND | Ban Chỉ huy quân sự xã; Công an xã | Tháng 4/2026 "
        "| Quyết định |",
        "| 2 | Diễn tập ứng phó bão lũ | BCHQS xã | Các thôn | Quý II/2026 | Báo cáo diễn tập |",
        "| 2.1 | Xây dựng kịch bản | Ban Chỉ huy quân sự xã | | Tháng 5/2026 | Kịch bản |",
    ])
    path = tmp_path / "thien-tai.md"
    path.write_text(text, encoding="utf-8")
    plan = import_file(path, CATALOG).plan
    # the table after the signature, with no label of its own, is a phụ lục holding the tasks
    (appendix,) = plan.appendices()
    assert (appendix.appendix.label, appendix.appendix.heading, appendix.appendix.mirror) == ("", [], False)
    assert [c[1] for c in appendix.appendix.columns] == [
        "TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành", "Kết quả/Sản phẩm"]
    t1, t2 = appendix.tasks
    assert (t1.lead, t1.coordinators, t1.time, t1.product) == (
        [VP], ["Ban Chỉ huy quân sự xã", "Công an xã"], "Tháng 4/2026", "Quyết định")
    assert t2.lead == ["Ban Chỉ huy quân sự xã"]
    assert [(c.number, c.title, c.time) for c in t2.children] == [("2.1", "Xây dựng kịch bản", "Tháng 5/2026")]
    assert plan.labels == {"lead": "Đơn vị chủ trì", "coordinators": "Đơn vị phối hợp",
                           "time": "Thời hạn hoàn thành", "product": "Kết quả/Sản phẩm"}


def test_units_split_per_sub_area_inside_a_task(tmp_path: Path) -> None:
    # DOMAIN §3, Phủ Lý item 3: the lead unit is named per sub-area in the task's own lines
    text = "\n".join([
        "KẾ HOẠCH", "Xây dựng cơ sở dữ liệu", "II. Nhiệm vụ cụ thể",  # a title-case section heading
        "3. Xây dựng cơ sở dữ liệu",
        "- Dữ liệu dân cư: Công an xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội thực hiện.",
        "- Dữ liệu đất đai: Phòng Kinh tế chủ trì.",
        "- Thời gian thực hiện: Năm 2026.",
    ])
    path = tmp_path / "csdl.txt"
    path.write_text(text, encoding="utf-8")
    result = import_file(path, CATALOG)
    (task,) = result.plan.sections[0].tasks
    assert task.lead == ["Công an xã", "Phòng Kinh tế"] and task.coordinators == [PVH]
    assert task.content == []
    assert task.assignment == ["Dữ liệu dân cư: Công an xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội thực hiện.",
                               "Dữ liệu đất đai: Phòng Kinh tế chủ trì."]
    assert any("chủ trì" in line for line in result.summary_lines)


@pytest.mark.parametrize("appendix", [False, True], ids=["plan", "plan+phu-luc"])
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_plans_exported_by_kehoach_import_back(name: str, appendix: bool, tmp_path: Path) -> None:
    # The app's own Word export (with its phụ lục table repeating the tasks) is a plan like any other.
    from kehoach_desktop.documents.docx_writer import write_docx
    from kehoach_desktop.documents.layout import plan_document

    want = load_fixture(name)
    path = write_docx(plan_document(want, appendix=appendix), tmp_path / "export.docx")
    result = import_file(path, CATALOG)
    assert_same_plan(result.plan, want)
    assert result.unplaced == []
    if appendix:  # the phụ lục lists the tasks again: kept as a mirror of them, with its own title lines
        assert any("bảng phụ lục liệt kê lại" in line for line in result.summary_lines)
        (mirror,) = result.plan.appendices()
        assert mirror.appendix.mirror and mirror.tasks == []
        assert mirror.appendix.label == "PHỤ LỤC"
        assert mirror.appendix.heading == [f"DANH MỤC NHIỆM VỤ {want.title.upper()}"]
        assert mirror.appendix.attached.startswith(f"(Kèm theo Kế hoạch số {want.number or '…'}/{want.symbol} ")
        assert [f for f, _ in mirror.appendix.columns] == [
            "number", "title", "lead", "coordinators", "time", "product", "notes"]
        assert sum(1 for _ in result.plan.walk_tasks()) == sum(1 for _ in want.walk_tasks())
        # and round again: the imported plan's own reprint (its mirror phụ lục once) imports back the same
        again = import_file(write_docx(plan_document(result.plan, appendix=True), tmp_path / "again.docx"), CATALOG)
        assert_same_plan(again.plan, want)
        assert [s.appendix for s in again.plan.appendices()] == [mirror.appendix]
    else:
        assert result.plan.appendices() == []


def test_group_letters_named_tasks_and_slash_dates(tmp_path: Path) -> None:
    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "Số: 03/KH-UBND", "Tân Lập, ngày 5/1/2026",
        "KẾ HOẠCH", "Cải cách hành chính năm 2026",
        "I. MỤC TIÊU", "Nâng cao chỉ số.",
        "II. NHIỆM VỤ",
        "A. NHIỆM VỤ CHUNG",
        "Nhiệm vụ 1: Tuyên truyền cải cách hành chính",
        "- Chủ trì: Văn phòng HĐND và UBND", "- Phối hợp: Các thôn", "- Thời gian: Quý I/2026",
        "B. NHIỆM VỤ CỤ THỂ",
        "1. Số hóa hồ sơ", "- Cơ quan chủ trì: Trung tâm Phục vụ hành chính công", "- Thời gian: Năm 2026",
    ])
    path = tmp_path / "cchc.txt"
    path.write_text(text, encoding="utf-8")
    plan = import_file(path, CATALOG).plan
    assert plan.date.iso() == "2026-01-05" and plan.place == "Tân Lập"
    a, b = plan.sections[1].tasks
    assert (a.number, a.title, b.number, b.title) == ("A", "NHIỆM VỤ CHUNG", "B", "NHIỆM VỤ CỤ THỂ")
    (t1,) = a.children
    assert (t1.number, t1.title, t1.lead, t1.coordinators, t1.time) == (
        "1", "Tuyên truyền cải cách hành chính", [VP], ["Các thôn"], "Quý I/2026")
    assert [(c.number, c.lead) for c in b.children] == [("1", ["Trung tâm Phục vụ hành chính công"])]



def test_a_plan_issued_by_a_phong(tmp_path: Path) -> None:
    # Another commune, another office: a phòng's plan, "Đơn vị thực hiện: X chủ trì, phối hợp với Y",
    # nested 2.1 tasks, a sentence that carries its own deadline, a TRƯỞNG PHÒNG signature.
    lines = [
        "UBND XÃ PHÚ LỘC",
        "PHÒNG VĂN HÓA - XÃ HỘI",
        "Số: 12/KH-VHXH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Phú Lộc, ngày 10 tháng 02 năm 2026",
        "KẾ HOẠCH",
        "Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2026",
        "Căn cứ Quyết định số 505/QĐ-TTg ngày 22/4/2022 của Thủ tướng Chính phủ;",
        "Căn cứ Kế hoạch số 45/KH-UBND ngày 05/01/2026 của UBND xã Phú Lộc,",
        "Phòng Văn hóa - Xã hội xây dựng Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Nâng cao nhận thức về chuyển đổi số.",
        "2. Yêu cầu",
        "- Thiết thực, hiệu quả.",
        "II. NỘI DUNG, THỜI GIAN THỰC HIỆN",
        "1. Công tác tuyên truyền",
        "a) Treo băng rôn, khẩu hiệu tại trụ sở UBND xã và các thôn.",
        "- Thời gian: Từ ngày 01/10 đến ngày 15/10/2026.",
        "- Đơn vị thực hiện: Trung tâm Dịch vụ tổng hợp chủ trì, phối hợp với các thôn.",
        "b) Đăng tải tin bài trên Trang thông tin điện tử xã.",
        "- Thời gian: Tháng 10/2026.",
        "- Đơn vị thực hiện: Trung tâm Dịch vụ tổng hợp.",
        "2. Tổ chức các hoạt động hưởng ứng",
        "2.1. Hội thi tìm hiểu về chuyển đổi số",
        "- Đơn vị chủ trì: Phòng Văn hóa - Xã hội.",
        "- Đơn vị phối hợp: Đoàn Thanh niên xã; Hội Liên hiệp Phụ nữ xã.",
        "- Thời gian: Quý IV/2026.",
        "- Kết quả: Tổ chức thành công hội thi.",
        "2.2. Hướng dẫn người dân cài đặt VNeID",
        "Giao Công an xã chủ trì, phối hợp với Đoàn Thanh niên xã và các thôn thực hiện trong tháng 10/2026.",
        "III. KINH PHÍ",
        "Từ nguồn ngân sách xã năm 2026.",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Văn hóa - Xã hội: Tham mưu tổ chức các hoạt động.",
        "2. Trung tâm Dịch vụ tổng hợp: Thực hiện tuyên truyền.",
        "Trên đây là Kế hoạch tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2026./.",
        "Nơi nhận:",
        "- UBND xã (b/c);",
        "- Các đơn vị liên quan;",
        "- Lưu: VT.",
        "TRƯỞNG PHÒNG",
        "Nguyễn Thị Lan",
    ]
    path = tmp_path / "phu-loc.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = import_file(path, CATALOG)
    plan = result.plan
    assert plan.issuer == ["UBND XÃ PHÚ LỘC", "PHÒNG VĂN HÓA - XÃ HỘI"]
    assert (plan.number, plan.symbol, plan.date.iso()) == ("12", "KH-VHXH", "2026-02-10")
    assert len(plan.bases) == 2 and plan.preamble == ["Phòng Văn hóa - Xã hội xây dựng Kế hoạch như sau:"]
    assert [s.kind for s in plan.sections] == ["text", "tasks", "text", "text"]
    t1, t2 = plan.sections[1].tasks
    a, b = t1.children
    assert (a.lead, a.coordinators, a.time) == (["Trung tâm Dịch vụ tổng hợp"], ["Các thôn"],
                                                "Từ ngày 01/10 đến ngày 15/10/2026")
    assert (b.lead, b.coordinators, b.time) == (["Trung tâm Dịch vụ tổng hợp"], [], "Tháng 10/2026")
    c, d = t2.children
    assert (c.number, c.coordinators, c.product) == ("2.1", ["Đoàn Thanh niên xã", "Hội Liên hiệp Phụ nữ xã"],
                                                     "Tổ chức thành công hội thi")
    assert (d.number, d.lead, d.coordinators) == ("2.2", ["Công an xã"], ["Đoàn Thanh niên xã", "Các thôn"])
    assert d.time == "Trong tháng 10/2026"
    assert any("lấy từ câu" in line for line in result.summary_lines)
    assert plan.signature == Signature(["TRƯỞNG PHÒNG"], "Nguyễn Thị Lan")
    assert plan.recipients == ["UBND xã (b/c)", "Các đơn vị liên quan", "Lưu: VT"]
    assert sorted(result.new_units) == ["Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã"]



def test_word_list_styles_and_a_two_row_header_table(tmp_path: Path) -> None:
    # Numbers and bullets from the "List Number"/"List Bullet" styles (numbering via the style),
    # section headings in "Heading 1", the header as a 2 x 2 table.
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    t = doc.add_table(rows=2, cols=2)
    t.cell(0,0).text = "ỦY BAN NHÂN DÂN"
    t.cell(0,0).add_paragraph().add_run("XÃ ĐÔNG SƠN").bold = True
    t.cell(0,1).paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    t.cell(0,1).add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    t.cell(1,0).text = "Số: 21/KH-UBND"
    t.cell(1,1).paragraphs[0].add_run("Đông Sơn, ngày 09 tháng 9 năm 2026").italic = True
    for text in ("KẾ HOẠCH", "Phát triển phong trào thể dục thể thao năm 2026"):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True
    doc.add_paragraph("Thực hiện Kế hoạch số 10/KH-UBND của UBND tỉnh, UBND xã ban hành Kế hoạch như sau:")
    doc.add_heading("I. MỤC ĐÍCH, YÊU CẦU", level=1)
    doc.add_paragraph("Phát triển phong trào rộng khắp.", style="List Bullet")
    doc.add_heading("II. NHIỆM VỤ, GIẢI PHÁP", level=1)
    doc.add_paragraph("Tổ chức Đại hội Thể dục thể thao xã", style="List Number")
    doc.add_paragraph("Đơn vị chủ trì: Phòng Văn hóa - Xã hội", style="List Bullet")
    doc.add_paragraph("Thời gian thực hiện: Tháng 10/2026", style="List Bullet")
    doc.add_paragraph("Xây dựng sân thể thao thôn", style="List Number")
    doc.add_paragraph("Đơn vị chủ trì: Các thôn", style="List Bullet")
    doc.add_paragraph("Đơn vị phối hợp: Phòng Kinh tế", style="List Bullet")
    doc.add_paragraph("Thời gian thực hiện: Năm 2026", style="List Bullet")
    doc.add_heading("III. TỔ CHỨC THỰC HIỆN", level=1)
    doc.add_paragraph("Các đơn vị triển khai thực hiện.")
    doc.add_paragraph("Trên đây là Kế hoạch phát triển phong trào thể dục thể thao năm 2026./.")
    s = doc.add_table(rows=1, cols=2)
    s.cell(0,0).paragraphs[0].add_run("Nơi nhận:").bold = True
    s.cell(0,0).add_paragraph("- Sở Văn hóa, Thể thao và Du lịch;")
    s.cell(0,0).add_paragraph("- Lưu: VT.")
    s.cell(0,1).paragraphs[0].add_run("TM. ỦY BAN NHÂN DÂN").bold = True
    s.cell(0,1).add_paragraph().add_run("CHỦ TỊCH").bold = True
    s.cell(0,1).add_paragraph()
    s.cell(0,1).add_paragraph().add_run("Hoàng Văn Nam").bold = True
    doc.save(str(tmp_path / "styled.docx"))
    result = import_file(tmp_path / "styled.docx", CATALOG)
    plan = result.plan
    assert (plan.issuer, plan.number, plan.date.iso()) == (["ỦY BAN NHÂN DÂN", "XÃ ĐÔNG SƠN"], "21", "2026-09-09")
    assert [(s.title, s.kind) for s in plan.sections] == [
        ("MỤC ĐÍCH, YÊU CẦU", "text"), ("NHIỆM VỤ, GIẢI PHÁP", "tasks"), ("TỔ CHỨC THỰC HIỆN", "text")]
    assert plan.sections[0].items[0].paragraphs == ["- Phát triển phong trào rộng khắp."]
    assert [(t.number, t.title, t.lead, t.coordinators, t.time) for t in plan.sections[1].tasks] == [
        ("1", "Tổ chức Đại hội Thể dục thể thao xã", [PVH], [], "Tháng 10/2026"),
        ("2", "Xây dựng sân thể thao thôn", ["Các thôn"], ["Phòng Kinh tế"], "Năm 2026")]
    assert plan.signature == Signature(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Hoàng Văn Nam")
    assert plan.recipients == ["Sở Văn hóa, Thể thao và Du lịch", "Lưu: VT"]
    assert result.unplaced == []


def test_tasks_as_bold_paragraphs_without_numbers(tmp_path: Path) -> None:
    path = tmp_path / "vsmt.md"
    path.write_text("\n".join([
        "**KẾ HOẠCH**", "**Vệ sinh môi trường năm 2026**", "**I. NỘI DUNG**",
        "**Tổng vệ sinh các tuyến đường**", "- Đơn vị chủ trì: Các thôn", "- Thời gian: Hằng tháng",
        "**Thu gom rác thải nhựa**", "Vận động Nhân dân phân loại rác.",
        "- Đơn vị chủ trì: Trung tâm Dịch vụ tổng hợp", "- Thời gian: Quý II/2026",
    ]), encoding="utf-8")
    tasks = import_file(path, CATALOG).plan.sections[0].tasks
    assert [(t.number, t.title, t.content, t.lead, t.time) for t in tasks] == [
        ("", "Tổng vệ sinh các tuyến đường", [], ["Các thôn"], "Hằng tháng"),
        ("", "Thu gom rác thải nhựa", ["Vận động Nhân dân phân loại rác."], ["Trung tâm Dịch vụ tổng hợp"],
         "Quý II/2026")]


def test_a_table_inside_the_header_table(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    header = doc.add_table(rows=1, cols=2)
    inner = header.cell(0, 0).add_table(rows=2, cols=1)  # the agency lines laid out in an inner table
    inner.cell(0, 0).text = "ỦY BAN NHÂN DÂN"
    inner.cell(1, 0).text = "XÃ AN BÌNH"
    header.cell(0, 0).add_paragraph("Số: 01/KH-UBND")
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(0, 1).add_paragraph("An Bình, ngày 02 tháng 3 năm 2026")
    for text in ["KẾ HOẠCH", "Thử nghiệm", "I. NỘI DUNG", "1. Việc một", "- Cơ quan chủ trì: Công an xã",
                 "- Thời gian: 2026"]:
        doc.add_paragraph().add_run(text).bold = text in ("KẾ HOẠCH", "Thử nghiệm")
    doc.save(str(tmp_path / "nested.docx"))
    result = import_file(tmp_path / "nested.docx", CATALOG)
    plan = result.plan
    assert (plan.issuer, plan.number, plan.date.iso(), plan.title) == (
        ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH"], "01", "2026-03-02", "Thử nghiệm")
    assert [(t.number, t.lead, t.time) for t in plan.sections[0].tasks] == [("1", ["Công an xã"], "2026")]


def test_phu_luc_with_a_two_row_merged_heading(tmp_path: Path) -> None:
    # | STT | Nội dung | Đơn vị thực hiện (2 columns) | Thời gian |   then   | Chủ trì | Phối hợp |
    base = load_fixture("ke-hoach-xa-lam-vy")

    def body(doc: PlanDocx) -> None:
        doc.para("I. NHIỆM VỤ CỤ THỂ", bold=True)
        doc.para("(Có Phụ lục kèm theo)")

    doc = PlanDocx()
    _plan_frame(doc, base, body)
    table = doc.doc.add_table(rows=5, cols=5)
    for c, text in enumerate(["STT", "Nội dung công việc", "Đơn vị thực hiện", "", "Thời gian thực hiện"]):
        table.cell(0, c).text = text
    table.cell(1, 2).text, table.cell(1, 3).text = "Chủ trì", "Phối hợp"
    table.cell(0, 2).merge(table.cell(0, 3))  # gridSpan
    for c in (0, 1, 4):
        table.cell(0, c).merge(table.cell(1, c))  # vMerge
    table.cell(2, 0).merge(table.cell(2, 4)).text = "I. CÔNG TÁC TUYÊN TRUYỀN"  # a group row
    for r, row in enumerate([["1", "Tuyên truyền trên loa truyền thanh", "Trung tâm Dịch vụ tổng hợp", "Các thôn",
                              "Hằng tháng"],
                             ["2", "Cấp phát tờ rơi", "Phòng Văn hóa - Xã hội", "", "Quý II/2026"]], start=3):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = doc.save(tmp_path / "two-row.docx")
    plan = import_file(path, CATALOG).plan
    (group,) = plan.appendices()[0].tasks
    assert (group.number, group.title, group.lead, group.time) == ("I", "CÔNG TÁC TUYÊN TRUYỀN", [], "")
    assert [(t.number, t.title, t.lead, t.coordinators, t.time) for t in group.children] == [
        ("1", "Tuyên truyền trên loa truyền thanh", ["Trung tâm Dịch vụ tổng hợp"], ["Các thôn"], "Hằng tháng"),
        ("2", "Cấp phát tờ rơi", [PVH], [], "Quý II/2026")]


def test_a_task_table_inside_a_section_whatever_its_title(tmp_path: Path) -> None:
    base = load_fixture("ke-hoach-xa-binh-giang-nd142")

    def body(doc: PlanDocx) -> None:
        doc.para("I. MỤC ĐÍCH, YÊU CẦU", bold=True)
        doc.para("Bảo đảm thống nhất.")
        doc.para("II. PHÂN CÔNG THỰC HIỆN", bold=True)
        doc.para("Các nhiệm vụ được phân công theo bảng sau:")
        table = doc.doc.add_table(rows=3, cols=4)
        for r, row in enumerate([["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
                                 ["1", "Rà soát thủ tục hành chính", "Văn phòng HĐND và UBND", "Quý I/2026"],
                                 ["2", "Số hóa kết quả giải quyết", "Trung tâm Phục vụ hành chính công",
                                  "Năm 2026"]]):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        doc.para("III. KINH PHÍ", bold=True)
        doc.para("Ngân sách xã.")

    doc = PlanDocx()
    _plan_frame(doc, base, body)
    result = import_file(doc.save(tmp_path / "bang.docx"), CATALOG)
    plan = result.plan
    assert [(s.title, s.kind) for s in plan.sections] == [
        ("MỤC ĐÍCH, YÊU CẦU", "text"), ("PHÂN CÔNG THỰC HIỆN", "tasks"), ("KINH PHÍ", "text")]
    assert [(t.number, t.lead, t.time) for t in plan.sections[1].tasks] == [
        ("1", [VP], "Quý I/2026"), ("2", ["Trung tâm Phục vụ hành chính công"], "Năm 2026")]
    assert plan.sections[1].items[0].paragraphs == ["Các nhiệm vụ được phân công theo bảng sau:"]


def test_old_word_doc_through_libreoffice(tmp_path: Path) -> None:
    from kehoach_desktop.importers.convert import find_soffice

    soffice = needs("soffice", "libreoffice-writer-nogui", find_soffice())
    import subprocess

    want = load_fixture("ke-hoach-phuong-bach-dang")
    source = plan_docx(want, tmp_path / "ke-hoach.docx")
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "doc"), str(source)],
                   capture_output=True, timeout=180, check=True)
    doc = tmp_path / "doc" / "ke-hoach.doc"
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # the binary Word 97-2003 format
    assert_same_plan(import_file(doc, CATALOG).plan, want)


def test_sections_headed_phan(tmp_path: Path) -> None:
    path = tmp_path / "phan.txt"
    path.write_text("\n".join(["KẾ HOẠCH", "Thử", "PHẦN I. MỤC ĐÍCH", "Tốt.", "PHẦN II: NỘI DUNG", "1. Làm A",
                               "- Chủ trì: Công an xã", "- Thời gian: 2026"]), encoding="utf-8")
    plan = import_file(path, CATALOG).plan
    assert [(s.title, s.kind) for s in plan.sections] == [("MỤC ĐÍCH", "text"), ("NỘI DUNG", "tasks")]
    assert [(t.number, t.lead) for t in plan.sections[1].tasks] == [("1", ["Công an xã"])]


def test_strict_open_xml_docx(tmp_path: Path) -> None:
    # Word's "Strict Open XML Document": the same elements under another namespace
    want = load_fixture("ke-hoach-xa-lam-vy")
    transitional = plan_docx(want, tmp_path / "t.docx")
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(transitional) as src, zipfile.ZipFile(strict, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("word/") and item.filename.endswith(".xml"):
                data = data.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                    b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            dst.writestr(item, data)
    assert_same_plan(import_file(strict, CATALOG).plan, want)


def test_lettered_items_before_the_tasks_fields_are_its_content(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("\n".join([
        "KẾ HOẠCH", "Thử", "II. NỘI DUNG",
        "1. Tuyên truyền, phổ biến", "a) Tổ chức hội nghị quán triệt;", "b) Đăng tải trên Trang thông tin điện tử.",
        "- Cơ quan chủ trì: Phòng VH-XH", "- Thời gian: Quý III/2026",
        "2. Kiểm tra", "a) Kiểm tra thôn A", "- Cơ quan chủ trì: Công an xã", "- Thời gian: 2026",
        "b) Kiểm tra thôn B", "- Cơ quan chủ trì: Công an xã", "- Thời gian: 2027",
    ]), encoding="utf-8")
    result = import_file(path, CATALOG)
    t1, t2 = result.plan.sections[0].tasks
    assert (t1.content, t1.children) == (["a) Tổ chức hội nghị quán triệt;",
                                          "b) Đăng tải trên Trang thông tin điện tử."], [])
    assert (t1.lead, t1.time) == ([PVH], "Quý III/2026")
    assert [(c.number, c.time) for c in t2.children] == [("a", "2026"), ("b", "2027")]  # each has its own
    assert any("là nội dung" in line for line in result.summary_lines)


def test_a_short_plan_without_roman_sections(tmp_path: Path) -> None:
    path = tmp_path / "tet.txt"
    path.write_text("\n".join([
        "ỦY BAN NHÂN DÂN", "XÃ AN", "Số: 01/KH-UBND", "An, ngày 10 tháng 01 năm 2026", "KẾ HOẠCH", "Tổ chức Tết",
        "UBND xã ban hành kế hoạch như sau:",
        "1. Trang trí đường phố", "- Đơn vị chủ trì: Các thôn", "- Thời gian: Tháng 1/2026",
        "2. Văn nghệ", "- Đơn vị chủ trì: Trung tâm Dịch vụ tổng hợp", "- Thời gian: Tháng 2/2026",
        "Trên đây là Kế hoạch./.", "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Lê Văn Cường",
    ]), encoding="utf-8")
    result = import_file(path, CATALOG)
    plan = result.plan
    assert plan.preamble == ["UBND xã ban hành kế hoạch như sau:"]
    assert [(s.title, s.kind) for s in plan.sections] == [("NỘI DUNG", "tasks")]
    assert [(t.number, t.lead, t.time) for t in plan.sections[0].tasks] == [
        ("1", ["Các thôn"], "Tháng 1/2026"), ("2", ["Trung tâm Dịch vụ tổng hợp"], "Tháng 2/2026")]
    assert plan.closing == ["Trên đây là Kế hoạch./."] and plan.signature.signer == "Lê Văn Cường"
    assert any("không chia mục" in line for line in result.summary_lines)


def test_trich_yeu_beginning_with_thuc_hien_is_the_title_not_the_preamble(tmp_path: Path) -> None:
    """A plain-text plan from another commune: its trích yếu starts with "Thực hiện"."""
    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "Số: 12/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Tân Lập, ngày 3 tháng 7 năm 2026", "", "KẾ HOẠCH",
        "Thực hiện Luật Trí tuệ nhân tạo năm 2026 trên địa bàn xã Tân Lập", "",
        "Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;",
        "Thực hiện Kế hoạch số 108/KH-UBND ngày 20/3/2026 của UBND tỉnh.",
        "I. MỤC ĐÍCH, YÊU CẦU", "Triển khai kịp thời, hiệu quả.",
        "II. NHIỆM VỤ, GIẢI PHÁP", "1. Biên soạn tài liệu tuyên truyền",
        "- Cơ quan chủ trì: Phòng VH-XH", "- Thời gian hoàn thành: Quý III/2026",
        "Nơi nhận:", "- Lưu: VT, VHXH.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Bình",
    ])
    path = tmp_path / "tan-lap.txt"
    path.write_text(text, encoding="utf-8")
    plan = import_file(path, CATALOG).plan
    assert plan.title == "Thực hiện Luật Trí tuệ nhân tạo năm 2026 trên địa bàn xã Tân Lập"
    assert plan.bases == ["Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;"]
    assert plan.preamble == ["Thực hiện Kế hoạch số 108/KH-UBND ngày 20/3/2026 của UBND tỉnh."]
    task = plan.task_sections()[0].tasks[0]
    assert task.lead == ["Phòng Văn hóa - Xã hội"] and task.time == "Quý III/2026"


def test_opening_sentence_of_the_task_section_is_kept_and_printed(tmp_path: Path, db_path: Path) -> None:
    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH", "Số: 03/KH-UBND", "Hòa Bình, ngày 9 tháng 8 năm 2026", "KẾ HOẠCH",
        "Ứng dụng trí tuệ nhân tạo trong cải cách hành chính", "I. MỤC TIÊU", "Nâng cao hiệu quả.",
        "II. NHIỆM VỤ, GIẢI PHÁP", "Các nhiệm vụ cụ thể như sau:", "1. Tuyên truyền về Luật",
        "- Cơ quan chủ trì: Phòng Văn hóa - Xã hội", "- Thời gian hoàn thành: Thường xuyên",
        "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thị Mai",
    ])
    source = tmp_path / "hoa-binh.txt"
    source.write_text(text, encoding="utf-8")
    result = run_cli("import", str(source), db=db_path, check=True)
    assert "trước nhiệm vụ đầu tiên" not in result.stdout  # placed, not set aside
    plan_id = result.stdout.split()[-1]
    out = tmp_path / "plan.json"
    run_cli("export-json", plan_id, "-o", str(out), db=db_path, check=True)
    import json

    section = json.loads(out.read_text(encoding="utf-8"))["sections"][1]
    assert section["intro"] == ["Các nhiệm vụ cụ thể như sau:"] and section["tasks"][0]["number"] == "1"
    docx = tmp_path / "plan.docx"
    run_cli("export", plan_id, "-o", str(docx), db=db_path, check=True)
    from docx import Document

    lines = [p.text for p in Document(str(docx)).paragraphs]
    intro = lines.index("Các nhiệm vụ cụ thể như sau:")
    assert lines[intro - 1] == "II. NHIỆM VỤ, GIẢI PHÁP" and lines[intro + 1].startswith("1. Tuyên truyền")


def test_recipients_and_signature_side_by_side_in_a_text_file(tmp_path: Path) -> None:
    """A plan copied from Word as text: Nơi nhận on the left, the signer on the right, one tab between."""
    text = "\n".join([
        "KẾ HOẠCH", "Phòng, chống tác hại của thuốc lá năm 2026", "I. NHIỆM VỤ",
        "1. Tuyên truyền tác hại của thuốc lá", "- Đơn vị chủ trì: Trạm Y tế xã.",
        "Trên đây là Kế hoạch phòng, chống tác hại của thuốc lá năm 2026./.",
        "",
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
        "- Trung tâm Y tế khu vực;\tCHỦ TỊCH",
        "- TT Đảng ủy, HĐND xã;\t",
        "- Các trường học;",  # nothing beside it, not even a tab
        "- Lưu: VT, YT.\t",
        "",
        "\tTrần Văn Bình",
    ])
    path = tmp_path / "thuoc-la.txt"
    path.write_text(text, encoding="utf-8")
    plan = import_file(path, CATALOG).plan
    assert plan.recipients == ["Trung tâm Y tế khu vực", "TT Đảng ủy, HĐND xã", "Các trường học", "Lưu: VT, YT"]
    assert plan.signature.lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert plan.signature.signer == "Trần Văn Bình"


def test_sections_headed_without_numbers(tmp_path: Path) -> None:
    """Headings in capitals with no "I.", "II." (Word heading styles without numbering): still the parts."""
    text = "\n".join([
        "KẾ HOẠCH", "Phòng cháy, chữa cháy năm 2026",
        "MỤC ĐÍCH, YÊU CẦU", "Nâng cao ý thức phòng cháy của Nhân dân.",
        "NHIỆM VỤ, GIẢI PHÁP",
        "1. Tuyên truyền phòng cháy", "- Đơn vị chủ trì: Công an phường.", "- Thời gian: Quý III/2026.",
        "2. Kiểm tra cơ sở kinh doanh", "- Đơn vị chủ trì: Công an phường.",
        "KINH PHÍ THỰC HIỆN", "Từ ngân sách phường năm 2026.",
        "TỔ CHỨC THỰC HIỆN", "Công an phường là cơ quan thường trực, theo dõi, đôn đốc thực hiện Kế hoạch.",
        "Trên đây là Kế hoạch phòng cháy, chữa cháy năm 2026./.",
    ])
    path = tmp_path / "pccc.txt"
    path.write_text(text, encoding="utf-8")
    plan = import_file(path, CATALOG).plan
    assert [(s.title, s.kind) for s in plan.sections] == [
        ("MỤC ĐÍCH, YÊU CẦU", "text"), ("NHIỆM VỤ, GIẢI PHÁP", "tasks"), ("KINH PHÍ THỰC HIỆN", "text"),
        ("TỔ CHỨC THỰC HIỆN", "text")]
    tasks = plan.sections[1].tasks
    assert [t.title for t in tasks] == ["Tuyên truyền phòng cháy", "Kiểm tra cơ sở kinh doanh"]
    assert tasks[1].lead == ["Công an phường"] and tasks[1].content == []


def test_footnotes_are_kept_and_shown_not_dropped(tmp_path: Path) -> None:
    import zipfile

    want = load_fixture("ke-hoach-xa-lam-vy")
    path = plan_docx(want, tmp_path / "lv.docx")
    footnotes = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>Đề án gồm 5 nhóm giải pháp, xem Quyết định số 99/QĐ-UBND.</w:t>'
        '</w:r></w:p></w:footnote></w:footnotes>')
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("word/footnotes.xml", footnotes)
    result = import_file(path, CATALOG)
    kept = result.plan.extra.get("import_notes", [])
    assert any("Đề án gồm 5 nhóm giải pháp" in note for note in kept)
    assert any("Đề án gồm 5 nhóm giải pháp" in line for line in result.summary_lines)
    assert_same_plan(result.plan, want)  # the plan itself as before


def test_a_header_typed_in_the_word_page_header_is_read(tmp_path: Path) -> None:
    """Some offices put the issuer, Số and date in the page header (on the first page) instead of the body."""
    from docx import Document

    doc = Document()
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    table = section.first_page_header.add_table(rows=1, cols=2, width=section.page_width)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "ỦY BAN NHÂN DÂN"
    for text in ("XÃ PHÚ MỸ", "Số: 77/KH-UBND"):
        left.add_paragraph(text)
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    for text in ("Độc lập - Tự do - Hạnh phúc", "Phú Mỹ, ngày 09 tháng 6 năm 2026"):
        right.add_paragraph(text)
    for text in ("KẾ HOẠCH", "Tổ chức Ngày hội văn hóa năm 2026", "I. NHIỆM VỤ", "1. Tổ chức hội thi",
                 "- Đơn vị chủ trì: Phòng Văn hóa - Xã hội."):
        doc.add_paragraph(text)
    path = tmp_path / "header.docx"
    doc.save(str(path))
    plan = import_file(path, CATALOG).plan
    assert plan.issuer == ["ỦY BAN NHÂN DÂN", "XÃ PHÚ MỸ"]
    assert (plan.number, plan.symbol, plan.place) == ("77", "KH-UBND", "Phú Mỹ")
    assert plan.date is not None and plan.date.iso() == "2026-06-09"
    assert plan.title == "Tổ chức Ngày hội văn hóa năm 2026"


def test_a_province_plan_with_more_than_99_tasks_keeps_them_all(tmp_path: Path) -> None:
    """A province's plan runs past task 99 ("105. …"); an amount at the start of a line is still no task."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH", "Số: 117/KH-UBND", "KẾ HOẠCH", "Triển khai Luật Trí tuệ nhân tạo",
             "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Triển khai kịp thời.", "II. NHIỆM VỤ"]
    for n in range(1, 121):
        lines += [f"{n}. Nhiệm vụ thứ {n} của các sở, ngành", "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.",
                  "- Thời gian thực hiện: Năm 2026."]
    lines[-1:-1] = ["100.000 đồng mỗi người tham dự là mức hỗ trợ."]
    lines += ["III. TỔ CHỨC THỰC HIỆN", "Các sở, ngành triển khai thực hiện./."]
    path = tmp_path / "ke-hoach-tinh.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    plan = import_file(path, UnitCatalog(preset_units("xa"))).plan
    tasks = [t for t, depth in plan.walk_tasks() if depth == 0]
    assert [t.number for t in tasks] == [str(n) for n in range(1, 121)]
    assert tasks[104].title == "Nhiệm vụ thứ 105 của các sở, ngành"
    assert not any(t.title.startswith("000") for t, _ in plan.walk_tasks())
