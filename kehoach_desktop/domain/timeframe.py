"""Timeframes (thời gian thực hiện): kept verbatim, and understood for the tracker.

The text a plan prints is never rewritten. :func:`parse_timeframe` reads it into a
:class:`Timeframe` whose ``kind`` tells the tracker when the task is due:

=================  ==============================================================
kind               examples
=================  ==============================================================
``continuous``     Thường xuyên
``yearly``         Hằng năm; Định kỳ hằng năm; (Từ) năm 2026 và các năm tiếp theo
``periodic``       Định kỳ 6 tháng, hằng năm và đột xuất khi có yêu cầu
``yearly_by``      Trước ngày 15/12 hằng năm
``deadline``       31/12/2026; Quý III/2026; Tháng 6/2026; Năm 2026; Trước ngày 30/6/2026
``on_request``     Thực hiện khi có yêu cầu của cấp trên; theo đề nghị của cơ quan có thẩm quyền
``follow_plan``    Cập nhật theo Kế hoạch của UBND thành phố hoặc theo yêu cầu thực tiễn
``unknown``        anything else (still printed as typed)
=================  ==============================================================
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .text import fold

KINDS = ("continuous", "yearly", "periodic", "yearly_by", "deadline", "on_request", "follow_plan", "unknown")

KIND_LABELS = {  # Vietnamese names shown to users
    "continuous": "Thường xuyên",
    "yearly": "Hằng năm",
    "periodic": "Định kỳ",
    "yearly_by": "Trước một ngày hằng năm",
    "deadline": "Có thời hạn",
    "on_request": "Khi có yêu cầu",
    "follow_plan": "Theo kế hoạch cấp trên",
    "unknown": "Chưa xác định",
}

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Timeframe:
    """What the tracker understood of a timeframe text."""

    kind: str
    start_year: int | None = None  # "từ năm 2026 ..."
    interval_months: int | None = None  # periodic: 6 or 12
    deadline: dt.date | None = None  # deadline: the last day allowed
    day: int | None = None  # yearly_by: day and month of the yearly deadline
    month: int | None = None
    on_request: bool = False  # "... và đột xuất khi có yêu cầu"

    @property
    def recurring(self) -> bool:
        """Never "done": due a report every period (thường xuyên, hằng năm, định kỳ)."""
        return self.kind in ("continuous", "yearly", "periodic", "yearly_by")

    def describe(self) -> str:
        """A short Vietnamese sentence saying what was understood (shown in the task form)."""
        label = KIND_LABELS[self.kind]
        if self.kind == "deadline" and self.deadline:
            return f"{label}: hạn {self.deadline:%d/%m/%Y}"
        if self.kind == "yearly_by" and self.day and self.month:
            return f"{label}: trước ngày {self.day:02d}/{self.month:02d} mỗi năm"
        if self.kind == "periodic" and self.interval_months:
            return f"{label} {self.interval_months} tháng"
        if self.kind == "yearly" and self.start_year:
            return f"{label}, từ năm {self.start_year}"
        return label

    def due_dates(self, year: int) -> list[dt.date]:
        """Dates in ``year`` by which something is due for this task (empty when none is set)."""
        if self.kind == "deadline" and self.deadline and self.deadline.year == year:
            return [self.deadline]
        if self.kind == "yearly_by" and self.day and self.month:
            if self.start_year and year < self.start_year:
                return []
            return [_safe_date(year, self.month, self.day)]
        if self.kind == "periodic" and self.interval_months:
            if self.start_year and year < self.start_year:
                return []
            months = range(self.interval_months, 13, self.interval_months)
            return [_month_end(year, m) for m in months]
        if self.kind == "yearly":
            if self.start_year and year < self.start_year:
                return []
            return [dt.date(year, 12, 31)]
        return []


def _safe_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, _month_end(year, month).day))


def _month_end(year: int, month: int) -> dt.date:
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


_YEAR = r"(20\d\d|19\d\d)"
_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*" + _YEAR)
_DATE_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*" + _YEAR)
_DAY_MONTH = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})(?!\s*/\s*\d)")
_QUARTER = re.compile(r"quy\s*(iv|iii|ii|i|[1-4])\s*(?:/|nam)\s*" + _YEAR)
_MONTH = re.compile(r"thang\s*(\d{1,2})\s*(?:/|nam)\s*" + _YEAR)
_START_YEAR = re.compile(r"(?:tu\s+)?nam\s*" + _YEAR)
_EVERY_N_MONTHS = re.compile(r"(\d{1,2})\s*thang")


def parse_timeframe(text: str | None) -> Timeframe:
    """Understand a timeframe written as in real plans (see the module docstring)."""
    if not text or not text.strip():
        return Timeframe("unknown")
    f = fold(text)
    on_request = "khi co yeu cau" in f or "dot xuat" in f
    yearly_words = "hang nam" in f or "moi nam" in f or "cac nam tiep theo" in f
    start = _START_YEAR.search(f)
    start_year = int(start.group(1)) if start else None

    if f.startswith("truoc ngay") or f.startswith("cham nhat"):
        full = _DATE.search(f) or _DATE_WORDS.search(f)
        if full:
            return _deadline(int(full.group(3)), int(full.group(2)), int(full.group(1)), on_request)
        dm = _DAY_MONTH.search(f)
        if dm and yearly_words:
            day, month = int(dm.group(1)), int(dm.group(2))
            if 1 <= month <= 12 and 1 <= day <= 31:
                return Timeframe("yearly_by", start_year=start_year, day=day, month=month, on_request=on_request)
    if f.startswith("thuong xuyen") or f == "lien tuc":
        return Timeframe("continuous", start_year=start_year, on_request=on_request)
    if "dinh ky" in f:
        months = _EVERY_N_MONTHS.search(f)
        interval = int(months.group(1)) if months else 12
        if interval in (1, 3, 6, 12):
            return Timeframe("periodic", start_year=start_year, interval_months=interval, on_request=on_request)
    if yearly_words:
        return Timeframe("yearly", start_year=start_year, on_request=on_request)
    if "theo ke hoach" in f or f.startswith("cap nhat theo") or "theo chi dao" in f:
        return Timeframe("follow_plan", on_request=on_request)
    if on_request or "theo de nghi" in f or "theo yeu cau" in f:
        return Timeframe("on_request", on_request=True)
    for pattern in (_DATE, _DATE_WORDS):
        m = pattern.search(f)
        if m:
            return _deadline(int(m.group(3)), int(m.group(2)), int(m.group(1)), on_request)
    q = _QUARTER.search(f)
    if q:
        quarter, year = _ROMAN[q.group(1)], int(q.group(2))
        return Timeframe("deadline", deadline=_month_end(year, quarter * 3), on_request=on_request)
    m = _MONTH.search(f)
    if m and 1 <= int(m.group(1)) <= 12:
        return Timeframe("deadline", deadline=_month_end(int(m.group(2)), int(m.group(1))), on_request=on_request)
    if start and re.fullmatch(r"(?:trong\s+)?nam\s*" + _YEAR, f.strip(" .")):
        return Timeframe("deadline", deadline=dt.date(start_year, 12, 31), on_request=on_request)  # type: ignore[arg-type]
    return Timeframe("unknown", start_year=start_year, on_request=on_request)


def _deadline(year: int, month: int, day: int, on_request: bool) -> Timeframe:
    try:
        return Timeframe("deadline", deadline=dt.date(year, month, day), on_request=on_request)
    except ValueError:
        return Timeframe("unknown", on_request=on_request)
