package io.schemaspring.repo.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.repo.it.hsqldb.HsqldbDialect;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

class DialectResolverTest {

    private final List<DialectProvider> builtIn = List.of(new H2Dialect.Provider(), new PostgresDialect.Provider(),
            new MariaDbDialect.Provider());

    @Test
    void picksTheBuiltInDialectsByProductNameWithTheDatabaseLetterCase() throws Exception {
        assertThat(DialectResolver.resolve(metaData("H2", true, false), this.builtIn)).isInstanceOf(H2Dialect.class)
            .hasToString("H2 (identifiers upper)");
        assertThat(DialectResolver.resolve(metaData("PostgreSQL", false, true), this.builtIn))
            .isInstanceOf(PostgresDialect.class)
            .hasToString("PostgreSQL (identifiers lower)");
        assertThat(DialectResolver.resolve(metaData("MariaDB", false, false), this.builtIn))
            .isInstanceOf(MariaDbDialect.class)
            .hasToString("MariaDB (identifiers as_is)");
        assertThat(DialectResolver.resolve(metaData("MySQL", false, false), this.builtIn))
            .isInstanceOf(MariaDbDialect.class);
    }

    @Test
    void failsForAnUnknownDatabaseNamingTheRegisteredProviders() {
        assertThatThrownBy(
                () -> DialectResolver.resolve(metaData("Informix Dynamic Server", false, false), this.builtIn))
            .isInstanceOf(InvalidDataAccessResourceUsageException.class)
            .hasMessage("Unsupported database \"Informix Dynamic Server\": schema-spring supports H2, PostgreSQL and "
                    + "MariaDB/MySQL");
        assertThatThrownBy(() -> DialectResolver.resolve(metaData("Informix", false, false), List.of()))
            .hasMessage("Unsupported database \"Informix\": schema-spring supports no database: no DialectProvider is "
                    + "listed in META-INF/spring.factories");
    }

    @Test
    void asksTheProvidersInOrderSoAnEarlierOneReplacesABuiltIn() throws Exception {
        DialectProvider ownH2 = new ProductNameDialectProvider("H2 (own)", HsqldbDialect::new, "h2") {
        };
        assertThat(DialectResolver.resolve(metaData("H2", true, false), List.of(ownH2, new H2Dialect.Provider())))
            .isInstanceOf(HsqldbDialect.class);
    }

    @Test
    void loadsTheBuiltInProvidersAndOthersListedInSpringFactories() throws Exception {
        List<DialectProvider> providers = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(DialectProvider.class);
        assertThat(providers).extracting(DialectProvider::name)
            .containsExactlyInAnyOrder("H2", "PostgreSQL", "MariaDB/MySQL", "HSQLDB");
        assertThat(DialectResolver.resolve(metaData("HSQL Database Engine", true, false), providers))
            .isInstanceOf(HsqldbDialect.class);
    }

    private static DatabaseMetaData metaData(String productName, boolean upper, boolean lower) {
        return (DatabaseMetaData) Proxy.newProxyInstance(DialectResolverTest.class.getClassLoader(),
                new Class<?>[] { DatabaseMetaData.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductName" -> productName;
                    case "storesUpperCaseIdentifiers" -> upper;
                    case "storesLowerCaseIdentifiers" -> lower;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

}
