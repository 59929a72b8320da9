"""Time split of `gfgd bench gd-mlp` from a JFR recording (benchmarks/profile-gd-mlp.sh).

Counts the execution samples (Java code) and native-method samples (BLAS) of the threads inside
GradientDescent.run, both taken every 10 ms, by top frame: BLAS (netlib's dgemm into OpenBLAS),
elementwise Java (ReLU mask, loss gradient, column sums, the update), copying, allocation; and adds
the GC pauses. Usage: python3 jfr-split.py RECORDING.jfr
"""
import collections, json, subprocess, sys

rec = sys.argv[1]
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events",
                      "jdk.ExecutionSample,jdk.NativeMethodSample,jdk.GarbageCollection", rec],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]
by_method = collections.Counter()
by_kind = collections.Counter()
gc_ms = 0.0
for e in events:
    v = e["values"]
    if e["type"] == "jdk.GarbageCollection":
        gc_ms += 1000 * float(v["sumOfPauses"].strip("PTS"))  # ISO-8601 duration, e.g. PT0.0236S
        continue
    frames = (v.get("stackTrace") or {}).get("frames") or []
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    if not any(n.startswith("gfgd.dynamics.GradientDescent.run") or "FullyConnected.runBlocks" in n for n in names):
        continue
    top = names[0]
    if "JNIBLAS.dgemm" in top:
        kind = "BLAS (dgemm)"
    elif "arraycopy" in top or "copyOf" in top or "unpack" in top or ".pack" in top:
        kind = "copying"
    elif "zeros" in top or "<init>" in top:
        kind = "allocation"
    else:
        kind = "elementwise Java"
    by_kind[kind] += 1
    by_method[top] += 1
total = sum(by_kind.values())
print(f"{total} samples in the GD loop (10 ms apart, all threads); GC pauses {gc_ms:.0f} ms in the whole run")
for k, n in by_kind.most_common():
    print(f"  {k}: {100 * n / total:.1f}%")
print("top frames:")
for m, n in by_method.most_common(8):
    print(f"  {100 * n / total:5.1f}%  {m}")
