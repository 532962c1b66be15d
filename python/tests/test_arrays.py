"""Arrays equal to what NumPy, libtiff, OpenCV and wave read from the same files, in the type the file holds."""

from __future__ import annotations

import json
import shutil
import wave
from pathlib import Path

import numpy as np
import pytest

import codec
from conftest import SAMPLES, needs_fixtures
from test_tours import depth_by_libtiff


def synthesis_outputs(folder: Path) -> list:
    return [o for o in codec.open_all(folder) if o.kind == "synthesis"]


def test_images_and_masks_equal_opencv_and_libtiff(tmp_path):
    cv2 = pytest.importorskip("cv2")
    outputs = synthesis_outputs(needs_fixtures() / "synthesis")
    compared = 0
    for output in outputs:
        for render in output:
            for suffix, path in render.files.items():
                if suffix.endswith(".png"):
                    name = suffix[: -len(".png")]
                    kind = output.contract[name]["kind"] if name in output.contract else None
                    ours = render.mask(name) if kind == "mask" else render.image(name)
                    theirs = cv2.imread(path, cv2.IMREAD_UNCHANGED)
                    if theirs.ndim == 3:
                        theirs = theirs[:, :, ::-1]  # OpenCV reads BGR
                    assert ours.dtype == theirs.dtype, path
                    np.testing.assert_array_equal(ours, theirs, err_msg=path)
                    compared += 1
                elif suffix.endswith(".tif"):
                    ours = render.image(suffix[: -len(".tif")])
                    theirs = depth_by_libtiff(Path(path), tmp_path)
                    assert ours.dtype == theirs.dtype, path
                    np.testing.assert_array_equal(ours, theirs, err_msg=path)
                    compared += 1
    assert compared >= 60


def test_meshes_equal_a_plain_obj_parse():
    output = codec.open(needs_fixtures() / "synthesis" / "humans-1.5")
    for name in ("sai_dense", "mediapipe_dense"):
        mesh = output["24"].mesh(name)
        path = output["24"].files[name + ".obj"]
        vertices = np.array([[float(v) for v in line.split()[1:4]] for line in open(path) if line.startswith("v ")])
        np.testing.assert_array_equal(mesh.vertices, vertices)
        faces = [line.split()[1:] for line in open(path) if line.startswith("f ")]
        assert len(mesh.face_starts) - 1 == len(faces)
        first = [int(v.split("/")[0]) - 1 for v in faces[0]]
        assert mesh.indices[mesh.face_starts[0]:mesh.face_starts[1]].tolist() == first


def test_views_hold_the_files_values():
    output = codec.open(needs_fixtures() / "synthesis" / "humans-1.5")
    render = output["24"]
    raw = json.loads(Path(render.files["info.json"]).read_text(encoding="utf-8"))
    info = render.info
    np.testing.assert_array_equal(info.camera.intrinsics, np.array(raw["camera"]["intrinsics"]))
    assert info.landmarks.ibug68.screen_space_pos.shape == (68, 2)
    assert info.landmarks.kinect_v2.camera_space_pos.shape[1] == 3
    assert info.identity.id == 24
    assert render.version == "1.5"
    assert info.segments_mapping == raw["segments_mapping"] if "segments_mapping" in raw else True
    # Every member of the views file is an attribute, None where the version lacks it.
    for view in codec.formats["synthesis.info"].classes.values():
        assert set(view.__slots__) == set(view._members)
    old = codec.open(needs_fixtures() / "synthesis" / "faces-1.1")["188"].info
    assert old.landmarks.kinect_v2 is None and old.z_min is not None


def test_grouping_as_the_vendor_loader_groups():
    output = codec.open(SAMPLES / "synthesis" / "info-1.5")
    assert sum(len(v) for v in output.by_scene().values()) == len(output)
    assert sum(len(v) for v in output.by_camera().values()) == sum(len(v) for v in output.by_frame().values()) == len(output)
    assert output.find(output[0].render_id, output[0].camera, output[0].frame) is output[0]


