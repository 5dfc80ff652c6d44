#!/usr/bin/python3
"""Every public topic of a running pipeline, read by Confluent's Python client as a downstream team would.

Debian's python3-confluent-kafka 1.7 and python3-avro, nothing written against newspipe's code:

  public_topics.py --registry URL --bootstrap HOST:PORT --ingest URL --schemas DIR [--articles N]

1. Posts one article of its own with no award and no KPI (so news.awards.v1 and news.kpis.v1 carry an empty-set
   marker), then waits until news.published.v1 holds N+1 articles (N sent before by run.sh).
2. Reads news.published.v1, news.awards.v1, news.kpis.v1, news.entities.v1, news.stories.v1 and news.roles.v1
   from the beginning with isolation.level=read_committed and decodes every value three ways:
   - with the self-contained schema file DIR/<topic>-value.avsc alone (python3-avro, no registry);
   - with the registry through the legacy API (confluent_kafka.avro MessageSerializer);
   - with the registry through the current client (confluent_kafka.schema_registry.SchemaRegistryClient) for the
     writer schema, which must be the schema file; and through the current AvroDeserializer when fastavro is
     importable (Debian bookworm does not package it: a "skipped:" line says so).
   All decodings must agree; keys, revisions, index/count, the empty-set markers, every published article in a
   story and a position in every person's roles are checked.
3. The public subjects are FULL_TRANSITIVE.
Exits 1 on any failure.
"""
import argparse
import io
import json
import os
import sys
import time
import uuid

import avro.io
import avro.schema
import requests
from confluent_kafka import Consumer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
from confluent_kafka.schema_registry import SchemaRegistryClient

from conformance import check, failures  # the same ok/FAIL lines and failure list as conformance.py

PUBLISHED = "news.published.v1"
ITEM_TOPICS = {"news.awards.v1": "award", "news.kpis.v1": "kpi", "news.entities.v1": "entity"}
STORIES = "news.stories.v1"
ROLES = "news.roles.v1"
# The value field that is also the record key.
KEY_FIELD = {STORIES: "storyId", ROLES: "personId"}
# Written for this check: a short notice with places and an organization, but no award and no figure.
NO_AWARDS_TEXT = ("Sáng 3/12, Ủy ban nhân dân tỉnh Quảng Trị họp bàn kế hoạch trồng rừng ven biển tại "
                  "huyện Triệu Phong. Các sở, ngành liên quan cùng dự họp và thống nhất phân công nhiệm vụ.")


def post_article(ingest_url):
    answer = requests.post(ingest_url.rstrip("/") + "/v1/articles", data=NO_AWARDS_TEXT.encode("utf-8"),
                           headers={"Content-Type": "text/plain; charset=utf-8"}, timeout=30)
    check("ingest accepts the article without awards", answer.status_code in (200, 201, 202),
          (answer.status_code, answer.text[:200]))
    return answer.json().get("id") or answer.json().get("articleId")


