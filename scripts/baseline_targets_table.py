"""The yearly targets of a targets file beside a batch's simulated means (scripts/baseline_targets.sh).
Reads the targets with a minimal parser of the file's own layout (note, metric or sum_of, per,
interval or value), so it needs nothing beyond Python's standard library."""
import csv
import math
import re
import sys


def targets(path):
    found, current = [], None
    for line in open(path):
        m = re.match(r"\s*- note: (.*)", line)
        if m:
            current = {"note": m.group(1).strip()}
            found.append(current)
            continue
        if current is None:
            continue
        m = re.match(r"\s*(metric|sum_of|per|interval|value|sd): (.*)", line)
        if m:
            current[m.group(1)] = m.group(2).strip()
    return [t for t in found if t.get("per") == "year"]


def main():
    rows = list(csv.DictReader(open(sys.argv[1])))
    print("| target | record | simulated per year | inside |")
    print("|---|---|---|---|")
    for t in targets(sys.argv[2]):
        keys = [t["metric"]] if "metric" in t else [k.strip() for k in t["sum_of"].strip("[]").split(",")]
        values = [sum(float(r[k]) for k in keys) for r in rows]
        n = len(values)
        mean = sum(values) / n
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
        half = 1.96 * sd / math.sqrt(n)
        low, high = [float(x) for x in t["interval"].strip("[]").split(",")]
        inside = "yes" if low <= mean <= high else "**no**"
        print(f"| {t['note']} | {low:g} to {high:g} | {mean:.3f} [{mean - half:.3f}, {mean + half:.3f}] | {inside} |")
    killed = [float(r["threats.casualties.killed"]) + float(r["medical.died_of_wounds"]) for r in rows]
    print()
    print(f"Years without a death: {sum(1 for k in killed if k == 0) / len(killed):.0%} of {len(killed)}.")


main()
