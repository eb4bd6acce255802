"""Legacy Vietnamese encodings (TCVN3/ABC, VNI, Windows-1258) to Unicode NFC.

Plans typed before ~2005 (and many still copied from them) use the .VnTime fonts
(TCVN3, a.k.a. ABC: one byte per accented letter) or the VNI-Times fonts (VNI: a
base letter followed by one or two "accent" bytes). Word stores such text as the
Latin-1 characters of those bytes, so "Kế hoạch" reads "KÕ ho¹ch" (TCVN3) or
"Keá hoaïch" (VNI).

No well-kept PyPI package does this conversion (searched: only tiny, unmaintained
ones), so the two tables are here, written from the published charts (TCVN
5712:1993 VN3; VNI for Windows). Detection is deliberately cautious: a text that
already holds a Vietnamese-only Unicode letter (ă, đ, ơ, ư, ạ ... ỹ) is never
converted, and a text is converted only when it shows characters that the legacy
encoding produces and real Vietnamese never uses (µ, ¸, ¹ ... for TCVN3; ø, û, ï,
ä, å, ë, ö, ñ ... after a vowel for VNI).
"""

from __future__ import annotations

import re
import unicodedata

# --- TCVN3 (ABC) ----------------------------------------------------------------------
_TCVN3_LOWER = {
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xA8: "ă", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xA9: "â", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xAE: "đ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xAA: "ê", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xAB: "ô", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xAC: "ơ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xAD: "ư", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
}
TCVN3_TABLE = {chr(k): v for k, v in _TCVN3_LOWER.items()}
_TCVN3_TRANS = str.maketrans(TCVN3_TABLE)
# Characters a TCVN3 text is full of and Vietnamese Unicode text never holds.
_TCVN3_SIGNS = set(chr(c) for c in range(0xA1, 0xC0) if c not in (0xAB, 0xBB, 0xB0, 0xB1, 0xBA, 0xBF)) | {
    "Æ", "Ç", "Ë", "Î", "Ï", "Ñ", "Ö", "×", "Ø", "Ü", "Þ", "ß", "ä", "å", "æ", "ç", "ë", "î", "ï",
    "ñ", "ö", "÷", "ø", "û", "ü", "þ"}

# --- VNI ----------------------------------------------------------------------------------
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
# accent byte (lower-case form) -> (letter mark, tone); upper-case forms are the same letters upper-cased
_VNI_TONES = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRC = {"â": "", "à": _GRAVE, "á": _ACUTE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}  # a/e/o + ^
_VNI_BREVE = {"ê": "", "è": _GRAVE, "é": _ACUTE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}  # a + breve
# single characters that are whole letters in VNI
_VNI_SINGLE = {"ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "ô": "ơ", "ö": "ư", "ñ": "đ", "î": "ỵ",
               "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Î": "Ỵ"}
_VNI_SIGNS = set("øûõïäåëüöñæîÆÎÑÖØÛÕÏÄÅËÜ")

# Letters that only Vietnamese Unicode text has (legacy text decoded as Latin-1 never does).
_VN_ONLY = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]")
_WORD_SIGNS = re.compile(r"[aeiouyAEIOUYôöÔÖ][øùûõïâàáåãäêèéúüëØÙÛÕÏÂÀÁÅÃÄÊÈÉÚÜË]")


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(m for m in marks if m))


def vni_to_unicode(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        low, nlow = ch.lower(), nxt.lower()
        upper = ch.isupper()
        base = None
        if low in "aeouy" or low in "ôö":
            base = {"ô": "ơ", "ö": "ư"}.get(low, low)
        if base and nxt:
            mark = tone = None
            if nlow in _VNI_TONES and not (nlow == "õ" and False):
                mark, tone = "", _VNI_TONES[nlow]
            elif base in "aeo" and nlow in _VNI_CIRC:
                mark, tone = _CIRC, _VNI_CIRC[nlow]
            elif base == "a" and nlow in _VNI_BREVE:
                mark, tone = _BREVE, _VNI_BREVE[nlow]
            if mark is not None:
                letter = _compose(base, mark, tone)
                out.append(letter.upper() if upper else letter)
                i += 2
                continue
        if ch in _VNI_SINGLE:
            out.append(_VNI_SINGLE[ch])
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def tcvn3_to_unicode(text: str, upper_font: bool | None = None) -> str:
    """``upper_font``: the run's font is .VnTimeH (True), .VnTime (False) or unknown (None)."""
    converted = text.translate(_TCVN3_TRANS)
    if upper_font:
        return converted.upper()
    if upper_font is None:
        converted = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), converted)
        return _restore_caps(converted)
    return converted


# Without its font, a capital like "Ủ" (which .VnTime lacks) arrives as its lower-case
# code; a sentence never starts in lower case, so that letter was a capital.
_SENTENCE_START = re.compile(r"((?:^|\.\s)\s*(?:[-+•]\s*|\d{1,2}[.)]\s*|[a-z][.)]\s*)?)([^\x00-\x7f])",
                             re.MULTILINE)


