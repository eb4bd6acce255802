"""Item data roles of the models, in one place."""

from __future__ import annotations

# Qt.ItemDataRole values, fixed by Qt's ABI (tests/ui/test_taskmodel.py checks them). Plain numbers,
# so that opening a plan does not build the Python enums of the whole Qt namespace (see app.py).
DISPLAY = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP = 3  # Qt.ItemDataRole.ToolTipRole
USER = 0x0100  # Qt.ItemDataRole.UserRole

KEY_ROLE = USER + 1  # the task's stable key (str)
TASK_ROLE = USER + 2  # the domain Task object
SEARCH_ROLE = USER + 3  # folded (diacritic-free) text of title, content, units, time
UNITS_ROLE = USER + 4  # lead + coordinators (list[str])
TIME_KIND_ROLE = USER + 5  # timeframe kind ("continuous", "deadline", …)
PLAN_ID_ROLE = USER + 10  # plans list: the plan id
SORT_ROLE = USER + 11  # plans list: the value to sort by
UNIT_ID_ROLE = USER + 20  # units catalog: the unit id
