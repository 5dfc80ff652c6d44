package io.newspipe.common;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Creates the Prometheus registry of a service and binds JVM and Kafka client metrics to it. */
public final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /** A Prometheus registry with JVM, process and uptime metrics, every meter tagged {@code service=<name>}. */
    @SuppressWarnings("resource") // the GC binder lives as long as the registry
    public static PrometheusMeterRegistry newRegistry(String serviceName) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(java.util.List.of(Tag.of("service", serviceName)));
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /** Binds Kafka Streams metrics (and those of its clients); close the returned binder with the streams. */
    public static KafkaStreamsMetrics bind(PrometheusMeterRegistry registry, KafkaStreams streams) {
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        return metrics;
    }

    /** Binds a producer's client metrics ({@code kafka_producer_*}); close the returned binder with the producer. */
    public static KafkaClientMetrics bind(PrometheusMeterRegistry registry, Producer<?, ?> producer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return metrics;
    }
}
