"""Import the plans offices already have: .docx, text PDF, .txt, .md (legacy encodings included).

``import_file(path, catalog)`` reads a file into blocks (``docx_reader`` /
``pdf_reader`` / ``text_reader``), recognises the plan (``recognise``) and returns an
:class:`ImportResult` for a preview; nothing is stored until the caller hands the
plan to ``Store.import_plan`` (one transaction).
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.plan import Plan
from ..domain.timeframe import parse_timeframe
from ..domain.units import UnitCatalog
from ..errors import InvalidInput, describe_os_error
from .blocks import Block, Source, Table
from .convert import CONVERTIBLE, ConversionFailed, converted_to_docx, find_soffice
from .docx_reader import NotAWordFile, TooLarge, read_docx
from .recognise import Recogniser
from .text_reader import read_text

SUPPORTED = (".docx", ".docm", ".pdf", ".txt", ".md", ".markdown")
FILE_FILTER = "Văn bản kế hoạch (*.docx *.pdf *.txt *.md)"  # for the desktop app's open dialog
MAX_TEXT_BYTES = 20 * 1024 * 1024  # a plan as text is at most a few hundred KB
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class UnreadableDocument(InvalidInput):
    """The file is not a plan document we can read (empty, encrypted, corrupt, scanned ...)."""


@dataclass
class ImportResult:
    plan: Plan
    summary_lines: list[str] = field(default_factory=list)  # what was found, for the user
    unplaced: list[str] = field(default_factory=list)  # what could not be placed (kept in a note)
    new_units: list[str] = field(default_factory=list)  # units not in the catalog, offered to it


def read_source(path: str | os.PathLike[str]) -> Source:
    """Read a file into blocks, or raise :class:`UnreadableDocument` with one clear message."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if path.is_dir():
        raise UnreadableDocument(f"“{name}” là một thư mục, không phải tệp; hãy chọn tệp kế hoạch (.docx, .pdf, .txt, .md).")
    if suffix not in SUPPORTED and suffix not in CONVERTIBLE:
        raise UnreadableDocument(f"Không nhập được “{name}”: chỉ nhận tệp .docx, .pdf, .txt hoặc .md "
                                 "(.doc, .odt, .rtf khi máy có LibreOffice).")
    try:
        size = path.stat().st_size
        if size == 0:
            raise UnreadableDocument(f"Tệp “{name}” trống (0 byte).")
        if suffix in CONVERTIBLE:
            return _convert_and_read(path, name)
        if suffix in (".docx", ".docm"):
            return _read_docx(path, name)
        if suffix == ".pdf":
            return _read_pdf(path, name)
        if size > MAX_TEXT_BYTES:
            raise UnreadableDocument(
                f"Tệp “{name}” quá lớn ({size // (1024 * 1024)} MB) để là một kế hoạch dạng văn bản "
                f"(tối đa {MAX_TEXT_BYTES // (1024 * 1024)} MB).")
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(describe_os_error(exc, path)) from None
    if raw.startswith(_OLE) or raw.startswith(b"PK\x03\x04"):
        raise UnreadableDocument(f"“{name}” không phải tệp văn bản (có vẻ là tệp Word/nén đổi đuôi). "
                                 "Hãy đổi đuôi cho đúng (.docx).")
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableDocument(f"“{name}” không phải tệp văn bản.")
    return read_text(raw, markdown=suffix in (".md", ".markdown"))


def _read_docx(path: Path, name: str) -> Source:
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == _OLE:
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UnreadableDocument(
                f"“{name}” được đặt mật khẩu. Hãy mở trong Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài "
                "liệu) rồi lưu và nhập lại.")
        return _convert_and_read(path, name)  # a .doc renamed .docx
    if not head.startswith(b"PK"):
        raise UnreadableDocument(f"“{name}” không phải tệp Word (.docx) hợp lệ hoặc đã bị hỏng.")
    try:
        with zipfile.ZipFile(path) as zf:
            if "word/document.xml" not in zf.namelist():
                raise UnreadableDocument(
                    f"“{name}” là tệp nén nhưng không chứa văn bản Word (thiếu word/document.xml).")
            return read_docx(zf)
    except UnreadableDocument:
        raise
    except TooLarge:
        raise UnreadableDocument(f"“{name}” có nội dung văn bản quá lớn (trên 150 MB khi giải nén); "
                                 "không nhập được.") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, KeyError, NotAWordFile, ValueError) as exc:
        raise UnreadableDocument(f"“{name}” bị hỏng, không đọc được ({type(exc).__name__}). "
                                 "Hãy mở thử trong Word để sửa rồi lưu lại.") from None
    except Exception as exc:  # lxml XMLSyntaxError and friends: a damaged document
        if type(exc).__module__.startswith("lxml"):
            raise UnreadableDocument(f"“{name}” bị hỏng: nội dung Word không đọc được. "
                                     "Hãy mở thử trong Word để sửa rồi lưu lại.") from None
        raise


