"""Task field lines: the label wordings of DOMAIN.md §3 and the units written in sentences.

``match_field("Đơn vị chủ trì tham mưu, thực hiện: Phòng VH-XH.")`` -> ("lead", label, value);
``split_assignment("Phòng X chủ trì, phối hợp với Y và các đơn vị liên quan", catalog)``
-> (["Phòng X"], ["Y", "các đơn vị liên quan"], sentence=True).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..domain.text import clean_line, fold
from ..domain.units import UnitCatalog

_WHO = r"(?:(?:cac )?(?:co quan|don vi|bo phan|phong, ban|to chuc|ca nhan)(?:,? (?:co quan|don vi|to chuc|ca nhan))?\s*)?"
_FIELD_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("lead", re.compile(
        _WHO + r"(?:chu tri(?: tham muu)?(?:,? (?:va )?(?:thuc hien|to chuc thuc hien|trien khai))?"
        r"(?: thuc hien)?|thuc hien(?: chinh)?|chiu trach nhiem(?: chinh| thuc hien| chu tri)?|phu trach"
        r"|tham muu(?:,? thuc hien)?)"
        r"|trach nhiem(?: thuc hien| chu tri)?|phan cong(?: thuc hien| chu tri)?|giao(?: cho)?|don vi|co quan")),
    ("coordinators", re.compile(_WHO + r"(?:(?:trach nhiem|phan cong) )?phoi hop(?: thuc hien)?")),
    ("time", re.compile(
        r"thoi (?:gian|han)(?: (?:thuc hien|hoan thanh|trien khai|bat dau|ket thuc|to chuc))?"
        r"(?: (?:va|,) (?:hoan thanh|thuc hien))?|tien do(?: (?:thuc hien|hoan thanh))?"
        r"|thoi diem(?: hoan thanh| thuc hien)?|moc thoi gian")),
    ("product", re.compile(
        r"(?:san pham|ket qua)(?: (?:du kien|dau ra|dat duoc|can dat|chu yeu))?"
        r"(?:\s*(?:/|,|va)\s*(?:san pham|ket qua)(?: (?:du kien|dau ra|dat duoc))?)?"
        r"|hinh thuc (?:van ban|san pham)")),
    ("content", re.compile(
        r"noi dung(?: (?:thuc hien|cong viec|nhiem vu|chinh|chu yeu|hoat dong|cu the))?")),
    ("notes", re.compile(r"ghi chu")),
]
_LETTER_PREFIX = re.compile(r"^([a-zđ])\s*[).]\s*")


@dataclass
class Field:
    name: str  # lead / coordinators / time / product / content / notes
    label: str | None  # as written (without its marker); None for a sentence ("Giao X chủ trì ...")
    value: str | None  # None: label alone on its line, the value follows on the next lines


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "d"}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii():
            table[code] = base.lower()
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        table[ord(dash)] = "-"
    return table


_FOLD = _fold_table()


def quick_fold(text: str) -> str:
    """:func:`fold` for NFC text at C speed (one table lookup per letter): "Nơi nhận" -> "noi nhan"."""
    return " ".join(text.translate(_FOLD).lower().split())


def match_label(label: str) -> str | None:
    key = quick_fold(re.sub(r"\([^)]*\)", " ", label)).strip(" .:-*")  # "Cơ quan chủ trì (tham mưu):"
    key = re.sub(r"\s+", " ", key)
    if not key or len(key) > 60:
        return None
    for name, pattern in _FIELD_PATTERNS:
        if pattern.fullmatch(key):
            return name
    return None


def split_fields(rest: str) -> list[str] | None:
    """Several field lines typed as one: "Cơ quan chủ trì: X; Cơ quan phối hợp: Y; Thời gian: Z."."""
    if rest.count(":") < 2:
        return None
    pieces = re.split(r"(?<=[;.])\s+(?=\S)", rest)
    out: list[str] = []
    starts = 0
    for piece in pieces:
        head, sep, _ = piece.partition(":")
        if sep and len(head) <= 60 and match_label(_LETTER_PREFIX.sub("", head)):
            out.append(piece)
            starts += 1
        elif out:
            out[-1] = f"{out[-1]} {piece}"
        else:
            return None
    return out if starts >= 2 else None


_SENTENCE_VERB = re.compile(
    r"\b(chủ trì|phối hợp|thực hiện|triển khai|tham mưu|chịu trách nhiệm)\b", re.IGNORECASE)


def match_field(rest: str, catalog: UnitCatalog | None = None) -> Field | None:
    """``rest`` is a line without its bullet; a letter prefix ("b) ") may still be on it."""
    head, sep, tail = rest.partition(":")
    if sep and len(head) <= 70:
        label = _LETTER_PREFIX.sub("", head)
        if match_label(label):
            return Field(match_label(label) or "", clean_line(head), clean_line(tail).rstrip() or None)
    elif not sep and len(rest) <= 70:
        label = _LETTER_PREFIX.sub("", rest).rstrip(" .")
        name = match_label(label)
        if name and fold(label).strip() not in ("don vi", "co quan", "giao", "giao cho"):
            return Field(name, clean_line(rest.rstrip(" .")), None)
    # sentence forms: "Giao Phòng X chủ trì, phối hợp với Y"; "Phòng X chủ trì, phối hợp với Y thực hiện"
    if re.match(r"^Giao\s+\S", rest) and _SENTENCE_VERB.search(rest):
        return Field("lead", None, rest)
    if catalog is not None and _SENTENCE_VERB.search(rest[:160]):
        unit, after = unit_prefix(rest, catalog)
        if unit and re.match(r"^[,;]?\s*(chủ trì|phối hợp|thực hiện|chịu trách nhiệm)\b", after, re.IGNORECASE):
            return Field("lead", None, rest)
        if lead_clause(rest, catalog):  # units not (yet) in the catalog: "Trường Tiểu học X chủ trì, …"
            return Field("lead", None, rest)
    return None


# --- units in a value ---------------------------------------------------------------------

_UNIT_HEADS = (
    "các ", "Các ", "Phòng", "Văn phòng", "Văn Phòng", "Trung tâm", "Công an", "Ban ", "Ủy ban", "Uỷ ban",
    "UBND", "UB ", "Trạm", "Trường", "Hội ", "Đoàn", "Mặt trận", "MTTQ", "Đảng ủy", "Đảng uỷ", "Thôn",
    "thôn", "Tổ ", "tổ ", "Chi cục", "Chi hội", "Sở ", "Hạt ", "Kho bạc", "Bưu điện", "Ngân hàng", "Đài ",
    "Cơ quan", "cơ quan", "Đơn vị", "đơn vị", "Bộ phận", "Công chức", "công chức", "Hợp tác xã", "HĐND",
    "Quân sự", "Ban Chỉ huy", "Y tế", "Cựu chiến binh", "Liên đoàn", "Hội đồng", "Chi bộ", "Khu ", "Xóm",
    "Ấp", "Bản ", "Cụm", "những ", "Những ", "CA ", "BCH", "Cán bộ", "cán bộ", "Trưởng ")
# Verbs that end a unit name at the start of a sentence ("Phòng X cung cấp tài liệu ...").
_VERBS = re.compile(
    r"\s+(?:chủ trì|phối hợp|thực hiện|tổ chức|triển khai|tham mưu|cung cấp|đăng tải|có trách nhiệm|"
    r"chịu trách nhiệm|chủ động|căn cứ|xây dựng|hướng dẫn|theo dõi|rà soát|tuyên truyền|bố trí|kiểm tra|"
    r"báo cáo|đẩy mạnh|phổ biến|quán triệt|nghiên cứu|tiếp nhận|tổng hợp|đôn đốc|lồng ghép|là cơ quan|"
    r"đảm bảo|bảo đảm|thường xuyên|tích cực|căn cứ|được giao|theo chức năng)\b")
_TRAILERS = re.compile(
    r"(?:[,;]?\s*(?:cùng )?(?:tổ chức |triển khai )?thực hiện|[,;]?\s*chủ trì(?: tham mưu)?|[,;]?\s*phối hợp"
    r"|\s+(?:theo|trong phạm vi) chức năng,? nhiệm vụ(?: được giao)?)\s*$", re.IGNORECASE)


# Where a list of units in a sentence ends: "... với Y và các thôn thực hiện trong tháng 10/2026".
_AFTER_UNITS = re.compile(r"\s+(?:để\s+|cùng\s+)?(?:tổ chức\s+|triển khai\s+)?thực hiện\b|\s+triển khai\b"
                          r"|\s+(?:trong|trước|từ|theo)\s+(?:ngày|tháng|quý|năm|kế hoạch)\b")


def unit_prefix(text: str, catalog: UnitCatalog) -> tuple[str | None, str]:
    """The catalog unit that ``text`` starts with (longest), and the rest of the text."""
    best: tuple[str | None, str] = (None, text)
    if not text.startswith(_UNIT_HEADS) and not text[:1].isupper():
        return best
    words = text.split(" ")
    for n in range(1, min(len(words), 12) + 1):
        candidate = " ".join(words[:n]).rstrip(",;:.")
        unit = catalog.find(candidate)
        if unit:
            best = (candidate, " ".join(words[n:]) if not words[n - 1].endswith((",", ";", ":"))
                    else words[n - 1][-1] + " " + " ".join(words[n:]))
    return best


def lead_clause(text: str, catalog: UnitCatalog) -> bool:
    """Whether ``text`` opens with "<unit> chủ trì": "Công an xã chủ trì; …", "Trường Tiểu học X và Trường Y chủ trì, …"."""
    m = re.match(r"^(?P<who>[^.;:()]{3,120}?)\s+chủ trì\b", text)
    if not m:
        return False
    who = m.group("who")
    return bool(unit_prefix(who, catalog)[0]) or (who[:1].isupper() and who.startswith(_UNIT_HEADS))


def _clean_value(value: str) -> str:
    value = clean_line(value)
    value = re.sub(r"^(?:[-+•]\s*)", "", value)
    return value.rstrip(" .;,").strip()


def _split_commas(part: str, catalog: UnitCatalog) -> list[str]:
    """ "Phòng Kinh tế, Phòng Văn hóa - Xã hội" -> two units; "Các phòng, ban, đơn vị liên quan" stays one.

    A comma separates two units only where a new unit begins after it, written with a capital: a
    name of the catalog or a unit word (Phòng, Hội, Đoàn, Công an …); or "các …" after a unit of
    the catalog ("Công an xã, các thôn").
    A unit whose own name has a comma ("Phòng Kinh tế, Hạ tầng và Đô thị") is never split.
    """
    if "," not in part or catalog.find(part):
        return [part]
    out: list[str] = []
    for piece in (p.strip() for p in part.split(",")):
        if out and piece and _begins_unit(piece, out[-1], catalog) and not catalog.find(f"{out[-1]}, {piece}"):
            out.append(piece)
        elif out:
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


def _begins_unit(piece: str, before: str, catalog: UnitCatalog) -> bool:
    if piece[:1].islower():  # "Các thôn, cụm dân cư, tổ dân phố": one group, listed
        return piece.startswith(("các ", "những ")) and catalog.find(before) is not None
    if catalog.find(piece) or catalog.find(re.split(r"\s+và\s+", piece)[0]):
        return True
    return piece.startswith(_UNIT_HEADS) and (
        catalog.find(before) is not None or (before[:1].isupper() and before.startswith(_UNIT_HEADS)))


def split_units(value: str, catalog: UnitCatalog) -> tuple[list[str], bool]:
    """Units of a list: ``;`` / new lines always separate; commas and ``và`` only before a new unit.

    Returns the names as written and whether commas or ``và`` separated them (then the reprint,
    which joins units with "; ", differs from what was written).
    """
    parts: list[str] = []
    used_and = False
    for chunk in re.split(r"\s*;\s*|\n+", value):
        chunk = _clean_value(chunk)
        if chunk:
            pieces = _split_commas(chunk, catalog)
            used_and = used_and or len(pieces) > 1
            parts.extend(pieces)
    result: list[str] = []
    for part in parts:
        pieces = [p for p in re.split(r"\s+và\s+", part)]
        merged: list[str] = [pieces[0]]
        for piece in pieces[1:]:
            joined = merged[-1] + " và " + piece
            if catalog.find(joined) or not piece.startswith(_UNIT_HEADS):
                merged[-1] = joined
            elif catalog.find(merged[-1]) is None and catalog.find(joined.split(" và ")[0]) is None \
                    and _is_fragment(merged[-1]):
                merged[-1] = joined
            else:
                merged.append(piece)
        # "X và Y" where only the whole is a unit of the catalog ("Văn phòng HĐND và UBND phường")
        final: list[str] = []
        for piece in merged:
            if final and catalog.find(final[-1] + " và " + piece):
                final[-1] = final[-1] + " và " + piece
            else:
                final.append(piece)
        if len(final) > 1:
            used_and = True
        result.extend(p for p in (_clean_value(x) for x in final) if p)
    return result, used_and


def _is_fragment(text: str) -> bool:
    return fold(text).endswith(("hdnd", "uy ban", "van phong hdnd"))


# The time and product written after a sentence of assignment: "… thực hiện; thời gian: Quý III/2026.",
# "… thực hiện. Thời gian: tháng 11/2026.", "…; thời gian hoàn thành trước ngày 30/10/2026. Sản phẩm: …".
_TRAILING_FIELD = re.compile(
    r"[;.,]\s*(?:(?P<time>thời (?:gian|hạn)(?:\s+(?:thực hiện|hoàn thành))?)\s*:?"
    r"|(?P<product>(?:sản phẩm|kết quả)(?:\s+(?:dự kiến|đạt được))?)\s*:)\s*", re.IGNORECASE)


def split_trailing_fields(text: str) -> tuple[str, dict[str, str]]:
    """A sentence of assignment without its trailing time and product, and those values.

    ``"Giao X chủ trì, phối hợp với Y thực hiện; thời gian: Quý III/2026."`` ->
    ``("Giao X chủ trì, phối hợp với Y thực hiện", {"time": "Quý III/2026"})``.
    """
    matches = [m for m in _TRAILING_FIELD.finditer(text) if m.start() > 0]
    if not matches:
        return text, {}
    found: dict[str, str] = {}
    for m, following in zip(matches, [*matches[1:], None], strict=True):
        value = text[m.end():following.start() if following else len(text)].strip(" .;,")
        name = "time" if m.group("time") else "product"
        if value and name not in found:
            found[name] = value[0].upper() + value[1:]
    return (text[:matches[0].start()].rstrip(" ;,."), found) if found else (text, {})


@dataclass
class Assignment:
    lead: list[str]
    coordinators: list[str]
    sentence: bool  # written as a sentence or joined with "và": keep the original line


_ROLE_IN_BRACKETS = re.compile(r"\((?:chủ trì|phối hợp)\)", re.IGNORECASE)
_ROLE_AFTER = re.compile(r"^(?P<units>.*?)\s*\((?P<role>chủ trì|phối hợp)\)\s*[.,]?$", re.IGNORECASE)


def split_assignment(value: str, catalog: UnitCatalog) -> Assignment:
    """Lead and coordinating units of a lead value, sentence forms included."""
    text = _clean_value(value)
    if _ROLE_IN_BRACKETS.search(text):  # "Phòng X (chủ trì); Y, Z (phối hợp)"
        lead: list[str] = []
        coordinators: list[str] = []
        for part in re.split(r"\s*;\s*", text):
            m = _ROLE_AFTER.match(part)
            units, _ = split_units(m.group("units") if m else part, catalog)
            (coordinators if m and m.group("role").lower().startswith("phối") else lead).extend(units)
        return Assignment(lead, coordinators, True)
    text = re.sub(r"^Giao(?:\s+cho)?\s+", "", text)
    sentence = text != _clean_value(value)
    # "X chủ trì; Y phối hợp (thực hiện)" / "X; Y phối hợp thực hiện"
    m = re.match(r"^(?P<lead>.+?)\s*;\s*(?P<coord>.+?)\s+phối hợp(?:\s+(?:cùng\s+)?(?:tổ chức\s+)?thực hiện)?$",
                 text)
    if not m:
        # "X chủ trì, phối hợp với Y (thực hiện)"; "X, phối hợp với Y"; "X phối hợp Y"
        m = re.match(r"^(?P<lead>.+?)(?:\s+chủ trì(?:\s+tham mưu)?)?\s*[,;]?\s+(?:và\s+)?phối hợp(?:\s+(?:với|cùng))?\s+"
                     r"(?P<coord>.+)$", text)
    if m:
        lead_text = _TRAILERS.sub("", m.group("lead")).strip(" ,;")
        coord_text = _TRAILERS.sub("", _AFTER_UNITS.split(m.group("coord"))[0]).strip(" ,;")
        lead, _ = split_units(lead_text, catalog)
        coords, _ = split_units(coord_text, catalog)
        return Assignment(lead, coords, True)
    stripped = _TRAILERS.sub("", text).strip(" ,;")
    sentence = sentence or stripped != text
    lead, used_and = split_units(stripped, catalog)
    return Assignment(lead, [], sentence or used_and)


def unit_of_sentence(line: str, catalog: UnitCatalog) -> str | None:
    """The unit a duty line starts with: "Phòng X phường cung cấp ..." -> "Phòng X phường"."""
    text = _clean_value(line)
    unit, _ = unit_prefix(text, catalog)
    if unit:
        return unit
    head = text.split(":", 1)[0] if ":" in text[:80] else text
    m = _VERBS.search(head)
    if m and m.start() > 0:
        return head[:m.start()].strip(" ,;")
    if ":" in text[:80]:
        return head.strip()
    return None
