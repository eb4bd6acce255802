"""Vietnamese text rules: search without diacritics, tone placement, alphabetical order."""

import unicodedata

from kehoach_desktop.domain.text import clean_line, fold, matches, normalize_tone_placement, vi_sort_key


def test_search_without_diacritics_finds_vietnamese_words():
    assert matches("van hoa", "Phòng Văn hóa - Xã hội")
    assert matches("VAN HOA xa hoi", "Phòng Văn hoá – Xã hội")
    assert matches("dang uy", "TT Đảng ủy; HĐND xã")
    assert not matches("kinh te", "Phòng Văn hóa - Xã hội")


def test_nfd_text_is_stored_and_searched_as_nfc():
    typed_on_a_mac = unicodedata.normalize("NFD", "Trạm Y tế xã")
    assert clean_line(typed_on_a_mac) == "Trạm Y tế xã"
    assert fold(typed_on_a_mac) == "tram y te xa"


def test_old_and_new_tone_placement_fold_to_one_spelling():
    assert normalize_tone_placement("Văn hoá") == "Văn hóa"
    assert normalize_tone_placement("Uỷ ban") == "Ủy ban"
    assert normalize_tone_placement("khoẻ mạnh") == "khỏe mạnh"
    # words where the tone is already right, or that are not open syllables, are untouched
    for word in ("quý", "hoàn thành", "khuyến khích", "thuế", "ngoài", "Trí tuệ", "huệ", "khuya", "thuở",
                 "Nguyễn", "luận", "quyết"):
        assert normalize_tone_placement(word) == word


def test_vietnamese_alphabetical_order():
    names = ["Đức", "Dũng", "Ánh", "An", "Ân", "Bình", "Ăn", "Yến", "Ý"]
    assert sorted(names, key=vi_sort_key) == ["An", "Ánh", "Ăn", "Ân", "Bình", "Dũng", "Đức", "Ý", "Yến"]
