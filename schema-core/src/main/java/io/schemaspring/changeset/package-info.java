/** Ecto.Changeset: casting, validations and constraints; {@code Changesets} casts in an application's registry. */
@NullMarked
package io.schemaspring.changeset;

import org.jspecify.annotations.NullMarked;
