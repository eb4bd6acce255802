"""Tệp → Lập kế hoạch từ kế hoạch cấp trên…: the commune's plan from the province's (issue #12).

:func:`open_derive` asks for the upper plan (a file, or a plan of the database), reads it off the window's
thread, and shows :class:`DeriveDialog`: the duties the upper plan gives the commune level, each to accept or
drop, with its proposed lead (a combo of the catalog) and timeframe to change, and below, greyed, the upper
tasks that stay with other units. "Tạo kế hoạch" stores the plan in one transaction and opens it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.derive import Proposal, earlier_time
from ..errors import KnownError
from .widgets import error_label, fit_to_screen, set_look

COL_ACCEPT, COL_NUMBER, COL_TITLE, COL_ROLE, COL_LEAD, COL_TIME, COL_PRODUCT = range(7)
PLAN_ID_ROLE = 0x0100 + 1  # Qt.UserRole + 1: the plan id of a row of the chooser


class UpperChoiceDialog(QDialog):
    """Which upper plan: a file (.docx, .pdf, .txt, .md, .json), or one of the plans already imported."""

    def __init__(self, plans: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("DeriveDialog", "Lập kế hoạch từ kế hoạch cấp trên"))
        self.choice: str | int | None = None
        intro = QLabel(QCoreApplication.translate(
            "DeriveDialog", "Chọn kế hoạch của tỉnh/thành phố gửi về: một tệp (Word, PDF, văn bản, JSON) hoặc một "
                            "kế hoạch đã nhập vào ứng dụng. Ứng dụng lấy đúng những nhiệm vụ giao cho cấp xã để "
                            "lập kế hoạch của xã/phường."))
        intro.setWordWrap(True)
        self.file_button = QPushButton(QCoreApplication.translate("DeriveDialog", "Chọn &tệp kế hoạch cấp trên…"))
        self.file_button.clicked.connect(self._choose_file)
        self.plans = QListWidget()
        self.plans.setAccessibleName(QCoreApplication.translate("DeriveDialog", "Kế hoạch trong ứng dụng"))
        for summary in plans:
            item = QListWidgetItem(f"{summary.reference} — {summary.title}")
            item.setData(PLAN_ID_ROLE, summary.id)
            self.plans.addItem(item)
        self.plans.itemDoubleClicked.connect(lambda _item: self._choose_plan())
        buttons = QDialogButtonBox()
        self.use_plan = buttons.addButton(QCoreApplication.translate("DeriveDialog", "&Dùng kế hoạch đã chọn"),
                                          QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_plan.setEnabled(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._choose_plan)
        buttons.rejected.connect(self.reject)
        self.plans.currentRowChanged.connect(lambda row: self.use_plan.setEnabled(row >= 0))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.file_button)
        layout.addWidget(QLabel(QCoreApplication.translate("DeriveDialog", "Hoặc một kế hoạch đã có trong ứng dụng:")))
        layout.addWidget(self.plans, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 480)

    def _choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("DeriveDialog", "Kế hoạch cấp trên"), str(Path.home()),
            QCoreApplication.translate("DeriveDialog", "Kế hoạch (*.docx *.pdf *.txt *.md *.json);;Tất cả các tệp (*)"))
        if path:
            self.choice = path
            self.accept()

    def _choose_plan(self) -> None:
        item = self.plans.currentItem()
        if item is not None:
            self.choice = int(item.data(PLAN_ID_ROLE))
            self.accept()


class DeriveDialog(QDialog):
    """The proposed commune plan: a row per duty (accept, upper number and wording, role, lead, time, product),
    the upper tasks that are not the commune's greyed below; ``proposal`` is updated from the rows on accept."""

    def __init__(self, proposal: Proposal, unit_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        upper = proposal.upper
        self.setWindowTitle(QCoreApplication.translate("DeriveDialog", "Lập kế hoạch từ kế hoạch cấp trên"))
        heading = QLabel(QCoreApplication.translate("DeriveDialog", "Kế hoạch cấp trên: %1 — %2").replace(
            "%1", f"{upper.number or '…'}/{upper.symbol}").replace("%2", upper.title))
        heading.setWordWrap(True)
        set_look(heading, "pageTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.table = QTableWidget(len(proposal.tasks), 7)
        self.table.setAccessibleName(QCoreApplication.translate("DeriveDialog", "Nhiệm vụ của cấp xã"))
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("DeriveDialog", "Nhận"),
            QCoreApplication.translate("DeriveDialog", "Số (cấp trên)"),
            QCoreApplication.translate("DeriveDialog", "Nhiệm vụ (theo kế hoạch cấp trên)"),
            QCoreApplication.translate("DeriveDialog", "Cấp xã"),
            QCoreApplication.translate("DeriveDialog", "Đơn vị chủ trì của xã"),
            QCoreApplication.translate("DeriveDialog", "Thời gian (hạn của xã)"),
            QCoreApplication.translate("DeriveDialog", "Sản phẩm")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.lead_combos: list[QComboBox] = []
        roles = {"lead": QCoreApplication.translate("DeriveDialog", "Chủ trì"),
                 "coordinator": QCoreApplication.translate("DeriveDialog", "Phối hợp")}
        organisation = QCoreApplication.translate("DeriveDialog", "Tổ chức thực hiện")
        for row, item in enumerate(proposal.tasks):
            duty = item.duty
            accept = QTableWidgetItem()
            accept.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            accept.setCheckState(Qt.CheckState.Checked if item.accepted else Qt.CheckState.Unchecked)
            self.table.setItem(row, COL_ACCEPT, accept)
            for col, text in ((COL_NUMBER, duty.number), (COL_TITLE, duty.title),
                              (COL_ROLE, organisation if duty.kind == "organisation" else roles[duty.role]),
                              (COL_PRODUCT, duty.product or "")):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if col == COL_TITLE:
                    others = "; ".join(duty.other_leads)
                    cell.setToolTip("\n".join(filter(None, [duty.title, *duty.content, others and QCoreApplication.translate(
                        "DeriveDialog", "Cùng chủ trì ở cấp trên: %1").replace("%1", others)])))
                self.table.setItem(row, col, cell)
            combo = QComboBox()
            combo.setEditable(True)  # a unit not in the catalog may be typed; it is kept as written
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setAccessibleName(QCoreApplication.translate("DeriveDialog", "Đơn vị chủ trì của xã"))
            names = list(unit_names)
            if item.lead and item.lead not in names:
                names.append(item.lead)
            combo.addItems(names)
            combo.setCurrentIndex(max(0, combo.findText(item.lead)))
            self.table.setCellWidget(row, COL_LEAD, combo)
            self.lead_combos.append(combo)
            time = QTableWidgetItem(item.time)
            time.setToolTip(QCoreApplication.translate("DeriveDialog", "Cấp trên: %1").replace("%1", duty.time or "—"))
            self.table.setItem(row, COL_TIME, time)
        header = self.table.horizontalHeader()
        for col, mode in ((COL_ACCEPT, QHeaderView.ResizeMode.ResizeToContents),
                          (COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents),
                          (COL_TITLE, QHeaderView.ResizeMode.Stretch),
                          (COL_ROLE, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(col, mode)
        for col, width in ((COL_LEAD, 230), (COL_TIME, 190), (COL_PRODUCT, 190)):
            self.table.setColumnWidth(col, width)
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        self.table.itemChanged.connect(lambda _item: self._update_summary())

        self.earlier = QSpinBox()
        self.earlier.setRange(0, 60)
        self.earlier.setSuffix(QCoreApplication.translate("DeriveDialog", " ngày"))
        self.earlier.setAccessibleName(QCoreApplication.translate("DeriveDialog", "Hạn của xã sớm hơn hạn cấp trên"))
        self.earlier.valueChanged.connect(self._apply_earlier)
        earlier_row = QHBoxLayout()
        earlier_label = QLabel(QCoreApplication.translate("DeriveDialog", "Hạn của xã sớm hơn hạn cấp trên (với hạn có ngày cụ thể):"))
        earlier_label.setBuddy(self.earlier)
        earlier_row.addWidget(earlier_label)
        earlier_row.addWidget(self.earlier)
        earlier_row.addStretch(1)

        self.others = QListWidget()
        self.others.setMaximumHeight(self.fontMetrics().lineSpacing() * 7 + 8)
        self.others.setAccessibleName(QCoreApplication.translate("DeriveDialog", "Nhiệm vụ của đơn vị khác"))
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for number, task in proposal.skipped:
            units = "; ".join(task.lead) or QCoreApplication.translate("DeriveDialog", "chưa ghi đơn vị")
            entry = QListWidgetItem(f"{number}. {task.title} — {units}")
            entry.setForeground(grey)
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
            self.others.addItem(entry)
        others_label = QLabel(QCoreApplication.translate(
            "DeriveDialog", "Nhiệm vụ của đơn vị khác (không chép sang kế hoạch của xã): %1").replace(
            "%1", str(len(proposal.skipped))))
        set_look(others_label, "hint")

        self.error = error_label()
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(QCoreApplication.translate("DeriveDialog", "&Tạo kế hoạch"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 4)
        layout.addLayout(earlier_row)
        layout.addWidget(others_label)
        layout.addWidget(self.others, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._update_summary()
        fit_to_screen(self, 1300, 700)

    def showEvent(self, event) -> None:  # type: ignore[override]
        super().showEvent(event)
        self.table.resizeRowsToContents()  # the titles wrap at the width the window was given

    def _apply_earlier(self, days: int) -> None:
        from ..domain.derive import _proposed_time

        self.table.blockSignals(True)
        try:
            for row, item in enumerate(self.proposal.tasks):
                self.table.item(row, COL_TIME).setText(earlier_time(_proposed_time(item.duty), days))
        finally:
            self.table.blockSignals(False)

    def _write_back(self) -> None:
        """The rows -> the proposal (accepted, lead, time)."""
        for row, item in enumerate(self.proposal.tasks):
            item.accepted = self.table.item(row, COL_ACCEPT).checkState() == Qt.CheckState.Checked
            item.lead = self.lead_combos[row].currentText().strip()
            item.time = self.table.item(row, COL_TIME).text().strip()

    def _update_summary(self) -> None:
        self._write_back()
        lead, coordinator, organisation = self.proposal.counts()
        self.summary.setText(QCoreApplication.translate(
            "DeriveDialog", "Nhận %1 nhiệm vụ của cấp xã (chủ trì %2, phối hợp %3, tổ chức thực hiện %4); bỏ qua "
                            "%5 nhiệm vụ của đơn vị khác. Bỏ dấu ở cột “Nhận” để không đưa một nhiệm vụ vào kế hoạch.")
            .replace("%1", str(len(self.proposal.accepted()))).replace("%2", str(lead))
            .replace("%3", str(coordinator)).replace("%4", str(organisation))
            .replace("%5", str(len(self.proposal.skipped))))
        self.create_button.setEnabled(bool(self.proposal.accepted()))

    def accept(self) -> None:
        self._write_back()
        if not self.proposal.accepted():
            self.error.setText(QCoreApplication.translate("DeriveDialog", "Hãy nhận ít nhất một nhiệm vụ."))
            self.error.setVisible(True)
            return
        super().accept()


def _proposal_from(upper, commune: dict, catalog) -> Proposal:
    from ..commands.derive import check_proposal
    from ..domain.derive import derive_plan

    proposal = derive_plan(upper, commune, catalog)
    check_proposal(proposal, upper.title or "")
    return proposal


def open_derive(window, choice: str | int | None = None) -> None:
    """Choose the upper plan (``choice``: a path or a plan id, else asked), preview, create and open."""
    if choice is None:
        plans = window._run(window.store.plans.list)
        dialog = UpperChoiceDialog(plans if isinstance(plans, list) else [], window)
        window.derive_dialog = dialog  # for tests
        if not dialog.exec() or dialog.choice is None:
            return
        choice = dialog.choice
    commune = window.commune()
    catalog = window.store.units.catalog()
    if isinstance(choice, int):
        upper = window._run(window.store.load_plan, choice)
        if upper is None:
            return
        proposal = window._run(_proposal_from, upper, commune, catalog)
        if isinstance(proposal, Proposal):
            _preview(window, proposal)
        return
    from .export import BackgroundJob

    path = str(choice)

    def read() -> Proposal:
        from ..commands.derive import read_upper

        return _proposal_from(read_upper(None, path, catalog), commune, catalog)  # type: ignore[arg-type]

    job = BackgroundJob(window, QCoreApplication.translate("DeriveDialog", "Đang đọc %1 …").replace(
        "%1", Path(path).name))
    job.done.connect(lambda proposal: _preview(window, proposal))
    job.failed.connect(lambda message: (setattr(window, "derive_job", None), window.show_error(message)))
    window.derive_job = job  # for tests and for closing while reading
    job.start(read)


def _preview(window, proposal: Proposal) -> None:
    window.derive_job = None
    names = [u.name for u in window.store.units.catalog().units]
    dialog = DeriveDialog(proposal, names, window)
    window.derive_dialog = dialog  # for tests
    if dialog.exec():
        try:
            plan = proposal.plan()
        except KnownError as exc:
            window.show_error(exc.message)
            return
        window._create_and_open(plan)
