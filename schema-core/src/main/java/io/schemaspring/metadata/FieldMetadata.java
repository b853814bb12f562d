package io.schemaspring.metadata;

import io.schemaspring.annotation.Writable;
import io.schemaspring.type.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param defaultValue the value a new instance has (the field initializer); read through
 * {@link #defaultValue()}, which copies a mutable one
 * @param accessor reads and writes the field
 */
public record FieldMetadata(String name, @Nullable String source, Type type, boolean primaryKey, boolean virtual,
        boolean autogenerate, boolean readAfterWrites, boolean loadInQuery, boolean redact, Writable writable,
        @Nullable Object defaultValue, FieldAccessor accessor) {

    /**
     * The default, a fresh copy each time when it is a list, a map or a byte array, so
     * that no two structs share (and change) one default instance. The copy is shallow.
     */
    @Override
    public @Nullable Object defaultValue() {
        if (this.defaultValue instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (this.defaultValue instanceof Map<?, ?> map) {
            return new LinkedHashMap<>(map);
        }
        if (this.defaultValue instanceof byte[] bytes) {
            return bytes.clone();
        }
        return this.defaultValue;
    }
}
