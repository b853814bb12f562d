/**
 * Ecto.Query's model: immutable values that say what to read or write ({@code Query},
 * {@code Expr}, {@code Selection}, {@code ProjectionQuery}, {@code Lock},
 * {@code Aggregate}) and the options of bulk writes ({@code OnConflict},
 * {@code InsertAll}, {@code UpdateAll}). Every part is readable through accessors;
 * nothing here runs SQL: {@code io.schemaspring.repo.Repo} compiles and runs them.
 */
@NullMarked
package io.schemaspring.query;

import org.jspecify.annotations.NullMarked;
