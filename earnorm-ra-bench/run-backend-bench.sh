#!/usr/bin/env bash
# End to end on the real servers: Redis GET/SET through RedisPool vs Jedis's RedisClient,
# PostgreSQL SELECT 1 and a read by primary key through PostgresPool vs HikariCP, MongoDB find_one
# by _id through MongoPool vs a bare MongoClient; at several thread counts, in JMH's SampleTime mode
# (p99, and throughput as threads / mean time); prints one combined markdown table at the end.
#
# Usage (build first: mvn -B -q install -DskipTests, from the repository root):
#   earnorm-ra-bench/run-backend-bench.sh               # full run: 1,8,32 threads, -f 1, warm-up 3 x 2s (MongoDB 12 x 2s),
#                                                       #   measurement 5 x 2s (MongoDB 4 x 2s): about 12 minutes on 2 cores
#   earnorm-ra-bench/run-backend-bench.sh --quick       # smoke run: -wi 1 -w 1s -i 1 -r 1s, about 2 minutes
#   earnorm-ra-bench/run-backend-bench.sh -bm thrpt,sample   # also measure throughput in its own forks (twice as long)
#   earnorm-ra-bench/run-backend-bench.sh -i 10 -r 5s   # any JMH option overrides the defaults
#   earnorm-ra-bench/run-backend-bench.sh 'Redis.*' -prof stack   # one backend, with a profiler
#   earnorm-ra-bench/run-backend-bench.sh --rounds=3    # each pair's sides in neighbouring forks, 3 rounds, first side swapped each
#                                                       #   round: median ratio, spread and a verdict (ahead / behind / level)
#
# Servers: PostgreSQL on 127.0.0.1:5432 (database test, user postgres) and Redis on 127.0.0.1:6379,
# or EARNORM_POSTGRES_URL / EARNORM_REDIS_URI; MongoDB at EARNORM_MONGO_URI or, without it, an
# in-process mongo-java-server that each fork starts (its absolute figures are not a real mongod's).
#
# Environment:
#   THREADS   thread counts, comma-separated (default 1,8,32)
#   QUICK=1   the same as --quick
#   OUT_DIR   where the JSON results, the log and the summary go (default earnorm-ra-bench/target/backend-bench)
#   JAVA      the java launcher (default: java on the PATH)
set -euo pipefail

exec "$(dirname "${BASH_SOURCE[0]}")/bench-runner.sh" io.earnorm.ra.bench.backend.BackendBenchMain 1,8,32 backend-bench "$@"
