#!/usr/bin/env python3
"""Compare two files of bench/run_all.py side by side: each figure, both medians and the ratio.

    bench/compare.py REFERENCE.json NEW.json

ratio = new / reference. When both files come from the same run_all call (same "session", the
cases alternated A B A B) and hold as many samples, the ratio is the median of the pairwise
ratios (robust to the machine's speed drifting during the run); otherwise the ratio of medians.
The last column says whether the new figure is better, worse or within 5% (noise on a shared
machine: it is no verdict; repeat the run before believing a small difference).
"""
import json
import statistics
import sys

NOISE = 0.05  # within 5%: too close to call on a shared 2-core machine


def ratio(ref, new, name):
    a, b = ref["samples"].get(name), new["samples"].get(name)
    if a and b and len(a) == len(b) and ref.get("session") == new.get("session"):
        return statistics.median(y / x for x, y in zip(a, b) if x), "pairs"
    x, y = ref["figures"][name]["median"], new["figures"][name]["median"]
    return (y / x if x else float("nan")), "medians"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ref, new = (json.load(open(p)) for p in sys.argv[1:])
    print(f"reference {ref.get('git_revision')} ({ref['root']})  vs  new {new.get('git_revision')} ({new['root']})")
    print(f"load average before: {ref['machine_before']['load_average_1_5_15']}, "
          f"after: {new.get('machine_after', {}).get('load_average_1_5_15')}")
    names = sorted(set(ref["figures"]) | set(new["figures"]))
    width = max((len(n) for n in names), default=10)
    print(f"{'figure':<{width}}  {'reference':>12}  {'new':>12}  {'new/ref':>8}  basis    verdict")
    for name in names:
        if name not in ref["figures"] or name not in new["figures"]:
            which = "reference" if name not in ref["figures"] else "new"
            value = (new if which == "reference" else ref)["figures"][name]["median"]
            print(f"{name:<{width}}  {'-' if which == 'reference' else f'{value:12.4g}':>12}  "
                  f"{'-' if which == 'new' else f'{value:12.4g}':>12}  {'':>8}  (not in {which})")
            continue
        r, basis = ratio(ref, new, name)
        higher_better = new["figures"][name]["better"] == "higher"
        gain = r if higher_better else (1 / r if r else float("inf"))
        verdict = "same" if abs(r - 1) <= NOISE else ("better" if gain > 1 else "worse")
        print(f"{name:<{width}}  {ref['figures'][name]['median']:12.4g}  {new['figures'][name]['median']:12.4g}  "
              f"{r:8.3f}  {basis:<7}  {verdict}")
    for label, data in (("reference", ref), ("new", new)):
        for case, why in sorted(data.get("skipped", {}).items()):
            print(f"skipped in {label}: {case}: {why.splitlines()[0] if why else ''}")


if __name__ == "__main__":
    main()
