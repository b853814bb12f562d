package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.metadata.NotLoaded;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.query.OnConflict;
import io.schemaspring.query.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.StaleEntryException;
import io.schemaspring.repo.dialect.DialectResolver;
import io.schemaspring.repo.it.fixtures.Book;
import io.schemaspring.repo.it.fixtures.Shelf;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records as schemas, run unchanged on every database of {@link TestDatabase}: reads
 * build records through the canonical constructor; every write, changeset and preload
 * answers a new record and leaves the one given as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecordContract {

    SingleConnectionDataSource connection;

    Repo repo;

    JdbcTemplate jdbc;

    abstract TestDatabase database();

    @BeforeAll
    void connect() throws Exception {
        database().requireReachable();
        this.connection = new SingleConnectionDataSource(database().url(), true);
        try (Connection raw = this.connection.getConnection()) {
            ScriptUtils.executeSqlScript(raw, new ClassPathResource(database().script()));
        }
        SchemaRegistry registry = SchemaRegistry.builder().add(Shelf.class, Book.class).build();
        this.repo = new Repo(registry, new JdbcTemplate(this.connection), DialectResolver.resolve(this.connection),
                JsonMapper.builder().build(), new DataSourceTransactionManager(this.connection), RepoContract.CLOCK);
        this.jdbc = new JdbcTemplate(this.connection);
    }

    @AfterAll
    void disconnect() {
        if (this.connection != null) {
            this.connection.destroy();
        }
    }

    @BeforeEach
    void clean() {
        this.jdbc.update("DELETE FROM record_books");
        this.jdbc.update("DELETE FROM record_shelves");
    }

    @Test
    void insertAnswersANewRecordWithTheGeneratedIdAndTimestamps() {
        Shelf given = Shelf.named("fiction", 12);
        Shelf inserted = this.repo.insert(given);
        assertThat(inserted).isNotSameAs(given);
        assertThat(inserted.id()).isNotNull();
        assertThat(inserted.name()).isEqualTo("fiction");
        assertThat(inserted.capacity()).isEqualTo(12);
        assertThat(inserted.insertedAt()).isNotNull().isEqualTo(inserted.updatedAt());
        assertThat(given.id()).isNull();
        assertThat(given.insertedAt()).isNull();
        assertThat(this.jdbc.queryForObject("SELECT capacity FROM record_shelves WHERE id = ?", Integer.class,
                inserted.id()))
            .isEqualTo(12);
    }

    @Test
    void readsBuildRecordsThroughTheCanonicalConstructor() {
        Shelf fiction = this.repo.insert(Shelf.named("fiction", 12));
        this.repo.insert(Shelf.named("poetry", 3));
        Shelf read = this.repo.get(Shelf.class, fiction.id()).orElseThrow();
        assertThat(read.id()).isEqualTo(fiction.id());
        assertThat(read.name()).isEqualTo("fiction");
        assertThat(read.capacity()).isEqualTo(12);
        assertThat(read.insertedAt()).isEqualTo(fiction.insertedAt());
        assertThat(read.books()).isInstanceOf(NotLoaded.class);
        assertThat(this.repo.all(Query.from(Shelf.class).orderBy("name"))).extracting(Shelf::name)
            .containsExactly("fiction", "poetry");
        assertThat(this.repo.all(Query.from(Shelf.class).where("capacity", 3))).extracting(Shelf::name)
            .containsExactly("poetry");
        assertThat(this.repo.get(Shelf.class, -1L)).isEmpty();
    }

    @Test
    void updateAnswersANewRecordAndDeleteRemovesTheRow() {
        Shelf inserted = this.repo.insert(Shelf.named("fiction", 12));
        Shelf changed = new Shelf(inserted.id(), "novels", 20, null, inserted.insertedAt(), inserted.updatedAt());
        Shelf updated = this.repo.update(changed);
        assertThat(updated).isNotSameAs(changed);
        assertThat(updated.name()).isEqualTo("novels");
        assertThat(updated.updatedAt()).isNotNull();
        assertThat(this.repo.get(Shelf.class, inserted.id()).orElseThrow().capacity()).isEqualTo(20);
        this.repo.delete(updated);
        assertThat(this.repo.get(Shelf.class, inserted.id())).isEmpty();
        assertThatThrownBy(() -> this.repo.delete(updated)).isInstanceOf(StaleEntryException.class);
    }

    @Test
    void upsertAnswersANewRecord() {
        Shelf inserted = this.repo.insert(Shelf.named("fiction", 12));
        Shelf incoming = new Shelf(inserted.id(), "novels", 12, null, null, null);
        Shelf upserted = this.repo.insert(incoming, OnConflict.replace("name").target("id"));
        assertThat(upserted).isNotSameAs(incoming);
        assertThat(upserted.insertedAt()).isNotNull();
        assertThat(incoming.insertedAt()).isNull();
        assertThat(this.repo.get(Shelf.class, inserted.id()).orElseThrow().name()).isEqualTo("novels");
    }

    @Test
    void insertAllTakesRecords() {
        assertThat(this.repo.insertAll(List.of(Shelf.named("a", 1), Shelf.named("b", 2)))).isEqualTo(2);
        assertThat(this.repo.all(Query.from(Shelf.class).orderBy("name"))).extracting(Shelf::capacity)
            .containsExactly(1, 2);
    }

    @Test
    void changesetsAnswerRecords() {
        Changeset<Shelf> insert = Changeset
            .cast(Shelf.named(null, 0), Map.of("name", "fiction", "capacity", "7"), "name", "capacity")
            .validateRequired("name");
        Shelf applied = insert.applyChanges();
        assertThat(applied.name()).isEqualTo("fiction");
        assertThat(applied.capacity()).isEqualTo(7);
        assertThat(insert.data().name()).isNull();
        Shelf inserted = this.repo.insert(insert);
        assertThat(inserted.id()).isNotNull();
        assertThat(inserted.capacity()).isEqualTo(7);

        Shelf updated = this.repo.update(Changeset.change(inserted, Map.of("capacity", 9)));
        assertThat(updated).isNotSameAs(inserted);
        assertThat(updated.capacity()).isEqualTo(9);
        assertThat(updated.name()).isEqualTo("fiction");
        assertThat(inserted.capacity()).isEqualTo(7);
        assertThat(this.repo.get(Shelf.class, inserted.id()).orElseThrow().capacity()).isEqualTo(9);
        assertThat(this.repo.update(Changeset.change(updated))).isSameAs(updated);
    }

    @Test
    void preloadAnswersANewRecordWithItsChildren() {
        Shelf shelf = this.repo.insert(Shelf.named("fiction", 12));
        Book dune = this.repo.insert(Book.on(shelf, "Dune"));
        Book emma = this.repo.insert(Book.on(shelf, "Emma"));
        Shelf read = this.repo.get(Shelf.class, shelf.id()).orElseThrow();
        Shelf preloaded = this.repo.preload(read, "books");
        assertThat(preloaded).isNotSameAs(read);
        assertThat(preloaded.books()).extracting(Book::id).containsExactly(dune.id(), emma.id());
        assertThat(preloaded.books()).extracting(Book::title).containsExactly("Dune", "Emma");
        assertThat(read.books()).isInstanceOf(NotLoaded.class);
        assertThat(this.repo.isLoaded(preloaded, "books")).isTrue();

        List<Shelf> queried = this.repo.all(Query.from(Shelf.class).preload("books"));
        assertThat(queried).singleElement().satisfies(one -> assertThat(one.books()).hasSize(2));

        Book book = this.repo.preload(this.repo.get(Book.class, dune.id()).orElseThrow(), "shelf");
        assertThat(book.shelf().name()).isEqualTo("fiction");
        assertThat(this.repo.isLoaded(book, "shelf")).isTrue();
    }

    @Test
    void castAssocAnswersTheParentRecordWithItsChildRecords() {
        Shelf shelf = this.repo.insert(Changeset
            .cast(Shelf.named(null, 0),
                    Map.of("name", "fiction", "capacity", 4, "books",
                            List.of(Map.of("title", "Dune"), Map.of("title", "Emma"))),
                    "name", "capacity")
            .castAssoc("books"));
        assertThat(shelf.id()).isNotNull();
        assertThat(shelf.books()).extracting(Book::title).containsExactly("Dune", "Emma");
        assertThat(shelf.books()).allSatisfy(book -> {
            assertThat(book.id()).isNotNull();
            assertThat(book.shelfId()).isEqualTo(shelf.id());
        });
        assertThat(this.repo.preload(this.repo.get(Shelf.class, shelf.id()).orElseThrow(), "books").books())
            .extracting(Book::title)
            .containsExactly("Dune", "Emma");
    }

}
