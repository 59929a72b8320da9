#!/usr/bin/env bash
# Runs a command as on a fresh machine without a system BLAS: in a private mount namespace (root
# only; nothing outside it changes) the system's BLAS, LAPACK, OpenBLAS, gfortran and quadmath
# libraries are hidden behind /dev/null, and JavaCPP extracts its libraries into an empty cache.
# Usage: sudo benchmarks/without-system-blas.sh java -jar target/gfgd.jar bench gd-mlp
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "needs root (unshare -m)" >&2; exit 2; }
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
exec unshare -m bash -c '
  set -e
  mount --make-rprivate /
  for f in /usr/lib/x86_64-linux-gnu/*blas* /usr/lib/x86_64-linux-gnu/*lapack* \
           /usr/lib/x86_64-linux-gnu/libgfortran* /usr/lib/x86_64-linux-gnu/libquadmath* \
           /usr/lib/x86_64-linux-gnu/openblas*/* /usr/lib/x86_64-linux-gnu/blas/* /usr/lib/x86_64-linux-gnu/lapack/*; do
    [ -f "$f" ] && [ ! -L "$f" ] && mount --bind /dev/null "$f"
  done
  export JAVA_TOOL_OPTIONS="-Dorg.bytedeco.javacpp.cachedir='"$cache"' ${JAVA_TOOL_OPTIONS:-}"
  exec "$@"' bash "$@"
