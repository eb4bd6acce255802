"""Timeframes (thời gian thực hiện): kept verbatim, and understood for the tracker.

The text a plan prints is never rewritten. :func:`parse_timeframe` reads it into a
:class:`Timeframe` whose ``kind`` tells the tracker when the task is due:

=================  ==============================================================
kind               examples
=================  ==============================================================
``continuous``     Thường xuyên; Từ tháng 10/2026; Giai đoạn 2026 - 2030
``yearly``         Hằng năm; (Từ) năm 2026 và các năm tiếp theo
``periodic``       Định kỳ 6 tháng, hằng năm và đột xuất khi có yêu cầu; Định kỳ hằng năm;
                   Hằng tháng; Hằng quý
``yearly_by``      Trước ngày 15/12 hằng năm
``deadline``       31/12/2026; Quý III/2026; Tháng 6/2026; Năm 2026; Trước ngày 30/6/2026;
                   Tháng 10 - 11/2026; Từ ngày 01/11/2026 đến ngày 10/11/2026;
                   6 tháng đầu năm 2026; Năm học 2026 - 2027
``on_request``     Thực hiện khi có yêu cầu của cấp trên; theo đề nghị của cơ quan có thẩm quyền;
                   Khi có thiên tai xảy ra; Khi có sự cố
``follow_plan``    Cập nhật theo Kế hoạch của UBND thành phố hoặc theo yêu cầu thực tiễn
``unknown``        anything else (still printed as typed)
=================  ==============================================================

How the less obvious phrases are read:

* A **span** is due at its end: "Tháng 10 - 11/2026" and "Từ tháng 9 đến tháng
  12/2026" on the last day of the last month; "Từ ngày 01/11/2026 đến ngày
  10/11/2026" and "từ 15/9 đến 15/10/2026" on the end date; "... đến hết năm
  2026" on 31/12/2026. "6 tháng đầu năm 2026" ends on 30/6/2026, "6 tháng cuối
  năm 2026" on 31/12/2026.
* A **start** alone is not a deadline: "Từ tháng 10/2026" (or "Từ ngày
  01/11/2026") is ``continuous`` with ``start_year`` and ``start_month``, as
  "Từ năm 2026 và các năm tiếp theo" is ``yearly`` with ``start_year``.
* "Giai đoạn 2026 - 2030" (or "Từ năm 2026 đến năm 2030") is ``continuous``
  from ``start_year`` 2026 to ``end_year`` 2030: work carried on all along the
  period and reported at every cut-off, as "Thường xuyên", not a single
  deliverable due at the end of 2030.
* "Năm học 2026 - 2027" is due on **31/5/2027**: the Ministry of Education's
  yearly framework (khung kế hoạch thời gian năm học) ends the school year by
  31 May; June belongs to exams and the summer, not to the school year's work.
* "Hằng tháng" / "Hàng tháng" is ``periodic`` every 1 month, "Hằng quý" every 3
  months, with or without "Định kỳ"; when a phrase names several periods
  ("định kỳ 6 tháng, hằng năm") the shortest one counts.
* A text beginning with "Khi ..." ("Khi có thiên tai xảy ra", "Khi có sự cố")
  waits for an event: ``on_request``.

``start_month`` and ``end_year`` are honoured by :meth:`Timeframe.due_dates` and
shown by :meth:`Timeframe.describe`; :attr:`Timeframe.start` is the first day
from which anything can be due. (``progress.report_due_dates`` checks only
``start_year`` so far: the cut-offs of a "Thường xuyên" task still count from
January of its start year and go on after its end year.)
"""

from __future__ import annotations

import datetime as dt
import re

from .record import FrozenRecord
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


