"""Findings and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Finding:
    """One finding, as ``codec validate --json`` writes it."""

    file: str
    code: str
    severity: str
    path: str
    line: Optional[int]
    column: Optional[int]
    message: str

    def __str__(self) -> str:
        where = f"({self.line},{self.column}) " if self.line else ""
        return f"{self.file}: {where}{self.severity} {self.code} {self.path}: {self.message}"


class CodecError(Exception):
    """What codec could not do, and why: ``findings`` holds the decoder's findings where a file was at fault.

    ``kind`` is ``"usage"`` (a missing file, a bad argument, a file that does not decode) or ``"internal"`` (a fault of
    codec's own, reported instead of crashing the interpreter).
    """

    def __init__(self, message: str, findings: tuple = (), kind: str = "usage"):
        super().__init__(message)
        self.message = message
        self.findings = tuple(findings)
        self.kind = kind

    @classmethod
    def from_answer(cls, answer: dict) -> "CodecError":
        return cls(answer.get("error", "unknown error"), tuple(Finding(**f) for f in answer.get("findings", [])),
                   answer.get("kind", "usage"))
