package io.schemaspring.web.idempotency;

import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.Dialect;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent writes: a {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} that carries an
 * {@value #HEADER} header runs in one transaction with a row claiming its key, and its outcome
 * (status, {@code Content-Type}, {@code Location}, body) is stored in that row before the
 * transaction commits. A retry with the same key and the same request answers the stored outcome
 * without running again, so a client whose reply was lost after the commit retries safely; a
 * retry that arrives while the first is running waits for it. A response of 400 or more rolls
 * the whole transaction back and stores nothing: the request changed nothing, and a retry runs
 * again. The same key with another request answers 422.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    /** The request header naming the write. */
    public static final String HEADER = "Idempotency-Key";

    /** The response header on an answer replayed from a stored outcome. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;

    private final TransactionTemplate transactions;

    private final long maxBodyBytes;

    /**
     * The table {@code schema_idempotency_keys} must exist ({@link IdempotencyRecord#REGISTRY}
     * gives its DDL; the auto-configuration creates it when missing).
     *
     * @param jdbc the application's JdbcTemplate, whose connections the writes use
     * @param transactions the application's transaction manager, which the handler's writes join
     * @param retention how long an outcome is kept and replayed
     * @param maxBodyBytes the largest request body read (413 beyond)
     */
    public IdempotencyFilter(JdbcTemplate jdbc, Dialect dialect, PlatformTransactionManager transactions,
            Duration retention, long maxBodyBytes) {
        var registry = IdempotencyStore.registry();
        this.store = new IdempotencyStore(new Repo(registry, jdbc, dialect, JsonMapper.builder().build(), transactions,
                Clock.systemUTC()), retention, Clock.systemUTC());
        this.transactions = new TransactionTemplate(transactions);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problem(response, HttpStatus.BAD_REQUEST, HEADER + " must be 1 to 255 visible ASCII characters");
            return;
        }
        HttpServletRequest handled = request;
        byte[] body;
        if (formOrMultipart(request)) {
            // The container reads these bodies itself for getParameter: fingerprint what it read.
            body = parameters(request).getBytes(StandardCharsets.UTF_8);
        }
        else {
            body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodyBytes + 1));
            if (body.length > this.maxBodyBytes) {
                problem(response, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + this.maxBodyBytes
                        + " bytes");
                return;
            }
            handled = new BufferedBodyRequest(request, body);
        }
        String requestHash = hash(request, body);
        HttpServletRequest handledRequest = handled;
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        Optional<IdempotencyRecord> earlier;
        try {
            earlier = this.transactions.execute(status -> {
                if (!this.store.claim(key, requestHash)) {
                    return this.store.find(key);
                }
                run(chain, handledRequest, buffered);
                if (buffered.getStatus() >= 400) {
                    status.setRollbackOnly();
                }
                else {
                    this.store.complete(key, buffered.getStatus(), buffered.getContentType(),
                            buffered.getHeader(HttpHeaders.LOCATION), buffered.getContentAsByteArray());
                }
                return Optional.empty();
            });
        }
        catch (HandlerFailure failure) {
            rethrow(failure.getCause());
            return;
        }
        if (earlier == null || earlier.isEmpty()) {
            buffered.copyBodyToResponse();
        }
        else if (!earlier.get().requestHash.equals(requestHash)) {
            problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "This " + HEADER + " was used for another request");
        }
        else {
            replay(earlier.get(), response);
        }
    }

    private static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        }
        catch (IOException | ServletException ex) {
            throw new HandlerFailure(ex);
        }
    }

    private static void rethrow(Throwable cause) throws ServletException, IOException {
        if (cause instanceof IOException io) {
            throw io;
        }
        throw (ServletException) cause;
    }

    private static void replay(IdempotencyRecord record, HttpServletResponse response) throws IOException {
        response.setStatus(record.status);
        if (record.contentType != null) {
            response.setContentType(record.contentType);
        }
        if (record.location != null) {
            response.setHeader(HttpHeaders.LOCATION, record.location);
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = record.body != null ? record.body : new byte[0];
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String head = request.getMethod() + " " + request.getRequestURI() + "?" + nullToEmpty(request.getQueryString())
                    + "\n" + nullToEmpty(request.getContentType()) + "\n";
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    private static boolean formOrMultipart(HttpServletRequest request) {
        String contentType = nullToEmpty(request.getContentType()).toLowerCase(java.util.Locale.ROOT);
        return contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || contentType.startsWith("multipart/");
    }

    private static String parameters(HttpServletRequest request) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                text.append(name.length()).append(':').append(name).append('=').append(value.length()).append(':')
                        .append(value).append('\n');
            }
        });
        return text.toString();
    }

    private static String nullToEmpty(@Nullable String value) {
        return value != null ? value : "";
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] json = ("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** A handler's checked failure carried out of the transaction callback, which rolls back for it. */
    private static final class HandlerFailure extends RuntimeException {

        HandlerFailure(Exception cause) {
            super(cause);
        }
    }
}
