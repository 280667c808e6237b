#!/bin/bash
# Three Payara Micro instances of the sample application with the RAR, whose ledger pool has
# fleetMaxSize=6, against the local PostgreSQL: load on all three, then kill -9 of one and load on
# the other two. Prints what each instance's /api/pools says of its fleet and the peak count on
# the server. A manual run, not part of CI. Needs: mvn -B -o -pl earnorm-ra-sample-war,earnorm-ra-rar -am package -DskipTests
set -u
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
PAYARA=${PAYARA:-$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar}
WORK=$(mktemp -d)
PORTS=(28080 28081 28082)
cat > "$WORK/system.properties" <<PROPS
earnorm.rar=$ROOT/earnorm-ra-rar/target/earnorm-ra.rar
earnorm.postgres.url=jdbc:postgresql://127.0.0.1:5432/test
earnorm.postgres.user=postgres
earnorm.mongo.uri=mongodb://127.0.0.1:28017
earnorm.redis.uri=redis://127.0.0.1:6379
PROPS
pids=()
for port in "${PORTS[@]}"; do
  mkdir -p "$WORK/$port/tmp"
  java -Xmx384m -Djava.io.tmpdir="$WORK/$port/tmp" -jar "$PAYARA" --nocluster --nohazelcast --disablephonehome --port "$port" \
    --prebootcommandfile "$ROOT/earnorm-ra-demo/src/main/payara/pre-boot-commands.txt" --systemproperties "$WORK/system.properties" \
    --postbootcommandfile post-boot-commands.txt --deploy "$ROOT/earnorm-ra-sample-war/target/earnorm-ra-sample.war" --contextroot / \
    > "$WORK/$port/payara.log" 2>&1 &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
fleet() {
  for port in "$@"; do
    curl -s -m 10 "http://127.0.0.1:$port/api/pools" | python3 -c "import json,sys
p=[p for p in json.load(sys.stdin) if p['name']=='sample-ledger'][0]; print($port, 'open', p['open'], 'fleet', p['fleet'])"
  done
}
for port in "${PORTS[@]}"; do
  until curl -s -m 5 "http://127.0.0.1:$port/api/status" | grep -q '"factories"'; do sleep 1; done
done
echo "== all three deployed"; fleet "${PORTS[@]}"
python3 load.py 20 12 28080,28081,28082; fleet "${PORTS[@]}"
kill -9 "${pids[2]}"; start=$(date +%s%N)
until fleet 28080 | grep -q "'instances': 2"; do sleep 0.1; done
echo "== kill -9 of 28082: 28080 sees 2 instances after $(( ($(date +%s%N) - start) / 1000000 )) ms"
python3 load.py 15 12 28080,28081; fleet 28080 28081
