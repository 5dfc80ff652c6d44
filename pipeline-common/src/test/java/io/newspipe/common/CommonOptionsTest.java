package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class CommonOptionsTest {

    private final CommandSpec spec = new CommandLine(new PipelineConfigTest.TestService()).getCommandSpec();

    @Test
    void givenEverySetting_whenLookingUpItsFlag_thenTheMixinDeclaresItAndItsHelpNamesTheEnvironmentVariable() {
        for (Setting setting : Setting.values()) {
            OptionSpec option = spec.findOption(setting.flag());
            assertThat(option).as(setting.flag()).isNotNull();
            String help = String.join(" ", option.description());
            String envName = setting.environmentVariable().replace("*", "");
            assertThat(help).as(setting.flag()).contains(envName);
        }
    }

    @Test
    void givenTheMixin_whenListingItsOptions_thenEachOneIsASetting() {
        List<String> settingFlags = Arrays.stream(Setting.values()).map(Setting::flag).toList();
        List<String> optionFlags = spec.options().stream().map(OptionSpec::longestName).toList();

        assertThat(optionFlags).containsExactlyInAnyOrderElementsOf(settingFlags);
    }

    @Test
    void givenSettingsWithCommonDefaults_whenReadingHelp_thenHelpStatesThatDefault() {
        for (Setting setting : Setting.values()) {
            if (setting.defaultValue() != null && !setting.defaultValue().contains("${")) {
                String help = String.join(" ", spec.findOption(setting.flag()).description());
                assertThat(help).as(setting.flag()).contains("Default: " + setting.defaultValue());
            }
        }
    }
}
