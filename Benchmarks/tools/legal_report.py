#!/usr/bin/env python3
"""The legal log section's rows (Markdown), from Benchmarks/run's work folder: the export's time and peak
RSS, the purge's duration and the accept latency while it ran. With --accept, also the accept → first 204
rows (when report.py did not run). Usage: legal_report.py WORK [--accept]"""
import json, os, re, sys

work = sys.argv[1]


def percentile(values, p):  # as report.py
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))] if ordered else float("nan")


def path(name):
    return os.path.join(work, name)


def row(measure, value, target="report", ok=None):
    print(f"| {measure} | {value} | {target} | {'' if ok is None else ('yes' if ok else '**no**')} |")


print("| measure | relais | target | met |")
print("|---|---|---|---|")
if "--accept" in sys.argv and os.path.exists(path("accept-base.json")):
    run = json.load(open(path("accept-base.json")))
    lat = run["latencies_ms"]
    row(f"accept → first 204 (sealed log entry + port block), {len(lat)} iterations, {run['failures']} failures: p50 / p99 ms",
        f"{percentile(lat, 50):.2f} / {percentile(lat, 99):.2f}", "< 2 / < 10 ms",
        percentile(lat, 50) < 2 and percentile(lat, 99) < 10 and run["failures"] == 0)
    row("of which the portal's answer to the POST: p50 / p99 ms",
        f"{percentile(run['answered_ms'], 50):.2f} / {percentile(run['answered_ms'], 99):.2f}")
if os.path.exists(path("legal-fill.txt")):
    entries = int(os.environ.get("LEGAL_ENTRIES", "1000000"))
    row(f"fill: {entries} sealed entries (relais-bench-legal-fill), s", f"{float(open(path('legal-fill.txt')).read().split()[0]):.1f}")
    for fmt in ("csv", "json"):
        if not os.path.exists(path(f"legal-export-{fmt}.time")):
            continue
        text = open(path(f"legal-export-{fmt}.time")).read()
        wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
        seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
        lines, visitor = open(path(f"legal-export-{fmt}.lines")).read().split()
        counted = re.search(r"(\d+) entrée", open(path(f"legal-export-{fmt}.err")).read())
        row(f"export {fmt.upper()} of the year ({counted.group(1) if counted else '?'} entries, {lines} lines;"
            f" {visitor} of the bench visitor with its block): time s / peak RSS MiB",
            f"{seconds:.1f} / {rss / 1024:.1f}", "bounded memory")
if os.path.exists(path("legal-purge-progress.txt")):
    samples = [tuple(map(int, line.split())) for line in open(path("legal-purge-progress.txt")) if line.strip()]
    start = next((t for t, left in samples if left < samples[0][1]), None)
    end = next((t for t, left in samples if left == 0), None)
    if start and end:
        row(f"purge of {samples[0][1]} expired entries by the daemon's start-up purge: s (±0.5 s sampling)",
            f"{(end - start) / 1000:.1f}")
    else:
        row("purge of the expired entries", f"not finished: {samples[-1][1]} left", "all gone", False)
    run = json.load(open(path("accept-legalpurge.json")))
    inside = lambda t: start and start - 500 <= t <= (end or 10**15)
    during = [l for l, t in zip(run["latencies_ms"], run["started_epoch_ms"]) if inside(t)]
    failed = [t for t in run.get("failed_epoch_ms", []) if inside(t)]
    row(f"accept → first 204 during the purge ({len(during)} of {len(run['latencies_ms'])} iterations; failures"
        f" (no 204 within 2 s): {len(failed)} during, {run['failures']} in all): p50 / p99 / max ms",
        f"{percentile(during, 50):.2f} / {percentile(during, 99):.2f} / {max(during, default=float('nan')):.2f}",
        "p99 < 10 ms", bool(during) and percentile(during, 99) < 10 and not failed)
    after = [l for l, t in zip(run["latencies_ms"], run["started_epoch_ms"]) if end and t > end]
    if after:
        row(f"accept → first 204 after the purge ({len(after)} iterations): p50 / p99 / max ms",
            f"{percentile(after, 50):.2f} / {percentile(after, 99):.2f} / {max(after):.2f}")
    if os.path.exists(path("startup-legal-purge.txt")):
        row("start-up with the purge pending: s", open(path("startup-legal-purge.txt")).read().split()[0])
    row("integrity_check after", open(path("legal-integrity.txt")).read().strip(), "ok",
        open(path("legal-integrity.txt")).read().strip() == "ok")
