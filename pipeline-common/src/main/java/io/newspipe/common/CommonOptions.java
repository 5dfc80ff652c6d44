package io.newspipe.common;

import java.util.EnumSet;

import picocli.CommandLine.Command;

/**
 * The flags every newspipe service shares: one per {@link Setting}, as a picocli mixin:
 *
 * <pre>{@code
 * @Command(name = "enrich-service")
 * class EnrichCommand implements Callable<Integer> {
 *     @Mixin CommonOptions common;
 *     public Integer call() {
 *         PipelineConfig config = common.toConfig(new ServiceDefaults("newspipe-enrich", 8082));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * Options carry no picocli default: an absent flag falls back to its environment variable, then to the default,
 * in {@link PipelineConfig#resolve}.
 */
@Command(modelTransformer = SettingOptions.Declare.class)
public class CommonOptions extends SettingOptions {

    public CommonOptions() {
        super(EnumSet.allOf(Setting.class));
    }
}
