package io.schemaspring.web;

import io.schemaspring.repo.routing.ReadRouting;
import io.schemaspring.repo.routing.ReplicaRoutingDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-your-writes for replicas: each request runs in a {@link ReadRouting#openScope()
 * scope}, so that once it wrote through the primary, its later reads go to the primary
 * too and never miss what it wrote because a replica lags.
 * <p>
 * {@linkplain #ReadYourWritesFilter(ReplicaRoutingDataSource) Across requests}, a
 * response to a request that wrote carries the position the primary's log had reached, in
 * the {@value #POSITION_HEADER} header and the {@value #POSITION_COOKIE} cookie; a later
 * request that sends either back reads only from a replica that has replayed that far,
 * else from the primary. A position a client makes up can only send its own reads to the
 * primary. Work an asynchronous handler does on another thread is outside the scope: it
 * reads as any read does.
 */
public class ReadYourWritesFilter extends OncePerRequestFilter {

    /**
     * The response header, and the request header a client may echo, carrying the
     * position.
     */
    public static final String POSITION_HEADER = "Schema-Position";

    /** The cookie carrying the position, for clients that keep cookies (browsers). */
    public static final String POSITION_COOKIE = "schema-position";

    private final @Nullable ReplicaRoutingDataSource routing;

    /** Read-your-writes within each request only. */
    public ReadYourWritesFilter() {
        this.routing = null;
    }

    /**
     * Read-your-writes within each request and, through the position it hands out, across
     * a client's requests.
     */
    public ReadYourWritesFilter(ReplicaRoutingDataSource routing) {
        this.routing = routing;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (ReadRouting.Scope scope = ReadRouting.openScope()) {
            if (this.routing == null) {
                chain.doFilter(request, response);
                return;
            }
            String position = clientPosition(request);
            if (position != null) {
                scope.readAfter(position);
            }
            PositionStampingResponse stamping = new PositionStampingResponse(response, () -> stamp(scope, response));
            chain.doFilter(request, stamping);
            if (!request.isAsyncStarted()) {
                stamping.stampOnce();
            }
        }
    }

    private static @Nullable String clientPosition(HttpServletRequest request) {
        String header = request.getHeader(POSITION_HEADER);
        if (header != null) {
            return header.trim();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (POSITION_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /**
     * After a write, hands the client the primary's position, read outside any
     * transaction of this thread (so after the handler's has committed); answers whether
     * it did.
     */
    private boolean stamp(ReadRouting.Scope scope, HttpServletResponse response) {
        if (!scope.pinned() || response.isCommitted()
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        String position = this.routing.primaryPosition();
        if (position == null) {
            return false;
        }
        response.setHeader(POSITION_HEADER, position);
        response.addHeader(HttpHeaders.SET_COOKIE,
                ResponseCookie.from(POSITION_COOKIE, position)
                    .path("/")
                    .httpOnly(true)
                    .sameSite("Lax")
                    .build()
                    .toString());
        return true;
    }

}
