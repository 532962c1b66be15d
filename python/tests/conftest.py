"""Where the tests find their files: the repository's sample data, the producers' real files beside the checkout
(skipped with a message where absent), and the .NET command whose --json report the bindings must equal."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "src" / "Codec.Cli" / "SampleData"
FIXTURES = REPO.parent / "shared" / "fixtures"
README = REPO / "README.md"


def needs_fixtures():
    if not FIXTURES.is_dir():
        pytest.skip(f"the producers' real files are not at {FIXTURES}; the sample data still runs")
    return FIXTURES


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return needs_fixtures()


def readme_block(language: str, first_line: str) -> str:
    """The README block of this language whose first line is ``first_line`` (exactly one must exist)."""
    blocks = re.findall(r"```" + language + r"\n(" + re.escape(first_line) + r"\n.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, f"README.md needs exactly one ```{language} block starting with {first_line!r}"
    return blocks[0]


@pytest.fixture(scope="session")
def cli():
    """Runs the .NET command (the Release build the .NET suite leaves; built here when missing) and answers its --json report and exit code."""
    dll = REPO / "src" / "Codec.Cli" / "bin" / "Release" / "net10.0" / "codec.dll"
    if shutil.which("dotnet") is None:
        pytest.skip("the .NET SDK is not on PATH: the command's report cannot be compared")
    if not dll.is_file():
        subprocess.run(["dotnet", "build", str(REPO / "src" / "Codec.Cli"), "-c", "Release", "-nologo", "-v", "q"], check=True, capture_output=True)

    def run(*arguments: str) -> tuple[dict, int]:
        done = subprocess.run(["dotnet", str(dll), "validate", *arguments, "--json"], capture_output=True, text=True)
        return json.loads(done.stdout), done.returncode

    return run
