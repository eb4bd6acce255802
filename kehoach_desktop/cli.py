"""The ``kehoach`` command (DOMAIN.md §7), over the same services as the desktop app.

Errors print one Vietnamese line on stderr and exit non-zero: 1 for a known error
(bad input, missing plan, locked file, corrupt database), 2 for a wrong command
line, 3 for a bug (its traceback goes to the log file, never to the screen).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .domain.numbering import printed, section_place
from .domain.planjson import plan_to_dict
from .domain.progress import Period
from .errors import InvalidInput, KnownError
from .logsetup import log_bug
from .services import Store

EXIT_ERROR, EXIT_USAGE, EXIT_BUG = 1, 2, 3

_ARGPARSE_VI = [
    ("the following arguments are required: ", "thiếu tham số: "),
    ("unrecognized arguments: ", "tham số không nhận ra: "),
    ("invalid choice: ", "lựa chọn không hợp lệ: "),
    ("(choose from ", "(chọn một trong "),
    ("expected one argument", "cần một giá trị"),
    ("argument ", "tham số "),
    ("invalid int value: ", "không phải số: "),
]


class _Parser(argparse.ArgumentParser):
    """argparse with Vietnamese errors on one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        for english, vietnamese in _ARGPARSE_VI:
            message = message.replace(english, vietnamese)
        self.exit(EXIT_USAGE, f"kehoach: lỗi cú pháp: {message}. Xem “kehoach --help”.\n")


# --- commands ------------------------------------------------------------------------------

def cmd_plans(store: Store, args: argparse.Namespace) -> int:
    for plan in store.plans.list(deleted=args.deleted):
        print(f"{plan.id}\t{plan.reference}\t{plan.title}")
    return 0


def cmd_show(store: Store, args: argparse.Namespace) -> int:
    plan = store.load_plan(args.plan)
    if args.json:
        print(json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2))
        return 0
    print(f"{plan.doc_type} {plan.number or '…'}/{plan.symbol}: {plan.title}")
    for section in plan.sections:  # the body numbered I., II. as printed, then each phụ lục by its label
        print(section_place(plan, section))
        for task_section in [section] if section.kind == "tasks" else []:
            for task in task_section.tasks:
                for node, depth in task.walk():
                    units = "; ".join(node.lead) or "—"
                    print(f"{'  ' * (depth + 1)}{printed(node.number)} {node.title[:70]}"
                          f"  [{units} | {node.time or '—'}]")
    return 0


def cmd_import_json(store: Store, args: argparse.Namespace) -> int:
    from .domain.planjson import read_plan_file

    incoming = read_plan_file(args.file)
    duplicate = store.already_there(incoming)
    if duplicate:
        print(duplicate)
    plan_id = store.import_plan(incoming)
    plan = store.plans.load(plan_id)
    tasks = sum(1 for _ in plan.walk_tasks())
    print(f"Đã nhập kế hoạch “{plan.title}” với {tasks} nhiệm vụ.")
    print(plan_id)
    return 0


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    from .importers import import_file

    result = import_file(args.file, store.units.catalog())
    duplicate = store.already_there(result.plan)
    plan_id = store.import_plan(result.plan)  # one transaction: a failed import stores nothing
    for line in [*result.summary_lines, *([duplicate] if duplicate else [])]:
        print(line)
    print(plan_id)
    return 0


def cmd_export_json(store: Store, args: argparse.Namespace) -> int:
    path = store.export_json(args.plan, args.output)
    print(f"Đã ghi {path}")
    return 0


def cmd_check(store: Store, args: argparse.Namespace) -> int:
    from .store.backup import check

    report = check(store.database)
    if report.ok:
        print(f"Cơ sở dữ liệu nguyên vẹn: {report.plans} kế hoạch, {report.tasks} nhiệm vụ ({store.database.path}).")
        return 0
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(f"Cơ sở dữ liệu có {len(report.problems)} lỗi; hãy khôi phục từ bản sao lưu (kehoach backups).",
          file=sys.stderr)
    return EXIT_ERROR


def cmd_backups(store: Store, args: argparse.Namespace) -> int:
    from .store.backup import backup_now, list_backups

    if args.now:
        print(f"Đã sao lưu vào {backup_now(store.database)}")
    for path in list_backups(store.database.path):
        print(path)
    return 0


def cmd_restore(store: Store, args: argparse.Namespace) -> int:
    from .store.backup import restore

    safety = restore(store.database, Path(args.file))
    print(f"Đã khôi phục từ {args.file}. Dữ liệu trước khi khôi phục được giữ ở {safety}.")
    return 0


