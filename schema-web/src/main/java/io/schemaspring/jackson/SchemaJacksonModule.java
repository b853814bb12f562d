package io.schemaspring.jackson;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.type.BitString;
import java.util.Objects;
import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleSerializers;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * Puts schema structs under the application's own Jackson configuration: they serialize
 * through Jackson's bean serialization, so {@code @JsonIgnore}, {@code @JsonProperty},
 * {@code @JsonFormat}, {@code @JsonInclude}, {@code @JsonView}, {@code @JsonUnwrapped},
 * mix-ins, naming strategies and Boot's {@code spring.jackson.*} settings all apply. On
 * top of that, and whatever an annotation says: redacted fields are never written,
 * associations only when loaded, and fields are written without getters. A
 * {@link BitString} is written as its {@code 0} and {@code 1} text.
 */
public class SchemaJacksonModule extends JacksonModule {

    private final SchemaRegistry registry;

    /**
     * Creates the module over the application's registry, which tells schema structs from
     * any other bean; {@code registry} must not be {@code null}.
     */
    public SchemaJacksonModule(SchemaRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "Registry must not be null");
    }

    @Override
    public String getModuleName() {
        return "schema-spring";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        // Appended: the class's own Jackson annotations win over what this introspector
        // answers.
        context.appendAnnotationIntrospector(new SchemaAnnotationIntrospector(this.registry));
        context.addSerializerModifier(new SchemaPropertiesModifier(this.registry));
        context.addSerializers(new SimpleSerializers().addSerializer(BitString.class, ToStringSerializer.instance));
    }

}
