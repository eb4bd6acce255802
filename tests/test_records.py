"""The value objects written out instead of made by ``@dataclass`` (domain/record.py) behave as the dataclasses did.

Each class is checked against the dataclass it replaced, declared again here as it was: the same fields
in the same order (``__slots__``), the same defaults with a fresh list or dict for every object, the same
objects whether built by position or by keyword, the same equality and repr, hashing and immutability
for the frozen ones, and deep copies (the undo keeps snapshots) equal and apart.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
from dataclasses import dataclass, field

import pytest

from kehoach_desktop.domain import plan as P
from kehoach_desktop.domain.timeframe import Timeframe
from kehoach_desktop.domain.units import Unit
from kehoach_desktop.errors import InvalidInput
from kehoach_desktop.store.plans import PlanSummary
from kehoach_desktop.store.units import CatalogState

KEY = "k" * 32  # a given key: the default one is random


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class SourceTask:
    plan: str
    task: str
    number: str = ""
    title: str = ""
    reference: str = ""
    role: str = ""


@dataclass
class UpperPlan:
    key: str
    issuer: list = field(default_factory=list)
    number: str | None = None
    symbol: str = "KH-UBND"
    date: object = None
    title: str = ""


@dataclass
class Task:
    title: str
    number: str = ""
    content: list = field(default_factory=list)
    lead: list = field(default_factory=list)
    coordinators: list = field(default_factory=list)
    time: str = ""
    product: str | None = None
    notes: str | None = None
    labels: dict = field(default_factory=dict)
    assignment: list = field(default_factory=list)
    cells: dict = field(default_factory=dict)
    source: object = None
    children: list = field(default_factory=list)
    key: str = KEY
    id: int | None = None


@dataclass
class TextTable:
    rows: list = field(default_factory=list)
    header_rows: int = 1


@dataclass
class TextItem:
    heading: str | None = None
    paragraphs: list = field(default_factory=list)
    table: object = None


@dataclass
class Appendix:
    label: str = ""
    heading: list = field(default_factory=list)
    attached: str = ""
    columns: list = field(default_factory=list)
    landscape: bool = True
    mirror: bool = False


@dataclass
class Section:
    title: str
    kind: str = "text"
    items: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    appendix: object = None


@dataclass
class Signature:
    lines: list = field(default_factory=list)
    signer: str = ""


@dataclass
class Plan:
    title: str
    issuer: list = field(default_factory=list)
    number: str | None = None
    symbol: str = "KH-UBND"
    place: str = ""
    date: object = None
    doc_type: str = "KẾ HOẠCH"
    bases: list = field(default_factory=list)
    preamble: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    closing: list = field(default_factory=list)
    recipients: list = field(default_factory=list)
    signature: object = field(default_factory=P.Signature)
    labels: dict = field(default_factory=lambda: dict(P.DEFAULT_LABELS))
    upper: object = None
    key: str = KEY
    extra: dict = field(default_factory=dict)
    id: int | None = None


@dataclass(frozen=True)
class TimeframeWas:
    kind: str
    start_year: int | None = None
    interval_months: int | None = None
    deadline: dt.date | None = None
    day: int | None = None
    month: int | None = None
    on_request: bool = False
    start_month: int | None = None
    end_year: int | None = None


@dataclass
class UnitWas:
    name: str
    code: str | None = None
    aliases: list = field(default_factory=list)
    id: int | None = None


@dataclass
class PlanSummaryWas:
    id: int
    number: str | None
    symbol: str
    date: object
    title: str
    tasks: int
    updated_at: str
    deleted_at: str | None


@dataclass(frozen=True)
class CatalogStateWas:
    units: list
    links: dict


# (the class, the dataclass it replaced, its required arguments, whether a key is made for it)
CLASSES = [
    (P.PartialDate, PartialDate, (2026,), False),
    (P.SourceTask, SourceTask, ("plan key", "task key"), False),
    (P.UpperPlan, UpperPlan, ("upper key",), False),
    (P.Task, Task, ("Rà soát",), True),
    (P.TextTable, TextTable, (), False),
    (P.TextItem, TextItem, (), False),
    (P.Appendix, Appendix, (), False),
    (P.Section, Section, ("I. MỤC ĐÍCH",), False),
    (P.Signature, Signature, (), False),
    (P.Plan, Plan, ("Triển khai Luật Trí tuệ nhân tạo",), True),
    (Timeframe, TimeframeWas, ("deadline",), False),
    (Unit, UnitWas, ("Công an xã",), False),
    (PlanSummary, PlanSummaryWas, (1, "05", "KH-UBND", None, "Kế hoạch", 3, "2026-03-20", None), False),
    (CatalogState, CatalogStateWas, ([], {}), False),
]
IDS = [cls.__name__ for cls, *_ in CLASSES]


def _values(obj) -> tuple:
    return tuple(getattr(obj, name) for name in obj.__slots__)


def _made(cls, required, keyed, **changes):
    return cls(*required, **({"key": KEY} if keyed else {}), **changes)


@pytest.mark.parametrize(("cls", "was", "required", "keyed"), CLASSES, ids=IDS)
def test_the_same_fields_in_the_same_order_with_the_same_defaults(cls, was, required, keyed):
    assert cls.__slots__ == tuple(f.name for f in dataclasses.fields(was))
    obj, reference = _made(cls, required, keyed), was(*required)
    assert _values(obj) == tuple(getattr(reference, f.name) for f in dataclasses.fields(was))
    assert not hasattr(obj, "__dict__")  # slots: no stray attribute set by mistake
    defaulted = cls.__slots__[len(required):]
    other = _made(cls, required, keyed)
    for name in defaulted:  # each object its own list or dict, as default_factory made them
        if isinstance(getattr(obj, name), list | dict):
            assert getattr(obj, name) is not getattr(other, name), name


@pytest.mark.parametrize(("cls", "was", "required", "keyed"), CLASSES, ids=IDS)
def test_equal_field_by_field_and_printed_like_the_dataclass(cls, was, required, keyed):
    obj, same = _made(cls, required, keyed), _made(cls, required, keyed)
    assert obj == same and not obj != same
    assert obj != was(*required)  # another class is never equal, as between dataclasses
    if len(required) < len(cls.__slots__):  # the first field with a default, changed
        name = cls.__slots__[len(required)]
        value = "khác" if isinstance(getattr(obj, name), str) else 7
        assert _made(cls, required, keyed, **{name: value}) != obj
    reference = was(*required)
    assert repr(obj) == repr(reference).replace(type(reference).__qualname__, cls.__qualname__, 1)
    copied = copy.deepcopy(obj)
    assert copied == obj


@pytest.mark.parametrize(("cls", "was", "required", "keyed"), CLASSES, ids=IDS)
def test_frozen_ones_refuse_assignment_and_hash_mutable_ones_do_not(cls, was, required, keyed):
    obj = _made(cls, required, keyed)
    frozen = was.__dataclass_params__.frozen
    name = cls.__slots__[0]
    if frozen and cls is not CatalogState:  # (it holds a list and a dict: never hashed)
        with pytest.raises(AttributeError):
            setattr(obj, name, getattr(obj, name))
        assert hash(obj) == hash(_made(cls, required, keyed))
        assert pickle.loads(pickle.dumps(obj)) == obj
    elif not frozen:
        with pytest.raises(TypeError):
            hash(obj)
        setattr(obj, name, getattr(obj, name))


def test_objects_built_by_position_are_those_built_by_keyword():
    by_position = P.Task("Rà soát", "1", ["Nội dung"], ["Công an xã"], ["Đoàn Thanh niên"], "Quý III/2026",
                         "Báo cáo", "Ghi chú", {"lead": "Chủ trì"}, ["UBND xã"], {"Kinh phí": "10"}, None, [], KEY, 4)
    assert by_position == P.Task(title="Rà soát", number="1", content=["Nội dung"], lead=["Công an xã"],
                                 coordinators=["Đoàn Thanh niên"], time="Quý III/2026", product="Báo cáo",
                                 notes="Ghi chú", labels={"lead": "Chủ trì"}, assignment=["UBND xã"],
                                 cells={"Kinh phí": "10"}, key=KEY, id=4)
    plan = P.Plan("Kế hoạch", key=KEY)
    assert plan.labels == P.DEFAULT_LABELS and plan.labels is not P.DEFAULT_LABELS
    assert len(P.Plan("Kế hoạch").key) == 32 != P.Plan("Kế hoạch").key  # a fresh random key each


def test_a_partial_date_is_checked_when_made_and_when_replaced():
    date = P.PartialDate(2026, 6, 16)
    assert date.replace(day=None) == P.PartialDate(2026, 6)
    with pytest.raises(InvalidInput, match="không tồn tại"):
        date.replace(month=2, day=30)
    with pytest.raises(InvalidInput, match="Năm 1800"):
        P.PartialDate(1800)
    with pytest.raises(TypeError):
        date.replace(week=3)
    source = P.SourceTask("p", "t", "3", "Rà soát", "117/KH-UBND")
    assert source.replace(role="lead") == P.SourceTask("p", "t", "3", "Rà soát", "117/KH-UBND", "lead")
    assert copy.deepcopy(date) is date  # immutable: shared by copies of the plan
