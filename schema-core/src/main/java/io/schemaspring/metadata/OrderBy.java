package io.schemaspring.metadata;

/**
 * One term of a preload order: a field of the associated schema, its column and
 * direction.
 */
public record OrderBy(String field, String column, boolean descending) {
}
