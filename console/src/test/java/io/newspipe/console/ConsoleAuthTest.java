package io.newspipe.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleAuthTest {

    @Test
    void givenNoToken_thenEverythingIsAllowed() {
        assertThat(new ConsoleAuth(null).allows(null, null)).isTrue();
    }

    @Test
    void givenAToken_thenOnlyTheBearerOrTheSessionCookieIsAllowed() {
        ConsoleAuth auth = new ConsoleAuth("s3cret");

        assertThat(auth.allows(null, null)).isFalse();
        assertThat(auth.allows("Bearer s3cret", null)).isTrue();
        assertThat(auth.allows("bearer s3cret", null)).isTrue();
        assertThat(auth.allows("Bearer s3cre", null)).isFalse();
        assertThat(auth.allows("Basic s3cret", null)).isFalse();
        assertThat(auth.allows(null, auth.cookieValue())).isTrue();
        assertThat(auth.allows(null, "s3cret")).as("the cookie is not the token").isFalse();
        assertThat(auth.cookieValue()).doesNotContain("s3cret").isNotEqualTo(new ConsoleAuth("other").cookieValue());
    }

    @Test
    void givenLoginRedirects_thenOnlyLocalPathsAreFollowed() {
        assertThat(ConsoleServer.safeNext("/articles/x?revision=2")).isEqualTo("/articles/x?revision=2");
        assertThat(ConsoleServer.safeNext("//evil.example/")).isEqualTo("/pipeline");
        assertThat(ConsoleServer.safeNext("https://evil.example/")).isEqualTo("/pipeline");
        assertThat(ConsoleServer.safeNext(null)).isEqualTo("/pipeline");
    }
}
