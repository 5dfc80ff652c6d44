/**
 * Operator commands: {@code ./newspipe replay} and {@code ./newspipe dlq list|replay}. They re-enrich and re-drive
 * while the services keep running, and downstream consumers see no duplicate revisions of unchanged articles.
 *
 * <h2>replay</h2>
 * <pre>
 * ./newspipe replay --from -2h                                        # last two hours
 * ./newspipe replay --from 2024-01-12T00:00:00Z --to 2024-01-13T00:00:00Z
 * ./newspipe replay --ids a1b2,c3d4                                   # those ids, anywhere in news.raw.v1
 * ./newspipe replay --from -1d --dry-run --verbose                    # how many and which; sends nothing
 * </pre>
 * news.raw.v1 is only read, never written to. The command scans from {@code offsetsForTimes(--from)} (or the
 * beginning with {@code --ids} alone) up to the end offsets captured at start, then copies one record per selected
 * article (key, value bytes, headers, plus {@code newspipe.replay.requested-at}) to news.replay.v1 with an
 * idempotent acks=all producer. Enrich reads news.replay.v1 through the same source as news.raw.v1; publish makes a
 * new revision only when the content fingerprint changed. Two choices that differ from the obvious:
 * <ul>
 * <li>the record sent for a selected article is its latest in the scanned range, even when that is after
 * {@code --to}: re-enriching an older version would publish stale content as a new revision
 * ({@link io.newspipe.cli.ops.ReplaySelection});</li>
 * <li>copies get the current time as timestamp, not the original: a months-old timestamp would fall out of
 * news.replay.v1's 7-day retention at once.</li>
 * </ul>
 *
 * <h2>dlq</h2>
 * <pre>
 * ./newspipe dlq list [--max N] [--format table|json]
 * ./newspipe dlq replay [--ids ID,...] [--stage enrich|publish] [--fix LABEL] [--force] [--dry-run] [--verbose]
 * </pre>
 * Dead letters read from news.raw.v1 or news.replay.v1 go to news.replay.v1; those read from news.enriched.v1 go back
 * to news.enriched.v1; original key, value and headers without the error headers, plus
 * {@code newspipe.dlq.replayed-from} = {@code <dlq topic>-<partition>@<offset>}, {@code newspipe.redrive.fix} and
 * {@code newspipe.redrive.attempt}. Which dead letters were re-driven is kept on the compacted topic
 * news.dlq.redriven.v1 ({@link io.newspipe.cli.ops.RedriveLedger}), each marker written in the same transaction as its
 * re-driven record: per record rather than a consumer group's offset, because {@code --ids}/{@code --stage} re-drive
 * subsets and an offset cannot say "these, not those". Concurrent runs each claim a partition of the dead-letter topic
 * with its own transactional id before reading its markers, so no letter goes twice; letters are streamed, not held.
 * Both commands are thin over library classes a console can call: {@link io.newspipe.cli.ops.ArticleReplay} and
 * {@link io.newspipe.cli.ops.DeadLetterRedrive}.
 *
 * <p>Bad input (unknown time format, {@code --to} before {@code --from}, neither {@code --from} nor {@code --ids})
 * is a one-line error and exit 2; Kafka unreachable or a missing topic is exit 1.
 */
package io.newspipe.cli.ops;
