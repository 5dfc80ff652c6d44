#!/usr/bin/python3
"""Conformance of newspipe's Schema Registry and Avro serde with Confluent's own Python client.

Uses Debian's python3-confluent-kafka (1.7: confluent_kafka.avro.CachedSchemaRegistryClient + MessageSerializer,
confluent_kafka.schema_registry.SchemaRegistryClient) and python3-avro; nothing here was written against our code.

  conformance.py [--registry URL] [--bootstrap HOST:PORT] --java-topic T --python-topic T --count N

1. REST: register, look up by id and by subject, latest version, compatibility (compatible -> true,
   incompatible -> false), and registering the incompatible schema -> HTTP 409 / error_code 409.
2. Reads N RawArticle records the Java serde wrote to --java-topic and checks their fields.
3. Writes N RawArticle records (py-0..) to --python-topic for the Java deserializer to check.
Exits 1 on any failure.
"""
import argparse
import datetime
import json
import os
import sys
import uuid

import avro.schema
from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.admin import AdminClient, NewTopic
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError

# Same values as io.newspipe.devstack.ConformanceProbe.
TEXT = "Chủ tịch UBND tỉnh trao Bằng khen cho 6 tập thể, thu ngân sách đạt 842,238 tỷ đồng."
RECEIVED_MS = 1_767_225_600_000
HERE = os.path.dirname(os.path.abspath(__file__))
RAW_ARTICLE_AVSC = os.path.join(HERE, "..", "..", "schemas", "src", "main", "avro", "RawArticle.avsc")

PROBE_V1 = {"type": "record", "name": "Probe", "namespace": "conformance",
            "fields": [{"name": "id", "type": "string"}]}
PROBE_V2_COMPATIBLE = {"type": "record", "name": "Probe", "namespace": "conformance",
                       "fields": [{"name": "id", "type": "string"},
                                  {"name": "lang", "type": "string", "default": "vi"}]}
PROBE_V3_INCOMPATIBLE = {"type": "record", "name": "Probe", "namespace": "conformance",
                         "fields": [{"name": "id", "type": "string"}, {"name": "count", "type": "int"}]}

failures = []


def check(what, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + what + ("" if condition else ": " + str(detail)))
    if not condition:
        failures.append(what)


def rest_checks(registry_url):
    subject = "conformance-%s-value" % uuid.uuid4().hex[:8]
    client = SchemaRegistryClient({"url": registry_url})
    v1 = Schema(json.dumps(PROBE_V1), "AVRO")

    schema_id = client.register_schema(subject, v1)
    check("register returns an id", isinstance(schema_id, int) and schema_id > 0, schema_id)
    check("registering again returns the same id", client.register_schema(subject, Schema(json.dumps(PROBE_V1), "AVRO")) == schema_id)
    fetched = client.get_schema(schema_id)
    check("schema by id equals the registered one", json.loads(fetched.schema_str) == PROBE_V1, fetched.schema_str)
    found = client.lookup_schema(subject, v1)
    check("lookup by subject finds id and version 1", found.schema_id == schema_id and found.version == 1,
          (found.schema_id, found.version))
    latest = client.get_latest_version(subject)
    check("latest version is the registered one", latest.schema_id == schema_id and latest.subject == subject,
          (latest.schema_id, latest.subject))
    check("subject is listed", subject in client.get_subjects())
    check("versions are [1]", client.get_versions(subject) == [1], client.get_versions(subject))
    check("global compatibility is BACKWARD", client.get_compatibility() == "BACKWARD", client.get_compatibility())
    check("added field with default is compatible",
          client.test_compatibility(subject, Schema(json.dumps(PROBE_V2_COMPATIBLE), "AVRO")) is True)
    check("added field without default is incompatible",
          client.test_compatibility(subject, Schema(json.dumps(PROBE_V3_INCOMPATIBLE), "AVRO")) is False)
    try:
        client.register_schema(subject, Schema(json.dumps(PROBE_V3_INCOMPATIBLE), "AVRO"))
        check("registering an incompatible schema is refused", False, "it was accepted")
    except SchemaRegistryError as e:
        check("registering an incompatible schema answers HTTP 409 / error_code 409",
              e.http_status_code == 409 and e.error_code == 409, (e.http_status_code, e.error_code, e.error_message))
    try:
        client.get_schema(987654321)
        check("unknown id is refused", False, "it was found")
    except SchemaRegistryError as e:
        check("unknown id answers 40403", e.error_code == 40403, (e.http_status_code, e.error_code))

    # The older client the MessageSerializer uses.
    legacy = CachedSchemaRegistryClient({"url": registry_url})
    check("legacy client registers to the same id", legacy.register(subject, avro.schema.parse(json.dumps(PROBE_V1))) == schema_id)
    check("legacy client reads the schema by id", legacy.get_by_id(schema_id) is not None)
    check("legacy client sees the incompatibility",
          legacy.test_compatibility(subject, avro.schema.parse(json.dumps(PROBE_V3_INCOMPATIBLE))) is False)


