package io.schemaspring.repo;

import java.util.List;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;

/**
 * A write of one struct matched several rows, Ecto's
 * {@code Ecto.MultiplePrimaryKeyError}: the schema's primary key does not identify a
 * single row of its table. The write is rolled back.
 */
public class MultiplePrimaryKeyException extends IncorrectUpdateSemanticsDataAccessException {

    private final Class<?> schema;

    private final int count;

    /**
     * Names the write, the schema, its table and primary key, and how many rows the write
     * affected.
     */
    public MultiplePrimaryKeyException(String action, Class<?> schema, String source, List<String> primaryKey,
            int count) {
        super("expected " + action + " of " + schema.getSimpleName() + " to affect at most one row, but it affected "
                + count + ": the primary key " + primaryKey + " does not identify a single row of " + source
                + "; declare that key unique in the database, or declare the key that is with @PrimaryKey");
        this.schema = schema;
        this.count = count;
    }

    /** The schema whose write affected several rows. */
    public Class<?> schema() {
        return this.schema;
    }

    /** The number of rows the write affected. */
    public int count() {
        return this.count;
    }

}
