package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.query.InsertAll;
import io.schemaspring.repo.Multi;
import io.schemaspring.repo.MultiResult;
import io.schemaspring.query.OnConflict;
import io.schemaspring.query.Query;
import io.schemaspring.query.Query.Op;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.data.support.SimpleSchemaRepository;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.repo.it.fixtures.Counter;
import io.schemaspring.repo.it.fixtures.Author;
import io.schemaspring.repo.it.fixtures.Keyword;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Upserts, insertAll with returning, and updateAll: part of {@link RepoContract}, on
 * every database.
 */
interface BulkWriteContract {

    RepoContract contract();

    private Keyword existing(String name, String color) {
        Keyword keyword = Keyword.of(name, color);
        keyword.hits = 1;
        keyword.createdBy = "jose";
        contract().repo.insert(keyword);
        contract().dataSource.reset();
        return keyword;
    }

    private Map<String, Object> row(String name) {
        return contract().jdbc.queryForMap("SELECT id, color, hits, created_by FROM keywords WHERE name = ?", name);
    }

    private static Keyword incoming(String name, String color) {
        Keyword keyword = Keyword.of(name, color);
        keyword.hits = 5;
        keyword.createdBy = "eve";
        return keyword;
    }

    /**
     * Ecto's {@code push} and {@code pull} change a PostgreSQL array in place; where
     * arrays are not changed in place (H2's native arrays, MariaDB's JSON ones) they are
     * refused before any SQL.
     */
    @Test
    default void updateAllPushesAndPullsArrayElementsWhereTheDatabaseCan() {
        RepoContract contract = contract();
        Author author = Author.named("Ann");
        author.tags = List.of("a", "b");
        author = contract.repo.insert(author);
        Query<Author> query = Query.from(Author.class).where("id", author.id);
        if (contract.database() == TestDatabase.H2 || contract.database() == TestDatabase.MARIADB) {
            contract.dataSource.reset();
            assertThatThrownBy(() -> contract.repo.updateAll(query, UpdateAll.create().push("tags", "c")))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage((contract.database() == TestDatabase.H2 ? "H2" : "MariaDB")
                        + " cannot push to an array in place: read the rows, change their lists and update them");
            assertThat(contract.dataSource.statements()).isEmpty();
            return;
        }
        contract.repo.updateAll(query, UpdateAll.create().push("tags", "c"));
        contract.repo.updateAll(query, UpdateAll.create().pull("tags", "a"));
        assertThat(contract.repo.get(Author.class, author.id).orElseThrow().tags).containsExactly("b", "c");
    }

    // ------------------------------------------------------------------ upserts

    @Test
    default void upsertReplacingOnlyItsTargetIsAGetOrInsertAnsweringTheExistingRowsId() {
        RepoContract c = contract();
        Keyword first = existing("elixir", "purple");
        Keyword answered = c.repo.insert(incoming("elixir", "red"), OnConflict.replace("name").target("name"));
        assertThat(c.dataSource.statements()).hasSize(1);
        assertThat(answered.id).isEqualTo(first.id);
        assertThat(row("elixir")).containsEntry("color", "purple").containsEntry("created_by", "jose");
        Keyword created = c.repo.insert(incoming("erlang", "red"), OnConflict.replace("name").target("name"));
        assertThat(created.id).isNotNull().isNotEqualTo(first.id);
        assertThat(row("erlang")).containsEntry("color", "red");
    }

    @Test
    default void upsertWithNothingKeepsTheExistingRowInOneStatement() {
        RepoContract c = contract();
        Keyword first = existing("elixir", "purple");
        Keyword again = c.repo.insert(incoming("elixir", "red"), OnConflict.nothing().target("name"));
        assertThat(c.dataSource.statements()).hasSize(1);
        if (c.database() == TestDatabase.MARIADB) {
            assertThat(again.id).as("MariaDB answers the existing row").isEqualTo(first.id);
        }
        else {
            assertThat(again.id).as("nothing inserted: no id, as Ecto").isNull();
        }
        assertThat(row("elixir")).containsEntry("color", "purple");
        assertThat(c.repo.count(Keyword.class)).isEqualTo(1);

        Keyword fresh = c.repo.insert(incoming("ecto", "blue"), OnConflict.nothing().target("name"));
        assertThat(fresh.id).isNotNull().isNotEqualTo(first.id);
        assertThat(((Number) row("ecto").get("id")).longValue()).isEqualTo(fresh.id);
    }

