package io.schemaspring.jackson;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import tools.jackson.databind.module.SimpleModule;

/**
 * Serializes schema structs field by field through their accessors (no getters needed):
 * redacted fields never, associations only when loaded, embeds as objects.
 */
public class SchemaJacksonModule extends SimpleModule {

    public SchemaJacksonModule(SchemaRegistry registry) {
        super("schema-spring");
        for (SchemaMetadata metadata : registry.all()) {
            register(metadata);
        }
    }

    private <T> void register(SchemaMetadata metadata) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) metadata.schemaClass();
        addSerializer(type, new SchemaSerializer<>(metadata));
    }
}
