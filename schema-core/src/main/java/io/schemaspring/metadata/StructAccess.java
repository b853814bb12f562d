package io.schemaspring.metadata;

/**
 * Field reads and writes and construction for one schema class, generated as bytecode
 * when the registry is built (internal: use {@link FieldAccessor} and
 * {@link Structs#newInstance()}). Public only because the generated class implements it.
 */
public interface StructAccess {

    /** A new instance of the schema class, through its no-argument constructor. */
    Object newInstance();

    /**
     * The value, a primitive boxed, of the field at {@code index} among the fields the
     * access was generated for.
     * @throws IllegalArgumentException for an index out of range or a field the access
     * cannot reach
     */
    Object get(Object struct, int index);

    /**
     * Writes {@code value}, unboxed for a primitive field, into the field at
     * {@code index} among the fields the access was generated for; a value of another
     * type throws {@code ClassCastException}.
     * @throws IllegalArgumentException for an index out of range, a field the access
     * cannot reach or a final field
     */
    void set(Object struct, int index, Object value);

}
