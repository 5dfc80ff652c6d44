package io.newspipe.cli.ops;

import java.util.EnumSet;
import java.util.Map;

import io.newspipe.common.PipelineConfig;
import io.newspipe.common.ServiceDefaults;
import io.newspipe.common.Setting;
import io.newspipe.common.SettingOptions;
import picocli.CommandLine.Command;

/**
 * The connection flags operator commands need, a subset of the services' settings (same flags, help and
 * environment variables): where Kafka is, how topics are named, extra client properties. Bytes are copied as they
 * are, so no registry settings.
 */
@Command(modelTransformer = SettingOptions.Declare.class)
final class OperatorOptions extends SettingOptions {

    OperatorOptions() {
        super(EnumSet.of(Setting.BOOTSTRAP_SERVERS, Setting.TOPIC_NAMES, Setting.CONFIG));
    }

    private OperatorOptions(EnumSet<Setting> settings) {
        super(settings);
    }

    /** With the settings that name a Streams service's group and local state ({@code reset}). */
    static OperatorOptions forStreamsService() {
        return new OperatorOptions(EnumSet.of(Setting.BOOTSTRAP_SERVERS, Setting.TOPIC_NAMES, Setting.CONFIG,
                Setting.APPLICATION_ID, Setting.STATE_DIR));
    }

    PipelineConfig toConfig(Map<String, String> env) {
        return toConfig(env, ServiceDefaults.none());
    }
}
