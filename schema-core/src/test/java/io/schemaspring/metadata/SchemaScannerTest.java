package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.metadata.scan.ScannedUser;
import org.junit.jupiter.api.Test;

class SchemaScannerTest {

    @Test
    void registryScansPackagesForSchemasWithoutSpringContext() {
        SchemaRegistry registry = SchemaRegistry.builder().scan("io.schemaspring.metadata.scan").build();
        assertThat(registry.all()).extracting(SchemaMetadata::schemaClass)
            .containsExactlyInAnyOrder(ScannedUser.class, ScannedUser.Settings.class);
        assertThat(registry.get(ScannedUser.class).embeds()).containsExactly("settings");
    }

}
