"""Writes a corpus of Synthesis job folders from one real job, for the end-to-end benchmarks.

    python3 make_jobs.py SOURCE_JOB OUT_DIR JOBS [REPEAT] [--link]

Each of the JOBS folders is the source job repeated REPEAT times (16 unless given), render ids renumbered and its
metadata.jsonl lines rewritten to match (from face-api-1.2-modalities, 15 renders: 240 renders and about 200 MB a
folder by default). With --link the render files are hard links to the source's, not copies: a job of thousands of
renders costs no disk (codec reads them as the files they are; only the page cache sees that they repeat).
"""
import os
import re
import shutil
import sys

args = [a for a in sys.argv[1:] if a != "--link"]
link = "--link" in sys.argv[1:]
src, out, jobs = args[0], args[1], int(args[2])
repeat = int(args[3]) if len(args) > 3 else 16
lines = {int(re.search(r'"render_id":(\d+)', l).group(1)): l for l in open(os.path.join(src, "metadata.jsonl"))}
files = [f for f in os.listdir(src) if f[0].isdigit()]


def place(source, target):
    if link:
        try:
            return os.link(source, target)
        except OSError:  # another file system: a copy reads the same
            pass
    shutil.copyfile(source, target)


for j in range(jobs):
    d = os.path.join(out, f"job{j:02d}")
    os.makedirs(d)
    with open(os.path.join(d, "metadata.jsonl"), "w") as meta:
        for c in range(repeat):
            for r in sorted(lines):
                meta.write(re.sub(r'"render_id":\d+', f'"render_id":{c * len(lines) + r}', lines[r], count=1))
            for f in files:
                r, rest = f.split(".", 1)
                place(os.path.join(src, f), os.path.join(d, f"{c * len(lines) + int(r)}.{rest}"))
