"""The Báo cáo (BC-UBND): the full round trip through unit sheets, then the report's text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx

from kehoach_desktop.documents.report import report_document
from kehoach_desktop.domain.progress import DONE, IN_PROGRESS, Period, ProgressEntry
from kehoach_desktop.services import Store
from tests.conftest import fixture_path, load_fixture, run_cli
from tests.test_sheets_units import fill

VHXH = "Phòng Văn hóa - Xã hội"


def docx_text(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return paragraphs, tables


def test_round_trip_sheets_import_then_report(db_path, tmp_path):
    plan_id = run_cli("import-json", str(fixture_path("ke-hoach-xa-lam-vy")), db=db_path,
                      check=True).stdout.strip().splitlines()[-1]
    out = tmp_path / "phieu"
    run_cli("progress-sheets", plan_id, "-o", str(out), "--period", "6m", "--year", "2026", db=db_path, check=True)
    with Store.open(db_path) as store:
        tasks = [t for t, _ in store.plans.load(int(plan_id)).walk_tasks()]
    vhxh = out / "tien-do-2026-6m-phong-van-hoa-xa-hoi.xlsx"
    vp = out / "tien-do-2026-6m-van-phong-hdnd-va-ubnd.xlsx"
    fill(vhxh, {
        tasks[0].key: {"status": "Hoàn thành", "done": "Tổ chức 03 hội nghị tuyên truyền Luật cho 250 lượt người",
                       "percent": 100, "evidence": "Báo cáo số 45/BC-VHXH", "difficulties": "Kinh phí còn hạn chế"},
        tasks[2].key: {"status": "Đang thực hiện", "result": "=SUM(A1)", "proposals": "-50% thủ tục giấy tờ"},
    })
    fill(vp, {tasks[5].key: {"status": "Đang thực hiện", "done": "Xây dựng dự thảo hướng dẫn thi hành Luật"}})
    for sheet in (vhxh, vp):
        result = run_cli("progress-import", str(sheet), db=db_path)
        assert result.returncode == 0, result.stderr
    with Store.open(db_path) as store:
        entries = store.progress.for_plan(int(plan_id))
        assert {tasks[i].id for i in (0, 2, 5)} == set(entries)
        assert entries[tasks[2].id][0].result == "=SUM(A1)"

    report = tmp_path / "bc.docx"
    result = run_cli("report", plan_id, "--period", "6m", "--year", "2026", "-o", str(report), db=db_path)
    assert result.returncode == 0, result.stderr
    assert "6 tháng đầu năm 2026" in result.stdout
    paragraphs, tables = docx_text(report)
    text = "\n".join(paragraphs)
    header = " ".join(c for row in tables[0] for c in row)
    assert "ỦY BAN NHÂN DÂN" in header and "XÃ LAM VỸ" in header and "/BC-UBND" in header
    assert "BÁO CÁO" in paragraphs
    assert "Kết quả thực hiện Kế hoạch triển khai thi hành Luật Trí tuệ nhân tạo 6 tháng đầu năm 2026" in text
    assert "Kính gửi: Sở Khoa học và Công nghệ." in text
    for heading in ("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ",
                    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "V. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in paragraphs
    assert "Thực hiện Kế hoạch số 05/KH-UBND ngày 20 tháng 3 năm 2026 của Ủy ban nhân dân xã Lam Vỹ" in text
    assert "2 đơn vị đã gửi báo cáo kết quả thực hiện: Phòng Văn hóa - Xã hội; Văn phòng HĐND và UBND." in text
    # The results of each task, as the units wrote them (formula-like text kept as typed).
    assert "- Phòng Văn hóa - Xã hội: Tổ chức 03 hội nghị tuyên truyền Luật cho 250 lượt người (100%)." in text
    assert "Văn bản, minh chứng: Báo cáo số 45/BC-VHXH." in text
    assert "- Phòng Văn hóa - Xã hội: =SUM(A1)." in text
    assert "- Văn phòng HĐND và UBND: Xây dựng dự thảo hướng dẫn thi hành Luật." in text
    assert text.count("- Chưa có báo cáo trong kỳ.") == 4
    assert "- Phòng Văn hóa - Xã hội: Kinh phí còn hạn chế." in text
    assert "- Phòng Văn hóa - Xã hội: -50% thủ tục giấy tờ." in text
    # The table of counts by status, at the period's end (14/6/2026): no cut-off has passed yet for
    # yearly tasks; the reported ones are in progress (a yearly task is never done for good).
    counts = next(t for t in tables if t[0][:3] == ["STT", "Tình trạng", "Số nhiệm vụ"])
    assert {row[1]: row[2] for row in counts[1:]} == {
        "Chưa thực hiện": "4", "Đang thực hiện": "3", "Hoàn thành": "0", "Hoàn thành quá hạn": "0",
        "Chưa báo cáo": "0", "Quá hạn": "0", "Tổng số": "7"}
    assert paragraphs[-1].endswith("./.") or any(p.endswith("./.") for p in paragraphs)
    signature = " ".join(c for row in tables[-1] for c in row)
    assert "Nơi nhận:" in signature and "- Như trên;" in signature and "Ma Văn Quyết" in signature


def test_report_of_the_year_counts_overdue_and_proposes_next_period(store):
    plan_id = store.import_plan(load_fixture("ke-hoach-xa-binh-giang-nd142"))
    plan = store.plans.load(plan_id)
    tasks = [t for t, _ in plan.walk_tasks()]
    store.progress.add(ProgressEntry(tasks[0].id, dt.date(2026, 10, 1), DONE, unit=VHXH, period="2026-year",
                                     done="Ban hành Kế hoạch số 12/KH-UBND"))
    store.progress.add(ProgressEntry(tasks[1].id, dt.date(2026, 5, 1), IN_PROGRESS, unit=VHXH, period="2026-6m",
                                     done="Phối hợp rà soát hạ tầng số"))
    document = report_document(plan, store.progress.for_plan(plan_id), Period("year", 2026),
                               today=dt.date(2026, 12, 20))
    text = "\n".join(p.text for p in document.paragraphs())
    assert "Kính gửi: Sở KH&CN." in text  # the plan's own upward recipient
    # The year report includes the 6-month answers.
    assert "- Phòng Văn hóa - Xã hội: Phối hợp rà soát hạ tầng số." in text
    # "Cập nhật theo Kế hoạch ..." reported done is done. On the period's last day (14/12) the yearly
    # reports are not late yet, but the "Thường xuyên" task missed its 14/6 cut-off: not reported, which is
    # not overdue (it has no deadline of its own). The plan is dated "tháng 6 năm 2026" and nothing says when
    # it was entered: June counts from its first day.
    assert "tình trạng: Hoàn thành." in text
    assert "quá hạn chưa hoàn thành" not in text
    assert "Còn 1 nhiệm vụ thường xuyên, định kỳ chưa báo cáo kết quả của kỳ báo cáo đã kết thúc:" in text
    assert "- 7. Tổ chức tuyên truyền, phổ biến rộng rãi" in text and "(Trung tâm Dịch vụ sự nghiệp công)." in text
    assert "1 nhiệm vụ hoàn thành, 0 hoàn thành quá hạn, 1 đang thực hiện, 5 chưa thực hiện, 1 chưa báo cáo, 0 quá hạn." in text
    assert "Đơn vị chủ trì chưa gửi báo cáo trong kỳ: Các cơ quan, đơn vị thuộc UBND xã; Trung tâm Dịch vụ" in text
    # Next period: the 6 months of 2027; the "Thường xuyên" task is due again on 14/6/2027.
    assert "Trong 6 tháng đầu năm 2027, tiếp tục" in text
    assert "địa phương: hạn 14/06/2027." in text
    assert text.count(": hạn ") == 1


def test_report_refuses_a_wrong_output_or_period(db_path, tmp_path):
    plan_id = run_cli("import-json", str(fixture_path("ke-hoach-xa-lam-vy")), db=db_path,
                      check=True).stdout.strip().splitlines()[-1]
    bad = run_cli("report", plan_id, "--period", "6m", "--year", "2026", "-o", str(tmp_path / "bc.pdf"), db=db_path)
    assert bad.returncode == 1 and "không có đuôi .docx" in bad.stderr
    bad = run_cli("report", plan_id, "--period", "quy", "--year", "2026", "-o", str(tmp_path / "bc.docx"),
                  db=db_path)
    assert bad.returncode == 2 and "lựa chọn không hợp lệ" in bad.stderr
    assert not (tmp_path / "bc.docx").exists()


def test_report_with_the_progress_sheet_as_appendix(store, tmp_path):
    plan_id = store.import_plan(load_fixture("ke-hoach-phuong-bach-dang"))
    plan = store.plans.load(plan_id)
    document = report_document(plan, {}, Period("6m", 2026), today=dt.date(2026, 7, 1), appendix=True)
    assert len(document.sections) == 2
    appendix = document.sections[1]
    assert appendix.page.landscape and appendix.restart_numbering
    table = next(b for b in appendix.blocks if hasattr(b, "rows"))
    assert [c.paragraphs[0].text for c in table.rows[0].cells][:3] == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì"]
    assert len(table.rows) == 1 + 8


def test_report_follows_the_offices_stored_layout(store, tmp_path):
    from kehoach_desktop.sheets.tracking import write_period_report

    plan_id = store.import_plan(load_fixture("ke-hoach-xa-lam-vy"))
    store.set_setting("layout", {"left": 35, "right": 20, "body_size": 13})
    path = write_period_report(store, plan_id, Period("6m", 2026), tmp_path / "bc.docx", today=dt.date(2026, 7, 1))
    section = docx.Document(str(path)).sections[0]
    assert round(section.left_margin.mm) == 35 and round(section.right_margin.mm) == 20


def test_kinh_gui_is_the_plan_s_recipients_marked_for_report() -> None:
    from kehoach_desktop.documents.report import upward_recipients
    from kehoach_desktop.domain.plan import Plan

    plan = Plan(title="Ngày hội Đại đoàn kết", recipients=[
        "Ban Thường trực UB MTTQ Việt Nam tỉnh (để b/c)", "UBND tỉnh Hà Tĩnh (b/c);", "TT Đảng ủy xã", "Lưu: VT"])
    assert upward_recipients(plan) == ["Ban Thường trực UB MTTQ Việt Nam tỉnh", "UBND tỉnh Hà Tĩnh"]


def test_the_subject_does_not_repeat_the_year_the_title_ends_with() -> None:
    from kehoach_desktop.documents.report import report_document
    from kehoach_desktop.domain.plan import Plan, Section, Task
    from kehoach_desktop.domain.progress import Period

    plan = Plan(title="Bảo đảm vệ sinh an toàn thực phẩm năm 2026", sections=[
        Section("NHIỆM VỤ", "tasks", tasks=[Task(title="Kiểm tra", number="1", time="Quý IV/2026", id=1)])])
    year = "\n".join(p.text for p in report_document(plan, {}, Period("year", 2026)).paragraphs())
    assert "thực phẩm năm 2026 năm 2026" not in year and "thực phẩm năm 2026" in year
    half = "\n".join(p.text for p in report_document(plan, {}, Period("6m", 2026)).paragraphs())
    assert "thực phẩm 6 tháng đầu năm 2026" in half


def test_overdue_sub_items_are_listed_with_their_group() -> None:
    import datetime as dt

    from kehoach_desktop.documents.report import report_document
    from kehoach_desktop.domain.plan import Plan, Section, Task
    from kehoach_desktop.domain.progress import Period

    plan = Plan(title="Chuyển đổi số", sections=[Section("NHIỆM VỤ", "tasks", tasks=[
        Task(title="Hạ tầng", number="1", children=[
            Task(title="Kéo cáp quang", number="a", lead=["Công an xã"], time="Tháng 9/2026", id=2)], id=1)])])
    text = "\n".join(p.text for p in report_document(plan, {}, Period("year", 2026),
                                                     today=dt.date(2026, 12, 20)).paragraphs())
    assert "- 1.a) Kéo cáp quang (Công an xã)." in text
