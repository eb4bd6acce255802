"""The task tree of section II as a real ``QAbstractItemModel`` over the domain ``Task`` objects.

The model only shows and reshapes the tree; every change arrives through
:class:`~kehoach_desktop.ui.session.PlanSession` commands, which write the store
first. Drag and drop is turned into a move request that the session makes
undoable, so the view never removes rows by itself.
"""

from __future__ import annotations

import functools
import json
import time
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QTimer,
    Signal,
)

from ..domain.numbering import printed
from ..domain.plan import Section, Task
from ..domain.timeframe import parse_timeframe
from .roles import DISPLAY, KEY_ROLE, SEARCH_ROLE, TASK_ROLE, TIME_KIND_ROLE, TOOLTIP, UNITS_ROLE

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

# The session builds this model whenever a plan opens, before the window first appears, so Qt's
# namespace is reached through ``QtCore.Qt`` inside functions only: importing ``Qt`` here would
# build its ~90 Python enums, some 25-40 ms of every start-up (roles.py, bench/bench_startup.py).

MIME_TASKS = "application/x-kehoach-task-keys"

ModelIndex = QModelIndex | QPersistentModelIndex

COL_TITLE, COL_LEAD, COL_TIME = range(3)

_ANSWERED_ROLES = frozenset({DISPLAY, TOOLTIP, KEY_ROLE, TASK_ROLE, SEARCH_ROLE, UNITS_ROLE, TIME_KIND_ROLE})


@functools.cache
def _flags(kind: str) -> Qt.ItemFlag:
    """Item flags of a task row, the invisible root, a search result; made when a view first asks (see roles.py)."""
    f = QtCore.Qt.ItemFlag
    return {"task": f.ItemIsDropEnabled | f.ItemIsEnabled | f.ItemIsSelectable | f.ItemIsDragEnabled,
            "root": f.ItemIsDropEnabled, "result": f.ItemIsEnabled | f.ItemIsSelectable,
            "none": f.NoItemFlags}[kind]


