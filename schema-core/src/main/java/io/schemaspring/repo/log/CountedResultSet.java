package io.schemaspring.repo.log;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.util.function.LongConsumer;

/** A result set that counts the rows read and reports them once, when it is closed. */
final class CountedResultSet implements InvocationHandler {

    private final ResultSet resultSet;

    private final LongConsumer closed;

    private long rows;

    private boolean reported;

    private CountedResultSet(ResultSet resultSet, LongConsumer closed) {
        this.resultSet = resultSet;
        this.closed = closed;
    }

    static ResultSet of(ResultSet resultSet, LongConsumer closed) {
        return JdbcProxies.of(ResultSet.class, new CountedResultSet(resultSet, closed));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object identity = JdbcProxies.identity(proxy, method, args);
        if (identity != null) {
            return identity;
        }
        String name = method.getName();
        if (name.equals("close") && !this.reported) {
            this.reported = true;
            this.closed.accept(this.rows);
        }
        Object result = JdbcProxies.call(this.resultSet, method, args);
        if (name.equals("next") && Boolean.TRUE.equals(result)) {
            this.rows++;
        }
        return result;
    }

}
