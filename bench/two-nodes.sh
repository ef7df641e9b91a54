#!/usr/bin/env bash
# One node alone, then two nodes behind nginx (deploy/nginx.conf, round-robin), on one fresh PostGIS database on
# this machine, under the same load (bench/wrk-nodes.lua: search, coverage, items, tiles, 1 % writes); prints both
# and their ratio, then how long a write on one node takes to show on the other (CrossNodeLatencyBenchmark).
# Both nodes share this machine's cores, so two nodes cannot be faster than one here: the check is "not slower".
# Usage: bash bench/two-nodes.sh   (DURATION=60s CONNECTIONS=64 ROUNDS=50 to change the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-50}
DB=civatlas_bench_nodes
PG=${PG:-127.0.0.1:5432}
URL="jdbc:postgresql://${PG}/${DB}"
WORK=$(mktemp -d)

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -q >/dev/null; apt-get install -y -q "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx
jar=target/civatlas-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || mvn -q -DskipTests package

pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -q -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" -c "CREATE DATABASE ${DB}"
psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -q -d "$DB" -c "CREATE EXTENSION postgis"

start_node() {
    local port=$1
    java -Xmx1g -jar "$jar" --server.port="$port" --spring.profiles.active=postgres \
        --spring.datasource.url="$URL" --spring.datasource.username=postgres --spring.datasource.password= \
        --civatlas.demo-data.enabled=true --civatlas.security.demo-users=true \
        --civatlas.data-dir="$WORK/data-$port" >"$WORK/node-$port.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 300); do
        curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
        sleep 1
    done
    echo "node on $port did not start; see $WORK/node-$port.log" >&2
    exit 1
}

run_load() {
    local url=$1
    wrk -t2 -c"$CONNECTIONS" -d10s -s bench/wrk-nodes.lua "$url" >/dev/null   # warm-up: caches, tiles, JIT
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/wrk-nodes.lua "$url" | grep -E '^(RESULT|ERROR-STATUS)'
}

echo "== one node (port 18081)"
start_node 18081
one=$(run_load http://127.0.0.1:18081)
echo "$one"

echo "== two nodes behind nginx (port 18080 -> 18081, 18082)"
start_node 18082
sed -e 's/^\( *\)server app:8080 resolve;/\1server 127.0.0.1:18081;\n\1server 127.0.0.1:18082;/' \
    -e '/resolver 127.0.0.11/d' -e '/zone civatlas/d' -e 's/listen 8080;/listen 18080;/' \
    -e "s#pid /tmp/nginx.pid;#pid $WORK/nginx.pid;#" -e 's#access_log /dev/stdout civatlas;#access_log off;#' \
    deploy/nginx.conf >"$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf"
two=$(run_load http://127.0.0.1:18080)
echo "$two"

rps() { sed -n 's/^RESULT.*rps=\([0-9.]*\).*/\1/p' <<<"$1"; }
p99() { sed -n 's/^RESULT.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$1"; }
awk -v a="$(rps "$one")" -v b="$(rps "$two")" -v pa="$(p99 "$one")" -v pb="$(p99 "$two")" 'BEGIN {
    printf "throughput: one node %.1f req/s, two nodes %.1f req/s, ratio two/one %.2f\n", a, b, b / a;
    printf "p99: one node %.1f ms, two nodes %.1f ms\n", pa, pb }'

echo "== a write on 18081 seen on 18082 (${ROUNDS} rounds)"
mvn -q test-compile exec:java \
    -Dexec.mainClass=org.civatlas.cluster.bench.CrossNodeLatencyBenchmark \
    -Dexec.args="--a http://127.0.0.1:18081 --b http://127.0.0.1:18082 --rounds ${ROUNDS}"
