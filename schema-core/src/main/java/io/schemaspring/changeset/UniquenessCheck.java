package io.schemaspring.changeset;

import io.schemaspring.metadata.SchemaMetadata;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Changeset#unsafeValidateUnique} asks the database; the repository ({@code Repo})
 * answers it.
 */
public interface UniquenessCheck {

    /**
     * Whether a row of the schema, other than the one {@code data} was read from, holds each of
     * the values; read in {@code prefix}, or where {@code data} is stored when it is {@code null}.
     */
    boolean existsOther(SchemaMetadata metadata, Object data, Map<String, Object> values, @Nullable String prefix);
}
