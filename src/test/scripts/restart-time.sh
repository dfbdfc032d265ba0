#!/usr/bin/env bash
# Measures how long Byline takes from process start to ready (/q/health/ready = 200) on an
# existing data dir, a given number of times. Usage: restart-time.sh <data-dir> [runs] [port]
set -euo pipefail
data_dir=${1:?data dir}; runs=${2:-3}; port=${3:-8089}
jar="$(dirname "$0")/../../../target/quarkus-app/quarkus-run.jar"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  BYLINE_DATA_DIR="$data_dir" QUARKUS_HTTP_PORT="$port" "$java_bin" -jar "$jar" > /dev/null 2>&1 &
  pid=$!
  until curl -sf "localhost:$port/q/health/ready" > /dev/null; do
    kill -0 "$pid" 2> /dev/null || { echo "Byline exited before it was ready" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  echo "run $i: ready in $(( (end - start) / 1000000 )) ms; $(curl -s "localhost:$port/q/health/ready" | tr -d ' \n' | grep -o '"articles":[0-9]*,"chunks":[0-9]*')"
  kill "$pid"; wait "$pid" 2> /dev/null || true
done
