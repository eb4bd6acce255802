"""Unit sheets out (progress-sheets) and merged back (progress-import): the round trip a commune office makes."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from kehoach_desktop.domain.progress import DONE, IN_PROGRESS, Period
from kehoach_desktop.errors import InvalidInput, KnownError
from kehoach_desktop.sheets.merge import import_unit_sheet
from kehoach_desktop.sheets.tracking import make_unit_sheets
from kehoach_desktop.sheets.unit_sheets import FIRST_ROW, KEY_COL, STAMP_SHEET
from tests.conftest import fixture_path, load_fixture, run_cli

VHXH = "Phòng Văn hóa - Xã hội"
VP = "Văn phòng HĐND và UBND"
SIX = Period("6m", 2026)


def sheet_of(paths: list[Path], unit_slug: str) -> Path:
    return next(p for p in paths if unit_slug in p.name)


def rows_by_key(ws) -> dict[str, int]:
    return {ws.cell(r, KEY_COL).value: r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, KEY_COL).value}


def fill(path: Path, answers: dict[str, dict[str, object]]) -> None:
    """Fill a unit sheet as a unit would in Excel: answer cells only, by task key."""
    columns = {"status": 6, "done": 7, "result": 8, "percent": 9, "difficulties": 10, "proposals": 11,
               "evidence": 12}
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    rows = rows_by_key(ws)
    for key, values in answers.items():
        for name, value in values.items():
            ws.cell(rows[key], columns[name]).value = value
    wb.save(path)


@pytest.fixture
def lam_vy(store, tmp_path):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    plan = store.plans.load(plan_id)
    tasks = [t for t, _ in plan.walk_tasks()]
    written, skipped = make_unit_sheets(store, plan_id, SIX, tmp_path / "out", dt.date(2026, 5, 20))
    return plan_id, tasks, [p for _u, p, _n in written], skipped


def test_one_protected_sheet_per_unit_with_hidden_keys_and_stamp(store, lam_vy):
    plan_id, tasks, paths, skipped = lam_vy
    names = sorted(p.name for p in paths)
    assert names == ["tien-do-2026-6m-phong-kinh-te.xlsx", "tien-do-2026-6m-phong-van-hoa-xa-hoi.xlsx",
                     "tien-do-2026-6m-van-phong-hdnd-va-ubnd.xlsx"]
    # Groups such as "các đơn vị liên quan" are not units to send a sheet to.
    assert "các đơn vị liên quan" in skipped
    wb = load_workbook(sheet_of(paths, "van-hoa"))
    ws = wb.worksheets[0]
    text = " ".join(str(ws.cell(r, 1).value) for r in range(1, 6))
    assert "Đơn vị báo cáo: Phòng Văn hóa - Xã hội" in text and "6 tháng đầu năm 2026" in text
    # Task 6 is led by the Văn phòng and coordinated by the Phòng VHXH: it is on both sheets.
    keys = rows_by_key(ws)
    assert list(keys) == [t.key for t in tasks]
    roles = [ws.cell(r, 3).value for r in keys.values()]
    assert roles == ["Chủ trì"] * 5 + ["Phối hợp", "Chủ trì"]
    assert ws.protection.sheet and not ws.protection.password
    first = FIRST_ROW
    assert ws.cell(first, 2).protection.locked and ws.cell(first, KEY_COL).protection.locked
    assert all(not ws.cell(first, c).protection.locked for c in range(6, 13))
    assert ws.column_dimensions["M"].hidden
    stamp = {r[0]: r[1] for r in wb[STAMP_SHEET].iter_rows(values_only=True)}
    assert wb[STAMP_SHEET].sheet_state == "hidden"
    assert stamp["plan_key"] == store.plans.load(plan_id).key and stamp["period"] == "2026-6m"
    assert stamp["unit"] == VHXH
    vp = load_workbook(sheet_of(paths, "van-phong")).worksheets[0]
    assert list(rows_by_key(vp)) == [tasks[1].key, tasks[5].key, tasks[6].key]


def test_full_round_trip_fill_import_twice(store, db_path, lam_vy):
    plan_id, tasks, paths, _ = lam_vy
    store.close()  # the CLI works on the same file
    vhxh, vp = sheet_of(paths, "van-hoa"), sheet_of(paths, "van-phong")
    fill(vhxh, {
        tasks[0].key: {"status": "Hoàn thành", "done": "Đã tổ chức 03 hội nghị tuyên truyền cho 250 lượt người",
                       "percent": 100, "evidence": "Báo cáo số 45/BC-VHXH"},
        # tasks[1]: left blank
        tasks[2].key: {"status": "Đang thực hiện", "result": "=SUM(A1)", "proposals": "-50% thủ tục giấy tờ"},
        tasks[5].key: {"done": unicodedata.normalize("NFD", "Phối hợp chuẩn bị tài liệu hướng dẫn")},
    })
    fill(vp, {tasks[5].key: {"status": "hoàn thành", "result": "Đã ban hành Quyết định 12/QĐ-UBND",
                             "difficulties": "Thiếu cán bộ chuyên trách"}})

    dry = run_cli("progress-import", str(vhxh), "--dry-run", db=db_path)
    assert dry.returncode == 0, dry.stderr
    assert "Sẽ thêm 3 mục tiến độ" in dry.stdout and "1 dòng đã nhập" not in dry.stdout
    assert "Chạy thử" in dry.stdout and "=SUM(A1)" in dry.stdout
    from kehoach_desktop.services import Store

    with Store.open(db_path) as s:
        assert s.progress.count(plan_id) == 0  # the dry run wrote nothing

    first = run_cli("progress-import", str(vhxh), db=db_path)
    assert first.returncode == 0, first.stderr
    assert "Đã thêm 3 mục tiến độ; 0 dòng đã nhập trước đó (không đổi); 4 dòng để trống." in first.stdout
    assert run_cli("progress-import", str(vp), db=db_path, check=True)

    with Store.open(db_path) as s:
        by_task = s.progress.for_plan(plan_id)
        assert set(by_task) == {tasks[0].id, tasks[2].id, tasks[5].id}
        e0 = by_task[tasks[0].id][0]
        assert (e0.unit, e0.status, e0.percent, e0.period) == (VHXH, DONE, 100, "2026-6m")
        assert e0.done == "Đã tổ chức 03 hội nghị tuyên truyền cho 250 lượt người"
        assert e0.evidence == "Báo cáo số 45/BC-VHXH" and e0.source == f"sheet:{vhxh.name}"
        e2 = by_task[tasks[2].id][0]
        assert (e2.status, e2.result, e2.proposals) == (IN_PROGRESS, "=SUM(A1)", "-50% thủ tục giấy tờ")
        # No status chosen but something written: reported as in progress; NFD typed text stored NFC.
        e5 = {e.unit: e for e in by_task[tasks[5].id]}
        assert e5[VHXH].status == IN_PROGRESS and e5[VHXH].done == "Phối hợp chuẩn bị tài liệu hướng dẫn"
        assert unicodedata.is_normalized("NFC", e5[VHXH].done)
        assert e5[VP].status == DONE and e5[VP].difficulties == "Thiếu cán bộ chuyên trách"
        total = s.progress.count(plan_id)
        assert total == 4

    again = run_cli("progress-import", str(vhxh), db=db_path, check=True)
    assert "Đã thêm 0 mục tiến độ; 3 dòng đã nhập trước đó (không đổi)" in again.stdout
    with Store.open(db_path) as s:
        assert s.progress.count(plan_id) == 4

    # A corrected answer sent later is added; the earlier one is kept (history).
    fill(vhxh, {tasks[2].key: {"status": "Hoàn thành", "percent": "100%"}})
    run_cli("progress-import", str(vhxh), db=db_path, check=True)
    with Store.open(db_path) as s:
        history = s.progress.for_task(tasks[2].id)
        assert [e.status for e in history] == [IN_PROGRESS, DONE] and history[1].percent == 100
        assert history[0].result == "=SUM(A1)"


# --- refusals: nothing is half applied -------------------------------------------------------------

def _refused(store, path: Path, match: str, **kw) -> None:
    before = store.progress.count()
    with pytest.raises(InvalidInput, match=match):
        import_unit_sheet(store, path, **kw)
    assert store.progress.count() == before


def test_sheet_of_another_plan_is_refused(store, lam_vy, tmp_path):
    from kehoach_desktop.services import Store

    other_db = Store.open(tmp_path / "other.sqlite", backup=False)
    other_id = other_db.import_plan(load_fixture("ke-hoach-phuong-bach-dang"))
    written, _ = make_unit_sheets(other_db, other_id, SIX, tmp_path / "other")
    other_db.close()
    path = written[0][1]
    fill(path, {load_workbook(path).worksheets[0].cell(FIRST_ROW, KEY_COL).value: {"status": "Hoàn thành"}})
    _refused(store, path, "thuộc một kế hoạch khác")


def test_sheet_of_a_plan_in_the_bin_is_refused(store, lam_vy):
    plan_id, tasks, paths, _ = lam_vy
    path = sheet_of(paths, "van-hoa")
    fill(path, {tasks[0].key: {"status": "Hoàn thành"}})
    store.plans.delete(plan_id)
    _refused(store, path, "đang ở thùng rác")
    store.plans.restore(plan_id)
    assert len(import_unit_sheet(store, path).changes) == 1


def test_sheet_of_another_period_is_refused(store, lam_vy, tmp_path):
    plan_id, tasks, paths, _ = lam_vy
    path = sheet_of(paths, "van-hoa")
    fill(path, {tasks[0].key: {"status": "Hoàn thành"}})
    _refused(store, path, "là của kỳ 6 tháng đầu năm 2026, nhưng kỳ đang thu thập là năm 2026",
             expected=Period("year", 2026))
    # Sheets for the year were sent out since: the 6-month sheet is now out of date.
    make_unit_sheets(store, plan_id, Period("year", 2026), tmp_path / "year")
    _refused(store, path, "kỳ đang thu thập là năm 2026")
    assert import_unit_sheet(store, path, expected=SIX).changes


def test_sheet_with_edited_keys_or_rows_is_refused(store, lam_vy, tmp_path):
    _plan_id, tasks, paths, _ = lam_vy
    path = sheet_of(paths, "van-hoa")
    fill(path, {tasks[0].key: {"status": "Hoàn thành"}})
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws.cell(FIRST_ROW + 1, KEY_COL).value = tasks[0].key  # a key typed over
    wb.save(tmp_path / "edited.xlsx")
    _refused(store, tmp_path / "edited.xlsx", "đã bị sửa cột mã nhiệm vụ")
    wb = load_workbook(path)
    wb.worksheets[0].delete_rows(FIRST_ROW + 2)
    wb.save(tmp_path / "deleted.xlsx")
    _refused(store, tmp_path / "deleted.xlsx", "đã bị sửa cột mã nhiệm vụ")


def test_file_that_is_not_ours_is_refused(store, lam_vy, tmp_path, db_path):
    plain = tmp_path / "bang-tinh.xlsx"
    wb = Workbook()
    wb.active.append(["STT", "Nội dung"])
    wb.save(plain)
    _refused(store, plain, "không phải phiếu báo cáo tiến độ do KeHoach Desktop lập")
    fake = tmp_path / "thu.xlsx"
    fake.write_text("không phải excel", encoding="utf-8")
    _refused(store, fake, "không đọc được như một bảng tính Excel")
    _refused(store, tmp_path / "khong-co.xlsx", "Không tìm thấy tệp")
    store.close()
    result = run_cli("progress-import", str(plain), db=db_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Lỗi: Tệp bang-tinh.xlsx không phải phiếu báo cáo tiến độ do KeHoach Desktop lập (không có dấu nhận "
        "dạng của phiếu). Chỉ nhập được phiếu lập bằng lệnh progress-sheets."]


def test_bad_answer_refuses_the_whole_sheet_with_its_row(store, lam_vy):
    _plan_id, tasks, paths, _ = lam_vy
    path = sheet_of(paths, "van-hoa")
    fill(path, {tasks[0].key: {"status": "Hoàn thành"}, tasks[2].key: {"percent": "-50%"}})
    _refused(store, path, r"Dòng 11, cột “Tỷ lệ hoàn thành \(%\)”: “-50%” không phải một số từ 0 đến 100")


def test_the_drop_down_column_is_tien_do_and_tinh_hinh_thuc_hien_is_the_sentence(lam_vy):
    _plan_id, _tasks, paths, _ = lam_vy
    ws = load_workbook(sheet_of(paths, "van-hoa")).worksheets[0]
    headings = [ws.cell(7, c).value for c in range(6, 13)]
    assert headings == ["Tiến độ", "Tình hình thực hiện", "Kết quả", "Tỷ lệ hoàn thành (%)", "Khó khăn, vướng mắc",
                        "Đề xuất, kiến nghị", "Văn bản, minh chứng"]
    assert "chọn “Tiến độ” trong danh sách; ghi những việc đã làm vào cột “Tình hình thực hiện”" in ws["A5"].value
    (dv,) = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert dv.formula1 == '"Chưa thực hiện,Đang thực hiện,Hoàn thành"' and str(dv.sqref).startswith("F")
    assert ws["A6"].value is None  # on 20/5/2026 nothing of the plan has come due: no task to point out


def test_a_sentence_in_the_status_column_is_kept_and_listed_not_refused(store, db_path, lam_vy):
    plan_id, tasks, paths, _ = lam_vy
    store.close()
    path = sheet_of(paths, "van-hoa")
    sentence = "Đã tổ chức 02 hội nghị tuyên truyền Luật cho cán bộ, công chức xã"
    fill(path, {
        tasks[0].key: {"status": "Hoàn thành", "done": "Ban hành Kế hoạch số 12/KH-UBND"},
        tasks[2].key: {"status": sentence},
        tasks[3].key: {"status": "xong", "done": "Rà soát 12 văn bản", "percent": 100},
        tasks[4].key: {"status": "Chưa báo cáo"},  # nothing to report: a blank row
    })
    dry = run_cli("progress-import", str(path), "--dry-run", db=db_path)
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    assert "Sẽ thêm 3 mục tiến độ; 0 dòng đã nhập trước đó (không đổi); 4 dòng để trống." in lines
    assert ("2 dòng ghi một câu vào cột “Tiến độ” (cột chọn tình trạng): câu được giữ làm “Tình hình thực hiện”, "
            "tiến độ để trống (như dòng không chọn tiến độ: tính là Đang thực hiện); hãy kiểm tra lại:") in lines
    assert f"  ! dòng 11, nhiệm vụ 3. Lòng ghép các mục tiêu, nhiệm vụ của Chiến lược qu…: “{sentence}”" in lines
    assert any(line.startswith("  ! dòng 12, nhiệm vụ 4.") and line.endswith(": “xong”") for line in lines)
    assert lines[-1] == "Chạy thử: chưa ghi gì vào cơ sở dữ liệu."

    run_cli("progress-import", str(path), db=db_path, check=True)
    from kehoach_desktop.services import Store

    with Store.open(db_path) as s:
        by_task = s.progress.for_plan(plan_id)
        assert by_task[tasks[0].id][0].status == DONE
        kept = by_task[tasks[2].id][0]
        assert (kept.status, kept.done) == (IN_PROGRESS, sentence)
        both = by_task[tasks[3].id][0]
        assert (both.status, both.done, both.percent) == (IN_PROGRESS, "xong\nRà soát 12 văn bản", 100)
        assert tasks[4].id not in by_task


def test_a_sheet_of_the_previous_version_still_merges(store, tmp_path):
    """``phieu-cu-2026-6m-van-hoa.xlsx`` was written by the unit-sheet writer before the columns were renamed
    (commit a936d7d: the drop-down column was called “Tình hình thực hiện”), for the Lam Vỹ fixture, and filled
    as units fill it: "Hoàn thành" chosen on row 9, a sentence typed in that column on row 11 (60%)."""
    import shutil

    from tests.conftest import FIXTURES

    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    tasks = [t for t, _ in store.plans.load(plan_id).walk_tasks()]
    store.progress.record_round(plan_id, SIX)
    path = tmp_path / "phieu-cu.xlsx"
    shutil.copy(FIXTURES / "phieu-cu-2026-6m-van-hoa.xlsx", path)
    old = load_workbook(path).worksheets[0]
    assert (old["F7"].value, old["G7"].value) == ("Tình hình thực hiện", "Nội dung đã thực hiện")

    merge = import_unit_sheet(store, path, today=dt.date(2026, 6, 10))
    text = "\n".join(merge.describe(applied=True))
    assert "Đã thêm 2 mục tiến độ" in text
    assert "  ! dòng 11, nhiệm vụ 3. " in text and "“Đã phối hợp rà soát 12 văn bản của xã" in text
    by_task = store.progress.for_plan(plan_id)
    done = by_task[tasks[0].id][0]
    assert (done.status, done.done, done.unit) == (DONE, "Đã tổ chức 03 hội nghị tuyên truyền cho 250 lượt người", VHXH)
    sentence = by_task[tasks[2].id][0]
    assert sentence.status == IN_PROGRESS and sentence.percent == 60
    assert sentence.done == "Đã phối hợp rà soát 12 văn bản của xã, chưa phát hiện nội dung trái quy định"


def test_tasks_a_unit_leads_that_are_not_reported_or_overdue_are_marked(store, tmp_path):
    plan = load_fixture("ke-hoach-xa-lam-vy")
    next(t for t, _ in plan.walk_tasks() if t.number == "5").time = "Quý III/2026"
    plan_id = store.import_plan(plan)
    tasks = [t for t, _ in store.plans.load(plan_id).walk_tasks()]
    written, _ = make_unit_sheets(store, plan_id, Period("year", 2026), tmp_path, dt.date(2026, 12, 20))
    ws = load_workbook(sheet_of([p for _u, p, _n in written], "van-hoa")).worksheets[0]
    # On 20/12/2026 the 14/12 cut-off has passed without a report; "Quý III/2026" is past its deadline.
    assert ws["A6"].value == ("Đến ngày 20/12/2026, trong các nhiệm vụ đơn vị chủ trì: 5 chưa báo cáo "
                              "(ô STT màu vàng cam); 1 quá hạn (ô STT màu đỏ).")
    fills = {ws.cell(r, KEY_COL).value: ws.cell(r, 1).fill.fgColor.rgb for r in rows_by_key(ws).values()}
    assert fills[tasks[4].key].endswith("F8CBAD")  # red: overdue
    assert all(fills[tasks[i].key].endswith("FFE699") for i in (0, 1, 2, 3, 6))  # amber: not reported
    assert not fills[tasks[5].key].endswith(("FFE699", "F8CBAD"))  # coordinated only: the lead answers for it


def test_cli_progress_sheets_lists_the_files(db_path, tmp_path):
    plan_id = run_cli("import-json", str(fixture_path("ke-hoach-xa-binh-giang-nd142")), db=db_path,
                      check=True).stdout.strip().splitlines()[-1]
    result = run_cli("progress-sheets", plan_id, "-o", str(tmp_path / "phieu"), "--period", "year",
                     "--year", "2026", db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Đã lập 2 phiếu báo cáo kỳ năm 2026" in result.stdout
    assert "Trung tâm Dịch vụ sự nghiệp công\t1 nhiệm vụ" in result.stdout
    assert sorted(p.name for p in (tmp_path / "phieu").iterdir()) == [
        "tien-do-2026-year-phong-van-hoa-xa-hoi.xlsx", "tien-do-2026-year-trung-tam-dich-vu-su-nghiep-cong.xlsx"]
    bad = run_cli("progress-sheets", "999", "-o", str(tmp_path / "x"), db=db_path)
    assert bad.returncode == 1 and "Không có kế hoạch số 999" in bad.stderr


def test_a_failure_while_applying_leaves_nothing_half_applied(store, lam_vy):
    from kehoach_desktop.sheets.merge import apply_merge, prepare_merge

    _plan_id, tasks, paths, _ = lam_vy
    path = sheet_of(paths, "van-hoa")
    fill(path, {tasks[0].key: {"status": "Hoàn thành"}, tasks[2].key: {"status": "Đang thực hiện"}})
    merge = prepare_merge(store, path)
    # The same sheet merged meanwhile from another window: the second apply must add nothing.
    twin = prepare_merge(store, path)
    assert apply_merge(store, twin) == 2
    with pytest.raises(InvalidInput, match="vừa được nhập ở nơi khác"):
        apply_merge(store, merge)
    assert store.progress.count() == 2
    # A task deleted between preview and apply: the first row's insert is rolled back too.
    fill(path, {tasks[0].key: {"status": "Đang thực hiện"}, tasks[2].key: {"status": "Hoàn thành"}})
    merge = prepare_merge(store, path)
    assert [c.task.key for c in merge.changes] == [tasks[0].key, tasks[2].key]
    store.plans.delete_task(tasks[2].id)
    with pytest.raises(KnownError, match="Không có nhiệm vụ"):
        apply_merge(store, merge)
    assert [e.status for e in store.progress.for_task(tasks[0].id)] == [DONE]


def test_every_sample_plan_goes_out_and_back(store, sample_name, tmp_path):
    plan_id = store.import_plan(load_fixture(sample_name))
    written, _ = make_unit_sheets(store, plan_id, SIX, tmp_path)
    assert written
    for _unit, path, count in written:
        wb = load_workbook(path)
        keys = list(rows_by_key(wb.worksheets[0]))
        assert len(keys) == count
        fill(path, {keys[0]: {"status": "Đang thực hiện", "done": "Đã triển khai"}})
        merge = import_unit_sheet(store, path)
        assert len(merge.changes) == 1 and merge.blank == count - 1
    assert store.progress.count(plan_id) == len(written)


def test_sub_items_in_a_unit_sheet_keep_their_group_number(tmp_path):
    from openpyxl import load_workbook

    from kehoach_desktop.domain.plan import Plan, Section, Task
    from kehoach_desktop.domain.progress import Period
    from kehoach_desktop.domain.units import UnitCatalog, preset_units
    from kehoach_desktop.sheets.unit_sheets import FIRST_ROW, write_unit_sheets

    ca = "Công an xã"
    plan = Plan(title="Chuyển đổi số", sections=[Section("NHIỆM VỤ", "tasks", tasks=[
        Task(title="Hạ tầng", number="1", children=[Task(title="Cáp quang", number="a", lead=[ca])]),
        Task(title="Dịch vụ", number="2", children=[Task(title="Dữ liệu dân cư", number="a", lead=[ca])])])])
    written, _ = write_unit_sheets(plan, UnitCatalog(preset_units("xa")), Period("year", 2026), tmp_path,
                                   __import__("datetime").date(2026, 11, 1))
    (_, path, _) = written[0]
    ws = load_workbook(path).active
    assert [ws.cell(FIRST_ROW + i, 1).value for i in range(2)] == ["1.a", "2.a"]
