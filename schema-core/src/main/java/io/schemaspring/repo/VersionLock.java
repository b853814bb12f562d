package io.schemaspring.repo;

import io.schemaspring.metadata.SchemaMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Spring Data's {@code @Version}, as Ecto's {@code optimistic_lock} applied to every
 * write of a struct.
 */
final class VersionLock {

    private VersionLock() {
    }

    /** A {@code @Version} field left null on insert starts at 0. */
    static void initialize(SchemaMetadata metadata, Object struct) {
        String version = metadata.versionField();
        if (version != null && metadata.field(version).accessor().get(struct) == null) {
            metadata.field(version).accessor().set(struct, next(metadata, -1L));
        }
    }

    /** The value a {@code @Version} field takes on the next write. */
    static Object next(SchemaMetadata metadata, @Nullable Object read) {
        long next = (read == null ? 0 : ((Number) read).longValue()) + 1;
        Class<?> type = metadata.type(metadata.versionField()).javaType();
        return type == Integer.class ? (Object) (int) next
                : type == Short.class ? (Object) (short) next : (Object) next;
    }

    /**
     * The filters of a write or delete with the {@code @Version} condition added, unless
     * they lock on it already.
     */
    static Map<String, Object> filters(SchemaMetadata metadata, Object data, Map<String, Object> filters) {
        String version = metadata.versionField();
        if (version == null || filters.containsKey(version)) {
            return filters;
        }
        Map<String, Object> versioned = new LinkedHashMap<>(filters);
        versioned.put(version, metadata.field(version).accessor().get(data));
        return versioned;
    }

}
