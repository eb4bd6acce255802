"""Plan JSON (``"format": "kehoach-plan", "version": 1``): read with clear messages, write stably.

The schema is documented in ``docs/plan-json.md``. Reading validates every field
and says in Vietnamese where the file is wrong; keys we do not know are kept and
written back, so a file made by a newer tool survives a round trip.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, describe_os_error
from .plan import (
    APPENDIX_FIELDS,
    DEFAULT_LABELS,
    Appendix,
    PartialDate,
    Plan,
    Section,
    Signature,
    SourceTask,
    Task,
    TextItem,
    TextTable,
    UpperPlan,
    body_then_appendices,
    new_key,
)
from .text import nfc

FORMAT = "kehoach-plan"
VERSION = 1

_PLAN_KEYS = {
    "format", "version", "key", "issuer", "number", "symbol", "place", "date", "doc_type", "title",
    "bases", "preamble", "sections", "closing", "recipients", "signature", "labels", "upper",
}
_TASK_KEYS = {
    "number", "title", "content", "lead", "coordinators", "time", "product", "notes", "labels",
    "assignment", "children", "key", "timeframe", "cells", "source",
}


class _Reader:
    def fail(self, path: str, what: str) -> InvalidInput:
        return InvalidInput(f"Tệp kế hoạch JSON không hợp lệ: “{path}” {what}.")

    def string(self, data: dict, key: str, path: str, *, optional: bool = False, default: str = "") -> Any:
        value = data.get(key)
        if value is None:
            if optional:
                return None
            return default
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(f"{path}.{key}", "phải là một chuỗi chữ")
        return nfc(value)

    def strings(self, data: dict, key: str, path: str) -> list[str]:
        value = data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [nfc(value)] if value.strip() else []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{path}.{key}", "phải là một danh sách chuỗi chữ")
        return [nfc(v) for v in value]

    def labels(self, data: dict, path: str) -> dict[str, str]:
        value = data.get("labels") or {}
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self.fail(f"{path}.labels", "phải là một bảng tên nhãn")
        return {str(k): nfc(v) for k, v in value.items()}

    def cells(self, data: dict, path: str) -> dict[str, str]:
        value = data.get("cells") or {}
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise self.fail(f"{path}.cells", "phải là một bảng {tên cột: nội dung}")
        return {nfc(str(k)): nfc(v) for k, v in value.items()}

    def source(self, data: Any, path: str) -> SourceTask | None:
        if data is None:
            return None
        if not isinstance(data, dict):
            raise self.fail(path, "phải là một liên kết {plan, task, number, title, reference}")
        plan, task = self.string(data, "plan", path), self.string(data, "task", path)
        if not plan or not task:
            raise self.fail(path, "phải có “plan” và “task” (mã kế hoạch cấp trên và mã nhiệm vụ)")
        role = self.string(data, "role", path)
        if role not in ("", "lead", "coordinator"):
            raise self.fail(f"{path}.role", "phải là “lead”, “coordinator” hoặc rỗng")
        return SourceTask(plan, task, self.string(data, "number", path), self.string(data, "title", path),
                          self.string(data, "reference", path), role)

    def upper(self, data: Any, path: str) -> UpperPlan | None:
        if data is None:
            return None
        if not isinstance(data, dict):
            raise self.fail(path, "phải là một kế hoạch cấp trên {key, issuer, number, symbol, date, title}")
        key = self.string(data, "key", path)
        if not key:
            raise self.fail(f"{path}.key", "không được để trống")
        number = data.get("number")
        try:
            date = PartialDate.parse(None if data.get("date") is None else str(data.get("date")))
        except InvalidInput as exc:
            raise InvalidInput(f"Tệp kế hoạch JSON không hợp lệ: “{path}.date” — {exc.message}") from None
        return UpperPlan(key=key, issuer=self.strings(data, "issuer", path),
                         number=None if number in (None, "") else nfc(str(number)),
                         symbol=self.string(data, "symbol", path) or "KH-UBND", date=date,
                         title=self.string(data, "title", path))

    def table(self, data: Any, path: str) -> TextTable | None:
        if data is None:
            return None
        if not isinstance(data, dict):
            raise self.fail(path, "phải là một bảng {rows, header_rows}")
        rows = data.get("rows") or []
        if not isinstance(rows, list) or not all(
                isinstance(r, list) and all(isinstance(c, str) for c in r) for r in rows):
            raise self.fail(f"{path}.rows", "phải là một danh sách hàng, mỗi hàng một danh sách chuỗi chữ")
        header_rows = data.get("header_rows", 1)
        if not isinstance(header_rows, int) or isinstance(header_rows, bool) or header_rows < 0:
            raise self.fail(f"{path}.header_rows", "phải là một số nguyên không âm")
        return TextTable([[nfc(c) for c in r] for r in rows], min(header_rows, len(rows)))

    def appendix(self, data: Any, path: str) -> Appendix | None:
        if data is None or data is False:
            return None
        if data is True:
            return Appendix()
        if not isinstance(data, dict):
            raise self.fail(path, "phải là một đối tượng phụ lục (label, heading, attached, columns)")
        columns_raw = data.get("columns") or []
        if not isinstance(columns_raw, list):
            raise self.fail(f"{path}.columns", "phải là một danh sách cột")
        columns: list[tuple[str, str]] = []
        for i, col in enumerate(columns_raw):
            cpath = f"{path}.columns[{i}]"
            if not isinstance(col, dict):
                raise self.fail(cpath, "phải là một cột {field, title}")
            fld = self.string(col, "field", cpath)
            if fld and fld not in APPENDIX_FIELDS:
                raise self.fail(f"{cpath}.field", "phải là một trong " + ", ".join(APPENDIX_FIELDS) + " hoặc rỗng")
            columns.append((fld, self.string(col, "title", cpath)))
        orientation = data.get("orientation", "landscape")
        if orientation not in ("landscape", "portrait"):
            raise self.fail(f"{path}.orientation", "phải là “landscape” hoặc “portrait”")
        return Appendix(label=self.string(data, "label", path), heading=self.strings(data, "heading", path),
                        attached=self.string(data, "attached", path), columns=columns,
                        landscape=orientation == "landscape", mirror=bool(data.get("mirror", False)))

    def task(self, data: Any, path: str) -> Task:
        if not isinstance(data, dict):
            raise self.fail(path, "phải là một nhiệm vụ (đối tượng JSON)")
        title = self.string(data, "title", path)
        children_raw = data.get("children") or []
        if not isinstance(children_raw, list):
            raise self.fail(f"{path}.children", "phải là một danh sách nhiệm vụ")
        return Task(
            title=title,
            number=self.string(data, "number", path),
            content=self.strings(data, "content", path),
            lead=self.strings(data, "lead", path),
            coordinators=self.strings(data, "coordinators", path),
            time=self.string(data, "time", path),
            product=self.string(data, "product", path, optional=True),
            notes=self.string(data, "notes", path, optional=True),
            labels=self.labels(data, path),
            assignment=self.strings(data, "assignment", path),
            cells=self.cells(data, path),
            source=self.source(data.get("source"), f"{path}.source"),
            children=[self.task(c, f"{path}.children[{i}]") for i, c in enumerate(children_raw)],
            key=self.string(data, "key", path) or new_key(),
        )

    def section(self, data: Any, path: str) -> Section:
        if not isinstance(data, dict):
            raise self.fail(path, "phải là một mục (đối tượng JSON)")
        kind = data.get("kind", "tasks" if data.get("tasks") and not data.get("items") else "text")
        if kind not in ("text", "tasks"):
            raise self.fail(f"{path}.kind", "phải là “text” hoặc “tasks”")
        section = Section(title=self.string(data, "title", path), kind=kind,
                          appendix=self.appendix(data.get("appendix"), f"{path}.appendix"))
        if kind == "tasks":
            tasks = data.get("tasks") or []
            if not isinstance(tasks, list):
                raise self.fail(f"{path}.tasks", "phải là một danh sách nhiệm vụ")
            section.tasks = [self.task(t, f"{path}.tasks[{i}]") for i, t in enumerate(tasks)]
            intro = self.strings(data, "intro", path)
            section.items = [TextItem(None, intro)] if intro else []
        else:
            items = data.get("items") or []
            if not isinstance(items, list):
                raise self.fail(f"{path}.items", "phải là một danh sách")
            for i, item in enumerate(items):
                ipath = f"{path}.items[{i}]"
                if not isinstance(item, dict):
                    raise self.fail(ipath, "phải là một đối tượng có heading và paragraphs")
                section.items.append(TextItem(self.string(item, "heading", ipath, optional=True),
                                              self.strings(item, "paragraphs", ipath),
                                              self.table(item.get("table"), f"{ipath}.table")))
        return section

    def plan(self, data: Any) -> Plan:
        if not isinstance(data, dict):
            raise InvalidInput("Tệp không phải là kế hoạch JSON (cần một đối tượng JSON).")
        fmt = data.get("format")
        if fmt != FORMAT:
            raise InvalidInput(f"Tệp không phải là kế hoạch JSON của KeHoach (format = {fmt!r}).")
        version = data.get("version")
        if not isinstance(version, int) or version < 1:
            raise self.fail("version", "phải là một số nguyên")
        if version > VERSION:
            raise InvalidInput(f"Tệp kế hoạch JSON phiên bản {version} mới hơn phiên bản phần mềm "
                               f"hỗ trợ ({VERSION}). Hãy cập nhật KeHoach Desktop.")
        issuer = data.get("issuer") or ""
        if isinstance(issuer, list):
            issuer = "\n".join(str(x) for x in issuer)
        if not isinstance(issuer, str):
            raise self.fail("issuer", "phải là một chuỗi chữ (các dòng cách nhau bởi \\n)")
        date_raw = data.get("date")
        if date_raw is not None and not isinstance(date_raw, str | int):
            raise self.fail("date", "phải là ngày dạng “2026-06-16”, “2026-06”, “2026” hoặc null")
        try:
            date = PartialDate.parse(None if date_raw is None else str(date_raw))
        except InvalidInput as exc:
            raise InvalidInput(f"Tệp kế hoạch JSON không hợp lệ: “date” — {exc.message}") from None
        sections_raw = data.get("sections") or []
        if not isinstance(sections_raw, list):
            raise self.fail("sections", "phải là một danh sách mục")
        sig = data.get("signature") or {}
        if not isinstance(sig, dict):
            raise self.fail("signature", "phải là đối tượng có lines và signer")
        number = data.get("number")
        if number is not None and not isinstance(number, str | int):
            raise self.fail("number", "phải là chuỗi như “05” hoặc null")
        labels = dict(DEFAULT_LABELS)
        labels.update(self.labels(data, "plan"))
        return Plan(
            title=self.string(data, "title", "plan"),
            issuer=[line for line in nfc(issuer).split("\n") if line.strip()],
            number=None if number in (None, "") else nfc(str(number)),
            symbol=self.string(data, "symbol", "plan") or "KH-UBND",
            place=self.string(data, "place", "plan"),
            date=date,
            doc_type=self.string(data, "doc_type", "plan") or "KẾ HOẠCH",
            bases=self.strings(data, "bases", "plan"),
            preamble=self.strings(data, "preamble", "plan"),
            sections=body_then_appendices(self.section(s, f"sections[{i}]") for i, s in enumerate(sections_raw)),
            closing=self.strings(data, "closing", "plan"),
            recipients=self.strings(data, "recipients", "plan"),
            signature=Signature(self.strings(sig, "lines", "signature"),
                                self.string(sig, "signer", "signature")),
            labels=labels,
            upper=self.upper(data.get("upper"), "upper"),
            key=self.string(data, "key", "plan") or new_key(),
            extra={k: v for k, v in data.items() if k not in _PLAN_KEYS},
        )


def read_source(data: Any) -> SourceTask | None:
    """A task's link as :func:`source_to_dict` writes it (the store keeps it so)."""
    return _Reader().source(data, "source")


