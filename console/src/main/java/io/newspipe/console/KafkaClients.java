package io.newspipe.console;

import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The console's own Kafka clients: consumers without a group (assign and seek; nothing committed, so the services'
 * groups never see them), read_committed, small fetches, and a timeout on every call.
 */
final class KafkaClients {

    /** One poll returns at most this many records, and a fetch at most this many bytes: bounded memory. */
    static final int MAX_POLL_RECORDS = 500;
    static final int FETCH_MAX_BYTES = 8 * 1024 * 1024;

    private final ConsoleSettings settings;

    KafkaClients(ConsoleSettings settings) {
        this.settings = settings;
    }

    KafkaConsumer<byte[], byte[]> consumer(String clientId) {
        Properties p = settings.config().kafkaProperties();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a console started before the services must not create their topics with broker defaults (a published
        // topic that is not compacted) by asking for them
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(MAX_POLL_RECORDS));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(FETCH_MAX_BYTES));
        p.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis());
        p.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis());
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    Admin admin(String clientId) {
        Properties p = settings.config().kafkaProperties();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis());
        p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis());
        return Admin.create(p);
    }

    private String millis() {
        return String.valueOf(settings.callTimeout().toMillis());
    }
}
