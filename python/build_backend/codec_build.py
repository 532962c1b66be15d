"""A PEP 517 backend that needs nothing but the standard library: it builds the native library with the .NET SDK
(``dotnet publish src/Codec.Native``) unless one is given, and packs it with the Python sources into a wheel for
this platform.

``CODEC_LIBRARY`` names an already built libcodec to pack instead (a CI artefact, a cross-built library).
"""

from __future__ import annotations

import base64
import hashlib
import os
import platform
import re
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
NAME = "codec"
# The version is pyproject.toml's (a test holds it equal to the native library's).
VERSION = re.search(r'^version = "([^"]+)"', (HERE / "pyproject.toml").read_text(encoding="utf-8"), re.M).group(1)
LIBRARY = {"linux": "libcodec.so", "darwin": "libcodec.dylib", "win32": "libcodec.dll"}.get(sys.platform, "libcodec.so")


def _runtime_identifier() -> str:
    machine = platform.machine().lower()
    arch = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}.get(machine, machine)
    system = {"linux": "linux", "darwin": "osx", "win32": "win"}.get(sys.platform, sys.platform)
    return f"{system}-{arch}"


def _native_library(work: Path) -> Path:
    given = os.environ.get("CODEC_LIBRARY")
    if given:
        return Path(given)
    project = HERE.parent / "src" / "Codec.Native" / "Codec.Native.csproj"
    if not project.is_file():
        raise RuntimeError(f"no native library: set CODEC_LIBRARY, or build from the repository (expected {project})")
    out = work / "native"
    command = ["dotnet", "publish", str(project), "-c", "Release", "-r", _runtime_identifier(), "-o", str(out), "-nologo"]
    print("codec: building the native library:", " ".join(command), file=sys.stderr)
    subprocess.run(command, check=True, stdout=sys.stderr)
    return out / LIBRARY


def _tag() -> str:
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"py3-none-{plat}"


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _metadata() -> str:
    readme = (HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").is_file() else ""
    return "\n".join([
        "Metadata-Version: 2.1",
        f"Name: {NAME}",
        f"Version: {VERSION}",
        "Summary: Check and read Synthesis AI Human API outputs and NVIDIA Audio2Face-3D training datasets with Codec's native decoders.",
        "Requires-Python: >=3.9",
        "Requires-Dist: numpy",
        "Provides-Extra: torch",
        'Requires-Dist: torch; extra == "torch"',
        "Provides-Extra: pandas",
        'Requires-Dist: pandas; extra == "pandas"',
        "Description-Content-Type: text/markdown",
        "",
        readme,
    ])


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    tag = _tag()
    wheel_name = f"{NAME}-{VERSION}-{tag}.whl"
    dist_info = f"{NAME}-{VERSION}.dist-info"
    with tempfile.TemporaryDirectory() as work:
        library = _native_library(Path(work))
        if not library.is_file():
            raise RuntimeError(f"the native library was not built: {library}")
        files: list[tuple[str, bytes]] = []
        for source in sorted((HERE / NAME).rglob("*.py")):
            files.append((source.relative_to(HERE).as_posix(), source.read_bytes()))
        files.append((f"{NAME}/_lib/{LIBRARY}", library.read_bytes()))
        files.append((f"{dist_info}/METADATA", _metadata().encode()))
        files.append((f"{dist_info}/WHEEL", f"Wheel-Version: 1.0\nGenerator: codec_build\nRoot-Is-Purelib: false\nTag: {tag}\n".encode()))
        files.append((f"{dist_info}/top_level.txt", f"{NAME}\n".encode()))
        record = [_record_line(name, data) for name, data in files] + [f"{dist_info}/RECORD,,"]
        files.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode()))
        path = Path(wheel_directory) / wheel_name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
            for name, data in files:
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.external_attr = (0o755 if name.endswith(LIBRARY) else 0o644) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                wheel.writestr(info, data)
    return wheel_name


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    # Without this hook pip learns the metadata by building the wheel, which would build the native library twice.
    dist_info = Path(metadata_directory) / f"{NAME}-{VERSION}.dist-info"
    dist_info.mkdir(parents=True, exist_ok=True)
    (dist_info / "METADATA").write_text(_metadata(), encoding="utf-8")
    return dist_info.name


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_sdist(sdist_directory, config_settings=None):
    raise RuntimeError("codec ships as wheels built beside the .NET sources (pip install ./python from a checkout)")
