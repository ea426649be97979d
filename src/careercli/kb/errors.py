"""Domain errors of the knowledge base. They carry one-line messages; the CLI prints them."""

from __future__ import annotations


class KBError(Exception):
    """Something is wrong with a knowledge base file; ``lines`` are one-line messages."""

    def __init__(self, message: str, lines: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.lines = lines or []
        self.path: str | None = None  # the file, when known


class DataFileError(KBError):
    """The file cannot be read or parsed as YAML (missing, too big, syntax, aliases...)."""


class ValidationFailed(KBError):
    """The YAML parsed but does not match the schema or has dangling references."""
