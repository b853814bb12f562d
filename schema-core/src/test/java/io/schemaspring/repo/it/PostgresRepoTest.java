package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.FieldError;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.repo.it.fixtures.Author;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The repository contract on Postgres. */
class PostgresRepoTest extends RepoContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

    @Test
    void nulInAStringIsAFieldErrorBecausePostgresCannotStoreIt() {
        Changeset<Author> changeset = Changeset.cast(new Author(), Map.of("name", "jo\u0000se"), "name");
        assertThatThrownBy(() -> this.repo.insert(changeset)).isInstanceOf(InvalidChangesetException.class)
                .hasMessage("could not perform insert because changeset is invalid. Errors: [name: is invalid]");
        assertThat(changeset.errors()).containsExactly(new FieldError("name", "is invalid",
                Map.of("type", ":string", "validation", "cast")));
        assertThat(this.repo.count(Author.class)).isZero();
    }
}