class Timeframe(FrozenRecord):
    """What the tracker understood of a timeframe text.

    ``start_year``: "từ năm 2026 ..."; ``interval_months``: periodic, 6 or 12; ``deadline``: the last day
    allowed; ``day`` and ``month``: yearly_by, the yearly deadline; ``on_request``: "... và đột xuất khi
    có yêu cầu"; ``start_month``: "từ tháng 10/2026", with start_year the first month of the work;
    ``end_year``: "giai đoạn 2026 - 2030", the last year of the work.
    """

    __slots__ = ("kind", "start_year", "interval_months", "deadline", "day", "month", "on_request",
                 "start_month", "end_year")
    kind: str
    start_year: int | None
    interval_months: int | None
    deadline: dt.date | None
    day: int | None
    month: int | None
    on_request: bool
    start_month: int | None
    end_year: int | None

    def __init__(self, kind: str, start_year: int | None = None, interval_months: int | None = None,
                 deadline: dt.date | None = None, day: int | None = None, month: int | None = None,
                 on_request: bool = False, start_month: int | None = None, end_year: int | None = None) -> None:
        self._set(kind, start_year, interval_months, deadline, day, month, on_request, start_month, end_year)

    @property
    def start(self) -> dt.date | None:
        """The first day from which something can be due (None when the text names no start)."""
        if not self.start_year:
            return None
        return dt.date(self.start_year, self.start_month or 1, 1)

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
            return f"{label}, {self._from_to()}"
        if self.kind == "continuous" and self.start_year and (self.start_month or self.end_year):
            return f"{label}, {self._from_to()}"
        return label

    def _from_to(self) -> str:
        """"từ tháng 10/2026", "từ năm 2026", "từ năm 2026 đến năm 2030"."""
        if self.start_month:
            text = f"từ tháng {self.start_month:02d}/{self.start_year}"
        else:
            text = f"từ năm {self.start_year}"
        return f"{text} đến năm {self.end_year}" if self.end_year else text

    def due_dates(self, year: int) -> list[dt.date]:
        """Dates in ``year`` by which something is due for this task (empty when none is set)."""
        if self.kind == "deadline" and self.deadline and self.deadline.year == year:
            return [self.deadline]
        if (self.start_year and year < self.start_year) or (self.end_year and year > self.end_year):
            return []
        dates: list[dt.date] = []
        if self.kind == "yearly_by" and self.day and self.month:
            dates = [_safe_date(year, self.month, self.day)]
        elif self.kind == "periodic" and self.interval_months:
            months = range(self.interval_months, 13, self.interval_months)
            dates = [_month_end(year, m) for m in months]
        elif self.kind == "yearly":
            dates = [dt.date(year, 12, 31)]
        start = self.start
        return [d for d in dates if not start or d >= start]


def _safe_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, _month_end(year, month).day))


def _month_end(year: int, month: int) -> dt.date:
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


_YEAR = r"(20\d\d|19\d\d)"
_MONTHLY = ("hang thang", "moi thang")
_COMPILED = False
_DATE: re.Pattern[str]
_DATE_WORDS: re.Pattern[str]
_DAY_MONTH: re.Pattern[str]
_QUARTER: re.Pattern[str]
_MONTH: re.Pattern[str]
_START_YEAR: re.Pattern[str]
_EVERY_N_MONTHS: re.Pattern[str]
_FROM_MONTH: re.Pattern[str]
_YEARS: re.Pattern[str]
_SCHOOL_YEAR: re.Pattern[str]
_MONTH_SPAN: re.Pattern[str]
_DATE_SPAN: re.Pattern[str]
_UNTIL: re.Pattern[str]
_DATED_UNTIL: re.Pattern[str]
_UNTIL_MONTH: re.Pattern[str]
_UNTIL_YEAR: re.Pattern[str]
_PART_OF_YEAR: re.Pattern[str]
_WHEN: re.Pattern[str]
_MONTH_EACH_YEAR: re.Pattern[str]
_EVERY_N: re.Pattern[str]
_AFTER_GUIDANCE: re.Pattern[str]
_END_OF_YEAR: re.Pattern[str]
_QUARTERS: re.Pattern[str]


