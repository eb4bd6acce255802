"""The whole loop of issue #12: the province's plan, sent as a Word file and imported by every office → each
commune's derived plan → unit sheets out and merged back → the commune's sheet sent up → rolled up at the
province (its own import of the same file: other random keys, the same computed ones) with two communes → the
consolidated report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from kehoach_desktop.domain.derive import derive_plan
from kehoach_desktop.domain.plan import Section, TextItem
from kehoach_desktop.domain.progress import Period
from kehoach_desktop.services import SETTING_COMMUNE, Store
from kehoach_desktop.sheets.merge import import_unit_sheet
from kehoach_desktop.sheets.rollup import (
    rollup_files,
    rollup_state,
    write_rollup_report,
    write_rollup_workbook,
)
from kehoach_desktop.sheets.tracking import make_unit_sheets
from kehoach_desktop.sheets.upward import FIRST_ROW, write_upward_sheet
from tests.test_sheets_units import fill, rows_by_key
from tests.test_upward import province_plan

SIX = Period("6m", 2026)
SENT, BACK, UP = dt.date(2026, 5, 20), dt.date(2026, 6, 5), dt.date(2026, 6, 16)
DUTY = "Xây dựng kế hoạch triển khai trên địa bàn; báo cáo kết quả thực hiện định kỳ 6 tháng, hằng năm."


def upper_plan():
    plan = province_plan()
    plan.sections.append(Section("TỔ CHỨC THỰC HIỆN", "text", items=[
        TextItem("Sở Khoa học và Công nghệ", ["Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch."]),
        TextItem("UBND các xã, phường", [DUTY])]))
    plan.closing = ["Trên đây là Kế hoạch triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn tỉnh./."]
    return plan


def upper_document(folder: Path) -> Path:
    """The province's plan as the Word file it sends to every commune (and keeps itself)."""
    from kehoach_desktop.documents.docx_writer import write_docx
    from kehoach_desktop.documents.layout import plan_document

    return write_docx(plan_document(upper_plan()), folder / "117-KH-UBND.docx")


def imported(store: Store, document: Path) -> int:
    """The province's Word file imported into this office's database (each office gets its own random keys)."""
    from kehoach_desktop.importers import import_file

    return store.import_plan(import_file(document, store.units.catalog()).plan)


def commune_round(folder: Path, name: str, document: Path) -> Path:
    """One commune: the province's plan imported, its plan derived, unit sheets filled and merged, the sheet up."""
    folder.mkdir()
    with Store.open(folder / "xa.sqlite", backup=False) as store:
        commune = {"name": name, "kind": "xa"}
        store.set_setting(SETTING_COMMUNE, commune)
        upper_id = imported(store, document)
        proposal = derive_plan(store.plans.load(upper_id), commune, store.units.catalog())
        plan_id = store.plans.create(proposal.plan())
        written, _ = make_unit_sheets(store, plan_id, SIX, folder / "phieu", SENT)
        assert written
        for unit, path, _count in written:
            ws = load_workbook(path).worksheets[0]
            fill(path, {key: {"status": "Đang thực hiện", "done": f"{name}: {unit} đã triển khai"}
                        for key in rows_by_key(ws)})
            import_unit_sheet(store, path, today=BACK)
        path, sheet = write_upward_sheet(store, plan_id, SIX, folder / f"bao-cao-{name}.xlsx", UP)
        assert sheet.commune == f"UBND xã {name}"
        assert any(r.role == "Chủ trì" for r in sheet.rows) and any(r.role == "Phối hợp" for r in sheet.rows)
        return path


def test_from_the_province_plan_to_the_consolidated_report(tmp_path):
    document = upper_document(tmp_path)
    sheets = [commune_round(tmp_path / "lam-vy", "Lam Vỹ", document),
              commune_round(tmp_path / "binh-giang", "Bình Giang", document)]
    with Store.open(tmp_path / "tinh.sqlite", backup=False) as store:
        plan_id = imported(store, document)
        store.units.add("UBND xã Khánh Hội")
        rollup = rollup_files(store, plan_id, sheets, SIX, today=UP)
        assert [r.reason for r in rollup.received] == ["", ""]
        state = rollup_state(store, plan_id, SIX)
        assert state.reported == ["UBND xã Bình Giang", "UBND xã Lam Vỹ"]
        assert state.not_reported == ["UBND xã Khánh Hội"]
        by_title = {item.title: state.answers.get(item.key, []) for item in state.items}
        # every task naming the communes, and the duty of section IV, answered by both communes
        for title in ("Tuyên truyền, phổ biến Luật Trí tuệ nhân tạo", "Ứng dụng trí tuệ nhân tạo trong giải quyết "
                      "thủ tục hành chính", DUTY):
            assert sorted(a.commune for a in by_title[title]) == ["UBND xã Bình Giang", "UBND xã Lam Vỹ"], title
        assert by_title["Xây dựng cơ sở dữ liệu dùng chung của tỉnh"] == []
        assert any("Lam Vỹ: " in a.done for a in by_title[DUTY])
        again = rollup_files(store, plan_id, sheets, SIX, today=UP)
        assert all(r.same for r in again.received)
        # a commune's sheet whose answer was retyped after it was written is refused, and changes nothing
        tampered = tmp_path / "bao-cao-sua-tay.xlsx"
        wb = load_workbook(sheets[0])
        wb.worksheets[0].cell(FIRST_ROW, 6).value = "Đã hoàn thành toàn bộ"
        wb.save(tampered)
        before = rollup_state(store, plan_id, SIX).answers
        refused = rollup_files(store, plan_id, [tampered], SIX, today=UP)
        assert "đã bị sửa" in refused.received[0].reason
        assert rollup_state(store, plan_id, SIX).answers == before
        xlsx = write_rollup_workbook(store, plan_id, SIX, tmp_path / "tong-hop.xlsx")
        docx = write_rollup_report(store, plan_id, SIX, tmp_path / "bao-cao-tong-hop.docx", today=UP)
    cells = " ".join(str(c.value) for row in load_workbook(xlsx)["Tổng hợp"].iter_rows() for c in row if c.value)
    assert "Lam Vỹ: " in cells and "Bình Giang: " in cells
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Có 2/3 xã, phường đã gửi báo cáo" in text and "UBND xã Khánh Hội" in text
