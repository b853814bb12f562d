package io.schemaspring.repo;

import io.schemaspring.query.Query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.SchemaRegistry;
import org.junit.jupiter.api.Test;

/**
 * Ecto's {@code __schema__(:query)} as
 * {@link Query#of(io.schemaspring.metadata.SchemaMetadata)}.
 */
class QuerySchemaTest {

    @Schema("plain_things")
    static class Plain {

        private Long id;

    }

    @Schema(value = "prefixed_things", prefix = "tenant_a")
    static class Prefixed {

        private Long id;

    }

    @EmbeddedSchema
    static class Part {

        private String name;

    }

    private final SchemaRegistry registry = SchemaRegistry.builder()
        .add(Plain.class, Prefixed.class, Part.class)
        .build();

    @Test
    void isTheWholeSchemaFromItsSourceWithItsPrefix() {
        Query<Plain> plain = Query.of(this.registry.get(Plain.class));
        assertThat(plain.schema()).isEqualTo(Plain.class);
        assertThat(plain.prefix()).isNull();
        assertThat(plain.conditions()).isEmpty();
        Query<Prefixed> prefixed = Query.of(this.registry.get(Prefixed.class));
        assertThat(prefixed.schema()).isEqualTo(Prefixed.class);
        assertThat(prefixed.prefix()).isEqualTo("tenant_a");
    }

    @Test
    void refusesEmbeddedSchemas() {
        assertThatThrownBy(() -> Query.of(this.registry.get(Part.class))).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("io.schemaspring.repo.QuerySchemaTest$Part is an embedded schema: it has no source to query "
                    + "(query its parent schema)");
    }

}
