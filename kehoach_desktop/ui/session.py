"""One open plan: the domain object, its task model, and one undo stack for every edit.

Each edit is a ``QUndoCommand`` whose ``redo``/``undo`` write SQLite first (through
``Store.plans``) and then update the in-memory plan and the model, so the
database always holds what the screen shows: there is no Save button. Commands
refer to tasks by their stable key, since a task put back by an undo gets a new
row id.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..domain.numbering import infer_styles, renumber
from ..domain.plan import Plan, Section, Signature, Task, new_key
from ..errors import KnownError
from ..services import Store
from ..store.units import CatalogState

if TYPE_CHECKING:
    from .taskmodel import TaskTreeModel

PLAN_FIELDS = ("issuer", "number", "symbol", "place", "date", "doc_type", "title", "bases", "preamble",
               "closing", "recipients", "signature", "labels")
TASK_FIELDS = ("title", "content", "lead", "coordinators", "time", "product", "notes", "labels", "assignment",
               "cells")


def section_outline(section: Section) -> Section:
    """A copy of ``section`` without its tasks (a task section keeps them in the store), as
    :meth:`PlanSession.set_sections` takes it: title, text items, a phụ lục's own description."""
    if section.kind == "text":
        return copy.deepcopy(section)
    return Section(section.title, "tasks", copy.deepcopy(section.items), appendix=copy.deepcopy(section.appendix))


def fresh_copy(task: Task) -> Task:
    """A deep copy with new keys (paste, duplicate)."""
    clone = copy.deepcopy(task)
    for item, _ in clone.walk():
        item.key = new_key()
        item.id = None
    return clone


