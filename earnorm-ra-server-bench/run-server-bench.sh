#!/usr/bin/env bash
# The adapter inside Payara Micro against what a Payara user would pick instead, both sides in one
# server, driven by a harness inside it (a managed executor; no HTTP in the measured path):
# PostgreSQL SELECT 1 and a row by primary key (no transaction and in a JTA transaction) vs Payara's
# JDBC pool over pgjdbc; Redis GET/SET vs an application-held Jedis RedisClient; MongoDB find by
# _id vs an application-held MongoClient. Each with the server's connector pool off (side "rar")
# and on ("rar-pooled"). Builds, boots, runs, prints the table.
#
# Usage (from anywhere):
#   earnorm-ra-server-bench/run-server-bench.sh             # full run: 7 operations x 1,8,32,128 workers x 3 sides,
#                                                           #   warm-up 2 s + 6 s measured per step: about 13 minutes
#   earnorm-ra-server-bench/run-server-bench.sh --quick     # smoke run (0.5 s + 1 s per step, about 3 minutes; numbers meaningless)
#   earnorm-ra-server-bench/run-server-bench.sh --ops=pg-getclose,pg-getclose-tx --workers=1   # getConnection()+close() only
#   earnorm-ra-server-bench/run-server-bench.sh --measure=10 --warmup=3 --workers=8,32
#
# Options (passed to the launcher): --ops=a,b (pg-getclose, pg-getclose-tx, pg-select1, pg-select1-tx,
# pg-row, pg-row-tx, redis-get, redis-set, mongo-find), --sides=rar,rar-pooled,native,
# --workers=1,8,32,128, --warmup=SECONDS, --measure=SECONDS, --payara-jvm="-Xmx1g -XX:StartFlightRecording=..." (space-separated),
# --lookup=global|reference (how the application reaches the factories and Payara's data source: a JNDI
# lookup of the global name without a resource reference, the default and the cheapest, or
# @Resource references, for which Payara maps the caller's principal on every getConnection).
# Environment: PORT (Payara Micro's HTTP port, default 48080), OUT_DIR (default
# earnorm-ra-server-bench/target/server-bench), SKIP_BUILD=1 (use what is built), JAVA (default java),
# EARNORM_POSTGRES_URL/_USER/_PASSWORD (default jdbc:postgresql://127.0.0.1:5432/test, postgres, none),
# EARNORM_REDIS_URI (default redis://127.0.0.1:6379), EARNORM_MONGO_URI (default: an in-process
# mongo-java-server in the launcher's JVM: this machine has no mongod).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="${OUT_DIR:-$here/target/server-bench}"

args=()
for arg in "$@"; do
  if [[ "$arg" == --quick ]]; then
    args+=(--warmup=0.5 --measure=1)
  else
    args+=("$arg")
  fi
done

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # The RAR and the WAR with the modules they need; no tests, nothing installed into ~/.m2.
  (cd "$root" && mvn -B -q -pl earnorm-ra-server-bench -am package -DskipTests)
fi

mkdir -p "$out"
"${JAVA:-java}" -cp "$here/target/classes:$(cat "$here/target/launcher.classpath")" \
  io.earnorm.ra.serverbench.launcher.ServerBenchMain \
  --rar="$root/earnorm-ra-rar/target/earnorm-ra.rar" \
  --war="$here/target/earnorm-ra-server-bench.war" \
  --post-boot="$here/src/main/payara/post-boot-commands.txt" \
  --payara-dir="$here/target/payara" \
  --out="$out" --port="${PORT:-48080}" \
  ${args[@]+"${args[@]}"} 2>&1 | tee "$out/server-bench.log"
