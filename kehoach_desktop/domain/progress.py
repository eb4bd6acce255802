"""Progress (tiến độ): what the units report per task, reporting periods, and task status.

Plain Python, no Qt and no SQL. A :class:`ProgressEntry` is one report of one unit
about one task; entries are only ever added (history is kept). The status of a
task is not stored: :func:`task_status` computes it from the task's timeframe,
its entries, a reference date ("today") and the day tracking starts.

What a clerk expects, and these rules follow:

* **Nothing is due before the plan.** Tracking starts on the plan's date
  (:func:`tracking_start`). A plan whose date is blank (a draft, or a text
  imported without its header) starts on the day it was entered in the app. A
  partial date ("ngày    tháng 6 năm 2026", "năm 2026") starts on the day it was
  entered when that falls inside the month (year) named, on the month's (year's)
  last day when it was entered later (the day could be the 30th: a cut-off of
  that month is not held against it), and on its first day when it was entered
  earlier (a draft dated ahead). A reporting cut-off on or before that day, or a
  deadline before it, never makes a task late: a task of a plan signed on
  02/12/2026 is not late for the 14/6/2026 cut-off, nor for "Quý II/2026".
* **Dated tasks** (``deadline``: "Quý III/2026", "31/12/2026"): *Hoàn thành* when
  reported done on or before the deadline, *Hoàn thành quá hạn* when done after
  it, *Quá hạn* when the deadline has passed without "Hoàn thành", otherwise
  *Đang thực hiện* (something reported) or *Chưa thực hiện*. A deadline that came
  before the plan is not held against the task (it is followed like a task without
  a date).
* **Recurring tasks** (``continuous``, ``yearly``, ``periodic``: "Thường xuyên",
  "Hằng năm", "Năm 2026 và các năm tiếp theo", "Định kỳ 6 tháng") never finish and
  have no deadline of their own: a report is due at each cut-off of Nghị định
  09/2019 (:func:`report_due_dates`: 14/6 and 14/12 for "Thường xuyên" and
  6-monthly tasks, 14/12 for yearly ones). When the last cut-off passed with no
  report in its period, the task is **Chưa báo cáo** (not reported: its own status,
  colour and count, never "Quá hạn"); a report sent late gives what it says
  (a "Hoàn thành" of such a task counts as *Đang thực hiện*: the work goes on).
  Otherwise the status is what was reported since that cut-off, or in its period.
* **Yearly deliverables** (``yearly_by``: "Trước ngày 15/12 hằng năm", "Tháng 6
  hằng năm") have a deadline of their own each year: past it without "Hoàn thành"
  in that year's window they are *Quá hạn*, done after it *Hoàn thành quá hạn*.
* **Tasks without a date** (``on_request`` "theo đề nghị của ...", ``follow_plan``
  "Cập nhật theo Kế hoạch ...", ``unknown``): never late; the latest report.

"Quá hạn" is thus only for a task past a deadline of its own; "Chưa báo cáo" only
for a recurring task whose report for a period that has ended is missing. Units
never report "Chưa báo cáo" (nor lateness): it is computed. The drop-downs of the
sheets offer the statuses of DOMAIN.md §5 only (:data:`LISTED_STATUSES`).

Reporting periods (Nghị định 09/2019/NĐ-CP, Điều 12): the 6-month report covers
15/12 of the previous year to 14/6; the annual report 15/12 to 14/12.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..errors import InvalidInput
from .plan import PartialDate, Plan, Task
from .text import fold
from .timeframe import Timeframe, _month_end
from .units import unit_key

# Status codes (stored) and their Vietnamese labels (shown, printed, typed in sheets).
NOT_STARTED, IN_PROGRESS, DONE, DONE_LATE, OVERDUE = "not_started", "in_progress", "done", "done_late", "overdue"
NOT_REPORTED = "not_reported"  # computed only: a recurring task whose report for an ended period is missing
# Every status a task can be in, in the order of the tables and the dashboard.
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, DONE_LATE, NOT_REPORTED, OVERDUE)
# The statuses of DOMAIN.md §5: what the drop-downs offer, and what an entry may hold.
LISTED_STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, DONE_LATE, OVERDUE)
STATUS_LABELS = {
    NOT_STARTED: "Chưa thực hiện",
    IN_PROGRESS: "Đang thực hiện",
    DONE: "Hoàn thành",
    DONE_LATE: "Hoàn thành quá hạn",
    NOT_REPORTED: "Chưa báo cáo",
    OVERDUE: "Quá hạn",
}
# What a unit may report about its own work (lateness is computed, not declared).
REPORTED_STATUSES = (NOT_STARTED, IN_PROGRESS, DONE)
_BY_FOLDED = {fold(STATUS_LABELS[code]): code for code in LISTED_STATUSES}
_BY_FOLDED.update({"da hoan thanh": DONE, "dang trien khai": IN_PROGRESS, "chua trien khai": NOT_STARTED,
                   "chua thuc hien": NOT_STARTED, "thuong xuyen": IN_PROGRESS})
# "Chưa báo cáo" typed where a status belongs says there is nothing to report: a blank status.
_NOTHING = ("chua bao cao", "chua co bao cao")


def status_from_text(text: str | None) -> str | None:
    """The status code for a label as typed ("Hoàn thành", "hoan thanh", "HOÀN THÀNH"); None if blank.

    Raises :class:`InvalidInput` for text that is not a status.
    """
    if text is None or not str(text).strip():
        return None
    folded = fold(str(text)).strip(" .")
    if folded in _NOTHING:
        return None
    if folded in _BY_FOLDED:
        return _BY_FOLDED[folded]
    if folded in LISTED_STATUSES:
        return folded
    raise InvalidInput(f"“{text}” không phải một tình trạng; hãy chọn một trong: "
                       + ", ".join(STATUS_LABELS[s] for s in REPORTED_STATUSES) + ".")


# --- reporting periods -----------------------------------------------------------------------

PERIOD_KINDS = ("6m", "year")


@dataclass(frozen=True)
class Period:
    """A reporting period of Nghị định 09/2019: ``6m`` (15/12 to 14/6) or ``year`` (15/12 to 14/12)."""

    kind: str
    year: int

    def __post_init__(self) -> None:
        if self.kind not in PERIOD_KINDS:
            raise InvalidInput(f"Kỳ báo cáo “{self.kind}” không hợp lệ; dùng 6m (6 tháng) hoặc year (năm).")
        if not 1900 <= self.year <= 2200:
            raise InvalidInput(f"Năm {self.year} không hợp lệ.")

    @classmethod
    def parse(cls, key: str) -> Period:
        """Read a key as written by :attr:`key`: ``2026-6m`` or ``2026-year``."""
        try:
            year, kind = str(key).strip().split("-", 1)
            return cls(kind, int(year))
        except ValueError:
            raise InvalidInput(f"Kỳ báo cáo “{key}” không hợp lệ.") from None

    @classmethod
    def containing(cls, day: dt.date, kind: str = "year") -> Period:
        """The period of ``kind`` whose cut-off window contains ``day``."""
        year = day.year + 1 if (day.month, day.day) >= (12, 15) else day.year
        if kind == "6m" and not (day.month, day.day) <= (6, 14) and year == day.year:
            return cls("year", year)  # after 14/6 only the annual report covers the day
        return cls(kind, year)

    @property
    def key(self) -> str:
        return f"{self.year}-{self.kind}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year - 1, 12, 15)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 6, 14) if self.kind == "6m" else dt.date(self.year, 12, 14)

    @property
    def label(self) -> str:
        """``6 tháng đầu năm 2026`` / ``năm 2026``."""
        return f"6 tháng đầu năm {self.year}" if self.kind == "6m" else f"năm {self.year}"

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def includes_key(self, key: str | None) -> bool:
        """Whether entries stamped with period ``key`` belong to this period (the year covers its 6 months)."""
        if not key:
            return False
        if key == self.key:
            return True
        return self.kind == "year" and key == f"{self.year}-6m"


# --- progress entries ------------------------------------------------------------------------

@dataclass
class ProgressEntry:
    """One report of one unit about one task (báo cáo tiến độ). Never edited once stored."""

    task_id: int
    date: dt.date  # ngày báo cáo
    status: str  # one of REPORTED_STATUSES (or any of LISTED_STATUSES when typed by the office)
    unit: str = ""  # đơn vị báo cáo (catalog spelling)
    period: str | None = None  # Period.key when the entry answers a period's sheet
    done: str = ""  # nội dung đã thực hiện
    result: str = ""  # kết quả
    percent: float | None = None  # tỷ lệ hoàn thành, 0-100
    difficulties: str = ""  # khó khăn, vướng mắc
    proposals: str = ""  # đề xuất, kiến nghị
    evidence: str = ""  # văn bản, minh chứng (số văn bản, đường dẫn tệp)
    source: str = "manual"  # "manual", or "sheet:<file name>"
    fingerprint: str | None = None  # set by sheet imports: the same answer is never added twice
    created_at: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        if self.status not in LISTED_STATUSES:  # "Chưa báo cáo" is never reported: it is computed
            raise InvalidInput(f"Tình trạng “{self.status}” không hợp lệ.")
        if self.percent is not None and not 0 <= self.percent <= 100:
            raise InvalidInput(f"Tỷ lệ hoàn thành {self.percent:g}% không hợp lệ (phải từ 0 đến 100).")

    @property
    def is_done(self) -> bool:
        return self.status in (DONE, DONE_LATE)

    def summary(self) -> str:
        """One sentence for the Kết quả column and the report: done work, result and %."""
        parts = [p.strip().rstrip(".;") for p in (self.done, self.result) if p and p.strip()]
        text = "; ".join(parts)
        if self.percent is not None:
            text = f"{text} ({self.percent:g}%)" if text else f"Đạt {self.percent:g}%"
        return text


def _order(entries: Iterable[ProgressEntry]) -> list[ProgressEntry]:
    return sorted(entries, key=lambda e: (e.date, e.created_at, e.id or 0))


# --- status rules --------------------------------------------------------------------------

def report_due_dates(tf: Timeframe, year: int) -> list[dt.date]:
    """Dates in ``year`` by which a report (or the work) is due for a task with timeframe ``tf``."""
    if (tf.start_year and year < tf.start_year) or (tf.end_year and year > tf.end_year):
        return []
    if tf.kind == "deadline":
        return tf.due_dates(year)
    if tf.kind == "yearly_by":
        return tf.due_dates(year)  # the plan's own date: "trước ngày 15/12 hằng năm"
    if tf.kind == "continuous" or (tf.kind == "periodic" and (tf.interval_months or 12) <= 6):
        dates = [Period("6m", year).end, Period("year", year).end]
    elif tf.kind in ("yearly", "periodic"):
        dates = [Period("year", year).end]
    else:
        return []
    start = tf.start  # "từ tháng 10/2026": nothing is due at the June cut-off before the work begins
    return [d for d in dates if start is None or d >= start]


def _dues_between(tf: Timeframe, first: dt.date, last: dt.date) -> list[dt.date]:
    dates: list[dt.date] = []
    for year in range(first.year, last.year + 1):
        dates.extend(d for d in report_due_dates(tf, year) if first <= d <= last)
    return sorted(dates)


def task_status(tf: Timeframe, entries: Sequence[ProgressEntry], today: dt.date,
                since: dt.date | None = None) -> str:
    """The status code of a task on ``today`` (see the module docstring for the rules).

    ``entries`` are the task's progress entries (those dated after ``today`` are
    ignored); ``since`` is the day tracking starts (:func:`tracking_start`): no
    cut-off on or before it and no deadline before it counts against the task.
    Without it, a task is followed from the start of the current reporting year.
    """
    entries = _order(e for e in entries if e.date <= today)
    if tf.kind == "deadline" and tf.deadline and not (since and tf.deadline < since):
        done = next((e for e in entries if e.is_done), None)
        if done is not None:
            return DONE if done.date <= tf.deadline and done.status != DONE_LATE else DONE_LATE
        if today > tf.deadline:
            return OVERDUE
        return _reported(entries[-1].status) if entries else NOT_STARTED
    if tf.recurring:
        # "Trước ngày 15/12 hằng năm" is a deliverable due each year; the others never finish.
        deliverable = tf.kind == "yearly_by"

        def reported(e: ProgressEntry) -> str:
            code = _reported(e.status)
            return IN_PROGRESS if not deliverable and code in (DONE, DONE_LATE) else code

        start = since or Period.containing(today).start
        dues = _dues_between(tf, start + dt.timedelta(days=1), today - dt.timedelta(days=1))
        if not dues:
            return reported(entries[-1]) if entries else NOT_STARTED
        last_due = dues[-1]
        window_start = dues[-2] if len(dues) > 1 else (since or dt.date.min)
        last_window = [e for e in entries if window_start < e.date <= last_due]
        current = [e for e in entries if e.date > last_due]
        if deliverable:  # past this year's own deadline: done in time, done late, or late
            if any(e.is_done for e in last_window):
                return DONE
            return DONE_LATE if any(e.is_done for e in current) else OVERDUE
        if not last_window:  # the period ended without a report: missing, whatever came later says
            return reported(current[-1]) if current else NOT_REPORTED
        return reported((current or last_window)[-1])
    return _reported(entries[-1].status) if entries else NOT_STARTED


def _reported(status: str) -> str:
    return status if status != OVERDUE else IN_PROGRESS


def next_due(tf: Timeframe, entries: Sequence[ProgressEntry], today: dt.date) -> dt.date | None:
    """The next date (today or later) by which something is due; None when nothing is (done, or undated)."""
    if tf.kind == "deadline":
        if not tf.deadline or any(e.is_done for e in entries) or tf.deadline < today:
            return None
        return tf.deadline
    dues = _dues_between(tf, today, dt.date(today.year + 1, 12, 31))
    return dues[0] if dues else None


@dataclass
class StatusCounts:
    """How many tasks are in each status (the table of the Báo cáo and the dashboard)."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))

    def add(self, status: str) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def rows(self) -> list[tuple[str, int]]:
        return [(STATUS_LABELS[s], self.counts.get(s, 0)) for s in STATUSES]


