"""A phụ lục's page: its label, title lines, "(Kèm theo …)" line, orientation, and its content.

A task phụ lục shows its table's columns (the headings as the source wrote them) and opens its
tasks in the task page; a "Danh mục" (mirror) phụ lục only its columns; a text phụ lục its items
(heading as written, paragraphs, and a table edited in a grid). Built the first time a phụ lục is
opened (``PlanEditor.appendix_page``); every edit goes to the session as one undoable, saved edit.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.plan import APPENDIX_FIELDS, Appendix, Plan, Section, TextItem, TextTable
from .pages import TextSectionPage, _form, _ItemEditor
from .widgets import CommitLineEdit, CommitTextEdit

# What a column of a task phụ lục shows ("" = a column of its own, typed per task).
FIELD_NAMES = {
    "number": QT_TRANSLATE_NOOP("AppendixPage", "Số thứ tự"),
    "title": QT_TRANSLATE_NOOP("AppendixPage", "Tên nhiệm vụ"),
    "lead": QT_TRANSLATE_NOOP("AppendixPage", "Đơn vị chủ trì"),
    "coordinators": QT_TRANSLATE_NOOP("AppendixPage", "Đơn vị phối hợp"),
    "time": QT_TRANSLATE_NOOP("AppendixPage", "Thời gian thực hiện"),
    "product": QT_TRANSLATE_NOOP("AppendixPage", "Sản phẩm"),
    "notes": QT_TRANSLATE_NOOP("AppendixPage", "Ghi chú"),
    "": QT_TRANSLATE_NOOP("AppendixPage", "Cột riêng (gõ cho từng nhiệm vụ)"),
}


# The kinds of phụ lục "Thêm phụ lục" offers (translated in the PlanEditor context).
APPENDIX_KINDS = {
    "tasks": QT_TRANSLATE_NOOP("PlanEditor", "Bảng nhiệm vụ riêng của phụ lục"),
    "mirror": QT_TRANSLATE_NOOP("PlanEditor", "Danh mục các nhiệm vụ của kế hoạch (lập từ các phần)"),
    "text": QT_TRANSLATE_NOOP("PlanEditor", "Nội dung tự do (đề cương, biểu mẫu, bảng)"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppendixPage", text)


def attached_line(plan: Plan) -> str:
    """``(Kèm theo Kế hoạch số 05/KH-UBND ngày 20 tháng 3 năm 2026 của Ủy ban nhân dân xã Lam Vỹ)``, blanks
    where the plan has none yet (document text, as the printed phụ lục says it)."""
    from ..documents.layout import agency_name, date_words

    number = (plan.number or "").strip()
    if number.isdigit() and int(number) < 10:
        number = f"{int(number):02d}"
    who = agency_name(plan.issuer, plan.place) or "…"
    return (
        f"(Kèm theo {plan.doc_type.capitalize()} số {number or '…'}/{plan.symbol} "
        f"{date_words(plan.date)} của {who})"
    )


def nav_text(section: Section) -> str:
    """The phụ lục's row in the parts list: "Phụ lục 01: MỘT SỐ NHIỆM VỤ …", "Phụ lục: Biểu 01"."""
    appendix = section.appendix or Appendix()
    label = appendix.label.strip()
    title = next((line.strip() for line in appendix.heading if line.strip()), "")
    if not title and section.title.strip() != label:
        title = section.title.strip()
    if len(title) > 48:
        title = title[:47] + "…"
    prefix = QCoreApplication.translate("PlanEditor", "Phụ lục")
    if label.casefold().startswith("phụ lục") and label.casefold() != "phụ lục":
        return f"{label}: {title}" if title else label
    return f"{prefix}: {label if label and label.casefold() != 'phụ lục' else title or '…'}"


