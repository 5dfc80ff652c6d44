package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options are made from the Setting rows: one per row, with the row's label, help, environment and default. */
class CommonOptionsTest {

    private final CommandSpec spec = new CommandLine(new PipelineConfigTest.TestService()).getCommandSpec();

    @Test
    void givenEverySetting_whenLookingUpItsFlag_thenTheOptionCarriesTheRowsLabelAndHelp() {
        for (Setting setting : Setting.values()) {
            OptionSpec option = spec.findOption(setting.flag());
            assertThat(option).as(setting.flag()).isNotNull();
            assertThat(option.paramLabel()).as(setting.flag()).isEqualTo(setting.paramLabel());
            String help = String.join(" ", option.description());
            // picocli fills ${java.io.tmpdir} with the real path, which is what a reader wants
            String expected = setting.help().replace("${java.io.tmpdir}", System.getProperty("java.io.tmpdir"));
            assertThat(help).as(setting.flag()).isEqualTo(expected).contains(setting.environmentVariable());
        }
    }

    @Test
    void givenTheMixin_whenListingItsVisibleOptions_thenEachOneIsASetting() {
        List<String> settingFlags = Arrays.stream(Setting.values()).map(Setting::flag).toList();
        List<String> optionFlags = spec.options().stream().filter(o -> !o.hidden()).map(OptionSpec::longestName)
                .toList();

        assertThat(optionFlags).containsExactlyInAnyOrderElementsOf(settingFlags);
    }

    @Test
    void givenRepeatedMapFlagsAndSingleFlags_whenParsed_thenEveryValueReachesTheConfig() {
        PipelineConfigTest.TestService service = new PipelineConfigTest.TestService();
        new CommandLine(service).parseArgs("--config", "linger.ms=7", "--config", "acks=1", "--topic-name",
                "raw=a.raw", "--topic-name", "dlq=a.dlq", "--topic-partitions", "5");

        PipelineConfig config = service.common.toConfig(Map.of(), ServiceDefaults.none());

        assertThat(config.extraConfig()).containsEntry("linger.ms", "7").containsEntry("acks", "1");
        assertThat(config.topicName(TopicNames.LOGICAL_RAW)).isEqualTo("a.raw");
        assertThat(config.errorTopic()).isEqualTo("a.dlq");
        assertThat(config.topicPartitions()).isEqualTo(5);
    }

    @Test
    void givenHelp_whenPrinted_thenEveryFlagIsListedOnceAndRemovedOnesAreHidden() {
        StringWriter out = new StringWriter();
        new CommandLine(new PipelineConfigTest.TestService()).usage(new PrintWriter(out));

        for (Setting setting : Setting.values()) {
            assertThat(out.toString().split(java.util.regex.Pattern.quote(setting.flag() + "="), -1))
                    .as(setting.flag()).hasSize(3); // the synopsis and the option list
        }
        assertThat(out.toString()).doesNotContain("--input-topics").doesNotContain("--error-topic");
    }
}
