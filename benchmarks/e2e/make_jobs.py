"""Writes a corpus of Synthesis job folders from one real job, for the end-to-end benchmarks.

    python3 make_jobs.py SOURCE_JOB OUT_DIR JOBS

Each of the JOBS folders is the source job repeated 16 times, render ids renumbered and its metadata.jsonl lines
rewritten to match (from face-api-1.2-modalities: 240 renders, about 200 MB a folder).
"""
import os
import re
import shutil
import sys

src, out, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = {int(re.search(r'"render_id":(\d+)', l).group(1)): l for l in open(os.path.join(src, "metadata.jsonl"))}
files = [f for f in os.listdir(src) if f[0].isdigit()]
for j in range(jobs):
    d = os.path.join(out, f"job{j:02d}")
    os.makedirs(d)
    with open(os.path.join(d, "metadata.jsonl"), "w") as meta:
        for c in range(16):
            for r in sorted(lines):
                meta.write(re.sub(r'"render_id":\d+', f'"render_id":{c * len(lines) + r}', lines[r], count=1))
            for f in files:
                r, rest = f.split(".", 1)
                shutil.copyfile(os.path.join(src, f), os.path.join(d, f"{c * len(lines) + int(r)}.{rest}"))
