package io.schemaspring.type;

/**
 * Contributes application-wide custom types. In Spring Boot every bean of this type is
 * applied, in order, to the registry's {@link SchemaTypes}; a later contribution for the
 * same Java type replaces an earlier one.
 */
@FunctionalInterface
public interface SchemaTypeContributor {

    /** Adds this contribution's custom types to {@code types}. */
    void contribute(SchemaTypes.Builder types);

}
