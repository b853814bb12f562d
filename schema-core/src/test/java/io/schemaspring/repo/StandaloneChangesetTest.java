package io.schemaspring.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.annotation.FieldSourceMapper;
import io.schemaspring.annotation.Schema;
import io.schemaspring.changeset.Changeset;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.metadata.SchemaSettings;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The static {@code Changeset.cast(data, ...)} uses Ecto's defaults, not the
 * application's settings: the repository writes such a changeset as if cast with its own
 * metadata where that gives the same result, and refuses it before any SQL where a
 * changed field or a declared constraint would be cast or named otherwise.
 */
class StandaloneChangesetTest {

    @Schema("memos")
    static class Memo {

        public Long id;

        public String authorName;

    }

    private final DriverManagerDataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:standalone_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    private final JdbcTemplate jdbc = new JdbcTemplate(this.database);

    @Test
    void aStandaloneChangesetIsWrittenWhereTheApplicationsSettingsChangeNothingItCast() {
        this.jdbc.execute("CREATE SCHEMA tenant; CREATE TABLE tenant.memos (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                + "author_name VARCHAR(100))");
        SchemaRegistry registry = SchemaRegistry.builder()
            .settings(SchemaSettings.builder().prefix("tenant").build())
            .add(Memo.class)
            .build();
        Repo repo = Repo.create(registry, this.database);

        Memo memo = repo.insert(Changeset.cast(new Memo(), Map.of("authorName", "jose"), "authorName"));

        assertThat(this.jdbc.queryForList("SELECT author_name FROM tenant.memos WHERE id = ?", String.class, memo.id))
            .isEqualTo(List.of("jose"));
    }

    @Test
    void aStandaloneChangesetIsRefusedWhereTheApplicationStoresAChangedFieldInAnotherColumn() {
        this.jdbc.execute("CREATE TABLE memos (id BIGINT AUTO_INCREMENT PRIMARY KEY, authorName VARCHAR(100))");
        SchemaRegistry registry = SchemaRegistry.builder()
            .settings(SchemaSettings.builder().fieldSourceMapper(FieldSourceMapper.IDENTITY).build())
            .add(Memo.class)
            .build();
        Repo repo = Repo.create(registry, this.database);

        assertThatThrownBy(() -> repo.insert(
                Changeset.cast(new Memo(), Map.of("authorName", "jose"), "authorName").uniqueConstraint("authorName")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("could not perform insert of Memo: its changeset was cast with metadata other than the "
                    + "repository's, where field :authorName is stored in column authorName, not author_name "
                    + "(Changeset.cast(data, ...) and Changeset.change(data) use Ecto's defaults, not the application's "
                    + "settings); cast it with the Changesets bean or Changeset.cast(registry.get(Memo.class), ...)");
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM memos", Long.class)).isZero();

        repo.insert(Changeset.cast(registry.get(Memo.class), new Memo(), Map.of("authorName", "jose"),
                List.of("authorName")));
        assertThat(this.jdbc.queryForList("SELECT authorName FROM memos", String.class)).isEqualTo(List.of("jose"));
    }

}
