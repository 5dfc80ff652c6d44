#!/usr/bin/env bash
# Conformance of newspipe's Schema Registry + Avro serde with Confluent's Python client.
# 1. Starts a DevStack (embedded KRaft broker + registry), writes records with the Java serde, runs conformance.py
#    (REST checks, reads the Java records, writes its own), reads the Python records with the Java deserializer,
#    stops the stack.
# 2. Starts the whole pipeline (./newspipe up on free ports), sends samples/articles, and runs public_topics.py:
#    every public topic decoded with the docs/schemas files alone and with the registry (consumers.md's recipes),
#    then kcat (when installed) reads the same topics. Exits non-zero on any failure.
#
# Needs: Java 17, Maven (offline repo populated), apt packages python3-confluent-kafka python3-avro python3-requests.
# Env: KAFKA_PORT, REGISTRY_PORT (default: free ports), COUNT (default 5), MVN (default mvn).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
MVN="${MVN:-mvn}"
COUNT="${COUNT:-5}"
WORK="$(mktemp -d -t newspipe-conformance-XXXXXX)"
STACK_PID=""
UP_PID=""

cleanup() {
  for pid in "$UP_PID" "$STACK_PID"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
# wait_for_line PID LOG PATTERN SECONDS WHAT: until LOG has a line matching PATTERN; exit 1 when PID dies or time is up.
wait_for_line() {
  local pid="$1" log="$2" pattern="$3" seconds="$4" what="$5"
  for _ in $(seq 1 $((seconds * 2))); do
    if grep -q "$pattern" "$log"; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$what exited before it was ready:"; cat "$log"; exit 1
    fi
    sleep 0.5
  done
  echo "$what not ready after $seconds s:"; cat "$log"; exit 1
}
KAFKA_PORT="${KAFKA_PORT:-$(free_port)}"
REGISTRY_PORT="${REGISTRY_PORT:-$(free_port)}"

echo "== building dev-stack test classes and classpath"
"$MVN" -B -o -q -pl dev-stack -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/dev-stack/target/test-classes:$ROOT/dev-stack/target/classes:$(cat "$WORK/cp.txt")"

echo "== starting DevStack (Kafka 127.0.0.1:$KAFKA_PORT, registry 127.0.0.1:$REGISTRY_PORT)"
START_NS=$(date +%s%N)
java -cp "$CP" io.newspipe.devstack.DevStackMain --data-dir "$WORK/data" \
  --kafka-port "$KAFKA_PORT" --registry-port "$REGISTRY_PORT" > "$WORK/stack.log" 2>&1 &
STACK_PID=$!
wait_for_line "$STACK_PID" "$WORK/stack.log" '^schema.registry.url=' 90 DevStack
echo "   ready after $(( ($(date +%s%N) - START_NS) / 1000000 )) ms (JVM start included); $(grep '^started.ms=' "$WORK/stack.log")"

export BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
export SCHEMA_REGISTRY_URL="http://127.0.0.1:$REGISTRY_PORT"
JAVA_TOPIC="conformance.java.v1"
PYTHON_TOPIC="conformance.python.v1"

echo "== Java serde writes $COUNT records to $JAVA_TOPIC"
java -cp "$CP" io.newspipe.devstack.ConformanceProbe write "$JAVA_TOPIC" "$COUNT"

echo "== Confluent's Python client: REST checks, read Java records, write Python records"
/usr/bin/python3 "$ROOT/.ci/conformance/conformance.py" --registry "$SCHEMA_REGISTRY_URL" \
  --bootstrap "$BOOTSTRAP_SERVERS" --java-topic "$JAVA_TOPIC" --python-topic "$PYTHON_TOPIC" --count "$COUNT"

echo "== Java deserializer reads $COUNT records from $PYTHON_TOPIC"
java -cp "$CP" io.newspipe.devstack.ConformanceProbe read "$PYTHON_TOPIC" "$COUNT"

echo "== stopping DevStack"
kill -TERM "$STACK_PID" 2>/dev/null || true
wait "$STACK_PID" 2>/dev/null || true
STACK_PID=""

echo "== the whole pipeline: ./newspipe up on free ports"
P_KAFKA="$(free_port)"; P_REGISTRY="$(free_port)"; P_INGEST="$(free_port)"; P_ENRICH="$(free_port)"
P_PUBLISH="$(free_port)"; P_CONSOLE="$(free_port)"
# The launcher jar from the build ('./mvnw verify' or 'package' made it); never let the launcher build (it installs).
if [ ! -f "$ROOT/newspipe-cli/target/newspipe-cli.jar" ]; then
  echo "== building the launcher jar (package, no install)"
  "$MVN" -B -o -q -pl newspipe-cli -am package -DskipTests
fi
NEWSPIPE_SKIP_BUILD=1 "$ROOT/newspipe" up --data-dir "$WORK/up" --kafka-port "$P_KAFKA" --registry-port "$P_REGISTRY" \
  --ingest-port "$P_INGEST" --enrich-port "$P_ENRICH" --publish-port "$P_PUBLISH" --console-port "$P_CONSOLE" \
  > "$WORK/up.log" 2>&1 &
UP_PID=$!
wait_for_line "$UP_PID" "$WORK/up.log" 'Send articles' 180 "newspipe up"
grep '^Ready' "$WORK/up.log" || true
SAMPLES=$(ls "$ROOT"/samples/articles/*.txt | wc -l)
NEWSPIPE_SKIP_BUILD=1 "$ROOT/newspipe" ingest "$ROOT/samples/articles" --url "http://127.0.0.1:$P_INGEST"

echo "== Confluent's Python client reads every public topic (schema files and registry)"
/usr/bin/python3 "$ROOT/.ci/conformance/public_topics.py" --registry "http://127.0.0.1:$P_REGISTRY" \
  --bootstrap "127.0.0.1:$P_KAFKA" --ingest "http://127.0.0.1:$P_INGEST" --schemas "$ROOT/docs/schemas" \
  --articles "$SAMPLES"

echo "== kcat reads the public topics (keys, headers, Confluent header bytes; no Avro decoding in Debian's build)"
if command -v kcat >/dev/null 2>&1; then
  for topic in news.published.v1 news.awards.v1 news.kpis.v1 news.entities.v1; do
    kcat -b "127.0.0.1:$P_KAFKA" -C -t "$topic" -o beginning -e -q -X isolation.level=read_committed \
      -f '%k %S %h\n' > "$WORK/kcat-$topic.txt"
    lines=$(wc -l < "$WORK/kcat-$topic.txt")
    if [ "$lines" -lt 1 ]; then echo "FAIL kcat read nothing from $topic"; exit 1; fi
    echo "ok   kcat read $lines records from $topic (key, value size, headers): $(head -1 "$WORK/kcat-$topic.txt")"
  done
  first=$(kcat -b "127.0.0.1:$P_KAFKA" -C -t news.published.v1 -o beginning -c 1 -e -q \
    -X isolation.level=read_committed -f '%s' | head -c 1 | od -An -tx1 | tr -d ' ')
  if [ "$first" != "00" ]; then echo "FAIL kcat: the first value byte is '$first', not the Confluent magic 00"; exit 1; fi
  echo "ok   kcat: values start with the Confluent magic byte 00"
else
  echo "skipped: kcat is not installed (apt-get install -y kcat)"
fi

echo "== conformance passed"
