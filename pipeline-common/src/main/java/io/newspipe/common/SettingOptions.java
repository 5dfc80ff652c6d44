package io.newspipe.common;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line options made from {@link Setting} rows, so a flag, its help, its environment variable and its default
 * are written once (streams-bootstrap style: every program takes the same flags). A picocli mixin: the subclass's
 * {@code @Command(modelTransformer = SettingOptions.Declare.class)} adds one option per setting to the command that
 * mixes it in (picocli applies a mixin's transformer to that command). The removed topic flags stay as hidden
 * options whose use is an error naming the replacement.
 */
public abstract class SettingOptions {

    /**
     * For a command line: a {@link ConfigException} from a command (a bad or removed setting) is one line on stderr
     * naming the command, and exit code 2 like any other usage error, not a stack trace.
     */
    public static final IExecutionExceptionHandler CONFIG_ERRORS = (exception, commandLine, parseResult) -> {
        if (exception instanceof ConfigException) {
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + exception.getMessage());
            commandLine.getErr().flush();
            return 2;
        }
        throw exception;
    };

    private final Set<Setting> settings;
    /** Each option's value as picocli set it: a String, or for the map settings the Map picocli fills. */
    private final Map<Setting, Object> values = new EnumMap<>(Setting.class);
    private Setting.Removed removedFlag;

    protected SettingOptions(Set<Setting> settings) {
        this.settings = Collections.unmodifiableSet(EnumSet.copyOf(settings));
    }

    /** The settings these options declare. */
    public Set<Setting> settings() {
        return settings;
    }

    /** Resolves against the real environment. */
    public PipelineConfig toConfig(ServiceDefaults defaults) {
        return toConfig(System.getenv(), defaults);
    }

    /** Resolves against the given environment (tests pass a map instead of mutating the process environment). */
    public PipelineConfig toConfig(Map<String, String> env, ServiceDefaults defaults) {
        if (removedFlag != null) {
            throw new ConfigException(removedFlag.message(true));
        }
        return PipelineConfig.resolve(flags(), map(Setting.CONFIG), map(Setting.TOPIC_NAMES), env, defaults);
    }

    /** The single-value flags given on the command line, by setting (absent flags are missing). */
    public Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        values.forEach((setting, value) -> {
            if (value instanceof String s) {
                flags.put(setting, s);
            }
        });
        return flags;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> map(Setting setting) {
        Object value = values.get(setting);
        return value == null ? Map.of() : new LinkedHashMap<>((Map<String, String>) value);
    }

    /** Adds the options of every {@link SettingOptions} mixin to the command that mixes it in. */
    public static final class Declare implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            for (CommandSpec mixin : spec.mixins().values()) {
                if (mixin.userObject() instanceof SettingOptions options) {
                    options.declareIn(spec);
                }
            }
            return spec;
        }
    }

    private void declareIn(CommandSpec spec) {
        for (Setting setting : settings) {
            if (spec.findOption(setting.flag()) != null) {
                continue; // already declared: picocli may transform a command more than once
            }
            OptionSpec.Builder option = OptionSpec.builder(setting.flag()).paramLabel(setting.paramLabel())
                    .description(setting.help());
            if (setting.isMap()) {
                option.type(Map.class).auxiliaryTypes(String.class, String.class);
            } else {
                option.type(String.class);
            }
            option.getter(getter(setting)).setter(setter(setting));
            spec.addOption(option.build());
        }
        for (Setting.Removed removed : Setting.Removed.values()) {
            if (spec.findOption(removed.flag()) == null) {
                spec.addOption(OptionSpec.builder(removed.flag()).hidden(true).type(String.class)
                        .setter(removedSetter(removed)).build());
            }
        }
    }

    private ISetter setter(Setting setting) {
        return new ISetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T set(T value) {
                T previous = (T) values.get(setting);
                if (value == null) {
                    values.remove(setting);
                } else {
                    values.put(setting, value);
                }
                return previous;
            }
        };
    }

    private IGetter getter(Setting setting) {
        return new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() {
                return (T) values.get(setting);
            }
        };
    }

    private ISetter removedSetter(Setting.Removed removed) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                if (value != null) {
                    removedFlag = removed;
                }
                return null;
            }
        };
    }
}
