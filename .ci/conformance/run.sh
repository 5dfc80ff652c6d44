#!/usr/bin/env bash
# Conformance of newspipe's Schema Registry + Avro serde with Confluent's Python client.
# Starts a DevStack (embedded KRaft broker + registry), writes records with the Java serde, runs conformance.py
# (REST checks, reads the Java records, writes its own), reads the Python records with the Java deserializer,
# stops the stack. Exits non-zero on any failure.
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

cleanup() {
  if [[ -n "$STACK_PID" ]] && kill -0 "$STACK_PID" 2>/dev/null; then
    kill -TERM "$STACK_PID" 2>/dev/null || true
    wait "$STACK_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
KAFKA_PORT="${KAFKA_PORT:-$(free_port)}"
REGISTRY_PORT="${REGISTRY_PORT:-$(free_port)}"

echo "== building dev-stack test classes and classpath"
"$MVN" -B -o -q -pl dev-stack test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/dev-stack/target/test-classes:$ROOT/dev-stack/target/classes:$(cat "$WORK/cp.txt")"

echo "== starting DevStack (Kafka 127.0.0.1:$KAFKA_PORT, registry 127.0.0.1:$REGISTRY_PORT)"
START_NS=$(date +%s%N)
java -cp "$CP" io.newspipe.devstack.DevStackMain --data-dir "$WORK/data" \
  --kafka-port "$KAFKA_PORT" --registry-port "$REGISTRY_PORT" > "$WORK/stack.log" 2>&1 &
STACK_PID=$!
for _ in $(seq 1 180); do
  if grep -q '^schema.registry.url=' "$WORK/stack.log"; then break; fi
  if ! kill -0 "$STACK_PID" 2>/dev/null; then
    echo "DevStack exited before it was ready:"; cat "$WORK/stack.log"; exit 1
  fi
  sleep 0.5
done
if ! grep -q '^schema.registry.url=' "$WORK/stack.log"; then
  echo "DevStack not ready after 90 s:"; cat "$WORK/stack.log"; exit 1
fi
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

echo "== conformance passed"
