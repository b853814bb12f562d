/**
 * Ecto.Repo's engine over JdbcTemplate: {@code Repo}, {@code Multi}, the operations,
 * preloads, and the compilation of {@code io.schemaspring.query} values to SQL.
 */
@NullMarked
package io.schemaspring.repo;

import org.jspecify.annotations.NullMarked;
