package io.schemaspring.metadata;

import io.schemaspring.annotation.Writable;
import io.schemaspring.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * One field of a schema, virtual or persisted.
 *
 * @param name the Java field name
 * @param source the column, {@code null} for virtual fields
 * @param type the type
 * @param primaryKey part of the primary key
 * @param virtual never persisted nor loaded
 * @param autogenerate generated before insert (or by the database for {@code :id} keys)
 * @param readAfterWrites read back after insert and update
 * @param loadInQuery selected by queries
 * @param redact kept out of JSON, errors and logs
 * @param writable when the repository writes it
 * @param defaultValue the value a new instance has (the field initializer)
 * @param accessor reads and writes the field
 */
public record FieldMetadata(String name, @Nullable String source, Type type, boolean primaryKey, boolean virtual,
        boolean autogenerate, boolean readAfterWrites, boolean loadInQuery, boolean redact, Writable writable,
        @Nullable Object defaultValue, FieldAccessor accessor) {
}
