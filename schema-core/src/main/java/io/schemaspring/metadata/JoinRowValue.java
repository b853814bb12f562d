package io.schemaspring.metadata;

/** A join schema field written with every join row, its column and its cast value. */
public record JoinDefault(String field, String column, Object value) {
}
