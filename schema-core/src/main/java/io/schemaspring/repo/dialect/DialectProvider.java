package io.schemaspring.repo.dialect;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Answers the {@link Dialect} of the databases it knows. Providers are listed in
 * {@code META-INF/spring.factories} under
 * {@code io.schemaspring.repo.dialect.DialectProvider} and asked in their {@code @Order};
 * the first answer wins, so a provider ordered before the built-in ones (which are
 * unordered) replaces them for its database.
 */
public interface DialectProvider {

    /**
     * The databases this provider supports, as the error for an unsupported database
     * lists them.
     */
    String name();

    /**
     * The dialect of the database behind this metadata, or empty when it is not one of
     * this provider's.
     */
    Optional<Dialect> resolve(DatabaseMetaData metaData) throws SQLException;

}
