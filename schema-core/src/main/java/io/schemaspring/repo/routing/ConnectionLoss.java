package io.schemaspring.repo.routing;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure is the connection's, not the SQL's: SQLState class 08, the server
 * going away (57P01 to 57P03), the driver's connection exceptions, or HikariCP's
 * "Connection is closed"; not a timeout or an error in the statement. A read may run
 * again elsewhere after one; a write's outcome is unknown.
 */
public final class ConnectionLoss {

    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    /**
     * HikariCP's answer, without an SQLState, to a rollback on a connection it evicted
     * because the commit before lost it.
     */
    private static final String POOL_CLOSED = "Connection is closed";

    private ConnectionLoss() {
    }

    /** Whether {@code failure} or one of its causes is a lost connection. */
    public static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GONE.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && POOL_CLOSED.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

}
