package io.schemaspring.metadata;

import io.schemaspring.type.Type;

/**
 * Ecto's {@code __schema__(:autogenerate_id)}: the primary key the database generates
 * ({@code :id}) or the starter generates before insert ({@code :binary_id}).
 */
public record AutogenerateId(String field, String column, Type type) {
}