def latest_by_unit(entries: Iterable[ProgressEntry]) -> list[ProgressEntry]:
    """The latest entry of each reporting unit, in order of first report."""
    latest: dict[str, ProgressEntry] = {}
    for entry in _order(entries):
        latest.pop(entry.unit, None)
        latest[entry.unit] = entry
    return sorted(latest.values(), key=lambda e: (e.date, e.created_at, e.id or 0))


# --- a whole plan ----------------------------------------------------------------------------

def is_tracked(task: Task) -> bool:
    """Whether a task is followed on its own: not a mere heading that groups sub-tasks."""
    return not task.children or bool(task.lead or task.coordinators or task.time.strip())


def tracking_start(date: PartialDate | None, created: dt.date | None = None) -> dt.date | None:
    """The day tracking of a plan starts: its date, or the day it was ``created`` in the app.

    A blank date starts on ``created``; a partial one ("tháng 6 năm 2026", "năm
    2026") on ``created`` clamped into the month (year) it names: a plan entered
    after that month counts from its last day, one entered before it from its
    first day. None when neither is known.
    """
    if date is None:
        return created
    if date.month and date.day:
        return dt.date(date.year, date.month, date.day)
    first = dt.date(date.year, date.month or 1, 1)
    last = _month_end(date.year, date.month) if date.month else dt.date(date.year, 12, 31)
    if created is None:
        return first
    return min(max(created, first), last)


