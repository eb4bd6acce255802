"""Timeframes are printed as typed and understood for the tracker (real phrases from plans)."""

import datetime as dt

import pytest

from kehoach_desktop.domain.progress import DONE, DONE_LATE, NOT_STARTED, OVERDUE, ProgressEntry, task_status
from kehoach_desktop.domain.timeframe import parse_timeframe

PHRASES = [
    ("Thường xuyên", "continuous"),
    ("Năm 2026 và các năm tiếp theo", "yearly"),
    ("Từ năm 2026 và các năm tiếp theo", "yearly"),
    ("năm 2026 và các năm tiếp theo", "yearly"),
    ("Hằng năm", "yearly"),
    ("Định kỳ hằng năm", "periodic"),
    ("Định kỳ 6 tháng, hằng năm và đột xuất khi có yêu cầu", "periodic"),
    ("Quý III/2026", "deadline"),
    ("Trước ngày 15/12 hằng năm", "yearly_by"),
    ("trước ngày 15/12 hàng năm", "yearly_by"),
    ("30/6/2026", "deadline"),
    ("Thực hiện khi có yêu cầu của cấp trên", "on_request"),
    ("theo đề nghị của cơ quan có thẩm quyền lấy ý kiến góp ý dự thảo văn bản quy phạm pháp luật", "on_request"),
    ("Cập nhật theo Kế hoạch của UBND thành phố hoặc theo yêu cầu thực tiễn", "follow_plan"),
]


@pytest.mark.parametrize(("text", "kind"), PHRASES)
def test_real_phrases_are_understood(text, kind):
    assert parse_timeframe(text).kind == kind


def test_what_is_due_when():
    assert parse_timeframe("Quý III/2026").deadline == dt.date(2026, 9, 30)
    assert parse_timeframe("Trước ngày 15/12 hằng năm").due_dates(2027) == [dt.date(2027, 12, 15)]
    six_monthly = parse_timeframe("Định kỳ 6 tháng, hằng năm và đột xuất khi có yêu cầu")
    assert six_monthly.interval_months == 6 and six_monthly.on_request
    assert six_monthly.due_dates(2026) == [dt.date(2026, 6, 30), dt.date(2026, 12, 31)]
    yearly = parse_timeframe("Từ năm 2027 và các năm tiếp theo")
    assert yearly.recurring and yearly.due_dates(2026) == [] and yearly.due_dates(2027)
    assert not parse_timeframe("30/6/2026").recurring


def test_an_impossible_date_is_not_taken_for_a_deadline():
    assert parse_timeframe("31/02/2026").kind == "unknown"


def test_description_shown_in_the_task_form_is_vietnamese():
    assert parse_timeframe("Trước ngày 15/12 hằng năm").describe() == \
        "Trước một ngày hằng năm: trước ngày 15/12 mỗi năm"
    assert parse_timeframe("Thường xuyên").describe() == "Thường xuyên"


# --- phrases from the plans of other communes ----------------------------------------------

D = dt.date
PLAN_DATE = D(2026, 3, 20)


def done_on(day: dt.date) -> list[ProgressEntry]:
    return [ProgressEntry(task_id=1, date=day, status=DONE, unit="Phòng Văn hóa - Xã hội")]


def seen(text: str) -> tuple:
    """What a user sees of a timeframe: its kind, its deadline and the sentence of the task form."""
    tf = parse_timeframe(text)
    return tf.kind, tf.deadline, tf.describe()


@pytest.mark.parametrize(("text", "deadline"), [
    ("Tháng 10 - 11/2026", D(2026, 11, 30)),
    ("Tháng 10-12/2026", D(2026, 12, 31)),
    ("tháng 9 đến tháng 11/2026", D(2026, 11, 30)),
    ("Từ tháng 9 đến tháng 12/2026", D(2026, 12, 31)),
    ("Tháng 11/2026 - 02/2027", D(2027, 2, 28)),
    ("Từ tháng 10/2026 đến hết năm 2026", D(2026, 12, 31)),
])
def test_a_span_of_months_is_due_at_the_end_of_its_last_month(text, deadline):
    assert seen(text) == ("deadline", deadline, f"Có thời hạn: hạn {deadline:%d/%m/%Y}")


def test_a_span_of_months_is_not_late_before_its_last_month_ends():
    tf = parse_timeframe("Tháng 10 - 11/2026")
    assert task_status(tf, done_on(D(2026, 11, 20)), D(2026, 12, 1), PLAN_DATE) == DONE
    assert task_status(tf, [], D(2026, 11, 30), PLAN_DATE) == NOT_STARTED
    assert task_status(tf, [], D(2026, 12, 1), PLAN_DATE) == OVERDUE


