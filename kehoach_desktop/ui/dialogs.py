"""Dialogs: the commune (first run and Settings), the units catalog, an import preview."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.text import clean_line, fold, vi_sort_key
from ..errors import InvalidInput, KnownError
from ..services import SETTING_COMMUNE, Store
from .i18n import LANGUAGES, current_language
from .roles import UNIT_ID_ROLE
from .session import PlanSession
from .widgets import error_label, ok_cancel, set_look


class CommuneForm(QWidget):
    """Name, xã or phường, province, signers: ``load()`` / ``check()`` / ``save()``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText(QCoreApplication.translate("CommuneForm", "ví dụ: Lam Vỹ"))
        self.kind = QComboBox()
        self.kind.addItem(QCoreApplication.translate("CommuneForm", "Xã (hoặc đặc khu)"), "xa")
        self.kind.addItem(QCoreApplication.translate("CommuneForm", "Phường"), "phuong")
        self.province = QLineEdit()
        self.province.setPlaceholderText(QCoreApplication.translate("CommuneForm", "ví dụ: Thái Nguyên"))
        self.signers = QPlainTextEdit()
        self.signers.setTabChangesFocus(True)
        self.signers.setPlaceholderText(QCoreApplication.translate("CommuneForm", "Họ tên người ký, mỗi người một dòng\n"
                                                          "(Chủ tịch, các Phó Chủ tịch)"))
        self.signers.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(QCoreApplication.translate("CommuneForm", "&Tên xã/phường:"), self.name)
        form.addRow(QCoreApplication.translate("CommuneForm", "&Loại:"), self.kind)
        form.addRow(QCoreApplication.translate("CommuneForm", "Tỉnh/&thành phố:"), self.province)
        form.addRow(QCoreApplication.translate("CommuneForm", "&Người ký:"), self.signers)

    def load(self, commune: dict) -> None:
        self.name.setText(commune.get("name", ""))
        self.kind.setCurrentIndex(max(0, self.kind.findData(commune.get("kind", "xa"))))
        self.province.setText(commune.get("province", ""))
        self.signers.setPlainText("\n".join(commune.get("signers", [])))

    def check(self) -> None:
        if not clean_line(self.name.text()):
            raise InvalidInput(QCoreApplication.translate("CommuneForm", "Hãy nhập tên xã hoặc phường."))

    def save(self) -> dict:
        name = clean_line(self.name.text())
        kind = self.kind.currentData()
        for prefix in ("xã ", "phường ", "đặc khu "):  # "Xã Lam Vỹ" typed in full
            if name.lower().startswith(prefix):
                name = name[len(prefix):]
        return {"name": name, "kind": kind, "province": clean_line(self.province.text()),
                "signers": [clean_line(s) for s in self.signers.toPlainText().splitlines() if clean_line(s)]}


