package io.schemaspring.repo.internal.mapping;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataRetrievalFailureException;

/**
 * A stored value that cannot be loaded. Its message shows the value; the codec of a
 * redacted field answers {@link #redacted()} instead, which shows {@code **redacted**}
 * and keeps no cause.
 */
final class StoredValueException extends DataRetrievalFailureException {

    private static final String VALUE = "{value}";

    private final String template;

    /** {@code template} holds {@code {value}} where the value goes. */
    StoredValueException(String template, @Nullable Object value, @Nullable Throwable cause) {
        super(template.replace(VALUE, String.valueOf(value)), cause);
        this.template = template;
    }

    DataRetrievalFailureException redacted() {
        return new DataRetrievalFailureException(this.template.replace(VALUE, "**redacted**"));
    }

    /** A codec whose read failures never show the value. */
    static Codec redacting(Codec codec) {
        return new Codec() {
            @Override
            public void bind(java.sql.PreparedStatement statement, int index, @Nullable Object value)
                    throws java.sql.SQLException {
                io.schemaspring.repo.log.StatementLog.redact(statement, index);
                codec.bind(statement, index, value);
            }

            @Override
            public @Nullable Object read(java.sql.ResultSet resultSet, int index) throws java.sql.SQLException {
                try {
                    return codec.read(resultSet, index);
                }
                catch (StoredValueException ex) {
                    throw ex.redacted();
                }
            }

            @Override
            public boolean json() {
                return codec.json();
            }
        };
    }

}
