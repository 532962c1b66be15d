"""Codec for Python: Synthesis AI Human API outputs and NVIDIA Audio2Face-3D training datasets, checked and read by
Codec's native decoders.

    import codec
    report = codec.validate("job/")                  # the same findings as `codec validate`
    for output in codec.open_all("job/"):            # every output folder and dataset below job/
        for render in output:                        # (shots, for a dataset)
            depth = render.image("depth")            # a NumPy array, in the type the file holds

``codec.torch`` has PyTorch datasets (importing ``codec`` does not import torch).
"""

from __future__ import annotations

import os
from typing import Union

from . import _native
from .a2f import A2fDataset, Shot
from .findings import CodecError, Finding
from .report import Report, validate
from .synthesis import Mesh, Render, SynthesisOutput
from .views import formats, library_version

__version__ = library_version

__all__ = ["validate", "open", "open_all", "Report", "Finding", "CodecError", "SynthesisOutput", "Render", "Mesh",
           "A2fDataset", "Shot", "formats", "__version__"]


def open(path: Union[str, os.PathLike]) -> Union[SynthesisOutput, A2fDataset]:
    """Opens a Synthesis output folder (a metadata.jsonl or info.json files) or an Audio2Face-3D dataset, as it is."""
    handle, listing = _native.open_handle(path)
    kind = A2fDataset if listing["kind"] == A2fDataset.kind else SynthesisOutput
    opened = kind.__new__(kind)
    opened._adopt(handle, listing)
    return opened


def open_all(root: Union[str, os.PathLike]) -> list:
    """Every Synthesis output folder and Audio2Face-3D dataset at or below ``root``, as ``codec validate`` finds them, opened."""
    return [A2fDataset(u["path"]) if u["kind"] == "a2f" else SynthesisOutput(u["path"]) for u in _native.find(root)]
