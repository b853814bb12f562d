package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.query.Query;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.repo.Repo;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Ecto's {@code {:array, :integer}} on PostgreSQL (type.exs): a list of {@code Integer}
 * binds as {@code integer[]}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresIntegerArrayTest {

    @Schema("int_arrays")
    public static class Numbers {

        public Long id;

        public List<Integer> ints;

        public List<Long> longs;

    }

    private SingleConnectionDataSource dataSource;

    private Repo repo;

    @BeforeAll
    void connect() {
        TestDatabase.POSTGRES.requireReachable();
        this.dataSource = new SingleConnectionDataSource(TestDatabase.POSTGRES.url(), true);
        JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
        jdbc.execute("DROP TABLE IF EXISTS int_arrays");
        jdbc.execute("CREATE TABLE int_arrays (id BIGSERIAL PRIMARY KEY, ints INTEGER[], longs BIGINT[])");
        this.repo = Repo.create(SchemaRegistry.builder().add(Numbers.class).build(), this.dataSource);
    }

    @AfterAll
    void disconnect() {
        if (this.dataSource != null) {
            new JdbcTemplate(this.dataSource).execute("DROP TABLE IF EXISTS int_arrays");
            this.dataSource.destroy();
        }
    }

    /** Ecto (type.exs): "primitive types" with {:array, :integer} compared in a where. */
    @Test
    void anIntegerListComparesWithAnIntegerArrayColumn() {
        Numbers numbers = new Numbers();
        numbers.ints = List.of(1, 2, 3);
        numbers.longs = List.of(4L, 5L);
        this.repo.insert(numbers);
        assertThat(this.repo.all(Query.from(Numbers.class).where("ints", List.of(1, 2, 3)))).singleElement()
            .satisfies(found -> assertThat(found.ints).containsExactly(1, 2, 3));
        assertThat(this.repo.all(Query.from(Numbers.class).where("longs", List.of(4L, 5L)))).hasSize(1);
        assertThat(this.repo.all(Query.from(Numbers.class).where("ints", List.of(1, 2)))).isEmpty();
    }

    /** Ecto (type.exs): "primitive types", its update_all with push and pull. */
    @Test
    void updateAllPushesToAndPullsFromAnArray() {
        Numbers numbers = new Numbers();
        numbers.ints = List.of(3, 2, 1);
        numbers = this.repo.insert(numbers);
        Query<Numbers> all = Query.from(Numbers.class).where("id", numbers.id);

        assertThat(this.repo.updateAll(all, UpdateAll.create().push("ints", 0))).isEqualTo(1);
        assertThat(this.repo.get(Numbers.class, numbers.id).orElseThrow().ints).containsExactly(3, 2, 1, 0);
        assertThat(this.repo.updateAll(all, UpdateAll.create().pull("ints", 2))).isEqualTo(1);
        assertThat(this.repo.get(Numbers.class, numbers.id).orElseThrow().ints).containsExactly(3, 1, 0);
        assertThat(this.repo.updateAll(all, UpdateAll.create().set("ints", null))).isEqualTo(1);
        assertThat(this.repo.get(Numbers.class, numbers.id).orElseThrow().ints).isNull();
        assertThatThrownBy(() -> this.repo.updateAll(all, UpdateAll.create().push("id", 1)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("updateAll cannot push :id of Numbers: it is of type :id, not an array");
        assertThatThrownBy(() -> this.repo.updateAll(all, UpdateAll.create().push("ints", "x")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("value \"x\" in query cannot be cast to type :integer of :ints on Numbers");
    }

}
