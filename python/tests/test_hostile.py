"""Hostile files through every entry point: an exception that carries the finding, never a crash of the interpreter."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import codec
from conftest import SAMPLES, needs_fixtures

LFS_POINTER = b"version https://git-lfs.github.com/spec/v1\noid sha256:" + b"0" * 64 + b"\nsize 123456\n"


@pytest.fixture()
def damaged(tmp_path: Path) -> Path:
    """A real output with every file of render 1 damaged in its own way."""
    folder = tmp_path / "job"
    shutil.copytree(needs_fixtures() / "synthesis" / "face-api-1.2-modalities", folder)
    render = sorted(p for p in folder.glob("1.*"))
    for path in render:
        data = path.read_bytes()
        if path.name.endswith(".png"):
            path.write_bytes(data[: len(data) // 3])  # truncated
        elif path.name.endswith(".tif"):
            path.write_bytes(data[:8] + b"\xff" * 64)  # an IFD offset past the end
        elif path.name.endswith(".info.json"):
            path.write_bytes(LFS_POINTER)
    return folder


def test_damaged_files_raise_with_their_findings(damaged):
    output = codec.open(damaged)
    render = output["1"]
    assert render.info is None  # an LFS pointer is no info.json: the view is absent, the reason in its findings
    assert render.info_answer["findings"]
    readers = [(n, render.mask if spec["kind"] == "mask" else render.image) for n, spec in output.contract.items()
               if spec["kind"] in ("mask", "image") and render.has(n)]
    assert len(readers) == 5
    for name, read in readers:
        with pytest.raises(codec.CodecError) as raised:
            read(name)
        assert raised.value.findings and raised.value.kind == "usage", name
        assert all(Path(f.file).name.startswith("1.") for f in raised.value.findings)
    report = codec.validate(damaged)
    assert report.errors > 0


def test_requests_the_folder_cannot_answer(tmp_path):
    output = codec.open(SAMPLES / "synthesis" / "info-1.5")
    with pytest.raises(codec.CodecError, match="no depth file|has no depth"):
        output[0].image("depth")
    with pytest.raises(codec.CodecError, match="no image named"):
        output[0].image("no-such-modality")
    with pytest.raises(codec.CodecError, match="no mesh named"):
        output[0].mesh("rgb")
    with pytest.raises(KeyError):
        output["99999"]
    with pytest.raises(codec.CodecError, match="neither"):
        codec.open(tmp_path)
    with pytest.raises(codec.CodecError, match="no such folder"):
        codec.open(tmp_path / "absent")
    with pytest.raises(codec.CodecError, match="is a file"):
        codec.open(SAMPLES / "synthesis" / "info-1.5" / "metadata.jsonl")
    with pytest.raises(codec.CodecError, match="dataset"):
        codec.SynthesisOutput(SAMPLES / "a2f")


def test_special_files_and_links_are_refused_not_read(tmp_path):
    folder = tmp_path / "job"
    shutil.copytree(needs_fixtures() / "synthesis" / "face-api-1.2-modalities", folder)
    mask = folder / "0.segments.png"
    mask.unlink()
    os.mkfifo(mask)  # a FIFO where a mask was: reading it would block forever
    output = codec.open(folder)
    with pytest.raises(codec.CodecError):
        output[0].mask()
    outside = tmp_path / "outside.png"
    shutil.copy(folder / "1.segments.png", outside)
    link = folder / "1.segments.png"
    link.unlink()
    link.symlink_to(outside)
    report = codec.validate(folder)
    assert report.files > 0


def test_hostile_dataset_files(tmp_path):
    root = tmp_path / "a2f"
    shutil.copytree(SAMPLES / "a2f", root)
    for wav in (root / "audio").glob("*.wav"):
        wav.write_bytes(b"RIFF\xff\xff\xff\x7fWAVEfmt \x10\x00\x00\x00" + b"\x00" * 8)
    for npy in (root / "cache" / "skin").rglob("*.npy"):
        npy.write_bytes(b"\x93NUMPY\x01\x00\x76\x00{'descr': '<f4', 'fortran_order': False, 'shape': (999999999999, 40, 3), }" + b" " * 40 + b"\n")
    (root / "geom" / "skin" / "neutral_pose.npy").write_bytes(LFS_POINTER)
    dataset = codec.open(root)
    for shot in dataset:
        with pytest.raises(codec.CodecError):
            shot.audio()
    npy_shot = next(s for s in dataset if s.cache_path.endswith(".npy"))
    with pytest.raises(codec.CodecError) as raised:
        npy_shot.cache()
    assert raised.value.findings
    with pytest.raises(codec.CodecError):
        dataset.neutral()
    with pytest.raises(codec.CodecError, match="no array"):
        dataset.blendshape("no-such-array")
    with pytest.raises(codec.CodecError):
        dataset.vertex_list("geom/skin/not-there.json")
    assert codec.validate(root).errors > 0


def test_bad_requests_at_the_native_boundary():
    from codec import _native
    handle, _ = _native.open_handle(SAMPLES / "synthesis" / "info-1.5")
    for request in ({"op": "image"}, {"op": "image", "render": -1, "name": "rgb"}, {"op": "image", "render": 10**12, "name": "rgb"},
                    {"op": "nothing", "render": 0}, {}, {"op": "mesh", "render": 0, "name": "sai_dense", "part": "?"}):
        with pytest.raises(codec.CodecError):
            _native.read(handle, **request)
    _native.close(handle, _native.generation())
    with pytest.raises(codec.CodecError, match="no open"):
        _native.query(handle, op="info", render=0)
    with pytest.raises(codec.CodecError):
        _native.validate(["--sarif"])
