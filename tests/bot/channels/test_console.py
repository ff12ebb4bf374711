"""The console prints page text as text: nothing a feed title holds can move the cursor,
retitle or recolour the terminal, or turn a line around; every script still reads."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.clean import translation_table
from bot.channels.console import ConsoleChannel, terminal_safe
from bot.models import Alert, AlertSource
from tests.bot.channels.conftest import make_alert

# Anything a terminal acts on instead of printing: C0 (but the renderer's own line
# breaks), DEL, C1 (U+009B is CSI on its own), the bidi controls, line separators.
UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                    r"\u2066-\u2069\u2028\u2029]")

_DROPPED = translation_table(newlines=True)

HOSTILE = [
    ("clear screen \x1b[2J\x1b[H", "clear screen ␛[2J␛[H"),
    ("window title \x1b]0;pwned\x07", "window title ␛]0;pwned␇"),
    ("8-bit CSI \x9b31m red", "8-bit CSI \ufffd31m red"),
    ("right-to-left \u202eevil\u202c override", "right-to-left evil override"),
    ("isolates \u2066a\u2069 \u2067b\u2069 \u2068c\u2069 marks \u200e\u200f\u061c",
     "isolates a b c marks "),
    ("bell\x07 backspace\x08 delete\x7f nul\x00", "bell␇ backspace␈ delete␡ nul␀"),
    ("two\r\nlines\u2028and\ttab", "two  lines and tab"),
    ("lone surrogate \ud800", "lone surrogate \ufffd"),
]

READABLE = [
    "भारत और जापान के रक्षा मंत्रियों ने बातचीत की",  # Devanagari: virama, matras
    "क्‍ष and क्‌ष",  # explicit ZWJ / ZWNJ between Devanagari letters
    "日印防衛相が電話会談、ACSAの発効を歓迎",
    "وزيرا الدفاع الهندي والياباني يجريان اتصالا هاتفيا",
    "Kishi Nobuo — «Malabar 2020» · naïve café",
    "👨‍👩‍👧 🇮🇳🇯🇵 🏴󠁧󠁢󠁳󠁣󠁴󠁿",  # ZWJ sequence, flags, tag sequence
]


@pytest.mark.parametrize(("raw", "shown"), HOSTILE)
def test_controls_are_neutralised_visibly(raw: str, shown: str) -> None:
    assert terminal_safe(raw) == shown


@pytest.mark.parametrize("text", READABLE)
def test_every_script_survives_unchanged(text: str) -> None:
    assert terminal_safe(text) == text
    assert terminal_safe(text, newlines=True) == text


def test_only_multi_line_text_keeps_its_line_breaks() -> None:
    assert terminal_safe("a\nb\rc", newlines=True) == "a\nb c"
    assert terminal_safe("a\nb") == "a b"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_nothing_unsafe_gets_through(text: str) -> None:
    safe = terminal_safe(text, newlines=True)
    assert not UNSAFE.search(safe)
    assert "\n" not in terminal_safe(text)
    safe.encode("utf-8")  # what the stream will do: no lone surrogate left to fail on
    # nothing else is lost: only controls and the invisible characters every channel drops
    # on purpose (zero-width spaces, word joiners, the BOM) may go
    kept = [c for c in text if unicodedata.category(c) not in ("Cc", "Cs")
            and _DROPPED.get(ord(c), c) is not None]
    assert all(c in safe for c in kept if not UNSAFE.match(c))


def test_invisible_spaces_go_and_joiners_stay() -> None:
    assert terminal_safe("a\u200bb\u2060c\ufeffd") == "abcd"
    assert terminal_safe("क्\u200dष \u200c") == "क्\u200dष \u200c"


def _hostile_alert(title: str, action: str = "new", sources: int = 1) -> Alert:
    src = AlertSource(url=f"https://x.example.org/{title}", outlet=f"Outlet {title}",
                      title=title, published="2020-12-22\x1b[5m", rules=("acsa",))
    return make_alert(action=action, title=title, summary=f"{title}\nSecond line {title}",
                      sources=sources, extra=(src,))


@pytest.mark.parametrize("style", ["text", "telegram"])
async def test_console_output_holds_no_control_or_bidi_character(style: str) -> None:
    title = "".join(raw for raw, _ in HOSTILE)
    out = io.StringIO()
    console = ConsoleChannel(stream=out, style="telegram" if style == "telegram" else "text")
    ref = await console.send(_hostile_alert(title), alert_id=1, previous_ref=None)
    await console.send(_hostile_alert(title, "update", sources=2), alert_id=2,
                       previous_ref=ref)
    printed = out.getvalue()
    assert not UNSAFE.search(printed), repr(UNSAFE.search(printed))
    assert "clear screen ␛[2J" in printed and "right-to-left evil override" in printed
    # the renderers' own layout is intact: one line per source, summary lines kept
    assert "Second line" in printed
    if style == "text":
        assert "[NEW] clear screen" in printed and "+1 source: " in printed


@pytest.mark.parametrize("style", ["text", "telegram"])
async def test_console_prints_non_latin_titles_as_they_are(style: str) -> None:
    out = io.StringIO()
    console = ConsoleChannel(stream=out, style="telegram" if style == "telegram" else "text")
    for i, title in enumerate(READABLE, 1):
        await console.send(make_alert(f"ev-{i}", title=title, summary=title), alert_id=i,
                           previous_ref=None)
    printed = out.getvalue()
    for title in READABLE:
        assert printed.count(title) == 2, title
