"""The plan editor's pages for the document's own parts (general information, text sections, closing).

Each page follows the same contract as the task form: ``load(plan)`` fills the
widgets, ``check()`` raises :class:`InvalidInput` with a message, ``save()``
returns what changed; a field that commits asks the page to hand that to the
session (one undoable, immediately saved edit).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.plan import DEFAULT_LABELS, PartialDate, Plan, Section, Signature, TextItem
from ..errors import InvalidInput, KnownError
from .session import section_outline
from .widgets import CommitLineEdit, CommitTextEdit, error_label, set_look


def date_text(date: PartialDate | None) -> str:
    if date is None:
        return ""
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{date.month}/{date.year}"
    return f"{date.day}/{date.month}/{date.year}"


# Set through Qt's property system with Qt's numbers (fixed by its ABI; tests/ui/test_app.py checks
# them): the general information page then opens without building the Python enums of the whole
# Qt namespace, some 25-40 ms of every start-up.
SCROLLBAR_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff
ALIGN_RIGHT_TOP = 0x0002 | 0x0020  # Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setProperty("horizontalScrollBarPolicy", SCROLLBAR_ALWAYS_OFF)
    area.setWidget(widget)
    return area


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setProperty("labelAlignment", ALIGN_RIGHT_TOP)
    return form


def _page_title(text: str) -> QLabel:
    label = QLabel(text)
    set_look(label, "pageTitle")
    return label


class PlanPage(QWidget):
    """A page editing plan fields; emits ``commit(merge_id, changes)``."""

    commit = Signal(int, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self._loading = False
        self.error = error_label()

    def load(self, plan: Plan) -> None:
        self.plan = plan
        self._loading = True
        try:
            self._load(plan)
        finally:
            self._loading = False

    def _load(self, plan: Plan) -> None:
        raise NotImplementedError

    def check(self) -> None:
        """Raise InvalidInput when a field cannot be stored as typed."""

    def save(self) -> dict[str, Any]:
        raise NotImplementedError

    def _committed(self) -> None:
        if self._loading or self.plan is None:
            return
        try:
            self.check()
            self.error.setVisible(False)
        except KnownError as exc:  # the faulty field is not saved; the others are
            self.error.setText(exc.message)
            self.error.setVisible(True)
        changes = self.save()
        if changes:
            merge_id = getattr(self.sender(), "merge_id", -1) if len(changes) == 1 else -1
            self.commit.emit(merge_id, changes)

    def flush(self) -> None:
        for edit in self.findChildren(CommitTextEdit):
            edit.flush()


class GeneralPage(PlanPage):
    """Issuer, number, date (blanks allowed), title, căn cứ, preamble, and the plan's label wording."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issuer = CommitTextEdit(lines=2)
        self.issuer.setPlaceholderText(QCoreApplication.translate("GeneralPage", "ỦY BAN NHÂN DÂN\nXÃ …"))
        self.number = CommitLineEdit()
        self.number.setPlaceholderText(QCoreApplication.translate("GeneralPage", "để trống khi chưa có số"))
        self.number.setMaximumWidth(160)
        self.symbol = CommitLineEdit()
        self.symbol.setMaximumWidth(200)
        self.place = CommitLineEdit()
        self.date = CommitLineEdit()
        self.date.setPlaceholderText(QCoreApplication.translate("GeneralPage", "ví dụ 20/3/2026, 6/2026 hoặc 2026; để trống nếu chưa có"))
        self.doc_type = CommitLineEdit()
        self.doc_type.setMaximumWidth(260)
        self.title = CommitTextEdit(lines=2)
        self.bases = CommitTextEdit(lines=4)
        self.bases.setPlaceholderText(QCoreApplication.translate("GeneralPage", "Mỗi căn cứ một dòng, ví dụ: Căn cứ Luật … ;"))
        self.preamble = CommitTextEdit(lines=4)
        self.preamble.setPlaceholderText(QCoreApplication.translate("GeneralPage", "Các đoạn mở đầu trước phần I, mỗi đoạn một dòng"))
        self.labels = {name: CommitLineEdit() for name in DEFAULT_LABELS}
        for name, edit in self.labels.items():
            edit.setPlaceholderText(DEFAULT_LABELS[name])

        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(QLabel("/"))
        number_row.addWidget(self.symbol)
        number_row.addStretch(1)
        form = _form()
        form.addRow(QCoreApplication.translate("GeneralPage", "Cơ quan &ban hành:"), self.issuer)
        number_label = QLabel(QCoreApplication.translate("GeneralPage", "&Số / ký hiệu:"))
        number_label.setBuddy(self.number)
        form.addRow(number_label, number_row)
        form.addRow(QCoreApplication.translate("GeneralPage", "Đị&a danh:"), self.place)
        form.addRow(QCoreApplication.translate("GeneralPage", "&Ngày ban hành:"), self.date)
        form.addRow("", self.error)
        form.addRow(QCoreApplication.translate("GeneralPage", "Tên &loại:"), self.doc_type)
        form.addRow(QCoreApplication.translate("GeneralPage", "&Trích yếu:"), self.title)
        form.addRow(QCoreApplication.translate("GeneralPage", "&Căn cứ:"), self.bases)
        form.addRow(QCoreApplication.translate("GeneralPage", "&Mở đầu:"), self.preamble)
        labels_box = QGroupBox(QCoreApplication.translate("GeneralPage", "Cách ghi các dòng của nhiệm vụ"))
        labels_form = _form()
        captions = {"lead": QCoreApplication.translate("GeneralPage", "Dòng chủ trì:"), "coordinators": QCoreApplication.translate("GeneralPage", "Dòng phối hợp:"),
                    "time": QCoreApplication.translate("GeneralPage", "Dòng thời gian:"), "product": QCoreApplication.translate("GeneralPage", "Dòng sản phẩm:")}
        for name, caption in captions.items():
            labels_form.addRow(caption, self.labels[name])
        labels_box.setLayout(labels_form)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(_page_title(QCoreApplication.translate("GeneralPage", "Thông tin chung")))
        layout.addLayout(form)
        layout.addWidget(labels_box)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(body))
        for edit in (self.issuer, self.number, self.symbol, self.place, self.date, self.doc_type, self.title,
                     self.bases, self.preamble, *self.labels.values()):
            edit.committed.connect(self._committed)

    def _load(self, plan: Plan) -> None:
        self.issuer.set_lines(plan.issuer)
        self.number.set_value(plan.number or "")
        self.symbol.set_value(plan.symbol)
        self.place.set_value(plan.place)
        try:
            current = PartialDate.parse(self.date.text())
        except KnownError:
            current = None
        if current != plan.date or (not self.date.text().strip() and plan.date):
            self.date.set_value(date_text(plan.date))
        self.doc_type.set_value(plan.doc_type)
        self.title.set_value(plan.title)
        self.bases.set_lines(plan.bases)
        self.preamble.set_lines(plan.preamble)
        for name, edit in self.labels.items():
            value = plan.labels.get(name, "")
            edit.set_value("" if value == DEFAULT_LABELS[name] else value)

    def check(self) -> None:
        PartialDate.parse(self.date.text())

    def _date(self, plan: Plan) -> PartialDate | None:
        try:
            return PartialDate.parse(self.date.text())
        except InvalidInput:
            return plan.date  # kept until the date typed is a real one

    def save(self) -> dict[str, Any]:
        plan = self.plan
        assert plan is not None
        labels = {name: edit.value() or DEFAULT_LABELS[name] for name, edit in self.labels.items()}
        values: dict[str, Any] = {
            "issuer": self.issuer.lines(),
            "number": self.number.value() or None,
            "symbol": self.symbol.value() or "KH-UBND",
            "place": self.place.value(),
            "date": self._date(plan),
            "doc_type": self.doc_type.value() or "KẾ HOẠCH",
            "title": self.title.value(),
            "bases": self.bases.lines(),
            "preamble": self.preamble.lines(),
            "labels": {**plan.labels, **labels},
        }
        return {name: value for name, value in values.items() if getattr(plan, name) != value}


