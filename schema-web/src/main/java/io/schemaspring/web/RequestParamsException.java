package io.schemaspring.web;

/** Request parameters that cannot be read: malformed JSON (400), too deep (400), too large (413), a body neither JSON nor a form (415). */
public class RequestParamsException extends RuntimeException {

    private final int status;

    public RequestParamsException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return this.status;
    }
}