def _compile_patterns() -> None:
    """Compile the patterns on the first parse: importing this module, which the window does before it
    appears, compiles none of them (that took about 4 ms of each start)."""
    global _COMPILED, _DATE, _DATE_WORDS, _DAY_MONTH, _QUARTER, _MONTH, _START_YEAR, _EVERY_N_MONTHS
    global _FROM_MONTH, _YEARS, _SCHOOL_YEAR, _MONTH_SPAN, _DATE_SPAN, _UNTIL, _DATED_UNTIL, _UNTIL_MONTH
    global _UNTIL_YEAR, _PART_OF_YEAR, _WHEN, _MONTH_EACH_YEAR, _EVERY_N, _AFTER_GUIDANCE, _END_OF_YEAR
    global _QUARTERS
    _DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*" + _YEAR)
    _DATE_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*" + _YEAR)
    _DAY_MONTH = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})(?!\s*/\s*\d)")
    _QUARTER = re.compile(r"quy\s*(iv|iii|ii|i|[1-4])\s*(?:/|nam)\s*" + _YEAR)
    _MONTH = re.compile(r"thang\s*(\d{1,2})\s*(?:/|nam)\s*" + _YEAR)
    _START_YEAR = re.compile(r"(?:tu\s+)?nam\s*" + _YEAR)
    _EVERY_N_MONTHS = re.compile(r"(\d{1,2})\s*thang")
    # "từ tháng 10/2026", "từ tháng 10 năm 2026", "từ ngày 01/11/2026", "từ ngày 01 tháng 11 năm 2026"
    _FROM_MONTH = re.compile(r"\btu\s+(?:ngay\s*\d{1,2}\s*(?:[/.-]|thang)\s*|thang\s*)"
                             r"(\d{1,2})\s*(?:[/.-]|nam)\s*" + _YEAR)
    # "giai đoạn 2026 - 2030", "từ năm 2026 đến năm 2030"
    _YEARS = re.compile(r"(?:giai doan|nam)\s*" + _YEAR + r"\s*(?:-|den)\s*(?:het\s+)?(?:nam\s*)?" + _YEAR)
    _SCHOOL_YEAR = re.compile(r"nam hoc\s*" + _YEAR + r"\s*[-/]\s*" + _YEAR)
    # "tháng 10 - 11/2026", "tháng 10-12/2026", "tháng 11/2026 - 02/2027"
    _MONTH_SPAN = re.compile(r"thang\s*\d{1,2}(?:\s*/\s*" + _YEAR + r")?"
                             r"\s*-\s*(?:thang\s*)?(\d{1,2})\s*(?:/|nam)\s*" + _YEAR)
    # "01/11/2026 - 10/11/2026", "15/9 - 15/10/2026"
    _DATE_SPAN = re.compile(r"\d{1,2}\s*[/.]\s*\d{1,2}(?:\s*[/.]\s*" + _YEAR + r")?\s*-\s*" + _DATE.pattern)
    _UNTIL = re.compile(r"\bden\b")  # "từ ... đến <end>"
    _DATED_UNTIL = re.compile(r"\bden\b.*\d")  # an end that names a date ("đến khi hoàn thành" does not)
    _UNTIL_MONTH = re.compile(r"^\s*(?:het\s+)?(\d{1,2})\s*/\s*" + _YEAR)  # "đến 12/2026"
    _UNTIL_YEAR = re.compile(r"^\s*(?:het\s+)?(?:nam\s*)?" + _YEAR)  # "đến hết năm 2026"
    _PART_OF_YEAR = re.compile(r"(\d{1,2})\s*thang\s*(dau|cuoi)\s*(?:nam\s*)?" + _YEAR)  # "6 tháng đầu năm 2026"
    _WHEN = re.compile(r"^(?:(?:thuc hien|trien khai|ngay|kip thoi)\s+)*khi\b")  # "khi có thiên tai xảy ra"
    _MONTH_EACH_YEAR = re.compile(r"^thang\s*(\d{1,2})\s*(?:hang|moi)\s*nam\b")
    _EVERY_N = re.compile(r"\b\d{1,2}\s*thang\s*(?:mot|1)\s*lan\b")  # "6 tháng một lần"
    _AFTER_GUIDANCE = re.compile(r"^sau khi (?:co )?(?:huong dan|van ban|chi dao|ke hoach)")
    _END_OF_YEAR = re.compile(r"\bcuoi\s+nam\s*" + _YEAR)
    _QUARTERS = re.compile(r"quy\s*((?:(?:iv|iii|ii|i|[1-4])\s*(?:,|va|-)?\s*)+)(?:/|nam)\s*" + _YEAR)
    _COMPILED = True
