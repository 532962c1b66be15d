#!/usr/bin/python3
"""The table and the verdict of check.sh: medians of its timings, each scenario's ratio (the peer's time over codec's),
compared with the ratio recorded in RESULTS.md's regression-gate table, or written there with --record.

    gate.py <results.tsv> <RESULTS.md> <record 0|1> <rounds>
"""
import collections
import re
import statistics
import sys

# Each scenario once: what it is, what codec is measured against, which of the peer's times counts, and the target.
SCENARIOS = {
    "job": ("Human API job: 480 real renders with every modality", "Python decode-only (json, OpenCV, libtiff), 2 processes", "wall", "≥ 3"),
    "dataset": ("Audio2Face-3D dataset, 2 GB in the page cache", "cat", "wall", "≥ 1"),
    "metadata": ("metadata.jsonl, 1 GiB", "simdjson DOM parse_many, the CPU time of its parse on one core", "own", "≥ 0.67"),
    "info": ("1,020 real info.json, five runs", "orjson, five runs", "wall", "≥ 2.5"),
    "python": ("the job's 480 renders read from Python: views, every image and mask as NumPy arrays", "json, OpenCV and libtiff, one process", "wall", "≥ 1"),
}
ALLOWED_FALL = 0.15

results, results_md, record, rounds = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4]
samples = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(results):
    scenario, label, clock, cpu, own = line.rstrip("\n").split("\t")
    start, end = (float(t) for t in clock.split())
    _, user, system = (float(t) for t in cpu.split())
    samples[scenario][label].append((end - start, user + system, float(own) if own else None))

measured = {}
for scenario, runs in samples.items():
    codec = statistics.median(s[0] for s in runs["codec"])
    which = {"wall": 0, "cpu": 1, "own": 2}[SCENARIOS[scenario][2]]
    peer = statistics.median(s[which] for s in runs["peer"])
    measured[scenario] = (codec, peer, peer / codec)

text = open(results_md, encoding="utf-8").read()
row_pattern = re.compile(r"^\| (\w+): .*$", re.M)
recorded, present = {}, set()
for row in row_pattern.finditer(text):
    cells = [c.strip() for c in row.group(0).strip("|").split("|")]
    try:
        recorded[row.group(1)] = float(cells[4].rstrip("×"))
    except (IndexError, ValueError):
        pass  # a row not recorded yet
    present.add(row.group(1))


def row(scenario):
    what, peer_name, _, target = SCENARIOS[scenario]
    codec, peer, ratio = measured[scenario]
    return f"| {scenario}: {what} | {codec:.2f} s | {peer_name} | {peer:.2f} s | {ratio:.2f}× | {target} |"


print(f"medians of {rounds} alternated rounds; a ratio is the peer's time over codec's (above 1: codec is faster)\n")
print("| scenario | codec | peer or limit | peer | ratio | target | recorded | verdict |")
print("|---|---|---|---|---|---|---|---|")
failed = []
for scenario in measured:
    before = recorded.get(scenario)
    ratio = measured[scenario][2]
    if record or before is None:
        verdict = "recorded" if record else "no record"
    elif ratio < before * (1 - ALLOWED_FALL):
        verdict = f"**fell {100 * (1 - ratio / before):.0f} %**"
        failed.append(scenario)
    else:
        verdict = "ok"
    print(f"{row(scenario)} {'' if before is None else f'{before:.2f}×'} | {verdict} |")

if record:
    for scenario in measured:
        if scenario in present:
            text = re.sub(rf"^\| {scenario}: .*$", lambda _: row(scenario), text, count=1, flags=re.M)
        else:
            sys.exit(f"gate.py: RESULTS.md's regression-gate table has no row for '{scenario}' to record into")
    open(results_md, "w", encoding="utf-8").write(text)
    print("\nrecorded in", results_md)
elif failed:
    print(f"\nFAILED: {', '.join(failed)} fell more than {ALLOWED_FALL:.0%} below the recorded ratio")
    sys.exit(1)
else:
    print("\nno scenario fell behind its recorded ratio")
