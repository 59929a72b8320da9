"""Medians and ratios of benchmarks/run-gd-mlp-side-by-side.sh's runs.jsonl (a Markdown table)."""
import json, statistics, sys

runs = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
configs = []
for r in runs:
    if r["config"] not in configs:
        configs.append(r["config"])
rows = {}
for c in configs:
    rs = [r for r in runs if r["config"] == c]
    sps = [r["result"]["stepsPerSecond"] for r in rs]
    cpu = [r["cpuSeconds"] for r in rs]
    loss = {r["result"]["lossFinal"] for r in rs}
    rows[c] = (statistics.median(sps), statistics.median(cpu), len(rs), loss, min(sps), max(sps))
peers = [c for c in configs if not c.startswith("gfgd")]
best_peer = max(peers, key=lambda c: rows[c][0]) if peers else None
loads = [r["load1"] for r in runs]
print(f"load average (1 min) during the runs: median {statistics.median(loads):.2f}, max {max(loads):.2f}\n")
print("| config | runs | median steps/s (min-max) | median process CPU s | final loss |")
print("|---|---|---|---|---|")
for c in configs:
    m, cpu, n, loss, lo, hi = rows[c]
    print(f"| {c} | {n} | {m:.1f} ({lo:.1f}-{hi:.1f}) | {cpu:.1f} | {', '.join(repr(x) for x in sorted(loss))} |")
if best_peer:
    print()
    for c in configs:
        if c.startswith("gfgd"):
            print(f"- {c} / {best_peer} (the faster peer): {rows[c][0] / rows[best_peer][0]:.2f} in median steps/s; "
                  f"{rows[best_peer][1] / rows[c][1]:.2f} in median process CPU time ({best_peer} / {c})")
for c in ("gfgd-bundled", "gfgd-fresh"):
    if c in rows and "gfgd-system" in rows:
        print(f"- {c} / gfgd-system: {rows[c][0] / rows['gfgd-system'][0]:.2f} in median steps/s, "
              f"{rows['gfgd-system'][1] / rows[c][1]:.2f} in median process CPU time (system / {c})")