def read_upper(data: Any) -> UpperPlan | None:
    return _Reader().upper(data, "upper")


def source_to_dict(source: SourceTask) -> dict[str, str]:
    data = {"plan": source.plan, "task": source.task, "number": source.number, "title": source.title,
            "reference": source.reference}
    if source.role:
        data["role"] = source.role
    return data


def upper_to_dict(upper: UpperPlan) -> dict[str, Any]:
    return {"key": upper.key, "issuer": list(upper.issuer), "number": upper.number, "symbol": upper.symbol,
            "date": upper.date.iso() if upper.date else None, "title": upper.title}


def read_appendix(data: Any) -> Appendix | None:
    """An appendix description as :func:`appendix_to_dict` writes it (the store keeps it so)."""
    return _Reader().appendix(data, "appendix")


def plan_from_dict(data: Any) -> Plan:
    """Build a :class:`Plan` from parsed plan JSON, or raise :class:`InvalidInput`."""
    return _Reader().plan(data)


def plan_from_json_text(text: str) -> Plan:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"Tệp không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}).") from None
    return plan_from_dict(data)


def read_plan_file(path: str | Path) -> Plan:
    """Read a plan JSON file, with a clear message for every way it can be wrong."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(describe_os_error(exc, path)) from None
    if not raw.strip():
        raise InvalidInput(f"Tệp {path.name} trống.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"Tệp {path.name} không phải văn bản UTF-8, không phải kế hoạch JSON.") from None
    return plan_from_json_text(text)


def task_to_dict(task: Task) -> dict[str, Any]:
    tf = task.timeframe
    data: dict[str, Any] = {
        "key": task.key,
        "number": task.number,
        "title": task.title,
        "content": list(task.content),
        "lead": list(task.lead),
        "coordinators": list(task.coordinators),
        "time": task.time,
        "product": task.product,
        "notes": task.notes,
        "labels": dict(task.labels),
        "assignment": list(task.assignment),
        **({"cells": dict(task.cells)} if task.cells else {}),
        **({"source": source_to_dict(task.source)} if task.source else {}),
        "timeframe": {"kind": tf.kind, "description": tf.describe(),
                      "deadline": tf.deadline.isoformat() if tf.deadline else None},
        "children": [task_to_dict(c) for c in task.children],
    }
    return data


def appendix_to_dict(appendix: Appendix) -> dict[str, Any]:
    data: dict[str, Any] = {"label": appendix.label, "heading": list(appendix.heading),
                            "attached": appendix.attached,
                            "orientation": "landscape" if appendix.landscape else "portrait"}
    if appendix.columns:
        data["columns"] = [{"field": f, "title": t} for f, t in appendix.columns]
    if appendix.mirror:
        data["mirror"] = True
    return data


def _item_to_dict(item: TextItem) -> dict[str, Any]:
    data: dict[str, Any] = {"heading": item.heading, "paragraphs": list(item.paragraphs)}
    if item.table is not None:
        data["table"] = {"rows": [list(r) for r in item.table.rows], "header_rows": item.table.header_rows}
    return data


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    sections = []
    for s in plan.sections:
        section: dict[str, Any] = {"title": s.title, "kind": s.kind}
        if s.appendix is not None:
            section["appendix"] = appendix_to_dict(s.appendix)
        if s.kind == "tasks":
            intro = [p for item in s.items for p in item.paragraphs]
            if intro:
                section["intro"] = intro
            section["tasks"] = [task_to_dict(t) for t in s.tasks]
        else:
            section["items"] = [_item_to_dict(i) for i in s.items]
        sections.append(section)
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "key": plan.key,
        "issuer": "\n".join(plan.issuer),
        "number": plan.number,
        "symbol": plan.symbol,
        "place": plan.place,
        "date": plan.date.iso() if plan.date else None,
        "doc_type": plan.doc_type,
        "title": plan.title,
        "bases": list(plan.bases),
        "preamble": list(plan.preamble),
        "sections": sections,
        "closing": list(plan.closing),
        "recipients": list(plan.recipients),
        "signature": {"lines": list(plan.signature.lines), "signer": plan.signature.signer},
        "labels": dict(plan.labels),
    }
    if plan.upper is not None:
        data["upper"] = upper_to_dict(plan.upper)
    for k, v in plan.extra.items():
        data.setdefault(k, v)
    return data


def plan_to_json_text(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"
