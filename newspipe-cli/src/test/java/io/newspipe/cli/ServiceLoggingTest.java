package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.common.ArticleLogContext;

/** NEWSPIPE_LOG_FORMAT chooses the services' log format; json gives one object per line with the article id. */
class ServiceLoggingTest {

    @Test
    void givenTheFormatVariable_whenResolved_thenTextIsTheDefaultJsonIsChosenAndOthersAreRefused() {
        assertThat(ServiceCommand.serviceLogConfig(null)).isEqualTo(ServiceCommand.SERVICE_LOG_CONFIG);
        assertThat(ServiceCommand.serviceLogConfig(" TEXT ")).isEqualTo(ServiceCommand.SERVICE_LOG_CONFIG);
        assertThat(ServiceCommand.serviceLogConfig("json")).isEqualTo(ServiceCommand.SERVICE_JSON_LOG_CONFIG);
        assertThat(ServiceCommand.serviceLogConfig("xml")).isNull();
    }

    @Test
    void givenJsonLogging_whenAServiceLogsAboutAnArticleAndFails_thenEachLineIsJsonWithTheArticleIdAndTheError()
            throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String layoutName;
        try {
            ServiceCommand.useServiceLogging(ServiceCommand.SERVICE_JSON_LOG_CONFIG);
            // the configured console layout, tapped: what the service would print on stdout (surefire owns stdout)
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            Layout<?> layout = context.getConfiguration().getAppender("console").getLayout();
            layoutName = layout.getClass().getSimpleName();
            AbstractAppender tap = new AbstractAppender("tap", null, layout, true, Property.EMPTY_ARRAY) {
                @Override
                public void append(LogEvent event) {
                    captured.writeBytes(getLayout().toByteArray(event));
                }
            };
            tap.start();
            context.getConfiguration().getRootLogger().addAppender(tap, null, null);
            context.updateLoggers();
            var log = LoggerFactory.getLogger("io.newspipe.publish.PublishProcessor");
            try (ArticleLogContext ignored = ArticleLogContext.of("t-3170cee7")) {
                log.info("Published revision {}", 2);
                log.error("Could not publish", new IllegalStateException("Bộ nhớ đầy"));
            }
            log.info("Between records");
        } finally {
            Configurator.reconfigure();
        }

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = captured.toString(StandardCharsets.UTF_8).lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
        assertThat(layoutName).isEqualTo("JsonTemplateLayout");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("message").asText()).isEqualTo("Published revision 2");
        assertThat(lines.get(0).path("level").asText()).isEqualTo("INFO");
        assertThat(lines.get(0).path("logger").asText()).isEqualTo("io.newspipe.publish.PublishProcessor");
        assertThat(lines.get(0).path("context").path("articleId").asText()).isEqualTo("t-3170cee7");
        assertThat(lines.get(1).path("context").path("articleId").asText()).isEqualTo("t-3170cee7");
        assertThat(lines.get(1).path("error").path("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(lines.get(1).path("error").path("message").asText()).isEqualTo("Bộ nhớ đầy");
        assertThat(lines.get(1).path("error").path("stackTrace").asText()).contains("ServiceLoggingTest");
        assertThat(lines.get(2).path("context").has("articleId")).isFalse();
    }
}