def _plan_model(store: Store, plan_id: int, args: argparse.Namespace):
    """The plan laid out with the stored "layout" setting, margins from --margins if given."""
    from .documents.layout import LayoutOptions, plan_document

    options = LayoutOptions.from_setting(store.get_setting("layout"))
    if getattr(args, "margins", None):
        options = LayoutOptions.with_margins(args.margins, options)
    return plan_document(store.load_plan(plan_id), options, appendix=getattr(args, "appendix", False))


def _export_docx(store: Store, plan_id: int, target: Path, args: argparse.Namespace) -> Path:
    from .documents.docx_writer import write_docx

    return write_docx(_plan_model(store, plan_id, args), target)


def _export_pdf(store: Store, plan_id: int, target: Path, args: argparse.Namespace) -> Path:
    from .documents.qt_writer import write_pdf

    return write_pdf(_plan_model(store, plan_id, args), target)


def _export_xlsx(store: Store, plan_id: int, target: Path, args: argparse.Namespace) -> Path:
    from .sheets.tracking import export_progress_sheet

    return export_progress_sheet(store, plan_id, target)


# `kehoach export`: one writer per file extension (add a line here for a new format).
EXPORTERS: dict[str, Callable[[Store, int, Path, argparse.Namespace], Path]] = {
    ".docx": _export_docx,
    ".pdf": _export_pdf,
    ".xlsx": _export_xlsx,
}


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    target = Path(args.output)
    exporter = EXPORTERS.get(target.suffix.lower())
    if exporter is None:
        known = ", ".join(sorted(EXPORTERS))
        raise InvalidInput(f"Không xuất được ra “{target.name}”: phần mở rộng phải là một trong {known}.")
    plan_id = store.plan_id(args.plan)
    path = exporter(store, plan_id, target, args)
    print(f"Đã ghi {path}")
    return 0


def _period_args(args: argparse.Namespace) -> Period | None:
    from .sheets.tracking import default_period

    if args.period is None and args.year is None:
        return None
    default = default_period()
    return Period(args.period or default.kind, args.year or default.year)


def cmd_progress_sheets(store: Store, args: argparse.Namespace) -> int:
    from .sheets.tracking import default_period, make_unit_sheets

    plan_id = store.plan_id(args.plan)
    period = _period_args(args) or default_period()
    written, skipped = make_unit_sheets(store, plan_id, period, args.output)
    for unit, path, count in written:
        print(f"{path}\t{unit}\t{count} nhiệm vụ")
    if skipped:
        print("Không lập phiếu riêng cho nhóm chung (không phải một đơn vị): " + "; ".join(skipped))
    print(f"Đã lập {len(written)} phiếu báo cáo kỳ {period.label} trong {args.output}.")
    if not written and not skipped:
        print("Chưa nhiệm vụ nào của kế hoạch có đơn vị chủ trì hay phối hợp: hãy giao đơn vị cho các nhiệm vụ "
              "(trong ứng dụng, hoặc trong văn bản rồi nhập lại) để lập phiếu cho từng đơn vị.")
    return 0


def cmd_progress_import(store: Store, args: argparse.Namespace) -> int:
    from .sheets.merge import import_unit_sheet

    merge = import_unit_sheet(store, args.file, dry_run=args.dry_run, expected=_period_args(args))
    for line in merge.describe(applied=not args.dry_run):
        print(line)
    return 0


def cmd_report(store: Store, args: argparse.Namespace) -> int:
    from .sheets.tracking import write_period_report

    target = Path(args.output)
    if target.suffix.lower() != ".docx":
        raise InvalidInput(f"Báo cáo được ghi ra tệp Word .docx; “{target.name}” không có đuôi .docx.")
    period = Period(args.period, args.year)
    path = write_period_report(store, store.plan_id(args.plan), period, target, kinh_gui=args.kinh_gui or None,
                               appendix=args.appendix)
    print(f"Đã ghi báo cáo kết quả {period.label}: {path}")
    return 0


# --- parser --------------------------------------------------------------------------------

Command = Callable[[Store, argparse.Namespace], int]


