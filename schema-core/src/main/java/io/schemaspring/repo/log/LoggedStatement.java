package io.schemaspring.repo.log;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A statement that logs each execution: the values bound since the last one, the time the
 * driver took and the rows it answered (counted as the result set is read, logged when it
 * is closed) or changed.
 */
final class LoggedStatement implements InvocationHandler {

    private static final String REDACTED = "**redacted**";

    private final Statement statement;

    private final @Nullable String sql;

    private final StatementLog log;

    private final List<@Nullable Object> values = new ArrayList<>();

    private final BitSet redacted = new BitSet();

    private String batchValues = "";

    private int batched;

    private LoggedStatement(Statement statement, @Nullable String sql, StatementLog log) {
        this.statement = statement;
        this.sql = sql;
        this.log = log;
    }

    static PreparedStatement prepared(PreparedStatement statement, String sql, StatementLog log) {
        return JdbcProxies.of(PreparedStatement.class, new LoggedStatement(statement, sql, log));
    }

    static Statement plain(Statement statement, StatementLog log) {
        return JdbcProxies.of(Statement.class, new LoggedStatement(statement, null, log));
    }

    void redact(int index) {
        this.redacted.set(index);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object identity = JdbcProxies.identity(proxy, method, args);
        if (identity != null) {
            return identity;
        }
        String name = method.getName();
        if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
            bound(index, name.equals("setNull") ? null : args[1]);
        }
        else if (name.equals("clearParameters")) {
            this.values.clear();
            this.redacted.clear();
        }
        else if (name.equals("addBatch") && this.sql != null) {
            if (this.batched++ == 0) {
                this.batchValues = values();
            }
        }
        boolean executes = name.startsWith("execute");
        String sql = this.sql != null ? this.sql
                : args != null && args.length > 0 && args[0] instanceof String given ? given : "";
        long start = executes ? System.nanoTime() : 0;
        Object result;
        try {
            result = JdbcProxies.call(this.statement, method, args);
        }
        catch (Throwable ex) {
            if (executes) {
                this.log.statement(sql, shownValues(), 0, System.nanoTime() - start, ex, !this.redacted.isEmpty());
            }
            throw ex;
        }
        if (!executes) {
            return result;
        }
        long nanos = System.nanoTime() - start;
        if (result instanceof ResultSet resultSet) {
            return CountedResultSet.of(resultSet, rows -> this.log.statement(sql, shownValues(), rows, nanos, null));
        }
        if (name.equals("execute") && Boolean.TRUE.equals(result)) {
            this.log.statement(sql, shownValues(), 0, nanos, null);
            return result;
        }
        this.log.statement(sql, shownValues(), rows(result), nanos, null);
        if (name.startsWith("executeBatch") || name.startsWith("executeLargeBatch")) {
            this.batched = 0;
            this.batchValues = "";
        }
        return result;
    }

    private String shownValues() {
        return this.batched > 1 ? this.batchValues + " (and " + (this.batched - 1) + " more rows batched)"
                : this.batched == 1 ? this.batchValues : values();
    }

    private long rows(@Nullable Object result) throws java.sql.SQLException {
        if (result instanceof Number number) {
            return number.longValue();
        }
        if (result instanceof int[] counts) {
            long total = 0;
            for (int count : counts) {
                total += Math.max(count, 0);
            }
            return total;
        }
        if (result instanceof long[] counts) {
            long total = 0;
            for (long count : counts) {
                total += Math.max(count, 0);
            }
            return total;
        }
        long count = this.statement.getUpdateCount();
        return Math.max(count, 0);
    }

    private void bound(int index, @Nullable Object value) {
        while (this.values.size() < index) {
            this.values.add(null);
        }
        this.values.set(index - 1, value);
    }

    private String values() {
        StringBuilder shown = new StringBuilder("[");
        for (int i = 0; i < this.values.size(); i++) {
            if (i > 0) {
                shown.append(", ");
            }
            Object value = this.values.get(i);
            shown.append(this.redacted.get(i + 1) ? REDACTED : show(value));
        }
        return shown.append(']').toString();
    }

    private static String show(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        if (value instanceof java.sql.Array) {
            return "<array>";
        }
        return value.toString();
    }

}
