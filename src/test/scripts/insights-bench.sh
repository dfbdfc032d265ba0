#!/bin/bash
# The question log's cost on /api/v1/ask: the same jar and data dir, the log off then on, twice, in one run.
# CORPUS: the articles (default: the 35-article sample); DATA: the data dir (default target/bench-insights, emptied
# first; KEEP_DATA=1 keeps it, e.g. the BBC archive already ingested, whose ingest then finds every article unchanged).
set -e
cd "$(dirname "$0")/../../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"; export PATH=$JAVA_HOME/bin:$PATH
CORPUS=${CORPUS:-src/samples/bbc}
DATA=${DATA:-target/bench-insights}
PORT=18093
[ -n "$KEEP_DATA" ] || rm -rf $DATA
# bench is a measuring tool (src/tools), run from the test class path, not from the server's jar
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/tools-classpath.txt -Dmdep.includeScope=test
BENCH="java -cp target/test-classes:target/classes:$(cat target/tools-classpath.txt) dev.byline.tools.Tools bench"
BYLINE_DATA_DIR=$DATA java -jar target/quarkus-app/quarkus-run.jar ingest $CORPUS
for round in 1 2; do
  for log in false true; do
    rm -rf $DATA/insights
    BYLINE_DATA_DIR=$DATA java -Dbyline.rate-limit.enabled=false -Dbyline.insights.enabled=$log -Dquarkus.http.port=$PORT \
        -jar target/quarkus-app/quarkus-run.jar > target/bench-server.log 2>&1 &
    SERVER=$!
    trap 'kill $SERVER 2>/dev/null' EXIT
    for i in $(seq 1 120); do curl -sf localhost:$PORT/q/health/ready >/dev/null && break; sleep 1; done
    echo "=== round $round, byline.insights.enabled=$log, load: $(cut -d' ' -f1-3 /proc/loadavg)"
    $BENCH --url http://localhost:$PORT --endpoint ask --clients 1,8 --duration 20s
    if [ "$log" = true ]; then
      echo "question log: $(cat $DATA/insights/*.jsonl | wc -l) lines, $(du -sk $DATA/insights | cut -f1) KB"
    fi
    kill $SERVER; wait $SERVER || true
  done
done
