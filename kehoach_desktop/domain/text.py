"""Vietnamese text rules: NFC storage, diacritic-free search, tone placement, collation.

Nothing here imports Qt: the UI uses QCollator for sorting on screen, while the
CLI, exports and tests use :func:`vi_sort_key`, which follows the same order
(Vietnamese alphabet a ă â b c d đ e ê … then the tones ngang, huyền, hỏi, ngã,
sắc, nặng).
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks of the five tones, in dictionary order (ngang has none).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make new letters: ă/â/ê/ô/ơ/ư (breve, circumflex, horn).
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}

_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}

_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form everything is stored in."""
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """NFC, one space between words, no leading/trailing blanks."""
    return _SPACES.sub(" ", nfc(text)).strip()


def normalize_dashes(text: str) -> str:
    """Every dash variant (en dash, em dash, minus) becomes a hyphen-minus."""
    return _DASHES.sub("-", text)


class _FoldTable(dict):
    """``str.translate`` table of :func:`fold`, filled one character at a time as text meets it: each
    character without its marks (đ → d), dashes as hyphens. Removing every combining mark makes the
    decomposition of the whole string equal to that of each character, so this is NFD and a filter,
    in one C loop instead of a Python loop over every character (searching thousands of tasks)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        decomposed = unicodedata.normalize("NFD", "d" if ch == "đ" else "D" if ch == "Đ" else ch)
        out = normalize_dashes("".join(c for c in decomposed if not unicodedata.combining(c)))
        self[code] = out
        return out


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Diacritic-free, lower-case form for searching: ``fold("Văn hóa") == "van hoa"``."""
    return _SPACES.sub(" ", text.translate(_FOLD)).strip().lower()


def matches(query: str, text: str) -> bool:
    """True when every word of ``query`` occurs in ``text``, ignoring diacritics and case."""
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())


# --- tone placement ("hoá" old style vs "hóa" new style) -------------------------
# The new style (Bộ GD&ĐT 2018 / most current documents) puts the tone of the open
# syllables oa, oe, uy on the first vowel: hóa, khỏe, thúy. We fold both to one form.
_TONE_SYLLABLE = re.compile(
    r"(?P<q>[qQ])?(?P<v1>[oOuU])(?P<tone>[\u0300\u0301\u0303\u0309\u0323])?"
    r"(?P<v2>[aAeEyY])(?P<tone2>[\u0300\u0301\u0303\u0309\u0323])?(?![^\W\d_]|[\u0300-\u036f])",
)


def _move_tone(match: re.Match[str]) -> str:
    q, v1, tone, v2, tone2 = (match.group(g) or "" for g in ("q", "v1", "tone", "v2", "tone2"))
    if q:  # "qu" + a/e/y: u is a glide of q, the tone stays on the second vowel
        return match.group(0)
    if tone2 and not tone:
        return q + v1 + tone2 + v2
    return match.group(0)


def normalize_tone_placement(text: str) -> str:
    """Put the tone of open syllables oa/oe/uy on the first vowel (``hoá`` -> ``hóa``).

    Only syllables that end right after the two plain vowels are touched ("hoàn",
    "khuyến" keep their spelling, and so do "tuệ", "thuế" whose e carries a
    circumflex), so ordinary words are never changed.
    """
    decomposed = unicodedata.normalize("NFD", text)
    return nfc(_TONE_SYLLABLE.sub(_move_tone, decomposed))


# --- collation ---------------------------------------------------------------------

def _letter_key(ch: str) -> tuple[int, int, int]:
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    tone = 0
    letter_marks = ""
    for mark in decomposed[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark in _LETTER_MARKS:
            letter_marks += mark
    letter = unicodedata.normalize("NFC", base + letter_marks).lower()
    if ch in "đĐ":
        letter = "đ"
    rank = _RANK.get(letter)
    if rank is None:
        return (1, ord(letter[0]), tone)
    return (0, rank, tone)


def vi_sort_key(text: str) -> tuple:
    """Sort key in Vietnamese alphabetical order.

    Primary order by letters (a < ă < â < b … d < đ …), then by tone, then by case.
    """
    text = nfc(text)
    letters = [_letter_key(ch) for ch in text]
    primary = tuple((kind, rank) for kind, rank, _ in letters)
    tones = tuple(tone for _, _, tone in letters)
    return (primary, tones, text.swapcase())
