package io.schemaspring.repo;

import io.schemaspring.repo.internal.mapping.Codec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * The parameters of one statement, in order, each bound by its field's codec. Kept in two
 * arrays (codec and value) rather than one binding object per parameter: statements are
 * built per call.
 */
final class Parameters implements PreparedStatementSetter {

    private @Nullable Codec[] codecs = new Codec[8];

    private @Nullable Object[] values = new Object[8];

    private int size;

    Parameters add(Codec codec, @Nullable Object value) {
        return append(codec, value);
    }

    /** An array parameter for {@code = ANY(?)}. */
    Parameters addArray(String sqlType, Object[] values) {
        return append(null, new ArrayParameter(sqlType, values));
    }

    /** A value with no field to type it (join table filters, limits). */
    Parameters addPlain(Object value) {
        return append(null, value);
    }

    /** The parameters of another statement part, after these. */
    Parameters addAll(Parameters other) {
        int count = other.size;
        for (int i = 0; i < count; i++) {
            append(other.codecs[i], other.values[i]);
        }
        return this;
    }

    int size() {
        return this.size;
    }

    private Parameters append(@Nullable Codec codec, @Nullable Object value) {
        if (this.size == this.codecs.length) {
            this.codecs = Arrays.copyOf(this.codecs, this.size * 2);
            this.values = Arrays.copyOf(this.values, this.size * 2);
        }
        this.codecs[this.size] = codec;
        this.values[this.size] = value;
        this.size++;
        return this;
    }

    @Override
    public void setValues(PreparedStatement statement) throws SQLException {
        setValues(statement, 0);
    }

    /** Binds these values after the first {@code offset} parameters of the statement. */
    void setValues(PreparedStatement statement, int offset) throws SQLException {
        for (int i = 0; i < this.size; i++) {
            Codec codec = this.codecs[i];
            Object value = this.values[i];
            if (codec != null) {
                codec.bind(statement, offset + i + 1, value);
            }
            else if (value instanceof ArrayParameter array) {
                statement.setArray(offset + i + 1,
                        statement.getConnection().createArrayOf(array.sqlType(), array.values()));
            }
            else {
                statement.setObject(offset + i + 1, value);
            }
        }
    }

    private record ArrayParameter(String sqlType, Object[] values) {
    }

}
