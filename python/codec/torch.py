"""PyTorch datasets over Synthesis outputs and Audio2Face-3D datasets (map-style, usable with ``DataLoader(num_workers=N)``).

Workers started by fork share the opened folders; workers started by spawn reopen them (outputs pickle as their path).
Images whose dtype torch lacks (uint16, uint32) become int32 and int64 tensors.
"""

from __future__ import annotations

import os
from typing import Callable, Iterable, Optional, Union

import numpy as np
import torch
from torch.utils.data import Dataset

from . import open_all
from .a2f import A2fDataset as _A2fData
from .synthesis import SynthesisOutput

PathLike = Union[str, os.PathLike]

#: The files a Synthesis item carries by default, by their names in the render contract.
DEFAULT_MODALITIES = ("rgb", "segments", "depth", "normals", "alpha")


def tensor(array: np.ndarray) -> torch.Tensor:
    """A NumPy array as a tensor without a copy where torch has its dtype (uint16 and uint32 are widened)."""
    if array.dtype == np.uint16:
        array = array.astype(np.int32)
    elif array.dtype == np.uint32:
        array = array.astype(np.int64)
    elif not array.dtype.isnative:
        array = array.astype(array.dtype.newbyteorder("="))
    return torch.from_numpy(array)


def collate(batch: list) -> dict:
    """Stacks what has one shape across the batch, and keeps everything else (other shapes, names, None) as lists."""
    out: dict = {}
    for key in batch[0].keys():
        values = [item.get(key) for item in batch]
        if all(isinstance(v, torch.Tensor) for v in values) and len({tuple(v.shape) for v in values}) == 1:
            out[key] = torch.stack(values)
        else:
            out[key] = values
    return out


class SynthesisDataset(Dataset):
    """Every render of the output folders at or below ``root`` (or of the outputs given).

    An item is a dict: ``name``, ``render_id``, ``camera``, ``frame``, each modality the render has (tensors in the
    file's dtype; a mask's labels as ``segments``), and from its info.json ``intrinsics`` ``(3, 3)`` and ``ibug68``
    ``(68, 2)`` screen positions where present. ``transform`` is applied to the dict.
    """

    def __init__(self, root: Union[PathLike, Iterable[SynthesisOutput]], modalities: Iterable[str] = DEFAULT_MODALITIES,
                 transform: Optional[Callable[[dict], dict]] = None):
        outputs = open_all(root) if isinstance(root, (str, os.PathLike)) else list(root)
        self.outputs = [o for o in outputs if isinstance(o, SynthesisOutput)]
        self.modalities = tuple(modalities)
        self.transform = transform
        self._items = [(o, i) for o in self.outputs for i in range(len(o))]

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> dict:
        output, position = self._items[index]
        render = output.renders[position]
        item: dict = {"name": render.name, "render_id": render.render_id, "camera": render.camera, "frame": render.frame}
        for name in self.modalities:
            spec = output.contract.get(name)
            if spec is None or not render.has(name):
                continue
            item[name] = tensor(render.mask(name) if spec["kind"] == "mask" else render.image(name))
        info = render.info
        if info is not None:
            if info.camera is not None and info.camera.intrinsics is not None:
                item["intrinsics"] = torch.from_numpy(info.camera.intrinsics)
            if info.landmarks is not None and info.landmarks.ibug68 is not None:
                item["ibug68"] = torch.from_numpy(info.landmarks.ibug68.screen_space_pos)
        return self.transform(item) if self.transform else item


class A2fDataset(Dataset):
    """Every shot of the Audio2Face-3D datasets at or below ``root``: ``name``, ``audio`` ``(samples, channels)``
    float32 in [-1, 1), ``sample_rate``, ``skin`` ``(frames, vertices, 3)`` float32 and ``fps`` (None where undeclared),
    and ``tongue`` where the shot has a tongue cache. ``voice`` reads an augmented voice instead of the speech."""

    def __init__(self, root: Union[PathLike, Iterable[_A2fData]], voice: Optional[str] = None,
                 transform: Optional[Callable[[dict], dict]] = None):
        datasets = open_all(root) if isinstance(root, (str, os.PathLike)) else list(root)
        self.datasets = [d for d in datasets if isinstance(d, _A2fData)]
        self.voice = voice
        self.transform = transform
        self._items = [s for d in self.datasets for s in d.shots]

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> dict:
        shot = self._items[index]
        samples, rate = shot.audio(self.voice, as_float=True)
        skin, fps = shot.cache_with_fps()
        item = {"name": shot.name, "audio": torch.from_numpy(samples), "sample_rate": rate, "skin": torch.from_numpy(skin), "fps": fps}
        if shot.tongue_cache_path is not None:
            item["tongue"] = torch.from_numpy(shot.cache(tongue=True))
        return self.transform(item) if self.transform else item
