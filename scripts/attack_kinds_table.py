"""The attack kinds study's table (scripts/attack_kinds_study.sh): reads DIR/<kind>.before and
DIR/<kind>.after (one incident record of events.jsonl per line) and prints a Markdown table."""
import json
import math
import sys

NAMES = {"vehicle_bomb": "vehicle bomb", "complex_attack": "complex attack",
         "infiltration": "infiltration", "indirect_fire": "rocket or mortar salvo"}


def mean_ci(values):
    if not values:
        return "-"
    n = len(values)
    m = sum(values) / n
    if n < 2:
        return f"{m:.2f}"
    sd = math.sqrt(sum((v - m) ** 2 for v in values) / (n - 1))
    h = 1.96 * sd / math.sqrt(n)
    return f"{m:.2f} [{m - h:.2f}, {m + h:.2f}]"


def share(flags):
    return f"{sum(flags) / len(flags):.2f}" if flags else "-"


def stopped_outside(r, kind):
    if "stopped_outside" in r:  # the agents say it themselves
        return r["stopped_outside"] == 1
    if kind in ("vehicle_bomb", "complex_attack"):  # the closed form: short of the gate, or held
        return r.get("stopped_before_gate_m", 0) > 0 or r.get("barrier_held", 0) == 1
    return None  # the closed-form infiltration always got in


def minutes(r, key):
    return r[key] / 60 if key in r else None


def rows(records, kind):
    out = {}
    out["runs"] = str(len(records))
    out["killed per attack"] = mean_ci([r["killed"] for r in records])
    out["wounded per attack"] = mean_ci([r["wounded"] for r in records])
    if kind != "infiltration":  # an infiltration "strikes" over an hour; its fight always ends seen
        out["seen before it struck (share)"] = share([bool(r["detected"]) and r.get("detected_after_s", 0) <
                                                      r.get("detonation_after_s", r.get("flight_s", float("inf")))
                                                      for r in records])
    if kind != "indirect_fire":
        flags = [stopped_outside(r, kind) for r in records]
        out["stopped outside the wire (share)"] = share([f for f in flags if f is not None]) if any(
            f is not None for f in flags) else "0 (always got in)"
        out["QRF on scene, min after start"] = mean_ci([m for m in (minutes(r, "qrf_on_scene_s") for r in records)
                                                        if m is not None])
        out["QRF first contact, min after start"] = mean_ci(
            [m for m in (minutes(r, "qrf_contact_s") for r in records) if m is not None])
        out["incident over, min after start"] = mean_ci([m for m in (minutes(r, "contained_s") for r in records)
                                                         if m is not None])
    return out


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    base, kinds = sys.argv[1], sys.argv[2:]
    for kind in kinds:
        before, after = load(f"{base}/{kind}.before"), load(f"{base}/{kind}.after")
        b, a = rows(before, kind), rows(after, kind)
        print(f"## {NAMES[kind]}")
        print()
        print("| | closed form (before) | agents (after) |")
        print("|---|---|---|")
        for key in b:
            print(f"| {key} | {b[key]} | {a.get(key, '-')} |")
        print()


main()