def _read_pdf(path: Path, name: str) -> Source:
    from .pdf_reader import PdfBroken, PdfEncrypted, PdfNoUnicode, PdfScanned, read_pdf

    with path.open("rb") as fh:
        head = fh.read(1024)
    if head.startswith(b"PK\x03\x04") or head.startswith(_OLE):
        raise UnreadableDocument(f"“{name}” không phải tệp PDF (có vẻ là tệp Word đổi đuôi). "
                                 "Hãy đổi đuôi cho đúng (.docx) rồi nhập lại.")
    try:
        return read_pdf(path)
    except PdfEncrypted:
        raise UnreadableDocument(
            f"“{name}” là tệp PDF được đặt mật khẩu, không đọc được. Hãy xin bản không đặt mật khẩu "
            "(hoặc bản Word) rồi nhập lại.") from None
    except PdfScanned as exc:
        raise UnreadableDocument(
            f"“{name}” là bản chụp (ảnh), không có lớp chữ để đọc ({exc.pages} trang toàn hình ảnh). Hãy "
            "dùng bản PDF có chữ tải từ hệ thống văn bản điều hành, bản Word gốc, hoặc nhận dạng chữ (OCR) "
            "trước rồi nhập lại.") from None
    except PdfNoUnicode:
        raise UnreadableDocument(
            f"“{name}” có chữ nhưng phông chữ trong tệp PDF không cho đọc ra chữ (thiếu bảng mã Unicode). "
            "Hãy dùng bản Word gốc hoặc xuất lại PDF từ Word.") from None
    except PdfBroken as exc:
        why = "bị cắt cụt (tải về chưa hết)" if exc.args and exc.args[0] == "truncated" else \
            "không phải PDF" if exc.args and exc.args[0] == "not a PDF" else "bị hỏng"
        raise UnreadableDocument(f"Tệp PDF “{name}” {why}, không đọc được. Hãy tải hoặc sao chép lại tệp "
                                 "rồi nhập lại.") from None
    except OSError as exc:
        raise UnreadableDocument(describe_os_error(exc, path)) from None


def _convert_and_read(path: Path, name: str) -> Source:
    soffice = find_soffice()
    if soffice is None:
        raise UnreadableDocument(
            f"“{name}” là tệp Word cũ (.doc) hoặc .odt/.rtf và máy chưa có LibreOffice để tự chuyển. Hãy mở "
            "tệp trong Word/LibreOffice, chọn Lưu thành .docx rồi nhập lại.")
    try:
        with converted_to_docx(path, soffice) as docx:
            return _read_docx(docx, name)
    except ConversionFailed:
        raise UnreadableDocument(
            f"Không chuyển được “{name}” sang .docx bằng LibreOffice (tệp hỏng hoặc được đặt mật khẩu?). "
            "Hãy mở tệp trong Word, Lưu thành .docx rồi nhập lại.") from None
    except OSError as exc:
        raise UnreadableDocument(describe_os_error(exc, path)) from None


def _has_text(source: Source) -> bool:
    for item in source.items:
        if isinstance(item, Block) and item.text.strip():
            return True
        if isinstance(item, Table) and any(b.text.strip() for row in item.rows for c in row for b in c):
            return True
    return False


