package io.schemaspring.repo.it.hsqldb;

import io.schemaspring.repo.dialect.Binding;
import io.schemaspring.repo.dialect.ConstraintReader;
import io.schemaspring.repo.dialect.ConstraintViolation;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.LimitClause;
import io.schemaspring.repo.dialect.LockClause;
import io.schemaspring.repo.dialect.ProductNameDialectProvider;
import io.schemaspring.repo.dialect.ReadBackSupport;
import io.schemaspring.repo.dialect.RowLock;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HSQLDB, added the way a user adds a database: this class and one line in
 * {@code META-INF/spring.factories}. Standard paging (offset bound first), read-back
 * through generated keys, key lists as IN lists, JSON as text, constraint names read from
 * the driver's error so that changesets can match the constraints they declare.
 */
public class HsqldbDialect extends Dialect {

    /**
     * HSQLDB's report names the constraint before anything of the row:
     * {@code "...; NAME table: TABLE"}, then {@code " column: NAME"} for NOT NULL and
     * {@code " value: ..."} for a missing parent.
     */
    private static final Pattern CONSTRAINT = Pattern.compile("; (\\w+) table: \\w+(?: column: (\\w+))?");

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
    public ReadBackSupport readBack() {
        return ReadBackSupport.of(Returning.GENERATED_KEYS, Returning.GENERATED_KEYS);
    }

    @Override
    public Binding binding() {
        return () -> 32767;
    }

    @Override
    public boolean supportsArrays() {
        return false;
    }

    /**
     * The kind by the standard SQLState (23513 for checks, as HSQLDB reports them); the
     * name from the report's end.
     */
    @Override
    public ConstraintReader constraints() {
        return error -> {
            ConstraintViolation standard = ConstraintReader.BY_SQLSTATE.read(error);
            ConstraintViolation.Kind kind = "23513".equals(error.getSQLState()) ? ConstraintViolation.Kind.CHECK
                    : standard == null ? null : standard.kind();
            if (kind == null) {
                return null;
            }
            Matcher report = CONSTRAINT.matcher(String.valueOf(error.getMessage()));
            if (!report.find()) {
                return new ConstraintViolation(kind, null);
            }
            String name = kind == ConstraintViolation.Kind.NOT_NULL ? report.group(2) : report.group(1);
            return new ConstraintViolation(kind, name == null ? null : name.toLowerCase(Locale.ROOT));
        };
    }

    @Override
    public LockClause lockClause() {
        return lock -> {
            if (lock.strength() == RowLock.Strength.SHARE || lock.waitMode() != RowLock.Wait.WAIT) {
                throw unsupported("the row lock " + lock);
            }
            return "FOR UPDATE";
        };
    }

}
