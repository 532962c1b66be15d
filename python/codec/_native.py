"""The native library (libcodec, Codec's decoders compiled ahead of time) and its small C ABI.

Every call answers JSON; a failure is an answer too ({"error", "kind", "findings"}), raised here as CodecError.
Arrays come back pinned where the decoder wrote them and are wrapped by NumPy without a copy; the library lets go
of one when NumPy frees the array.
"""

from __future__ import annotations

import ast
import ctypes
import json
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import numpy as np

from .findings import CodecError

_LIBRARY_NAMES = {"linux": "libcodec.so", "darwin": "libcodec.dylib", "win32": "libcodec.dll"}


class _Array(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("bytes", ctypes.c_int64), ("token", ctypes.c_int64)]


def _library_path() -> Path:
    explicit = os.environ.get("CODEC_LIBRARY")
    if explicit:
        return Path(explicit)
    name = _LIBRARY_NAMES.get(sys.platform, "libcodec.so")
    return Path(__file__).resolve().parent / "_lib" / name


def _load(path: Path) -> ctypes.CDLL:
    lib = ctypes.CDLL(str(path))
    answer = ctypes.POINTER(ctypes.c_void_p)
    lib.codec_describe.argtypes = [answer]
    lib.codec_validate.argtypes = [ctypes.c_char_p, answer]
    lib.codec_find.argtypes = [ctypes.c_char_p, answer]
    lib.codec_open.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int64), answer]
    lib.codec_query.argtypes = [ctypes.c_int64, ctypes.c_char_p, answer]
    lib.codec_read.argtypes = [ctypes.c_int64, ctypes.c_char_p, ctypes.POINTER(_Array), answer]
    lib.codec_release.argtypes = [ctypes.c_int64]
    lib.codec_close.argtypes = [ctypes.c_int64]
    lib.codec_free.argtypes = [ctypes.c_void_p]
    for function in (lib.codec_describe, lib.codec_validate, lib.codec_find, lib.codec_open, lib.codec_query, lib.codec_read):
        function.restype = ctypes.c_int
    for function in (lib.codec_release, lib.codec_close, lib.codec_free):
        function.restype = None
    return lib


class _Library:
    """The loaded library, and which load it is.

    The .NET runtime inside libcodec cannot follow a fork: the child has only the forking thread, and the runtime's
    other threads (its GC's, its thread pool's) are gone. A forked child (a data loader's worker) therefore loads a
    fresh copy of the library on its first call, under another name so that the loader maps it anew, and leaves the
    inherited one untouched: handles from before the fork are reopened (``generation`` tells them apart), arrays from
    before the fork stay readable and are simply not released.
    """

    def __init__(self):
        self.path = _library_path()
        if not self.path.is_file():
            raise ImportError(f"codec's native library is missing at {self.path}; reinstall the package (README.md, section Python) "
                              "or point CODEC_LIBRARY at a libcodec built with dotnet publish src/Codec.Native")
        self.lib = _load(self.path)
        self.generation = 0
        self.stale = False
        self.lock = threading.Lock()

    def current(self) -> ctypes.CDLL:
        if self.stale:
            with self.lock:
                if self.stale:
                    self.lib = _load(self._fresh_copy())
                    self.generation += 1
                    self.stale = False
        return self.lib

    def _fresh_copy(self) -> str:
        data = self.path.read_bytes()
        if hasattr(os, "memfd_create"):
            fd = os.memfd_create("libcodec", 0)
            os.write(fd, data)
            return f"/proc/self/fd/{fd}"
        copy = tempfile.NamedTemporaryFile(prefix="libcodec-", suffix=self.path.suffix, delete=False)
        with copy:
            copy.write(data)
        return copy.name

    def forked(self) -> None:
        self.stale = True
        self.lock = threading.Lock()


_library = _Library()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_library.forked)


def generation() -> int:
    """Which load of the library is current in this process (it changes in a forked child on its first call)."""
    _library.current()
    return _library.generation


def _text(value: str | os.PathLike) -> bytes:
    # File names that are not UTF-8 reach the library as the file system gave them.
    return os.fsencode(value) if isinstance(value, os.PathLike) else value.encode("utf-8", "surrogateescape")


def _answered(status: int, answer: ctypes.c_void_p) -> Any:
    try:
        text = ctypes.string_at(answer.value) if answer.value else b"null"
    finally:
        if answer.value:
            _library.lib.codec_free(answer)
    value = json.loads(text)
    if status != 0:
        raise CodecError.from_answer(value)
    return value


def describe() -> dict:
    answer = ctypes.c_void_p()
    return _answered(_library.current().codec_describe(ctypes.byref(answer)), answer)


def validate(arguments: list[str]) -> dict:
    answer = ctypes.c_void_p()
    return _answered(_library.current().codec_validate(json.dumps(arguments).encode(), ctypes.byref(answer)), answer)


def find(root: str | os.PathLike) -> list[dict]:
    answer = ctypes.c_void_p()
    return _answered(_library.current().codec_find(_text(root), ctypes.byref(answer)), answer)["units"]


def open_handle(path: str | os.PathLike) -> tuple[int, dict]:
    answer = ctypes.c_void_p()
    handle = ctypes.c_int64()
    listing = _answered(_library.current().codec_open(_text(path), ctypes.byref(handle), ctypes.byref(answer)), answer)
    return handle.value, listing


def close(handle: int, opened_in: int) -> None:
    """Closes a handle, if it belongs to the library loaded now (one from before a fork is left alone)."""
    if _library is not None and opened_in == _library.generation and not _library.stale:
        _library.lib.codec_close(handle)


def query(handle: int, **request: Any) -> Any:
    answer = ctypes.c_void_p()
    return _answered(_library.current().codec_query(handle, json.dumps(request).encode(), ctypes.byref(answer)), answer)


class _Pinned:
    """The owner of an array the library handed out: NumPy's array keeps it as its base; freeing it releases the token."""

    __slots__ = ("__array_interface__", "_token", "_generation")

    def __init__(self, address: int, shape: tuple, dtype: np.dtype, token: int):
        self._token = token
        self._generation = _library.generation
        self.__array_interface__ = {"data": (address, False), "shape": shape, "typestr": dtype.str,
                                    "descr": dtype.descr, "version": 3}

    def __del__(self):
        if _library is not None and self._generation == _library.generation and not _library.stale:
            _library.lib.codec_release(self._token)


def read(handle: int, **request: Any) -> tuple[np.ndarray, dict]:
    """Decodes a file into an array (zero-copy: NumPy reads the decoder's own buffer) and its description."""
    answer = ctypes.c_void_p()
    array = _Array()
    meta = _answered(_library.current().codec_read(handle, json.dumps(request).encode(), ctypes.byref(array), ctypes.byref(answer)), answer)
    dtype = _dtype(meta["dtype"])
    shape = tuple(meta["shape"])
    if meta.get("fortran_order"):
        shape = shape[::-1]
    if array.bytes == 0 or not array.data:
        _library.lib.codec_release(array.token)
        values = np.empty(shape, dtype)
    else:
        values = np.asarray(_Pinned(array.data, shape, dtype, array.token))
    if meta.get("fortran_order"):
        values = values.T
    return values, meta


def _dtype(descr: str) -> np.dtype:
    # A record type comes as NumPy writes it in a .npy header: "[('x', '<f4'), ...]".
    return np.dtype(ast.literal_eval(descr) if descr.startswith("[") else descr)


