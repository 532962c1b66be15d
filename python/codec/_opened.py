"""What an open output folder and an open dataset share: their handle in the native library, and its lifetime."""

from __future__ import annotations

import os

from . import _native
from .findings import CodecError


class Opened:
    """A folder or dataset held open by the native library (``codec.open``); closed by ``close()``, ``with`` or collection.

    Pickled as its path, so that a data loader's spawned workers reopen it; a forked worker reopens it too, in its own
    load of the library (see ``_native._Library``).
    """

    kind = ""
    path: str = ""

    def __init__(self, path: str | os.PathLike):
        self._adopt(*_native.open_handle(path))

    def _adopt(self, handle: int, listing: dict) -> None:
        self._handle = handle
        self._generation = _native.generation()
        if listing["kind"] != self.kind:
            self.close()
            other = "an Audio2Face-3D dataset" if listing["kind"] == "a2f" else "a Synthesis output folder"
            raise CodecError(f"{listing['path']} is {other}: open it with codec.open")
        self._load(listing)

    def _load(self, listing: dict) -> None:
        raise NotImplementedError

    def _handle_open(self) -> int:
        if self._handle == 0:
            raise CodecError(f"{self.path} is closed")
        generation = _native.generation()
        if generation != self._generation:
            self._handle, _ = _native.open_handle(self.path)
            self._generation = generation
        return self._handle

    def close(self) -> None:
        if getattr(self, "_handle", 0):
            _native.close(self._handle, self._generation)
            self._handle = 0

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __getstate__(self):
        return {"path": self.path}

    def __setstate__(self, state):
        self.__init__(state["path"])
