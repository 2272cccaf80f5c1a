"""The yearly targets of a targets file beside a batch's simulated years (scripts/baseline_targets.sh).
Reads the targets with a minimal parser of the file's own layout (note, metric or sum_of, per, role,
interval, value or count with over_years), so it needs nothing beyond Python's standard library.

An interval target is checked as before: the mean per year inside the record's interval. A count
target (the record saw `count` events in `over_years` years) is checked by its Poisson likelihood,
as `campsim calibrate` does with Boost.Math (analysis/poisson_record.hpp): mu = mean rate x years,
inside when neither tail P(X <= count), P(X >= count) is below 5%. Deaths come in clusters (one
salvo kills three), which a Poisson count ignores, so the table also gives the same two tails from
the simulated years themselves: 10,000 record-lengths of years drawn with replacement (seed 1)."""
import csv
import math
import random
import re
import sys

TAIL = 0.05          # each tail of the central 90%, as the band rule
DRAWS = 10000        # bootstrap record-lengths


def targets(path):
    found, current, pending = [], None, None
    for line in open(path):
        if pending is not None:  # a list continued on the next lines: sum_of: [a, b,\n c]
            current[pending] += " " + line.strip()
            if "]" in line:
                pending = None
            continue
        m = re.match(r"\s*- note: (.*)", line)
        if m:
            current = {"note": m.group(1).strip()}
            found.append(current)
            continue
        if current is None:
            continue
        m = re.match(r"\s*(metric|sum_of|per|role|interval|value|sd|count|over_years): (.*)", line)
        if m:
            current[m.group(1)] = m.group(2).strip()
            if m.group(2).strip().startswith("[") and "]" not in m.group(2):
                pending = m.group(1)
    return [t for t in found if t.get("per") == "year"]


def poisson_at_most(k, mu):
    return sum(math.exp(-mu) * mu ** i / math.factorial(i) for i in range(k + 1))


def tails_poisson(k, mu):
    at_most = poisson_at_most(k, mu)
    at_least = 1.0 if k == 0 else 1.0 - poisson_at_most(k - 1, mu)
    return at_most, at_least


def tails_bootstrap(values, k, years):
    rng = random.Random(1)
    n = int(round(years))
    sums = [sum(rng.choice(values) for _ in range(n)) for _ in range(DRAWS)]
    return sum(1 for s in sums if s <= k) / DRAWS, sum(1 for s in sums if s >= k) / DRAWS


def main():
    rows = list(csv.DictReader(open(sys.argv[1])))
    counts, intervals = [], []
    for t in targets(sys.argv[2]):
        keys = [t["metric"]] if "metric" in t else [k.strip() for k in t["sum_of"].strip("[]").split(",")]
        values = [sum(float(r[k]) for k in keys) for r in rows]
        n = len(values)
        mean = sum(values) / n
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
        half = 1.96 * sd / math.sqrt(n)
        simulated = f"{mean:.3f} [{mean - half:.3f}, {mean + half:.3f}]"
        if "count" in t:
            k, years = int(t["count"]), float(t["over_years"])
            mu = mean * years
            p_most, p_least = tails_poisson(k, mu)
            b_most, b_least = tails_bootstrap(values, k, years)
            inside = "yes" if min(p_most, p_least) >= TAIL else "**no**"
            counts.append(f"| {t['note']} | {k} in {years:g} years | {simulated} | {mu:.2f} | "
                          f"{p_most:.3f} / {p_least:.3f} | {b_most:.3f} / {b_least:.3f} | {inside} |")
        else:
            low, high = [float(x) for x in t["interval"].strip("[]").split(",")]
            inside = "yes" if low <= mean <= high else "**no**"
            intervals.append(f"| {t['note']} | {low:g} to {high:g} | {simulated} | {inside} |")
    print("Counts on record, by their Poisson likelihood (inside: neither Poisson tail below 5%):")
    print()
    print("| target | record | simulated per year | expected over the record's years | "
          "Poisson P(at most) / P(at least) | from the simulated years | inside |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(counts))
    print()
    print("Intervals (the record is not a count of events: the mean per year inside the interval):")
    print()
    print("| target | record | simulated per year | inside |")
    print("|---|---|---|---|")
    print("\n".join(intervals))
    killed = [float(r["threats.casualties.killed"]) + float(r["medical.died_of_wounds"]) for r in rows]
    print()
    print(f"Years without a death (camp and routes): {sum(1 for k in killed if k == 0) / len(killed):.0%} of {len(killed)}.")


main()
