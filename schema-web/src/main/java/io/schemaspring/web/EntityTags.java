package io.schemaspring.web;

import io.schemaspring.metadata.SchemaMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Entity tags from {@code @Version}: a stored struct's tag is its version, quoted
 * ({@code "3"}), so a client that sends it back in {@code If-Match} changes only the
 * version it read.
 */
final class EntityTags {

    private EntityTags() {
    }

    /**
     * The struct's tag, {@code null} when its schema has no {@code @Version} or the
     * version is not set.
     */
    static @Nullable String of(SchemaMetadata metadata, Object struct) {
        String field = metadata.versionField();
        if (field == null) {
            return null;
        }
        Object version = metadata.field(field).accessor().get(struct);
        return version == null ? null : "\"" + version + "\"";
    }

    /**
     * Whether an {@code If-Match} header matches {@code current} by the strong comparison
     * RFC 9110 asks for: {@code *}, or one of its tags equal to it (a weak {@code W/} tag
     * never matches).
     */
    static boolean matches(String ifMatch, @Nullable String current) {
        if (ifMatch.trim().equals("*")) {
            return current != null;
        }
        if (current == null) {
            return false;
        }
        for (String tag : ifMatch.split(",")) {
            if (tag.trim().equals(current)) {
                return true;
            }
        }
        return false;
    }

}
