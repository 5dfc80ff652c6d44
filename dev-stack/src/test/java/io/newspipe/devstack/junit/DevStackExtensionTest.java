package io.newspipe.devstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.devstack.DevStack;

@ExtendWith(DevStackExtension.class)
class DevStackExtensionTest {

    @Test
    void givenTheExtension_whenADevStackParameterIsDeclared_thenItIsTheOneSharedRunningStack(DevStack stack)
            throws Exception {
        HttpResponse<String> root = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(stack).isSameAs(DevStackExtension.stack());
        assertThat(stack.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(stack.schemaRegistryUrl()).startsWith("http://127.0.0.1:");
        assertThat(stack.broker().isRunning()).isTrue();
        assertThat(root.statusCode()).isEqualTo(200);
    }
}
