package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.FieldError;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.repo.it.fixtures.Author;
import io.schemaspring.repo.it.fixtures.Post;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The repository contract on H2. */
class H2RepoTest extends RepoContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

    /**
     * PostgreSQL stores 150 emoji in a VARCHAR(200); H2 counts each as two UTF-16 units
     * and refuses them.
     */
    @Test
    void h2CountsColumnSizesInUtf16UnitsAndTheFieldIsNamedAllTheSame() {
        Author jose = author("jose");
        Changeset<Post> changeset = Changeset.cast(new Post(),
                Map.of("title", "\uD83D\uDE00".repeat(150), "authorId", jose.id), "title", "authorId");
        assertThatThrownBy(() -> this.repo.insert(changeset)).isInstanceOf(InvalidChangesetException.class)
            .hasMessage("could not perform insert because changeset is invalid. Errors: "
                    + "[title: should be at most 200 character(s)]");
        assertThat(changeset.errors())
            .containsExactly(new FieldError("title", "should be at most %{count} character(s)",
                    Map.of("count", 200, "validation", "length", "kind", "max", "type", "string")));
    }

}
