package io.schemaspring.metadata;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Version;

/**
 * The field Spring Data's {@code @Version} marks: Ecto's {@code optimistic_lock} applied
 * on every write.
 */
final class VersionField {

    private VersionField() {
    }

    static @Nullable String find(SchemaClass schemaClass, DeclaredFields declared, List<FieldMetadata> fields,
            List<FieldMetadata> virtualFields) {
        String version = null;
        for (java.lang.reflect.Field field : declared.declared()) {
            if (!field.isAnnotationPresent(Version.class)) {
                continue;
            }
            String name = field.getName();
            if (version != null) {
                throw schemaClass.error(name, "@Version is already declared on :" + version, "keep one @Version field");
            }
            if (!declared.plainFields().containsKey(name)
                    || virtualFields.stream().anyMatch(f -> f.name().equals(name))) {
                throw schemaClass.error(name, "@Version marks a field that is not a stored column",
                        "put @Version on an integer field");
            }
            FieldMetadata metadata = fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
            Class<?> type = metadata.type().javaType();
            if (!(type == Integer.class || type == Long.class || type == Short.class)) {
                throw schemaClass.error(name,
                        "@Version needs an integer field, and :" + name + " is " + metadata.type(),
                        "declare it as Integer, Long, int or long");
            }
            if (metadata.primaryKey()) {
                throw schemaClass.error(name, "a primary key cannot be the @Version of its struct",
                        "add a separate version field");
            }
            version = name;
        }
        return version;
    }

}
