package io.schemaspring.repo.log;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source whose connections log their statements: each is the target's connection
 * for the current transaction (or a new one outside transactions), released to it on
 * close, as Spring's {@code TransactionAwareDataSourceProxy} does. While the log has
 * nothing to write, connections hand out the driver's statements untouched.
 */
final class LoggingDataSource extends DelegatingDataSource {

    private final StatementLog log;

    LoggingDataSource(DataSource target, StatementLog log) {
        super(target);
        this.log = log;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DataSource target = obtainTargetDataSource();
        Connection connection = DataSourceUtils.doGetConnection(target);
        return JdbcProxies.of(Connection.class, new LoggingConnection(connection, target, this.log));
    }

    @Override
    public String toString() {
        return "LoggingDataSource[" + obtainTargetDataSource() + "]";
    }

    private static final class LoggingConnection implements InvocationHandler {

        private final Connection connection;

        private final DataSource target;

        private final StatementLog log;

        private boolean closed;

        LoggingConnection(Connection connection, DataSource target, StatementLog log) {
            this.connection = connection;
            this.target = target;
            this.log = log;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object identity = JdbcProxies.identity(proxy, method, args);
            if (identity != null) {
                return identity;
            }
            switch (method.getName()) {
                case "toString":
                    return "Logged " + this.connection;
                case "close":
                    if (!this.closed) {
                        this.closed = true;
                        DataSourceUtils.doReleaseConnection(this.connection, this.target);
                    }
                    return null;
                case "isClosed":
                    return this.closed || this.connection.isClosed();
                default:
                    break;
            }
            Object result = JdbcProxies.call(this.connection, method, args);
            if (!this.log.active()) {
                return result;
            }
            if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                return LoggedStatement.prepared(statement, (String) args[0], this.log);
            }
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return LoggedStatement.plain(statement, this.log);
            }
            return result;
        }

    }

}