@pytest.mark.parametrize(("text", "deadline"), [
    ("Từ ngày 01/11/2026 đến ngày 10/11/2026", D(2026, 11, 10)),
    ("từ 15/9 đến 15/10/2026", D(2026, 10, 15)),
    ("01/11/2026 - 10/11/2026", D(2026, 11, 10)),
    ("15/9 - 15/10/2026", D(2026, 10, 15)),
    ("Từ ngày 01 tháng 11 năm 2026 đến ngày 10 tháng 11 năm 2026", D(2026, 11, 10)),
])
def test_a_range_of_dates_is_due_on_its_end_date(text, deadline):
    assert seen(text) == ("deadline", deadline, f"Có thời hạn: hạn {deadline:%d/%m/%Y}")


def test_a_range_with_an_impossible_end_date_is_not_taken_for_a_start():
    assert parse_timeframe("Từ ngày 31/02/2026 đến ngày 30/02/2026").kind == "unknown"
    # Until the work is finished: a start, and no end date.
    assert seen("Từ tháng 10/2026 đến khi hoàn thành") == \
        ("continuous", None, "Thường xuyên, từ tháng 10/2026")


def test_a_range_of_dates_done_after_its_first_day_is_not_late():
    tf = parse_timeframe("Từ ngày 01/11/2026 đến ngày 10/11/2026")
    assert task_status(tf, done_on(D(2026, 11, 8)), D(2026, 11, 20), PLAN_DATE) == DONE
    assert task_status(tf, done_on(D(2026, 11, 11)), D(2026, 11, 20), PLAN_DATE) == DONE_LATE


@pytest.mark.parametrize(("text", "month", "year"), [
    ("Từ tháng 10/2026", 10, 2026),
    ("từ tháng 10 năm 2026", 10, 2026),
    ("Từ ngày 01/11/2026", 11, 2026),
])
def test_tu_thang_is_a_start_not_a_deadline(text, month, year):
    tf = parse_timeframe(text)
    assert (tf.kind, tf.deadline, tf.start_year, tf.start_month) == ("continuous", None, year, month)
    assert tf.recurring and tf.start == D(year, month, 1)
    assert tf.describe() == f"Thường xuyên, từ tháng {month:02d}/{year}"


def test_a_start_month_holds_back_the_due_dates_before_it():
    six_monthly = parse_timeframe("Định kỳ 6 tháng, từ tháng 10/2026")
    assert (six_monthly.kind, six_monthly.interval_months, six_monthly.start_month) == ("periodic", 6, 10)
    assert six_monthly.due_dates(2026) == [D(2026, 12, 31)]
    assert six_monthly.due_dates(2027) == [D(2027, 6, 30), D(2027, 12, 31)]
    assert parse_timeframe("Hằng năm, từ tháng 10/2026").due_dates(2025) == []


def test_tu_thang_10_is_not_overdue_at_the_june_cut_off():
    tf = parse_timeframe("Từ tháng 10/2026")
    assert task_status(tf, [], D(2026, 6, 20), PLAN_DATE) == NOT_STARTED


@pytest.mark.parametrize(("text", "months"), [
    ("Hằng tháng", 1),
    ("Hàng tháng", 1),
    ("Định kỳ hằng tháng", 1),
    ("Hằng quý", 3),
    ("Hàng quý", 3),
    ("Định kỳ hằng quý", 3),
    ("Định kỳ hằng quý, hằng năm và đột xuất khi có yêu cầu", 3),
])
def test_monthly_and_quarterly_are_periodic(text, months):
    tf = parse_timeframe(text)
    assert (tf.kind, tf.interval_months) == ("periodic", months)
    assert tf.describe() == f"Định kỳ {months} tháng"
    assert len(tf.due_dates(2026)) == 12 // months


def test_quarterly_is_due_at_each_quarter_end():
    assert parse_timeframe("Định kỳ hằng quý").due_dates(2026) == [
        D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31)]


@pytest.mark.parametrize(("text", "deadline"), [
    ("6 tháng đầu năm 2026", D(2026, 6, 30)),
    ("6 tháng cuối năm 2026", D(2026, 12, 31)),
    ("9 tháng đầu năm 2026", D(2026, 9, 30)),
])
def test_first_and_last_months_of_a_year(text, deadline):
    assert seen(text) == ("deadline", deadline, f"Có thời hạn: hạn {deadline:%d/%m/%Y}")


def test_a_school_year_is_due_when_it_ends_on_31_may():
    assert seen("Năm học 2026 - 2027") == ("deadline", D(2027, 5, 31), "Có thời hạn: hạn 31/05/2027")
    assert seen("Năm học 2026-2027") == ("deadline", D(2027, 5, 31), "Có thời hạn: hạn 31/05/2027")


@pytest.mark.parametrize("text", ["Giai đoạn 2026 - 2030", "Giai đoạn 2026-2030", "Từ năm 2026 đến năm 2030"])
def test_giai_doan_is_continuous_from_its_first_to_its_last_year(text):
    tf = parse_timeframe(text)
    assert (tf.kind, tf.deadline, tf.start_year, tf.end_year) == ("continuous", None, 2026, 2030)
    assert tf.recurring
    assert tf.describe() == "Thường xuyên, từ năm 2026 đến năm 2030"


