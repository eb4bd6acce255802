"""Text widths in Times New Roman, to size rules and check that a line fits.

Advance widths (1/1000 em) of Times New Roman, measured from Liberation Serif,
which is metric-compatible with it. A Vietnamese letter is as wide as its base
letter (tone and vowel marks sit above or below), so ``Đ`` counts as ``D``.
"""

from __future__ import annotations

import unicodedata

_REGULAR = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722,
    722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333,
    278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
]
_BOLD = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778,
    778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333,
    278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
]
_SPECIAL = {"đ": "d", "Đ": "D", "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u2026": "..."}


def _base(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    return unicodedata.normalize("NFD", ch)[0]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of ``text`` set in Times New Roman at ``size`` pt."""
    table = _BOLD if bold else _REGULAR
    total = 0
    for ch in text:
        for base in _base(ch):
            code = ord(base)
            total += table[code - 32] if 32 <= code < 127 else 500
    return total * size / 1000
