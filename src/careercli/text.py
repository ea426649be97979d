"""Plain text helpers every layer uses: name normalising, control-character scrubbing,
percentages."""

from __future__ import annotations

import re

_PUNCT = re.compile(r"[^\w+#]+")
# What never reaches a terminal from a file's text: control characters (C0, DEL, C1;
# escape sequences start with ESC 0x1B or CSI 0x9B) and the bidirectional overrides and
# isolates, which make text display as other text. Tab and line feed are layout (Rich
# handles them), so text may hold them; one line of text may not.
_LAYOUT = (0x09, 0x0A)
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
UNSAFE_CODES: tuple[int, ...] = (*range(0x20), *range(0x7F, 0xA0), *_BIDI)
_TEXT_UNSAFE = tuple(c for c in UNSAFE_CODES if c not in _LAYOUT)

_CONTROL = dict.fromkeys(UNSAFE_CODES, "?")
_UNSAFE_TABLE = dict.fromkeys(_TEXT_UNSAFE, "?")
_CLASS = "".join(f"\\u{c:04x}" for c in _TEXT_UNSAFE)
_UNSAFE = re.compile(f"[{_CLASS}]")
# A JSON Schema pattern for text without those characters (what ``careercli schema`` shows).
SAFE_TEXT_PATTERN = r"^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$"


def normalise(text: str) -> str:
    """Lower-case, punctuation to spaces (``+`` and ``#`` kept for C++ and C#)."""
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())


_SAME = {"machine learning": "ml", "artificial intelligence": "ai", "&": " ", "/": " "}
_ASIDE = re.compile(r"\([^)]*\)")


def title_words(title: str) -> frozenset[str]:
    """The words of a title that say what the role is: without what is in parentheses,
    ``machine learning`` read as ``ml`` (``ML & AI Engineer`` holds ``ML Engineer``)."""
    text = _ASIDE.sub(" ", title).casefold()
    for long, short in _SAME.items():
        text = text.replace(long, short)
    return frozenset(normalise(text).split())


def pct(have: int, total: int) -> int:
    """``have`` of ``total`` as a whole percentage (0 of nothing)."""
    return round(100 * have / total) if total else 0


def one_line(text: str) -> str:
    """``text`` with control characters (escape codes, newlines) shown as ``?``."""
    return text.translate(_CONTROL)


def unsafe_at(text: str) -> int | None:
    """Where ``text`` holds its first control character other than tab and line feed."""
    found = _UNSAFE.search(text)
    return None if found is None else found.start()


def scrub(text: str) -> str:
    """``text`` with every control character but tab and line feed shown as ``?``."""
    return text.translate(_UNSAFE_TABLE) if _UNSAFE.search(text) else text


def control_message(text: str, at: int) -> str:
    """``control character U+001B (ESC) at character 3``: what validation reports."""
    code = ord(text[at])
    name = {0x1B: " (escape)", 0x9B: " (CSI)", 0x07: " (bell)", 0x0D: " (carriage return)",
            0x202E: " (right-to-left override)"}  # fmt: skip
    return (
        f"control character U+{code:04X}{name.get(code, '')} at character {at + 1}; "
        "text may not hold escape sequences or other control characters"
    )
