package io.schemaspring.repo.dialect;

/**
 * How a database pages a SELECT. Limit and offset are always {@code ?} parameters; the
 * renderer appends the clause after ORDER BY and binds the values in the order
 * {@link #offsetFirst()} says.
 */
public interface LimitClause {

    /** {@code LIMIT ? OFFSET ?}: H2, PostgreSQL, MariaDB/MySQL, HSQLDB, SQLite. */
    LimitClause LIMIT_OFFSET = new LimitClause() {

        @Override
        public String render(boolean limit, boolean offset) {
            return limit && offset ? "LIMIT ? OFFSET ?" : limit ? "LIMIT ?" : offset ? "OFFSET ?" : "";
        }

        @Override
        public String firstRowOnly() {
            return "LIMIT 1";
        }
    };

    /**
     * SQL:2008 {@code OFFSET ? ROWS FETCH FIRST ? ROWS ONLY}: Oracle 12c+, Db2, SQL
     * Server 2012+ (with ORDER BY), Derby.
     */
    LimitClause OFFSET_FETCH = new LimitClause() {

        @Override
        public String render(boolean limit, boolean offset) {
            return (offset ? "OFFSET ? ROWS" : "") + (limit && offset ? " " : "")
                    + (limit ? "FETCH FIRST ? ROWS ONLY" : "");
        }

        @Override
        public String firstRowOnly() {
            return "FETCH FIRST 1 ROWS ONLY";
        }

        @Override
        public boolean offsetFirst() {
            return true;
        }
    };

    /**
     * The clause with a {@code ?} for each of limit and offset that is present; empty
     * when neither is.
     */
    String render(boolean limit, boolean offset);

    /** The clause fetching at most one row, without parameters (for {@code exists}). */
    String firstRowOnly();

    /** Whether the offset parameter is bound before the limit parameter. */
    default boolean offsetFirst() {
        return false;
    }

}