def as_millis(value):
    if isinstance(value, datetime.datetime):
        return round(value.timestamp() * 1000)
    return value


def read_java_records(registry_url, bootstrap, topic, count):
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry_url}))
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "conformance-" + uuid.uuid4().hex,
                         "enable.auto.commit": False})
    consumer.assign([TopicPartition(topic, 0, OFFSET_BEGINNING)])
    records = []
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=30)
    while len(records) < count and datetime.datetime.now() < deadline:
        msg = consumer.poll(0.5)
        if msg is None:
            continue
        if msg.error():
            check("consume from " + topic, False, msg.error())
            break
        records.append((msg.key(), serializer.decode_message(msg.value())))
    consumer.close()
    check("read %d Java-written records from %s" % (count, topic), len(records) == count, len(records))
    for i, (key, r) in enumerate(records):
        expected_id = "java-%d" % i
        check("record %d key" % i, key == expected_id.encode(), key)
        check("record %d articleId" % i, r.get("articleId") == expected_id, r.get("articleId"))
        check("record %d text (Vietnamese, UTF-8)" % i, r.get("text") == TEXT, r.get("text"))
        check("record %d title" % i, r.get("title") == "Bài %d" % i, r.get("title"))
        check("record %d receivedAt" % i, as_millis(r.get("receivedAt")) == RECEIVED_MS + i, r.get("receivedAt"))
        check("record %d language default" % i, r.get("language") == "vi", r.get("language"))
        check("record %d paragraphs" % i, r.get("paragraphs") == [TEXT], r.get("paragraphs"))
        check("record %d url is null" % i, r.get("url") is None, r.get("url"))


def write_python_records(registry_url, bootstrap, topic, count):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    futures = admin.create_topics([NewTopic(topic, 1, 1)])
    for f in futures.values():
        try:
            f.result()
        except Exception as e:  # already there is fine
            if "TOPIC_ALREADY_EXISTS" not in str(e):
                raise
    with open(RAW_ARTICLE_AVSC, encoding="utf-8") as f:
        schema = avro.schema.parse(f.read())
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry_url}))
    producer = Producer({"bootstrap.servers": bootstrap, "acks": "all"})
    for i in range(count):
        record = {
            "articleId": "py-%d" % i, "url": None, "title": "Bài %d" % i, "source": "conformance-python",
            "language": "vi",
            "publishedAt": None,
            "receivedAt": datetime.datetime.fromtimestamp((RECEIVED_MS + i) / 1000, tz=datetime.timezone.utc),
            "originalText": TEXT, "text": TEXT, "paragraphs": [TEXT], "captions": [], "photoCredits": [],
            "outletTag": None, "byline": None, "sourceUrl": None, "contentHash": "h%d" % i,
            # Python's avro writer does not fill in schema defaults: every field is given
            "version": 1,
        }
        producer.produce(topic, key=("py-%d" % i).encode(), value=serializer.encode_record_with_schema(topic, schema, record))
    remaining = producer.flush(30)
    check("wrote %d Python records to %s" % (count, topic), remaining == 0, remaining)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--registry", default=os.environ.get("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081"))
    parser.add_argument("--bootstrap", default=os.environ.get("BOOTSTRAP_SERVERS", "127.0.0.1:9092"))
    parser.add_argument("--java-topic", default="conformance.java.v1")
    parser.add_argument("--python-topic", default="conformance.python.v1")
    parser.add_argument("--count", type=int, default=3)
    args = parser.parse_args()

    rest_checks(args.registry)
    read_java_records(args.registry, args.bootstrap, args.java_topic, args.count)
    write_python_records(args.registry, args.bootstrap, args.python_topic, args.count)
    if failures:
        print("%d conformance check(s) failed: %s" % (len(failures), ", ".join(failures)))
        return 1
    print("all conformance checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
