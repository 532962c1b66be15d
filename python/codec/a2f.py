"""NVIDIA Audio2Face-3D training datasets: shots with their audio and caches, the neutral, vertex lists, blendshapes."""

from __future__ import annotations

from typing import Iterator, Optional

import numpy as np

from . import _native
from ._opened import Opened


class Shot:
    """One shot: its speech (``audio()``), augmented voices (``audio(voice)``) and skin and tongue caches (``cache()``)."""

    def __init__(self, dataset: "A2fDataset", index: int, listing: dict):
        self._dataset = dataset
        self._index = index
        self.name: str = listing["name"]
        self.audio_path: Optional[str] = listing["audio"]
        self.cache_path: Optional[str] = listing["cache"]
        self.tongue_cache_path: Optional[str] = listing["tongue_cache"]
        #: The shot's files, by their path in the dataset.
        self.files: list = listing["files"]

    def __repr__(self) -> str:
        return f"Shot({self.name!r})"

    def __reduce__(self):
        return (_shot_of, (self._dataset, self._index))

    def audio(self, voice: Optional[str] = None, as_float: bool = False) -> tuple:
        """``(samples, sample_rate)``: samples ``(frames, channels)`` as stored (int16 for PCM16), or float32 in [-1, 1) with ``as_float``."""
        request = {"op": "audio", "shot": self._index, "as_float": as_float}
        if voice is not None:
            request["voice"] = voice
        samples, meta = _native.read(self._dataset._handle_open(), **request)
        return samples, meta["sample_rate"]

    def cache(self, tongue: bool = False) -> np.ndarray:
        """The skin (or tongue) cache, whatever its format (.npy, .pc2, Maya): ``(frames, vertices, 3)`` float32."""
        return self.cache_with_fps(tongue)[0]

    def cache_with_fps(self, tongue: bool = False) -> tuple:
        """``(frames, fps)``: the cache and the frame rate it declares (``None`` for .npy and .pc2, which declare none)."""
        positions, meta = _native.read(self._dataset._handle_open(), op="cache", shot=self._index, tongue=tongue)
        return positions, meta["fps"]


def _shot_of(dataset: "A2fDataset", index: int) -> Shot:
    return dataset.shots[index]


class A2fDataset(Opened):
    """An Audio2Face-3D training dataset, opened for reading (``codec.open``). Files are only read."""

    kind = "a2f"

    def _load(self, listing: dict) -> None:
        self.path: str = listing["path"]
        #: The augmented voices (``audio/aug/<voice>``).
        self.voices: list = listing["voices"]
        #: Every file the dataset contract claims, by its path in the dataset.
        self.files: list = listing["files"]
        self.shots: list = [Shot(self, i, s) for i, s in enumerate(listing["shots"])]
        self._by_name = {s.name: s for s in self.shots}

    def __len__(self) -> int:
        return len(self.shots)

    def __iter__(self) -> Iterator[Shot]:
        return iter(self.shots)

    def __getitem__(self, key) -> Shot:
        if isinstance(key, str):
            if key not in self._by_name:
                raise KeyError(f"{self.path} has no shot {key}")
            return self._by_name[key]
        return self.shots[key]

    def neutral(self, tongue: bool = False) -> np.ndarray:
        """The training neutral: ``(V, 3)`` float32 (skin), or the tongue's."""
        return _native.read(self._handle_open(), op="neutral", tongue=tongue)[0]

    def vertex_list(self, path: str) -> dict:
        """A vertex list by its path in the dataset (``geom/skin/lip_dist_vertex_list.json``): groups of indices by where the dataset's schema declares them (``upper``, ``upper_lip/top``; ``""`` for a plain list)."""
        groups = _native.query(self._handle_open(), op="vertex_list", path=path)
        return {name: np.array(indices, dtype=np.int64) for name, indices in groups.items()}

    def blendshape_names(self, tongue: bool = False) -> list:
        """The arrays of the skin (or tongue) blendshape archive."""
        return _native.query(self._handle_open(), op="blendshape_names", tongue=tongue)

    def blendshape(self, name: str, tongue: bool = False) -> np.ndarray:
        """One array of the blendshape archive, in the type and shape it is stored."""
        return _native.read(self._handle_open(), op="blendshape", tongue=tongue, name=name)[0]

    def blendshapes(self, tongue: bool = False) -> dict:
        """Every array of the blendshape archive, by name."""
        return {name: self.blendshape(name, tongue) for name in self.blendshape_names(tongue)}

    def __repr__(self) -> str:
        return f"A2fDataset({self.path!r}, {len(self.shots)} shots)"