_QUARTERLY = ("hang quy", "moi quy")


def parse_timeframe(text: str | None) -> Timeframe:
    """Understand a timeframe written as in real plans (see the module docstring)."""
    if not text or not text.strip():
        return Timeframe("unknown")
    if not _COMPILED:
        _compile_patterns()
    f = fold(text)
    on_request = "khi co yeu cau" in f or "dot xuat" in f
    yearly_words = "hang nam" in f or "moi nam" in f or "cac nam tiep theo" in f
    start = _START_YEAR.search(f)
    start_year = int(start.group(1)) if start else None
    start_month = end_year = None
    years, from_month = _YEARS.search(f), _FROM_MONTH.search(f)
    if years and int(years.group(1)) <= int(years.group(2)):
        start_year, end_year = int(years.group(1)), int(years.group(2))
    elif from_month and 1 <= int(from_month.group(1)) <= 12:
        start_month, start_year = int(from_month.group(1)), int(from_month.group(2))
    span = {"start_year": start_year, "start_month": start_month, "end_year": end_year,
            "on_request": on_request}

    if f.startswith(("truoc ngay", "cham nhat", "truoc ")):
        full = _DATE.search(f) or _DATE_WORDS.search(f)
        if full:
            return _deadline(int(full.group(3)), int(full.group(2)), int(full.group(1)), on_request)
        dm = _DAY_MONTH.search(f)
        if dm and (yearly_words or not re.search(r"\d{4}", f)):  # "Trước 31/12": a date without a year, each year
            day, month = int(dm.group(1)), int(dm.group(2))
            if 1 <= month <= 12 and 1 <= day <= 31:
                return Timeframe("yearly_by", day=day, month=month, **span)
    month_yearly = _MONTH_EACH_YEAR.search(f)
    if month_yearly and 1 <= int(month_yearly.group(1)) <= 12:  # "Tháng 6 hằng năm": by the end of June each year
        month = int(month_yearly.group(1))
        return Timeframe("yearly_by", day=_month_end(2001, month).day, month=month, **span)
    if f.startswith("thuong xuyen") or f == "lien tuc" or f.startswith(("hang tuan", "hang ngay", "moi tuan")):
        return Timeframe("continuous", **span)
    if "thang cuoi quy" in f:  # "trước ngày 20 của tháng cuối quý": every quarter
        return Timeframe("periodic", interval_months=3, **span)
    if "dinh ky" in f or any(w in f for w in _MONTHLY + _QUARTERLY) or _EVERY_N.search(f):
        interval = _interval(f)
        if interval:
            return Timeframe("periodic", interval_months=interval, **span)
    if yearly_words:
        return Timeframe("yearly", **span)
    if "theo ke hoach" in f or f.startswith("cap nhat theo") or "theo chi dao" in f or _AFTER_GUIDANCE.search(f):
        return Timeframe("follow_plan", on_request=on_request)
    if on_request or "theo de nghi" in f or "theo yeu cau" in f or _WHEN.search(f):
        return Timeframe("on_request", on_request=True)
    school = _SCHOOL_YEAR.findall(f)
    if school:
        return Timeframe("deadline", deadline=dt.date(int(school[-1][1]), 5, 31), on_request=on_request)
    if end_year:
        return Timeframe("continuous", **span)
    end = _span_end(f)
    if end:
        return Timeframe("deadline", deadline=end, on_request=on_request)
    if start_month and f.startswith("tu ") and not _DATED_UNTIL.search(f):
        return Timeframe("continuous", **span)
    late = _END_OF_YEAR.search(f)
    if late:  # "cuối năm 2026"
        return Timeframe("deadline", deadline=dt.date(int(late.group(1)), 12, 31), on_request=on_request)
    part = _PART_OF_YEAR.search(f)
    if part and 1 <= int(part.group(1)) <= 12:
        month = int(part.group(1)) if part.group(2) == "dau" else 12
        return Timeframe("deadline", deadline=_month_end(int(part.group(3)), month), on_request=on_request)
    for pattern in (_DATE, _DATE_WORDS):
        m = pattern.search(f)
        if m:
            return _deadline(int(m.group(3)), int(m.group(2)), int(m.group(1)), on_request)
    # several quarters or months named ("Quý I, II/2026"; "đợt 1: tháng 4/2026; đợt 2: tháng 10/2026"): the last
    q = _QUARTERS.search(f)
    if q:
        quarter, year = max(_ROMAN[n] for n in re.findall(r"iv|iii|ii|i|[1-4]", q.group(1))), int(q.group(2))
        return Timeframe("deadline", deadline=_month_end(year, quarter * 3), on_request=on_request)
    months = [(int(y), int(m)) for m, y in _MONTH.findall(f) if 1 <= int(m) <= 12]
    if months:
        year, month = max(months)
        return Timeframe("deadline", deadline=_month_end(year, month), on_request=on_request)
    if start and re.fullmatch(r"(?:trong\s+)?nam\s*" + _YEAR, f.strip(" .")):
        return Timeframe("deadline", deadline=dt.date(start_year, 12, 31), on_request=on_request)  # type: ignore[arg-type]
    return Timeframe("unknown", start_year=start_year, on_request=on_request)


