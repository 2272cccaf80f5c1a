#!/usr/bin/env python3
"""Run every benchmark in bench/ and the whole-command timings of issue 25, write one JSON file.

    bench/run_all.py                                  # this checkout, writes bench-results.json
    bench/run_all.py --root /tmp/ref-X --out ref.json --root . --out new.json

Each --root is a checkout with a release build in ROOT/build/release (the benchmarks and the
campsim program); each run uses that checkout's own scenarios/. With several roots, every case
runs root after root, A B A B ..., so that drift in the machine's speed hits all of them alike
(compare the files with bench/compare.py). Sizes are modest: about a minute a root.

Figures: the medians over the repeats. Whole commands are timed from outside (the CPU time the
kernel accounts to the finished child, user + sys, and its peak RSS); the benchmarks report
their own figures, which are parsed from their output. A benchmark a root lacks (an older
commit) is listed under "skipped", not guessed.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time

# Sizes: modest on purpose (the whole script a minute or so a root on a 2-core machine).
BATCH_30D_REPLICATIONS = 100
BATCH_YEAR_REPLICATIONS = 4
CROWD_SIZES = [(10_000, 20), (100_000, 10)]  # (agents, timed steps)
VIEW_FRAMES = 10


def run_timed(argv, cwd, env=None):
    """Run argv to completion; return (exit status, stdout text, cpu s, wall s, peak RSS MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    output = proc.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, output, usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024.0


class Case:
    """One measured thing: a command line for a root, and how to read figures from its run."""

    def __init__(self, name, repeats, needs, argv, read):
        self.name, self.repeats, self.needs, self.argv, self.read = name, repeats, needs, argv, read


def number(pattern, text):
    match = re.search(pattern, text, re.M)
    return float(match.group(1)) if match else None


def whole_command(per=1.0, per_name=None):
    """Figures of a timed whole process; per divides the CPU time (e.g. per replication)."""

    def read(output, cpu, wall, rss):
        figures = {"cpu_s": cpu, "wall_s": wall, "peak_rss_mib": rss}
        if per_name:
            figures[per_name] = 1e3 * cpu / per
        return figures

    return read


def cases(scratch):
    app = "build/release/apps/campsim"
    bench = "build/release/bench/"
    baseline = "scenarios/gao_baseline.yaml"
    protest = "scenarios/replay_2015-01-27_gao_protest.yaml"
    out = lambda name: os.path.join(scratch, name)
    result = [
        Case("cmd.run_quiet_30d", 7, [app],
             lambda r: [app, "run", baseline, "--days", "30", "--out", out("run"), "--force", "-q"], whole_command()),
        Case("cmd.validate", 7, [app], lambda r: [app, "validate", baseline], whole_command()),
        Case("cmd.batch_30d_1thread", 3, [app],
             lambda r: [app, "batch", baseline, "-n", str(BATCH_30D_REPLICATIONS), "--days", "30", "--threads", "1",
                        "--out", out("b1"), "--force", "-q"],
             whole_command(BATCH_30D_REPLICATIONS, "cpu_ms_per_replication")),
        Case("cmd.batch_30d_2threads", 3, [app],
             lambda r: [app, "batch", baseline, "-n", str(BATCH_30D_REPLICATIONS), "--days", "30", "--threads", "2",
                        "--out", out("b2"), "--force", "-q"],
             whole_command(BATCH_30D_REPLICATIONS, "cpu_ms_per_replication")),
        Case("cmd.batch_year_1thread", 3, [app],
             lambda r: [app, "batch", baseline, "-n", str(BATCH_YEAR_REPLICATIONS), "--days", "365", "--threads", "1",
                        "--out", out("by"), "--force", "-q"],
             whole_command(BATCH_YEAR_REPLICATIONS, "cpu_ms_per_replication")),
        Case("cmd.protest_2015_seed1", 3, [app, protest],
             lambda r: [app, "run", protest, "--seed", "1", "--out", out("protest"), "--force", "-q"], whole_command()),
        Case("bench_baseline_run.30d", 3, [bench + "bench_baseline_run"],
             lambda r: [bench + "bench_baseline_run", "30", "5", "1"],
             lambda o, *_: {"median_ms": number(r"median ([0-9.]+) ms", o)}),
        Case("bench_world", 3, [bench + "bench_world"], lambda r: [bench + "bench_world", "5", "2"],
             lambda o, *_: {"quiet_30d_median_ms": number(r"quiet_30d_median_ms=([0-9.]+)", o),
                            "year_median_ms": number(r"year_median_ms=([0-9.]+)", o)}),
        Case("bench_engine_crowd.100k", 3, [bench + "bench_engine_crowd"],
             lambda r: [bench + "bench_engine_crowd", "100000", "5", "1"],
             lambda o, *_: {"grid_ms_per_tick": number(r"grid rebuild ([0-9.]+) ms", o),
                            "move_ms_per_tick": number(r"move phase ([0-9.]+) ms", o)}),
        Case("bench_portable_math", 3, [bench + "bench_portable_math"],
             lambda r: [bench + "bench_portable_math", "10"],
             lambda o, *_: {f"{f}_{who}_ns": number(rf"^{f} .*{who}_ns=([0-9.]+)", o)
                            for f in ("exp", "log", "log1p") for who in ("glibc", "campsim")}),
    ]
    for agents, steps in CROWD_SIZES:
        for threads in (1, 2):
            result.append(Case(
                f"bench_crowd.{agents // 1000}k.{threads}t", 3, [bench + "bench_crowd"],
                lambda r, a=agents, s=steps, t=threads: [bench + "bench_crowd", "--agents", str(a), "--steps", str(s),
                                                         "--threads", str(t)],
                lambda o, *_: {"agent_steps_per_s": number(r"agent_steps_per_s=([0-9.]+)", o),
                               "agent_steps_per_cpu_s_per_thread":
                                   number(r"agent_steps_per_cpu_s_per_thread=([0-9.]+)", o),
                               "bytes_per_agent": number(r"bytes_per_agent=([0-9.]+)", o)}))
    # The viewer's frame needs an X server: a private Xvfb through the checkout's own script.
    result.append(Case(
        "bench_view_frame", 1, [bench + "bench_view_frame", "scripts/with-xvfb.sh"],
        lambda r: ["scripts/with-xvfb.sh", bench + "bench_view_frame", str(VIEW_FRAMES)],
        lambda o, *_: {f"median_ms_{p}": number(rf"^\s*{p}\s+([0-9.]+)", o) for p in (1000, 10000, 100000)}
        if re.search(r"^\s*1000\s", o, re.M) else {}))
    return result


# Which way is better, by figure name, for the comparison's verdict column.
def better(figure):
    return "higher" if figure.endswith("per_s") or "per_cpu_s" in figure else "lower"


def add_thread_speedup(result):
    """Goal 2's scaling figure: the 30-day batch's wall time on 1 thread over 2, repeat by repeat."""
    one = result["samples"].get("cmd.batch_30d_1thread.wall_s")
    two = result["samples"].get("cmd.batch_30d_2threads.wall_s")
    if one and two and len(one) == len(two):
        ratios = [a / b for a, b in zip(one, two) if b]
        name = "cmd.batch_30d.speedup_2_over_1_threads"
        result["samples"][name] = ratios
        result["figures"][name] = {"median": statistics.median(ratios), "better": "higher"}


def machine_note():
    load = open("/proc/loadavg").read().split()[:3]
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
    return {"cpus": os.cpu_count(), "cpu_model": model, "load_average_1_5_15": [float(x) for x in load]}


def revision(root):
    try:
        return subprocess.run(["git", "-C", root, "rev-parse", "--short=12", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", action="append", help="checkout with build/release (repeatable; default .)")
    parser.add_argument("--out", action="append", help="JSON file for each --root, in order")
    parser.add_argument("--only", help="comma-separated prefixes of case names to run (default: all)")
    parser.add_argument("--repeats", type=int, help="override every case's number of repeats")
    args = parser.parse_args()
    roots = [os.path.abspath(r) for r in (args.root or ["."])]
    outs = args.out or ([os.path.join(os.getcwd(), "bench-results.json")] if len(roots) == 1 else None)
    if not outs or len(outs) != len(roots):
        parser.error("give one --out for each --root")

    scratch = tempfile.mkdtemp(prefix="run_all.")
    session = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    results = [{"root": r, "git_revision": revision(r), "session": session, "machine_before": machine_note(),
                "figures": {}, "samples": {}, "skipped": {}} for r in roots]
    try:
        for case in cases(scratch):
            if args.only and not any(case.name.startswith(p) for p in args.only.split(",")):
                continue
            repeats = args.repeats or case.repeats
            samples = [dict() for _ in roots]
            for _ in range(repeats):
                for i, root in enumerate(roots):
                    missing = [n for n in case.needs if not os.path.exists(os.path.join(root, n))]
                    if missing:
                        results[i]["skipped"][case.name] = "missing " + ", ".join(missing)
                        continue
                    status, output, cpu, wall, rss = run_timed(case.argv(root), root)
                    figures = case.read(output, cpu, wall, rss) if status == 0 else {}
                    if status != 0 or not figures or None in figures.values():
                        results[i]["skipped"][case.name] = f"exit {status}: {output.strip()[-300:]}"
                        continue
                    for key, value in figures.items():
                        samples[i].setdefault(key, []).append(value)
            for i, _ in enumerate(roots):
                for key, values in samples[i].items():
                    name = f"{case.name}.{key}"
                    results[i]["samples"][name] = values
                    results[i]["figures"][name] = {"median": statistics.median(values), "better": better(key)}
            print(f"{case.name}: " + "  |  ".join(
                ", ".join(f"{k}={statistics.median(v):.4g}" for k, v in s.items()) or "skipped" for s in samples),
                flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for result in results:
        add_thread_speedup(result)
    for result, out in zip(results, outs):
        result["machine_after"] = machine_note()
        with open(out, "w") as f:
            json.dump(result, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