def build_parser() -> _Parser:
    parser = _Parser(prog="kehoach", description="KeHoach Desktop: lập và theo dõi Kế hoạch của UBND xã/phường.")
    parser.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    parser.add_argument("--version", action="version", version=f"KeHoach Desktop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, func: Command, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        # scripts also write "kehoach plans --db PATH": accepted after the command too
        p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return p

    p = add("plans", cmd_plans, "liệt kê kế hoạch: mã, số/ký hiệu, trích yếu")
    p.add_argument("--deleted", action="store_true", help="các kế hoạch trong thùng rác")
    p = add("show", cmd_show, "xem một kế hoạch")
    p.add_argument("plan", metavar="PLAN", help="mã kế hoạch")
    p.add_argument("--json", action="store_true", help="in kế hoạch dạng JSON")
    p = add("import-json", cmd_import_json, "tạo kế hoạch từ tệp JSON; in mã kế hoạch mới ở dòng cuối")
    p.add_argument("file", metavar="FILE")
    p = add("import", cmd_import, "tạo kế hoạch từ văn bản có sẵn (.docx, .pdf, .txt, .md); in tóm tắt, "
                                  "rồi mã kế hoạch mới ở dòng cuối")
    p.add_argument("file", metavar="FILE")
    p = add("export", cmd_export, "xuất kế hoạch theo phần mở rộng của OUT: .docx (văn bản Word theo "
                                  "Nghị định 30), .pdf (bản in), .xlsx (bảng theo dõi tiến độ)")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    p.add_argument("--appendix", action="store_true", help="kèm phụ lục danh mục nhiệm vụ (trang ngang)")
    p.add_argument("--margins", metavar="T,B,L,R",
                   help="lề trên, dưới, trái, phải (mm) trong khoảng Nghị định 30; mặc định 20,20,30,15")
    p = add("progress-sheets", cmd_progress_sheets,
            "lập phiếu báo cáo tiến độ (.xlsx) cho từng đơn vị của kế hoạch, để gửi đơn vị điền")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="thư mục ghi các phiếu")
    p.add_argument("--period", choices=["6m", "year"], help="kỳ báo cáo: 6m (6 tháng) hoặc year (năm); "
                   "mặc định: kỳ đang diễn ra")
    p.add_argument("--year", type=int, metavar="YYYY", help="năm của kỳ báo cáo")
    p = add("progress-import", cmd_progress_import,
            "nhập phiếu báo cáo tiến độ đơn vị đã điền; in những gì thay đổi")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước những gì sẽ thay đổi, không ghi")
    p.add_argument("--period", choices=["6m", "year"], help="kỳ đang thu thập (mặc định: kỳ của lần lập phiếu "
                   "gần nhất); phiếu của kỳ khác bị từ chối")
    p.add_argument("--year", type=int, metavar="YYYY", help="năm của kỳ đang thu thập")
    p = add("report", cmd_report, "lập Báo cáo kết quả thực hiện kế hoạch (BC-UBND, .docx) cho một kỳ")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--period", required=True, choices=["6m", "year"], help="6m: 6 tháng đầu năm; year: cả năm")
    p.add_argument("--year", required=True, type=int, metavar="YYYY")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    p.add_argument("--kinh-gui", action="append", metavar="NƠI NHẬN",
                   help="cơ quan nhận báo cáo (lặp lại nếu nhiều); mặc định: cấp trên trong Nơi nhận của kế hoạch")
    p.add_argument("--appendix", action="store_true", help="kèm bảng tiến độ làm phụ lục (trang ngang)")
    p = add("export-json", cmd_export_json, "ghi kế hoạch ra tệp JSON")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    add("check", cmd_check, "kiểm tra tính toàn vẹn của cơ sở dữ liệu")
    p = add("backups", cmd_backups, "liệt kê các bản sao lưu tự động")
    p.add_argument("--now", action="store_true", help="sao lưu ngay bây giờ")
    p = add("restore", cmd_restore, "khôi phục cơ sở dữ liệu từ một bản sao lưu")
    p.add_argument("file", metavar="FILE")
    # plans from the level above, reports up to it, work across plans: each module adds its commands
    from .commands import across, derive, rollup

    for module in (derive, rollup, across):
        module.register(add)
    return parser


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (OSError, ValueError):
                pass


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        print("Lỗi: thiếu lệnh. Dùng “kehoach --help” để xem các lệnh (plans, show, import, export …).",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        with Store.open(args.db) as store:
            return args.func(store, args)
    except KnownError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return 0
    except (sqlite3.Error, OSError) as exc:  # a full disk or a failing drive while reading: said as such
        known = _environment_error(exc, args.db)
        if known is None:
            return _bug(exc)
        print(f"Lỗi: {known}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: the traceback goes to the log, one line to the user
        return _bug(exc)


def _bug(exc: BaseException) -> int:
    log = log_bug(exc)
    print(f"Lỗi không mong muốn: {type(exc).__name__}. Chi tiết đã ghi vào {log}.", file=sys.stderr)
    return EXIT_BUG


def _environment_error(exc: sqlite3.Error | OSError, db: str | None) -> str | None:
    """The message for a disk or database fault the user can fix, or None when ``exc`` is a bug."""
    import errno

    from .errors import describe_os_error
    from .paths import default_db_path
    from .store.database import sqlite_error

    if isinstance(exc, sqlite3.Error):
        known = sqlite_error(exc, Path(db).expanduser() if db else default_db_path())
        return known.message if known else None
    if exc.errno in (errno.ENOSPC, errno.EIO, errno.EROFS):
        return describe_os_error(exc, exc.filename or "tệp")
    return None


if __name__ == "__main__":
    sys.exit(main())
