package io.schemaspring.metadata;

/**
 * Field reads and writes and construction for one schema class, generated as bytecode when the
 * registry is built (internal: use {@link FieldAccessor} and {@link SchemaMetadata#newInstance()}).
 * Public only because the generated class implements it.
 */
public interface StructAccess {

    Object newInstance();

    Object get(Object struct, int index);

    void set(Object struct, int index, Object value);
}
