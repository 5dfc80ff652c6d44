package io.newspipe.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.newspipe.devstack.DevStack;
import io.newspipe.devstack.junit.DevStackExtension;
import io.newspipe.serde.RestSchemaRegistryClient;
import io.newspipe.serde.SchemaMetadata;

/** Ids and versions live in the _schemas topic: they survive a restart and are shared by instances. */
@ExtendWith(DevStackExtension.class)
class RegistryDurabilityTest {

    private static Schema schema(String name, String... fields) {
        SchemaBuilder.FieldAssembler<Schema> f = SchemaBuilder.record(name).namespace("test.durable").fields();
        for (String field : fields) {
            f = f.name(field).type().stringType().stringDefault("");
        }
        return f.endRecord();
    }

    @Test
    void givenRegisteredSchemas_whenTheRegistryRestarts_thenIdsAndVersionsAreTheSame(DevStack stack) {
        String subject = "durable-" + UUID.randomUUID() + "-value";
        Schema v1 = schema("Restart", "a");
        Schema v2 = schema("Restart", "a", "b");
        int id1 = new RestSchemaRegistryClient(stack.schemaRegistryUrl()).register(subject, v1);
        int id2 = new RestSchemaRegistryClient(stack.schemaRegistryUrl()).register(subject, v2);

        stack.restartRegistry();
        RestSchemaRegistryClient fresh = new RestSchemaRegistryClient(stack.schemaRegistryUrl());

        assertThat(fresh.getSchemaById(id1)).isEqualTo(v1);
        assertThat(fresh.getSchemaById(id2)).isEqualTo(v2);
        SchemaMetadata latest = fresh.getLatestSchemaMetadata(subject);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(id2);
        assertThat(fresh.getAllVersions(subject)).containsExactly(1, 2);
        assertThat(fresh.register(subject, v1)).isEqualTo(id1);
    }

    @Test
    void givenASecondInstanceOverTheSameKafka_whenEitherRegisters_thenBothAgreeOnIds(DevStack stack) {
        String subject = "shared-" + UUID.randomUUID() + "-value";
        Schema first = schema("Shared", "a");
        Schema second = schema("Shared", "a", "b");
        try (SchemaRegistryServer other = new SchemaRegistryServer(stack.bootstrapServers(), 0).start()) {
            RestSchemaRegistryClient viaMain = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
            RestSchemaRegistryClient viaOther = new RestSchemaRegistryClient(other.url());

            int firstId = viaMain.register(subject, first);
            int secondId = viaOther.register(subject, second);

            // The other instance read the main one's write before assigning version 2 and a new id.
            assertThat(secondId).isNotEqualTo(firstId);
            assertThat(viaOther.getSchemaMetadata(subject, 1).id()).isEqualTo(firstId);
            // Registering on the main instance reads the other's write first, so it finds the same id.
            assertThat(new RestSchemaRegistryClient(stack.schemaRegistryUrl()).register(subject, second))
                    .isEqualTo(secondId);
            assertThat(viaMain.getLatestSchemaMetadata(subject).version()).isEqualTo(2);
        }
    }
}