_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def fast_fold(text: str) -> str:
    """Diacritic-free, lower-case text for searching (as ``domain.text.fold``, at C speed).

    Letters lose their marks (NFD, then only ASCII is kept), đ becomes d, dashes
    become "-", odd spaces a space; other non-ASCII signs (quotes, ellipses) are
    dropped. Query and tasks go through the same function, so they compare alike.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    for dash in _DASHES:
        if dash in text:
            text = text.replace(dash, "-")
    for space in _SPACES:
        if space in text:
            text = text.replace(space, " ")
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(ascii_text.split()).lower()


class TaskTreeModel(QAbstractItemModel):
    """Tasks of one task section; column 0 "1.2. Title", 1 lead units, 2 timeframe."""

    moveRequested = Signal(str, object, int)  # key, new parent key (None: top level), row after removal

    def __init__(self, section: Section, parent: object | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self._parent_of: dict[str, Task | None] = {}
        self._by_key: dict[str, Task] = {}
        self._iid: dict[str, int] = {}
        self._by_iid: dict[int, Task] = {}
        self._search: dict[str, str] = {}
        self._kind: dict[str, str] = {}
        self._next_iid = 1
        self._flat: list[Task] | None = None
        self._texts: list[str | None] | None = None  # folded search texts, aligned with flat()
        self._flat_pos: dict[str, int] | None = None
        self._row_cache: dict[str, int] | None = None
        for task in section.tasks:
            self._register(task, None)

    def set_section(self, section: Section) -> None:
        """Show the tasks of another task section of the plan (a plan may have more than one)."""
        if section is self.section:
            return
        self.beginResetModel()
        self.section = section
        for cache in (self._parent_of, self._by_key, self._iid, self._by_iid, self._search, self._kind):
            cache.clear()
        self._flat = self._texts = self._flat_pos = None
        self._row_cache = None
        for task in section.tasks:
            self._register(task, None)
        self.endResetModel()

    # --- bookkeeping ------------------------------------------------------------------------

    def _register(self, task: Task, parent: Task | None) -> None:
        self._flat = self._texts = self._flat_pos = None
        self._row_cache = None
        self._parent_of[task.key] = parent
        self._by_key[task.key] = task
        if task.key not in self._iid:
            self._iid[task.key] = self._next_iid
            self._next_iid += 1
        self._by_iid[self._iid[task.key]] = task
        self._search.pop(task.key, None)
        self._kind.pop(task.key, None)
        for child in task.children:
            self._register(child, task)

    def _unregister(self, task: Task) -> None:
        self._flat = self._texts = self._flat_pos = None
        self._row_cache = None
        for child in task.children:
            self._unregister(child)
        self._parent_of.pop(task.key, None)
        self._by_key.pop(task.key, None)
        iid = self._iid.pop(task.key, None)
        if iid is not None:
            self._by_iid.pop(iid, None)

    def siblings(self, parent: Task | None) -> list[Task]:
        return parent.children if parent is not None else self.section.tasks

    def task(self, key: str) -> Task:
        return self._by_key[key]

    def has(self, key: str) -> bool:
        return key in self._by_key

    def parent_task(self, key: str) -> Task | None:
        return self._parent_of[key]

    def row(self, key: str) -> int:
        return self._rows()[key]

    def task_at(self, index: ModelIndex) -> Task | None:
        if not index.isValid():
            return None
        return self._by_iid.get(index.internalId())

    def index_of(self, key: str | None, column: int = 0) -> QModelIndex:
        if key is None or key not in self._by_key:
            return QModelIndex()
        return self.createIndex(self.row(key), column, self._iid[key])

    def walk(self) -> Iterator[tuple[Task, int]]:
        for task in self.section.tasks:
            yield from task.walk()

    def flat(self) -> list[Task]:
        """Every task in document order (cached until the tree changes shape)."""
        if self._flat is None:
            self._flat = [task for task, _ in self.walk()]
        return self._flat

    def iid(self, key: str) -> int:
        return self._iid[key]

    def search_texts(self) -> list[str | None]:
        """The folded search text of every task of :meth:`flat`, at the same positions; None where not
        folded yet (see :meth:`search_text`). Kept until the tree changes shape, a task's entry until it changes."""
        if self._texts is None:
            cache = self._search
            self._texts = [cache.get(task.key) for task in self.flat()]
        return self._texts

    def _forget_text(self, key: str) -> None:
        self._search.pop(key, None)
        if self._texts is not None:
            if self._flat_pos is None:
                self._flat_pos = {task.key: i for i, task in enumerate(self.flat())}
            pos = self._flat_pos.get(key)
            if pos is not None:
                self._texts[pos] = None

    def search_text(self, task: Task) -> str:
        text = self._search.get(task.key)
        if text is None:
            text = fast_fold(" ".join([task.number, task.title, *task.content, *task.lead, *task.coordinators,
                                  task.time, task.product or "", task.notes or ""]))
            self._search[task.key] = text
        return text

    def warm_search(self, budget: int = 150) -> bool:
        """Fold the search text of up to ``budget`` more tasks; True while some are left (run when idle)."""
        done = 0
        for task in self.flat():
            if task.key not in self._search:
                self.search_text(task)
                done += 1
                if done >= budget:
                    return True
        self.search_texts()  # and the list the search reads them from
        return False

    def time_kind(self, task: Task) -> str:
        kind = self._kind.get(task.key)
        if kind is None:
            kind = parse_timeframe(task.time).kind
            self._kind[task.key] = kind
        return kind

    # --- the Qt model contract ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Called thousands of times per layout: plain lookups only.
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            task = self._by_iid.get(parent.internalId())
            items = task.children if task is not None else []
        else:
            items = self.section.tasks
        if 0 <= row < len(items) and 0 <= column < 3:
            return self.createIndex(row, column, self._iid[items[row].key])
        return QModelIndex()

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        task = self._by_iid.get(index.internalId())
        parent = self._parent_of.get(task.key) if task is not None else None
        if parent is None:
            return QModelIndex()
        return self.createIndex(self._rows()[parent.key], 0, self._iid[parent.key])

    def _rows(self) -> dict[str, int]:
        """Each task's row among its siblings (rebuilt after the tree changes shape)."""
        if self._row_cache is None:
            rows: dict[str, int] = {}

            def visit(items: list[Task]) -> None:
                for row, task in enumerate(items):
                    rows[task.key] = row
                    if task.children:
                        visit(task.children)

            visit(self.section.tasks)
            self._row_cache = rows
        return self._row_cache

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.section.tasks)
        if parent.column() != 0:
            return 0
        task = self._by_iid.get(parent.internalId())
        return len(task.children) if task is not None else 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if orientation == QtCore.Qt.Orientation.Horizontal and role == DISPLAY:
            return (QCoreApplication.translate("TaskTreeModel", "Nhiệm vụ"),
                    QCoreApplication.translate("TaskTreeModel", "Chủ trì"),
                    QCoreApplication.translate("TaskTreeModel", "Thời gian"))[section] if 0 <= section < 3 else None
        return None

    def data(self, index: ModelIndex, role: int = DISPLAY):
        if role not in _ANSWERED_ROLES:
            return None
        task = self.task_at(index)
        if task is None:
            return None
        column = index.column()
        if role == DISPLAY:
            if column == COL_TITLE:
                title = task.title or QCoreApplication.translate("TaskTreeModel", "(chưa có tên)")
                return f"{printed(task.number)} {title}".strip()
            if column == COL_LEAD:
                return "; ".join(task.lead)
            return task.time
        if role == TOOLTIP:
            if column == COL_TITLE:
                return task.title
            if column == COL_LEAD:
                return "; ".join(task.lead + task.coordinators)
            return parse_timeframe(task.time).describe()
        if role == KEY_ROLE:
            return task.key
        if role == TASK_ROLE:
            return task
        if role == SEARCH_ROLE:
            return self.search_text(task)
        if role == UNITS_ROLE:
            return [*task.lead, *task.coordinators]
        if role == TIME_KIND_ROLE:
            return self.time_kind(task)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _flags("task") if index.isValid() else _flags("root")

    # --- drag and drop --------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return QtCore.Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return QtCore.Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TASKS]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        keys = []
        for index in indexes:
            task = self.task_at(index)
            if task is not None and task.key not in keys:
                keys.append(task.key)
        data = QMimeData()
        data.setData(MIME_TASKS, json.dumps(keys).encode("utf-8"))
        return data

    def _drop_target(self, data: QMimeData, row: int, parent: ModelIndex) -> tuple[str, Task | None, int] | None:
        if not data.hasFormat(MIME_TASKS):
            return None
        try:
            keys = json.loads(bytes(data.data(MIME_TASKS).data()).decode("utf-8"))
        except ValueError:
            return None
        if len(keys) != 1 or keys[0] not in self._by_key:
            return None
        key = keys[0]
        target = self.task_at(parent) if parent.isValid() else None
        ancestor = target
        while ancestor is not None:  # not into its own subtree
            if ancestor.key == key:
                return None
            ancestor = self._parent_of[ancestor.key]
        siblings = self.siblings(target)
        if row < 0:
            row = len(siblings)
        if self._parent_of[key] is target and self.row(key) < row:
            row -= 1  # the row counted the dragged task itself
        return key, target, row

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: ModelIndex) -> bool:
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: ModelIndex) -> bool:
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        key, new_parent, new_row = target
        self.moveRequested.emit(key, new_parent.key if new_parent else None, new_row)
        # The move is done (undoably) by the session; False keeps the view from removing rows itself.
        return False

    # --- changes (called by the session's undo commands only) -------------------------------------

    def insert_task(self, parent_key: str | None, row: int, task: Task) -> None:
        parent = self._by_key[parent_key] if parent_key else None
        siblings = self.siblings(parent)
        row = max(0, min(row, len(siblings)))
        self.beginInsertRows(self.index_of(parent_key), row, row)
        siblings.insert(row, task)
        self._register(task, parent)
        self.endInsertRows()

    def remove_task(self, key: str) -> tuple[str | None, int, Task]:
        task = self._by_key[key]
        parent = self._parent_of[key]
        row = self.row(key)
        self.beginRemoveRows(self.index_of(parent.key if parent else None), row, row)
        self.siblings(parent).pop(row)
        self._unregister(task)
        self.endRemoveRows()
        return (parent.key if parent else None), row, task

    def move_task(self, key: str, parent_key: str | None, row: int) -> None:
        """Move ``key`` under ``parent_key`` at ``row`` (counted after its removal)."""
        task = self._by_key[key]
        old_parent = self._parent_of[key]
        old_row = self.row(key)
        new_parent = self._by_key[parent_key] if parent_key else None
        new_siblings = self.siblings(new_parent)
        count_after_removal = len(new_siblings) - (1 if new_parent is old_parent else 0)
        row = max(0, min(row, count_after_removal))
        destination = row + 1 if (new_parent is old_parent and row >= old_row) else row
        if new_parent is old_parent and row == old_row:
            return
        src = self.index_of(old_parent.key if old_parent else None)
        dst = self.index_of(parent_key)
        if not self.beginMoveRows(src, old_row, old_row, dst, destination):
            raise ValueError("invalid move")
        self.siblings(old_parent).pop(old_row)
        self.siblings(new_parent).insert(row, task)
        self._parent_of[key] = new_parent
        self._flat = self._texts = self._flat_pos = None
        self._row_cache = None
        self.endMoveRows()

    def task_changed(self, key: str) -> None:
        self._forget_text(key)
        self._kind.pop(key, None)
        first, last = self.index_of(key, 0), self.index_of(key, 2)
        if first.isValid():
            self.dataChanged.emit(first, last)

    def numbers_changed(self, keys: list[str]) -> None:
        for key in keys:
            self._forget_text(key)
            index = self.index_of(key, 0)
            if index.isValid():
                self.dataChanged.emit(index, index, [DISPLAY])


