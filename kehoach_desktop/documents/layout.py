"""The layout of Nghị định 30/2020/NĐ-CP (Phụ lục I, Mẫu 1.4), in one place.

Every size, rule and position of a state document lives here; the writers
(``docx_writer``, ``qt_writer``) only render the resulting
:class:`~kehoach_desktop.documents.model.Document`.

Building another document type (a Báo cáo, a Tờ trình ...) takes three steps::

    from kehoach_desktop.documents import layout as L

    meta = L.DocumentMeta(issuer=["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"], number="12", symbol="BC-UBND",
                          place="Lam Vỹ", date=PartialDate(2026, 6, 20), doc_type="BÁO CÁO",
                          title="Kết quả thực hiện Kế hoạch số 05/KH-UBND",
                          kinh_gui=["Sở Khoa học và Công nghệ"],
                          recipients=["Như trên", "Lưu: VT, VHXH"], signature=plan.signature)
    body = [
        L.heading("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", level=1),
        L.body_paragraph("Ủy ban nhân dân xã đã ..."),
        L.heading("1. Kết quả", level=2),
        L.simple_table(["STT", "Trạng thái", "Số nhiệm vụ"], rows, widths=[L.cm(1.5), L.cm(9), L.cm(6)]),
        L.body_paragraph("Trên đây là báo cáo ..."),  # official_document() adds the final "./." if missing
    ]
    document = L.official_document(meta, body)           # header, title, body, signature, page numbers
    docx_writer.write_docx(document, "bao-cao.docx")      # or qt_writer.write_pdf(document, "bao-cao.pdf")

``official_document`` draws the header table (ô 1–4), the title block (ô 5a,
with ``Kính gửi`` (ô 9a) when ``meta.kinh_gui`` is set), the body (ô 6), and the
signature table (ô 7 and 9b). ``LayoutOptions`` holds what a user may set
(margins within the decree's ranges, body size, indent, spacing). For a
report, ``meta.recipients`` should start with ``"Như trên"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..domain.numbering import printed, roman, style_of
from ..domain.plan import APPENDIX_FIELDS, IN_SENTENCE, PartialDate, Plan, Signature, Task, TextTable
from ..domain.plan import Section as PlanSection
from ..errors import InvalidInput
from .metrics import text_width
from .model import Block, Cell, Document, PageSetup, Paragraph, Row, Rule, Run, Section, Table, cm, mm

__all__ = [
    "BLANK", "DocumentMeta", "LayoutOptions", "agency_name", "appendix_heading", "appendix_section",
    "bases_paragraphs", "body_paragraph", "cm", "date_line", "header_table", "heading", "meta_from_plan",
    "mm", "number_line", "official_document", "page_number_paragraph", "plan_appendices", "plan_body",
    "plan_document", "signature_table", "simple_table", "task_table", "text_table", "title_block",
]

BLANK = "\u00a0" * 5  # a gap left for the văn thư to write the number or date by hand

# Sizes (pt) chosen inside the decree's ranges.
ISSUER_SIZE = 13  # 12–13
NATIONAL_SIZE = 13  # quốc hiệu 12–13
MOTTO_SIZE = 14  # tiêu ngữ 13–14
NUMBER_SIZE = 13  # "Số:" 13
DATE_SIZE = 14  # 13–14
RECIPIENTS_LABEL_SIZE = 12
RECIPIENTS_SIZE = 11
PAGE_NUMBER_SIZE = 14  # 13–14

# Mẫu 1.4 column widths.
HEADER_WIDTHS = (cm(6.75), cm(10.0))
SIGNATURE_WIDTHS = (cm(6.5), cm(10.0))
HEADER_CELL_MARGIN = cm(0.1)

_AGENCY_WORDS = ("BAN ", "PHÒNG ", "HỘI ĐỒNG ", "TỔ CÔNG TÁC", "VĂN PHÒNG ", "TRUNG TÂM ", "CÔNG AN ", "TRẠM ",
                 "ĐOÀN ", "HỘI ")
_PLACE_WORDS = ("XÃ ", "PHƯỜNG ", "ĐẶC KHU ", "THỊ TRẤN ", "THỊ XÃ ", "HUYỆN ", "QUẬN ", "TỈNH ",
                "THÀNH PHỐ ")


# --- settings ------------------------------------------------------------------------------

@dataclass
class LayoutOptions:
    """What an office may set, kept inside the decree's ranges (mm, pt)."""

    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15
    body_size: float = 14  # 13–14
    first_line_indent: float = 1.0  # cm: 1 or 1.27
    paragraph_spacing: float = 6  # pt before each paragraph, at least 6
    line_spacing: float = 1.0  # single to 1.5

    def __post_init__(self) -> None:
        limits = {"top": (20, 25, "trên"), "bottom": (20, 25, "dưới"), "left": (30, 35, "trái"),
                  "right": (15, 20, "phải")}
        for name, (low, high, vi) in limits.items():
            value = getattr(self, name)
            if not low <= value <= high:
                raise InvalidInput(f"Lề {vi} {value:g} mm nằm ngoài khoảng Nghị định 30 cho phép "
                                   f"({low}–{high} mm).")
        if not 13 <= self.body_size <= 14:
            raise InvalidInput(f"Cỡ chữ nội dung {self.body_size:g} phải từ 13 đến 14.")
        if not 1.0 <= self.line_spacing <= 1.5:
            raise InvalidInput("Khoảng cách dòng phải từ dòng đơn đến 1,5 dòng.")
        if self.paragraph_spacing < 6:
            raise InvalidInput("Khoảng cách giữa các đoạn văn phải từ 6 pt trở lên.")

    def page(self) -> PageSetup:
        return PageSetup(top=mm(self.top), bottom=mm(self.bottom), left=mm(self.left), right=mm(self.right))

    @classmethod
    def from_setting(cls, value: object) -> LayoutOptions:
        """From the stored setting ``"layout"``: ``{"top": 20, "bottom": 20, "left": 30, "right": 15,
        "body_size": 14, "first_line_indent": 1.0, "paragraph_spacing": 6, "line_spacing": 1.0}``
        (any subset; mm, pt, cm as in the fields)."""
        if value is None:
            return cls()
        if not isinstance(value, dict):
            raise InvalidInput("Cài đặt trình bày (layout) phải là một bảng giá trị.")
        known = {"top", "bottom", "left", "right", "body_size", "first_line_indent", "paragraph_spacing",
                 "line_spacing"}
        values = {}
        for key, item in value.items():
            if key not in known:
                continue
            if isinstance(item, bool) or not isinstance(item, int | float):
                raise InvalidInput(f"Cài đặt trình bày “{key}” phải là một số.")
            values[key] = float(item)
        return cls(**values)

    @classmethod
    def with_margins(cls, text: str, base: LayoutOptions | None = None) -> LayoutOptions:
        """``"20,20,30,15"``: top, bottom, left, right in mm."""
        parts = [p.strip() for p in text.replace(";", ",").split(",")]
        try:
            top, bottom, left, right = (float(p) for p in parts)
        except ValueError:
            raise InvalidInput(f"Lề “{text}” không hợp lệ: hãy viết 4 số mm trên, dưới, trái, phải, "
                               "ví dụ 20,20,30,15.") from None
        base = base or cls()
        return cls(top, bottom, left, right, base.body_size, base.first_line_indent, base.paragraph_spacing,
                   base.line_spacing)


