/**
 * Ecto's query log: one line per SQL statement with its source table, bound values,
 * database time and row count.
 */
@NullMarked
package io.schemaspring.repo.log;

import org.jspecify.annotations.NullMarked;
