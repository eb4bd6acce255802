"""Services of progress tracking over an open :class:`~kehoach_desktop.services.Store`.

The CLI and the desktop app call these; they tie the store, the status rules and
the sheet writers together.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.plan import Plan
from ..domain.progress import Period, TaskProgress, track

if TYPE_CHECKING:
    from ..services import Store


def plan_progress(store: Store, plan_id: int, today: dt.date | None = None) -> tuple[Plan, list[TaskProgress]]:
    """The plan and its tracked tasks with their status on ``today`` (default: today)."""
    plan = store.plans.load(plan_id)
    return plan, track(plan, store.progress.for_plan(plan_id), today or dt.date.today(),
                       store.progress.created_on(plan_id))


def export_progress_sheet(store: Store, plan_id: int, target: str | os.PathLike[str],
                          today: dt.date | None = None, period: Period | None = None) -> Path:
    """``kehoach export PLAN -o tien-do.xlsx``: the progress sheet as of today (or at a period's end)."""
    from .progress_sheet import write_progress_sheet

    today = today or dt.date.today()
    if period is not None:
        today = min(today, period.end)
    plan, rows = plan_progress(store, plan_id, today)
    return write_progress_sheet(plan, rows, target, today, period)


def make_unit_sheets(store: Store, plan_id: int, period: Period, folder: str | os.PathLike[str],
                     today: dt.date | None = None) -> tuple[list[tuple[str, Path, int]], list[str]]:
    """``kehoach progress-sheets PLAN -o DIR``: one sheet per unit; the round is remembered for the import."""
    from .unit_sheets import write_unit_sheets

    today = today or dt.date.today()
    plan, rows = plan_progress(store, plan_id, today)
    statuses = {row.task.key: row.status for row in rows}
    written, skipped = write_unit_sheets(plan, store.units.catalog(), period, folder, today, statuses)
    store.progress.record_round(plan_id, period)
    return written, skipped


def default_period(today: dt.date | None = None) -> Period:
    """The period being collected on ``today``: the 6-month one until 14/6, then the annual one."""
    return Period.containing(today or dt.date.today(), "6m")


def write_period_report(store: Store, plan_id: int, period: Period, target: str | os.PathLike[str],
                        today: dt.date | None = None, **options: object) -> Path:
    """``kehoach report PLAN --period 6m|year --year YYYY -o bc.docx``: the Báo cáo of that period.

    Laid out with the office's stored "layout" setting (margins, body size), like the plan.
    """
    from ..documents.layout import LayoutOptions
    from ..documents.report import write_report

    plan = store.plans.load(plan_id)
    options.setdefault("options", LayoutOptions.from_setting(store.get_setting("layout")))
    return write_report(plan, store.progress.for_plan(plan_id), period, target, today=today,
                        created=store.progress.created_on(plan_id), **options)
