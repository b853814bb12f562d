package io.schemaspring.web;

/**
 * Request parameters that cannot be read: malformed JSON (400), too deep (400), too large
 * (413), a body neither JSON nor a form (415).
 */
public class RequestParamsException extends RuntimeException {

    private final int status;

    /**
     * Refuses the request with {@code status}; {@code message} is sent as the detail of
     * the problem response.
     */
    public RequestParamsException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The status the request is answered with: 400, 413 or 415. */
    public int status() {
        return this.status;
    }

}