class ColumnsEditor(QWidget):
    """The columns of a task phụ lục's table: what each shows, and its heading as the source wrote it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(QCoreApplication.translate("AppendixPage", "Các cột của bảng phụ lục"))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("AppendixPage", "Cột in ra (tiêu đề như văn bản)"),
                QCoreApplication.translate("AppendixPage", "Nội dung của cột"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._edited)
        self.add_button = QPushButton(QCoreApplication.translate("AppendixPage", "Thêm cột"))
        self.add_button.clicked.connect(self.add_column)
        self.remove_button = QPushButton(QCoreApplication.translate("AppendixPage", "Bỏ cột"))
        self.remove_button.clicked.connect(self.remove_column)
        self.up_button = QToolButton()
        self.up_button.setText("↑")
        self.up_button.setToolTip(QCoreApplication.translate("AppendixPage", "Chuyển cột sang trái"))
        self.up_button.clicked.connect(self.move_up)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.up_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _combo(self, field: str) -> QComboBox:
        combo = QComboBox()
        for name, caption in FIELD_NAMES.items():
            combo.addItem(_tr(caption), name)
        combo.setCurrentIndex(max(0, combo.findData(field)))
        combo.currentIndexChanged.connect(self._edited)
        return combo

    def set_columns(self, columns: list[tuple[str, str]]) -> None:
        if columns == self.columns() and self.table.rowCount() == len(columns):
            return
        self._loading = True
        try:
            self.table.setRowCount(0)
            for field, heading in columns:
                self._append(field, heading)
        finally:
            self._loading = False
        rows = max(len(columns), 3)
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 4
        )

    def _append(self, field: str, heading: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(heading))
        self.table.setCellWidget(row, 1, self._combo(field))

    def columns(self) -> list[tuple[str, str]]:
        result = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            combo = self.table.cellWidget(row, 1)
            heading = " ".join((item.text() if item else "").split())
            field = combo.currentData() if isinstance(combo, QComboBox) else ""
            result.append((str(field or ""), heading))
        return result

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    def add_column(self) -> None:
        self._loading = True
        try:
            self._append("", QCoreApplication.translate("AppendixPage", "Cột mới"))
        finally:
            self._loading = False
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.changed.emit()

    def remove_column(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def move_up(self) -> None:
        row = self.table.currentRow()
        if row <= 0:
            return
        columns = self.columns()
        columns[row - 1], columns[row] = columns[row], columns[row - 1]
        self.set_columns(columns)
        self.table.setCurrentCell(row - 1, 0)
        self.changed.emit()


class TableEditor(QWidget):
    """A table of a text phụ lục ("Biểu 01"): a grid of cell texts, its first rows the headings."""

    changed = Signal()
    removeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.grid = QTableWidget(0, 0)
        self.grid.setAccessibleName(QCoreApplication.translate("AppendixPage", "Bảng"))
        self.grid.itemChanged.connect(self._edited)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.header_rows = QSpinBox()
        self.header_rows.setRange(0, 5)
        self.header_rows.setToolTip(
            QCoreApplication.translate(
                "AppendixPage", "Số dòng đầu của bảng là tiêu đề (in đậm, lặp lại ở đầu mỗi trang)"
            )
        )
        self.header_rows.valueChanged.connect(self._edited)
        specs = [
            ("add_row", QCoreApplication.translate("AppendixPage", "Thêm dòng"), self.add_row),
            ("remove_row", QCoreApplication.translate("AppendixPage", "Bỏ dòng"), self.remove_row),
            ("add_column", QCoreApplication.translate("AppendixPage", "Thêm cột"), self.add_column),
            ("remove_column", QCoreApplication.translate("AppendixPage", "Bỏ cột"), self.remove_column),
            (
                "remove_table",
                QCoreApplication.translate("AppendixPage", "Bỏ bảng"),
                self.removeRequested.emit,
            ),
        ]
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for name, text, slot in specs:
            button = QToolButton()
            button.setText(text)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(QLabel(QCoreApplication.translate("AppendixPage", "Dòng tiêu đề:")))
        row.addWidget(self.header_rows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid)
        layout.addLayout(row)

    def set_table(self, table: TextTable) -> None:
        if self.table() == table:
            return
        self._loading = True
        try:
            width = max((len(r) for r in table.rows), default=0)
            self.grid.setRowCount(len(table.rows))
            self.grid.setColumnCount(width)
            for r, cells in enumerate(table.rows):
                for c in range(width):
                    self.grid.setItem(r, c, QTableWidgetItem(cells[c] if c < len(cells) else ""))
            self.header_rows.setValue(table.header_rows)
            self._mark_headings()
        finally:
            self._loading = False
        self._fit()

    def _fit(self) -> None:
        rows = min(max(self.grid.rowCount(), 2), 10)
        self.grid.setFixedHeight(
            self.grid.horizontalHeader().sizeHint().height()
            + rows * self.grid.verticalHeader().defaultSectionSize()
            + 4
        )

    def _mark_headings(self) -> None:
        """The heading rows in bold, as they print."""
        for r in range(self.grid.rowCount()):
            for c in range(self.grid.columnCount()):
                item = self.grid.item(r, c)
                if item is not None and item.font().bold() != (r < self.header_rows.value()):
                    font = item.font()
                    font.setBold(r < self.header_rows.value())
                    item.setFont(font)

    def table(self) -> TextTable:
        rows = []
        for r in range(self.grid.rowCount()):
            rows.append(
                [
                    (self.grid.item(r, c).text().strip() if self.grid.item(r, c) else "")
                    for c in range(self.grid.columnCount())
                ]
            )
        return TextTable(rows, min(self.header_rows.value(), len(rows)))

    def _edited(self, *_args) -> None:
        if not self._loading:
            self._loading = True
            try:
                self._mark_headings()
            finally:
                self._loading = False
            self.changed.emit()

    def _reshape(self, change) -> None:
        self._loading = True
        try:
            change()
            for r in range(self.grid.rowCount()):
                for c in range(self.grid.columnCount()):
                    if self.grid.item(r, c) is None:
                        self.grid.setItem(r, c, QTableWidgetItem(""))
            self._mark_headings()
        finally:
            self._loading = False
        self._fit()
        self.changed.emit()

    def add_row(self) -> None:
        at = self.grid.currentRow() + 1 if self.grid.currentRow() >= 0 else self.grid.rowCount()
        self._reshape(lambda: self.grid.insertRow(at))

    def remove_row(self) -> None:
        if self.grid.rowCount() > 1:
            self._reshape(
                lambda: self.grid.removeRow(
                    max(self.grid.currentRow(), 0)
                    if self.grid.currentRow() >= 0
                    else self.grid.rowCount() - 1
                )
            )

    def add_column(self) -> None:
        at = self.grid.currentColumn() + 1 if self.grid.currentColumn() >= 0 else self.grid.columnCount()
        self._reshape(lambda: self.grid.insertColumn(at))

    def remove_column(self) -> None:
        if self.grid.columnCount() > 1:
            self._reshape(
                lambda: self.grid.removeColumn(
                    self.grid.currentColumn()
                    if self.grid.currentColumn() >= 0
                    else self.grid.columnCount() - 1
                )
            )


class AppendixPage(TextSectionPage):
    """One phụ lục at a time (the parts list loads the one chosen); emits ``commit(index, Section)``."""

    openTasks = Signal(object)  # the phụ lục's section: edit its tasks in the task page

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(-1, "", parent)
        self.plan = plan  # whose number, date and issuer "Điền theo kế hoạch" writes
        self.numeral.setText(QCoreApplication.translate("AppendixPage", "Phụ lục"))
        self.title.setVisible(False)  # its name is its title lines
        self.hint.setText(
            QCoreApplication.translate(
                "AppendixPage",
                "Tiêu đề mục được in đúng như đã gõ (không tự đánh số). Một mục có thể kèm một "
                "bảng (ví dụ biểu mẫu báo cáo).",
            )
        )
        self.label = CommitLineEdit()
        self.label.setPlaceholderText(
            QCoreApplication.translate(
                "AppendixPage", "ví dụ: Phụ lục, Phụ lục 01, Biểu 01 (có thể để trống)"
            )
        )
        self.heading = CommitTextEdit(lines=2)
        self.heading.setPlaceholderText(
            QCoreApplication.translate(
                "AppendixPage", "Tên phụ lục, mỗi dòng một dòng in, ví dụ: DANH MỤC NHIỆM VỤ"
            )
        )
        self.attached = CommitLineEdit()
        self.attached.setPlaceholderText(
            QCoreApplication.translate("AppendixPage", "(Kèm theo Kế hoạch số …/KH-UBND ngày … của …)")
        )
        self.fill_button = QPushButton(QCoreApplication.translate("AppendixPage", "Điền theo kế hoạch"))
        self.fill_button.setToolTip(
            QCoreApplication.translate(
                "AppendixPage", "Ghi dòng “Kèm theo” theo số, ngày và cơ quan ban hành của kế hoạch này"
            )
        )
        self.fill_button.clicked.connect(self.fill_attached)
        self.orientation = QComboBox()
        self.orientation.addItem(QCoreApplication.translate("AppendixPage", "Trang ngang"), True)
        self.orientation.addItem(QCoreApplication.translate("AppendixPage", "Trang dọc"), False)
        self.orientation.activated.connect(lambda _i: self._committed())
        attached_row = QHBoxLayout()
        attached_row.setContentsMargins(0, 0, 0, 0)
        attached_row.addWidget(self.attached, 1)
        attached_row.addWidget(self.fill_button)
        orientation_row = QHBoxLayout()
        orientation_row.setContentsMargins(0, 0, 0, 0)
        orientation_row.addWidget(self.orientation)
        orientation_row.addStretch(1)
        form = _form()
        form.addRow(QCoreApplication.translate("AppendixPage", "&Nhãn:"), self.label)
        form.addRow(QCoreApplication.translate("AppendixPage", "Tên phụ lụ&c:"), self.heading)
        attached_label = QLabel(QCoreApplication.translate("AppendixPage", "&Kèm theo:"))
        attached_label.setBuddy(self.attached)
        form.addRow(attached_label, attached_row)
        orientation_label = QLabel(QCoreApplication.translate("AppendixPage", "Khổ &giấy:"))
        orientation_label.setBuddy(self.orientation)
        form.addRow(orientation_label, orientation_row)
        for edit in (self.label, self.heading, self.attached):
            edit.committed.connect(self._committed)

        self.columns = ColumnsEditor()
        self.columns.changed.connect(self._committed)
        self.tasks_info = QLabel()
        self.tasks_info.setWordWrap(True)
        self.tasks_button = QPushButton(
            QCoreApplication.translate("AppendixPage", "&Sửa các nhiệm vụ của phụ lục")
        )
        self.tasks_button.clicked.connect(
            lambda: self.section is not None and self.openTasks.emit(self.section)
        )
        tasks_row = QHBoxLayout()
        tasks_row.addWidget(self.tasks_info, 1)
        tasks_row.addWidget(self.tasks_button)
        self.table_box = QGroupBox(QCoreApplication.translate("AppendixPage", "Bảng nhiệm vụ"))
        box = QVBoxLayout(self.table_box)
        box.addLayout(tasks_row)
        box.addWidget(self.columns)
        self.body_layout.insertLayout(1, form)
        self.body_layout.insertWidget(2, self.table_box)

    # --- the page contract -----------------------------------------------------------------------

    def load(self, section: Section) -> None:
        appendix = section.appendix or Appendix()
        text = section.kind == "text"
        super().load(section if text else Section(section.title, "text", []))
        self.section = section
        self._loading = True
        try:
            self.label.set_value(appendix.label)
            self.heading.set_lines(appendix.heading)
            self.attached.set_value(appendix.attached)
            self.orientation.setCurrentIndex(0 if appendix.landscape else 1)
            self.columns.set_columns(list(appendix.columns))
            for editor, item in zip(self.editors, section.items if text else [], strict=True):
                self._show_table(editor, item.table)
        finally:
            self._loading = False
        for widget in (self.hint, self.add_button):
            widget.setVisible(text)
        self.table_box.setVisible(not text)
        self.tasks_button.setVisible(not appendix.mirror)
        if appendix.mirror:
            self.table_box.setTitle(
                QCoreApplication.translate("AppendixPage", "Danh mục nhiệm vụ của kế hoạch")
            )
            self.tasks_info.setText(
                QCoreApplication.translate(
                    "AppendixPage",
                    "Bảng này tự liệt kê các nhiệm vụ của các phần trong kế hoạch "
                    "(không có nhiệm vụ riêng). Sửa ở đây tiêu đề các cột.",
                )
            )
        else:
            self.table_box.setTitle(QCoreApplication.translate("AppendixPage", "Bảng nhiệm vụ"))
            count = sum(1 for top in section.tasks for _ in top.walk())
            self.tasks_info.setText(
                QCoreApplication.translate(
                    "AppendixPage", "Phụ lục có %1 nhiệm vụ riêng, được theo dõi như các nhiệm vụ khác."
                ).replace("%1", str(count))
            )

    def _new_editor(self) -> _ItemEditor:
        editor = super()._new_editor()
        editor.heading.setPlaceholderText(
            QCoreApplication.translate(
                "AppendixPage", "Tiêu đề mục như văn bản, ví dụ: I. KẾT QUẢ THỰC HIỆN (có thể để trống)"
            )
        )
        editor.caption.setText(QCoreApplication.translate("AppendixPage", "Mục"))
        # an outline has many short items: a box of a few lines each (it scrolls when the text is longer)
        line = editor.paragraphs.fontMetrics().lineSpacing()
        editor.paragraphs.setMinimumHeight(line * 2 + 14)
        editor.paragraphs.setMaximumHeight(line * 5 + 14)
        editor.table_editor = None  # type: ignore[attr-defined]
        add_table = QToolButton()
        add_table.setText(QCoreApplication.translate("AppendixPage", "Thêm bảng"))
        add_table.clicked.connect(lambda: self._add_table(editor))
        editor.add_table = add_table  # type: ignore[attr-defined]
        editor.layout().itemAt(0).layout().insertWidget(2, add_table)
        return editor

    def _show_table(self, editor: _ItemEditor, table: TextTable | None) -> None:
        current: TableEditor | None = editor.table_editor  # type: ignore[attr-defined]
        if table is None:
            if current is not None:
                current.setParent(None)
                current.deleteLater()
                editor.table_editor = None  # type: ignore[attr-defined]
        else:
            if current is None:
                current = TableEditor()
                current.changed.connect(self._committed)
                current.removeRequested.connect(lambda: self._remove_table(editor))
                editor.layout().addWidget(current)
                editor.table_editor = current  # type: ignore[attr-defined]
            current.set_table(table)
        editor.add_table.setVisible(table is None)  # type: ignore[attr-defined]

    def save(self) -> Section:
        section = self.section
        assert section is not None
        appendix = copy.deepcopy(section.appendix) or Appendix()
        appendix.label = self.label.value()
        appendix.heading = self.heading.lines()
        appendix.attached = self.attached.value()
        appendix.landscape = bool(self.orientation.currentData())
        if section.kind == "tasks":
            appendix.columns = [(f, h) for f, h in self.columns.columns() if f in APPENDIX_FIELDS or h]
            items = copy.deepcopy(section.items)
        else:
            items = [e.item() for e in self.editors]
            for editor, item in zip(self.editors, items, strict=True):
                table_editor: TableEditor | None = editor.table_editor  # type: ignore[attr-defined]
                item.table = table_editor.table() if table_editor is not None else None
        title = next(iter(appendix.heading), "") or appendix.label or section.title
        return Section(title, section.kind, items, appendix=appendix)

    def _add_table(self, editor: _ItemEditor) -> None:
        section = self.save()
        section.items[self.editors.index(editor)].table = TextTable([["STT", ""], ["1", ""]], 1)
        self.commit.emit(self.index, section)

    def _remove_table(self, editor: _ItemEditor) -> None:
        section = self.save()
        section.items[self.editors.index(editor)].table = None
        self.commit.emit(self.index, section)

    def flush(self) -> None:
        super().flush()
        self.heading.flush()

    def fill_attached(self) -> None:
        if self.section is not None:
            self.attached.set_value(attached_line(self.plan))
            self._committed()


def new_appendix(plan: Plan, kind: str) -> Section:
    """A new phụ lục: ``kind`` "tasks" (its own task table), "mirror" (the plan's tasks listed) or "text"."""
    from ..documents.layout import appendix_headers

    others = len(plan.appendices())
    label = "Phụ lục" if not others else f"Phụ lục {others + 1:02d}"  # document text
    appendix = Appendix(
        label=label, attached=attached_line(plan), landscape=kind != "text", mirror=kind == "mirror"
    )
    if kind == "text":
        return Section(label, "text", [TextItem(None, [])], appendix=appendix)
    appendix.heading = ["DANH MỤC NHIỆM VỤ"] if kind == "mirror" else ["MỘT SỐ NHIỆM VỤ TRỌNG TÂM"]
    appendix.columns = list(zip(APPENDIX_FIELDS, appendix_headers(plan), strict=True))
    return Section(appendix.heading[0], "tasks", [], appendix=appendix)
