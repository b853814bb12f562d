package io.schemaspring.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A response that runs {@code stamp} once, just before its headers can be sent: when the body
 * is first asked for, the response flushed, an error or redirect sent, or else at the end.
 * By then the handler's transaction has committed, so headers set then describe its writes.
 */
final class PositionStampingResponse extends HttpServletResponseWrapper {

    private final Runnable stamp;

    private boolean stamped;

    PositionStampingResponse(HttpServletResponse response, Runnable stamp) {
        super(response);
        this.stamp = stamp;
    }

    void stampOnce() {
        if (!this.stamped) {
            this.stamped = true;
            this.stamp.run();
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
