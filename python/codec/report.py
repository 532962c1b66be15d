"""``codec.validate``: the command's run in-process, its report as objects."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Union

from . import _native
from .findings import CodecError, Finding

PathLike = Union[str, os.PathLike]

# The command's options that shape its printed output; validate() always reads the --json report.
_OUTPUT_OPTIONS = {"--json", "--sarif", "--info", "--quiet", "--color", "--stdin-name"}

#: validate()'s controls: the command's options by Python name (``warnings_as_errors``), with their descriptions.
CONTROLS: dict = {o["name"][2:].replace("-", "_"): o for o in _native.describe()["validate_options"] if o["name"] not in _OUTPUT_OPTIONS}


@dataclass(frozen=True)
class Report:
    """A run's result: what ``codec validate --json`` prints, and the exit code it ends with."""

    files: int
    errors: int
    warnings: int
    findings: tuple
    exit_code: int
    #: What the command said on standard error (notes such as a shard's or the sample data's).
    messages: str = field(default="", repr=False)

    @property
    def ok(self) -> bool:
        """True when the run would exit 0: no errors (or only what the controls let pass)."""
        return self.exit_code == 0

    def to_pandas(self):
        """The findings as a pandas DataFrame (columns file, code, severity, path, line, column, message)."""
        try:
            import pandas
        except ImportError as missing:
            raise ImportError("Report.to_pandas needs pandas; the findings are also in Report.findings") from missing
        columns = ["file", "code", "severity", "path", "line", "column", "message"]
        frame = pandas.DataFrame([[getattr(f, c) for c in columns] for f in self.findings], columns=columns)
        return frame.astype({"line": "Int64", "column": "Int64"})

    def __str__(self) -> str:
        return f"{self.files} files checked: {self.errors} errors, {self.warnings} warnings (exit {self.exit_code})"


def validate(paths: Union[PathLike, Iterable[PathLike]], **controls: Any) -> Report:
    """Checks files, output folders and datasets exactly as ``codec validate`` does, and returns its report.

    ``controls`` are the command's options by name, with ``-`` written ``_``: ``jobs=4``,
    ``ignore=["F601:*/old/*"]``, ``warnings_as_errors=True``, ``lenient_versions=True``, ``max_file_size=...``,
    ``fps=30``, ``config="codec.json"``, ``shard="0/4"``, ``out="run.parquet"``, ``html="report.html"``. ``True``
    gives a flag, a list gives the option once per item. A usage error (a missing path, an unknown option) raises
    :class:`CodecError` with the command's message.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    arguments = [os.fspath(p) for p in paths]
    if not arguments:
        raise CodecError("give the files or folders to validate")
    if any(a.startswith("-") for a in arguments):
        raise CodecError("a path starting with '-' is written ./" + next(a for a in arguments if a.startswith("-")))
    for name, value in controls.items():
        if name not in CONTROLS:
            raise TypeError(f"validate() got an unexpected keyword argument {name!r}; its controls are {', '.join(CONTROLS)}")
        option = CONTROLS[name]["name"]
        if value is None or value is False:
            continue
        if value is True:
            arguments.append(option)
        elif isinstance(value, (list, tuple)):
            for item in value:
                arguments += [option, os.fspath(item) if isinstance(item, os.PathLike) else str(item)]
        else:
            arguments += [option, os.fspath(value) if isinstance(value, os.PathLike) else str(value)]
    answer = _native.validate(arguments)
    report = answer["report"]
    if report is None:
        raise CodecError(answer["messages"].strip().removeprefix("codec: ") or f"validate ended with exit code {answer['exit']}")
    findings = tuple(Finding(**f) for f in report["findings"])
    return Report(report["files"], report["errors"], report["warnings"], findings, answer["exit"], answer["messages"])