def plan_since(plan: Plan, created: dt.date | None = None) -> dt.date | None:
    """The day tracking of ``plan`` starts (see :func:`tracking_start`)."""
    return tracking_start(plan.date, created)


@dataclass
class TaskProgress:
    """A task with what the tracker knows of it on a given day."""

    task: Task
    depth: int
    status: str
    entries: list[ProgressEntry]
    next_due: dt.date | None

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


def track(plan: Plan, entries_by_task: dict[int, list[ProgressEntry]], today: dt.date,
          created: dt.date | None = None) -> list[TaskProgress]:
    """Every tracked task of ``plan`` in document order, with its status on ``today``.

    ``created`` is the day the plan was entered in the app (``store.progress.created_on``): tracking of a
    plan without a full date starts from it (:func:`tracking_start`).
    """
    since = plan_since(plan, created)
    rows = []
    understood: dict[str, Timeframe] = {}  # a plan repeats a handful of timeframe texts
    for task, depth in plan.walk_tasks():
        if not is_tracked(task):
            continue
        entries = [e for e in entries_by_task.get(task.id or -1, []) if e.date <= today]
        tf = understood.get(task.time)
        if tf is None:
            tf = understood[task.time] = task.timeframe
        # The lead unit answers for the task; coordinators' reports count only when it has said nothing,
        # and then a coordinator that finished its part makes the task under way, not done.
        leading = entries
        if entries:
            lead = {unit_key(name) for name in task.lead}
            leading = [e for e in entries if unit_key(e.unit) in lead] or [
                dataclasses.replace(e, status=IN_PROGRESS) if lead and e.is_done and e.unit else e for e in entries]
        rows.append(TaskProgress(task, depth, task_status(tf, leading, today, since), entries,
                                 next_due(tf, leading, today)))
    return rows


def count_statuses(rows: Iterable[TaskProgress]) -> StatusCounts:
    counts = StatusCounts()
    for row in rows:
        counts.add(row.status)
    return counts


def counts_by_unit(rows: Iterable[TaskProgress], catalog_names: Callable[[list[str]], list[str]] | None = None,
                   ) -> dict[str, StatusCounts]:
    """Status counts per lead unit (a task led by two units counts for both), units in order of appearance."""
    result: dict[str, StatusCounts] = {}
    for row in rows:
        names = row.task.lead or ["(Chưa giao đơn vị)"]
        for name in catalog_names(names) if catalog_names else names:
            result.setdefault(name, StatusCounts()).add(row.status)
    return result