    @Test
    default void upsertReplacesOnlyTheNamedFieldsAndReadsTheIdOfTheRowBack() {
        RepoContract c = contract();
        Keyword first = existing("elixir", "purple");
        Keyword upserted = c.repo.insert(incoming("elixir", "red"), OnConflict.replace("color").target("name"));
        assertThat(c.dataSource.statements()).hasSize(1);
        assertThat(upserted.id).isEqualTo(first.id);
        Map<String, Object> row = row("elixir");
        assertThat(row).containsEntry("color", "red").containsEntry("created_by", "jose");
        assertThat(((Number) row.get("hits")).intValue()).isEqualTo(1);
    }

    @Test
    default void replaceAllReplacesEveryFieldButTheKeyTheTargetAndInsertOnlyFields() {
        RepoContract c = contract();
        Keyword first = existing("elixir", "purple");
        Keyword upserted = c.repo.insert(incoming("elixir", "red"), OnConflict.replaceAll().target("name"));
        assertThat(c.dataSource.statements()).hasSize(1);
        assertThat(upserted.id).isEqualTo(first.id);
        Map<String, Object> row = row("elixir");
        assertThat(row).containsEntry("color", "red").containsEntry("created_by", "jose");
        assertThat(((Number) row.get("hits")).intValue()).isEqualTo(5);

        c.repo.insert(incoming("elixir", "green"), OnConflict.replaceAllExcept("hits").target("name"));
        assertThat(row("elixir")).containsEntry("color", "green");
        assertThat(((Number) row("elixir").get("hits")).intValue()).isEqualTo(5);
        Keyword changed = incoming("elixir", "gold");
        changed.hits = 9;
        c.repo.insert(changed, OnConflict.replaceAllExcept("hits").target("name"));
        assertThat(row("elixir")).containsEntry("color", "gold");
        assertThat(((Number) row("elixir").get("hits")).intValue()).isEqualTo(5);
        assertThat(c.repo.count(Keyword.class)).isEqualTo(1);
    }

    @Test
    default void insertAllUpsertsEveryRowInOneBatch() {
        RepoContract c = contract();
        existing("elixir", "purple");
        int count = c.repo.insertAll(
                List.of(incoming("elixir", "red"), incoming("ecto", "blue"), incoming("phoenix", "orange")),
                OnConflict.replace("color").target("name"));
        assertThat(c.dataSource.statements()).hasSize(1);
        assertThat(count).isEqualTo(c.database() == TestDatabase.MARIADB ? 4 : 3);
        assertThat(row("elixir")).containsEntry("color", "red").containsEntry("created_by", "jose");
        assertThat(row("phoenix")).containsEntry("color", "orange").containsEntry("created_by", "eve");
        assertThat(c.repo.count(Keyword.class)).isEqualTo(3);

        int kept = c.repo.insertAll(List.of(incoming("elixir", "white"), incoming("nx", "black")),
                OnConflict.nothing().target("name"));
        assertThat(kept).as("only the rows inserted").isEqualTo(1);
        assertThat(row("elixir")).containsEntry("color", "red");
        assertThat(c.repo.count(Keyword.class)).isEqualTo(4);
    }

    @Test
    default void insertAllKeepingExistingRowsStillFailsOnAValueTooLongAndWritesNothing() {
        RepoContract c = contract();
        List<Keyword> kept = new java.util.ArrayList<>();
        for (int i = 0; i < 70; i++) {
            kept.add(incoming("kept " + i, "red"));
        }
        c.repo.insertAll(kept);
        List<Keyword> again = new java.util.ArrayList<>();
        for (int i = 0; i < 70; i++) {
            again.add(incoming("kept " + i, "blue"));
        }
        again.add(incoming("phoenix", "x".repeat(500)));
        assertThatThrownBy(() -> c.repo.insertAll(again, OnConflict.nothing().target("name")))
            .as("a failure after more than 64 kept rows")
            .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(c.repo.count(Keyword.class)).isEqualTo(70);
    }