DEFAULT = LayoutOptions()


@dataclass
class DocumentMeta:
    """The formal parts of a state document around its body (ô 1–5, 7, 9)."""

    issuer: list[str]  # ["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"]; the last line(s) name the issuing agency
    number: str | None  # None for a draft
    symbol: str  # "KH-UBND"
    place: str
    date: PartialDate | None
    doc_type: str  # "KẾ HOẠCH", "BÁO CÁO"
    title: str  # trích yếu
    recipients: list[str] = field(default_factory=list)  # without "- " and ";"
    signature: Signature = field(default_factory=Signature)
    bases: list[str] = field(default_factory=list)  # căn cứ, italic
    kinh_gui: list[str] | None = None  # a report's "Kính gửi:" (ô 9a)


def meta_from_plan(plan: Plan) -> DocumentMeta:
    return DocumentMeta(
        issuer=list(plan.issuer), number=plan.number, symbol=plan.symbol, place=plan.place,
        date=plan.date, doc_type=plan.doc_type or "KẾ HOẠCH", title=plan.title,
        recipients=list(plan.recipients), signature=plan.signature, bases=list(plan.bases))


# --- text rules ------------------------------------------------------------------------------

def number_line(number: str | None, symbol: str) -> str:
    """``Số: 05/KH-UBND``; numbers below 10 get a leading 0; a draft leaves the number blank."""
    number = (number or "").strip()
    if not number:
        return f"Số:{BLANK}/{symbol}"
    if number.isdigit() and int(number) < 10:
        number = f"{int(number):02d}"
    return f"Số: {number}/{symbol}"


def _day(day: int | None) -> str:
    return BLANK if day is None else f"{day:02d}" if day < 10 else str(day)