class PlanSession(QObject):
    """The editing session of one plan; widgets call its methods, tests can too."""

    planChanged = Signal(list)  # names of plan fields that changed
    taskChanged = Signal(str)  # key
    sectionsChanged = Signal()
    structureChanged = Signal()
    selectTask = Signal(object)  # key or None: the task the last command touched
    failed = Signal(str)  # an undo or redo the database refused, as a message
    catalogChanged = Signal()  # the units catalog changed (or a change of it was undone)
    sectionSwitched = Signal()  # the tasks shown are now those of another task section
    saved = Signal()  # an edit (or its undo or redo) has just been written to the database

    def __init__(self, store: Store, plan_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.plan: Plan = store.plans.load(plan_id)
        self.plan_id = plan_id
        self.undo_stack = QUndoStack(self)
        tasks_section = next((s for s in self.plan.body_sections() if s.kind == "tasks"), None)
        if tasks_section is None:  # a plan always offers section II for tasks
            tasks_section = Section("NỘI DUNG", "tasks")  # document text, never translated
            sections = list(self.plan.sections)
            sections.insert(min(1, len(sections)), tasks_section)
            store.plans.replace_sections(plan_id, sections)
            self.plan = store.plans.load(plan_id)
            tasks_section = next(s for s in self.plan.body_sections() if s.kind == "tasks")
        self.section = tasks_section
        self._model: TaskTreeModel | None = None
        self.styles = infer_styles(self.section.tasks)
        self._refresh_section_id()

    @property
    def model(self) -> TaskTreeModel:
        """The tree of the tasks of :attr:`section`, made the first time it is needed: a plan opens on its
        general information, and the window appears before the task tree's Qt types are built."""
        if self._model is None:
            from .taskmodel import TaskTreeModel

            self._model = TaskTreeModel(self.section, self)
            self._model.moveRequested.connect(self.move_task)
        return self._model

    @property
    def task_sections(self) -> list[Section]:
        """The sections holding tasks: the body's and the phụ lục's (not a "Danh mục" mirror)."""
        return self.plan.task_sections()

    def use_section(self, section: Section) -> None:
        """Edit the tasks of ``section`` (one of the plan's task sections) from now on."""
        if section is self.section or not any(section is s for s in self.plan.sections):
            return
        self.section = section
        if self._model is not None:  # (else made for this section when first needed)
            self._model.set_section(section)
        self.styles = infer_styles(section.tasks)
        self._refresh_section_id()
        self.sectionSwitched.emit()

    def _refresh_section_id(self) -> None:
        ids = self.store.plans.section_ids(self.plan_id)
        position = next(i for i, s in enumerate(self.plan.sections) if s is self.section)
        self.section_id = ids[position]

    # --- plan fields ---------------------------------------------------------------------------

    def set_plan_fields(self, merge_id: int = -1, **changes: Any) -> None:
        old = {name: copy.deepcopy(getattr(self.plan, name)) for name in changes}
        if all(old[name] == value for name, value in changes.items()):
            return
        self._push(_PlanFieldsCommand(self, changes, old, merge_id))

    def _apply_plan(self, values: dict[str, Any]) -> None:
        self.store.plans.update_plan(self.plan_id, **values)
        for name, value in values.items():
            setattr(self.plan, name, copy.deepcopy(value))
        self.planChanged.emit(list(values))

    def set_sections(self, sections: list[Section]) -> None:
        """Replace the sections' titles, order and text (I./III./IV. content, a task section's opening, a
        phụ lục's label, title lines, columns and items); task sections keep their tasks."""
        old = [section_outline(s) for s in self.plan.sections]
        if old == [section_outline(s) for s in sections]:
            return
        self._push(_SectionsCommand(self, sections, old))

    def _apply_sections(self, sections: list[Section]) -> None:
        self.store.plans.replace_sections(self.plan_id, sections)
        result: list[Section] = []
        # task sections keep their tasks, in order (as the store does)
        existing = [s for s in self.plan.sections if s.kind == "tasks"]
        for section in sections:
            if section.kind == "tasks" and existing:
                kept = existing.pop(0)
                kept.title, kept.items = section.title, copy.deepcopy(section.items)
                kept.appendix = copy.deepcopy(section.appendix)
                result.append(kept)
            else:
                result.append(copy.deepcopy(section))
        self.plan.sections = result
        if not any(self.section is s for s in result) and self.task_sections:
            self.use_section(self.task_sections[0])
        self._refresh_section_id()
        self.sectionsChanged.emit()

    def set_appendix(self, index: int, section: Section) -> None:
        """Change the phụ lục at ``index`` (its lines, columns, items); when a column of the tasks' own cells
        is renamed, the cells follow it (one undo step for both)."""
        current = self.plan.sections[index]
        sections = [section_outline(s) for s in self.plan.sections]
        sections[index] = section
        before = [h for f, h in current.appendix.columns if not f] if current.appendix else []
        after = [h for f, h in section.appendix.columns if not f] if section.appendix else []
        renames = {old: new for old, new in zip(before, after, strict=False) if old != new} \
            if len(before) == len(after) else {}
        tasks = [t for top in current.tasks for t, _ in top.walk() if renames.keys() & t.cells.keys()]
        if not tasks:
            self.set_sections(sections)
            return
        self.use_section(current)
        self.undo_stack.beginMacro(QCoreApplication.translate("PlanSession", "Đổi tên cột của phụ lục"))
        try:
            self.set_sections(sections)
            for task in tasks:
                self.set_task_fields(task.key, -1, cells={renames.get(k, k): v for k, v in task.cells.items()})
        finally:
            self.undo_stack.endMacro()

    def add_appendix(self, section: Section) -> None:
        """Add a phụ lục (with whatever tasks it holds) after the plan's other sections."""
        self._push(_AppendixCommand(self, len(self.plan.sections), section, adding=True))

    def remove_appendix(self, index: int) -> None:
        """Delete the phụ lục at ``index`` of the plan's sections, with its own tasks."""
        section = self.plan.sections[index]
        if section.appendix is None:
            return
        self._push(_AppendixCommand(self, index, section, adding=False))

    def _insert_section(self, index: int, section: Section) -> None:
        self.store.plans.insert_section(self.plan_id, index, section)  # gives its tasks their ids
        self.plan.sections.insert(index, section)
        self._refresh_section_id()
        self.sectionsChanged.emit()

    def _remove_section(self, index: int) -> None:
        section = self.plan.sections[index]
        self.store.plans.delete_section(self.plan_id, self.store.plans.section_ids(self.plan_id)[index])
        self.plan.sections.pop(index)
        if section is self.section:
            self.use_section(next(s for s in self.plan.body_sections() if s.kind == "tasks"))
        self._refresh_section_id()
        self.sectionsChanged.emit()

    # --- task fields ----------------------------------------------------------------------------

    def set_task_fields(self, key: str, merge_id: int = -1, **changes: Any) -> None:
        task = self.model.task(key)
        if ("lead" in changes or "coordinators" in changes) and "assignment" not in changes and task.assignment:
            if any(changes[n] != getattr(task, n) for n in ("lead", "coordinators") if n in changes):
                changes["assignment"] = []  # the units were edited: print them as labelled lists
        old = {name: copy.deepcopy(getattr(task, name)) for name in changes}
        if all(old[name] == value for name, value in changes.items()):
            return
        self._push(_TaskFieldsCommand(self, key, changes, old, merge_id))

    def _apply_task(self, key: str, values: dict[str, Any]) -> None:
        task = self.model.task(key)
        self.store.plans.update_task(int(task.id or 0), **values)
        for name, value in values.items():
            setattr(task, name, copy.deepcopy(value))
        self.model.task_changed(key)
        self.taskChanged.emit(key)

    # --- structure ------------------------------------------------------------------------------

    def add_task(self, after_key: str | None = None, *, child: bool = False, task: Task | None = None,
                 text: str | None = None) -> str:
        """A new task after ``after_key`` (or as its last sub-task); return the new key."""
        task = task or Task(title="")
        if after_key is None:
            parent_key, row = None, len(self.section.tasks)
        elif child:
            parent_key, row = after_key, len(self.model.task(after_key).children)
        else:
            parent = self.model.parent_task(after_key)
            parent_key, row = (parent.key if parent else None), self.model.row(after_key) + 1
        self._push(_InsertCommand(self, parent_key, row, task,
                                            text or QCoreApplication.translate("PlanSession", "Thêm nhiệm vụ")))
        return task.key

    def delete_task(self, key: str) -> None:
        self._push(_DeleteCommand(self, key))

    def move_task(self, key: str, parent_key: str | None, row: int, text: str | None = None) -> None:
        parent = self.model.parent_task(key)
        if (parent.key if parent else None) == parent_key and self.model.row(key) == row:
            return
        self._push(_MoveCommand(self, key, parent_key, row,
                                          text or QCoreApplication.translate("PlanSession", "Di chuyển nhiệm vụ")))

    def move_up(self, key: str) -> bool:
        row = self.model.row(key)
        if row == 0:
            return False
        parent = self.model.parent_task(key)
        self.move_task(key, parent.key if parent else None, row - 1,
                       QCoreApplication.translate("PlanSession", "Chuyển nhiệm vụ lên"))
        return True

    def move_down(self, key: str) -> bool:
        parent = self.model.parent_task(key)
        row = self.model.row(key)
        if row + 1 >= len(self.model.siblings(parent)):
            return False
        self.move_task(key, parent.key if parent else None, row + 1,
                       QCoreApplication.translate("PlanSession", "Chuyển nhiệm vụ xuống"))
        return True

    def indent(self, key: str) -> bool:
        """Make the task the last sub-task of the task above it (Tab)."""
        row = self.model.row(key)
        if row == 0:
            return False
        above = self.model.siblings(self.model.parent_task(key))[row - 1]
        self.move_task(key, above.key, len(above.children),
                       QCoreApplication.translate("PlanSession", "Thụt nhiệm vụ vào"))
        return True

    def outdent(self, key: str) -> bool:
        """Make the task the next sibling of its parent (Shift+Tab)."""
        parent = self.model.parent_task(key)
        if parent is None:
            return False
        grand = self.model.parent_task(parent.key)
        self.move_task(key, grand.key if grand else None, self.model.row(parent.key) + 1,
                       QCoreApplication.translate("PlanSession", "Thụt nhiệm vụ ra"))
        return True

    def paste_tasks(self, tasks: list[Task], after_key: str | None) -> list[str]:
        keys = []
        self.undo_stack.beginMacro(QCoreApplication.translate("PlanSession", "Dán nhiệm vụ"))
        try:
            for task in tasks:
                clone = fresh_copy(task)
                after_key = self.add_task(after_key, task=clone)
                keys.append(after_key)
        finally:
            self.undo_stack.endMacro()
        return keys

    # --- units catalog ------------------------------------------------------------------------------

    def record_catalog_change(self, text: str, before: CatalogState, after: CatalogState) -> None:
        """A change made in the units catalog (already saved) joins this plan's undo history."""
        command = _CatalogCommand(self, text, before, after)
        command._skip_redo = True
        self.undo_stack.push(command)
        self.saved.emit()
        self.reload_units()

    def reload_units(self) -> None:
        """Show the units of every task as the database now names them (after a catalog change)."""
        stored = {task.key: task for task, _ in self.store.plans.load(self.plan_id).walk_tasks()}
        for task, _ in self.model.walk():
            fresh = stored.get(task.key)
            if fresh is not None and (fresh.lead, fresh.coordinators) != (task.lead, task.coordinators):
                task.lead, task.coordinators = fresh.lead, fresh.coordinators
                self.model.task_changed(task.key)
                self.taskChanged.emit(task.key)
        self.catalogChanged.emit()

    # --- helpers for commands ----------------------------------------------------------------------

    def _push(self, command: _Command) -> None:
        command.task_section = self.section  # undo and redo act on the tasks of this section
        command.do()  # raises a KnownError before anything enters the undo stack
        command._skip_redo = True
        self.undo_stack.push(command)
        self.saved.emit()

    def _put_back(self, parent_key: str | None, row: int, snapshot: Task) -> None:
        """Insert a copy of ``snapshot`` (with its sub-tasks) in the database and the tree."""
        task = copy.deepcopy(snapshot)
        self.store.plans.insert_task(self.plan_id, self.section_id, self._parent_id(parent_key), row, task)
        self.model.insert_task(parent_key, row, task)
        self._renumber()
        self.selectTask.emit(task.key)

    def _take_out(self, key: str) -> None:
        """Delete a task (with its sub-tasks) from the database and the tree."""
        self.store.plans.delete_task(int(self.model.task(key).id or 0))
        self.model.remove_task(key)
        self._renumber()

    def _parent_id(self, parent_key: str | None) -> int | None:
        return int(self.model.task(parent_key).id or 0) if parent_key else None

    def _renumber(self) -> None:
        before = {task.key: task.number for task, _ in self.model.walk()}
        renumber(self.section.tasks, self.styles)
        changed = {task.key: task for task, _ in self.model.walk() if before.get(task.key) != task.number}
        if changed:
            self.store.plans.set_numbers({int(t.id or 0): t.number for t in changed.values()})
            self.model.numbers_changed(list(changed))
        self.structureChanged.emit()


class _Command(QUndoCommand):
    """A command whose first ``redo`` runs before it is pushed, so a refused edit never enters the stack."""

    _skip_redo = False
    task_section: Section | None = None

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guarded(self.do)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step) -> None:
        # Ctrl+Z / Ctrl+Y run inside Qt: a refused write (locked or read-only database) becomes a
        # message, and the step leaves the history, which then matches what the database holds.
        if self.task_section is not None:
            self.session.use_section(self.task_section)
        try:
            step()
        except KnownError as exc:
            self.setObsolete(True)
            self.session.failed.emit(exc.message)
            return
        self.session.saved.emit()

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class _PlanFieldsCommand(_Command):
    def __init__(self, session: PlanSession, new: dict[str, Any], old: dict[str, Any], merge_id: int) -> None:
        super().__init__(QCoreApplication.translate("PlanSession", "Sửa thông tin kế hoạch"))
        self.session, self.new, self.old, self.merge_id = session, dict(new), old, merge_id

    def id(self) -> int:
        return self.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _PlanFieldsCommand) or other.new.keys() != self.new.keys():
            return False
        self.new = other.new
        return True

    def do(self) -> None:
        self.session._apply_plan(self.new)

    def revert(self) -> None:
        self.session._apply_plan(self.old)


