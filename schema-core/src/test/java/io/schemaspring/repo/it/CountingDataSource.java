package io.schemaspring.repo.it;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SmartDataSource;

/**
 * Records every SQL statement prepared through it, so tests can count statements exactly.
 * A {@link SmartDataSource} like the single connection it wraps: a statement's own
 * connection (the driver's, which {@code JdbcTemplate.queryForStream} releases) is not
 * closed.
 */
final class CountingDataSource extends DelegatingDataSource implements SmartDataSource {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    CountingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public boolean shouldClose(Connection connection) {
        return !(getTargetDataSource() instanceof SmartDataSource target) || target.shouldClose(connection);
    }

    List<String> statements() {
        return List.copyOf(this.statements);
    }

    void reset() {
        this.statements.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection target = super.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    String name = method.getName();
                    if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null) {
                        this.statements.add((String) args[0]);
                    }
                    try {
                        return method.invoke(target, args);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }

}
