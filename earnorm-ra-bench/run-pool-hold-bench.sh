#!/usr/bin/env bash
# Fairness under contention: borrow, hold 50 µs parked, return, for the EarnORM pool core, HikariCP,
# Agroal and commons-pool2 (8 connections each) at several thread counts; JMH SampleTime, one
# combined table with throughput, mean, p50, p99, p99.9, max and the FIFO ideal.
#
# Usage (build first: mvn -B -q install -DskipTests, from the repository root):
#   earnorm-ra-bench/run-pool-hold-bench.sh            # full run: 1,8,32,128 threads, -f 1 -wi 2 -w 2s -i 3 -r 3s
#   earnorm-ra-bench/run-pool-hold-bench.sh --quick    # smoke run: -wi 1 -w 1s -i 1 -r 1s
#   earnorm-ra-bench/run-pool-hold-bench.sh -f 3       # any JMH option overrides the defaults
#
# Environment: THREADS (default 1,8,32,128), QUICK=1, OUT_DIR (default earnorm-ra-bench/target/pool-hold), JAVA.
set -euo pipefail

exec "$(dirname "${BASH_SOURCE[0]}")/bench-runner.sh" io.earnorm.ra.bench.pool.PoolHoldMain 1,8,32,128 pool-hold "$@"
