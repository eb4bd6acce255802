"""Units (đơn vị): the catalog, its presets, and the one rule that says two spellings are one unit."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .record import Record
from .text import clean_line, fold, normalize_dashes, normalize_tone_placement

COMMUNE_KINDS = ("xa", "phuong")  # xã / phường (a đặc khu is set up as a xã)


class Unit(Record):
    """A unit of the commune: a phòng, a centre, the police, a group such as the thôn.

    ``code``: the short code used in "Lưu: VT, VHXH.".
    """

    __slots__ = ("name", "code", "aliases", "id")

    def __init__(self, name: str, code: str | None = None, aliases: list[str] | None = None,
                 id: int | None = None) -> None:
        self.name = name
        self.code = code
        self.aliases: list[str] = [] if aliases is None else aliases
        self.id = id


# Abbreviations expanded before comparing; applied on the folded (diacritic-free) form.
_ABBREVIATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bvh\s*-\s*xh\b"), "van hoa - xa hoi"),
    (re.compile(r"\bvhxh\b"), "van hoa - xa hoi"),
    (re.compile(r"\bkt\s*,\s*ht\s*(?:&|va)\s*dt\b"), "kinh te, ha tang va do thi"),
    (re.compile(r"\bhdnd\s*(?:&|-|va|,|/)\s*ubnd\b"), "hdnd va ubnd"),
    (re.compile(r"\bmttq\s*vn\b|\bmttqvn\b"), "mttq viet nam"),
    (re.compile(r"\bub\s+mttq\b"), "uy ban mttq"),
    (re.compile(r"\bbchqs\b"), "ban chi huy quan su"),
    (re.compile(r"\bttpvhcc\b"), "trung tam phuc vu hanh chinh cong"),
]
_TRAILING_PLACE = re.compile(r"\s+(?:xa|phuong|dac khu)$")
# Units whose name needs the place word ("Công an xã" is not "Công an"): for these the
# place word stays in the key, so a phường's police is never taken for a xã's.
_PLACE_BOUND = {"cong an", "ban chi huy quan su", "uy ban mttq viet nam"}
_PUNCT = re.compile(r"[.;:,]+$")


@functools.lru_cache(maxsize=4096)  # a plan names the same few units thousands of times
def unit_key(name: str) -> str:
    """The normalised form through which units are compared.

    NFC, tone placement (hoá = hóa), dashes, ``&``/``và``/``-`` between HĐND and
    UBND, case, known abbreviations, and a trailing "xã"/"phường" all fold away —
    except where the place word is part of the name (Công an xã, Ban Chỉ huy quân sự xã).
    """
    text = normalize_tone_placement(clean_line(name))
    text = fold(normalize_dashes(text))
    text = _PUNCT.sub("", text).strip()
    text = re.sub(r"\s*-\s*", " - ", text)
    text = re.sub(r"\s*&\s*", " & ", text)
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    stripped = _TRAILING_PLACE.sub("", text)
    if stripped.strip() not in _PLACE_BOUND:
        text = stripped
    return re.sub(r"\s+", " ", text).strip()


def _preset(kind: str) -> list[Unit]:
    place = "xã" if kind == "xa" else "phường"
    economy = "Phòng Kinh tế" if kind == "xa" else "Phòng Kinh tế, Hạ tầng và Đô thị"
    villages = "Các thôn" if kind == "xa" else "Các tổ dân phố"
    return [
        Unit("Văn phòng HĐND và UBND", "VP", ["Văn phòng HĐND - UBND", "Văn phòng HĐND&UBND", "VP HĐND và UBND"]),
        Unit(economy, "KT", ["Phòng KT"] if kind == "xa" else ["Phòng KT, HT&ĐT", "Phòng Kinh tế - Hạ tầng và Đô thị"]),
        Unit("Phòng Văn hóa - Xã hội", "VHXH", ["Phòng VH-XH", "Phòng VHXH", "VHXH"]),
        Unit("Trung tâm Phục vụ hành chính công", "TTPVHCC", ["TTPVHCC"]),
        Unit("Trung tâm Dịch vụ tổng hợp", "TTDVTH", []),
        Unit("Trung tâm Dịch vụ sự nghiệp công", "TTDVSNC", []),
        Unit(f"Công an {place}", "CA", []),
        Unit(f"Ban Chỉ huy quân sự {place}", "BCHQS", ["BCHQS"]),
        # the Mặt trận alone, and with the đoàn thể: a plan names one or the other, and prints it as named
        Unit(f"Ủy ban MTTQ Việt Nam {place}", "MTTQ",
             ["UB MTTQVN", f"UB MTTQVN {place}", f"Ủy ban Mặt trận Tổ quốc Việt Nam {place}",
              "Ủy ban Mặt trận Tổ quốc Việt Nam"]),
        Unit(f"Ủy ban MTTQ Việt Nam {place} và các đoàn thể", "MTTQDT",
             [f"Ủy ban MTTQ Việt Nam {place} và các đoàn thể chính trị - xã hội", "MTTQ và các đoàn thể",
              f"Mặt trận Tổ quốc Việt Nam {place} và các đoàn thể"]),
        Unit("Trạm Y tế", "TYT", []),
        Unit("Các trường học", "TH", ["Trường học"]),
        Unit(villages, "THON" if kind == "xa" else "TDP", ["Thôn"] if kind == "xa" else ["Tổ dân phố"]),
    ]


def preset_units(kind: str | None) -> list[Unit]:
    """The preset catalog for a xã or a phường; ``None`` gives both (a database not yet set up)."""
    if kind in COMMUNE_KINDS:
        return _preset(kind)
    units = _preset("xa")
    known = {unit_key(u.name) for u in units}
    return units + [u for u in _preset("phuong") if unit_key(u.name) not in known]


class UnitCatalog:
    """Resolves any spelling of a unit to the catalog's canonical name."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self.units: list[Unit] = list(units)
        self._index: dict[str, Unit] = {}
        for unit in self.units:
            for spelling in (unit.name, *unit.aliases, *( [unit.code] if unit.code else [])):
                self._index.setdefault(unit_key(spelling), unit)

    def find(self, name: str) -> Unit | None:
        """The catalog unit written as ``name``, or None when it is not in the catalog."""
        return self._index.get(unit_key(name))

    def canonical(self, name: str) -> str:
        """The catalog's spelling for ``name`` where recognised, else ``name`` cleaned (NFC)."""
        unit = self.find(name)
        return unit.name if unit else clean_line(name)

    def canonical_list(self, names: Iterable[str]) -> list[str]:
        return [self.canonical(n) for n in names if clean_line(n)]
