package io.schemaspring.metadata;

/** A join schema field written with every join row, its column and its cast value. */
public record JoinRowValue(String field, String column, Object value) {
}
