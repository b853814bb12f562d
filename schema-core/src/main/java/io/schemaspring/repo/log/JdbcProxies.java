package io.schemaspring.repo.log;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.jspecify.annotations.Nullable;

/**
 * What the log's JDBC proxies share: identity, and calls passed to the driver's object.
 */
final class JdbcProxies {

    private JdbcProxies() {
    }

    static <T> T of(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] { type }, handler));
    }

    /**
     * A proxy's own answer to {@code equals} and {@code hashCode} (by identity), else
     * {@code null} for a call to pass on.
     */
    static @Nullable Object identity(Object proxy, Method method, Object @Nullable [] args) {
        return switch (method.getName()) {
            case "equals" -> args != null && args.length == 1 ? proxy == args[0] : null;
            case "hashCode" -> args == null || args.length == 0 ? System.identityHashCode(proxy) : null;
            default -> null;
        };
    }

    /** The driver's answer to the call, its exception as thrown. */
    static @Nullable Object call(Object target, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getTargetException();
        }
    }

}
