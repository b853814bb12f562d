package io.schemaspring.type;

/** A money amount in cents: a value type with no built-in schema type. */
public record Money(long cents) {
}
