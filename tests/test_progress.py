"""Progress entries, reporting periods (Nghị định 09/2019) and the status rules, with timeframes of the samples."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach_desktop.domain.plan import PartialDate
from kehoach_desktop.domain.progress import (
    DONE,
    DONE_LATE,
    IN_PROGRESS,
    LISTED_STATUSES,
    NOT_REPORTED,
    NOT_STARTED,
    OVERDUE,
    STATUS_LABELS,
    Period,
    ProgressEntry,
    next_due,
    status_from_text,
    task_status,
    track,
    tracking_start,
)
from kehoach_desktop.domain.timeframe import parse_timeframe
from kehoach_desktop.errors import InvalidInput, NotFound
from tests.conftest import load_fixture

D = dt.date
PLAN_DATE = D(2026, 3, 20)  # Kế hoạch 05/KH-UBND xã Lam Vỹ


def entry(day: dt.date, status: str = IN_PROGRESS, **kw) -> ProgressEntry:
    return ProgressEntry(task_id=1, date=day, status=status, unit="Phòng Văn hóa - Xã hội", **kw)


def status(time: str, entries: list[ProgressEntry], today: dt.date) -> str:
    return task_status(parse_timeframe(time), entries, today, PLAN_DATE)


# --- periods ---------------------------------------------------------------------------------

def test_periods_follow_decree_09_cut_offs():
    six, year = Period("6m", 2026), Period("year", 2026)
    assert (six.start, six.end) == (D(2025, 12, 15), D(2026, 6, 14))
    assert (year.start, year.end) == (D(2025, 12, 15), D(2026, 12, 14))
    assert six.label == "6 tháng đầu năm 2026" and year.label == "năm 2026"
    assert Period.containing(D(2026, 12, 15)) == Period("year", 2027)
    assert Period.containing(D(2026, 12, 14)) == Period("year", 2026)
    assert Period.containing(D(2026, 6, 14), "6m") == six
    assert Period.containing(D(2026, 6, 15), "6m") == year
    assert Period.parse("2026-6m") == six and year.includes_key("2026-6m") and not six.includes_key("2026-year")


def test_bad_period_is_refused_in_vietnamese():
    with pytest.raises(InvalidInput, match="Kỳ báo cáo"):
        Period("quarter", 2026)
    with pytest.raises(InvalidInput, match="Kỳ báo cáo"):
        Period.parse("abc")


def test_status_labels_as_typed_by_units():
    assert status_from_text("Hoàn thành") == DONE
    assert status_from_text("  hoan thanh ") == DONE
    assert status_from_text("ĐANG THỰC HIỆN") == IN_PROGRESS
    assert status_from_text("Hoàn thành quá hạn") == DONE_LATE
    assert status_from_text("") is None
    with pytest.raises(InvalidInput, match="không phải một tình trạng"):
        status_from_text("xong rồi")


def test_percent_out_of_range_is_refused():
    with pytest.raises(InvalidInput, match="từ 0 đến 100"):
        entry(D(2026, 5, 1), percent=150)


# --- dated tasks ---------------------------------------------------------------------------

def test_quarter_deadline_done_in_time_late_and_overdue():
    time = "Quý III/2026"  # due 30/9/2026
    assert status(time, [], D(2026, 9, 30)) == NOT_STARTED
    assert status(time, [entry(D(2026, 8, 1))], D(2026, 9, 1)) == IN_PROGRESS
    assert status(time, [entry(D(2026, 8, 1))], D(2026, 10, 1)) == OVERDUE
    assert status(time, [], D(2026, 10, 1)) == OVERDUE
    assert status(time, [entry(D(2026, 9, 30), DONE)], D(2026, 12, 1)) == DONE
    assert status(time, [entry(D(2026, 10, 5), DONE)], D(2026, 12, 1)) == DONE_LATE


def test_a_date_deadline():
    time = "31/12/2026"
    assert status(time, [entry(D(2026, 12, 20), DONE)], D(2027, 1, 10)) == DONE
    assert status(time, [entry(D(2026, 12, 20))], D(2027, 1, 10)) == OVERDUE
    # An entry dated after the reference day is not known yet on that day.
    assert status(time, [entry(D(2027, 1, 5), DONE)], D(2026, 12, 31)) == NOT_STARTED


# --- recurring tasks ------------------------------------------------------------------------

def test_thuong_xuyen_is_never_done_and_due_every_six_months():
    time = "Thường xuyên"
    assert parse_timeframe(time).recurring
    # Before the first cut-off (14/6) nothing is late yet.
    assert status(time, [], D(2026, 5, 1)) == NOT_STARTED
    # The 6-month cut-off passed without a report: not reported, which is not "Quá hạn" (no deadline of its own).
    assert status(time, [], D(2026, 6, 20)) == NOT_REPORTED
    # Reported in the window of that cut-off: in progress, not overdue, and done does not stick...
    reported = [entry(D(2026, 6, 1), DONE)]
    assert status(time, reported, D(2026, 6, 20)) == IN_PROGRESS
    # ... and the next cut-off (14/12) needs a new report.
    assert status(time, reported, D(2026, 12, 20)) == NOT_REPORTED
    assert status(time, [*reported, entry(D(2026, 11, 30))], D(2026, 12, 20)) == IN_PROGRESS
    assert next_due(parse_timeframe(time), reported, D(2026, 6, 20)) == D(2026, 12, 14)


def test_hang_nam_and_nam_2026_va_cac_nam_tiep_theo_are_due_each_year():
    for time in ("Hằng năm", "Năm 2026 và các năm tiếp theo", "Từ năm 2026 và các năm tiếp theo"):
        assert parse_timeframe(time).recurring, time
        # No 6-month cut-off for a yearly task.
        assert status(time, [], D(2026, 7, 1)) == NOT_STARTED, time
        assert status(time, [], D(2026, 12, 15)) == NOT_REPORTED, time
        assert status(time, [entry(D(2026, 12, 1))], D(2026, 12, 15)) == IN_PROGRESS, time
        # A report in 2026 does not cover 2027.
        assert status(time, [entry(D(2026, 12, 1))], D(2027, 12, 20)) == NOT_REPORTED, time


def test_nam_2027_va_cac_nam_tiep_theo_is_not_due_before_2027():
    assert status("Từ năm 2027 và các năm tiếp theo", [], D(2026, 12, 20)) == NOT_STARTED


def test_dinh_ky_hang_nam_not_reported_then_reported_late_but_never_done():
    time = "Định kỳ hằng năm"
    assert status(time, [], D(2026, 12, 20)) == NOT_REPORTED
    # A late report gives what it says: the work goes on, or has not started.
    assert status(time, [entry(D(2026, 12, 18), DONE)], D(2026, 12, 20)) == IN_PROGRESS
    assert status(time, [entry(D(2026, 12, 18), NOT_STARTED)], D(2026, 12, 20)) == NOT_STARTED


def test_truoc_ngay_15_12_hang_nam_uses_the_plans_own_date():
    time = "Trước ngày 15/12 hằng năm"
    tf = parse_timeframe(time)
    assert tf.kind == "yearly_by"
    # 14/12 (the decree's cut-off) is not this plan's date: still in time on 15/12.
    assert status(time, [], D(2026, 12, 15)) == NOT_STARTED
    assert status(time, [], D(2026, 12, 16)) == OVERDUE
    assert status(time, [entry(D(2026, 12, 10), DONE)], D(2026, 12, 16)) == DONE
    assert status(time, [entry(D(2026, 12, 18), DONE)], D(2026, 12, 20)) == DONE_LATE
    # Done for 2026 does not cover 2027.
    assert status(time, [entry(D(2026, 12, 10), DONE)], D(2027, 12, 16)) == OVERDUE
    assert next_due(tf, [], D(2026, 12, 1)) == D(2026, 12, 15)


def test_due_dates_before_the_plan_was_signed_do_not_count():
    # Plan dated 20/6/2026: the 14/6 cut-off of "Thường xuyên" came before it existed.
    tf = parse_timeframe("Thường xuyên")
    assert task_status(tf, [], D(2026, 7, 1), since=D(2026, 6, 20)) == NOT_STARTED
    # Nor does a cut-off on the very day the plan is signed: the period it closes had nothing to report.
    assert task_status(tf, [], D(2026, 6, 20), since=D(2026, 6, 14)) == NOT_STARTED
    # A deadline that came before the plan ("Quý II/2026" in a plan of 02/12/2026) is not held against it.
    q2 = parse_timeframe("Quý II/2026")
    assert task_status(q2, [], D(2026, 12, 3), since=D(2026, 12, 2)) == NOT_STARTED
    assert task_status(q2, [entry(D(2026, 12, 3), DONE)], D(2026, 12, 3), since=D(2026, 12, 2)) == DONE
    # A deadline on the plan's own day is a real one.
    same_day = parse_timeframe("Ngày 02/12/2026")
    assert task_status(same_day, [], D(2026, 12, 3), since=D(2026, 12, 2)) == OVERDUE


def test_tracking_starts_on_the_plans_date_or_the_day_it_was_entered():
    created = D(2026, 12, 2)
    assert tracking_start(PartialDate(2026, 3, 20), created) == D(2026, 3, 20)  # a signed plan: its date
    assert tracking_start(None, created) == created  # blank date (draft, or text without its header)
    assert tracking_start(None) is None
    # "ngày    tháng 6 năm 2026": entered in December, so signed at the latest on 30/6; the 14/6 cut-off
    # may have come before it.
    assert tracking_start(PartialDate(2026, 6), created) == D(2026, 6, 30)
    assert tracking_start(PartialDate(2026, 12), created) == created  # entered that month: from that day
    assert tracking_start(PartialDate(2027, 1), created) == D(2027, 1, 1)  # a draft dated ahead
    assert tracking_start(PartialDate(2026), created) == created
    assert tracking_start(PartialDate(2025), created) == D(2025, 12, 31)
    assert tracking_start(PartialDate(2026, 6)) == D(2026, 6, 1)  # nothing else known: the first day


def test_yearly_deliverable_past_its_own_day_without_done_is_overdue():
    time = "Trước ngày 15/12 hằng năm"
    assert status(time, [entry(D(2026, 12, 1))], D(2026, 12, 16)) == OVERDUE  # under way is not done
    assert status(time, [entry(D(2026, 12, 1)), entry(D(2026, 12, 17))], D(2026, 12, 20)) == OVERDUE


def test_not_reported_is_computed_never_reported():
    assert STATUS_LABELS[NOT_REPORTED] == "Chưa báo cáo"
    with pytest.raises(InvalidInput, match="không hợp lệ"):
        entry(D(2026, 6, 1), NOT_REPORTED)
    assert status_from_text("Chưa báo cáo") is None  # typed in a sheet: nothing to report, a blank status
    # The drop-downs keep the five statuses of DOMAIN.md §5.
    assert [STATUS_LABELS[s] for s in LISTED_STATUSES] == [
        "Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Hoàn thành quá hạn", "Quá hạn"]


# --- tasks without a date -----------------------------------------------------------------

@pytest.mark.parametrize("time", [
    "theo đề nghị của cơ quan có thẩm quyền lấy ý kiến góp ý dự thảo văn bản quy phạm pháp luật",
    "Cập nhật theo Kế hoạch triển khai của UBND thành phố hoặc theo yêu cầu thực tiễn",
    "Thực hiện khi có yêu cầu của cấp trên",
])
def test_undated_tasks_are_never_overdue(time):
    assert not parse_timeframe(time).recurring
    assert status(time, [], D(2030, 1, 1)) == NOT_STARTED
    assert status(time, [entry(D(2026, 5, 1))], D(2030, 1, 1)) == IN_PROGRESS
    assert status(time, [entry(D(2026, 5, 1)), entry(D(2026, 9, 1), DONE)], D(2030, 1, 1)) == DONE
    assert next_due(parse_timeframe(time), [], D(2026, 5, 1)) is None


# --- the repository ---------------------------------------------------------------------------

def test_entries_are_added_never_overwritten_and_deleted_with_their_task(store):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    plan = store.plans.load(plan_id)
    task = next(t for t, _ in plan.walk_tasks() if t.time == "Thường xuyên")
    store.progress.add(ProgressEntry(task.id, D(2026, 5, 1), IN_PROGRESS, unit="Phòng Văn hóa - Xã hội",
                                     done="Rà soát 12 văn bản", period="2026-6m"))
    store.progress.add(ProgressEntry(task.id, D(2026, 6, 10), DONE, unit="Phòng Văn hóa - Xã hội",
                                     result="Hoàn thành rà soát", percent=100, period="2026-6m"))
    history = store.progress.for_task(task.id)
    assert [e.status for e in history] == [IN_PROGRESS, DONE]
    assert history[0].done == "Rà soát 12 văn bản" and history[1].percent == 100
    assert list(store.progress.in_period(plan_id, Period("year", 2026))) == [task.id]
    assert store.progress.in_period(plan_id, Period("6m", 2027)) == {}

    rows = track(plan, store.progress.for_plan(plan_id), D(2026, 6, 20))
    by_id = {r.task.id: r for r in rows}
    assert by_id[task.id].status == IN_PROGRESS  # recurring: done for the period, not for good
    assert len(rows) == 7

    store.plans.delete_task(task.id)
    assert store.progress.for_task(task.id) == []


def test_entry_for_missing_task_is_refused(store):
    with pytest.raises(NotFound, match="Không có nhiệm vụ"):
        store.progress.add(ProgressEntry(999, D(2026, 5, 1), IN_PROGRESS))


def test_dinh_ky_6_thang_is_due_at_both_cut_offs():
    time = "Định kỳ 6 tháng, hằng năm và đột xuất khi có yêu cầu"
    assert parse_timeframe(time).kind == "periodic"
    assert status(time, [], D(2026, 6, 15)) == NOT_REPORTED
    assert status(time, [entry(D(2026, 6, 10))], D(2026, 6, 15)) == IN_PROGRESS
    assert status(time, [entry(D(2026, 6, 10))], D(2026, 12, 15)) == NOT_REPORTED
    assert next_due(parse_timeframe(time), [], D(2026, 6, 15)) == D(2026, 12, 14)


def test_truoc_ngay_with_a_full_date_is_a_deadline():
    time = "Trước ngày 30/6/2026"
    assert status(time, [entry(D(2026, 6, 30), DONE)], D(2026, 8, 1)) == DONE
    assert status(time, [], D(2026, 7, 1)) == OVERDUE
    assert next_due(parse_timeframe(time), [], D(2026, 6, 1)) == D(2026, 6, 30)
    assert next_due(parse_timeframe(time), [entry(D(2026, 6, 1), DONE)], D(2026, 6, 2)) is None


def test_a_coordinator_s_done_does_not_finish_the_lead_s_task():
    from kehoach_desktop.domain.plan import Plan, Section, Task

    task = Task(title="Tổ chức Ngày hội", number="1", lead=["Phòng Văn hóa - Xã hội"],
                coordinators=["Ủy ban MTTQ Việt Nam xã"], time="Trước ngày 30/12/2026", id=1)
    plan = Plan(title="Ngày hội", sections=[Section("NHIỆM VỤ", "tasks", tasks=[task])])
    coordinator = ProgressEntry(1, D(2026, 11, 1), DONE, unit="Ủy ban MTTQ Việt Nam xã")
    (row,) = track(plan, {1: [coordinator]}, D(2026, 11, 20))
    assert row.status == IN_PROGRESS  # its part is done; the lead unit has not reported the task done
    lead = ProgressEntry(1, D(2026, 11, 10), DONE, unit="Phòng Văn hóa - Xã hội")
    (row,) = track(plan, {1: [coordinator, lead]}, D(2026, 11, 20))
    assert row.status == DONE
