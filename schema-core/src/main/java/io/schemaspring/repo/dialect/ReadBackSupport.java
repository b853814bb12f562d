package io.schemaspring.repo.dialect;

import io.schemaspring.repo.dialect.Dialect.Returning;
import org.jspecify.annotations.Nullable;

/**
 * How a dialect reads back what an INSERT or UPDATE generated: ids and
 * {@code readAfterWrites} columns, through a {@code RETURNING} clause or JDBC's generated
 * keys.
 */
public interface ReadBackSupport {

    /**
     * Read-back in these two styles, with the standard clause, no advice and batches that
     * read every named column.
     */
    static ReadBackSupport of(Returning insert, Returning update) {
        return new ReadBackSupport() {

            @Override
            public Returning insertReturning() {
                return insert;
            }

            @Override
            public Returning updateReturning() {
                return update;
            }

        };
    }

    /** How an INSERT reads generated and {@code readAfterWrites} columns back. */
    Returning insertReturning();

    /** How an UPDATE reads {@code readAfterWrites} columns back. */
    Returning updateReturning();

    /**
     * The clause appended to an INSERT or UPDATE whose style is {@link Returning#CLAUSE}.
     */
    default String returningClause(String quotedColumns) {
        return "RETURNING " + quotedColumns;
    }

    /**
     * The statement that runs a bulk UPDATE or DELETE and answers the given columns of
     * every row it changed (the new values) or removed (Ecto's {@code update_all} and
     * {@code delete_all} with a {@code select}); by default the statement with
     * {@link #returningClause(String)} where updates read back by that clause
     * ({@link #updateReturning()} is {@code CLAUSE}), else {@code null}: the database
     * cannot, and the call is refused before any SQL.
     * @param dml the UPDATE or DELETE statement
     * @param quotedColumns the quoted columns to answer, comma-separated
     * @param delete whether {@code dml} is a DELETE
     */
    default @Nullable String bulkReturning(String dml, String quotedColumns, boolean delete) {
        return updateReturning() == Returning.CLAUSE ? dml + " " + returningClause(quotedColumns) : null;
    }

    /** The fix to print when update read-back is not supported; empty by default. */
    default String updateReturningAdvice() {
        return "";
    }

    /**
     * Whether a JDBC batch prepared with column names reads back only the auto-increment
     * id (the driver answers the server's last insert ids, not the named columns); by
     * default not.
     */
    default boolean batchReadsOnlyGeneratedId() {
        return false;
    }

}