class ClosingPage(PlanPage):
    """Closing paragraph, recipients (Nơi nhận) and the signature block."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.closing = CommitTextEdit(lines=4)
        self.closing.setPlaceholderText(QCoreApplication.translate("ClosingPage", "Trên đây là Kế hoạch … ./."))
        self.recipients = CommitTextEdit(lines=6)
        self.recipients.setPlaceholderText(
            QCoreApplication.translate("ClosingPage", "Mỗi nơi nhận một dòng, không cần “- ” và “;”. Dòng cuối thường là: Lưu: VT, VHXH"))
        self.signature_lines = CommitTextEdit(lines=3)
        self.signature_lines.setPlaceholderText("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
        self.signer = CommitLineEdit()
        form = _form()
        form.addRow(QCoreApplication.translate("ClosingPage", "Đoạn &kết:"), self.closing)
        form.addRow(QCoreApplication.translate("ClosingPage", "&Nơi nhận:"), self.recipients)
        form.addRow(QCoreApplication.translate("ClosingPage", "&Thẩm quyền ký:"), self.signature_lines)
        form.addRow(QCoreApplication.translate("ClosingPage", "N&gười ký:"), self.signer)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(_page_title(QCoreApplication.translate("ClosingPage", "Kết thúc, nơi nhận và chữ ký")))
        layout.addLayout(form)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(body))
        for edit in (self.closing, self.recipients, self.signature_lines, self.signer):
            edit.committed.connect(self._committed)

    def _load(self, plan: Plan) -> None:
        self.closing.set_lines(plan.closing)
        self.recipients.set_lines(plan.recipients)
        self.signature_lines.set_lines(plan.signature.lines)
        self.signer.set_value(plan.signature.signer)

    def save(self) -> dict[str, Any]:
        plan = self.plan
        assert plan is not None
        recipients = [line.strip().removeprefix("- ").rstrip(";").rstrip() for line in self.recipients.lines()]
        values: dict[str, Any] = {
            "closing": self.closing.lines(),
            "recipients": [r.removesuffix(".") if i == len(recipients) - 1 else r for i, r in enumerate(recipients)],
            "signature": Signature(self.signature_lines.lines(), self.signer.value()),
        }
        return {name: value for name, value in values.items() if getattr(plan, name) != value}


class _ItemEditor(QFrame):
    """One item of a text section: an optional heading ("Mục đích") and its paragraphs."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = CommitLineEdit()
        self.heading.setPlaceholderText(QCoreApplication.translate("TextSectionPage", "Tiêu đề mục (có thể để trống), ví dụ: Mục đích"))
        self.paragraphs = CommitTextEdit(lines=4)
        self.paragraphs.setPlaceholderText(QCoreApplication.translate("TextSectionPage", "Nội dung, mỗi đoạn một dòng"))
        self.remove = QToolButton()
        self.remove.setText(QCoreApplication.translate("TextSectionPage", "Xóa mục"))
        self.up = QToolButton()
        self.up.setText("↑")
        self.up.setToolTip(QCoreApplication.translate("TextSectionPage", "Chuyển mục lên"))
        self.caption = QLabel(QCoreApplication.translate("TextSectionPage", "Mục %1").replace("%1", str(number)))
        head = QHBoxLayout()
        head.addWidget(self.caption)
        head.addWidget(self.heading, 1)
        head.addWidget(self.up)
        head.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.paragraphs)

    def item(self) -> TextItem:
        return TextItem(self.heading.value() or None, self.paragraphs.lines())


