package io.schemaspring.repo.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * MariaDB (and MySQL): backquoted identifiers, {@code INSERT ... RETURNING} (MariaDB 10.5+),
 * no {@code UPDATE ... RETURNING}, JSON text instead of arrays, UUIDs as text.
 */
public final class MariaDbDialect extends Dialect {

    public MariaDbDialect(LetterCase letterCase) {
        super(letterCase);
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    protected char quote() {
        return '`';
    }

    @Override
    public Returning insertReturning() {
        return Returning.CLAUSE;
    }

    @Override
    public Returning updateReturning() {
        return Returning.NONE;
    }

    @Override
    public String updateReturningAdvice() {
        return "MariaDB has no UPDATE ... RETURNING: remove readAfterWrites from these fields, "
                + "or read the struct again with repo.get after the update";
    }

    @Override
    public boolean supportsArrays() {
        return false;
    }

    @Override
    public int maxParameters() {
        return 65535;
    }

    @Override
    public void bindUuid(PreparedStatement statement, int index, java.util.UUID value) throws SQLException {
        statement.setString(index, value.toString());
    }
}
