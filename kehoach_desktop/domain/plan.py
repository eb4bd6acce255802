"""The plan (Kế hoạch) and its task tree, as plain Python objects.

Field names follow the plan JSON of DOMAIN.md §7 (``docs/plan-json.md``). Text is
stored as typed (NFC); printing rules live in ``documents/``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator

from ..errors import InvalidInput
from .record import FrozenRecord, Record
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

class PartialDate(FrozenRecord):
    """A document date that may be blank in part: ``ngày    tháng 6 năm 2026``."""

    __slots__ = ("year", "month", "day")
    year: int
    month: int | None
    day: int | None

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if not 1900 <= year <= 2200:
            raise InvalidInput(f"Năm {year} không hợp lệ.")
        if month is not None and not 1 <= month <= 12:
            raise InvalidInput(f"Tháng {month} không hợp lệ (phải từ 1 đến 12).")
        if day is not None:
            if month is None:
                raise InvalidInput("Có ngày mà thiếu tháng.")
            try:
                dt.date(year, month, day)
            except ValueError:
                raise InvalidInput(f"Ngày {day:02d}/{month:02d}/{year} không tồn tại.") from None
        self._set(year, month, day)

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

class SourceTask(FrozenRecord):
    """The task of the upper plan (kế hoạch cấp trên) that a task of this plan carries out.

    ``plan`` and ``task`` are that plan's and task's keys; ``number`` is the task's tracking number
    there ("3", "II.3", "PL.I.2"), ``title`` its wording and ``reference`` the plan's number and symbol
    ("117/KH-UBND"), kept here so the link still reads when the upper plan is not in this database;
    ``role`` is what the upper plan gives the commune level there: "lead" (a duty of its TỔ CHỨC THỰC HIỆN
    too) or "coordinator"; "" when not known.
    """

    __slots__ = ("plan", "task", "number", "title", "reference", "role")
    plan: str
    task: str
    number: str
    title: str
    reference: str
    role: str

    def __init__(self, plan: str, task: str, number: str = "", title: str = "", reference: str = "",
                 role: str = "") -> None:
        self._set(plan, task, number, title, reference, role)

    def describe(self) -> str:
        """``Thực hiện nhiệm vụ 3 của KH 117/KH-UBND``, as the task form shows the link."""
        number = f" {self.number}" if self.number else ""
        where = f" của KH {self.reference}" if self.reference else " của kế hoạch cấp trên"
        return f"Thực hiện nhiệm vụ{number}{where}"


class UpperPlan(Record):
    """The upper plan a plan was derived from: enough to cite it and to match reports made against it."""

    __slots__ = ("key", "issuer", "number", "symbol", "date", "title")

    def __init__(self, key: str, issuer: list[str] | None = None, number: str | None = None,
                 symbol: str = "KH-UBND", date: PartialDate | None = None, title: str = "") -> None:
        self.key = key
        self.issuer = [] if issuer is None else issuer
        self.number = number
        self.symbol = symbol
        self.date = date
        self.title = title

    @property
    def reference(self) -> str:
        """``117/KH-UBND`` (``…/KH-UBND`` when the number is blank)."""
        return f"{self.number or '…'}/{self.symbol}"


# --- tasks -----------------------------------------------------------------------------

class Task(Record):
    """A task (nhiệm vụ) of section II, with its sub-tasks.

    ``number``: as printed without punctuation ("1", "1.2", "a", "-"); ``content``: nội dung, the
    paragraphs as typed; ``lead``: đơn vị chủ trì; ``coordinators``: đơn vị phối hợp; ``time``: thời gian
    thực hiện, printed exactly as typed; ``product``: sản phẩm; ``notes``: ghi chú (printed in the phụ
    lục only); ``labels``: this task's own label wording; ``assignment``: units as the plan wrote them in
    sentences; ``cells``: cells of a phụ lục table's columns that are none of the fields above ("Kinh
    phí", "Chỉ tiêu"), keyed by the column's heading as the source wrote it, printed in that column and
    kept for the round trip; ``source``: the upper plan's task this one carries out (derived plans).
    """

    __slots__ = ("title", "number", "content", "lead", "coordinators", "time", "product", "notes", "labels",
                 "assignment", "cells", "source", "children", "key", "id")

    def __init__(self, title: str, number: str = "", content: list[str] | None = None,
                 lead: list[str] | None = None, coordinators: list[str] | None = None, time: str = "",
                 product: str | None = None, notes: str | None = None, labels: dict[str, str] | None = None,
                 assignment: list[str] | None = None, cells: dict[str, str] | None = None,
                 source: SourceTask | None = None, children: list[Task] | None = None, key: str | None = None,
                 id: int | None = None) -> None:
        self.title = title
        self.number = number
        self.content: list[str] = [] if content is None else content
        self.lead: list[str] = [] if lead is None else lead
        self.coordinators: list[str] = [] if coordinators is None else coordinators
        self.time = time
        self.product = product
        self.notes = notes
        self.labels: dict[str, str] = {} if labels is None else labels
        self.assignment: list[str] = [] if assignment is None else assignment
        self.cells: dict[str, str] = {} if cells is None else cells
        self.source = source
        self.children: list[Task] = [] if children is None else children
        self.key = new_key() if key is None else key
        self.id = id

    @property
    def timeframe(self) -> Timeframe:
        return parse_timeframe(self.time)

    def walk(self, depth: int = 0) -> Iterator[tuple[Task, int]]:
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)


class TextTable(Record):
    """A table inside a text item (a phụ lục's report form "Biểu 01"): rows of cell texts, headings first."""

    __slots__ = ("rows", "header_rows")

    def __init__(self, rows: list[list[str]] | None = None, header_rows: int = 1) -> None:
        self.rows: list[list[str]] = [] if rows is None else rows
        self.header_rows = header_rows


class TextItem(Record):
    """An item of a text section: ``1. Mục đích`` and its paragraphs (heading may be None).

    In a phụ lục the heading prints as written (no number is added) and the item may carry a table,
    printed after its paragraphs.
    """

    __slots__ = ("heading", "paragraphs", "table")

    def __init__(self, heading: str | None = None, paragraphs: list[str] | None = None,
                 table: TextTable | None = None) -> None:
        self.heading = heading
        self.paragraphs: list[str] = [] if paragraphs is None else paragraphs
        self.table = table


APPENDIX_FIELDS = ("number", "title", "lead", "coordinators", "time", "product", "notes")


class Appendix(Record):
    """What makes a section a phụ lục, printed after the signature on pages of its own.

    ``label`` ("Phụ lục", "Phụ lục 01", "Biểu 01", "PHỤ LỤC I"), ``heading`` (its title lines, as written)
    and ``attached`` ("(Kèm theo Kế hoạch số 117/KH-UBND ngày 20/3/2026 của UBND xã …)") print centred
    above its content. A task phụ lục prints its tasks as a table of ``columns``: (field, heading as the
    source wrote it), field one of :data:`APPENDIX_FIELDS` or ``""`` for a column of ``Task.cells``.
    ``mirror``: the table lists the tasks of the body's task sections (a "Danh mục nhiệm vụ" generated
    from them) and the section holds no tasks of its own.
    """

    __slots__ = ("label", "heading", "attached", "columns", "landscape", "mirror")

    def __init__(self, label: str = "", heading: list[str] | None = None, attached: str = "",
                 columns: list[tuple[str, str]] | None = None, landscape: bool = True, mirror: bool = False) -> None:
        self.label = label
        self.heading: list[str] = [] if heading is None else heading
        self.attached = attached
        self.columns: list[tuple[str, str]] = [] if columns is None else columns
        self.landscape = landscape
        self.mirror = mirror


class Section(Record):
    """A Roman-numeral section: text (I. Mục đích, III. Kinh phí, IV. Tổ chức) or tasks (II.).

    With ``appendix`` set it is a phụ lục instead: not numbered, printed after the signature.
    Appendix sections come after the body's sections in :attr:`Plan.sections`.
    """

    __slots__ = ("title", "kind", "items", "tasks", "appendix")

    def __init__(self, title: str, kind: str = "text", items: list[TextItem] | None = None,
                 tasks: list[Task] | None = None, appendix: Appendix | None = None) -> None:
        self.title = title
        self.kind = kind  # "text" or "tasks"
        self.items: list[TextItem] = [] if items is None else items
        self.tasks: list[Task] = [] if tasks is None else tasks
        self.appendix = appendix

    @property
    def is_appendix(self) -> bool:
        return self.appendix is not None


def body_then_appendices(sections: Iterable[Section]) -> list[Section]:
    """``sections`` in document order as :class:`Plan` keeps them: the body's, then the phụ lục (which
    print after the signature whatever their place in a file or table), each in its own order."""
    return sorted(sections, key=lambda s: s.appendix is not None)


class Signature(Record):
    """The signer block: ``TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH`` and the name."""

    __slots__ = ("lines", "signer")

    def __init__(self, lines: list[str] | None = None, signer: str = "") -> None:
        self.lines: list[str] = [] if lines is None else lines
        self.signer = signer


class Plan(Record):
    """A Kế hoạch in the layout of Nghị định 30/2020.

    ``title``: the trích yếu; ``issuer``: ["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"]; ``number``: "05", None for a
    draft ("Số:      /KH-UBND"); ``place``: the địa danh of the date line; ``bases``: the căn cứ;
    ``recipients``: nơi nhận, without "- " and ";"; ``upper``: the plan of the level above this one was
    derived from; ``extra``: unknown JSON keys, kept for the round trip.
    """

    __slots__ = ("title", "issuer", "number", "symbol", "place", "date", "doc_type", "bases", "preamble",
                 "sections", "closing", "recipients", "signature", "labels", "upper", "key", "extra", "id")

    def __init__(self, title: str, issuer: list[str] | None = None, number: str | None = None,
                 symbol: str = "KH-UBND", place: str = "", date: PartialDate | None = None,
                 doc_type: str = "KẾ HOẠCH", bases: list[str] | None = None, preamble: list[str] | None = None,
                 sections: list[Section] | None = None, closing: list[str] | None = None,
                 recipients: list[str] | None = None, signature: Signature | None = None,
                 labels: dict[str, str] | None = None, upper: UpperPlan | None = None, key: str | None = None,
                 extra: dict | None = None, id: int | None = None) -> None:
        self.title = title
        self.issuer: list[str] = [] if issuer is None else issuer
        self.number = number
        self.symbol = symbol
        self.place = place
        self.date = date
        self.doc_type = doc_type
        self.bases: list[str] = [] if bases is None else bases
        self.preamble: list[str] = [] if preamble is None else preamble
        self.sections: list[Section] = [] if sections is None else sections
        self.closing: list[str] = [] if closing is None else closing
        self.recipients: list[str] = [] if recipients is None else recipients
        self.signature = Signature() if signature is None else signature
        self.labels: dict[str, str] = dict(DEFAULT_LABELS) if labels is None else labels
        self.upper = upper
        self.key = new_key() if key is None else key
        self.extra: dict = {} if extra is None else extra
        self.id = id

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
