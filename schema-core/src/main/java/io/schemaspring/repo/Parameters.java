package io.schemaspring.repo;

import io.schemaspring.repo.internal.mapping.Codec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.PreparedStatementSetter;

/** The parameters of one statement, in order, each bound by its field's codec. */
final class Parameters implements PreparedStatementSetter {

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    private final List<Binder> binders = new ArrayList<>();

    Parameters add(Codec codec, @Nullable Object value) {
        this.binders.add((statement, index) -> codec.bind(statement, index, value));
        return this;
    }

    /** An array parameter for {@code = ANY(?)}. */
    Parameters addArray(String sqlType, Object[] values) {
        this.binders.add((statement, index) ->
                statement.setArray(index, statement.getConnection().createArrayOf(sqlType, values)));
        return this;
    }

    /** A value with no field to type it (join table filters, limits). */
    Parameters addPlain(Object value) {
        this.binders.add((statement, index) -> statement.setObject(index, value));
        return this;
    }

    @Override
    public void setValues(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < this.binders.size(); i++) {
            this.binders.get(i).bind(statement, i + 1);
        }
    }

    /** The parameters of another statement part, after these. */
    Parameters addAll(Parameters other) {
        this.binders.addAll(other.binders);
        return this;
    }
}
