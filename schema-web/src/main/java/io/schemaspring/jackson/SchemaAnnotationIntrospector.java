package io.schemaspring.jackson;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.Version;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.introspect.VisibilityChecker;

/**
 * What a schema class would say to Jackson if it were annotated: "write my fields,
 * getters or not" and "in declaration order" (Ecto's field order). Appended after
 * Jackson's own introspector, so a class's {@code @JsonAutoDetect} or
 * {@code @JsonPropertyOrder} wins. Reading JSON into a schema is left to the
 * application's settings, so that a {@code @RequestBody} can never assign fields that
 * have no setter.
 */
final class SchemaAnnotationIntrospector extends NopAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    private final transient SchemaRegistry registry;

    SchemaAnnotationIntrospector(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public VisibilityChecker findAutoDetectVisibility(MapperConfig<?> config, AnnotatedClass type,
            VisibilityChecker checker) {
        if (config instanceof SerializationConfig && this.registry.contains(type.getRawType())) {
            return checker.withFieldVisibility(Visibility.ANY);
        }
        return checker;
    }

    @Override
    public String @Nullable [] findSerializationPropertyOrder(MapperConfig<?> config, AnnotatedClass type) {
        SchemaMetadata metadata = this.registry.find(type.getRawType());
        if (metadata == null) {
            return null;
        }
        List<String> order = new ArrayList<>(metadata.fields());
        order.addAll(metadata.virtualFields());
        order.addAll(metadata.associations());
        return order.toArray(String[]::new);
    }

}
