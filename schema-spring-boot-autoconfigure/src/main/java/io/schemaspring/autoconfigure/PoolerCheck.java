package io.schemaspring.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.PreferQueryMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ClassUtils;

/**
 * Fails start-up when PostgreSQL is reached through a connection pooler with settings
 * that lose work there ({@code schema.pooler=none}, the default). A pooler shows itself
 * by the process id it hands the driver at login (its own, for cancel requests) differing
 * from the server process that runs the statements. Through one, the driver must not
 * prepare statements on the server unless {@code schema.pooler} says how it pools.
 * Whatever the setting, a pooler's refusal of a startup parameter is named as the reason
 * the connection failed. An application configured to start without its database
 * ({@code initialization-fail-timeout} below zero) is not held up.
 */
final class PoolerCheck implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog(PoolerCheck.class);

    private static final boolean HIKARI = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
            PoolerCheck.class.getClassLoader());

    private final ObjectProvider<DataSource> dataSources;

    private final SchemaProperties.Pooler pooler;

    PoolerCheck(ObjectProvider<DataSource> dataSources, SchemaProperties.Pooler pooler) {
        this.dataSources = dataSources;
        this.pooler = pooler;
    }

    @Override
    public void afterSingletonsInstantiated() {
        DataSource dataSource = this.dataSources.getIfUnique();
        if (dataSource == null || startsWithoutDatabase(dataSource)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (this.pooler == SchemaProperties.Pooler.NONE && connection.isWrapperFor(PGConnection.class)) {
                check(connection, connection.unwrap(PGConnection.class));
            }
        }
        catch (SQLException | RuntimeException ex) {
            if (ex instanceof UnsafePoolerException unsafe) {
                throw unsafe;
            }
            PoolerRefusedOptionsFailureAnalyzer.Refusal refusal = PoolerRefusedOptionsFailureAnalyzer.refusal(ex);
            if (refusal != null) {
                throw new UnsafePoolerException(refusal.description() + " " + refusal.action(), ex);
            }
            logger.warn("Could not check for a connection pooler in front of PostgreSQL: " + ex.getMessage());
        }
    }

    private static boolean startsWithoutDatabase(DataSource dataSource) {
        try {
            return HIKARI && dataSource.isWrapperFor(HikariDataSource.class)
                    && dataSource.unwrap(HikariDataSource.class).getInitializationFailTimeout() < 0;
        }
        catch (SQLException ex) {
            return false;
        }
    }

    private void check(Connection connection, PGConnection postgres) throws SQLException {
        if (postgres.getPrepareThreshold() == 0 || postgres.getPreferQueryMode() == PreferQueryMode.SIMPLE) {
            return;
        }
        int serverProcess;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            serverProcess = result.getInt(1);
        }
        if (serverProcess == postgres.getBackendPID()) {
            return;
        }
        throw new UnsafePoolerException("PostgreSQL is reached through a connection pooler (the driver was handed "
                + "process id " + postgres.getBackendPID() + ", the statements run in server process " + serverProcess
                + "), and the driver prepares statements on the server (prepareThreshold="
                + postgres.getPrepareThreshold() + "), which a pooler in transaction mode hands to other clients: "
                + "statements fail, and a failed ROLLBACK leaves the next request inside another's transaction. Set "
                + "schema.pooler=transaction (the starter then sets prepareThreshold=0 and checks the other settings), "
                + "or schema.pooler=session if the pooler gives each client a server connection of its own", null);
    }

    /**
     * Start-up refused for the pooler's sake; not to be mistaken for a failure of the
     * check itself.
     */
    static final class UnsafePoolerException extends IllegalStateException {

        UnsafePoolerException(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
