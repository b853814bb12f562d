package io.schemaspring.jackson;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.metadata.StructMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Takes the properties Jackson found on a schema struct, after every annotation, mix-in
 * and naming strategy applied, and removes what a schema never shows: redacted fields
 * (whatever their JSON name) and the struct's {@code StructMeta}. Associations are
 * written only when loaded.
 */
final class SchemaPropertiesModifier extends ValueSerializerModifier {

    private static final long serialVersionUID = 1L;

    private final transient SchemaRegistry registry;

    SchemaPropertiesModifier(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription.Supplier description,
            List<BeanPropertyWriter> properties) {
        SchemaMetadata metadata = this.registry.find(description.getBeanClass());
        if (metadata == null) {
            return properties;
        }
        Map<String, String> fieldNames = fieldNames(description.get());
        Set<String> redacted = Set.copyOf(metadata.redactFields());
        List<BeanPropertyWriter> kept = new ArrayList<>(properties.size());
        for (BeanPropertyWriter property : properties) {
            String field = fieldNames.getOrDefault(property.getName(), memberName(property));
            if (redacted.contains(field) || property.getType().getRawClass() == StructMeta.class) {
                continue;
            }
            kept.add(metadata.association(field) != null ? new LoadedAssociationWriter(property) : property);
        }
        return kept;
    }

    /**
     * JSON property name to the Java name it was found under (a field, or the field a
     * getter implies).
     */
    private static Map<String, String> fieldNames(BeanDescription description) {
        Map<String, String> names = new HashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            names.put(property.getName(), property.getInternalName());
        }
        return names;
    }

    private static String memberName(BeanPropertyWriter property) {
        AnnotatedMember member = property.getMember();
        return member == null ? property.getName() : member.getName();
    }

}