def _restore_caps(text: str) -> str:
    # A heading typed in an upper-case font (.VnTimeH) stores its accented letters as the
    # lower-case codes: "KÕ HO¹CH" -> "Kế HOạCH". Such a line is capitals throughout when
    # every word's ASCII letters are capitals and either a word mixes them with a
    # lower-case accented letter ("HOạCH", "TịCH") or the line has three words or more.
    words = [w for w in text.split() if any(c.isascii() and c.isalpha() for c in w)]
    if not words or not all(c.isupper() for w in words for c in w if c.isascii() and c.isalpha()):
        return text
    inner = any(_INNER_CAPS.search(w) for w in words)
    if inner or len(words) >= 3:
        return text.upper()
    return text


_INNER_CAPS = re.compile(r"[A-Z]{2,}[^\x00-\x7f]|[A-Z][^\x00-\x7f]+[A-Z]")


def legacy_kind(text: str, font: str | None = None) -> str | None:
    """``"tcvn3"``, ``"vni"`` or None (already Unicode, or nothing to tell)."""
    if not text or _VN_ONLY.search(text):
        return None
    f = (font or "").lower()
    if f.startswith(".vn"):
        return "tcvn3"
    if f.startswith("vni"):
        return "vni"
    tcvn = sum(1 for c in text if c in _TCVN3_SIGNS)
    vni = len(_WORD_SIGNS.findall(text)) + text.count("ñ") + text.count("Ñ")
    if tcvn == 0 and vni == 0:
        return None
    # VNI never uses 0xA1-0xBF; TCVN3 uses them for its most frequent letters.
    strong_tcvn = sum(1 for c in text if "\u00a1" <= c <= "\u00bf" and c in _TCVN3_SIGNS)
    if strong_tcvn:
        return "tcvn3"
    if vni and sum(1 for c in text if c in _VNI_SIGNS):
        return "vni"
    return "tcvn3" if tcvn >= 2 else None


def has_vietnamese_unicode(text: str) -> bool:
    return bool(_VN_ONLY.search(text))


def needs_decision(text: str) -> bool:
    """Text with Latin-1 accents and no Vietnamese-only letter: TCVN3/VNI or Unicode, the document tells."""
    return not _VN_ONLY.search(text) and any("\u00a0" < c <= "\u00ff" for c in text)


def fix_legacy(text: str, font: str | None = None, kind: str | None = None) -> tuple[str, str | None]:
    """Convert ``text`` when it is TCVN3 or VNI; return the text and the encoding found.

    ``kind`` forces the encoding the whole document was found in (a line as short as
    "Sè: 05" cannot tell by itself).
    """
    if kind is not None and _VN_ONLY.search(text):
        kind = None
    told = kind is not None or (font or "").lower().startswith((".vn", "vni"))
    kind = kind or legacy_kind(text, font)
    if kind == "tcvn3":
        upper_font = None
        if font and font.lower().startswith(".vn"):
            upper_font = font.rstrip().lower().endswith("h")
        converted = tcvn3_to_unicode(text, upper_font)
    elif kind == "vni":
        converted = vni_to_unicode(text)
    else:
        return text, None
    if not told and _readability(converted) <= _readability(text):
        return text, None  # guessed from the characters alone, and it reads no better: leave it
    return converted, kind


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16, else the legacy encoding that reads best.

    Returns the text (already Unicode) and the encoding found: "utf-8", "utf-16", "cp1258"
    (Windows-1258, tones as combining marks), "tcvn3", "vni" or "cp1252".
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        latin = raw.decode("cp1252")  # the same as Latin-1 from 0xA0 up, where TCVN3 and VNI live
    except UnicodeDecodeError:
        latin = raw.decode("latin-1")
    lines = latin.split("\n")
    candidates = {
        "cp1258": unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace")),
        "tcvn3": "\n".join(tcvn3_to_unicode(line) for line in lines),
        "vni": "\n".join(vni_to_unicode(line) for line in lines),
        "cp1252": latin,
    }
    best = max(candidates, key=lambda name: _readability(candidates[name]))
    return candidates[best], best


_JUNK = _TCVN3_SIGNS | _VNI_SIGNS | {"\ufffd"}


_NUCLEI = ("iêu yêu oai oay uây uôi ươi ươu uya uyê oeo uyu ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi "
           "oo ua uâ uê ui uô uơ ưa ưi ưu ươ uy yê a ă â e ê i o ô ơ u ư y").split()
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    "(?:" + "|".join(_NUCLEI) + r")(?:ch|ng|nh|c|m|n|p|t)?")
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONE_MARKS)
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return tones <= 1 and bool(_SYLLABLE.fullmatch(bare))


def _readability(text: str) -> int:
    """How well ``text`` reads as Vietnamese: accented words that are real syllables, minus the rest."""
    good = bad = 0
    for word in re.findall(r"[^\W\d_]+", text[:200_000]):
        if word.isascii():
            continue
        if _is_syllable(word):
            good += 1
        else:
            bad += 1
    junk = sum(1 for c in text[:200_000] if c in _JUNK or unicodedata.combining(c))
    return good - 2 * bad - 3 * junk
