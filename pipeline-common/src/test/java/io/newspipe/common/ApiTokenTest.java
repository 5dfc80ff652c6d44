package io.newspipe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ApiTokenTest {

    @Test
    void givenBothNames_whenRead_thenTheNewspipeOneWins() {
        assertThat(ApiToken.fromEnvironment(Map.of(ApiToken.ENV, "new", ApiToken.DEPRECATED_ENV, "old")))
                .contains("new");
    }

    @Test
    void givenOnlyTheDeprecatedName_whenRead_thenItIsStillTheToken() {
        assertThat(ApiToken.fromEnvironment(Map.of(ApiToken.DEPRECATED_ENV, "old"))).contains("old");
        assertThat(ApiToken.openAllowed(Map.of(ApiToken.DEPRECATED_ALLOW_OPEN_ENV, "TRUE"))).isTrue();
    }

    @Test
    void givenBlankOrNothing_whenRead_thenNoTokenAndNotOpen() {
        assertThat(ApiToken.fromEnvironment(Map.of(ApiToken.ENV, " "))).isEmpty();
        assertThat(ApiToken.openAllowed(Map.of())).isFalse();
        assertThat(ApiToken.openAllowed(Map.of(ApiToken.ALLOW_OPEN_ENV, "false",
                ApiToken.DEPRECATED_ALLOW_OPEN_ENV, "true"))).isFalse();
    }
}
