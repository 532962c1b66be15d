#!/usr/bin/python3
"""The peers of the end-to-end suite (run.sh), each a whole process doing what a user's script would do:

    peers.py files <json|ujson|rapidjson|orjson> <folder>   load every *.info.json of a folder
    peers.py lines <json|ujson|rapidjson|orjson> <file>     parse every line of a .jsonl
    peers.py npy <load|mmap> <folder>                       every .npy below a folder: np.load, then np.isfinite(...).all()

Each prints how many documents (or arrays) it read, so a run can be checked for having done the work.
"""
import glob
import importlib
import os
import sys


def loader(name):
    module = importlib.import_module(name)
    return module.loads


def files(name, folder):
    loads = loader(name)
    count = 0
    for path in sorted(glob.glob(os.path.join(folder, "*.info.json"))):
        with open(path, "rb") as f:
            loads(f.read())
        count += 1
    print(count, "documents")


def lines(name, path):
    loads = loader(name)
    count = 0
    with open(path, "rb") as f:
        for line in f:
            if line.strip():
                loads(line)
                count += 1
    print(count, "lines")


def npy(mode, folder):
    import numpy as np

    count = 0
    bad = 0
    for root, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if not name.endswith(".npy"):
                continue
            array = np.load(os.path.join(root, name), mmap_mode="r" if mode == "mmap" else None)
            if array.dtype.kind == "f" and not np.isfinite(array).all():
                bad += 1
            count += 1
    print(count, "arrays,", bad, "with non-finite values")


if __name__ == "__main__":
    kind, how, where = sys.argv[1:4]
    {"files": files, "lines": lines, "npy": npy}[kind](how, where)
