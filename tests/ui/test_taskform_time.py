"""The task form says what the tracker understood of a timeframe, as the domain does (in Vietnamese)."""

from __future__ import annotations

import pytest

from kehoach_desktop.domain.timeframe import parse_timeframe
from kehoach_desktop.ui.taskform import describe


@pytest.mark.parametrize("text", [
    "Từ tháng 10/2026", "Giai đoạn 2026 - 2030", "Hằng năm", "Từ năm 2026 và các năm tiếp theo", "Hằng quý",
    "Tháng 10 - 11/2026", "Trước ngày 15/12 hằng năm", "Năm học 2026 - 2027", "Thường xuyên",
    "Khi có thiên tai xảy ra", "Theo Kế hoạch của UBND tỉnh",
])
def test_the_form_s_reading_matches_the_tracker_s(qapp, text):
    assert describe(text) == parse_timeframe(text).describe()


def test_a_start_month_and_an_end_year_are_shown(qapp):
    assert describe("Từ tháng 10/2026") == "Thường xuyên, từ tháng 10/2026"
    assert describe("Giai đoạn 2026 - 2030") == "Thường xuyên, từ năm 2026 đến năm 2030"