def test_audio_caches_and_the_neutral_equal_wave_and_numpy():
    dataset = next(o for o in codec.open_all(SAMPLES) if o.kind == "a2f")
    assert len(dataset) == 3
    for shot in dataset:
        samples, rate = shot.audio()
        with wave.open(shot.audio_path) as w:
            assert rate == w.getframerate()
            expected = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").reshape(-1, w.getnchannels())
        assert samples.dtype == np.int16
        np.testing.assert_array_equal(samples, expected)
        floats, _ = shot.audio(as_float=True)
        np.testing.assert_array_equal(floats, expected.astype(np.float32) / 32768)
        frames = shot.cache()
        assert frames.dtype == np.float32 and frames.ndim == 3 and frames.shape[2] == 3
        if shot.cache_path.endswith(".npy"):
            np.testing.assert_array_equal(frames, np.load(shot.cache_path))
    neutral = dataset.neutral()
    np.testing.assert_array_equal(neutral, np.load(Path(dataset.path) / "geom" / "skin" / "neutral_pose.npy").astype(np.float32))
    archive = np.load(Path(dataset.path) / "bs_data" / "bs_skin.npz")
    assert sorted(dataset.blendshape_names()) == sorted(archive.files)
    for name, values in dataset.blendshapes().items():
        assert values.dtype == archive[name].dtype
        np.testing.assert_array_equal(values, archive[name])
    groups = dataset.vertex_list("geom/tongue/rigid_vertex_list.json")
    raw = json.loads((Path(dataset.path) / "geom" / "tongue" / "rigid_vertex_list.json").read_text())
    assert [g.tolist() for g in groups.values()] == ([raw] if isinstance(raw, list) else list(raw.values()))


def test_real_wav_files_as_stored():
    fixtures = needs_fixtures()
    import tempfile
    with tempfile.TemporaryDirectory() as work:
        root = Path(work) / "a2f"
        shutil.copytree(SAMPLES / "a2f", root)
        for wav in (root / "audio").glob("*.wav"):
            shutil.copy(fixtures / "a2f" / "wav" / "Claire_neutral.wav", wav)
        dataset = codec.open(root)
        samples, rate = dataset[0].audio()
        with wave.open(str(fixtures / "a2f" / "wav" / "Claire_neutral.wav")) as w:
            expected = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").reshape(-1, 1)
            assert rate == w.getframerate() == 16000
        np.testing.assert_array_equal(samples, expected)


def test_arrays_outlive_their_folder_and_are_not_copies():
    output = codec.open(needs_fixtures() / "synthesis" / "face-api-1.2-modalities")
    mask = output[0].mask()
    output.close()
    assert mask.base is not None and mask.flags.owndata is False
    assert int(mask.max()) >= 0
    with pytest.raises(codec.CodecError, match="closed"):
        output[0].mask()


@pytest.mark.parametrize("case", ["scanline_piz", "scanline_pxr24", "scanline_b44a", "tiled_zip", "wide_piz"])
def test_exr_channels_equal_what_openexr_reads(tmp_path, case):
    # tests/Fixtures/exr: EXRs written by the OpenEXR library, and the channels it reads back (make_pixels.cpp).
    exr_fixtures = Path(__file__).resolve().parents[2] / "tests" / "Fixtures" / "exr"
    folder = tmp_path / "job"
    folder.mkdir()
    shutil.copy(SAMPLES / "synthesis" / "info-1.5" / "0.info.json", folder / "0.info.json")
    shutil.copy(exr_fixtures / f"pixels.{case}.exr", folder / "0.exr")
    channels = codec.open(folder)[0].exr()
    assert list(channels) == ["B", "G", "R", "Z", "id"]
    height, width = channels["Z"].shape
    raw = (exr_fixtures / f"pixels.{case}.bin").read_bytes()
    offset = 0
    for name, dtype in (("B", "<f2"), ("G", "<f2"), ("R", "<f2"), ("Z", "<f4"), ("id", "<u4")):
        expected = np.frombuffer(raw, dtype=dtype, count=width * height, offset=offset).reshape(height, width)
        offset += expected.nbytes
        assert channels[name].dtype == expected.dtype, name
        np.testing.assert_array_equal(channels[name], expected, err_msg=name)
    assert offset == len(raw)
