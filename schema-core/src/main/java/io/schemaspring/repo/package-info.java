/** Ecto.Repo over JdbcTemplate: {@code Repo}, {@code Query}, {@code Multi}, the per-schema {@code SchemaRepository}. */
@NullMarked
package io.schemaspring.repo;

import org.jspecify.annotations.NullMarked;
