package io.newspipe.devstack.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.serde.RestSchemaRegistryClient;
import io.newspipe.serde.SchemaRegistryException;

/** The client against the real registry: Confluent error bodies become codes, compatibility and config calls work. */
@ExtendWith(DevStackExtension.class)
class RestSchemaRegistryClientTest {

    private static final Schema V1 = SchemaBuilder.record("ClientProbe").namespace("test.client").fields()
            .requiredString("id").endRecord();
    private static final Schema V2_COMPATIBLE = SchemaBuilder.record("ClientProbe").namespace("test.client").fields()
            .requiredString("id").name("lang").type().stringType().stringDefault("vi").endRecord();
    private static final Schema V2_INCOMPATIBLE = SchemaBuilder.record("ClientProbe").namespace("test.client")
            .fields().requiredString("id").requiredLong("n").endRecord();

    @Test
    void givenAnUnknownId_whenFetched_thenTheExceptionCarriesConfluentCode40403AndTheMessage(DevStack stack) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.schemaRegistryUrl());

        assertThatThrownBy(() -> client.getSchemaById(99_999_999))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("99999999").contains(stack.schemaRegistryUrl());
                });
    }

    @Test
    void givenARegisteredSchema_whenTestingCandidates_thenCompatibilityFollowsBackward(DevStack stack) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
        String subject = "client-" + UUID.randomUUID() + "-value";

        boolean beforeAnything = client.testCompatibility(subject, V1);
        int id = client.register(subject, V1);

        assertThat(beforeAnything).isTrue();
        assertThat(client.lookup(subject, V1).id()).isEqualTo(id);
        assertThat(client.testCompatibility(subject, V2_COMPATIBLE)).isTrue();
        assertThat(client.testCompatibility(subject, V2_INCOMPATIBLE)).isFalse();
        assertThat(client.getCompatibility(subject)).isEqualTo("BACKWARD");
    }

    @Test
    void givenASubjectLevel_whenSet_thenItIsReadBackAndApplied(DevStack stack) {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
        String subject = "client-" + UUID.randomUUID() + "-value";
        client.register(subject, V1);

        client.updateCompatibility(subject, "FORWARD");

        assertThat(client.getCompatibility(subject)).isEqualTo("FORWARD");
        // FORWARD: the old schema must read the new one's data; a new required field is fine, removing one is not.
        assertThat(client.testCompatibility(subject, V2_INCOMPATIBLE)).isTrue();
        assertThatThrownBy(() -> client.updateCompatibility(subject, "SIDEWAYS"))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL));
    }
}
