"""Synthesis AI Human API output folders: renders as the CLI names them, their views, their files as NumPy arrays."""

from __future__ import annotations

from collections import OrderedDict
from functools import cached_property
from typing import Iterator, Optional

import numpy as np

from . import _native
from ._opened import Opened
from .views import formats


class Mesh:
    """A dense mesh: ``vertices`` ``(V, 3)`` float64, and its faces: ``faces`` ``(F, 3)`` int32 when every face is a
    triangle (else ``None``), ``indices`` and ``face_starts`` always (face ``i`` is ``indices[face_starts[i]:face_starts[i+1]]``)."""

    __slots__ = ("vertices", "indices", "face_starts", "faces")

    def __init__(self, vertices: np.ndarray, indices: np.ndarray, face_starts: np.ndarray):
        self.vertices = vertices
        self.indices = indices
        self.face_starts = face_starts
        sizes = np.diff(face_starts)
        self.faces = indices.reshape(-1, 3) if sizes.size and np.all(sizes == 3) else None

    def __repr__(self) -> str:
        return f"Mesh({len(self.vertices)} vertices, {len(self.face_starts) - 1} faces)"


class Render:
    """One render of an output folder: ``24`` or ``0.cam_default.f_1``, with its files by suffix.

    ``info`` and ``metadata`` are the render's info.json and metadata.jsonl line read through their views (any
    version; ``None`` when absent); ``image``, ``mask``, ``mesh`` and ``exr`` decode a file into arrays in the type the
    file holds.
    """

    def __init__(self, output: "SynthesisOutput", index: int, listing: dict):
        self._output = output
        self._index = index
        self.name: str = listing["name"]
        self.render_id: int = listing["render_id"]
        self.camera: Optional[str] = listing["camera"]
        self.frame: Optional[int] = listing["frame"]
        #: The render's files: ``{"info.json": path, "rgb.png": path, ...}``.
        self.files: dict = listing["files"]

    def __repr__(self) -> str:
        return f"Render({self.name!r}, {len(self.files)} files)"

    # Pickled by place, so that a data loader's spawned workers reopen the folder themselves.
    def __reduce__(self):
        return (_render_of, (self._output, self._index))

    def _query(self, op: str) -> dict:
        return _native.query(self._output._handle_open(), op=op, render=self._index)

    @cached_property
    def info_answer(self) -> dict:
        """The info.json as read: ``declared_version``, ``schema_version``, the view's values and decoding findings."""
        return self._query("info")

    @cached_property
    def info(self):
        """The info.json's view (camera, landmarks, pupils, gaze, head, identity, face, mappings); ``None`` without one."""
        return formats["synthesis.info"].build(self.info_answer["view"])

    @property
    def version(self) -> Optional[str]:
        """The version the info.json declares (``"1.5"``), or ``None`` when it declares none or the render has none."""
        return self.info_answer["declared_version"]

    @cached_property
    def metadata(self):
        """The render's metadata.jsonl line through its view, or ``None`` when the folder has no line for it."""
        return formats["synthesis.metadata"].build(self._query("metadata")["view"])

    def image(self, name: str) -> np.ndarray:
        """An image (``rgb``, ``depth``, ``normals``, ``alpha``; PNG or TIFF): ``(H, W)`` or ``(H, W, C)``, its own dtype."""
        return _native.read(self._output._handle_open(), op="image", render=self._index, name=name)[0]

    def mask(self, name: Optional[str] = None) -> np.ndarray:
        """A segmentation mask (``segments`` unless named, e.g. ``clothing_segments``): ``(H, W)`` labels, uint8 or uint16 as stored."""
        request = {"op": "mask", "render": self._index}
        if name is not None:
            request["name"] = name
        return _native.read(self._output._handle_open(), **request)[0]

    def mesh(self, name: str) -> Mesh:
        """A dense mesh (``sai_dense``, ``mediapipe_dense``)."""
        handle = self._output._handle_open()
        parts = [_native.read(handle, op="mesh", render=self._index, name=name, part=p)[0] for p in ("vertices", "indices", "face_starts")]
        return Mesh(*parts)

    def exr(self, channel: Optional[str] = None):
        """The render's EXR: one channel (``"Z"``) as ``(H, W)``, or without a name every channel by name."""
        handle = self._output._handle_open()
        if channel is not None:
            return _native.read(handle, op="exr", render=self._index, name=channel)[0]
        return {c: _native.read(handle, op="exr", render=self._index, name=c)[0] for c in _native.query(handle, op="exr_channels", render=self._index)}

    def has(self, name: str) -> bool:
        """True when the render has the file the render contract names ``name`` (``rgb``, ``segments``, ``info``)."""
        spec = self._output.contract.get(name)
        return spec is not None and any(s in self.files for s in spec["suffixes"])


def _render_of(output: "SynthesisOutput", index: int) -> Render:
    return output.renders[index]


class SynthesisOutput(Opened):
    """A Synthesis AI Human API output folder, opened for reading (``codec.open``). Files are only read.

    ``renders`` are ordered by render id, camera and frame; ``by_scene()``, ``by_camera()`` and ``by_frame()`` group them
    as the synthesisai loader does. ``output["24"]`` finds a render by name.
    """

    kind = "synthesis"

    def _load(self, listing: dict) -> None:
        self.path: str = listing["path"]
        self.metadata_path: Optional[str] = listing["metadata"]
        #: What a render's files are, by name: ``{"rgb": {"kind": "image", "suffixes": [...], "description": ...}}``.
        self.contract: dict = OrderedDict((f["name"], f) for f in listing["contract"])
        self.renders: list = [Render(self, i, r) for i, r in enumerate(listing["renders"])]
        self.other_files: list = listing["other_files"]
        self._by_name = {r.name: r for r in self.renders}

    def __len__(self) -> int:
        return len(self.renders)

    def __iter__(self) -> Iterator[Render]:
        return iter(self.renders)

    def __getitem__(self, key) -> Render:
        if isinstance(key, str):
            if key not in self._by_name:
                raise KeyError(f"{self.path} has no render {key}")
            return self._by_name[key]
        return self.renders[key]

    def find(self, render_id: int, camera: Optional[str] = None, frame: Optional[int] = None) -> Optional[Render]:
        """The render with this id, camera and frame (camera and frame ``None`` for files named ``N.*``)."""
        return next((r for r in self.renders if (r.render_id, r.camera, r.frame) == (render_id, camera, frame)), None)

    def by_scene(self) -> dict:
        """Renders by render id (one scene: every camera and frame of it)."""
        return _group(self.renders, lambda r: r.render_id)

    def by_camera(self) -> dict:
        """Renders by camera name (``None`` for renders named ``N.*``)."""
        return _group(self.renders, lambda r: r.camera)

    def by_frame(self) -> dict:
        """Renders by frame number (``None`` for renders named ``N.*``)."""
        return _group(self.renders, lambda r: r.frame)

    def __repr__(self) -> str:
        return f"SynthesisOutput({self.path!r}, {len(self.renders)} renders)"


def _group(renders: list, key) -> dict:
    groups: dict = OrderedDict()
    for render in renders:
        groups.setdefault(key(render), []).append(render)
    return groups
