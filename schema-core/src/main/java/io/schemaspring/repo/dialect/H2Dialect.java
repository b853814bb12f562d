package io.schemaspring.repo.dialect;

/** H2 2.x: double-quoted identifiers, read-back through generated keys, {@code FORMAT JSON} parameters, arrays. */
public class H2Dialect extends Dialect {

    public H2Dialect(LetterCase letterCase) {
        super(letterCase);
    }

    @Override
    public String name() {
        return "H2";
    }

    @Override
    protected char quote() {
        return '"';
    }

    @Override
    public Returning insertReturning() {
        return Returning.GENERATED_KEYS;
    }

    @Override
    public Returning updateReturning() {
        return Returning.GENERATED_KEYS;
    }

    /** A plain string parameter would be stored as a JSON string value, not as the JSON it holds. */
    @Override
    public String jsonParameter() {
        return "? FORMAT JSON";
    }

    @Override
    public boolean supportsArrays() {
        return true;
    }

    @Override
    public String arrayElementType(io.schemaspring.type.FieldType type) {
        return type == io.schemaspring.type.FieldType.BINARY ? "VARBINARY" : super.arrayElementType(type);
    }

    @Override
    public int maxParameters() {
        return 32767;
    }
}
