package io.schemaspring.repo.sql;

/** One ORDER BY term. */
public record OrderTerm(Column column, boolean descending) {
}
