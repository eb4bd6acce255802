"""The plan (Kế hoạch) and its task tree, as plain Python objects.

Field names follow the plan JSON of DOMAIN.md §7 (``docs/plan-json.md``). Text is
stored as typed (NFC); printing rules live in ``documents/``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import InvalidInput
from .timeframe import Timeframe, parse_timeframe

FIELDS = ("lead", "coordinators", "time", "product")
# Task.labels key: the fields already said inside the task's sentence of assignment ("…thực hiện; thời gian:
# Quý III/2026."), e.g. "time,product"; they are not printed again as lines of their own.
IN_SENTENCE = "in_sentence"

DEFAULT_LABELS = {
    "lead": "Cơ quan chủ trì",  # đơn vị chủ trì
    "coordinators": "Cơ quan phối hợp",  # đơn vị phối hợp
    "time": "Thời gian thực hiện",
    "product": "Sản phẩm",
}


def new_key() -> str:
    """A stable identifier for a plan or task that survives export and import."""
    return os.urandom(16).hex()  # as random as uuid4().hex, without importing uuid (and platform) at start-up


# --- partial dates -------------------------------------------------------------------

@dataclass(frozen=True)
class PartialDate:
    """A document date that may be blank in part: ``ngày    tháng 6 năm 2026``."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1900 <= self.year <= 2200:
            raise InvalidInput(f"Năm {self.year} không hợp lệ.")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidInput(f"Tháng {self.month} không hợp lệ (phải từ 1 đến 12).")
        if self.day is not None:
            if self.month is None:
                raise InvalidInput("Có ngày mà thiếu tháng.")
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                raise InvalidInput(
                    f"Ngày {self.day:02d}/{self.month:02d}/{self.year} không tồn tại.") from None

    @classmethod
    def parse(cls, text: str | None) -> PartialDate | None:
        """Read ``2026-06-16``, ``2026-06``, ``2026``, ``16/6/2026``, ``6/2026`` or blank."""
        if text is None:
            return None
        text = str(text).strip()
        if not text:
            return None
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
        if m:
            y, mo, d = m.groups()
            return cls(int(y), int(mo) if mo else None, int(d) if d else None)
        m = re.fullmatch(r"(?:(\d{1,2})\s*/\s*)?(\d{1,2})\s*/\s*(\d{4})", text)
        if m:
            d, mo, y = m.groups()
            return cls(int(y), int(mo), int(d) if d else None)
        raise InvalidInput(f"Ngày “{text}” không hợp lệ. Hãy viết như 16/6/2026, 6/2026 hoặc 2026.")

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> dt.date | None:
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)


# --- links to the plan of the level above ---------------------------------------------

@dataclass(frozen=True)
class SourceTask:
    """The task of the upper plan (kế hoạch cấp trên) that a task of this plan carries out.

    ``plan`` and ``task`` are that plan's and task's keys; ``number`` is the task's tracking number
    there ("3", "II.3", "PL.I.2"), ``title`` its wording and ``reference`` the plan's number and symbol
    ("117/KH-UBND"), kept here so the link still reads when the upper plan is not in this database;
    ``role`` is what the upper plan gives the commune level there: "lead" (a duty of its TỔ CHỨC THỰC HIỆN
    too) or "coordinator"; "" when not known.
    """

    plan: str
    task: str
    number: str = ""
    title: str = ""
    reference: str = ""
    role: str = ""

    def describe(self) -> str:
        """``Thực hiện nhiệm vụ 3 của KH 117/KH-UBND``, as the task form shows the link."""
        number = f" {self.number}" if self.number else ""
        where = f" của KH {self.reference}" if self.reference else " của kế hoạch cấp trên"
        return f"Thực hiện nhiệm vụ{number}{where}"


@dataclass
class UpperPlan:
    """The upper plan a plan was derived from: enough to cite it and to match reports made against it."""

    key: str
    issuer: list[str] = field(default_factory=list)
    number: str | None = None
    symbol: str = "KH-UBND"
    date: PartialDate | None = None
    title: str = ""

    @property
    def reference(self) -> str:
        """``117/KH-UBND`` (``…/KH-UBND`` when the number is blank)."""
        return f"{self.number or '…'}/{self.symbol}"


# --- tasks -----------------------------------------------------------------------------

@dataclass
class Task:
    """A task (nhiệm vụ) of section II, with its sub-tasks."""

    title: str
    number: str = ""  # as printed without punctuation: "1", "1.2", "a", "-"
    content: list[str] = field(default_factory=list)  # nội dung: paragraphs, as typed
    lead: list[str] = field(default_factory=list)  # đơn vị chủ trì
    coordinators: list[str] = field(default_factory=list)  # đơn vị phối hợp
    time: str = ""  # thời gian thực hiện, printed exactly as typed
    product: str | None = None  # sản phẩm
    notes: str | None = None  # ghi chú (printed in the phụ lục only)
    labels: dict[str, str] = field(default_factory=dict)  # this task's own label wording
    assignment: list[str] = field(default_factory=list)  # units as the plan wrote them in sentences
    # cells of a phụ lục table's columns that are none of the fields above ("Kinh phí", "Chỉ tiêu"),
    # keyed by the column's heading as the source wrote it; printed in that column, kept for the round trip
    cells: dict[str, str] = field(default_factory=dict)
    source: SourceTask | None = None  # the upper plan's task this one carries out (derived plans)
    children: list[Task] = field(default_factory=list)
    key: str = field(default_factory=new_key)
    id: int | None = None

    @property
    def timeframe(self) -> Timeframe:
        return parse_timeframe(self.time)

    def walk(self, depth: int = 0) -> Iterator[tuple[Task, int]]:
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)


