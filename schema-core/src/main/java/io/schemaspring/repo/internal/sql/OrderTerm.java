package io.schemaspring.repo.internal.sql;

/** One ORDER BY term. */
public record OrderTerm(Column column, boolean descending) {
}
