package io.newspipe.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * newspipe's own meters of a Streams stage (enrich, publish), beside the JVM and Kafka client metrics: records in
 * and out, per output topic. Prometheus names: {@code newspipe_records_in_total{stage}},
 * {@code newspipe_records_out_total{stage,topic}}, {@code newspipe_input_lag_records{stage}}; the stages add
 * their own through {@link #registry()}.
 */
public final class StageMetrics {

    private final MeterRegistry registry;
    private final String stage;
    private final Counter in;
    private final Map<String, Counter> out = new ConcurrentHashMap<>();

    public StageMetrics(MeterRegistry registry, String stage) {
        this.registry = registry;
        this.stage = stage;
        this.in = Counter.builder("newspipe.records.in").description("Records read by the stage")
                .tag("stage", stage).register(registry);
    }

    /** Meters nobody scrapes (topology unit tests). */
    public static StageMetrics unregistered(String stage) {
        return new StageMetrics(new SimpleMeterRegistry(), stage);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public String stage() {
        return stage;
    }

    public void recordIn() {
        in.increment();
    }

    public void recordOut(String topic) {
        out.computeIfAbsent(topic, t -> Counter.builder("newspipe.records.out")
                .description("Records written by the stage, per topic").tag("stage", stage).tag("topic", t)
                .register(registry)).increment();
    }

    /** A timer of this stage, e.g. {@code newspipe.enrich.extraction} (Prometheus: ..._seconds_count/_sum/_max). */
    public Timer timer(String name, String description) {
        return Timer.builder(name).description(description).tag("stage", stage).register(registry);
    }

    /** A counter of this stage with one more tag. */
    public Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag("stage", stage).tag(tag, value).register(registry);
    }

    /**
     * {@code newspipe_input_lag_records}: how many records of the inputs the stage has not read yet, the sum of
     * its main consumers' {@code records-lag} over the partitions they hold (restore consumers left out).
     */
    public void bindInputLag(StreamsApp app) {
        // the app's current instance: a restart replaces it
        Gauge.builder("newspipe.input.lag", app, a -> inputLag(a.streams())).baseUnit("records")
                .description("Records of the input topics not yet read (sum of the consumers' records-lag)")
                .tag("stage", stage).register(registry);
    }

    static double inputLag(KafkaStreams streams) {
        double lag = 0;
        if (streams == null) {
            return lag;
        }
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName name = e.getKey();
            String client = name.tags().getOrDefault("client-id", "");
            if (name.name().equals("records-lag") && name.group().equals("consumer-fetch-manager-metrics")
                    && name.tags().containsKey("partition") && !client.endsWith("-restore-consumer")
                    && e.getValue().metricValue() instanceof Number n && !Double.isNaN(n.doubleValue())) {
                lag += n.doubleValue();
            }
        }
        return lag;
    }
}
