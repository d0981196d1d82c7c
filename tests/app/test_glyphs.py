"""No emoji in the app's text: a machine without an emoji font shows them as empty boxes.

Icons come from Streamlit's bundled Material Symbols (``icon=":material/...:"``) or from CSS; the few symbols
the text does use (▲ ● ▶ ◀ ❚ ━ ╍ → −, Greek letters, superscripts) are ordinary characters that DejaVu Sans,
the fallback font every test machine installs (``fonts-dejavu-core``, see ``scripts/test.sh``), has.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "explainer"
DEJAVU_SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# Emoji_Presentation=Yes below U+10000 (Unicode's emoji-data.txt): shown as emoji even without U+FE0F.
EMOJI_PRESENTATION_BMP = (
    (0x231A, 0x231B), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3), (0x25FD, 0x25FE),
    (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
    (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4),
    (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD),
    (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E),
    (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797), (0x27B0, 0x27B0), (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
)  # fmt: skip
ARROWS_AND_SYMBOLS = (0x2B00, 0x2BFF)  # Miscellaneous Symbols and Arrows: ⬇ ⬆ ⭐ ..., emoji in most fonts
EMOJI_PRESENTATION_SELECTOR = 0xFE0F  # VS16: turns a text symbol (▶) into its emoji (▶️)


def _is_emoji(cp: int) -> bool:
    return (
        cp > 0xFFFF  # outside the Basic Multilingual Plane: all pictographs (U+1F000-U+1FAFF), flags, ...
        or ARROWS_AND_SYMBOLS[0] <= cp <= ARROWS_AND_SYMBOLS[1]
        or cp == EMOJI_PRESENTATION_SELECTOR
        or any(lo <= cp <= hi for lo, hi in EMOJI_PRESENTATION_BMP)
    )


def _text_files() -> list[Path]:
    files = sorted(p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".md") and p.is_file())
    assert len(files) > 20, f"found only {len(files)} .py/.md files under {PACKAGE}"
    return files


def _characters(predicate) -> Iterator[str]:
    """``file:line: U+XXXX NAME 'c'`` for every character of explainer/**/*.py|md that ``predicate`` picks."""
    for path in _text_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for char in line:
                if predicate(ord(char)):
                    name = unicodedata.name(char, "unnamed")
                    yield f"{path.relative_to(ROOT)}:{number}: U+{ord(char):04X} {name} {char!r}"


@pytest.mark.parametrize(
    ("char", "emoji"),
    [("🔗", True), ("🔊", True), ("⬇", True), ("✅", True), ("⭐", True), ("\ufe0f", True)]
    + [(c, False) for c in "▲●▶◀❚─━╍→−⁺⁻²·×÷Δτ–“”…✓"],
)
def test_the_emoji_rule(char, emoji):
    assert _is_emoji(ord(char)) is emoji


def test_no_emoji_in_the_package():
    found = list(_characters(_is_emoji))
    assert not found, (
        "emoji render as empty boxes without an emoji font; use icon=':material/...:' or plain text:\n  "
        + "\n  ".join(found)
    )


def _font_charset(font: Path) -> list[tuple[int, int]]:
    """The code point ranges ``font`` has a glyph for, from fontconfig's ``fc-query``."""
    out = subprocess.run(
        ["fc-query", "--format=%{charset}", str(font)], check=True, capture_output=True, text=True, timeout=30
    ).stdout
    ranges = []
    for token in out.split():
        lo, _, hi = token.partition("-")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    return ranges


def test_every_symbol_used_is_in_dejavu_sans():
    """The non-ASCII characters used (▲ ● ▶ ❚ ━ ╍, dashes, superscripts, Greek) all have a DejaVu Sans glyph."""
    if not DEJAVU_SANS.is_file() or shutil.which("fc-query") is None:
        pytest.skip(f"needs {DEJAVU_SANS} (Debian's fonts-dejavu-core) and fc-query (fontconfig)")
    charset = _font_charset(DEJAVU_SANS)
    assert any(lo <= 0x25B2 <= hi for lo, hi in charset), "fc-query's charset looks wrong (no U+25B2 ▲)"
    missing = list(_characters(lambda cp: cp > 0x7F and not any(lo <= cp <= hi for lo, hi in charset)))
    assert not missing, "characters DejaVu Sans has no glyph for:\n  " + "\n  ".join(missing)
