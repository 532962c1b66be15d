"""codec.validate: the command's own run, so its findings, totals and exit code equal `codec validate --json`'s."""

from __future__ import annotations

import pytest

import codec
from conftest import SAMPLES, needs_fixtures


def as_rows(findings) -> list:
    return [(f["file"], f["code"], f["severity"], f["path"], f["line"], f["column"], f["message"]) if isinstance(f, dict)
            else (f.file, f.code, f.severity, f.path, f.line, f.column, f.message) for f in findings]


@pytest.mark.parametrize("where", ["samples", "fixtures"])
def test_findings_equal_the_commands(cli, where):
    folder = SAMPLES if where == "samples" else needs_fixtures()
    report = codec.validate(folder, jobs=2)
    expected, exit_code = cli(str(folder), "--jobs", "2")
    assert (report.files, report.errors, report.warnings) == (expected["files"], expected["errors"], expected["warnings"])
    assert as_rows(report.findings) == as_rows(expected["findings"])
    assert report.exit_code == exit_code
    assert report.findings, "the samples and fixtures have findings to compare"


def test_controls_are_the_commands_options(cli, fixtures):
    folder = fixtures / "synthesis" / "humans-1.5"
    plain = codec.validate(folder)
    code = plain.findings[0].code
    quiet = codec.validate(folder, ignore=[code], warnings_as_errors=True, jobs=1)
    expected, exit_code = cli(str(folder), "--ignore", code, "--warnings-as-errors", "--jobs", "1")
    assert as_rows(quiet.findings) == as_rows(expected["findings"])
    assert all(f.code != code for f in quiet.findings)
    assert quiet.exit_code == exit_code == 1
    assert "warnings_as_errors" in codec.report.CONTROLS and "json" not in codec.report.CONTROLS


def test_report_as_pandas():
    pandas = pytest.importorskip("pandas")
    report = codec.validate(SAMPLES)
    frame = report.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["file", "code", "severity", "path", "line", "column", "message"]
    assert len(frame) == len(report.findings)


def test_usage_errors_raise_with_the_commands_message(tmp_path):
    with pytest.raises(codec.CodecError, match="no such file"):
        codec.validate(tmp_path / "absent")
    with pytest.raises(TypeError, match="unexpected keyword argument 'bogus'"):
        codec.validate(SAMPLES, bogus=1)
    with pytest.raises(codec.CodecError, match="--jobs must be between 1 and 256"):
        codec.validate(SAMPLES, jobs=0)
    with pytest.raises(codec.CodecError, match="nothing to check"):
        codec.validate(tmp_path)
    with pytest.raises(codec.CodecError):
        codec.validate([])


def test_a_run_that_writes_its_outputs(tmp_path):
    html = tmp_path / "report.html"
    out = tmp_path / "run.parquet"
    report = codec.validate(SAMPLES, html=html, out=out)
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert out.stat().st_size > 0
    assert report.files > 0
