"""Roll-up at the province: the communes' upward sheets read, checked, stored and consolidated."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from kehoach_desktop.domain.progress import DONE, IN_PROGRESS, Period, ProgressEntry
from kehoach_desktop.services import Store
from kehoach_desktop.sheets.rollup import (
    prepare_rollup,
    rollup_files,
    rollup_state,
    write_rollup_report,
    write_rollup_workbook,
)
from kehoach_desktop.sheets.upward import FIRST_ROW, write_upward_sheet
from tests.conftest import run_cli
from tests.test_upward import LAM_VY, SIX, TODAY, commune_plan, commune_store, province_plan

BINH_GIANG = {"1": (DONE, "Đã phát 500 tờ rơi"), "2": (IN_PROGRESS, "Đã cử 03 công chức"),
              "4": (DONE, "Trợ lý ảo chạy từ tháng 5")}


def upward(tmp_path: Path, name: str, answers: dict, period: Period = SIX) -> Path:
    store, plan_id = commune_store(tmp_path / f"{name}.sqlite", name, answers)
    with store:
        path, _ = write_upward_sheet(store, plan_id, period, tmp_path / f"bc-{name}.xlsx", TODAY)
    return path


@pytest.fixture
def province(tmp_path):
    store = Store.open(tmp_path / "tinh.sqlite", backup=False)
    plan_id = store.plans.create(province_plan())
    for name in ("UBND xã Lam Vỹ", "Ủy ban nhân dân xã Bình Giang", "UBND phường Bạch Đằng"):
        store.units.add(name)
    yield store, plan_id
    store.close()


def rollup_entries(store: Store, plan_id: int) -> list[ProgressEntry]:
    return [e for entries in store.progress.for_plan(plan_id).values() for e in entries if e.source == "rollup"]


def test_two_communes_rolled_up_every_answer_once(province, tmp_path):
    store, plan_id = province
    files = [upward(tmp_path, "Lam Vỹ", LAM_VY), upward(tmp_path, "Bình Giang", BINH_GIANG)]
    rollup = rollup_files(store, plan_id, files, SIX, today=TODAY)
    assert [r.accepted for r in rollup.received] == [True, True]
    entries = rollup_entries(store, plan_id)
    assert sorted({e.unit for e in entries}) == ["UBND xã Bình Giang", "UBND xã Lam Vỹ"]
    assert len(entries) == 8  # four items of the upper plan each
    tasks = {t.id: t for t, _ in store.plans.load(plan_id).walk_tasks()}
    said = {(e.unit, tasks[e.task_id].number): e for e in entries}
    assert "02 hội nghị" in said[("UBND xã Lam Vỹ", "1")].done
    assert said[("UBND xã Bình Giang", "5")].done == "Trợ lý ảo chạy từ tháng 5"
    assert said[("UBND xã Lam Vỹ", "5")].status == "overdue"
    lines = rollup.describe(applied=True)
    assert any("bc-Lam Vỹ.xlsx: đã nhận: UBND xã Lam Vỹ" in line for line in lines)

    again = rollup_files(store, plan_id, files, SIX, today=TODAY)  # sent twice: nothing added
    assert all(r.accepted and r.same for r in again.received)
    assert len(rollup_entries(store, plan_id)) == 8

    state = rollup_state(store, plan_id, SIX)
    assert state.reported == ["UBND xã Bình Giang", "UBND xã Lam Vỹ"]
    assert state.not_reported == ["UBND phường Bạch Đằng"]

    xlsx = write_rollup_workbook(store, plan_id, SIX, tmp_path / "tong-hop.xlsx")
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Tổng hợp", "Thống kê", "Chưa báo cáo"]
    cells = [str(c.value) for row in wb["Tổng hợp"].iter_rows() for c in row if c.value]
    assert any("02 hội nghị" in c for c in cells) and any("500 tờ rơi" in c for c in cells)
    stats = {row[1]: row for row in wb["Thống kê"].iter_rows(values_only=True) if row[1]}
    headings = next(row for row in wb["Thống kê"].iter_rows(values_only=True) if row[0] == "STT")
    lam_vy = dict(zip(headings, stats["UBND xã Lam Vỹ"], strict=True))
    assert lam_vy["Quá hạn"] == 1 and lam_vy["Hoàn thành"] == 1 and lam_vy["Tổng số"] == 4
    missing = [row[1] for row in wb["Chưa báo cáo"].iter_rows(values_only=True)]
    assert "UBND phường Bạch Đằng" in missing

    docx = write_rollup_report(store, plan_id, SIX, tmp_path / "bc-tong-hop.docx", today=TODAY)
    doc = Document(str(docx))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Có 2/3 xã, phường đã gửi báo cáo" in text
    assert "02 hội nghị" in text and "500 tờ rơi" in text and "UBND phường Bạch Đằng" in text
    counts = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in counts.rows}
    assert rows["UBND xã Lam Vỹ"][-1] == "4" and rows["Tổng số"][-1] == "8"


def test_refused_sheets_change_nothing_and_the_valid_one_still_applies(province, tmp_path):
    store, plan_id = province
    good = upward(tmp_path, "Lam Vỹ", LAM_VY)
    tampered = upward(tmp_path, "Bình Giang", BINH_GIANG)
    wb = load_workbook(tampered)
    wb.worksheets[0].cell(FIRST_ROW, 6).value = "Đã làm xong hết"
    wb.save(tampered)
    (tmp_path / "nam").mkdir()
    other_period = upward(tmp_path / "nam", "Tam Điệp", BINH_GIANG, Period("year", 2026))
    other = Store.open(tmp_path / "khac.sqlite", backup=False)
    with other:
        upper = province_plan()
        upper.number = "118"
        plan_id_other = other.plans.create(commune_plan("Yên Khánh", upper))
        other_plan, _ = write_upward_sheet(other, plan_id_other, SIX, tmp_path / "khac.xlsx", TODAY)

    rollup = rollup_files(store, plan_id, [tampered, other_plan, other_period, good], SIX, today=TODAY)
    reasons = {r.path.name: r.reason for r in rollup.received}
    assert "đã bị sửa" in reasons[tampered.name]
    assert "phiếu của kế hoạch khác" in reasons["khac.xlsx"]
    assert "phiếu kỳ khác" in reasons[other_period.name]
    assert reasons[good.name] == ""
    assert {e.unit for e in rollup_entries(store, plan_id)} == {"UBND xã Lam Vỹ"}
    assert len(rollup_entries(store, plan_id)) == 4
    lines = rollup.describe(applied=True)
    assert any(line.startswith(f"{tampered.name}: bị từ chối: ") for line in lines)
    assert "Đã nhận 1/4 phiếu" in lines[-1]


def test_a_dry_run_writes_nothing(province, tmp_path):
    store, plan_id = province
    files = [upward(tmp_path, "Lam Vỹ", LAM_VY)]
    rollup = rollup_files(store, plan_id, files, SIX, dry_run=True, today=TODAY)
    assert rollup.accepted and not rollup_entries(store, plan_id)
    assert "Chạy thử" in rollup.describe(applied=False)[-1]
    assert not store.progress.rollup_records(rollup.received[0].record["upper_key"])


def test_a_corrected_sheet_replaces_the_communes_answers(province, tmp_path):
    store, plan_id = province
    first = upward(tmp_path, "Lam Vỹ", LAM_VY)
    rollup_files(store, plan_id, [first], SIX, today=TODAY)
    (tmp_path / "sua").mkdir()
    corrected = upward(tmp_path / "sua", "Lam Vỹ", {**LAM_VY, "1": (DONE, "Đã tổ chức 03 hội nghị tuyên truyền")})
    rollup = prepare_rollup(store, plan_id, [corrected], SIX, today=TODAY)
    assert rollup.received[0].replaces == first.name
    rollup_files(store, plan_id, [corrected], SIX, today=TODAY)
    entries = rollup_entries(store, plan_id)
    assert len(entries) == 5  # the changed answer added beside the old one (history kept)
    state = rollup_state(store, plan_id, SIX)
    said = [a.done for answers in state.answers.values() for a in answers]
    assert any("03 hội nghị" in d for d in said) and not any("02 hội nghị" in d for d in said)


def test_the_command_prints_each_file_and_writes_the_outputs(tmp_path):
    db = tmp_path / "tinh.sqlite"
    with Store.open(db, backup=False) as store:
        plan_id = store.plans.create(province_plan())
    good = upward(tmp_path, "Lam Vỹ", LAM_VY)
    bad = tmp_path / "rong.xlsx"
    bad.write_bytes(b"not a workbook")
    expected = tmp_path / "xa.txt"
    expected.write_text("UBND xã Lam Vỹ\nUBND xã Khánh Hội\n", encoding="utf-8")
    out, report = tmp_path / "th.xlsx", tmp_path / "th.docx"
    done: subprocess.CompletedProcess = run_cli(
        "rollup", str(plan_id), str(good), str(bad), "--period", "6m", "--year", "2026", "--expected",
        str(expected), "-o", str(out), "--report", str(report), db=db)
    assert done.returncode == 0, done.stderr
    assert "bc-Lam Vỹ.xlsx: đã nhận" in done.stdout and "rong.xlsx: bị từ chối" in done.stdout
    assert out.exists() and report.exists()
    missing = [row[1] for row in load_workbook(out)["Chưa báo cáo"].iter_rows(values_only=True)]
    assert "UBND xã Khánh Hội" in missing and "UBND xã Lam Vỹ" not in missing
    dry = run_cli("rollup", str(plan_id), str(good), "--period", "6m", "--year", "2026", "--dry-run", db=db)
    assert dry.returncode == 0 and "đã được nhận trước đó" in dry.stdout


def test_the_dialog_previews_each_file_then_imports_and_writes_the_outputs(province, tmp_path, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from kehoach_desktop.ui.rollup import COL_NOTE, COL_RESULT, RollupDialog

    store, plan_id = province
    good = upward(tmp_path, "Lam Vỹ", LAM_VY)
    tampered = upward(tmp_path, "Bình Giang", BINH_GIANG)
    wb = load_workbook(tampered)
    wb.worksheets[0].cell(FIRST_ROW, 5).value = "Hoàn thành"
    wb.save(tampered)
    dialog = RollupDialog(store, store.plans.list(), plan_id)
    qtbot.addWidget(dialog)
    dialog.period.kind.setCurrentIndex(dialog.period.kind.findData("6m"))
    dialog.period.year.setValue(2026)
    dialog.set_files([good, tampered])
    assert dialog.table.item(0, COL_RESULT).text() == "Nhận được"
    assert dialog.table.item(1, COL_RESULT).text() == "Bị từ chối"
    assert "đã bị sửa" in dialog.table.item(1, COL_NOTE).text()
    assert not rollup_entries(store, plan_id)  # the preview writes nothing
    assert dialog.width() <= 1366 and dialog.height() <= 768
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert {e.unit for e in rollup_entries(store, plan_id)} == {"UBND xã Lam Vỹ"}
    assert dialog.table.item(0, COL_RESULT).text() == "Đã nhận trước đó" and not dialog.import_button.isEnabled()
    xlsx = dialog.export("xlsx", tmp_path / "th.xlsx")
    docx = dialog.export("docx", tmp_path / "th.docx")
    assert xlsx is not None and xlsx.exists() and docx is not None and docx.exists()
    assert isinstance(dialog.findChild(QDialogButtonBox), QDialogButtonBox)


def test_write_upward_from_the_open_plan(tmp_path, qtbot):
    from types import SimpleNamespace

    from kehoach_desktop.ui.rollup import write_upward

    store, plan_id = commune_store_for_ui(tmp_path)
    errors: list[str] = []

    def run(func, *args):
        return func(*args)

    window = SimpleNamespace(store=store, session=SimpleNamespace(plan_id=plan_id, plan=store.plans.load(plan_id)),
                             _run=run, show_error=errors.append)
    path = write_upward(window, tmp_path / "phieu", SIX)
    assert path == tmp_path / "phieu.xlsx" and path.exists() and not errors
    window.session.plan.upper = None
    assert write_upward(window, tmp_path / "khac.xlsx", SIX) is None
    assert "không được lập theo kế hoạch cấp trên" in errors[0]
    store.close()


def commune_store_for_ui(tmp_path: Path):
    return commune_store(tmp_path / "lv.sqlite", "Lam Vỹ", LAM_VY)


def test_the_command_fails_clearly_when_no_sheet_is_taken(tmp_path):
    db = tmp_path / "tinh.sqlite"
    with Store.open(db, backup=False) as store:
        plan_id = store.plans.create(province_plan())
    other = upward(tmp_path, "Lam Vỹ", LAM_VY, Period("year", 2026))
    done = run_cli("rollup", str(plan_id), str(other), "--period", "6m", "--year", "2026", db=db)
    assert done.returncode == 1 and "phiếu kỳ khác" in done.stdout
    assert done.stderr.startswith("Lỗi: không nhận được phiếu nào") and "Traceback" not in done.stderr
    missing = run_cli("rollup", "999", str(other), "--period", "6m", "--year", "2026", db=db)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr, missing.stderr


def test_a_sheet_matches_when_the_province_retyped_its_plans_title(tmp_path):
    """Same number, symbol, year and issuer: the same plan (same_upper), its items matched by number and wording."""
    with Store.open(tmp_path / "tinh.sqlite", backup=False) as store:
        plan = province_plan()
        plan.title += " (sửa lỗi chính tả)"
        plan_id = store.plans.create(plan)
        rollup = rollup_files(store, plan_id, [upward(tmp_path, "Lam Vỹ", LAM_VY)], SIX, today=TODAY)
        assert rollup.received[0].reason == ""
        assert len(rollup_entries(store, plan_id)) == 4


def test_the_communes_role_in_each_upper_item_follows_the_rules_communes_derive_by():
    """The province's list of what communes report on reads its plan as each commune does (domain.derive)."""
    from kehoach_desktop.domain.plan import PartialDate, Plan, Section, Task, TextItem
    from kehoach_desktop.sheets.rollup import upper_items

    plan = Plan(title="Chuyển đổi số", issuer=["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"], number="117",
                date=PartialDate(2026, 3, 20), sections=[
                    Section("NHIỆM VỤ", "tasks", tasks=[
                        Task("Số hóa hồ sơ", number="1", lead=["UBND các xã, phường"],
                             children=[Task("Số hóa hồ sơ hộ tịch", number="a")]),
                        Task("Tập huấn kỹ năng số", number="2", lead=["Sở Nội vụ"], coordinators=["UBND cấp xã"]),
                        Task("Hướng dẫn UBND các xã, phường lưu trữ số", number="3", lead=["Sở Nội vụ"]),
                        Task("Kiểm tra tại thị xã", number="4", lead=["UBND thị xã Tam Điệp"])]),
                    Section("TỔ CHỨC THỰC HIỆN", "text", items=[
                        TextItem("UBND các xã, phường", ["Xây dựng kế hoạch của địa phương."])])])
    roles = {item.number: item.role for item in upper_items(plan)}
    assert roles == {"1": "Chủ trì", "1.a": "Chủ trì", "2": "Phối hợp", "3": "", "4": "", "II.1": "Thực hiện"}