class CommuneDialog(QDialog):
    """First run: who is this office? Stores the commune setting and the matching unit presets."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, first_run: bool = True) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(QCoreApplication.translate("CommuneDialog", "Thông tin xã/phường"))
        intro = QLabel(QCoreApplication.translate("CommuneDialog", "Chào mừng đến với KeHoach. Hãy cho biết xã/phường của bạn: tên được "
                                           "dùng ở đầu văn bản và danh mục đơn vị được lập theo loại xã hay "
                                           "phường. Có thể sửa lại bất cứ lúc nào trong Cài đặt.")
                       if first_run else QCoreApplication.translate("CommuneDialog", "Thông tin dùng ở đầu văn bản và cho danh mục đơn vị."))
        intro.setWordWrap(True)
        self.form = CommuneForm()
        self.form.load(store.get_setting(SETTING_COMMUNE) or {})  # type: ignore[arg-type]
        self.error = error_label()
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        if commit_commune(self.store, self.form, self.error):
            super().accept()


def save_commune(store: Store, commune: dict) -> None:
    store.set_setting(SETTING_COMMUNE, commune)
    store.units.reset_presets(commune.get("kind"))


def commit_commune(store: Store, form: CommuneForm, error: QLabel) -> bool:
    """Check and save the commune form; on a problem show its message under the form instead."""
    try:
        form.check()
        save_commune(store, form.save())
    except KnownError as exc:
        error.setText(exc.message)
        error.setVisible(True)
        return False
    return True


class SettingsDialog(QDialog):
    """The commune and the interface language."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "Cài đặt"))
        self.commune = CommuneForm()
        self.commune.load(store.get_setting(SETTING_COMMUNE) or {})  # type: ignore[arg-type]
        box = QGroupBox(QCoreApplication.translate("SettingsDialog", "Xã/phường"))
        QVBoxLayout(box).addWidget(self.commune)
        self.language = QComboBox()
        names = {"vi": "Tiếng Việt", "en": "English"}
        for code in LANGUAGES:
            self.language.addItem(names[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        lang_form = QFormLayout()
        lang_form.addRow(QCoreApplication.translate("SettingsDialog", "&Ngôn ngữ giao diện:"), self.language)
        self.error = error_label()
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(lang_form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def chosen_language(self) -> str:
        return self.language.currentData()

    def accept(self) -> None:
        if commit_commune(self.store, self.commune, self.error):
            super().accept()


class UnitsDialog(QDialog):
    """The units catalog: names, codes, other spellings (aliases); merge two spellings into one unit.

    Changes are saved at once; with a plan open they join its undo history (Ctrl+Z in the editor).
    """

    def __init__(self, store: Store, parent: QWidget | None = None, session: PlanSession | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session = session
        self.setWindowTitle(QCoreApplication.translate("UnitsDialog", "Danh mục đơn vị"))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(QCoreApplication.translate("UnitsDialog", "Tìm đơn vị (không cần dấu)…"))
        self.search.textChanged.connect(self._filter)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("UnitsDialog", "Tên đơn vị"), QCoreApplication.translate("UnitsDialog", "Mã"),
                                              QCoreApplication.translate("UnitsDialog", "Cách viết khác (cách nhau bởi “;”)")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 90)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton(QCoreApplication.translate("UnitsDialog", "&Thêm đơn vị…"))
        self.add_button.clicked.connect(self.add_unit)
        self.merge_button = QPushButton(QCoreApplication.translate("UnitsDialog", "&Gộp vào đơn vị khác…"))
        self.merge_button.setToolTip(QCoreApplication.translate("UnitsDialog", "Hai cách viết là một đơn vị: nhiệm vụ của đơn vị này "
                                                       "chuyển sang đơn vị được chọn, tên này thành cách viết khác"))
        self.merge_button.clicked.connect(self.merge_unit)
        self.delete_button = QPushButton(QCoreApplication.translate("UnitsDialog", "&Xóa khỏi danh mục"))
        self.delete_button.clicked.connect(self.delete_unit)
        self.unknown = QListWidget()
        self.unknown.setMaximumHeight(110)
        self.unknown_add = QPushButton(QCoreApplication.translate("UnitsDialog", "Đưa &vào danh mục"))
        self.unknown_add.clicked.connect(self.add_unknown)
        self.message = QLabel()
        self.message.setWordWrap(True)
        set_look(self.message, "error")
        self.message.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.merge_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        unknown_box = QGroupBox(QCoreApplication.translate("UnitsDialog", "Tên đơn vị dùng trong kế hoạch nhưng chưa có trong danh mục"))
        unknown_layout = QHBoxLayout(unknown_box)
        unknown_layout.addWidget(self.unknown, 1)
        unknown_layout.addWidget(self.unknown_add, 0, Qt.AlignmentFlag.AlignTop)
        hint = QLabel(QCoreApplication.translate("UnitsDialog", "Sửa trực tiếp trong bảng (nhấp đúp). Mọi thay đổi được lưu ngay."))
        set_look(hint, "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(unknown_box)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self.reload()

    def reload(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for unit in self.store.units.all():
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate((unit.name, unit.code or "", "; ".join(unit.aliases))):
                item = QTableWidgetItem(text)
                item.setData(UNIT_ID_ROLE, unit.id)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.unknown.clear()
        self.unknown.addItems(self.store.units.unknown_names())
        self.unknown_add.setEnabled(self.unknown.count() > 0)
        self._filter()

    def _filter(self) -> None:
        words = fold(self.search.text()).split()
        for row in range(self.table.rowCount()):
            text = fold(" ".join(self.table.item(row, c).text() for c in range(3)))
            self.table.setRowHidden(row, not all(w in text for w in words))

    def _show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def _run(self, text: str, func, *args) -> bool:
        before = self.store.units.state() if self.session is not None else None
        try:
            func(*args)
        except KnownError as exc:
            self._show_error(exc.message)
            self.reload()
            return False
        if self.session is not None and before is not None:
            after = self.store.units.state()
            if after != before:
                self.session.record_catalog_change(text, before, after)
        self._show_error("")
        self.reload()
        return True

    def _item_changed(self, item: QTableWidgetItem) -> None:
        row = item.row()
        unit_id = item.data(UNIT_ID_ROLE)
        name = self.table.item(row, 0).text()
        code = clean_line(self.table.item(row, 1).text()) or None
        aliases = [a for a in (clean_line(x) for x in self.table.item(row, 2).text().split(";")) if a]
        self._run(QCoreApplication.translate("UnitsDialog", "Danh mục đơn vị"),
                  self.store.units.update, unit_id, name, code, aliases)

    def current_unit_id(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(UNIT_ID_ROLE) if item else None

    def add_unit(self) -> None:
        name, ok = QInputDialog.getText(self, QCoreApplication.translate("UnitsDialog", "Thêm đơn vị"), QCoreApplication.translate("UnitsDialog", "Tên đơn vị:"))
        if ok and name.strip():
            self._run(QCoreApplication.translate("UnitsDialog", "Thêm đơn vị"), self.store.units.add, name)

    def add_unknown(self) -> None:
        item = self.unknown.currentItem() or (self.unknown.item(0) if self.unknown.count() else None)
        if item is not None:
            self._run(QCoreApplication.translate("UnitsDialog", "Thêm đơn vị"), self.store.units.add, item.text())

    def merge_unit(self) -> None:
        source = self.current_unit_id()
        if source is None:
            self._show_error(QCoreApplication.translate("UnitsDialog", "Hãy chọn đơn vị cần gộp trong bảng."))
            return
        units = [u for u in self.store.units.all() if u.id != source]
        names = sorted((u.name for u in units), key=vi_sort_key)
        source_name = next(u.name for u in self.store.units.all() if u.id == source)
        target, ok = QInputDialog.getItem(
            self, QCoreApplication.translate("UnitsDialog", "Gộp đơn vị"),
            QCoreApplication.translate("UnitsDialog", "Gộp “%1” vào đơn vị:").replace("%1", source_name), names, 0, False)
        if ok and target:
            target_id = next(u.id for u in units if u.name == target)
            self._run(QCoreApplication.translate("UnitsDialog", "Gộp đơn vị"), self.store.units.merge, source, target_id)

    def delete_unit(self) -> None:
        unit_id = self.current_unit_id()
        if unit_id is None:
            return
        answer = QMessageBox.question(self, QCoreApplication.translate("UnitsDialog", "Xóa đơn vị"),
                                      QCoreApplication.translate("UnitsDialog", "Xóa đơn vị này khỏi danh mục? Các nhiệm vụ vẫn giữ tên "
                                                        "đơn vị như đã ghi."))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(QCoreApplication.translate("UnitsDialog", "Xóa đơn vị"), self.store.units.delete, unit_id)


class ImportPreviewDialog(QDialog):
    """What the importer found in a document and what it could not place, before creating the plan."""

    def __init__(self, title: str, summary: list[str], unplaced: list[str], parent: QWidget | None = None,
                 new_units: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ImportPreviewDialog", "Nhập kế hoạch từ tệp"))
        heading = QLabel(QCoreApplication.translate("ImportPreviewDialog", "Đã đọc: %1").replace("%1", title))
        heading.setWordWrap(True)
        set_look(heading, "pageTitle")
        found = QPlainTextEdit("\n".join(summary))
        found.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(QCoreApplication.translate("ImportPreviewDialog", "Những gì đã nhận ra:")))
        layout.addWidget(found, 2)
        if unplaced:
            missed = QPlainTextEdit("\n".join(unplaced))
            missed.setReadOnly(True)
            layout.addWidget(QLabel(QCoreApplication.translate("ImportPreviewDialog", "Những đoạn chưa xếp được vào kế hoạch "
                                                              "(hãy kiểm tra và chép vào chỗ phù hợp):")))
            layout.addWidget(missed, 1)
        self.add_units = QCheckBox(QCoreApplication.translate(
            "ImportPreviewDialog", "Thêm các đơn vị chưa có vào danh mục (%1):").replace("%1", str(len(new_units or []))))
        self.add_units.setVisible(bool(new_units))
        layout.addWidget(self.add_units)
        if new_units:
            names = QLabel("; ".join(new_units))
            names.setWordWrap(True)
            set_look(names, "hint")
            layout.addWidget(names)
        buttons = QDialogButtonBox()
        create = buttons.addButton(QCoreApplication.translate("ImportPreviewDialog", "&Tạo kế hoạch"), QDialogButtonBox.ButtonRole.AcceptRole)
        create.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 560)