class _SectionsCommand(_Command):
    def __init__(self, session: PlanSession, new: list[Section], old: list[Section]) -> None:
        super().__init__(QCoreApplication.translate("PlanSession", "Sửa các phần của kế hoạch"))
        self.session, self.new, self.old = session, copy.deepcopy(new), old

    def do(self) -> None:
        self.session._apply_sections(self.new)

    def revert(self) -> None:
        self.session._apply_sections(self.old)


class _AppendixCommand(_Command):
    """A phụ lục added or deleted; the same section object (and its tasks' keys) comes back on undo, so
    the edits made in it before stay undoable."""

    def __init__(self, session: PlanSession, index: int, section: Section, *, adding: bool) -> None:
        super().__init__(QCoreApplication.translate("PlanSession", "Thêm phụ lục") if adding
                         else QCoreApplication.translate("PlanSession", "Xóa phụ lục"))
        self.session, self.index, self.section, self.adding = session, index, section, adding

    def do(self) -> None:
        if self.adding:
            self.session._insert_section(self.index, self.section)
        else:
            self.session._remove_section(self.index)

    def revert(self) -> None:
        if self.adding:
            self.session._remove_section(self.index)
        else:
            self.session._insert_section(self.index, self.section)


class _TaskFieldsCommand(_Command):
    def __init__(self, session: PlanSession, key: str, new: dict[str, Any], old: dict[str, Any],
                 merge_id: int) -> None:
        super().__init__(QCoreApplication.translate("PlanSession", "Sửa nhiệm vụ"))
        self.session, self.key, self.new, self.old, self.merge_id = session, key, dict(new), old, merge_id

    def id(self) -> int:
        return self.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, _TaskFieldsCommand) or other.key != self.key
                or other.new.keys() != self.new.keys()):
            return False
        self.new = other.new
        return True

    def do(self) -> None:
        self.session._apply_task(self.key, self.new)
        self.session.selectTask.emit(self.key)

    def revert(self) -> None:
        self.session._apply_task(self.key, self.old)
        self.session.selectTask.emit(self.key)


