"""Task tables with merged cells (Word "Merge cells": w:gridSpan across, w:vMerge down).

Communes list their tasks in a table | STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp |
Thời gian hoàn thành | Sản phẩm | with group rows ("I | Công tác chuẩn bị ...") between the task rows.
A merged cell covers several grid columns (or rows) but is one cell: its text belongs to one field
of the row it stands in, and a cell merged down belongs to every row it spans.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kehoach_desktop.domain.plan import Plan, Task
from kehoach_desktop.domain.units import UnitCatalog, preset_units
from kehoach_desktop.importers import import_file

from .conftest import load_fixture, run_cli
from .importdocs import PlanDocx

CATALOG = UnitCatalog(preset_units(None))
VP = "Văn phòng HĐND và UBND"
CA = "Công an xã"
QS = "Ban Chỉ huy quân sự xã"
PVH = "Phòng Văn hóa - Xã hội"
PKT = "Phòng Kinh tế"
HEADINGS = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm"]
GROUP1 = "Công tác chuẩn bị trước mùa mưa bão"
GROUP2 = "Công tác ứng phó và khắc phục hậu quả"
TASKS1 = [
    ["1", "Kiện toàn Ban Chỉ huy Phòng thủ dân sự xã", VP, "Ban Chỉ huy Quân sự xã; Công an xã",
     "Tháng 02/2026", "Quyết định kiện toàn"],
    ["2", "Rà soát, cập nhật phương án ứng phó thiên tai", PKT, "Các thôn", "Trước ngày 30/4/2026",
     "Phương án ứng phó"],
]
TASKS2 = [
    ["3", "Tổ chức sơ tán, di dời dân ra khỏi vùng nguy hiểm", CA, "Ban Chỉ huy Quân sự xã",
     "Khi có thiên tai xảy ra", "Báo cáo kết quả sơ tán"],
    ["4", "Tổng hợp thiệt hại, đề xuất hỗ trợ khắc phục", PVH, PKT, "Sau mỗi đợt thiên tai",
     "Báo cáo thiệt hại"],
]
# what the two groups and their tasks must read as, whatever cells the group rows merge
WANT = [
    ("I", GROUP1, [], [], "", None),
    ("1", "Kiện toàn Ban Chỉ huy Phòng thủ dân sự xã", [VP], [QS, CA], "Tháng 02/2026", "Quyết định kiện toàn"),
    ("2", "Rà soát, cập nhật phương án ứng phó thiên tai", [PKT], ["Các thôn"], "Trước ngày 30/4/2026",
     "Phương án ứng phó"),
    ("II", GROUP2, [], [], "", None),
    ("3", "Tổ chức sơ tán, di dời dân ra khỏi vùng nguy hiểm", [CA], [QS], "Khi có thiên tai xảy ra",
     "Báo cáo kết quả sơ tán"),
    ("4", "Tổng hợp thiệt hại, đề xuất hỗ trợ khắc phục", [PVH], [PKT], "Sau mỗi đợt thiên tai",
     "Báo cáo thiệt hại"),
]

Cell = tuple[int, int]


def task_table(doc: PlanDocx, rows: list[list[str | None]], merges: list[tuple[Cell, Cell]] = (),
               headings: bool = True) -> None:
    """The heading row and ``rows``; each merge joins a rectangle of cells (the text is its top-left's)."""
    top = 1 if headings else 0
    table = doc.doc.add_table(rows=top + len(rows), cols=len(HEADINGS))
    table.style = "Table Grid"
    for (r1, c1), (r2, c2) in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    for c, heading in enumerate(HEADINGS if headings else []):
        doc.runs(table.cell(0, c).paragraphs[0], heading, bold=True)
    for r, row in enumerate(rows, start=top):
        for c, value in enumerate(row):
            if value:
                cell = table.cell(r, c)
                for k, line in enumerate(value.split("\n")):
                    if k == 0:
                        doc.runs(cell.paragraphs[0], line, bold=c == 1 and row[0] in ("I", "II"))
                    else:
                        doc.para(line, container=cell)


def plan_with_table(path: Path, rows: list[list[str | None]], merges: list[tuple[Cell, Cell]] = (),
                    headings: bool = True) -> Path:
    """A commune plan: header, title, Căn cứ, I. text, II. NHIỆM VỤ with the task table, III., signature."""
    base = load_fixture("ke-hoach-xa-lam-vy")
    doc = PlanDocx()
    doc.header(base)
    doc.para("KẾ HOẠCH", bold=True, center=True)
    doc.para("Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026", bold=True, center=True)
    doc.para("Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;", italic=True)
    doc.para("Ủy ban nhân dân xã ban hành Kế hoạch với các nội dung sau:")
    doc.para("I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    doc.para("Chủ động phòng ngừa, ứng phó kịp thời với thiên tai.")
    doc.para("II. NHIỆM VỤ CỤ THỂ", bold=True)
    doc.para("Các nhiệm vụ cụ thể được phân công theo bảng sau:")
    task_table(doc, rows, merges, headings)
    doc.para("III. TỔ CHỨC THỰC HIỆN", bold=True)
    doc.para("Các cơ quan, đơn vị căn cứ nhiệm vụ được giao tổ chức thực hiện.")
    doc.para("Trên đây là Kế hoạch của UBND xã./.")
    doc.signature(base)
    return doc.save(path)


def _tasks_doc(title: str) -> tuple[PlanDocx, Plan]:
    """A plan document up to its "I. NHIỆM VỤ" heading (Lam Vỹ's header), and the plan the header is from."""
    base = load_fixture("ke-hoach-xa-lam-vy")
    doc = PlanDocx()
    doc.header(base)
    doc.para("KẾ HOẠCH", bold=True, center=True)
    doc.para(title, bold=True, center=True)
    doc.para("I. NHIỆM VỤ", bold=True)
    return doc, base


def tasks_of(plan: Plan) -> list[Task]:
    (section,) = plan.task_sections()
    assert section.title == "NHIỆM VỤ CỤ THỂ"
    return section.tasks


def fields(task: Task) -> tuple:
    return (task.number, task.title, task.lead, task.coordinators, task.time, task.product)


def flat(tasks: list[Task]) -> list[tuple]:
    return [fields(t) for task in tasks for t, _ in task.walk()]


def tree_shape(tasks: list[Task]) -> list[tuple]:
    return [(t.number, tree_shape(t.children)) for t in tasks]


def group_rows(kind: str) -> tuple[list[list[str | None]], list[tuple[Cell, Cell]]]:
    """The table with its two group rows laid out as ``kind``; the merges Word would write."""
    rows: list[list[str | None]] = []
    merges: list[tuple[Cell, Cell]] = []
    for number, title, tasks in (("I", GROUP1, TASKS1), ("II", GROUP2, TASKS2)):
        r = len(rows) + 1
        if kind == "unmerged":  # the title in its column, the other cells empty
            rows.append([number, title, "", "", "", ""])
        elif kind == "title-across":  # STT | the title merged across the five other columns
            rows.append([number, title, None, None, None, None])
            merges.append(((r, 1), (r, 5)))
        elif kind == "whole-row":  # one cell across the whole row: "I. Công tác ..."
            rows.append([f"{number}. {title}", None, None, None, None, None])
            merges.append(((r, 0), (r, 5)))
        elif kind == "title-across-units":  # the title over Nội dung .. Đơn vị phối hợp, time and product empty
            rows.append([number, title, None, None, "", ""])
            merges.append(((r, 1), (r, 3)))
        rows.extend(list(t) for t in tasks)
    return rows, merges


@pytest.mark.parametrize("kind", ["unmerged", "title-across", "whole-row", "title-across-units"])
def test_group_rows_become_group_headings_however_their_cells_are_merged(kind: str, tmp_path: Path) -> None:
    rows, merges = group_rows(kind)
    result = import_file(plan_with_table(tmp_path / f"{kind}.docx", rows, merges), CATALOG)
    tasks = tasks_of(result.plan)
    assert tree_shape(tasks) == [("I", [("1", []), ("2", [])]), ("II", [("3", []), ("4", [])])]
    assert flat(tasks) == WANT
    # the group titles are headings only: no field of any task holds them, no unit is named after them
    for task, _ in (pair for t in tasks for pair in t.walk()):
        for value in (*task.lead, *task.coordinators, task.time, task.product or "", task.notes or ""):
            assert GROUP1 not in value and GROUP2 not in value
    assert not any(GROUP1 in line or GROUP2 in line for line in result.summary_lines if "Đơn vị" in line)


def test_a_group_title_merged_across_the_row_without_a_number(tmp_path: Path) -> None:
    # | (empty STT) | CÔNG TÁC CHUẨN BỊ (merged over the 5 columns) |
    rows = [["", GROUP1.upper(), None, None, None, None], *(list(t) for t in TASKS1)]
    result = import_file(plan_with_table(tmp_path / "no-number.docx", rows, [((1, 1), (1, 5))]), CATALOG)
    (group,) = tasks_of(result.plan)
    assert fields(group) == ("", GROUP1.upper(), [], [], "", None)
    assert [fields(t) for t in group.children] == WANT[1:3]


def test_groups_numbered_with_capital_letters(tmp_path: Path) -> None:
    # | A | NHIỆM VỤ TRƯỚC MÙA MƯA BÃO (merged) |  then tasks 1, 2  | B | ... |  then tasks 3, 4
    rows = [["A", GROUP1, None, None, None, None], *(list(t) for t in TASKS1),
            ["B", GROUP2, None, None, None, None], *(list(t) for t in TASKS2)]
    merges = [((1, 1), (1, 5)), ((4, 1), (4, 5))]
    result = import_file(plan_with_table(tmp_path / "letters.docx", rows, merges), CATALOG)
    tasks = tasks_of(result.plan)
    assert tree_shape(tasks) == [("A", [("1", []), ("2", [])]), ("B", [("3", []), ("4", [])])]
    assert flat(tasks) == [("A", *WANT[0][1:]), *WANT[1:3], ("B", *WANT[3][1:]), *WANT[4:]]


def test_a_lead_cell_merged_down_belongs_to_every_row_it_spans(tmp_path: Path) -> None:
    # one "Đơn vị chủ trì" cell (w:vMerge) for tasks 1-3, the coordinators and times row by row
    rows = [
        ["I", GROUP1, None, None, None, None],
        ["1", "Kiện toàn Ban Chỉ huy", QS, CA, "Tháng 02/2026", "Quyết định"],
        ["2", "Kiểm tra ca nô, áo phao", None, PKT, "Trước 15/8/2026", "Danh mục"],
        ["3", "Diễn tập sơ tán dân", None, "Các thôn", "Tháng 6/2026", ""],
        ["4", "Tổng hợp thiệt hại", PVH, "", "Sau mỗi đợt thiên tai", "Báo cáo"],
    ]
    merges = [((1, 1), (1, 5)), ((2, 2), (4, 2))]
    result = import_file(plan_with_table(tmp_path / "vmerge.docx", rows, merges), CATALOG)
    (group,) = tasks_of(result.plan)
    assert fields(group) == ("I", GROUP1, [], [], "", None)
    assert [fields(t) for t in group.children] == [
        ("1", "Kiện toàn Ban Chỉ huy", [QS], [CA], "Tháng 02/2026", "Quyết định"),
        ("2", "Kiểm tra ca nô, áo phao", [QS], [PKT], "Trước 15/8/2026", "Danh mục"),
        ("3", "Diễn tập sơ tán dân", [QS], ["Các thôn"], "Tháng 6/2026", None),
        ("4", "Tổng hợp thiệt hại", [PVH], [], "Sau mỗi đợt thiên tai", "Báo cáo"),
    ]


def test_a_time_cell_merged_down_applies_to_each_task(tmp_path: Path) -> None:
    rows = [
        ["1", "Tuyên truyền trên loa truyền thanh", CA, "", "Năm 2026", "Tin, bài"],
        ["2", "Cấp phát tờ rơi", PVH, "Các thôn", None, "Tờ rơi"],
    ]
    result = import_file(plan_with_table(tmp_path / "vmerge-time.docx", rows, [((1, 4), (2, 4))]), CATALOG)
    assert [fields(t) for t in tasks_of(result.plan)] == [
        ("1", "Tuyên truyền trên loa truyền thanh", [CA], [], "Năm 2026", "Tin, bài"),
        ("2", "Cấp phát tờ rơi", [PVH], ["Các thôn"], "Năm 2026", "Tờ rơi"),
    ]


def test_a_unit_merged_across_lead_and_coordinators_is_the_lead_only(tmp_path: Path) -> None:
    rows = [
        ["1", "Rà soát hộ dân vùng sạt lở", CA, None, "Quý II/2026", "Danh sách hộ"],
        ["2", "Tổ chức diễn tập", f"{QS} chủ trì, phối hợp {CA}", None, "Tháng 5/2026", "Báo cáo"],
        ["3", "Lắp biển cảnh báo", PKT, "Các thôn", "Năm 2026", None],  # time merged over Sản phẩm
    ]
    merges = [((1, 2), (1, 3)), ((2, 2), (2, 3)), ((3, 4), (3, 5))]
    result = import_file(plan_with_table(tmp_path / "across-units.docx", rows, merges), CATALOG)
    assert [fields(t) for t in tasks_of(result.plan)] == [
        ("1", "Rà soát hộ dân vùng sạt lở", [CA], [], "Quý II/2026", "Danh sách hộ"),
        ("2", "Tổ chức diễn tập", [QS], [CA], "Tháng 5/2026", "Báo cáo"),
        ("3", "Lắp biển cảnh báo", [PKT], ["Các thôn"], "Năm 2026", None),
    ]


def test_a_lead_and_coordinators_cell_merged_across_and_down(tmp_path: Path) -> None:
    # one cell over Đơn vị chủ trì + Đơn vị phối hợp of tasks 1 and 2 (gridSpan and vMerge together)
    rows = [
        ["1", "Nạo vét kênh mương", PKT, None, "Tháng 3/2026", "Kênh được nạo vét"],
        ["2", "Gia cố đê bao", None, None, "Tháng 4/2026", "Đê được gia cố"],
        ["3", "Diễn tập sơ tán", QS, CA, "Tháng 5/2026", "Báo cáo"],
    ]
    result = import_file(plan_with_table(tmp_path / "block.docx", rows, [((1, 2), (2, 3))]), CATALOG)
    assert [fields(t) for t in tasks_of(result.plan)] == [
        ("1", "Nạo vét kênh mương", [PKT], [], "Tháng 3/2026", "Kênh được nạo vét"),
        ("2", "Gia cố đê bao", [PKT], [], "Tháng 4/2026", "Đê được gia cố"),
        ("3", "Diễn tập sơ tán", [QS], [CA], "Tháng 5/2026", "Báo cáo"),
    ]


def test_cli_import_of_merged_group_rows_makes_no_unit_of_a_group(tmp_path: Path) -> None:
    rows, merges = group_rows("title-across")
    path = plan_with_table(tmp_path / "cli.docx", rows, merges)
    db = tmp_path / "cli.sqlite"
    result = run_cli("import", str(path), db=db, check=True)
    assert GROUP1 not in result.stdout and GROUP2 not in result.stdout  # not among the "new units"
    plan_id = result.stdout.strip().splitlines()[-1]
    shown = json.loads(run_cli("show", plan_id, "--json", db=db, check=True).stdout)
    (section,) = [s for s in shown["sections"] if s["kind"] == "tasks"]
    groups = section["tasks"]
    assert [(g["number"], g["title"], g["lead"], g["coordinators"], g["time"], g["product"]) for g in groups] == [
        ("I", GROUP1, [], [], "", None), ("II", GROUP2, [], [], "", None)]
    assert [[c["lead"] for c in g["children"]] for g in groups] == [[[VP], [PKT]], [[CA], [PVH]]]


def test_a_task_table_without_a_heading_row(tmp_path: Path) -> None:
    """STT | nội dung | chủ trì | phối hợp | thời gian | sản phẩm, in that usual order, with no heading row."""
    path = plan_with_table(tmp_path / "no-heading.docx", TASKS1 + TASKS2, headings=False)
    got = [fields(t) for t in tasks_of(import_file(path, CATALOG).plan)]
    assert got == [w for w in WANT if w[0] not in ("I", "II")]


def test_a_table_of_other_things_without_headings_is_not_taken_for_tasks(tmp_path: Path) -> None:
    doc, base = _tasks_doc("Tổ chức Hội thi")
    doc.para("1. Tổ chức Hội thi")
    doc.para("- Đơn vị chủ trì: Phòng Văn hóa - Xã hội.")
    table = doc.doc.add_table(rows=2, cols=6)  # a prize table: numbers and amounts, no units, no times
    for r, row in enumerate([["1", "Giải nhất", "01", "giải", "2.000.000", "đồng"],
                             ["2", "Giải nhì", "02", "giải", "1.500.000", "đồng"]]):
        for c, value in enumerate(row):
            doc.runs(table.cell(r, c).paragraphs[0], value)
    doc.signature(base)
    plan = import_file(doc.save(tmp_path / "giai.docx"), CATALOG).plan
    assert [t.title for t in plan.sections[0].tasks] == ["Tổ chức Hội thi"]


def test_table_rows_numbered_under_a_task_of_the_text_become_its_sub_tasks(tmp_path: Path) -> None:
    doc, base = _tasks_doc("Phát triển du lịch năm 2026")
    doc.para("1. Quy hoạch điểm du lịch cộng đồng")
    doc.para("- Đơn vị chủ trì: Phòng Kinh tế.")
    doc.para("2. Xúc tiến, quảng bá du lịch")
    doc.para("Phân công cụ thể theo bảng sau:")
    task_table(doc, [["2.1", "Tham gia hội chợ du lịch của tỉnh", PKT, CA, "Quý III/2026", "Gian hàng"],
                     ["2.2", "Làm video giới thiệu điểm đến", PVH, "", "Tháng 9/2026", "Video"]])
    doc.signature(base)
    plan = import_file(doc.save(tmp_path / "du-lich.docx"), CATALOG).plan
    first, second = plan.sections[0].tasks
    assert first.lead == [PKT] and first.children == []
    assert [c.number for c in second.children] == ["2.1", "2.2"]
    assert second.children[0].lead == [PKT] and second.children[1].time == "Tháng 9/2026"
    assert second.content == ["Phân công cụ thể theo bảng sau:"]


def test_two_task_tables_each_under_its_group_heading(tmp_path: Path) -> None:
    doc, base = _tasks_doc("Công tác dân số năm 2026")
    doc.para("1. Nhóm nhiệm vụ truyền thông, vận động", bold=True)
    task_table(doc, [["1", "Tổ chức truyền thông trên loa", PVH, "", "Quý III/2026", "Tin bài"],
                     ["2", "Nói chuyện chuyên đề tại các thôn", PVH, CA, "Quý IV/2026", "Biên bản"]])
    doc.para("2. Nhóm nhiệm vụ dịch vụ và quản lý dữ liệu", bold=True)
    task_table(doc, [["1", "Cập nhật dữ liệu dân cư", CA, "", "Thường xuyên", "Dữ liệu"]])
    doc.signature(base)
    plan = import_file(doc.save(tmp_path / "dan-so.docx"), CATALOG).plan
    groups = plan.sections[0].tasks
    assert [(g.number, len(g.children)) for g in groups] == [("1", 2), ("2", 1)]
    assert [c.title for c in groups[0].children] == ["Tổ chức truyền thông trên loa", "Nói chuyện chuyên đề tại các thôn"]
    assert groups[1].children[0].lead == [CA]
