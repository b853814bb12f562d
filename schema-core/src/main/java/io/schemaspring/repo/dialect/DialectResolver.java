package io.schemaspring.repo.dialect;

import io.schemaspring.repo.dialect.Dialect.LetterCase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** Picks the dialect of a {@link DataSource} from its database product name. */
public final class DialectResolver {

    private DialectResolver() {
    }

    public static Dialect resolve(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            return resolve(metaData.getDatabaseProductName(), letterCase(metaData));
        }
        catch (SQLException ex) {
            throw new InvalidDataAccessResourceUsageException("Cannot read the database metadata to pick a dialect", ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static Dialect resolve(String productName, LetterCase letterCase) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return new H2Dialect(letterCase);
        }
        if (product.contains("postgres")) {
            return new PostgresDialect(letterCase);
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return new MariaDbDialect(letterCase);
        }
        throw new InvalidDataAccessResourceUsageException("Unsupported database \"" + productName
                + "\": schema-spring supports H2, PostgreSQL and MariaDB/MySQL");
    }

    private static LetterCase letterCase(DatabaseMetaData metaData) throws SQLException {
        if (metaData.storesUpperCaseIdentifiers()) {
            return LetterCase.UPPER;
        }
        if (metaData.storesLowerCaseIdentifiers()) {
            return LetterCase.LOWER;
        }
        return LetterCase.AS_IS;
    }
}
