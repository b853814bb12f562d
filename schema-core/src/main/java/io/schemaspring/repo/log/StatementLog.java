package io.schemaspring.repo.log;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's query log: every statement the repository runs is logged as one line on the
 * {@code schema.log} logger, with the table it reads or writes, its bound values (those
 * of {@code redact = true} fields masked), the database time and the row count:
 *
 * <pre>
 * QUERY OK source="posts" rows=1 db=0.8ms SELECT "id", "title" FROM "posts" WHERE "title" = ? ["hello"]
 * </pre>
 *
 * Statements log at {@link #level()}, failed ones as {@code QUERY ERROR} with the
 * database's message; those slower than {@link #slowThreshold()} log at WARN whatever the
 * level. Install it by giving the repository's {@code JdbcTemplate} the data source of
 * {@link #wrap(DataSource)}; statements keep taking part in the transactions of the
 * original data source.
 */
public final class StatementLog {

    /** The logger every statement is logged on. */
    public static final String LOGGER = "schema.log";

    /** The levels statements are logged at. */
    public enum Level {

        /** Nothing is logged but slow statements. */
        OFF, TRACE, DEBUG, INFO

    }

    private final Log log;

    private final Level level;

    private final @Nullable Duration slowThreshold;

    /**
     * Statements at {@code level}, and at WARN those slower than {@code slowThreshold}
     * ({@code null}: none is slow).
     */
    public StatementLog(Level level, @Nullable Duration slowThreshold) {
        this(LogFactory.getLog(LOGGER), level, slowThreshold);
    }

    /**
     * As {@link #StatementLog(Level, Duration)}, on a log of your own rather than the
     * {@code schema.log} logger.
     */
    public StatementLog(Log log, Level level, @Nullable Duration slowThreshold) {
        this.log = log;
        this.level = Objects.requireNonNull(level, "Level must not be null");
        if (slowThreshold != null && slowThreshold.isNegative()) {
            throw new IllegalArgumentException("Slow statement threshold must not be negative: " + slowThreshold);
        }
        this.slowThreshold = slowThreshold;
    }

    /** The level statements are logged at. */
    public Level level() {
        return this.level;
    }

    /**
     * How long a statement runs before it logs at WARN; {@code null} when none is slow.
     */
    public @Nullable Duration slowThreshold() {
        return this.slowThreshold;
    }

    /**
     * Whether the log has anything to write as the logger is configured now: its level is
     * enabled, or a slow threshold is set.
     */
    public boolean active() {
        return this.slowThreshold != null || enabled();
    }

    /** A data source whose statements this log writes, in the target's transactions. */
    public DataSource wrap(DataSource target) {
        return new LoggingDataSource(target, this);
    }

    /**
     * Marks a bound parameter as a redacted field's, so that the log shows
     * {@code **redacted**} for it; does nothing for a statement the log does not wrap.
     */
    public static void redact(PreparedStatement statement, int index) {
        if (Proxy.isProxyClass(statement.getClass())
                && Proxy.getInvocationHandler(statement) instanceof LoggedStatement logged) {
            logged.redact(index);
        }
    }

    boolean enabled() {
        return switch (this.level) {
            case OFF -> false;
            case TRACE -> this.log.isTraceEnabled();
            case DEBUG -> this.log.isDebugEnabled();
            case INFO -> this.log.isInfoEnabled();
        };
    }

    /** Logs one statement run in {@code nanos}; {@code failure} when it failed. */
    void statement(String sql, String values, long rows, long nanos, @Nullable Throwable failure) {
        statement(sql, values, rows, nanos, failure, false);
    }

    /**
     * As {@link #statement(String, String, long, long, Throwable)}; a {@code masked}
     * statement's failure is logged by its SQLState only, since the database's message
     * may quote a redacted value ("Key (ssn)=(...) already exists").
     */
    void statement(String sql, String values, long rows, long nanos, @Nullable Throwable failure, boolean masked) {
        boolean slow = this.slowThreshold != null && nanos >= this.slowThreshold.toNanos();
        if (!slow && !enabled()) {
            return;
        }
        String line = (failure != null ? "QUERY ERROR" : slow ? "SLOW QUERY" : "QUERY OK") + source(sql)
                + (failure != null ? "" : " rows=" + rows) + " db=" + millis(nanos) + "ms " + sql + " " + values
                + (failure == null ? "" : ": " + (masked ? maskedFailure(failure) : failure.getMessage()));
        if (slow) {
            this.log.warn(line);
        }
        else if (this.level == Level.TRACE) {
            this.log.trace(line);
        }
        else if (this.level == Level.DEBUG) {
            this.log.debug(line);
        }
        else {
            this.log.info(line);
        }
    }

    private static String maskedFailure(Throwable failure) {
        return (failure instanceof java.sql.SQLException sql ? "SQLState " + sql.getSQLState()
                : failure.getClass().getName())
                + " (the database's message is left out: it may quote a redacted value)";
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000.0);
    }

    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern
        .compile("(?i)\\b(?:FROM|INTO|UPDATE|MERGE INTO)\\s+(?:[\"`]?\\w+[\"`]?\\.)?[\"`]?(\\w+)");

    /** The first table a statement names after FROM, INTO or UPDATE. */
    static String source(String sql) {
        java.util.regex.Matcher matcher = SOURCE.matcher(sql);
        return matcher.find() ? " source=\"" + matcher.group(1) + "\"" : "";
    }

}
