package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.query.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.it.fixtures.Price;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ecto.ParameterizedType on every database of {@link TestDatabase}: each field's instance
 * of the type dumps, loads and compares with that field's options.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ParameterizedTypeContract {

    DdlTable table;

    Repo repo;

    JdbcTemplate jdbc;

    abstract TestDatabase database();

    @BeforeAll
    void createTable() {
        this.table = DdlTable.create(database(), Price.class);
        this.repo = this.table.repo;
        this.jdbc = this.table.jdbc;
    }

    @AfterAll
    void dropTable() {
        if (this.table != null) {
            this.table.close();
        }
    }

    @Test
    void eachFieldStoresAndReadsWithItsOwnOptions() {
        Price inserted = this.repo
            .insert(Changeset.cast(new Price(), Map.of("amount", "12.345", "rate", "12.345"), "amount", "rate"));
        assertThat(this.jdbc.queryForMap("SELECT amount, rate FROM scaled_prices WHERE id = ?", inserted.id))
            .extractingByKeys("amount", "rate")
            .map(String::valueOf)
            .containsExactly("1235", "123450");
        Price loaded = this.repo.get(Price.class, inserted.id).orElseThrow();
        assertThat(loaded.amount).isEqualTo(new BigDecimal("12.35"));
        assertThat(loaded.rate).isEqualTo(new BigDecimal("12.3450"));
        assertThat(this.repo.all(Query.from(Price.class).where("rate", new BigDecimal("12.3450"))))
            .extracting(price -> price.id)
            .containsExactly(inserted.id);
    }

}
