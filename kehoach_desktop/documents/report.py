"""The periodic report (Báo cáo kết quả thực hiện Kế hoạch, BC-UBND), DOMAIN.md §5.

Built from the plan, the progress entries of the period and the status rules,
with the Nghị định 30 layout of :mod:`.layout` (header, title with "Kính gửi:",
signature, page numbers): sections I–V, the results of each task as the units
reported them, a table of counts by status, and optionally the progress sheet
as a landscape phụ lục.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..domain.numbering import printed, task_places, tracking_numbers
from ..domain.plan import PartialDate, Plan, SourceTask, Task
from ..domain.progress import (
    DONE,
    DONE_LATE,
    IN_PROGRESS,
    NOT_REPORTED,
    NOT_STARTED,
    OVERDUE,
    STATUS_LABELS,
    Period,
    ProgressEntry,
    TaskProgress,
    count_statuses,
    is_tracked,
    latest_by_unit,
    next_due,
    track,
)
from ..domain.text import fold
from . import layout as L
from .model import Block, Document, Paragraph, Run, Section

SYMBOL = "BC-UBND"
DEFAULT_KINH_GUI = "Sở Khoa học và Công nghệ"
_UPWARD = ("so ", "bo ", "ubnd tinh", "ubnd thanh pho", "uy ban nhan dan tinh", "uy ban nhan dan thanh pho",
           "van phong ubnd tinh", "van phong ubnd thanh pho")


_FOR_REPORT = re.compile(r"\s*\((?:để\s+)?(?:b/c|báo cáo)\)\s*[;,.]?\s*$", re.IGNORECASE)


def upward_recipients(plan: Plan) -> list[str]:
    """The Kính gửi: the recipients the plan sends "(để b/c)", and the upper-level agencies (Sở …, UBND
    tỉnh/thành phố), without their "(để b/c)"."""
    return [_FOR_REPORT.sub("", name).rstrip(" ;,.") for name in plan.recipients
            if _FOR_REPORT.search(name) or fold(name).startswith(_UPWARD)]


def plan_reference(plan: Plan) -> str:
    """``Kế hoạch số 05/KH-UBND ngày 20 tháng 3 năm 2026`` (blanks kept for a draft)."""
    number = L.number_line(plan.number, plan.symbol).removeprefix("Số:").strip()
    return f"Kế hoạch số {number} {L.date_words(plan.date)}" if plan.date else f"Kế hoạch số {number}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _subject(title: str, period: Period) -> str:
    """ "<the plan's trích yếu> 6 tháng đầu năm 2026", its own "năm 2026" at the end not said twice."""
    clause = _lower_first(_clause(title))
    clause = re.sub(rf"\s+(?:năm\s+)?{period.year}$", "", clause)
    return f"{clause} {period.label}"


def _clause(text: str) -> str:
    return text.strip().rstrip(".;,")


def period_entries(rows: Sequence[TaskProgress], period: Period) -> dict[int, list[ProgressEntry]]:
    """Entries answering ``period`` (stamped with it, or dated inside it), by task id."""
    out: dict[int, list[ProgressEntry]] = {}
    for row in rows:
        chosen = [e for e in row.entries if period.includes_key(e.period) or (not e.period and period.covers(e.date))]
        if chosen:
            out[int(row.task.id or 0)] = chosen
    return out


def report_rows(plan: Plan, entries_by_task: dict[int, list[ProgressEntry]], period: Period,
                today: dt.date, created: dt.date | None = None) -> tuple[list[TaskProgress], dt.date]:
    """Status of every task at the end of the period (or today, when the period is still running).

    A report sent in for the period but merged after its end counts as of the end.
    """
    ref = min(today, period.end)
    adjusted = {tid: [dataclasses.replace(e, date=min(e.date, period.end)) if period.includes_key(e.period) else e
                      for e in entries] for tid, entries in entries_by_task.items()}
    return track(plan, adjusted, ref, created), ref


def _upper_heading(plan: Plan, source: SourceTask) -> str:
    reference = source.reference or (plan.upper.reference if plan.upper else "")
    number = f" {source.number}" if source.number else ""
    where = f" của KH {reference}" if reference else " của kế hoạch cấp trên"
    return f"Nhiệm vụ{number}{where}: {_clause(source.title)}" if source.title else f"Nhiệm vụ{number}{where}"


def own_tasks_heading(plan: Plan) -> str:
    """ "Nhiệm vụ khác của xã" (of the phường, the đặc khu): the tasks carrying out no task of the upper plan."""
    folded = fold(" ".join(plan.issuer[-1:]))
    word = "phường" if folded.startswith("phuong") else "đặc khu" if folded.startswith("dac khu") else "xã"
    return f"Nhiệm vụ khác của {word}"


def upper_groups(plan: Plan) -> list[tuple[str, list[tuple[Task, int]]]] | None:
    """The plan's tasks grouped by the task of the upper plan each carries out, for the Báo cáo and the progress
    sheet of a derived plan: (heading "Nhiệm vụ 3 của KH 117/KH-UBND: <its wording>", tasks with their depth
    below the group) per upper task in the order the plan first carries it out, then "Nhiệm vụ khác của xã".

    A task with a link brings its sub-tasks along; a task without one whose sub-tasks are linked is a heading
    (kept among the other tasks only if it is tracked on its own), its sub-tasks placed by their links. None
    when the plan carries out no upper plan (it is listed as before).
    """
    if plan.upper is None or not any(t.source for t, _ in plan.walk_tasks()):
        return None
    groups: dict[str, tuple[str, list[tuple[Task, int]]]] = {}
    other: list[tuple[Task, int]] = []

    def linked(task: Task) -> bool:
        return any(t.source for t, _ in task.walk())

    def place(task: Task) -> None:
        if task.source is not None:
            members = groups.setdefault(task.source.task, (_upper_heading(plan, task.source), []))[1]
            members += list(task.walk())
        elif not linked(task):
            other.extend(task.walk())
        else:
            if is_tracked(task):
                other.append((task, 0))
            for child in task.children:
                place(child)

    for section in plan.task_sections():
        for task in section.tasks:
            place(task)
    out = list(groups.values())
    if other:
        out.append((own_tasks_heading(plan), other))
    return out


def _units_of(plan: Plan) -> list[str]:
    seen: dict[str, None] = {}
    for task, _ in plan.walk_tasks():
        for name in [*task.lead, *task.coordinators]:
            seen.setdefault(name, None)
    return list(seen)


def _task_line(row: TaskProgress, numbers: dict[str, str] | None = None) -> str:
    """ "1. Title" in the tree of results; in a list apart from it, with the group: "1.a) Title"."""
    full = (numbers or {}).get(row.task.key)
    if full and full != row.task.number.strip().rstrip(".)"):
        number = f"{full})" if full.rsplit(".", 1)[-1].isalpha() else f"{full}."
    else:
        number = printed(row.task.number) if row.task.number else ""
    return f"{number} {_clause(row.task.title)}".strip()


def report_body(plan: Plan, rows: list[TaskProgress], period: Period, ref: dt.date,
                options: L.LayoutOptions = L.DEFAULT, grouped: bool | None = None) -> list[Block]:
    """Sections I–V. ``grouped``: section II's results under the upper plan's tasks (:func:`upper_groups`);
    None (the default) groups a plan derived from an upper plan and lists any other plan as it is."""
    agency = L.agency_name(plan.issuer, plan.place) or "Ủy ban nhân dân"
    in_period = period_entries(rows, period)
    reported_units = list(dict.fromkeys(e.unit for entries in in_period.values() for e in entries if e.unit))
    counts = count_statuses(rows)
    c = counts.counts
    numbers = tracking_numbers(plan)

    def p(text: str, **kw: bool) -> Paragraph:
        return L.body_paragraph(text, options=options, **kw)

    span = f"từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}"

    blocks: list[Block] = [p(
        f"Thực hiện {plan_reference(plan)} của {agency} về {_lower_first(_clause(plan.title))}, "
        f"{agency} báo cáo kết quả thực hiện {period.label} ({span}) như sau:")]

    # I. Công tác lãnh đạo, chỉ đạo, triển khai
    blocks.append(L.heading("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI", 1, options))
    blocks.append(p(f"{agency} đã ban hành {plan_reference(plan)}, giao {len(rows)} nhiệm vụ cho các cơ quan, "
                    f"đơn vị chủ trì và phối hợp thực hiện ({'; '.join(_units_of(plan))}); định kỳ theo dõi, "
                    "đôn đốc việc thực hiện và tổng hợp báo cáo theo quy định."))
    if reported_units:
        blocks.append(p(f"Trong kỳ báo cáo, {len(reported_units)} đơn vị đã gửi báo cáo kết quả thực hiện: "
                        f"{'; '.join(reported_units)}."))
    else:
        blocks.append(p("Trong kỳ báo cáo, chưa có đơn vị nào gửi báo cáo kết quả thực hiện."))

    # II. Kết quả thực hiện
    blocks.append(L.heading("II. KẾT QUẢ THỰC HIỆN", 1, options))
    blocks.append(L.heading("1. Kết quả chung", 2, options))
    blocks.append(p(f"Tổng số {counts.total} nhiệm vụ; đến ngày {ref:%d/%m/%Y}: {c[DONE]} nhiệm vụ hoàn thành, "
                    f"{c[DONE_LATE]} hoàn thành quá hạn, {c[IN_PROGRESS]} đang thực hiện, "
                    f"{c[NOT_STARTED]} chưa thực hiện, {c[NOT_REPORTED]} chưa báo cáo, {c[OVERDUE]} quá hạn. "
                    "Nhiệm vụ thường xuyên, hằng năm, định kỳ được tính là đang thực hiện khi đã báo cáo đúng kỳ, "
                    "là chưa báo cáo khi kỳ báo cáo đã kết thúc mà chưa có báo cáo; quá hạn chỉ tính cho nhiệm vụ "
                    "đã qua thời hạn của chính nhiệm vụ đó."))
    table_rows = [[str(i), label, str(n), f"{round(100 * n / counts.total) if counts.total else 0}%"]
                  for i, (label, n) in enumerate(counts.rows(), start=1)]
    table_rows.append(["", "Tổng số", str(counts.total), "100%" if counts.total else "0%"])
    blocks.append(L.simple_table(["STT", "Tình trạng", "Số nhiệm vụ", "Tỷ lệ"], table_rows,
                                 widths=[L.cm(1.5), L.cm(8.5), L.cm(3.5), L.cm(3)], centred_columns=(0, 2, 3)))
    blocks.append(L.heading("2. Kết quả thực hiện từng nhiệm vụ", 2, options))
    places = task_places(plan)  # tasks in II and in a phụ lục: say where each list starts again at 1
    groups = upper_groups(plan) if grouped is not False else None
    by_key = {r.task.key: r for r in rows}
    if groups:
        listed = [(heading, [(by_key[t.key], d) for t, d in members if t.key in by_key]) for heading, members in groups]
    else:
        listed = [("", [(r, r.depth) for r in rows])]
    for group, members in listed:
        if group:
            blocks.append(p(group, bold=True, italic=True, keep_with_next=True))
            if not members:
                blocks.append(p("- Không có nhiệm vụ được theo dõi."))
        for row, depth in members:
            if not group and row.depth == 0 and row.task.key in places:
                blocks.append(p(f"Nhiệm vụ tại {places[row.task.key]}:", italic=True, keep_with_next=True))
            blocks.append(p(_task_line(row, numbers if group else None), bold=depth == 0,
                            keep_with_next=True))
            lead = "; ".join(row.task.lead) or "chưa giao"
            blocks.append(p(f"- Đơn vị chủ trì: {lead}; thời gian thực hiện: {row.task.time or 'chưa xác định'}; "
                            f"tình trạng: {STATUS_LABELS[row.status]}."))
            entries = latest_by_unit(in_period.get(int(row.task.id or 0), []))
            if not entries:
                blocks.append(p("- Chưa có báo cáo trong kỳ."))
            for entry in entries:
                text = _clause(entry.summary()) or STATUS_LABELS[entry.status]
                blocks.append(p(f"- {entry.unit or 'Đơn vị'}: {text}."))
                if entry.evidence.strip():
                    blocks.append(p(f"Văn bản, minh chứng: {_clause(entry.evidence)}.", italic=True))

    # III. Đánh giá
    blocks.append(L.heading("III. ĐÁNH GIÁ", 1, options))
    blocks.append(L.heading("1. Ưu điểm", 2, options))
    finished = c[DONE] + c[DONE_LATE]
    blocks.append(p(f"Các cơ quan, đơn vị đã triển khai {c[IN_PROGRESS] + finished}/{counts.total} nhiệm vụ, "
                    f"trong đó {finished} nhiệm vụ đã hoàn thành; {len(reported_units)} đơn vị báo cáo kết quả "
                    "trong kỳ."))
    blocks.append(L.heading("2. Tồn tại, hạn chế", 2, options))
    overdue = [r for r in rows if r.status == OVERDUE]
    missing = [r for r in rows if r.status == NOT_REPORTED]
    silent = [u for u in dict.fromkeys(n for r in rows for n in r.task.lead) if u not in reported_units]
    for listed, intro in ((overdue, f"Còn {len(overdue)} nhiệm vụ quá hạn chưa hoàn thành:"),
                          (missing, f"Còn {len(missing)} nhiệm vụ thường xuyên, định kỳ chưa báo cáo kết quả "
                                    "của kỳ báo cáo đã kết thúc:")):
        if listed:
            blocks.append(p(intro))
            blocks += [p(f"- {_task_line(r, numbers)} ({'; '.join(r.task.lead) or 'chưa giao đơn vị'}).")
                       for r in listed]
    if silent:
        blocks.append(p(f"Đơn vị chủ trì chưa gửi báo cáo trong kỳ: {'; '.join(silent)}."))
    if not overdue and not missing and not silent:
        blocks.append(p("Không có nhiệm vụ quá hạn; các đơn vị chủ trì đã báo cáo đầy đủ."))
    blocks.append(L.heading("3. Nguyên nhân", 2, options))
    difficulties = [(e.unit, _clause(e.difficulties)) for entries in in_period.values()
                    for e in latest_by_unit(entries) if e.difficulties.strip()]
    if difficulties:
        blocks.append(p("Khó khăn, vướng mắc các đơn vị nêu trong kỳ:"))
        blocks += [p(f"- {unit}: {text}.") for unit, text in difficulties]
    else:
        blocks.append(p("Các đơn vị không nêu khó khăn, vướng mắc trong kỳ báo cáo."))

    # IV. Phương hướng, nhiệm vụ kỳ tới
    nxt = Period("year", period.year) if period.kind == "6m" else Period("6m", period.year + 1)
    blocks.append(L.heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", 1, options))
    blocks.append(p(f"Trong {nxt.label}, tiếp tục thực hiện các nhiệm vụ thường xuyên, hằng năm của Kế hoạch; "
                    "tập trung hoàn thành các nhiệm vụ quá hạn, đang thực hiện; đôn đốc các đơn vị báo cáo "
                    "đúng thời hạn."))
    after = period.end + dt.timedelta(days=1)
    for r in rows:
        due = next_due(r.task.timeframe, r.entries, after)
        if r.status not in (DONE, DONE_LATE) and due and due <= nxt.end:
            blocks.append(p(f"- {_task_line(r, numbers)}: hạn {due:%d/%m/%Y}."))

    # V. Đề xuất, kiến nghị
    blocks.append(L.heading("V. ĐỀ XUẤT, KIẾN NGHỊ", 1, options))
    proposals = [(e.unit, _clause(e.proposals)) for entries in in_period.values()
                 for e in latest_by_unit(entries) if e.proposals.strip()]
    if proposals:
        blocks += [p(f"- {unit}: {text}.") for unit, text in proposals]
    else:
        blocks.append(p("Không có đề xuất, kiến nghị."))
    blocks.append(p(f"Trên đây là báo cáo kết quả {period.label} thực hiện {plan_reference(plan)} của {agency}./."))
    return blocks


PROGRESS_HEADERS = ("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện",
                    "Sản phẩm", "Tình hình thực hiện", "Kết quả", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị")
_PROGRESS_WIDTHS = (1.1, 5.0, 2.5, 2.5, 2.2, 2.8, 2.2, 3.8, 2.5, 2.5)


def progress_appendix(plan: Plan, rows: list[TaskProgress], period: Period,
                      options: L.LayoutOptions = L.DEFAULT, grouped: bool | None = None) -> Section:
    """The progress sheet as a landscape phụ lục numbered from 1 (grouped as the sheet is, see :func:`upper_groups`)."""
    page = options.page().rotated()
    in_period = period_entries(rows, period)
    table = []
    places = task_places(plan)  # as on the progress sheet: a row naming II and each phụ lục holding tasks
    groups = upper_groups(plan) if grouped is not False else None
    listed: list[tuple[str | None, TaskProgress | None]] = []
    if groups:
        by_key = {r.task.key: r for r in rows}
        for heading, members in groups:
            listed.append((heading, None))
            listed += [(None, by_key[t.key]) for t, _ in members if t.key in by_key]
    else:
        for row in rows:
            if row.depth == 0 and row.task.key in places:
                listed.append((places[row.task.key], None))
            listed.append((None, row))
    for heading, found in listed:
        if found is None:
            table.append(["", heading or "", *[""] * (len(PROGRESS_HEADERS) - 2)])
            continue
        row = found
        entries = latest_by_unit(in_period.get(int(row.task.id or 0), []))
        several = len(entries) > 1

        def joined(attr: str, entries: list[ProgressEntry] = entries, several: bool = several) -> str:
            parts = [(e.summary() if attr == "summary" else getattr(e, attr)).strip() for e in entries]
            return "\n".join(f"{e.unit}: {t}" if several else t for e, t in zip(entries, parts, strict=True) if t)

        table.append([row.task.number, row.task.title, "; ".join(row.task.lead), "; ".join(row.task.coordinators),
                      row.task.time, row.task.product or "", STATUS_LABELS[row.status], joined("summary"),
                      joined("difficulties"), joined("proposals")])
    widths = [L.cm(w) * page.text_width / L.cm(sum(_PROGRESS_WIDTHS)) for w in _PROGRESS_WIDTHS]
    blocks: list[Block] = [
        Paragraph([Run("PHỤ LỤC")], align="center", size=14, bold=True),
        Paragraph([Run(f"TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ {period.label.upper()}")], align="center",
                    size=options.body_size, bold=True),
        Paragraph([Run(f"(Kèm theo Báo cáo kết quả thực hiện {plan_reference(plan)})")], align="center",
                    size=options.body_size, italic=True),
        Paragraph([], size=6),
        L.simple_table(PROGRESS_HEADERS, table, widths, size=10, header_size=10, centred_columns=(0, 4, 6)),
    ]
    return Section(blocks, page=page, page_number=L.page_number_paragraph(), title_page=True,
                   restart_numbering=True)


def report_document(plan: Plan, entries_by_task: dict[int, list[ProgressEntry]], period: Period, *,
                    today: dt.date | None = None, kinh_gui: Sequence[str] | None = None,
                    appendix: bool = False, options: L.LayoutOptions = L.DEFAULT,
                    created: dt.date | None = None, grouped: bool | None = None) -> Document:
    """The Báo cáo as a document model (render with ``docx_writer`` or ``qt_writer``).

    ``created`` is the day the plan was entered in the app (tracking of a plan without a full date starts there).
    ``grouped``: section II under the upper plan's tasks (default: when the plan was derived from one).
    """
    today = today or dt.date.today()
    rows, ref = report_rows(plan, entries_by_task, period, today, created)
    keep = [r for r in plan.recipients if fold(r).startswith("luu")]
    meta = L.DocumentMeta(
        issuer=list(plan.issuer), number=None, symbol=SYMBOL, place=plan.place,
        date=PartialDate(today.year, today.month), doc_type="BÁO CÁO",
        title=f"Kết quả thực hiện Kế hoạch {_subject(plan.title, period)}",
        kinh_gui=list(kinh_gui or upward_recipients(plan) or [DEFAULT_KINH_GUI]),
        recipients=["Như trên", *(keep or ["Lưu: VT"])], signature=plan.signature)
    extra = [progress_appendix(plan, rows, period, options, grouped)] if appendix else []
    return L.official_document(meta, report_body(plan, rows, period, ref, options, grouped), options, extra)


def write_report(plan: Plan, entries_by_task: dict[int, list[ProgressEntry]], period: Period,
                 target: str | os.PathLike[str], **kw: object) -> Path:
    """Write the Báo cáo as .docx (through a temporary file moved into place)."""
    from .docx_writer import write_docx

    return write_docx(report_document(plan, entries_by_task, period, **kw), target)  # type: ignore[arg-type]
