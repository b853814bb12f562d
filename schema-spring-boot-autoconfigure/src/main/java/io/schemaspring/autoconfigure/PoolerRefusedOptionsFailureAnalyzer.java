package io.schemaspring.autoconfigure;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains PgBouncer's {@code unsupported startup parameter: <name>} at start-up: a
 * pooler takes from clients only the startup parameters it knows or is told to ignore.
 */
class PoolerRefusedOptionsFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private static final Pattern REFUSAL = Pattern.compile("unsupported startup parameter: ?([A-Za-z_]+)");

    /** Where the timeouts that startup options carried go behind a pooler. */
    static final String TIMEOUTS_THAT_SURVIVE_POOLING = "set the timeouts where they survive pooling, with ALTER ROLE "
            + "<user> SET statement_timeout = '10s' on the server, or spring.jdbc.template.query-timeout";

    static final String OPTIONS_ACTION = "Remove options from spring.datasource.url and "
            + "spring.datasource.hikari.data-source-properties, and " + TIMEOUTS_THAT_SURVIVE_POOLING;

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        Refusal refusal = refusal(cause);
        return refusal == null ? null : new FailureAnalysis(refusal.description(), refusal.action(), cause);
    }

    /**
     * The pooler's refusal of a startup parameter among the causes of {@code failure}, if
     * any.
     */
    static @Nullable Refusal refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher matcher = cause.getMessage() != null ? REFUSAL.matcher(cause.getMessage()) : null;
            if (matcher != null && matcher.find()) {
                return new Refusal(cause.getMessage().trim(), matcher.group(1));
            }
        }
        return null;
    }

    /** A refused startup parameter, with what to do about it. */
    record Refusal(String message, String parameter) {

        String description() {
            return "PostgreSQL is reached through a connection pooler that refused the connection (" + this.message
                    + "): "
                    + (this.parameter.equals("options") ? "poolers such as PgBouncer take no startup options."
                            : "the driver sent the startup parameter " + this.parameter
                                    + ", which the pooler does not know.");
        }

        String action() {
            if (this.parameter.equals("options")) {
                return OPTIONS_ACTION;
            }
            if (this.parameter.equals("search_path")) {
                return "Remove currentSchema from the JDBC URL (a pooler cannot keep a session's search_path; name the "
                        + "schema with schema.prefix or ALTER ROLE <user> SET search_path), or set it in PgBouncer's "
                        + "connection string for the database";
            }
            return "Add " + this.parameter + " to PgBouncer's ignore_startup_parameters, or remove the driver setting "
                    + "that sends it";
        }
    }

}
