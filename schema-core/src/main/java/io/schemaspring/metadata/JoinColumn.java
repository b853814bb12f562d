package io.schemaspring.metadata;

import org.jspecify.annotations.Nullable;

/**
 * One side of a many-to-many join: the join column (and the join schema field, when
 * joining through a schema class) and the field of the joined schema it references.
 */
public record JoinColumn(String column, @Nullable String joinField, String references, String referencesColumn) {
}