def import_file(path: str | os.PathLike[str], catalog: UnitCatalog) -> ImportResult:
    """Read and recognise a plan document; nothing is stored (show a preview, then save)."""
    source = read_source(path)
    name = Path(path).name
    if not _has_text(source):
        if source.images:
            raise UnreadableDocument(
                f"“{name}” chỉ có hình ảnh (bản chụp/scan), không có chữ để đọc. Hãy dùng bản Word gốc "
                "hoặc nhận dạng chữ (OCR) trước.")
        raise UnreadableDocument(f"“{name}” không có chữ nào.")
    recogniser = Recogniser(source, catalog)
    plan = recogniser.run()
    return _result(plan, source, recogniser, catalog)


def _result(plan: Plan, source: Source, recogniser: Recogniser, catalog: UnitCatalog) -> ImportResult:
    tasks = list(plan.walk_tasks())
    lines = [f"Kế hoạch: {plan.number or '…'}/{plan.symbol} — {plan.title or '(không có trích yếu)'}"]
    head = []
    if plan.issuer:
        head.append("cơ quan ban hành " + " / ".join(plan.issuer))
    head.append(f"ngày {plan.date.iso()}" if plan.date else "ngày để trống")
    if plan.place:
        head.append(f"địa danh {plan.place}")
    lines.append("Đầu văn bản: " + ", ".join(head) + ".")
    body = plan.body_sections()
    lines.append(f"Căn cứ: {len(plan.bases)}; đoạn mở đầu: {len(plan.preamble)}; "
                 f"mục: {len(body)} ({', '.join(s.title for s in body)}).")
    if recogniser.appendix_found:
        lines.append(f"Sau phần ký: {len(recogniser.appendix_found)} phụ lục (in sau chữ ký, theo thứ tự của văn bản).")
    lines.extend(f"Phụ lục: {f}." for f in recogniser.appendix_found)
    lines.append(f"Nhiệm vụ: {len(tasks)} (cấp 1: {sum(1 for _, d in tasks if d == 0)}); "
                 f"có đơn vị chủ trì: {sum(1 for t, _ in tasks if t.lead)}; "
                 f"có thời gian: {sum(1 for t, _ in tasks if t.time)}; "
                 f"có sản phẩm: {sum(1 for t, _ in tasks if t.product)}.")
    lines.append(f"Nơi nhận: {len(plan.recipients)}; người ký: {plan.signature.signer or '(không thấy)'}.")
    if source.encodings:
        names = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}
        lines.append("Đã chuyển mã " + ", ".join(names[e] for e in sorted(source.encodings)) + " sang Unicode.")
    lines.extend(f"Ghi nhận: {f}." for f in [*source.notes, *recogniser.notes.found])
    leaves_without = [t.number or t.title[:30] for t, _ in tasks if not t.children and not t.lead]
    if leaves_without:
        lines.append("Nhiệm vụ chưa có đơn vị chủ trì: " + ", ".join(leaves_without) + ".")
    without_time = [t.number or t.title[:30] for t, _ in tasks if not t.children and not t.time]
    if without_time:
        lines.append("Nhiệm vụ chưa có thời gian thực hiện: " + ", ".join(without_time) + ".")
    unknown = [f"{t.number or t.title[:30]} (“{t.time}”)" for t, _ in tasks
               if t.time and parse_timeframe(t.time).kind == "unknown"]
    if unknown:
        lines.append("Thời gian chưa hiểu được để theo dõi tiến độ (vẫn in đúng như văn bản; sửa trong ô "
                     "Thời gian nếu cần): " + "; ".join(unknown) + ".")
    new_units: list[str] = []
    for task, _ in tasks:
        for unit in task.lead + task.coordinators:
            if catalog.find(unit) is None and unit not in new_units:
                new_units.append(unit)
    if new_units:
        lines.append("Đơn vị chưa có trong danh mục (giữ nguyên như văn bản; có thể thêm vào danh mục): "
                     + "; ".join(new_units) + ".")
    unplaced = list(recogniser.notes.unplaced)
    if unplaced:
        lines.append(f"Chưa xếp được {len(unplaced)} dòng (đã giữ trong ghi chú “import_notes” của kế hoạch):")
        lines.extend(f"  - {u}" for u in unplaced)
    else:
        lines.append("Mọi dòng của văn bản đều đã được xếp vào kế hoạch.")
    return ImportResult(plan=plan, summary_lines=lines, unplaced=unplaced, new_units=new_units)


__all__ = ["FILE_FILTER", "SUPPORTED", "ImportResult", "UnreadableDocument", "import_file", "read_source"]
