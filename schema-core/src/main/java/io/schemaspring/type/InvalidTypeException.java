package io.schemaspring.type;

/**
 * A Java field type that no schema type fits; the registry turns it into a definition
 * error.
 */
public class InvalidTypeException extends RuntimeException {

    private final String reason;

    private final String fix;

    /** A type error; the message is {@code reason}, then {@code fix}. */
    public InvalidTypeException(String reason, String fix) {
        super(reason + ". Fix: " + fix);
        this.reason = reason;
        this.fix = fix;
    }

    /** Why no schema type fits, without the fix. */
    public String reason() {
        return this.reason;
    }

    /** What to change so that a schema type fits. */
    public String fix() {
        return this.fix;
    }

}
