package io.schemaspring.autoconfigure;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains PgBouncer's {@code unsupported startup parameter} at start-up: the driver sent startup
 * options ({@code options=-c statement_timeout=...}), which a pooler takes from no client.
 */
class PoolerRefusedOptionsFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    static final String ACTION = "Remove options from spring.datasource.url and "
            + "spring.datasource.hikari.data-source-properties, and set the timeouts where they survive pooling, with "
            + "ALTER ROLE <user> SET statement_timeout = '10s' on the server, or spring.jdbc.template.query-timeout";

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String message = refusal(cause);
        return message == null ? null : new FailureAnalysis(description(message), ACTION, cause);
    }

    static @Nullable String refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("unsupported startup parameter")) {
                return cause.getMessage().trim();
            }
        }
        return null;
    }

    static String description(String refusal) {
        return "PostgreSQL is reached through a connection pooler that refused the connection (" + refusal
                + "): poolers such as PgBouncer take no startup options.";
    }
}