    @Test
    default void upsertRefusesUnknownAndUnreplaceableFieldsBeforeAnySql() {
        RepoContract c = contract();
        existing("elixir", "purple");
        assertThatThrownBy(() -> c.repo.insert(incoming("elixir", "red"), OnConflict.replace("colour").target("name")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(
                    "unknown field :colour on Keyword; its fields are [id, name, color, hits, createdBy, insertedAt, updatedAt]");
        assertThatThrownBy(() -> c.repo.insert(incoming("elixir", "red"), OnConflict.nothing().target("nom")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("unknown field :nom on Keyword");
        assertThatThrownBy(
                () -> c.repo.insert(incoming("elixir", "red"), OnConflict.replace("createdBy").target("name")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(
                    "cannot insert Keyword with OnConflict.replace(createdBy).target(name): :createdBy is writable = "
                            + "INSERT: it is never replaced on a conflict");
        assertThatThrownBy(() -> c.repo.insert(incoming("elixir", "red"), OnConflict.nothing().target("id")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot insert Keyword with OnConflict.nothing().target(id): its target :id is not inserted "
                    + "(the database generates it or it is not writable): target the fields of a unique key the insert writes");
        assertThatThrownBy(
                () -> c.repo.insertAll(List.of(incoming("elixir", "red")), OnConflict.replace("colour").target("name")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("unknown field :colour on Keyword");
        assertThat(c.dataSource.statements()).isEmpty();
        assertThat(row("elixir")).containsEntry("color", "purple");
    }

    @Test
    default void upsertNeedsATargetWhereTheDatabaseDoes() {
        RepoContract c = contract();
        existing("elixir", "purple");
        switch (c.database()) {
            case H2 -> {
                assertThatThrownBy(() -> c.repo.insert(incoming("elixir", "red"), OnConflict.replaceAll()))
                    .isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessage("cannot insert Keyword with OnConflict.replaceAll(): H2 needs a conflict target "
                            + "to replace fields: name the fields of the unique key with .target(fields...)");
                assertThat(c.dataSource.statements()).isEmpty();
                assertThat(c.repo.insert(incoming("elixir", "red"), OnConflict.nothing()).id).as("any unique key")
                    .isNull();
                assertThat(c.repo.insertAll(List.of(incoming("elixir", "white"), incoming("nx", "black")),
                        OnConflict.nothing()))
                    .as("only the rows inserted")
                    .isEqualTo(1);
                assertThat(c.repo.count(Keyword.class)).isEqualTo(2);
            }
            case POSTGRES, PGBOUNCER -> {
                assertThatThrownBy(() -> c.repo.insert(incoming("elixir", "red"), OnConflict.replaceAll()))
                    .isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessage(
                            "cannot insert Keyword with OnConflict.replaceAll(): PostgreSQL needs a conflict target "
                                    + "to replace fields: name the fields of the unique key with .target(fields...)");
                assertThat(c.dataSource.statements()).isEmpty();
                assertThat(c.repo.insert(incoming("elixir", "red"), OnConflict.nothing()).id).as("any unique key")
                    .isNull();
            }
            case MARIADB ->
                assertThat(c.repo.insert(incoming("elixir", "red"), OnConflict.replace("color")).id).isNotNull();
        }
        assertThat(row("elixir")).containsEntry("color", c.database() == TestDatabase.MARIADB ? "red" : "purple");
    }

    @Test
    default void boundRepositoryUpsertsInItsPrefix() {
        RepoContract c = contract();
        SchemaRepository<Keyword, Long> tenant = new SimpleSchemaRepository<Keyword, Long>(c.repo, Keyword.class)
            .withPrefix("tenant_b");
        Keyword first = tenant.insert(incoming("elixir", "purple"), OnConflict.replace("color").target("name"));
        Keyword second = tenant.insert(incoming("elixir", "red"), OnConflict.replace("color").target("name"));
        assertThat(second.id).isEqualTo(first.id);
        assertThat(tenant.insertAll(List.of(incoming("ecto", "blue")), OnConflict.nothing().target("name")))
            .isEqualTo(1);
        assertThat(c.jdbc.queryForObject("SELECT color FROM tenant_b.keywords WHERE name = 'elixir'", String.class))
            .isEqualTo("red");
        assertThat(c.jdbc.queryForObject("SELECT COUNT(*) FROM tenant_b.keywords", Integer.class)).isEqualTo(2);
        assertThat(c.repo.count(Keyword.class)).isZero();
    }

    // ------------------------------------------------------------------ insertAll
    // returning

    @Test
    default void insertAllReturningReadsGeneratedIdsBackInOneBatch() {
        RepoContract c = contract();
        List<Keyword> keywords = List.of(Keyword.of("a", "red"), Keyword.of("b", "green"), Keyword.of("c", "blue"));
        assertThat(c.repo.insertAll(keywords, InsertAll.returning())).isEqualTo(3);
        assertThat(c.dataSource.statements()).hasSize(1);
        for (Keyword keyword : keywords) {
            assertThat(keyword.id).isNotNull();
            assertThat(((Number) row(keyword.name).get("id")).longValue()).isEqualTo(keyword.id);
        }
        assertThat(keywords.get(0).insertedAt).isEqualTo(RepoContract.NOW);
    }

    @Test
    default void insertAllReturningReadsReadAfterWritesWhereTheDatabaseCan() {
        RepoContract c = contract();
        Counter first = new Counter();
        first.label = "a";
        Counter second = new Counter();
        second.label = "b";
        if (c.database() == TestDatabase.MARIADB) {
            assertThatThrownBy(() -> c.repo.insertAll(List.of(first, second), InsertAll.returning()))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("MariaDB reads only the generated id back from a batch insert, not [hits] of Counter: "
                        + "insert these structs one by one with repo.insert");
            assertThat(c.dataSource.statements()).isEmpty();
            assertThat(c.repo.count(Counter.class)).isZero();
            return;
        }
        assertThat(c.repo.insertAll(List.of(first, second), InsertAll.returning())).isEqualTo(2);
        assertThat(first.id).isNotNull();
        assertThat(second.id).isEqualTo(first.id + 1);
        assertThat(first.hits).isEqualTo(7);
        assertThat(second.hits).isEqualTo(7);
    }

    @Test
    default void insertAllRefusesReturningWithAnOnConflict() {
        RepoContract c = contract();
        assertThatThrownBy(() -> c.repo.insertAll(List.of(Keyword.of("a", "red")),
                InsertAll.returning().onConflict(OnConflict.nothing().target("name"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(
                    "insertAll cannot read ids back with OnConflict.nothing().target(name): a row kept on a conflict "
                            + "answers none, so ids could not be matched to structs; use repo.insert(struct, onConflict) for each struct");
        assertThat(c.dataSource.statements()).isEmpty();
    }

    // ------------------------------------------------------------------ updateAll

    @Test
    default void updateAllSetsAndIncrementsInOneStatementAndAnswersTheCount() {
        RepoContract c = contract();
        existing("elixir", "purple");
        existing("ecto", "blue");
        existing("phoenix", "orange");
        int updated = c.repo.updateAll(Query.from(Keyword.class).where("name", Op.NOT_EQ, "phoenix"),
                UpdateAll.create().set("color", "black").inc("hits", 2));
        assertThat(updated).isEqualTo(2);
        assertThat(c.dataSource.statements()).containsExactly(
                c.sql("UPDATE \"keywords\" SET \"color\" = ?, " + "\"hits\" = \"hits\" + ? WHERE \"name\" <> ?"));
        assertThat(row("elixir")).containsEntry("color", "black");
        assertThat(((Number) row("ecto").get("hits")).intValue()).isEqualTo(3);
        assertThat(((Number) row("phoenix").get("hits")).intValue()).isEqualTo(1);
        assertThat(row("phoenix")).containsEntry("color", "orange");

        assertThat(c.repo.updateAll(Query.from(Keyword.class), UpdateAll.create().set("hits", "10").set("color", null)))
            .as("values cast to the field types")
            .isEqualTo(3);
        assertThat(((Number) row("phoenix").get("hits")).intValue()).isEqualTo(10);
        assertThat(row("phoenix").get("color")).isNull();
        assertThat(c.repo.updateAll(Query.from(Keyword.class), UpdateAll.create().inc("hits", -4))).isEqualTo(3);
        assertThat(((Number) row("ecto").get("hits")).intValue()).isEqualTo(6);
    }

    @Test
    default void updateAllRefusesBadInputBeforeAnySql() {
        RepoContract c = contract();
        existing("elixir", "purple");
        Query<Keyword> all = Query.from(Keyword.class);
        assertThatThrownBy(() -> c.repo.updateAll(all, UpdateAll.create().set("colour", "red")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("unknown field :colour on Keyword");
        assertThatThrownBy(() -> c.repo.updateAll(all, UpdateAll.create().set("color", "red").inc("name", 1)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("updateAll cannot inc :name of Keyword: it is of type :string, not a number");
        assertThatThrownBy(() -> c.repo.updateAll(all, UpdateAll.create().set("color", "red").set("hits", "many")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("value \"many\" in updateAll cannot be cast to type :integer of :hits on Keyword");
        assertThatThrownBy(() -> c.repo.updateAll(all, UpdateAll.create().inc("hits", 1.5)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("value \"1.5\" in updateAll cannot be cast to type :integer of :hits on Keyword");
        assertThatThrownBy(() -> c.repo.updateAll(all, UpdateAll.create().set("createdBy", "eve")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("updateAll cannot change :createdBy of Keyword: it is writable = INSERT");
        assertThatThrownBy(() -> c.repo.updateAll(all.limit(1), UpdateAll.create().set("color", "red")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("updateAll does not take limit or offset");
        assertThatThrownBy(() -> c.repo.updateAll(all.orderBy("name"), UpdateAll.create().set("color", "red")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("updateAll does not take orderBy, preload, lock, distinct, selectMerge or take");
        assertThatThrownBy(() -> c.repo.updateAll(all, UpdateAll.create()))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("updateAll needs at least one set or inc: UpdateAll.create().set(field, value)");
        assertThatThrownBy(() -> UpdateAll.create().set("color", "a").inc("color", 1))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("updateAll changes :color twice: give each field one set, inc, push or pull");
        assertThat(c.dataSource.statements()).isEmpty();
        assertThat(row("elixir")).containsEntry("color", "purple");
    }

    @Test
    default void updateAllHonoursThePrefixAndRunsAsAMultiStep() {
        RepoContract c = contract();
        existing("elixir", "purple");
        SchemaRepository<Keyword, Long> tenant = new SimpleSchemaRepository<Keyword, Long>(c.repo, Keyword.class)
            .withPrefix("tenant_b");
        tenant.insert(incoming("elixir", "white"));
        assertThat(tenant.updateAll(tenant.query().where("name", "elixir"), UpdateAll.create().set("color", "red")))
            .isEqualTo(1);
        assertThat(c.jdbc.queryForObject("SELECT color FROM tenant_b.keywords", String.class)).isEqualTo("red");
        assertThat(row("elixir")).containsEntry("color", "purple");

        assertThatThrownBy(() -> c.repo.transaction(Multi.create()
            .updateAll("recolor", Query.from(Keyword.class), UpdateAll.create().set("color", "green"))
            .updateAll("fail", changes -> Query.from(Keyword.class), UpdateAll.create().set("hits", "x"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("value \"x\" in updateAll cannot be cast to type :integer of :hits on Keyword");
        assertThat(row("elixir")).as("rolled back").containsEntry("color", "purple");
        MultiResult ok = c.repo.transaction(Multi.create()
            .updateAll("recolor", Query.from(Keyword.class), UpdateAll.create().set("color", "green")));
        assertThat(ok.get("recolor", Integer.class)).isEqualTo(1);
        assertThat(row("elixir")).containsEntry("color", "green");
    }

}
