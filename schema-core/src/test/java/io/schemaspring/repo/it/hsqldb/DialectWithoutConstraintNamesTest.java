package io.schemaspring.repo.it.hsqldb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.UndeclaredConstraintException;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.ConstraintReader;
import io.schemaspring.repo.dialect.ConstraintViolation;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.H2Dialect;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dialect a user wrote that reads the kind of a violated constraint but not its name:
 * declared constraints are matched by the name the dialect reads, never by the database's
 * message text, which carries the refused values (H2's does) and so may carry another
 * constraint's name.
 */
class DialectWithoutConstraintNamesTest {

    /** H2, but reporting violations without their constraint's name. */
    static final class NamelessH2Dialect extends H2Dialect {

        NamelessH2Dialect() {
            super(LetterCase.UPPER);
        }

        @Override
        public String name() {
            return "NamelessH2";
        }

        @Override
        public ConstraintReader constraints() {
            return error -> {
                ConstraintViolation violation = super.constraints().read(error);
                return violation == null ? null : new ConstraintViolation(violation.kind(), null);
            };
        }

    }

    @Test
    void aValueNamingAnotherDeclaredConstraintDoesNotPutTheErrorOnThatConstraintsField() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:nameless_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute(
                "CREATE TABLE shelves (id BIGINT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(100), capacity INT DEFAULT 40, "
                        + "CONSTRAINT shelves_label_index UNIQUE (label), CONSTRAINT shelves_capacity_check CHECK (capacity > 0))");
        jdbc.execute("CREATE TABLE books (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(100), shelf_id BIGINT)");
        Dialect dialect = new NamelessH2Dialect();
        Repo repo = new Repo(SchemaRegistry.builder().add(Shelf.class, Book.class).build(), jdbc, dialect,
                JsonMapper.builder().build(), new DataSourceTransactionManager(database), Clock.systemUTC());
        repo.insert(Shelf.labelled("shelves_capacity_check"));

        Changeset<Shelf> duplicate = Changeset.cast(new Shelf(), Map.of("label", "shelves_capacity_check"), "label")
            .checkConstraint("capacity", "shelves_capacity_check")
            .uniqueConstraint("label", "shelves_label_index");

        assertThatThrownBy(() -> repo.insert(duplicate)).isInstanceOf(UndeclaredConstraintException.class)
            .hasMessage(
                    "could not perform insert of Shelf: the database refused it with a unique_constraint whose name "
                            + "the NamelessH2 dialect did not read from the driver's error, so no constraint the changeset "
                            + "declares can match it; override Dialect.constraints() to read the name");
        assertThat(duplicate.errors()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shelves", Long.class)).isEqualTo(1);
    }

}
