#!/usr/bin/env bash
# Borrow + return of one connection: EarnORM pool core vs HikariCP vs commons-pool2, at several
# thread counts, with -prof gc; prints one combined markdown table at the end.
#
# Usage (build first: mvn -B -q install -DskipTests, from the repository root):
#   earnorm-ra-bench/run-pool-bench.sh                 # full run: 1,2,8,32 threads, -f 1 -wi 3 -w 2s -i 5 -r 2s
#   earnorm-ra-bench/run-pool-bench.sh --quick         # smoke run: -wi 1 -w 1s -i 1 -r 1s
#   earnorm-ra-bench/run-pool-bench.sh -i 10 -r 5s     # any JMH option overrides the defaults
#
# Environment:
#   THREADS   thread counts, comma-separated (default 1,2,8,32)
#   QUICK=1   the same as --quick
#   OUT_DIR   where the JSON results, the log and the summary go (default earnorm-ra-bench/target/pool-bench)
#   JAVA      the java launcher (default: java on the PATH)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/benchmarks.jar"
out="${OUT_DIR:-$here/target/pool-bench}"
threads="${THREADS:-1,2,8,32}"

jmh_args=()
if [[ "${QUICK:-0}" == 1 ]]; then
  jmh_args+=(-wi 1 -w 1s -i 1 -r 1s)
fi
for arg in "$@"; do
  if [[ "$arg" == --quick ]]; then
    jmh_args+=(-wi 1 -w 1s -i 1 -r 1s)
  else
    jmh_args+=("$arg")
  fi
done

if [[ ! -f "$jar" ]]; then
  echo "$jar is missing: run 'mvn -B -q install -DskipTests' in $(dirname "$here") first" >&2
  exit 1
fi
mkdir -p "$out"

"${JAVA:-java}" -cp "$jar" io.earnorm.ra.bench.pool.PoolBenchMain \
  --threads="$threads" --out="$out" ${jmh_args[@]+"${jmh_args[@]}"} 2>&1 | tee "$out/pool-borrow.log"