class _InsertCommand(_Command):
    def __init__(self, session: PlanSession, parent_key: str | None, row: int, task: Task, text: str) -> None:
        super().__init__(text)
        self.session, self.parent_key, self.row = session, parent_key, row
        self.snapshot = copy.deepcopy(task)
        self.key = task.key

    def do(self) -> None:
        self.session._put_back(self.parent_key, self.row, self.snapshot)

    def revert(self) -> None:
        self.session._take_out(self.key)
        self.session.selectTask.emit(self.parent_key)


class _DeleteCommand(_Command):
    def __init__(self, session: PlanSession, key: str) -> None:
        title = session.model.task(key).title
        short = title if len(title) <= 40 else title[:39] + "…"
        super().__init__(QCoreApplication.translate("PlanSession", "Xóa nhiệm vụ “%1”").replace("%1", short))
        self.session, self.key = session, key
        parent = session.model.parent_task(key)
        self.parent_key = parent.key if parent else None
        self.row = session.model.row(key)
        self.snapshot = copy.deepcopy(session.model.task(key))

    def do(self) -> None:
        s = self.session
        self.snapshot = copy.deepcopy(s.model.task(self.key))
        s._take_out(self.key)
        siblings = s.model.siblings(s.model.task(self.parent_key) if self.parent_key else None)
        if siblings:
            s.selectTask.emit(siblings[min(self.row, len(siblings) - 1)].key)
        else:
            s.selectTask.emit(self.parent_key)

    def revert(self) -> None:
        self.session._put_back(self.parent_key, self.row, self.snapshot)


