#!/usr/bin/env bash
# gd-mlp side by side: gfgd (bundled OpenBLAS; the same with the system BLAS hidden, as on a fresh
# machine, when run as root; and the system OpenBLAS), numpy, and PyTorch on 1 and 2 threads,
# alternating, ROUNDS times (default 5); then medians and ratios (summarise-gd-mlp.py).
# Usage: benchmarks/run-gd-mlp-side-by-side.sh [ROUNDS] [OUT_DIR]   (after `mvn package`)
# GD_MLP_CONFIGS="gfgd-fresh gfgd-system" runs only the named configurations.
# Each line of OUT_DIR/runs.jsonl is one run: the tool's JSON plus "config" and the process's CPU
# seconds (user + sys). Run it on an otherwise idle machine; the summary says the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
out="${2:-target/side-by-side}"
mkdir -p "$out"
runs="$out/runs.jsonl"
: > "$runs"
digits=src/main/resources/gfgd/data/digits.csv
py=/usr/bin/python3
jar="${GFGD_JAR:-target/gfgd.jar}"   # GFGD_JAR: a copy, so that a rebuild cannot change it mid-run
[ -f "$jar" ] || { echo "no $jar: run mvn package first" >&2; exit 2; }

# one run: CONFIG COMMAND...; appends {"config", "cpuSeconds", "load1", ...the tool's JSON...}
run() {
  local config="$1"; shift
  if [ -n "${GD_MLP_CONFIGS:-}" ] && [[ " $GD_MLP_CONFIGS " != *" $config "* ]]; then return 0; fi
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local t0; t0=$(awk '{print $14+$15+$16+$17}' /proc/self/stat 2>/dev/null || echo 0)
  local json
  json=$( { /usr/bin/time -f '%U %S' -o "$out/time.txt" "$@" 2>"$out/stderr.txt"; } | tail -n 1)
  local cpu; cpu=$(awk '{print $1 + $2}' "$out/time.txt")
  echo "{\"config\": \"$config\", \"cpuSeconds\": $cpu, \"load1\": $load, \"result\": $json}" >> "$runs"
  echo "$config: $(echo "$json" | grep -o '"stepsPerSecond": *[0-9.]*') cpu ${cpu}s (load $load)" >&2
}

for r in $(seq 1 "$rounds"); do
  echo "round $r of $rounds" >&2
  run gfgd-bundled java -jar "$jar" bench gd-mlp
  if [ "$(id -u)" = 0 ]; then
    run gfgd-fresh benchmarks/without-system-blas.sh java -jar "$jar" bench gd-mlp
  fi
  run gfgd-system env OPENBLAS_NUM_THREADS=1 java -Dgfgd.blas=system -jar "$jar" bench gd-mlp
  # numpy: the machine's OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE (if set) slow a current OpenBLAS
  run numpy env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" benchmarks/peers/gd_mlp_numpy.py "$digits"
  run torch-1 env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" benchmarks/peers/gd_mlp_torch.py "$digits" 1
  run torch-2 env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_WAIT_POLICY=PASSIVE "$py" benchmarks/peers/gd_mlp_torch.py "$digits" 2
done
"$py" benchmarks/summarise-gd-mlp.py "$runs" | tee "$out/summary.md"
