/** Ecto.Type: the field types, their casting rules, custom {@code SchemaType}s and the application-wide {@code SchemaTypes}. */
@NullMarked
package io.schemaspring.type;

import org.jspecify.annotations.NullMarked;