def read_all(bootstrap, topic, until=None, timeout=180):
    """Every committed record of the topic; with `until`, polls until until(records) holds or timeout."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "public-topics-" + uuid.uuid4().hex,
                         "enable.auto.commit": False, "isolation.level": "read_committed"})
    metadata = consumer.list_topics(topic, timeout=30)
    partitions = [TopicPartition(topic, p, OFFSET_BEGINNING) for p in metadata.topics[topic].partitions]
    consumer.assign(partitions)
    records, deadline, idle_since = [], time.time() + timeout, time.time()
    while time.time() < deadline:
        msg = consumer.poll(0.5)
        if msg is None:
            if until is None and time.time() - idle_since > 3:
                break
            if until is not None and until(records):
                break
            continue
        idle_since = time.time()
        if msg.error():
            check("consume " + topic, False, msg.error())
            break
        records.append(msg)
    consumer.close()
    return records


def decode_with_file(schema, value):
    if value[0] != 0:
        raise ValueError("magic byte %d, not 0" % value[0])
    return avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(value[5:])))


def header(msg, name):
    for key, value in msg.headers() or []:
        if key == name:
            return value.decode("utf-8")
    return None


def check_topic(topic, records, schema_file, legacy, current, current_deserializer):
    with open(schema_file, encoding="utf-8") as f:
        file_text = f.read()
    file_schema = avro.schema.parse(file_text)
    ids, decoded, markers = set(), 0, 0
    for msg in records:
        key = msg.key().decode("utf-8")
        if msg.value() is None:
            markers += 1
            revision = header(msg, "newspipe.revision")
            check("%s marker for %s carries its revision" % (topic, key),
                  topic != PUBLISHED and revision is not None and int(revision) >= 1
                  and header(msg, "newspipe.count") == "0", (revision, msg.headers()))
            continue
        by_file = decode_with_file(file_schema, msg.value())
        by_registry = legacy.decode_message(msg.value())
        if by_file != by_registry:
            check("%s %s: file and registry decodings agree" % (topic, key), False, (by_file, by_registry))
        ids.add(int.from_bytes(msg.value()[1:5], "big"))
        if current_deserializer is not None:
            by_current = current_deserializer(msg.value(), None)
            if by_current != by_registry:
                check("%s %s: current AvroDeserializer agrees" % (topic, key), False, (by_current, by_registry))
        key_field = KEY_FIELD.get(topic, "articleId")
        if by_file.get(key_field) != key:
            check("%s: %s is the key" % (topic, key_field), False, (key, by_file.get(key_field)))
        if topic == STORIES:
            if not (by_file["members"] and by_file["firstSeen"] <= by_file["lastSeen"]):
                check("%s %s: members and first/last seen" % (topic, key), False, by_file)
        elif topic == ROLES:
            if not (by_file["name"] and by_file["positions"]):
                check("%s %s: a name and a position" % (topic, key), False, by_file)
        elif topic == PUBLISHED:
            if not (by_file["revision"] >= 1 and len(by_file["contentFingerprint"]) == 64):
                check("%s %s: revision and fingerprint" % (topic, key), False, by_file)
        else:
            item = by_file[ITEM_TOPICS[topic]]
            if not (0 <= by_file["index"] < by_file["count"] and isinstance(item, dict) and item.get("text")):
                check("%s %s: index < count and an item" % (topic, key), False, by_file)
        decoded += 1
    check("%s: %d records decoded with %s alone and with the registry, all agreeing"
          % (topic, decoded, os.path.basename(schema_file)), decoded > 0 and not any(topic in f for f in failures),
          decoded)
    for schema_id in ids:
        registered = current.get_schema(schema_id)
        check("%s: writer schema id %d is the schema file" % (topic, schema_id),
              json.loads(registered.schema_str) == json.loads(file_text))
    subject = topic + "-value"
    level = current.get_compatibility(subject)
    check("%s compatibility is FULL_TRANSITIVE" % subject, level == "FULL_TRANSITIVE", level)
    return markers


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--registry", required=True)
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--ingest", required=True)
    parser.add_argument("--schemas", required=True, help="docs/schemas")
    parser.add_argument("--articles", type=int, default=0, help="articles run.sh sent before")
    args = parser.parse_args()

    article_id = post_article(args.ingest)
    expected = args.articles + 1
    published = read_all(args.bootstrap, PUBLISHED,
                         until=lambda rs: len({m.key() for m in rs}) >= expected)
    keys = {m.key().decode("utf-8") for m in published}
    check("%s holds the %d articles sent" % (PUBLISHED, expected), len(keys) >= expected and article_id in keys,
          (sorted(keys), article_id))

    legacy = MessageSerializer(CachedSchemaRegistryClient({"url": args.registry}))
    current = SchemaRegistryClient({"url": args.registry})
    try:
        from confluent_kafka.schema_registry.avro import AvroDeserializer
        current_deserializer = AvroDeserializer(current)
    except ImportError as e:
        current_deserializer = None
        print("skipped: the current confluent_kafka.schema_registry.avro.AvroDeserializer (%s; Debian bookworm "
              "does not package fastavro); its registry client is checked instead" % e)

    schema_file = lambda topic: os.path.join(args.schemas, topic + "-value.avsc")
    check_topic(PUBLISHED, published, schema_file(PUBLISHED), legacy, current, current_deserializer)
    for topic in ITEM_TOPICS:
        records = read_all(args.bootstrap, topic)
        markers = check_topic(topic, records, schema_file(topic), legacy, current, current_deserializer)
        if topic in ("news.awards.v1", "news.kpis.v1"):
            mine = [m for m in records if m.key().decode("utf-8") == article_id]
            check("%s: the article without awards and KPIs left one empty-set marker" % topic,
                  len(mine) == 1 and mine[0].value() is None and markers >= 1, [(m.value(), m.headers()) for m in mine])

    stories = read_all(args.bootstrap, STORIES)
    check_topic(STORIES, stories, schema_file(STORIES), legacy, current, current_deserializer)
    in_stories = {m["articleId"] for msg in stories if msg.value() is not None
                  for m in legacy.decode_message(msg.value())["members"]}
    check("%s: every published article is a member of a story" % STORIES, keys <= in_stories,
          sorted(keys - in_stories))
    check_topic(ROLES, read_all(args.bootstrap, ROLES), schema_file(ROLES), legacy, current, current_deserializer)

    if failures:
        print("%d check(s) failed: %s" % (len(failures), ", ".join(failures)))
        return 1
    print("all public-topic checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
