"""PyTorch data loaders whose workers fork or spawn, and threads sharing one folder."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import codec
from conftest import SAMPLES, needs_fixtures

torch = pytest.importorskip("torch")
from torch.utils.data import DataLoader  # noqa: E402

import codec.torch  # noqa: E402


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_two_workers_deliver_every_render(start):
    renders = codec.torch.SynthesisDataset(SAMPLES)
    # A parallel run first: the library's worker threads exist when the data loader forks.
    codec.validate(SAMPLES, jobs=2)
    loader = DataLoader(renders, batch_size=2, num_workers=2, collate_fn=codec.torch.collate, multiprocessing_context=start)
    names = [name for batch in loader for name in batch["name"]]
    assert sorted(names) == sorted(r.name for o in renders.outputs for r in o)
    assert len(names) == len(renders)


def test_items_are_tensors_of_the_files():
    renders = codec.torch.SynthesisDataset(needs_fixtures() / "synthesis" / "face-api-1.2-modalities")
    item = renders[0]
    assert item["rgb"].dtype == torch.uint8 and item["rgb"].shape[2] == 3
    assert item["segments"].dtype == torch.int32  # 16-bit labels widened: torch has no uint16
    assert item["depth"].dtype == torch.float16
    assert item["intrinsics"].shape == (3, 3) and item["ibug68"].shape == (68, 2)
    batch = codec.torch.collate([renders[0], renders[1]])
    assert batch["rgb"].shape[0] == 2 and batch["name"] == [renders[0]["name"], renders[1]["name"]]


def test_a2f_items():
    shots = codec.torch.A2fDataset(SAMPLES)
    assert len(shots) == 3
    item = shots[0]
    assert item["audio"].dtype == torch.float32 and item["skin"].ndim == 3 and item["sample_rate"] > 0
    loader = DataLoader(shots, batch_size=1, num_workers=2, collate_fn=codec.torch.collate)
    assert sum(1 for _ in loader) == 3


def test_threads_read_one_folder_at_once():
    output = codec.open(needs_fixtures() / "synthesis" / "face-api-1.2-modalities")
    expected = [output[i].image("depth").copy() for i in range(len(output))]

    def read(i):
        return output[i % len(output)].image("depth")

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(read, range(4 * len(output))))
    for i, depth in enumerate(results):
        np.testing.assert_array_equal(depth, expected[i % len(output)])


def test_a_forked_child_reads_with_a_fresh_library():
    output = codec.open(needs_fixtures() / "synthesis" / "face-api-1.2-modalities")
    before = output[0].mask()
    codec.validate(SAMPLES, jobs=2)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            again = output[0].mask()
            report = codec.validate(SAMPLES, jobs=2)
            code = 0 if np.array_equal(again, before) and report.files > 0 and int(before.max()) >= 0 else 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert np.array_equal(output[0].mask(), before)