class _MoveCommand(_Command):
    def __init__(self, session: PlanSession, key: str, parent_key: str | None, row: int, text: str) -> None:
        super().__init__(text)
        self.session, self.key, self.parent_key, self.row = session, key, parent_key, row
        old_parent = session.model.parent_task(key)
        self.old_parent_key = old_parent.key if old_parent else None
        self.old_row = session.model.row(key)

    def _move(self, parent_key: str | None, row: int) -> None:
        s = self.session
        s.store.plans.move_task(int(s.model.task(self.key).id or 0), s.section_id, s._parent_id(parent_key), row)
        s.model.move_task(self.key, parent_key, row)
        s._renumber()
        s.selectTask.emit(self.key)

    def do(self) -> None:
        self._move(self.parent_key, self.row)

    def revert(self) -> None:
        self._move(self.old_parent_key, self.old_row)


def signature_of(lines: list[str], signer: str) -> Signature:
    return Signature(list(lines), signer)


class _CatalogCommand(_Command):
    """A rename, merge, addition or removal in the units catalog."""

    def __init__(self, session: PlanSession, text: str, before: CatalogState, after: CatalogState) -> None:
        super().__init__(text)
        self.session, self.before, self.after = session, before, after

    def do(self) -> None:
        self.session.store.units.restore_state(self.after, self.before)
        self.session.reload_units()

    def revert(self) -> None:
        self.session.store.units.restore_state(self.before, self.after)
        self.session.reload_units()