def test_an_end_year_stops_the_due_dates():
    tf = parse_timeframe("Hằng năm, giai đoạn 2026 - 2030")
    assert (tf.kind, tf.start_year, tf.end_year) == ("yearly", 2026, 2030)
    assert tf.due_dates(2030) == [D(2030, 12, 31)] and tf.due_dates(2031) == []
    assert tf.describe() == "Hằng năm, từ năm 2026 đến năm 2030"


@pytest.mark.parametrize("text", ["Khi có thiên tai xảy ra", "Khi có yêu cầu", "Khi có sự cố",
                                  "Ngay khi có sự cố"])
def test_when_something_happens_is_on_request(text):
    tf = parse_timeframe(text)
    assert seen(text) == ("on_request", None, "Khi có yêu cầu")
    assert not tf.recurring and tf.due_dates(2026) == []


@pytest.mark.parametrize(("text", "reading"), [
    ("Quý III/2026", ("deadline", D(2026, 9, 30), "Có thời hạn: hạn 30/09/2026")),
    ("Trước ngày 15/12 hằng năm", ("yearly_by", None, "Trước một ngày hằng năm: trước ngày 15/12 mỗi năm")),
    ("Trước ngày 30/6/2026", ("deadline", D(2026, 6, 30), "Có thời hạn: hạn 30/06/2026")),
    ("Định kỳ 6 tháng, hằng năm và đột xuất khi có yêu cầu", ("periodic", None, "Định kỳ 6 tháng")),
    ("Định kỳ hằng năm", ("periodic", None, "Định kỳ 12 tháng")),
    ("Thường xuyên", ("continuous", None, "Thường xuyên")),
    ("Thường xuyên từ năm 2026", ("continuous", None, "Thường xuyên")),
    ("Hằng năm", ("yearly", None, "Hằng năm")),
    ("Từ năm 2026 và các năm tiếp theo", ("yearly", None, "Hằng năm, từ năm 2026")),
    ("Năm 2026", ("deadline", D(2026, 12, 31), "Có thời hạn: hạn 31/12/2026")),
    ("Tháng 6/2026", ("deadline", D(2026, 6, 30), "Có thời hạn: hạn 30/06/2026")),
    ("30/6/2026", ("deadline", D(2026, 6, 30), "Có thời hạn: hạn 30/06/2026")),
    ("Đến ngày 30/11/2026", ("deadline", D(2026, 11, 30), "Có thời hạn: hạn 30/11/2026")),
    ("Từ nay đến 31/12/2026", ("deadline", D(2026, 12, 31), "Có thời hạn: hạn 31/12/2026")),
    ("Thực hiện khi có yêu cầu của cấp trên", ("on_request", None, "Khi có yêu cầu")),
    ("Cập nhật theo Kế hoạch của UBND thành phố hoặc theo yêu cầu thực tiễn",
     ("follow_plan", None, "Theo kế hoạch cấp trên")),
    ("Định kỳ 2 tháng", ("unknown", None, "Chưa xác định")),
])
def test_phrases_already_understood_keep_their_reading(text, reading):
    assert seen(text) == reading


def test_a_period_s_end_year_ends_the_cut_offs():
    from kehoach_desktop.domain.progress import Period, report_due_dates

    tf = parse_timeframe("Giai đoạn 2026 - 2030")
    assert report_due_dates(tf, 2030) == [Period("6m", 2030).end, Period("year", 2030).end]  # the cut-offs
    assert report_due_dates(tf, 2031) == []  # no report is asked for after the period


@pytest.mark.parametrize(("text", "kind", "described"), [
    ("Đợt 1: tháng 4/2026; đợt 2: tháng 10/2026", "deadline", "hạn 31/10/2026"),  # the last batch
    ("Cuối năm 2026", "deadline", "hạn 31/12/2026"),
    ("Quý I, II/2026", "deadline", "hạn 30/06/2026"),
    ("Trước 31/12", "yearly_by", "trước ngày 31/12 mỗi năm"),
    ("Tháng 6 hằng năm", "yearly_by", "trước ngày 30/06 mỗi năm"),
    ("Hằng tuần", "continuous", "Thường xuyên"),
    ("Trước ngày 20 của tháng cuối quý", "periodic", "3 tháng"),
    ("6 tháng một lần", "periodic", "6 tháng"),
    ("Sau khi có hướng dẫn của cấp trên", "follow_plan", ""),
])
def test_more_ways_communes_write_their_times(text, kind, described):
    tf = parse_timeframe(text)
    assert tf.kind == kind and described in tf.describe()


def test_an_impossible_date_is_not_understood():
    assert parse_timeframe("Trước ngày 30/02/2026").kind == "unknown"
