package io.schemaspring.web;

/**
 * A {@code @Cast} parameter that cannot work, found at start-up: the controller method,
 * the parameter, and why (a field the schema does not have, {@code requireIfMatch}
 * without {@code @Version}, a {@code Changeset} without its schema).
 */
public class CastDefinitionException extends IllegalStateException {

    private final String method;

    private final int parameter;

    private final String reason;

    CastDefinitionException(String method, int parameter, String reason, Throwable cause) {
        super("Invalid @Cast on parameter " + parameter + " of " + method + ": " + reason, cause);
        this.method = method;
        this.parameter = parameter;
        this.reason = reason;
    }

    /** The controller method, as {@code Controller.method}. */
    public String method() {
        return this.method;
    }

    /** The parameter's index. */
    public int parameter() {
        return this.parameter;
    }

    /** What is wrong with the declaration. */
    public String reason() {
        return this.reason;
    }

}
