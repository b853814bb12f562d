package io.schemaspring.web;

import io.schemaspring.repo.routing.ReadRouting;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-your-writes for replicas: each request runs in a {@link ReadRouting#openScope() scope},
 * so that once it wrote through the primary, its later reads go to the primary too and never
 * miss what it wrote because a replica lags.
 */
public class ReadYourWritesFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (ReadRouting.Scope scope = ReadRouting.openScope()) {
            chain.doFilter(request, response);
        }
    }
}
