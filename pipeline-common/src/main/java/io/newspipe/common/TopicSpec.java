package io.newspipe.common;

import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * How a topic is created when it is missing: partitions, replication factor and explicit topic configs
 * (retention, cleanup policy), so the contract does not depend on broker defaults.
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new ConfigException("Topic " + name + ": partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new ConfigException("Topic " + name + ": replication factor must be at least 1, got "
                    + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }

    /** The same spec for a topic of another name. */
    public TopicSpec named(String otherName) {
        return new TopicSpec(otherName, partitions, replicationFactor, configs);
    }

    public NewTopic toNewTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }
}
