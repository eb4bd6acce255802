"""Timeframes are printed as typed and understood for the tracker (real phrases from plans)."""

import datetime as dt

import pytest

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
