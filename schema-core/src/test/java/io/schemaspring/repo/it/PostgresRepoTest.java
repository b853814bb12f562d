package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.FieldError;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.repo.it.fixtures.Author;
import io.schemaspring.repo.it.fixtures.Keyword;
import java.util.List;
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
        assertThat(changeset.errors())
            .containsExactly(new FieldError("name", "is invalid", Map.of("type", ":string", "validation", "cast")));
        assertThat(this.repo.count(Author.class)).isZero();
    }

    @Test
    void postgresStoresAValueInCharactersAsItCountsThem() {
        Author jose = author("jose");
        io.schemaspring.repo.it.fixtures.Post post = this.repo
            .insert(Changeset.cast(new io.schemaspring.repo.it.fixtures.Post(),
                    Map.of("title", "\uD83D\uDE00".repeat(150), "authorId", jose.id), "title", "authorId"));
        assertThat(this.repo.get(io.schemaspring.repo.it.fixtures.Post.class, post.id))
            .map(p -> p.title.codePointCount(0, p.title.length()))
            .contains(150);
    }

    @Test
    void aNumberOutOfRangeForItsColumnIsAnUnstorableValueNotAConflict() {
        Changeset<io.schemaspring.repo.it.fixtures.Token> changeset = Changeset
            .cast(new io.schemaspring.repo.it.fixtures.Token(), Map.of("amount", "99999999999999.5"), "amount");
        assertThatThrownBy(() -> this.repo.insert(changeset))
            .isInstanceOf(io.schemaspring.changeset.UnstorableValueException.class)
            .hasMessage(
                    "could not perform insert of Token: the database cannot store one of its values (SQLState 22003)");
        assertThat(this.repo.count(io.schemaspring.repo.it.fixtures.Token.class)).isZero();
    }

    @Test
    void tenThreadsUpsertingTheSameNewNameAllSucceedAndLeaveOneRow() throws Exception {
        org.springframework.jdbc.datasource.DriverManagerDataSource pool = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                database().url());
        io.schemaspring.repo.Repo concurrent = io.schemaspring.repo.Repo.create(this.registry, pool);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Keyword>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String color = "c" + i;
                io.schemaspring.query.OnConflict onConflict = i % 2 == 0 ? io.schemaspring.query.OnConflict.nothing()
                        : io.schemaspring.query.OnConflict.replace("color").target("name");
                results.add(threads.submit(() -> {
                    start.await();
                    return concurrent.insert(Keyword.of("race", color), onConflict);
                }));
            }
            start.countDown();
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Keyword> result : results) {
                Keyword keyword = result.get(30, java.util.concurrent.TimeUnit.SECONDS);
                if (keyword.id != null) {
                    ids.add(keyword.id);
                }
            }
            assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM keywords WHERE name = 'race'", Integer.class))
                .isEqualTo(1);
            Long id = this.jdbc.queryForObject("SELECT id FROM keywords WHERE name = 'race'", Long.class);
            assertThat(ids).as("every id answered is the one row's").containsExactly(id);
        }
        finally {
            threads.shutdownNow();
        }
    }

}
