package io.schemaspring.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * A response that runs {@code stamp} before its headers can be sent: when the body is
 * asked for, the response flushed, an error or redirect sent, and at the end, until it
 * stamped once. {@code stamp} answers whether it did; it may decline while there is
 * nothing to stamp yet.
 */
final class PositionStampingResponse extends HttpServletResponseWrapper {

    private final BooleanSupplier stamp;

    private boolean stamped;

    PositionStampingResponse(HttpServletResponse response, BooleanSupplier stamp) {
        super(response);
        this.stamp = stamp;
    }

    void stampOnce() {
        if (!this.stamped && !isCommitted()) {
            this.stamped = this.stamp.getAsBoolean();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        stampOnce();
        return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        stampOnce();
        return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
        stampOnce();
        super.flushBuffer();
    }

    @Override
    public void sendError(int status) throws IOException {
        stampOnce();
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        stampOnce();
        super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        stampOnce();
        super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, int status) throws IOException {
        stampOnce();
        super.sendRedirect(location, status);
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        stampOnce();
        super.sendRedirect(location, clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
        stampOnce();
        super.sendRedirect(location, status, clearBuffer);
    }

}