@dataclass
class TextTable:
    """A table inside a text item (a phụ lục's report form "Biểu 01"): rows of cell texts, headings first."""

    rows: list[list[str]] = field(default_factory=list)
    header_rows: int = 1


@dataclass
class TextItem:
    """An item of a text section: ``1. Mục đích`` and its paragraphs (heading may be None).

    In a phụ lục the heading prints as written (no number is added) and the item may carry a table,
    printed after its paragraphs.
    """

    heading: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    table: TextTable | None = None


APPENDIX_FIELDS = ("number", "title", "lead", "coordinators", "time", "product", "notes")


@dataclass
class Appendix:
    """What makes a section a phụ lục, printed after the signature on pages of its own.

    ``label`` ("Phụ lục", "Phụ lục 01", "Biểu 01", "PHỤ LỤC I"), ``heading`` (its title lines, as written)
    and ``attached`` ("(Kèm theo Kế hoạch số 117/KH-UBND ngày 20/3/2026 của UBND xã …)") print centred
    above its content. A task phụ lục prints its tasks as a table of ``columns``: (field, heading as the
    source wrote it), field one of :data:`APPENDIX_FIELDS` or ``""`` for a column of ``Task.cells``.
    ``mirror``: the table lists the tasks of the body's task sections (a "Danh mục nhiệm vụ" generated
    from them) and the section holds no tasks of its own.
    """

    label: str = ""
    heading: list[str] = field(default_factory=list)
    attached: str = ""
    columns: list[tuple[str, str]] = field(default_factory=list)
    landscape: bool = True
    mirror: bool = False


@dataclass
class Section:
    """A Roman-numeral section: text (I. Mục đích, III. Kinh phí, IV. Tổ chức) or tasks (II.).

    With ``appendix`` set it is a phụ lục instead: not numbered, printed after the signature.
    Appendix sections come after the body's sections in :attr:`Plan.sections`.
    """

    title: str
    kind: str = "text"  # "text" or "tasks"
    items: list[TextItem] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    appendix: Appendix | None = None

    @property
    def is_appendix(self) -> bool:
        return self.appendix is not None


def body_then_appendices(sections: Iterable[Section]) -> list[Section]:
    """``sections`` in document order as :class:`Plan` keeps them: the body's, then the phụ lục (which
    print after the signature whatever their place in a file or table), each in its own order."""
    return sorted(sections, key=lambda s: s.appendix is not None)


@dataclass
class Signature:
    """The signer block: ``TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH`` and the name."""

    lines: list[str] = field(default_factory=list)
    signer: str = ""


@dataclass
class Plan:
    """A Kế hoạch in the layout of Nghị định 30/2020."""

    title: str  # trích yếu
    issuer: list[str] = field(default_factory=list)  # ["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"]
    number: str | None = None  # "05"; None for a draft ("Số:      /KH-UBND")
    symbol: str = "KH-UBND"
    place: str = ""  # địa danh of the date line
    date: PartialDate | None = None
    doc_type: str = "KẾ HOẠCH"
    bases: list[str] = field(default_factory=list)  # căn cứ
    preamble: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # nơi nhận, without "- " and ";"
    signature: Signature = field(default_factory=Signature)
    labels: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))
    upper: UpperPlan | None = None  # the plan of the level above this one was derived from
    key: str = field(default_factory=new_key)
    extra: dict = field(default_factory=dict)  # unknown JSON keys, kept for the round trip
    id: int | None = None

    def task_sections(self) -> list[Section]:
        """Every section holding tasks, the body's and the phụ lục's, in document order (tracking follows
        tasks wherever they live)."""
        return [s for s in self.sections if s.kind == "tasks" and not (s.appendix and s.appendix.mirror)]

    def body_sections(self) -> list[Section]:
        """The Roman-numeral sections (I., II., …), without the phụ lục."""
        return [s for s in self.sections if s.appendix is None]

    def appendices(self) -> list[Section]:
        """The phụ lục, in order, printed after the signature."""
        return [s for s in self.sections if s.appendix is not None]

    def walk_tasks(self) -> Iterator[tuple[Task, int]]:
        """Every task of every task section, depth-first in document order, with its depth."""
        for section in self.task_sections():
            for task in section.tasks:
                yield from task.walk()

    def label(self, task: Task, name: str) -> str:
        """The label wording for field ``name`` of ``task``: its own, else the plan's."""
        return task.labels.get(name) or self.labels.get(name) or DEFAULT_LABELS[name]