class TaskFilterProxy(QSortFilterProxyModel):
    """Search without diacritics, filter by unit and by timeframe kind; parents of matches stay visible.

    The matching tasks (and their ancestors) are worked out in one pass over the
    plan whenever the filter or the plan changes; ``filterAcceptsRow`` is then a
    set lookup, so a keystroke stays fast on thousands of tasks.
    """

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._unit: str | None = None
        self._kind: str | None = None
        self._shown: set[str] = set()
        self._rows: set[tuple[int, int]] = set()  # (parent's internal id or 0, row) of every row shown
        self.matches: list[str] = []  # keys of the tasks that match, in document order

    def setSourceModel(self, model) -> None:  # type: ignore[override]
        super().setSourceModel(model)
        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
            signal.connect(self._source_changed)

    def set_filters(self, query: str, unit: str | None, kind: str | None) -> None:
        if not self.set_rules(query, unit, kind):
            return
        # A reset, not an invalidation: removing thousands of scattered rows one range at a
        # time costs a tree view seconds; rebuilding it once costs milliseconds.
        self.beginResetModel()
        self._compute()
        self.endResetModel()

    def set_rules(self, query: str, unit: str | None, kind: str | None) -> bool:
        """Take the words, unit and kind to match (without filtering anything yet); whether they changed."""
        words, unit, kind = fast_fold(query).split(), unit or None, kind or None
        if (words, unit, kind) == (self._words, self._unit, self._kind):
            return False
        self._words, self._unit, self._kind = words, unit, kind
        return True

    def matching_keys(self) -> list[str]:
        """The keys of the matching tasks in document order, without the tree's bookkeeping of ancestors."""
        model = self.sourceModel()
        if not self.is_filtering() or not isinstance(model, TaskTreeModel):
            return []
        words, search = self._words, model.search_text
        if words and not self._unit and not self._kind:  # the common case, typed in the search box
            return [task.key for task in model.flat() if all(word in search(task) for word in words)]
        return [task.key for task in model.flat() if self.accepts(model, task)]

    def set_query(self, text: str) -> None:
        self.set_filters(text, self._unit, self._kind)

    def set_unit(self, unit: str | None) -> None:
        self.set_filters(" ".join(self._words), unit, self._kind)

    def set_kind(self, kind: str | None) -> None:
        self.set_filters(" ".join(self._words), self._unit, kind)

    def _source_changed(self, *args: object) -> None:
        if self.is_filtering():
            self._begin()
            self._compute()
            self._end()

    def _begin(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def is_filtering(self) -> bool:
        return bool(self._words or self._unit or self._kind)

    def accepts(self, model: TaskTreeModel, task: Task) -> bool:
        if self._words:
            text = model.search_text(task)
            if not all(word in text for word in self._words):
                return False
        if self._unit and self._unit not in task.lead and self._unit not in task.coordinators:
            return False
        return not (self._kind and model.time_kind(task) != self._kind)

    def _compute(self) -> None:
        self._shown = set()
        self._rows = set()
        self.matches = []
        model = self.sourceModel()
        if not self.is_filtering() or not isinstance(model, TaskTreeModel):
            return
        shown, rows, matches = self._shown, self._rows, self.matches
        words, search = self._words, model.search_text
        if words and not self._unit and not self._kind:  # the common case, typed in the search box
            def accepts(_model: TaskTreeModel, task: Task) -> bool:
                text = search(task)
                return all(word in text for word in words)
        else:
            accepts = self.accepts
        path: list[tuple[str, int, int]] = []  # the ancestors of the task visited: (key, parent iid, row)

        def visit(items: list[Task], parent_iid: int) -> None:
            for row, task in enumerate(items):
                path.append((task.key, parent_iid, row))
                if accepts(model, task):
                    matches.append(task.key)
                    for key, pid, r in reversed(path):
                        if key in shown:
                            break
                        shown.add(key)
                        rows.add((pid, r))
                if task.children:
                    visit(task.children, model.iid(task.key))
                path.pop()

        visit(model.section.tasks, 0)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._rows and not self.is_filtering():
            return True
        return (source_parent.internalId() if source_parent.isValid() else 0, source_row) in self._rows


class SearchResultsProxy(QAbstractProxyModel):
    """While searching or filtering: the matching tasks as a flat list ("1. › a) Title").

    A flat list costs the view one row per match to lay out, where a tree with every
    ancestor opened costs one per shown row and level; so each keystroke stays fast
    on thousands of tasks. The tree comes back as it was when the filter is cleared.

    Matching runs in slices of the event loop (:data:`SLICE_SECONDS`): a key gets the
    matches found in its first slice at once (it stops at a batch of rows, what the view
    shows), the rest arrive as rows appended to the list or to the count (``progressed``),
    and the next key drops whatever is left of the search. A key
    that only narrows the query (one more letter or word) looks at the previous matches
    and the tasks not looked at yet, not at the whole plan.
    """

    progressed = Signal()  # more matches arrived, or the search finished

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._unit: str | None = None
        self._kind: str | None = None
        self.matches: list[str] = []
        self._row: dict[str, int] = {}
        self._fetched = 0  # rows handed to the view so far (Qt's "fetch more" as the user scrolls)
        self._fetching = False
        self._candidates: list[int] = []  # positions in the model's flat() the search looks at, in order
        self._next = 0  # how many of them it has looked at
        self._found: list[int] = []  # the positions that matched
        self._narrowable = False  # the search so far is of the current plan: a narrower query may build on it
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._continue)
        self._metrics: QFontMetrics | None = None
        self._widths: dict[int, int] = {}  # column: room for its text, px (none: labels not cut)
        self._labels: dict[tuple[str, int], str] = {}  # (key, column): the label cut to that room

    def setSourceModel(self, model) -> None:  # type: ignore[override]
        super().setSourceModel(model)
        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
            signal.connect(self._source_changed_labels)  # titles, numbers and places in the tree
        model.dataChanged.connect(self._source_data_changed)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
            signal.connect(self._refresh)

    is_filtering = TaskFilterProxy.is_filtering

    def has(self, key: str) -> bool:
        """Whether the task ``key`` is among the matches found so far."""
        return key in self._row

    def searching(self) -> bool:
        """Whether some tasks are still to be looked at (their matches arrive later)."""
        return self._next < len(self._candidates)

    def set_filters(self, query: str, unit: str | None, kind: str | None) -> None:
        words, unit, kind = fast_fold(query).split(), unit or None, kind or None
        if (words, unit, kind) == (self._words, self._unit, self._kind) and self._narrowable:
            return
        narrower = (self._narrowable and self.is_filtering() and (unit, kind) == (self._unit, self._kind)
                    and all(any(old in new for new in words) for old in self._words))
        self._words, self._unit, self._kind = words, unit, kind
        self._start(narrower)

    def _start(self, narrower: bool) -> None:
        model = self.sourceModel()
        if not self.is_filtering() or not isinstance(model, TaskTreeModel):
            self._candidates = []
        elif narrower:  # a task the wider query did not match cannot match this one
            self._candidates = self._found + self._candidates[self._next:]
        else:
            self._candidates = list(range(len(model.flat())))
        self._next = 0
        self._found = []
        self._narrowable = True
        self.beginResetModel()
        self.matches = []
        self._row = {}
        self._scan(time.perf_counter() + SLICE_SECONDS, enough=FETCH_BATCH)  # a screenful, the rest later
        self._fetched = min(len(self.matches), FETCH_BATCH)
        self.endResetModel()
        if self.searching():
            self._timer.start()
        else:
            self._timer.stop()

    def _continue(self) -> None:
        self._scan(time.perf_counter() + SLICE_SECONDS)
        if not self.searching():
            self._timer.stop()
        shown = min(len(self.matches), FETCH_BATCH)
        if shown > self._fetched:
            self._fetch_through(shown - 1)
        self.progressed.emit()

    def _scan(self, deadline: float, enough: int | None = None) -> None:
        """Look at candidates, SCAN_CHUNK at a time, until none is left, ``deadline`` has passed or
        ``enough`` matches were found."""
        model = self.sourceModel()
        flat, texts = model.flat(), model.search_texts()
        words, unit, kind = self._words, self._unit, self._kind
        candidates, found, count = self._candidates, self._found, len(self._candidates)
        start = len(found)
        i = self._next
        while i < count:
            chunk = candidates[i:i + SCAN_CHUNK]
            i += len(chunk)
            if words:
                for position in [p for p in chunk if texts[p] is None]:  # not folded in advance yet
                    texts[position] = model.search_text(flat[position])
                for word in words:  # one comprehension per word: a loop in C, not a generator per task
                    chunk = [p for p in chunk if word in texts[p]]  # type: ignore[operator]
            if unit:
                chunk = [p for p in chunk if unit in flat[p].lead or unit in flat[p].coordinators]
            if kind:
                chunk = [p for p in chunk if model.time_kind(flat[p]) == kind]
            found.extend(chunk)
            if time.perf_counter() >= deadline or (enough is not None and len(found) >= enough):
                break
        self._next = i
        keys = [flat[position].key for position in found[start:]]
        self._row.update(zip(keys, range(len(self.matches), len(self.matches) + len(keys)), strict=True))
        self.matches.extend(keys)

    accepts = TaskFilterProxy.accepts  # one task against the same words, unit and kind

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetched < len(self.matches)

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch_through(min(len(self.matches), self._fetched + FETCH_BATCH) - 1)

    def _fetch_through(self, row: int) -> None:
        # A view told of new rows may ask for more before the others have heard of the first
        # ones; nested inserts would confuse them, and the view asks again when it needs to.
        if row >= self._fetched and not self._fetching:
            self._fetching = True
            try:
                self.beginInsertRows(QModelIndex(), self._fetched, row)
                self._fetched = row + 1
                self.endInsertRows()
            finally:
                self._fetching = False

    def reveal(self, key: str) -> None:
        """Hand the view every row down to ``key``'s, so that it can be selected and shown."""
        row = self._row.get(key)
        if row is not None:
            self._fetch_through(row)

    def _refresh(self, *args: object) -> None:
        self._narrowable = False  # the plan changed: positions and matches so far are stale
        if self.is_filtering():
            self._start(False)

    def _source_data_changed(self, first: ModelIndex, last: ModelIndex, roles: object = None) -> None:
        model = self.sourceModel()
        task = model.task_at(first) if isinstance(model, TaskTreeModel) else None
        if task is None or not self.is_filtering():
            return
        still = self.accepts(model, task)
        if still != (task.key in self._row):
            self._refresh()
        elif still:
            row = self._row[task.key]
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < self._fetched and 0 <= column < 3):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetched > 0

    def mapToSource(self, proxy_index: ModelIndex) -> QModelIndex:
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < self._fetched:
            return QModelIndex()
        return self.sourceModel().index_of(self.matches[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: ModelIndex) -> QModelIndex:
        model = self.sourceModel()
        task = model.task_at(source_index) if source_index.isValid() else None
        row = self._row.get(task.key) if task is not None else None
        # a match below the rows fetched so far has no index yet: reveal() it first
        return self.index(row, source_index.column()) if row is not None else QModelIndex()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _flags("result") if index.isValid() else _flags("none")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        return self.sourceModel().headerData(section, orientation, role)

    def set_text_widths(self, metrics: QFontMetrics, widths: dict[int, int]) -> None:
        """Cut the labels to the width (px) of their columns, as the view would draw them: Qt lays out a
        long Vietnamese title whole at every paint before eliding it; a label that fits is drawn at once."""
        self._metrics, self._widths = metrics, widths
        self._labels.clear()

    def _source_changed_labels(self, *args: object) -> None:
        self._labels.clear()

    def data(self, index: ModelIndex, role: int = DISPLAY):
        if role not in _ANSWERED_ROLES or not index.isValid() or index.row() >= self._fetched:
            return None  # painting asks for fonts, colours ... of every cell: none are set
        key = self.matches[index.row()]
        column = index.column()
        if role == DISPLAY and column in self._widths:
            label = self._labels.get((key, column))
            if label is None:
                label = self._metrics.elidedText(self._label(key, column), QtCore.Qt.TextElideMode.ElideRight,
                                                 self._widths[column])
                self._labels[(key, column)] = label
            return label
        return self._label(key, column) if role == DISPLAY else self.sourceModel().data(
            self.sourceModel().index_of(key, column), role)

    def _label(self, key: str, column: int) -> str:
        model = self.sourceModel()
        text = model.data(model.index_of(key, column), DISPLAY)
        if column == COL_TITLE:
            path = []
            parent = model.parent_task(key)
            while parent is not None:
                path.append(printed(parent.number))
                parent = model.parent_task(parent.key)
            return " › ".join([*reversed(path), text]) if path else text
        return text


# Matches handed to the view at a time: laying out a few hundred rows is what a keystroke can afford;
# more follow as the user scrolls (a list of 2,000 matches took Qt 40-100 ms to lay out at once).
FETCH_BATCH = 100
# Matching done per turn of the event loop, so that a key (or a paint) never waits longer for it; the
# deadline is looked at after every SCAN_CHUNK tasks (about half a millisecond of matching); 4 ms cost
# a key at 20,000 tasks 3-4 ms more than 2 ms, for the same time to the last match.
SLICE_SECONDS = 0.002
SCAN_CHUNK = 1000

