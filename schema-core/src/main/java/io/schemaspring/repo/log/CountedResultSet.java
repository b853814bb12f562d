package io.schemaspring.repo.log;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
        return (ResultSet) Proxy.newProxyInstance(CountedResultSet.class.getClassLoader(),
                new Class<?>[] { ResultSet.class }, new CountedResultSet(resultSet, closed));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("equals")) {
            return proxy == args[0];
        }
        if (name.equals("hashCode")) {
            return System.identityHashCode(proxy);
        }
        if (name.equals("close") && !this.reported) {
            this.reported = true;
            this.closed.accept(this.rows);
        }
        Object result;
        try {
            result = method.invoke(this.resultSet, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getTargetException();
        }
        if (name.equals("next") && Boolean.TRUE.equals(result)) {
            this.rows++;
        }
        return result;
    }

}
