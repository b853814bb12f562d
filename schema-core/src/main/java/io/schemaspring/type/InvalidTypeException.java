package io.schemaspring.type;

/** A Java field type that no schema type fits; the registry turns it into a definition error. */
public class InvalidTypeException extends RuntimeException {

    private final String reason;
    private final String fix;

    public InvalidTypeException(String reason, String fix) {
        super(reason + ". Fix: " + fix);
        this.reason = reason;
        this.fix = fix;
    }

    public String reason() {
        return this.reason;
    }

    public String fix() {
        return this.fix;
    }
}
