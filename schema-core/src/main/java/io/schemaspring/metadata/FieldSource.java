package io.schemaspring.metadata;

import io.schemaspring.type.Type;

/**
 * One entry of Ecto's {@code __schema__(:dump)} and {@code __schema__(:load)}: the column
 * a field is stored in and its type.
 *
 * @param source the column (Ecto's field source)
 * @param type the field's type
 */
public record FieldSource(String source, Type type) {
}
