"""Every spelling of a unit seen in the sample plans resolves to one catalog unit."""

import unicodedata

import pytest

from kehoach_desktop.domain.units import UnitCatalog, preset_units, unit_key

# Spellings as they occur in shared/samples and DOMAIN.md §4, with the unit they must resolve to.
VARIANTS = {
    "Phòng Văn hóa - Xã hội": [
        "Phòng Văn hoá – Xã hội",  # Lam Vỹ task 1: old tone placement + en dash
        "Phòng Văn hóa – Xã hội",  # Lam Vỹ tasks 2–7, Bình Giang IV
        "Phòng Văn hóa - Xã hội",
        "Phòng Văn hóa - Xã hội phường",  # Bạch Đằng
        "Phòng VH-XH",
        "VHXH",  # the code in "Lưu: VT, VHXH."
        unicodedata.normalize("NFD", "Phòng Văn hóa - Xã hội"),  # typed on a Mac
        "PHÒNG VĂN HÓA - XÃ HỘI",
    ],
    "Văn phòng HĐND và UBND": [
        "Văn phòng HĐND&UBND xã",  # Lam Vỹ
        "Văn phòng HĐND&UBND",  # Lam Vỹ tasks 6, 7
        "Văn Phòng HĐND và UBND phường",  # Bạch Đằng
        "Văn phòng HĐND - UBND phường",
    ],
    "Phòng Kinh tế": ["Phòng Kinh tế xã", "Phòng Kinh tế"],  # Lam Vỹ, Bình Giang
    "Phòng Kinh tế, Hạ tầng và Đô thị": ["Phòng Kinh tế, Hạ tầng và Đô thị phường"],  # Bạch Đằng
    "Trung tâm Dịch vụ tổng hợp": ["Trung tâm Dịch vụ tổng hợp xã"],  # Lam Vỹ
    "Trung tâm Dịch vụ sự nghiệp công": [
        "Trung tâm Dịch vụ Sự nghiệp công",  # Bình Giang
        "Trung tâm Dịch vụ sự nghiệp công phường",  # Bạch Đằng
    ],
}


@pytest.fixture(scope="module")
def catalog() -> UnitCatalog:
    return UnitCatalog(preset_units(None))


@pytest.mark.parametrize(("canonical", "spelling"),
                         [(c, s) for c, spellings in VARIANTS.items() for s in spellings])
def test_every_sample_spelling_resolves_to_one_unit(catalog, canonical, spelling):
    unit = catalog.find(spelling)
    assert unit is not None, f"{spelling!r} not recognised"
    assert unit.name == canonical


def test_different_units_stay_different(catalog):
    keys = {unit_key(u.name) for u in catalog.units}
    assert len(keys) == len(catalog.units)
    assert catalog.find("Phòng Kinh tế").name != catalog.find("Phòng Kinh tế, Hạ tầng và Đô thị").name


def test_unknown_units_are_kept_as_written(catalog):
    assert catalog.find("Các phòng, ban, ngành") is None
    assert catalog.canonical("  Các phòng,  ban, ngành ") == "Các phòng, ban, ngành"


def test_presets_follow_the_commune_kind():
    xa = {u.name for u in preset_units("xa")}
    phuong = {u.name for u in preset_units("phuong")}
    assert "Công an xã" in xa and "Các thôn" in xa and "Phòng Kinh tế" in xa
    assert "Công an phường" in phuong and "Các tổ dân phố" in phuong
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in phuong and "Phòng Kinh tế" not in phuong


def test_a_phuong_plan_keeps_its_own_police_and_military_names_in_a_new_database():
    """Before the commune is set up the catalog serves xã and phường plans alike."""
    catalog = UnitCatalog(preset_units(None))
    assert catalog.canonical("Công an phường") == "Công an phường"
    assert catalog.canonical("Công an xã") == "Công an xã"
    assert catalog.canonical("Ban Chỉ huy quân sự phường") == "Ban Chỉ huy quân sự phường"
    assert catalog.canonical("Ủy ban MTTQ Việt Nam phường") == "Ủy ban MTTQ Việt Nam phường"
    assert catalog.canonical("Ủy ban MTTQ Việt Nam phường và các đoàn thể") == "Ủy ban MTTQ Việt Nam phường và các đoàn thể"
    # in a xã's own catalog a phường's police is not taken for the xã's
    assert UnitCatalog(preset_units("xa")).find("Công an phường") is None
    # the place word still folds away where it only says "of this commune"
    assert catalog.canonical("Phòng Văn hóa - Xã hội phường") == "Phòng Văn hóa - Xã hội"
