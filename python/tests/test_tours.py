"""The README's Python tours, run as a user runs them, their lines checked against the files read by other tools."""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from conftest import SAMPLES, readme_block, needs_fixtures


def run_tour(tmp_path: Path, block: str, folder: Path) -> list[list[str]]:
    script = tmp_path / "tour.py"
    script.write_text(block, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(folder)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return [line.split("\t") for line in done.stdout.splitlines()]


def info_point_30(info_path: Path) -> tuple[float, float]:
    """iBUG point 30's screen position, read with json as a user's own script would (every version's layout)."""
    info = json.loads(info_path.read_text(encoding="utf-8"))
    points = info["landmarks"] if isinstance(info["landmarks"], list) else info["landmarks"]["ibug68"]
    point = next(p for p in points if p.get("id", p.get("ptnum")) == 30)
    return tuple(point["screen_space_pos"])


def depth_by_libtiff(path: Path, tmp_path: Path) -> np.ndarray:
    """A TIFF as libtiff decodes it: tiffcp writes it uncompressed, which tifffile reads without a codec of its own."""
    tifffile = pytest.importorskip("tifffile")
    plain = tmp_path / (path.stem + ".plain.tif")
    if subprocess.run(["tiffcp", "-c", "none", str(path), str(plain)], capture_output=True).returncode != 0:
        pytest.skip("libtiff's tiffcp is not installed (Debian: libtiff-tools)")
    return tifffile.imread(plain)


@pytest.mark.parametrize("where", ["samples", "fixtures"])
def test_python_tour_prints_every_render_and_shot_as_other_readers_read_them(tmp_path, where):
    folder = SAMPLES if where == "samples" else needs_fixtures()
    lines = run_tour(tmp_path, readme_block("python", "# python-tour"), folder)
    renders = [line for line in lines if line[0] == "render"]
    shots = [line for line in lines if line[0] == "shot"]
    assert all(line[0] in ("render", "shot") for line in lines)
    expected = sorted(p for p in folder.rglob("*.info.json"))
    assert len(renders) == len(expected)
    seen = set()
    for line in renders:
        assert len(line) == 8, line
        _, name, version, x, y, fx, size, depth_max = line
        matches = [p for p in expected if p.name == name + ".info.json" and p not in seen]
        info_path = matches[0]
        seen.add(info_path)
        info = json.loads(info_path.read_text(encoding="utf-8"))
        assert version == str(info.get("version", "none"))
        assert (float(x), float(y)) == info_point_30(info_path)
        assert float(fx) == info["camera"]["intrinsics"][0][0]
        depth = info_path.with_name(name + ".depth.tif")
        if depth.exists():
            pixels = depth_by_libtiff(depth, tmp_path)
            assert size == f"{pixels.shape[0]}x{pixels.shape[1]}"
            assert float(depth_max) == float(pixels.max())
        else:
            assert size == depth_max == "-"
    datasets = [p.parent for p in folder.rglob("audio") if (p.parent / "cache").is_dir()]
    expected_shots = sorted({w.stem for d in datasets for w in (d / "audio").glob("*.wav")})
    assert sorted(line[1] for line in shots) == expected_shots
    for _, name, frames, vertices, samples in shots:
        wav = next(d / "audio" / (name + ".wav") for d in datasets if (d / "audio" / (name + ".wav")).exists())
        with wave.open(str(wav)) as w:
            assert int(samples) == w.getnframes()
        assert int(frames) > 0 and int(vertices) > 0


def test_torch_tour_counts_the_batches_of_two_workers(tmp_path):
    pytest.importorskip("torch")
    lines = run_tour(tmp_path, readme_block("python", "# torch-tour"), SAMPLES)
    import codec.torch
    renders = len(codec.torch.SynthesisDataset(SAMPLES))
    assert renders > 0
    assert lines == [[str(-(-renders // 4))]]
