/**
 * Ecto's {@code __schema__}: the registry of schemas, their reflection API and
 * {@code StructMeta}.
 */
@NullMarked
package io.schemaspring.metadata;

import org.jspecify.annotations.NullMarked;
