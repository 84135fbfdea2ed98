"""Shared look of every document: embedded fonts, palette, French dates, text fitting."""
from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

# A sober palette that stays readable when photocopied in grey.
INK = HexColor("#1E2430")
MUTED = HexColor("#5B6473")
NAVY = HexColor("#1F3A5F")
TEAL = HexColor("#1E6B5C")
LIGHT = HexColor("#E9EEF4")
RULE = HexColor("#C5CDD8")
HIGHLIGHT = HexColor("#F2B134")
WHITE = HexColor("#FFFFFF")

VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüÿœæ")
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


@cache
def register_fonts() -> None:
    """Register the DejaVu family once per process; parsing a TTF costs tens of milliseconds."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)


def french_date(day: dt.date) -> str:
    """'mardi 14 octobre 2025', whatever the server locale is."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{DAYS[day.weekday()]} {first} {MONTHS[day.month - 1]} {day.year}"


def hhmm(value: dt.time) -> str:
    """French clock time as printed on posters: '9 h 30', '14 h 00'."""
    return f"{value.hour} h {value.minute:02d}"


def short_hhmm(value: dt.time) -> str:
    """Compact form for narrow column headers: '9h30'."""
    return f"{value.hour}h{value.minute:02d}"


def minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def from_minutes(total: int) -> dt.time:
    total = max(0, min(total, 24 * 60 - 1))
    return dt.time(total // 60, total % 60)


def width(text: str, font: str, size: float) -> float:
    measured: float = pdfmetrics.stringWidth(text, font, size)
    return measured


def wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Greedy word wrap; words wider than the line are cut at character level, hyphens kept as break points."""
    return _wrap(text, font, size, max_width)[0]


def _wrap(text: str, font: str, size: float, max_width: float) -> tuple[list[str], bool]:
    cut_word = False
    words = text.replace("-", "-\u200b").split()
    lines: list[str] = []
    current = ""
    for word in words:
        for part, piece in enumerate(word.split("\u200b")):
            if not piece:
                continue
            # A word's later parts follow their hyphen directly; a new word follows a space.
            candidate = f"{current} {piece}" if current and not part else f"{current}{piece}"
            if width(candidate, font, size) <= max_width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            while width(piece, font, size) > max_width:
                cut_word = True
                cut = len(piece)
                while cut > 1 and width(piece[:cut], font, size) > max_width:
                    cut -= 1
                lines.append(piece[:cut])
                piece = piece[cut:]
            current = piece
    if current:
        lines.append(current)
    return lines or [""], cut_word


@lru_cache(maxsize=8192)
def fit(text: str, font: str, max_size: float, min_size: float, max_width: float,
        max_lines: int = 1, max_height: float | None = None, leading: float = 1.15) -> tuple[float, tuple[str, ...]]:
    """Largest size (down to min_size) at which text fits on one line, else wrapped lines; never overflows.

    Shrinks first, then wraps at the smallest size that fits in max_lines (and max_height), and as a
    last resort cuts the last line with an ellipsis.
    """
    text = " ".join(text.split())
    size = max_size
    while size > min_size and width(text, font, size) > max_width:
        size = max(min_size, size * 0.94)
    if width(text, font, size) <= max_width:
        return size, (text,)
    size = max_size
    while True:
        lines, cut_word = _wrap(text, font, size, max_width)
        tall = max_height is not None and len(lines) * size * leading > max_height
        if (len(lines) <= max_lines and not tall and not cut_word) or size <= min_size:
            break
        size = max(min_size, size * 0.94)
    if max_height is not None:
        max_lines = max(1, min(max_lines, int(max_height // (size * leading))))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and width(last + "…", font, size) > max_width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return size, tuple(lines)


@lru_cache(maxsize=8192)
def fit_words(text: str, font: str, max_size: float, min_size: float, max_width: float, max_lines: int = 2,
              max_height: float | None = None, leading: float = 1.15) -> tuple[float, tuple[str, ...]]:
    """Largest size at which text fits in max_lines lines broken between words: wraps before it shrinks.

    Never cuts a word (a hyphen is a break point, kept at the end of its line). When the text still does
    not fit at min_size, it is abbreviated cleanly: a word wider than the line keeps its start and a full
    stop ('Coopér.'), and the words that do not fit give way to an ellipsis after the last whole one.
    """
    text = " ".join(text.split())
    size = max_size
    while True:
        allowed = _lines_allowed(size, max_lines, max_height, leading)
        lines, cut_word = _wrap(text, font, size, max_width)
        if len(lines) <= allowed and not cut_word:
            return size, tuple(lines)
        if size <= min_size:
            return size, _abbreviated(text, font, size, max_width, allowed)
        size = max(min_size, size * 0.96)


def unbroken(lines: tuple[str, ...] | list[str]) -> str:
    """The text that wrapped lines show, read as one line: a line ending with a hyphen runs on."""
    text = ""
    for line in lines:
        text += line if not text or text.endswith("-") else f" {line}"
    return text


def _lines_allowed(size: float, max_lines: int, max_height: float | None, leading: float) -> int:
    if max_height is None:
        return max_lines
    return max(1, min(max_lines, int(max_height // (size * leading))))


def _abbreviated(text: str, font: str, size: float, max_width: float, max_lines: int) -> tuple[str, ...]:
    # _wrap breaks a word after its hyphens: only a word with a part wider than the line needs shortening.
    words = [word if all(width(part, font, size) <= max_width for part in word.replace("-", "-\u200b").split("\u200b"))
             else _shorten(word, font, size, max_width, ".") for word in text.split()]
    lines, _ = _wrap(" ".join(words), font, size, max_width)
    if len(lines) <= max_lines:
        return tuple(lines)
    kept = lines[:max_lines]
    last = kept[-1]
    while " " in last and width(last + "…", font, size) > max_width:
        last = last.rsplit(" ", 1)[0]
    kept[-1] = _shorten(last.rstrip(" -.") + "…", font, size, max_width, "…")
    return tuple(kept)


def _shorten(word: str, font: str, size: float, max_width: float, mark: str) -> str:
    """word if it fits the line, else its longest start that fits followed by mark."""
    if width(word, font, size) <= max_width:
        return word
    stem = word.rstrip(mark)
    while len(stem) > 1 and width(stem + mark, font, size) > max_width:
        stem = stem[:-1]
    if mark == ".":
        # French abbreviations end on a consonant before a vowel: 'Hydrog.', not 'Hydrogèn.'.
        clean = [n for n in range(3, len(stem) + 1)
                 if stem[n - 1].isalpha() and stem[n - 1].casefold() not in VOWELS
                 and n < len(word) and word[n].casefold() in VOWELS]
        stem = stem[:clean[-1]] if clean else stem
    return stem.rstrip(" -.") + mark
