package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.ddl.SchemaDdl;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.DialectResolver;
import io.schemaspring.repo.it.fixtures.Price;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ecto.ParameterizedType on every database of {@link TestDatabase}: each field's instance of
 * the type dumps, loads and compares with that field's options.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ParameterizedTypeContract {

    SingleConnectionDataSource connection;
    Repo repo;
    JdbcTemplate jdbc;

    abstract TestDatabase database();

    @BeforeAll
    void connect() {
        database().requireReachable();
        this.connection = new SingleConnectionDataSource(database().url(), true);
        SchemaRegistry registry = SchemaRegistry.builder().add(Price.class).build();
        Dialect dialect = DialectResolver.resolve(this.connection);
        this.jdbc = new JdbcTemplate(this.connection);
        this.jdbc.execute("DROP TABLE IF EXISTS scaled_prices");
        SchemaDdl.create(registry, dialect).forEach(this.jdbc::execute);
        this.repo = new Repo(registry, this.jdbc, dialect, JsonMapper.builder().build(),
                new DataSourceTransactionManager(this.connection), RepoContract.CLOCK);
    }

    @AfterAll
    void disconnect() {
        if (this.connection != null) {
            this.jdbc.execute("DROP TABLE IF EXISTS scaled_prices");
            this.connection.destroy();
        }
    }

    @Test
    void eachFieldStoresAndReadsWithItsOwnOptions() {
        Price inserted = this.repo.insert(Changeset.cast(new Price(), Map.of("amount", "12.345", "rate", "12.345"),
                "amount", "rate"));
        assertThat(this.jdbc.queryForMap("SELECT amount, rate FROM scaled_prices WHERE id = ?", inserted.id))
                .extractingByKeys("amount", "rate").map(String::valueOf).containsExactly("1235", "123450");
        Price loaded = this.repo.get(Price.class, inserted.id).orElseThrow();
        assertThat(loaded.amount).isEqualTo(new BigDecimal("12.35"));
        assertThat(loaded.rate).isEqualTo(new BigDecimal("12.3450"));
        assertThat(this.repo.all(Query.from(Price.class).where("rate", new BigDecimal("12.3450"))))
                .extracting(price -> price.id).containsExactly(inserted.id);
    }
}