def _month(month: int | None) -> str:
    return BLANK if month is None else f"{month:02d}" if month <= 2 else str(month)


def date_words(date: PartialDate | None) -> str:
    """``ngày 05 tháng 01 năm 2026`` with the decree's leading zeros; blanks where unknown."""
    if date is None:
        return f"ngày{BLANK}tháng{BLANK}năm 20{BLANK}"
    return f"ngày {_day(date.day)} tháng {_month(date.month)} năm {date.year}".replace(
        f" {BLANK} ", BLANK)


def date_line(place: str, date: PartialDate | None) -> str:
    """``Lam Vỹ, ngày 05 tháng 01 năm 2026``; ``Bình Giang, ngày      tháng 6 năm 2026``."""
    return f"{place.strip() or '…'}, {date_words(date)}"


def agency_lines(issuer: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split the issuer lines into (chủ quản, issuing agency).

    The last line is the issuing agency; a bare "ỦY BAN NHÂN DÂN" right above a
    line naming the place ("XÃ LAM VỸ") is the same name split in two lines, so
    both are the agency (bold), as in every commune's documents.
    """
    lines = [line.strip() for line in issuer if line.strip()]
    if not lines:
        return [], []
    for k in range(1, len(lines)):  # "UBND XÃ X" over "BAN CHỈ ĐẠO" / "CÁC CHƯƠNG TRÌNH …": the body is two lines
        if lines[k].upper().startswith(_AGENCY_WORDS):
            return lines[:k], lines[k:]
    split = len(lines) - 1
    if split > 0 and lines[-1].upper().startswith(_PLACE_WORDS) and not lines[-2].upper().startswith(
            _PLACE_WORDS) and not any(word.strip() in lines[-2].upper().split() for word in _PLACE_WORDS):
        split -= 1
    return lines[:split], lines[split:]


def agency_name(issuer: Sequence[str], place: str = "") -> str:
    """The issuing agency in running text: ``Ủy ban nhân dân xã Lam Vỹ``."""
    _, agency = agency_lines(issuer)
    text = " ".join(agency).lower()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if place and place.lower() in text:
        text = text.replace(place.lower(), place)
    return text


# --- paragraphs ----------------------------------------------------------------------------

def body_paragraph(text: str | Sequence[Run], *, bold: bool = False, italic: bool = False,
                   options: LayoutOptions = DEFAULT, keep_with_next: bool = False) -> Paragraph:
    """A paragraph of the body (ô 6): justified, first-line indent, ≥ 6 pt before."""
    runs = [Run(text)] if isinstance(text, str) else list(text)
    return Paragraph(runs, align="justify", size=options.body_size, bold=bold, italic=italic,
                     first_line_indent=cm(options.first_line_indent), space_before=options.paragraph_spacing,
                     line_spacing=options.line_spacing, keep_with_next=keep_with_next)


def heading(text: str, level: int = 1, options: LayoutOptions = DEFAULT) -> Paragraph:
    """``I. TIÊU ĐỀ`` (level 1, bold caps), ``1. Tiêu đề`` (2, bold), ``a) ...`` (3, regular)."""
    if level == 1:
        text = text.upper()
    return body_paragraph(text, bold=level <= 2, options=options, keep_with_next=True)


def bases_paragraphs(bases: Iterable[str], options: LayoutOptions = DEFAULT) -> list[Paragraph]:
    """Căn cứ: italic, one per line (as typed, with its ``;`` / ``.``)."""
    return [body_paragraph(text, italic=True, options=options) for text in bases if text.strip()]


def _centred(text: str, size: float, *, bold: bool = False, italic: bool = False, before: float = 0,
             keep: bool = True) -> Paragraph:
    return Paragraph([Run(text)], align="center", size=size, bold=bold, italic=italic, space_before=before,
                     keep_with_next=keep)


def rule(width: float, *, before: float = 0, keep: bool = True) -> Paragraph:
    """An empty paragraph drawn as a centred bottom border ``width`` pt long."""
    return Paragraph([], align="center", size=2, rule=Rule(width), space_before=before, keep_with_next=keep)


def title_block(doc_type: str, title: str, kinh_gui: Sequence[str] | None = None,
                options: LayoutOptions = DEFAULT, text_width_pt: float | None = None) -> list[Paragraph]:
    """Tên loại + trích yếu (ô 5a) with the short rule under it, and ``Kính gửi:`` (ô 9a)."""
    size = options.body_size
    out = [_centred(doc_type.upper(), size, bold=True, before=18)]
    lines = [line.strip() for line in title.split("\n") if line.strip()] or [""]
    out += [_centred(line, size, bold=True) for line in lines]
    available = text_width_pt or options.page().text_width
    longest = max(min(text_width(line, size, True), available) for line in lines)
    out.append(rule(min(max(longest / 3, cm(2.5)), cm(5)), before=3, keep=bool(kinh_gui)))
    if kinh_gui:
        names = [name.strip().rstrip(";.") for name in kinh_gui if name.strip()]
        if len(names) == 1:
            out.append(_centred(f"Kính gửi: {names[0]}.", size, before=options.paragraph_spacing, keep=False))
        else:
            out.append(_centred("Kính gửi:", size, before=options.paragraph_spacing))
            for i, name in enumerate(names):
                end = "." if i == len(names) - 1 else ";"
                out.append(Paragraph([Run(f"- {name}{end}")], size=size, left_indent=cm(5)))
    return out


def page_number_paragraph() -> Paragraph:
    """Centred in the top margin, 13–14 pt, upright: a real PAGE field."""
    return Paragraph([Run(field="PAGE")], align="center", size=PAGE_NUMBER_SIZE)


# --- tables --------------------------------------------------------------------------------

def _cell(*paragraphs: Paragraph) -> Cell:
    return Cell(list(paragraphs))


def header_table(issuer: Sequence[str], number: str | None, symbol: str, place: str,
                 date: PartialDate | None) -> Table:
    """ô 1–4: issuer | quốc hiệu and tiêu ngữ, then Số | date line on one row, borderless."""
    parent, agency = agency_lines(issuer)
    left = [_centred(line.upper(), ISSUER_SIZE, keep=False) for line in parent]
    left += [_centred(line.upper(), ISSUER_SIZE, bold=True, keep=False) for line in agency]
    inner = HEADER_WIDTHS[0] - 2 * HEADER_CELL_MARGIN
    agency_width = max((text_width(line.upper(), ISSUER_SIZE, True) for line in agency), default=cm(4))
    left.append(rule(min(max(agency_width * 0.45, cm(2)), inner * 0.5), before=1, keep=False))
    national = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto = "Độc lập - Tự do - Hạnh phúc"
    inner_right = HEADER_WIDTHS[1] - 2 * HEADER_CELL_MARGIN
    national_size = NATIONAL_SIZE if text_width(national, NATIONAL_SIZE, True) <= inner_right else 12
    right = [
        _centred(national, national_size, bold=True, keep=False),
        _centred(motto, MOTTO_SIZE, bold=True, keep=False),
        rule(text_width(motto, MOTTO_SIZE, True), before=1, keep=False),
    ]
    second = Row([_cell(_centred(number_line(number, symbol), NUMBER_SIZE, before=6, keep=False)),
                  _cell(_centred(date_line(place, date), DATE_SIZE, italic=True, before=6, keep=False))],
                 cant_split=True)
    return Table(list(HEADER_WIDTHS), [Row([Cell(left), Cell(right)], cant_split=True), second],
                 borders=False, indent=-cm(0.25), cell_margin=HEADER_CELL_MARGIN)


def signature_table(recipients: Sequence[str], signature: Signature) -> Table:
    """ô 9b | ô 7: Nơi nhận (12 bold italic, list 11) beside the signer block with room to sign."""
    left = [Paragraph([Run("Nơi nhận:")], size=RECIPIENTS_LABEL_SIZE, bold=True, italic=True, space_before=14)]
    names = [name.strip().removeprefix("- ").strip().rstrip(";.").strip() for name in recipients]
    names = [name for name in names if name]
    for i, name in enumerate(names):
        end = "." if i == len(names) - 1 else ";"
        left.append(Paragraph([Run(f"- {name}{end}")], size=RECIPIENTS_SIZE))
    right = [_centred(line.upper(), 14, bold=True, before=12 if i == 0 else 0, keep=False)
             for i, line in enumerate(signature.lines)]
    # Room for the signature and the seal (about 3 cm), then the name.
    right.append(_centred(signature.signer, 14, bold=True, before=cm(3), keep=False))
    return Table(list(SIGNATURE_WIDTHS), [Row([Cell(left), Cell(right)], cant_split=True)], borders=False,
                 cell_margin=cm(0.1))


def simple_table(headers: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[float], *,
                 size: float = 12, header_size: float = 13, centred_columns: Iterable[int] = (0,)) -> Table:
    """A bordered table: a bold header row repeated on every page, rows that never split."""
    centred = set(centred_columns)
    head = Row([_cell(Paragraph([Run(h)], align="center", size=header_size, bold=True, space_before=3,
                                space_after=3)) for h in headers], header=True, cant_split=True)
    body = []
    for values in rows:
        cells = []
        for i, value in enumerate(values):
            paragraphs = [Paragraph([Run(line)], align="center" if i in centred else "left", size=size,
                                    space_before=3, space_after=3)
                          for line in (str(value).split("\n") if value else [""])]
            cells.append(Cell(paragraphs))
        body.append(Row(cells, cant_split=True))
    return Table(list(widths), [head, *body], borders=True, cell_margin=cm(0.15))


# --- the whole document --------------------------------------------------------------------

def _end_with_period_slash(blocks: list[Block]) -> None:
    """The body ends with ``./.`` (ô 6)."""
    for block in reversed(blocks):
        if isinstance(block, Paragraph) and block.runs and block.text.strip():
            text = block.runs[-1].text.rstrip()
            if not text.endswith("./."):
                last = block.runs[-1]
                block.runs[-1] = Run(text.rstrip(".;:,") + "./.", last.bold, last.italic, last.size)
            return


def official_document(meta: DocumentMeta, body: Sequence[Block], options: LayoutOptions = DEFAULT,
                      appendices: Sequence[Section] = ()) -> Document:
    """A complete state document: header, title, căn cứ, ``body``, signature; page numbers from page 2.

    ``appendices`` are further sections (e.g. :func:`appendix_section`), each
    numbered from 1 again.
    """
    page = options.page()
    blocks: list[Block] = [header_table(meta.issuer, meta.number, meta.symbol, meta.place, meta.date)]
    blocks += title_block(meta.doc_type, meta.title, meta.kinh_gui, options, page.text_width)
    blocks += bases_paragraphs(meta.bases, options)
    content = list(body)
    _end_with_period_slash(content)
    blocks += content
    blocks.append(signature_table(meta.recipients, meta.signature))
    main = Section(blocks, page=page, page_number=page_number_paragraph(), title_page=True)
    return Document([main, *appendices], size=options.body_size, title=f"{meta.doc_type} {meta.title}",
                    author=agency_name(meta.issuer, meta.place))


def _task_blocks(plan: Plan, task: Task, options: LayoutOptions) -> list[Block]:
    style = style_of(task.number)
    number = printed(task.number) if task.number else ""
    line = f"{number} {task.title}".strip()
    blocks: list[Block] = [body_paragraph(line, bold=style in ("decimal", "nested"), options=options,
                                          keep_with_next=True)]
    blocks += [body_paragraph(text, options=options) for text in task.content if text.strip()]
    marker = task.labels.get("marker", "-")
    prefix = f"{marker} " if marker else ""

    def field_line(name: str, value: str) -> None:
        value = value.strip().rstrip(".")
        if value:
            blocks.append(body_paragraph(f"{prefix}{plan.label(task, name)}: {value}.", options=options))

    said = set(task.labels.get(IN_SENTENCE, "").split(",")) if task.assignment else set()
    if task.assignment:
        blocks += [body_paragraph(f"{prefix}{text}", options=options) for text in task.assignment if text.strip()]
    else:
        field_line("lead", "; ".join(task.lead))
        field_line("coordinators", "; ".join(task.coordinators))
    if "time" not in said:
        field_line("time", task.time)
    if "product" not in said:
        field_line("product", task.product or "")
    for child in task.children:
        blocks += _task_blocks(plan, child, options)
    return blocks


def plan_body(plan: Plan, options: LayoutOptions = DEFAULT) -> list[Block]:
    """The body of a Kế hoạch: preamble, sections I, II … with their items and tasks, closing."""
    blocks: list[Block] = [body_paragraph(text, options=options) for text in plan.preamble if text.strip()]
    for index, section in enumerate(plan.body_sections()):
        blocks.append(heading(f"{roman(index + 1)}. {section.title}", 1, options))
        if section.kind == "tasks":
            for item in section.items:  # opening paragraphs before the first task
                blocks += [body_paragraph(text, options=options) for text in item.paragraphs if text.strip()]
            for task in section.tasks:
                blocks += _task_blocks(plan, task, options)
            continue
        counter = 0
        for item in section.items:
            if item.heading:
                counter += 1
                blocks.append(heading(f"{counter}. {item.heading}", 2, options))
            blocks += [body_paragraph(text, options=options) for text in item.paragraphs if text.strip()]
    blocks += [body_paragraph(text, options=options) for text in plan.closing if text.strip()]
    return blocks


APPENDIX_HEADERS = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện",
                    "Sản phẩm", "Ghi chú")


def appendix_headers(plan: Plan) -> list[str]:
    """The phụ lục's column headings, in the plan's own wording of its task lines ("Thời gian hoàn thành")."""
    fields = {2: "lead", 3: "coordinators", 4: "time", 5: "product"}
    return [plan.labels.get(fields[i], text) if i in fields else text for i, text in enumerate(APPENDIX_HEADERS)]


APPENDIX_WIDTHS_CM = (1.5, 7.8, 3.7, 3.8, 3.0, 3.4, 2.0)  # 25.2 cm: A4 landscape inside 30/15 mm
# Relative widths of a phụ lục's columns by the field they show ("": a column of Task.cells).
_FIELD_WIDTHS_CM = dict(zip(APPENDIX_FIELDS, (1.5, 7.8, 3.7, 3.8, 3.0, 3.4, 2.0), strict=True)) | {"": 3.0}
TABLE_SIZE = 12  # a phụ lục table's cells
TABLE_HEADER_SIZE = 13


def default_columns(plan: Plan) -> list[tuple[str, str]]:
    """The generated phụ lục's columns: (field, heading in the plan's wording)."""
    return list(zip(APPENDIX_FIELDS, appendix_headers(plan), strict=True))


def appendix_rows(plan: Plan) -> list[list[str]]:
    """The generated phụ lục's rows (the default columns) over the body's tasks."""
    return [[text for text, _ in cells] for cells, _ in _task_rows(plan, _body_tasks(plan), default_columns(plan),
                                                                   generated=True)]


def _body_tasks(plan: Plan) -> list[Task]:
    return [task for section in plan.body_sections() if section.kind == "tasks" for task in section.tasks]


def _task_rows(plan: Plan, tasks: Sequence[Task], columns: Sequence[tuple[str, str]], *,
               generated: bool) -> list[tuple[list[tuple[str, bool]], bool]]:
    """Per task (depth-first): the cells' (text, is the title column) and whether it is a group row.

    ``generated``: the body's tasks listed again (numbers as the body prints them, sub-tasks indented);
    else a phụ lục's own tasks, numbered as the source numbered them. A lead/coordinators cell the source
    wrote otherwise than the catalog (``Task.cells`` under the column's heading) prints as written.
    """
    rows = []
    for top in tasks:
        for task, depth in top.walk():
            if generated:
                number = printed(task.number).rstrip(".") if task.number else ""
            else:
                number = task.number
            lead = "; ".join(task.lead)
            if not lead and task.assignment:
                lead = "\n".join(re.sub(r"^[-+]\s*", "", a) for a in task.assignment)
            title = "\n".join([("    " * depth if generated else "") + task.title,
                               *(() if generated else [c for c in task.content if c.strip()])])
            values = {"number": number, "title": title, "lead": lead, "coordinators": "; ".join(task.coordinators),
                      "time": task.time, "product": task.product or "", "notes": task.notes or ""}
            cells = []
            for name, heading_text in columns:
                if name in ("", "lead", "coordinators") and heading_text in task.cells:
                    text = task.cells[heading_text]
                else:
                    text = values.get(name, "")
                cells.append((text, name == "title"))
            group = bool(task.children) and not task.lead and not task.coordinators and not any(
                task.cells.get(h) for n, h in columns if n in ("lead", "coordinators"))
            rows.append((cells, group))
    return rows


def _cell_paragraphs(text: str, *, align: str, bold: bool = False, size: float = TABLE_SIZE) -> list[Paragraph]:
    return [Paragraph([Run(line)], align=align, size=size, bold=bold, space_before=3, space_after=3)  # type: ignore[arg-type]
            for line in (text.split("\n") if text else [""])]


def _spread(weights: Sequence[float], width: float) -> list[float]:
    total = sum(weights) or 1
    return [w * width / total for w in weights]


def task_table(plan: Plan, tasks: Sequence[Task], columns: Sequence[tuple[str, str]], width: float, *,
               generated: bool = False) -> Table:
    """A phụ lục's task table: the heading row repeated on every page, one row per task (sub-tasks too),
    rows never split; a group (a task with sub-tasks and no units) in bold."""
    columns = list(columns) or default_columns(plan)
    widths = _spread([_FIELD_WIDTHS_CM.get(name, 3.0) for name, _ in columns], width)
    centred = {"number", "time"}
    head = Row([Cell(_cell_paragraphs(text, align="center", bold=True, size=TABLE_HEADER_SIZE))
                for _, text in columns], header=True, cant_split=True)
    body = []
    for cells, group in _task_rows(plan, tasks, columns, generated=generated):
        row = []
        for k, ((name, _), (text, title)) in enumerate(zip(columns, cells, strict=True)):
            rest = [t for t, _ in cells[k + 1:]]
            if group and title and not any(rest):  # a group's title across the row, as the source merges it
                row.append(Cell(_cell_paragraphs(text, align="left", bold=True), span=1 + len(rest)))
                break
            row.append(Cell(_cell_paragraphs(text, align="center" if name in centred else "left", bold=group)))
        body.append(Row(row, cant_split=True))
    return Table(widths, [head, *body], borders=True, cell_margin=cm(0.15))


def text_table(table: TextTable, width: float) -> Table:
    """A text phụ lục's table (a report form): borders, heading rows bold, centred and repeated on every
    page; columns as wide as their longest word and text need, spread over the text width."""
    count = max((len(row) for row in table.rows), default=0)
    if not count:
        return Table([width], [], borders=True)
    weights = []
    for c in range(count):
        # a heading cell may be merged over the columns after it: only its words count
        body = [row[c] for row in table.rows[table.header_rows:] if c < len(row) and row[c]]
        texts = [row[c] for row in table.rows if c < len(row) and row[c]]
        longest = max((len(t) for t in body), default=2)
        word = max((len(w) for t in texts for w in t.split()), default=2)
        weights.append(max(min(longest, 40), word + 2, 4))
    grid = [[(values[c] if c < len(values) else "") for c in range(count)] for values in table.rows]
    rows = []
    for r, values in enumerate(grid):
        head = r < table.header_rows
        cells: list[Cell] = []
        c = 0
        while c < count:
            text = values[c]
            span = 1
            if head and text and r + 1 < table.header_rows:
                # a heading over the headings under it ("Kế hoạch vốn" over "Đầu tư", "Sự nghiệp"): one cell
                while c + span < count and not values[c + span] and grid[r + 1][c + span]:
                    span += 1
            short = len(text) <= 6
            cells.append(Cell(_cell_paragraphs(text, align="center" if head or short else "left", bold=head,
                                               size=TABLE_HEADER_SIZE if head else TABLE_SIZE), span=span))
            c += span
        rows.append(Row(cells, header=head, cant_split=True))
    return Table(_spread(weights, width), rows, borders=True, cell_margin=cm(0.15))


def appendix_heading(label: str, heading_lines: Sequence[str], attached: str,
                     options: LayoutOptions = DEFAULT) -> list[Paragraph]:
    """A phụ lục's heading block: its label ("Phụ lục 01", "Biểu 01") 14 bold, its title lines bold and
    the "(Kèm theo …)" line italic, all centred as written, then a short rule."""
    size = options.body_size
    blocks = [_centred(label, 14, bold=True)] if label.strip() else []
    blocks += [_centred(line, size, bold=True) for line in heading_lines if line.strip()]
    if attached.strip():
        blocks.append(_centred(attached, size, italic=True))
    if blocks:
        blocks += [rule(cm(3), before=4), Paragraph([], size=6)]
    return blocks


def _attached_line(plan: Plan) -> str:
    number = (plan.number or "").strip()
    if number.isdigit() and int(number) < 10:
        number = f"{int(number):02d}"
    ref = f"{number or '…'}/{plan.symbol}"
    when = date_words(plan.date) if plan.date else "ngày … tháng … năm …"
    who = agency_name(plan.issuer, plan.place) or "…"
    return f"(Kèm theo {plan.doc_type.capitalize()} số {ref} {when} của {who})"


def _appendix_page(page: PageSetup, blocks: list[Block]) -> Section:
    return Section(blocks, page=page, page_number=page_number_paragraph(), title_page=True,
                   restart_numbering=True)


def appendix_section(plan: Plan, options: LayoutOptions = DEFAULT, section: PlanSection | None = None) -> Section:
    """Phụ lục: the body's tasks as a table on landscape pages numbered from 1 (Phụ lục I, III.1).

    ``section``: a mirror phụ lục of the plan, whose label, title lines, Kèm theo line and columns are
    printed where it has them (the generated wording where not).
    """
    a = section.appendix if section is not None else None
    page = options.page() if a is not None and not a.landscape else options.page().rotated()
    label = (a.label if a else "") or _next_label(plan)
    title = [line for line in (a.heading if a else []) if line.strip()] or [
        f"DANH MỤC NHIỆM VỤ {plan.title.upper()}".strip()]
    blocks: list[Block] = appendix_heading(label, title, (a.attached if a else "") or _attached_line(plan),
                                           options)
    blocks.append(task_table(plan, _body_tasks(plan), a.columns if a else [], page.text_width, generated=True))
    return _appendix_page(page, blocks)


_NUMBERED_LABEL = re.compile(r"(?i)ph(?:ụ|u)\s+l(?:ụ|u)c\s+(?:(\d+)|([IVXLC]+))")


def _next_label(plan: Plan) -> str:
    """The generated Danh mục's label: "PHỤ LỤC", or the number after the plan's own numbered phụ lục
    ("PHỤ LỤC 02" after "Phụ lục 01", "PHỤ LỤC III" after "PHỤ LỤC II"), so no two print alike."""
    digits: list[str] = []
    romans: list[int] = []
    for section in plan.appendices():
        m = _NUMBERED_LABEL.fullmatch(section.appendix.label.strip()) if section.appendix else None
        if m and m.group(1):
            digits.append(m.group(1))
        elif m:
            value = _roman_value(m.group(2).upper())
            romans += [value] if value else []
    if digits:
        width = max(len(d) for d in digits)
        return f"PHỤ LỤC {max(int(d) for d in digits) + 1:0{width}d}"
    return f"PHỤ LỤC {roman(max(romans) + 1)}" if romans else "PHỤ LỤC"


def _roman_value(text: str) -> int:
    """A Roman numeral's value, 0 when it is none (as :func:`roman` would not write it)."""
    return next((n for n in range(1, 200) if roman(n) == text), 0)


def _opening(text: str, options: LayoutOptions) -> Paragraph:
    """A line of a task phụ lục above its table (a title row the source merged across the table)."""
    if text.upper() == text:
        return _centred(text, options.body_size, bold=True)
    return body_paragraph(text, options=options)


def plan_appendix_blocks(plan: Plan, section: PlanSection, width: float,
                         options: LayoutOptions = DEFAULT) -> list[Block]:
    """A phụ lục's content under its heading: a task table, or its items (headings and paragraphs as
    written, each item's table after its paragraphs)."""
    a = section.appendix
    assert a is not None
    blocks: list[Block] = []
    if section.kind == "tasks":
        for item in section.items:
            blocks += [_opening(text, options) for text in item.paragraphs if text.strip()]
        tasks = _body_tasks(plan) if a.mirror else section.tasks
        if tasks or a.columns:
            blocks.append(task_table(plan, tasks, a.columns, width, generated=a.mirror))
        return blocks
    for item in section.items:
        if item.heading and item.heading.strip():
            blocks.append(body_paragraph(item.heading, bold=True, options=options, keep_with_next=True))
        blocks += [body_paragraph(text, options=options) for text in item.paragraphs if text.strip()]
        if item.table is not None and item.table.rows:
            blocks.append(Paragraph([], size=4))
            blocks.append(text_table(item.table, width))
    return blocks


def _is_continuation(section: PlanSection) -> bool:
    a = section.appendix
    # (the import names it after the one it continues, "… (tiếp)": a name for the app's list, not printed)
    return a is not None and not (a.label.strip() or any(h.strip() for h in a.heading) or a.attached.strip())


def plan_appendices(plan: Plan, options: LayoutOptions = DEFAULT) -> list[Section]:
    """The plan's own phụ lục, in order, each on pages of its own numbered from 1: landscape unless the
    phụ lục says portrait (``Appendix.landscape``, set by the import from the source's page). A phụ lục
    without label, title or Kèm theo line continues the one before it on the same page."""
    out: list[Section] = []
    for section in plan.appendices():
        a = section.appendix
        assert a is not None
        if _is_continuation(section) and out:
            previous = out[-1]
            out[-1].blocks += plan_appendix_blocks(plan, section, previous.page.text_width, options)
            continue
        if a.mirror:
            out.append(appendix_section(plan, options, section))
            continue
        page = options.page().rotated() if a.landscape else options.page()
        blocks: list[Block] = appendix_heading(a.label, a.heading, a.attached, options)
        blocks += plan_appendix_blocks(plan, section, page.text_width, options)
        out.append(_appendix_page(page, blocks))
    return out


def has_task_appendix(plan: Plan) -> bool:
    """Whether the plan holds a phụ lục listing tasks (its own, or a mirror of the body's)."""
    return any(s.appendix is not None and (s.appendix.mirror or (s.kind == "tasks" and s.tasks))
               for s in plan.appendices())


def plan_document(plan: Plan, options: LayoutOptions = DEFAULT, *, appendix: bool = False) -> Document:
    """A Kế hoạch as Mẫu 1.4 lays it out, then its phụ lục; ``appendix`` adds the task list as a phụ lục
    when the plan has no task phụ lục of its own (nor a mirror)."""
    extra = plan_appendices(plan, options)
    if appendix and not has_task_appendix(plan):
        extra.append(appendix_section(plan, options))
    return official_document(meta_from_plan(plan), plan_body(plan, options), options, extra)
