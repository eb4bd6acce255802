"""A walk-through: the sample "Kế hoạch xã Lam Vỹ" typed entirely through the window, keyboard and mouse.

The plan that reaches the database must equal the fixture (titles, units, times,
numbers, labels, sentences of assignment ...), and its Word export must read as
the fixture's own export.
"""

from __future__ import annotations

import json

from docx import Document
from PySide6.QtCore import Qt

from kehoach_desktop.documents import docx_writer
from kehoach_desktop.documents.layout import plan_document
from kehoach_desktop.domain.planjson import plan_to_dict
from tests.conftest import fixture_path, load_fixture
from tests.ui.conftest import type_text


def _strip(data):
    """Plan JSON without what the app makes up itself (stable keys, the tracker's reading)."""
    if isinstance(data, dict):
        return {k: _strip(v) for k, v in data.items() if k not in ("key", "timeframe")}
    if isinstance(data, list):
        return [_strip(v) for v in data]
    return data


def leave(qtbot, widget) -> None:
    """Tab out of a field, as a user moves on (the field saves itself on leaving)."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def open_part(qtbot, editor, page) -> None:
    """Click the part in the list on the left."""
    row = editor._pages.index(page)
    rect = editor.nav.visualItemRect(editor.nav.item(row))
    qtbot.mouseClick(editor.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.nav.currentRow() == row


def fill_line(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    type_text(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def fill_text(qtbot, edit, lines: list[str]) -> None:
    edit.setFocus()
    edit.selectAll()
    type_text(edit, "\n".join(lines))
    leave(qtbot, edit)


def test_recreate_lam_vy_through_the_ui(qtbot, window, commune_store, tmp_path):
    store = commune_store
    expected = json.loads(fixture_path("ke-hoach-xa-lam-vy").read_text("utf-8"))
    qtbot.mouseClick(window.plan_list.new_blank, Qt.MouseButton.LeftButton)
    editor = window.editor
    plan_id = window.session.plan_id

    # Thông tin chung: issuer and place came from the commune; number, date, title, preamble, wording
    general = editor.general
    assert general.issuer.lines() == ["ỦY BAN NHÂN DÂN", "XÃ LAM VỸ"]
    fill_line(qtbot, general.number, expected["number"])
    fill_line(qtbot, general.date, "20/3/2026")
    fill_text(qtbot, general.title, [expected["title"]])
    fill_text(qtbot, general.preamble, expected["preamble"])
    fill_line(qtbot, general.labels["lead"], expected["labels"]["lead"])
    fill_line(qtbot, general.labels["coordinators"], expected["labels"]["coordinators"])

    # I., III., IV.: the text sections, item by item
    text_sections = [s for s in expected["sections"] if s["kind"] == "text"]
    for page, section in zip(editor.text_pages, text_sections, strict=True):
        open_part(qtbot, editor, page)
        assert page.title.text() == section["title"]
        for item in section["items"]:
            qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
            fill_text(qtbot, page.editors[-1].paragraphs, item["paragraphs"])

    # II. NỘI DUNG: the tasks
    open_part(qtbot, editor, editor._tasks_placeholder)  # section II is built when first opened
    page = editor.tasks
    fill_line(qtbot, page.section_title, "NỘI DUNG")
    form = page.form
    tasks = next(s for s in expected["sections"] if s["kind"] == "tasks")["tasks"]
    for task in tasks:
        page.tree.setFocus()
        qtbot.keyClick(page.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        fill_text(qtbot, form.title, [task["title"]])
        if task["content"]:
            fill_text(qtbot, form.content, task["content"])
        fill_line(qtbot, form.lead.lineEdit(), "; ".join(task["lead"]))
        for name in task["coordinators"]:
            form.coordinators.search.setFocus()
            type_text(form.coordinators.search, name)
            qtbot.keyClick(form.coordinators.search, Qt.Key.Key_Return)
        fill_line(qtbot, form.time.lineEdit(), task["time"])
        if task["labels"] or task["assignment"]:
            if not form.more.isChecked():
                qtbot.mouseClick(form.more, Qt.MouseButton.LeftButton)
            for name, wording in task["labels"].items():
                fill_line(qtbot, form.label_edits[name], wording)
            if task["assignment"]:
                fill_text(qtbot, form.assignment, task["assignment"])

    # Kết thúc, nơi nhận, chữ ký
    open_part(qtbot, editor, editor.closing)
    closing = editor.closing
    fill_text(qtbot, closing.closing, expected["closing"])
    fill_text(qtbot, closing.recipients, expected["recipients"])
    fill_text(qtbot, closing.signature_lines, expected["signature"]["lines"])
    fill_line(qtbot, closing.signer, expected["signature"]["signer"])

    made = plan_to_dict(store.plans.load(plan_id))
    assert _strip(made) == _strip(expected)

    # The export reads as the fixture's own export.
    target = tmp_path / "lam-vy.docx"
    with qtbot.waitSignal(window.exporter.done, timeout=20000):
        assert window.export("docx", target)
    reference = docx_writer.write_docx(plan_document(load_fixture("ke-hoach-xa-lam-vy")), tmp_path / "ref.docx")

    def text_of(path) -> list[str]:
        doc = Document(str(path))
        lines = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            lines += [cell.text for row in table.rows for cell in row.cells]
        return lines

    assert text_of(target) == text_of(reference)
    assert any("Lòng ghép các mục tiêu" in line for line in text_of(target))
