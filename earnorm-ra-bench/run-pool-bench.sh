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

exec "$(dirname "${BASH_SOURCE[0]}")/bench-runner.sh" io.earnorm.ra.bench.pool.PoolBenchMain 1,2,8,32 pool-bench "$@"
