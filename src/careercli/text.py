"""Plain text helpers every layer uses: name normalising and control-character scrubbing."""

from __future__ import annotations

import re

_PUNCT = re.compile(r"[^\w+#]+")
_CONTROL = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], "?")


def normalise(text: str) -> str:
    """Lower-case, punctuation to spaces (``+`` and ``#`` kept for C++ and C#)."""
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())


def one_line(text: str) -> str:
    """``text`` with control characters (escape codes, newlines) shown as ``?``."""
    return text.translate(_CONTROL)
