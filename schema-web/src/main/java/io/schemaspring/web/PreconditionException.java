package io.schemaspring.web;

/**
 * A {@code @Cast} change refused for its {@code If-Match} precondition: 412 when the
 * struct changed since the client read it (its version is not the tag sent), 428 when the
 * tag is required and missing. Nothing was written.
 */
public class PreconditionException extends RuntimeException {

    private final int status;

    PreconditionException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 412 or 428. */
    public int status() {
        return this.status;
    }

}
