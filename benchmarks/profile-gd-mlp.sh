#!/usr/bin/env bash
# Profiles `gfgd bench gd-mlp` with Java Flight Recorder (execution and native-method samples every
# 10 ms) and prints the time split (benchmarks/jfr-split.py). Usage: benchmarks/profile-gd-mlp.sh [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
threads="${1:-1}"
out=target/profile
mkdir -p "$out"
jh=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
# JDK's "profile" settings with both samplers at 10 ms, so that their counts compare
python3 - "$jh/lib/jfr/profile.jfc" "$out/samples.jfc" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
for ev in ("jdk.ExecutionSample", "jdk.NativeMethodSample"):
    i = s.index(f'<event name="{ev}">'); j = s.index("</event>", i)
    s = s[:i] + re.sub(r'<setting name="period"[^>]*>[^<]*</setting>', '<setting name="period">10 ms</setting>', s[i:j]) + s[j:]
open(sys.argv[2], "w").write(s)
PY
java -Dgfgd.threads="$threads" -XX:StartFlightRecording=filename="$out/gd-mlp.jfr",settings="$out/samples.jfc" \
  -jar target/gfgd.jar bench gd-mlp
echo
python3 benchmarks/jfr-split.py "$out/gd-mlp.jfr"
