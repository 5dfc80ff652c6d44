package io.newspipe.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newspipe.common.TopicCatalog;
import io.newspipe.schemas.PublishedArticle;

/**
 * Follows the published topic from its beginning with a consumer of its own (no group) and keeps, per article, its
 * id, title, URL, latest revision and where each revision sits. At most {@code maxArticles} articles: past that the
 * least recently published one is dropped (the page then finds it by a scan). Texts and extractions are not kept.
 */
public final class ArticleIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    /** Revisions remembered per article; older ones are still on the topic until compaction. */
    static final int MAX_REVISIONS = 50;
    private static final Duration RECHECK_PARTITIONS = Duration.ofSeconds(30);

    /** @param caughtUp whether the index has read up to where the topic ended when it started */
    public record State(int articles, long recordsRead, long undecodable, long dropped, boolean caughtUp,
            String lastProblem) {
    }

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<PublishedArticle> values;
    private final int maxArticles;
    private final Duration timeout;
    private final LinkedHashMap<String, ArticleSummary> articles = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> endAtStart = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long recordsRead;
    private long undecodable;
    private long dropped;
    private boolean caughtUp;
    private String lastProblem;

    public ArticleIndex(ConsoleSettings settings) {
        TopicCatalog catalog = new TopicCatalog(settings.config());
        this.topic = catalog.published().name();
        this.values = catalog.published().valueDeserializer();
        this.consumer = new KafkaClients(settings).consumer("newspipe-console-index");
        this.maxArticles = settings.maxArticles();
        this.timeout = settings.callTimeout();
        this.thread = new Thread(this::run, "console-article-index");
        this.thread.setDaemon(true);
    }

    public ArticleIndex start() {
        thread.start();
        return this;
    }

    public String topic() {
        return topic;
    }

    public synchronized Optional<ArticleSummary> get(String id) {
        return Optional.ofNullable(articles.get(id));
    }

    /** The most recently published articles, newest first. */
    public synchronized List<ArticleSummary> latest(int max) {
        List<ArticleSummary> all = new ArrayList<>(articles.values());
        all.sort(Comparator.comparing(ArticleSummary::publishedAt).reversed());
        return all.subList(0, Math.min(max, all.size()));
    }

    /** Articles whose id, URL or title contains the query (ignoring case), newest first. */
    public synchronized List<ArticleSummary> matching(String query, int max) {
        String q = query.toLowerCase(Locale.ROOT);
        List<ArticleSummary> hits = new ArrayList<>();
        for (ArticleSummary a : articles.values()) {
            if (contains(a.id(), q) || contains(a.url(), q) || contains(a.title(), q)) {
                hits.add(a);
            }
        }
        hits.sort(Comparator.comparing(ArticleSummary::publishedAt).reversed());
        return hits.subList(0, Math.min(max, hits.size()));
    }

    /** The articles of a story other than {@code exceptId}, newest first. */
    public synchronized List<ArticleSummary> inStory(String storyId, String exceptId, int max) {
        List<ArticleSummary> members = new ArrayList<>();
        for (ArticleSummary a : articles.values()) {
            if (storyId.equals(a.storyId()) && !a.id().equals(exceptId)) {
                members.add(a);
            }
        }
        members.sort(Comparator.comparing(ArticleSummary::publishedAt).reversed());
        return members.subList(0, Math.min(max, members.size()));
    }

    private static boolean contains(String field, String lowerQuery) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerQuery);
    }

    public synchronized State state() {
        return new State(articles.size(), recordsRead, undecodable, dropped, caughtUp, lastProblem);
    }

    /** Whether the index has dropped articles, so a missing id may still be on the topic. */
    public synchronized boolean isPartial() {
        return dropped > 0;
    }

    private void run() {
        long lastCheck = 0;
        while (running) {
            try {
                if (System.nanoTime() - lastCheck > RECHECK_PARTITIONS.toNanos() || consumer.assignment().isEmpty()) {
                    assignNewPartitions();
                    lastCheck = System.nanoTime();
                }
                if (consumer.assignment().isEmpty()) {
                    Thread.sleep(1000); // the topic does not exist yet
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    add(r);
                }
                checkCaughtUp();
            } catch (WakeupException e) {
                // closing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                problem("reading " + topic + " failed: " + PipelineMonitor.rootMessage(e));
                sleepQuietly();
            }
        }
    }

    private void assignNewPartitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            return;
        }
        List<TopicPartition> all = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        if (consumer.assignment().containsAll(all)) {
            return;
        }
        List<TopicPartition> added = all.stream().filter(tp -> !consumer.assignment().contains(tp)).toList();
        List<TopicPartition> assignment = new ArrayList<>(consumer.assignment());
        assignment.addAll(added);
        consumer.assign(assignment);
        consumer.seekToBeginning(added);
        Map<TopicPartition, Long> ends = consumer.endOffsets(added, timeout);
        synchronized (this) {
            endAtStart.putAll(ends);
        }
    }

    private void checkCaughtUp() {
        synchronized (this) {
            if (caughtUp) {
                return;
            }
        }
        boolean done = true;
        for (Map.Entry<TopicPartition, Long> e : snapshotEnds().entrySet()) {
            if (consumer.position(e.getKey(), timeout) < e.getValue()) {
                done = false;
                break;
            }
        }
        synchronized (this) {
            caughtUp = done;
        }
    }

    private synchronized Map<TopicPartition, Long> snapshotEnds() {
        return new HashMap<>(endAtStart);
    }

    private void add(ConsumerRecord<byte[], byte[]> r) {
        PublishedArticle a;
        try {
            a = r.value() == null ? null : values.deserialize(r.topic(), r.headers(), r.value());
        } catch (RuntimeException e) {
            synchronized (this) {
                recordsRead++;
                undecodable++;
            }
            problem("cannot decode " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": "
                    + PipelineMonitor.rootMessage(e));
            return;
        }
        synchronized (this) {
            recordsRead++;
            if (a == null) {
                return; // a tombstone: nothing newspipe writes, nothing to show
            }
            ArticleSummary previous = articles.remove(a.getArticleId());
            List<ArticleSummary.RevisionRef> revisions = new ArrayList<>(
                    previous == null ? List.of() : previous.revisions());
            revisions.removeIf(x -> x.revision() == a.getRevision());
            revisions.add(new ArticleSummary.RevisionRef(a.getRevision(), r.partition(), r.offset(),
                    a.getPublishedAt()));
            revisions.sort(Comparator.comparingInt(ArticleSummary.RevisionRef::revision));
            while (revisions.size() > MAX_REVISIONS) {
                revisions.remove(0);
            }
            articles.put(a.getArticleId(), new ArticleSummary(a.getArticleId(), a.getTitle(), a.getUrl(),
                    a.getSource(), a.getRevision(), a.getPublishedAt(), List.copyOf(revisions), a.getStoryId()));
            Iterator<String> eldest = articles.keySet().iterator();
            while (articles.size() > maxArticles && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
                dropped++;
            }
        }
    }

    private synchronized void problem(String message) {
        if (!message.equals(lastProblem)) {
            log.warn("Article index: {}", message);
        }
        lastProblem = message;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(timeout.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            consumer.close();
        }
        values.close();
    }
}
