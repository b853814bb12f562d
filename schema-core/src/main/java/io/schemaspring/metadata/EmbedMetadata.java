package io.schemaspring.metadata;

import io.schemaspring.annotation.OnReplace;

/** Ecto's {@code Ecto.Embedded} reflection: an embeds-one or embeds-many field. */
public record EmbedMetadata(String field, Cardinality cardinality, Class<?> related, String source, OnReplace onReplace,
        boolean defaultsToStruct, FieldAccessor accessor) {
}