def _interval(f: str) -> int | None:
    """Months between two reports: the shortest period named ("định kỳ 6 tháng, hằng năm" is 6); 12 if none.

    None when the only periods named are not 1, 3, 6 or 12 months ("định kỳ 2 tháng").
    """
    named = [int(n) for n in _EVERY_N_MONTHS.findall(f)]
    named += [1] * any(w in f for w in _MONTHLY) + [3] * any(w in f for w in _QUARTERLY)
    if not named:
        return 12
    return min((n for n in named if n in (1, 3, 6, 12)), default=None)


def _span_end(f: str) -> dt.date | None:
    """The last day of a span: "tháng 10 - 11/2026", "01/11 - 10/11/2026", "từ ... đến <end>"."""
    m = _DATE_SPAN.search(f)
    if m:
        return _valid_date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
    m = _MONTH_SPAN.search(f)
    if m and 1 <= int(m.group(2)) <= 12:
        return _month_end(int(m.group(3)), int(m.group(2)))
    parts = _UNTIL.split(f)
    return _period_end(parts[-1]) if len(parts) > 1 else None


def _period_end(text: str) -> dt.date | None:
    """The last day of what ``text`` (what follows "đến") names: a date, a quarter, a month or a year."""
    for pattern in (_DATE, _DATE_WORDS):
        m = pattern.search(text)
        if m:
            return _valid_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    q = _QUARTER.search(text)
    if q:
        return _month_end(int(q.group(2)), _ROMAN[q.group(1)] * 3)
    m = _MONTH.search(text) or _UNTIL_MONTH.search(text)
    if m and 1 <= int(m.group(1)) <= 12:
        return _month_end(int(m.group(2)), int(m.group(1)))
    y = _UNTIL_YEAR.search(text)
    return dt.date(int(y.group(1)), 12, 31) if y else None


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _deadline(year: int, month: int, day: int, on_request: bool) -> Timeframe:
    try:
        return Timeframe("deadline", deadline=dt.date(year, month, day), on_request=on_request)
    except ValueError:
        return Timeframe("unknown", on_request=on_request)