class TextSectionPage(QWidget):
    """A text section (I. Mục đích, yêu cầu; III. Kinh phí; IV. Tổ chức thực hiện): title and items."""

    commit = Signal(int, object)  # section index, the new Section

    def __init__(self, index: int, numeral: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.section: Section | None = None
        self._loading = False
        self.numeral = QLabel(numeral + ".")
        set_look(self.numeral, "pageTitle")
        self.title = CommitLineEdit()
        self.title.setAccessibleName(QCoreApplication.translate("TextSectionPage", "Tên phần"))
        self.title.committed.connect(self._committed)
        self.items_box = QVBoxLayout()
        self.add_button = QPushButton(QCoreApplication.translate("TextSectionPage", "&Thêm mục"))
        self.add_button.clicked.connect(self._add_item)
        self.editors: list[_ItemEditor] = []
        head = QHBoxLayout()
        head.addWidget(self.numeral)
        head.addWidget(self.title, 1)
        self.hint = hint = QLabel(QCoreApplication.translate("TextSectionPage", "Mục có tiêu đề được in đánh số 1., 2., …; mục không có tiêu đề "
                                            "in nguyên các đoạn như đã gõ."))
        set_look(hint, "hint")
        hint.setWordWrap(True)
        body = QWidget()
        self.body_layout = layout = QVBoxLayout(body)
        layout.addLayout(head)
        layout.addWidget(hint)
        layout.addLayout(self.items_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(body))

    def load(self, section: Section) -> None:
        self.section = section
        self._loading = True
        try:
            self.title.set_value(section.title)
            while len(self.editors) > len(section.items):
                editor = self.editors.pop()
                editor.setParent(None)
                editor.deleteLater()
            while len(self.editors) < len(section.items):
                self._new_editor()
            for editor, item in zip(self.editors, section.items, strict=True):
                editor.heading.set_value(item.heading or "")
                editor.paragraphs.set_lines(item.paragraphs)
        finally:
            self._loading = False

    def _new_editor(self) -> _ItemEditor:
        editor = _ItemEditor(len(self.editors) + 1)
        editor.heading.committed.connect(self._committed)
        editor.paragraphs.committed.connect(self._committed)
        editor.remove.clicked.connect(lambda: self._remove(editor))
        editor.up.clicked.connect(lambda: self._up(editor))
        self.editors.append(editor)
        self.items_box.addWidget(editor)
        if len(self.editors) > 1:
            QWidget.setTabOrder(self.editors[-2].paragraphs, editor.heading)
        return editor

    def check(self) -> None:
        if not self.title.value():
            raise InvalidInput(QCoreApplication.translate("TextSectionPage", "Phần này cần có tên."))

    def save(self) -> Section:
        return Section(self.title.value() or (self.section.title if self.section else ""), "text",
                       [e.item() for e in self.editors])

    def _committed(self) -> None:
        if not self._loading and self.section is not None:
            self.commit.emit(self.index, self.save())

    def _add_item(self) -> None:
        if self.section is None:
            return
        section = self.save()
        section.items.append(TextItem(None, []))
        self.commit.emit(self.index, section)
        if self.editors:
            self.editors[-1].paragraphs.setFocus()

    def _remove(self, editor: _ItemEditor) -> None:
        section = self.save()
        section.items.pop(self.editors.index(editor))
        self.commit.emit(self.index, section)

    def _up(self, editor: _ItemEditor) -> None:
        position = self.editors.index(editor)
        if position == 0:
            return
        section = self.save()
        items = section.items
        items[position - 1], items[position] = items[position], items[position - 1]
        self.commit.emit(self.index, section)

    def flush(self) -> None:
        for editor in self.editors:
            editor.paragraphs.flush()


def sections_with(plan: Plan, index: int, section: Section) -> list[Section]:
    result = [section_outline(s) for s in plan.sections]
    result[index] = section
    return result
