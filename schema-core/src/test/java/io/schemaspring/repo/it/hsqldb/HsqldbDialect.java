package io.schemaspring.repo.it.hsqldb;

import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.LimitClause;
import io.schemaspring.repo.dialect.ProductNameDialectProvider;
import io.schemaspring.repo.dialect.RowLock;

/**
 * HSQLDB, added the way a user adds a database: this class and one line in
 * {@code META-INF/spring.factories}. Standard paging (offset bound first), read-back through
 * generated keys, key lists as IN lists, JSON as text.
 */
public class HsqldbDialect extends Dialect {

    /** Recognises HSQLDB ("HSQL Database Engine"). */
    public static final class Provider extends ProductNameDialectProvider {

        public Provider() {
            super("HSQLDB", HsqldbDialect::new, "hsql");
        }
    }

    public HsqldbDialect(LetterCase letterCase) {
        super(letterCase);
    }

    @Override
    public String name() {
        return "HSQLDB";
    }

    @Override
    protected char quote() {
        return '"';
    }

    @Override
    public LimitClause limitClause() {
        return LimitClause.OFFSET_FETCH;
    }

    @Override
    public Returning insertReturning() {
        return Returning.GENERATED_KEYS;
    }

    @Override
    public Returning updateReturning() {
        return Returning.GENERATED_KEYS;
    }

    @Override
    public boolean supportsArrays() {
        return false;
    }

    @Override
    public int maxParameters() {
        return 32767;
    }

    @Override
    public String lockClause(RowLock lock) {
        if (lock.strength() == RowLock.Strength.SHARE || lock.waitMode() != RowLock.Wait.WAIT) {
            throw unsupported("the row lock " + lock);
        }
        return "FOR UPDATE";
    }
}
