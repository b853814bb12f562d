package io.schemaspring.repo.internal.sql;

/** {@code JOIN table ON left = right}. */
public record Join(Table table, Column left, Column right) {
}
