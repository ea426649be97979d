"""Reading a taxonomy's tables: tab-delimited ``.txt`` or comma-delimited ``.csv``.

A file is known by its header row (the columns it has), not only by its name, since
releases rename files (O*NET 30.3 and 31.0). Text is UTF-8, with or without a BOM; CRLF
and LF line ends are both read. Anything else is an :class:`ImportProblem` naming the file
(and the line, for a malformed row): there is no guessing of other encodings, because a
wrong guess would put wrong letters in every name without a word of warning.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from careercli.kb.errors import KBError

MAX_TABLE_BYTES = 512 * 1024 * 1024  # a full O*NET text release is about 300 MiB in all
csv.field_size_limit(1 << 24)


class ImportProblem(KBError):
    """The download cannot be imported; the message is one line naming the file."""


@dataclass(frozen=True)
class Table:
    """One file's header and rows, each row with the line it starts on."""

    path: Path
    header: tuple[str, ...]
    rows: list[tuple[int, list[str]]]

    def column(self, name: str) -> int:
        return self.header.index(name)


def delimiter_of(path: Path) -> str:
    return "," if path.suffix.lower() == ".csv" else "\t"


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 text of ``raw`` (a BOM dropped), or an "unknown encoding" ImportProblem."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportProblem(f"{path}: unknown encoding (UTF-16); save the file as UTF-8")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        byte = raw[err.start]
        raise ImportProblem(
            f"{path}:{line}: unknown encoding (byte 0x{byte:02x} is not UTF-8); "
            "save the file as UTF-8"
        ) from None


def _reader(path: Path, text: str) -> Iterator[list[str]]:
    if delimiter_of(path) == ",":
        return csv.reader(io.StringIO(text, newline=""), strict=True)
    # O*NET's text files are not quoted: a quote is a letter there.
    return csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_TABLE_BYTES:
            raise ImportProblem(f"{path}: file is {size / 2**20:.0f} MiB; too large for a table")
        return path.read_bytes()
    except OSError as err:
        raise ImportProblem(f"{path}: cannot read: {err.strerror or err}") from None


def header_of(path: Path) -> tuple[str, ...]:
    """The column names of ``path``'s first line (read without the rest of the file)."""
    try:
        with path.open("rb") as fh:
            first = fh.readline(1 << 16)
    except OSError as err:
        raise ImportProblem(f"{path}: cannot read: {err.strerror or err}") from None
    text = decode(path, first).rstrip("\r\n")
    try:
        row = next(iter(_reader(path, text)), [])
    except csv.Error as err:
        raise ImportProblem(f"{path}:1: malformed header row: {err}") from None
    return tuple(cell.strip() for cell in row)


def read_table(path: Path, required: Sequence[str]) -> Table:
    """Every row of ``path``; ``required`` columns must be in its header.

    A row with more or fewer fields than the header is malformed: ImportProblem naming
    the file and line. Blank lines are skipped.
    """
    text = decode(path, read_bytes(path))
    reader = _reader(path, text)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        header = tuple(cell.strip() for cell in next(reader, []))
        missing = [c for c in required if c not in header]
        if missing:
            raise ImportProblem(
                f"{path}: wrong header: no column {', '.join(repr(c) for c in missing)}"
            )
        width = len(header)
        start = 2
        for row in reader:
            line = reader.line_num  # type: ignore[attr-defined]
            if row and (len(row) != width):
                if len(row) == 1 and not row[0].strip():
                    start = line + 1
                    continue
                raise ImportProblem(
                    f"{path}:{start}: malformed row: {len(row)} fields, the header has {width}"
                )
            if row:
                rows.append((start, row))
            start = line + 1
    except csv.Error as err:
        raise ImportProblem(f"{path}:{start}: malformed row: {err}") from None
    return Table(path, header, rows)
