#!/usr/bin/env bash
# What the run-*-bench.sh scripts share: checks the benchmark jar is built, turns --quick (or
# QUICK=1) into a short JMH run, passes every other argument to JMH, and keeps a log.
#
# Usage: bench-runner.sh <runner main class> <default thread counts> <name> [--quick] [JMH options...]
# Environment: THREADS, QUICK, OUT_DIR (default earnorm-ra-bench/target/<name>), JAVA.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
main="$1" default_threads="$2" name="$3"
shift 3
jar="$here/target/benchmarks.jar"
out="${OUT_DIR:-$here/target/$name}"
threads="${THREADS:-$default_threads}"
quick=(-wi 1 -w 1s -i 1 -r 1s)

jmh_args=()
if [[ "${QUICK:-0}" == 1 ]]; then
  jmh_args+=("${quick[@]}")
fi
for arg in "$@"; do
  if [[ "$arg" == --quick ]]; then
    jmh_args+=("${quick[@]}")
  else
    jmh_args+=("$arg")
  fi
done

if [[ ! -f "$jar" ]]; then
  echo "$jar is missing: run 'mvn -B -q install -DskipTests' in $(dirname "$here") first" >&2
  exit 1
fi
mkdir -p "$out"

"${JAVA:-java}" -cp "$jar" "$main" \
  --threads="$threads" --out="$out" ${jmh_args[@]+"${jmh_args[@]}"} 2>&1 | tee "$out/$name.log"
