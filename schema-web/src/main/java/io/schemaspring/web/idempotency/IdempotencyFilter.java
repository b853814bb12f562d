package io.schemaspring.web.idempotency;

import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.Dialect;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent writes: a {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} that
 * carries an {@value #HEADER} header runs in one transaction with a row claiming its key,
 * and its outcome (status, {@code Content-Type}, {@code Location}, {@code ETag}, body) is
 * stored in that row before the transaction commits. A retry with the same key and the
 * same request (method, path, query, content type, body, user) answers the stored outcome
 * without running again, so a client whose reply was lost after the commit retries
 * safely. A retry that arrives while the first is running waits for it on PostgreSQL, and
 * answers 409 with {@code Retry-After} where the database cannot wait. A response of 400
 * or more rolls the whole transaction back and stores nothing: the request changed
 * nothing, and a retry runs again. A commit that fails answers 503: the outcome is
 * unknown, and a retry with the key is safe. The same key with another request answers
 * 422. A handler that goes on asynchronously keeps its writes but has no outcome stored.
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
     * The table {@code schema_idempotency_keys} must exist
     * ({@link IdempotencyRecord#REGISTRY} gives its DDL; the auto-configuration creates
     * it when missing).
     * @param jdbc the application's JdbcTemplate, whose connections the writes use
     * @param transactions the application's transaction manager, which the handler's
     * writes join
     * @param retention how long an outcome is kept and replayed
     * @param maxBodyBytes the largest request body read (413 beyond)
     */
    public IdempotencyFilter(JdbcTemplate jdbc, Dialect dialect, PlatformTransactionManager transactions,
            Duration retention, long maxBodyBytes) {
        this.store = new IdempotencyStore(new Repo(IdempotencyRecord.REGISTRY, jdbc, dialect,
                JsonMapper.builder().build(), transactions, Clock.systemUTC()), transactions, retention,
                Clock.systemUTC());
        this.transactions = new TransactionTemplate(transactions);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod());
    }

    /**
     * The async dispatch of a handler that went on asynchronously writes what it
     * buffered.
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            chain.doFilter(request, response);
            ContentCachingResponseWrapper buffered = WebUtils.getNativeResponse(response,
                    ContentCachingResponseWrapper.class);
            if (!request.isAsyncStarted() && buffered != null) {
                buffered.copyBodyToResponse();
            }
            return;
        }
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problem(response, HttpStatus.BAD_REQUEST, HEADER + " must be 1 to 255 visible ASCII characters");
            return;
        }
        // Form and multipart bodies are read by the container or Spring's
        // FormContentFilter for
        // getParameter: their parameters and parts count, then whatever body is left is
        // read here.
        String parameters = formOrMultipart(request) ? parameters(request) : "";
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodyBytes + 1));
        if (body.length > this.maxBodyBytes) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than " + this.maxBodyBytes + " bytes");
            return;
        }
        HttpServletRequest handled = body.length > 0 ? new BufferedBodyRequest(request, body) : request;
        String requestHash = hash(request, parameters, body);
        this.store.purgeExpired();
        HttpServletRequest handledRequest = handled;
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        Optional<IdempotencyRecord> earlier;
        try {
            earlier = this.transactions.execute(status -> {
                Optional<IdempotencyRecord> stored = this.store.claim(key, requestHash);
                if (stored != null) {
                    return stored;
                }
                run(chain, handledRequest, buffered);
                if (request.isAsyncStarted()) {
                    this.store.release(key);
                }
                else if (buffered.getStatus() >= 400) {
                    status.setRollbackOnly();
                }
                else {
                    this.store.complete(key, buffered.getStatus(), buffered.getContentType(),
                            buffered.getHeader(HttpHeaders.LOCATION), buffered.getHeader(HttpHeaders.ETAG),
                            buffered.getContentAsByteArray());
                }
                return null;
            });
        }
        catch (HandlerFailure failure) {
            rethrow(failure.getCause());
            return;
        }
        catch (TransactionException | DataAccessException ex) {
            if (buffered.getStatus() >= 400) {
                buffered.copyBodyToResponse();
                return;
            }
            logger.warn("The outcome of a request with an " + HEADER + " is unknown: " + ex.getClass().getSimpleName());
            buffered.resetBuffer();
            retryLater(response, HttpStatus.SERVICE_UNAVAILABLE,
                    "The outcome of the request is unknown; retry it with the same " + HEADER);
            return;
        }
        if (earlier == null) {
            if (!request.isAsyncStarted()) {
                buffered.copyBodyToResponse();
            }
        }
        else if (earlier.isEmpty() || earlier.get().status == null) {
            retryLater(response, HttpStatus.CONFLICT,
                    "A request with this " + HEADER + " is still running; retry it later");
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
        if (record.etag != null) {
            response.setHeader(HttpHeaders.ETAG, record.etag);
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = record.body != null ? record.body : new byte[0];
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String hash(HttpServletRequest request, String parameters, byte[] body) {
        MessageDigest digest = sha256();
        Principal principal = request.getUserPrincipal();
        String head = request.getMethod() + " " + request.getRequestURI() + "?" + nullToEmpty(request.getQueryString())
                + "\n" + nullToEmpty(request.getContentType()) + "\n" + (principal != null ? principal.getName() : "")
                + "\n" + nullToEmpty(request.getHeader(HttpHeaders.AUTHORIZATION)) + "\n" + parameters + "\n";
        digest.update(head.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest(body));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
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

    private static String parameters(HttpServletRequest request) throws IOException, ServletException {
        StringBuilder text = new StringBuilder();
        if (nullToEmpty(request.getContentType()).toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            for (Part part : request.getParts()) {
                try (var content = part.getInputStream()) {
                    text.append(part.getName())
                        .append(':')
                        .append(HexFormat.of().formatHex(sha256().digest(content.readAllBytes())))
                        .append('\n');
                }
            }
        }
        new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                text.append(name.length())
                    .append(':')
                    .append(name)
                    .append('=')
                    .append(value.length())
                    .append(':')
                    .append(value)
                    .append('\n');
            }
        });
        return text.toString();
    }

    private static String nullToEmpty(@Nullable String value) {
        return value != null ? value : "";
    }

    private static void retryLater(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problem(response, status, detail);
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] json = ("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /**
     * A handler's checked failure carried out of the transaction callback, which rolls
     * back for it.
     */
    private static final class HandlerFailure extends RuntimeException {

        HandlerFailure(Exception cause) {
            super(cause);
        }

    }

}
