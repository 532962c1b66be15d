"""The installed package: what it carries, what importing it costs, and views built from the views files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import codec
from conftest import REPO, needs_fixtures


def test_the_package_carries_its_native_library():
    from codec import _native
    library = _native._library.path
    assert library.is_file() and library.parent.name == "_lib"
    assert Path(codec.__file__).parent == library.parent.parent
    # The package's version is the library's, which is the repository's (Directory.Build.props).
    import re
    pyproject = re.search(r'^version = "([^"]+)"', (REPO / "python" / "pyproject.toml").read_text(encoding="utf-8"), re.M).group(1)
    assert codec.__version__ == pyproject


def test_importing_codec_does_not_import_torch():
    done = subprocess.run([sys.executable, "-c", "import codec, sys; codec.validate; print('torch' in sys.modules)"],
                          capture_output=True, text=True, cwd=Path(__file__).parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_view_classes_are_the_views_files():
    import json
    for format_id, folder, name in (("synthesis.info", "info", "info.views.codec.json"), ("synthesis.metadata", "metadata", "metadata.views.codec.json")):
        views = json.loads((REPO / "schemas" / "synthesis" / folder / name).read_text(encoding="utf-8"))
        classes = codec.formats[format_id].classes
        assert set(classes) == set(views["views"])
        for view, spec in views["views"].items():
            assert list(classes[view]._members) == list(spec["members"]), view
            assert classes[view].__doc__.startswith(spec["description"])


def test_a_mesh_that_does_not_decode(tmp_path):
    folder = tmp_path / "job"
    shutil.copytree(needs_fixtures() / "synthesis" / "humans-1.5", folder)
    (folder / "24.sai_dense.obj").write_bytes(b"v 1 2\nf 1 2 99999999999\n")
    output = codec.open(folder)
    with pytest.raises(codec.CodecError) as raised:
        output["24"].mesh("sai_dense")
    assert raised.value.findings
    assert output["24"].mesh("mediapipe_dense").vertices.shape == (468, 3)
