package io.schemaspring.repo.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Picks the dialect of a {@link DataSource}: the first {@link DialectProvider} listed in
 * {@code META-INF/spring.factories} that recognises the database.
 */
public final class DialectResolver {

    private DialectResolver() {
    }

    /**
     * The dialect of this data source, from the providers visible to the default class
     * loader.
     */
    public static Dialect resolve(DataSource dataSource) {
        return resolve(dataSource, null);
    }

    /**
     * The dialect of this data source, from the providers visible to this class loader
     * ({@code null}: the default).
     */
    public static Dialect resolve(DataSource dataSource, @Nullable ClassLoader classLoader) {
        List<DialectProvider> providers = SpringFactoriesLoader.forDefaultResourceLocation(classLoader)
            .load(DialectProvider.class);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return resolve(connection.getMetaData(), providers);
        }
        catch (SQLException ex) {
            throw new InvalidDataAccessResourceUsageException("Cannot read the database metadata to pick a dialect",
                    ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static Dialect resolve(DatabaseMetaData metaData, List<DialectProvider> providers) throws SQLException {
        for (DialectProvider provider : providers) {
            Optional<Dialect> dialect = provider.resolve(metaData);
            if (dialect.isPresent()) {
                return dialect.get();
            }
        }
        throw new InvalidDataAccessResourceUsageException("Unsupported database \"" + metaData.getDatabaseProductName()
                + "\": schema-spring supports " + names(providers));
    }

    /** "A", "A and B", "A, B and C". */
    private static String names(List<DialectProvider> providers) {
        List<String> names = providers.stream().map(DialectProvider::name).toList();
        if (names.isEmpty()) {
            return "no database: no DialectProvider is listed in META-INF/spring.factories";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

}
