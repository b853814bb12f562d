package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.query.Expr;
import io.schemaspring.query.InsertAll;
import io.schemaspring.query.OnConflict;
import io.schemaspring.query.Query;
import io.schemaspring.query.Selection;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.query.Value;
import io.schemaspring.repo.it.ecto.Post;
import io.schemaspring.repo.it.ecto.Raw;
import io.schemaspring.type.FieldType;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's queries and writes on a table name without a schema ({@code from p in "posts"},
 * {@code insert_all("posts", ...)}, {@code update_all("posts", ...)}), from repo.exs and
 * type.exs, on every database of {@link TestDatabase}.
 */
abstract class EctoSchemalessContract extends EctoContract {

    record Title(String title) {
    }

    private Post post(String title, Integer visits) {
        Post post = Post.titled(title);
        post.visits = visits;
        return this.repo.insert(post);
    }

    /** Ecto: "all without schema". */
    @Test
    void aTableIsReadWithoutASchemaByTheColumnsTheQueryTakes() {
        Long id1 = post("title1", null).id;
        post("title2", null);

        this.dataSource.reset();
        assertThat(this.repo.all(Query.table("ecto_posts").orderBy("title").take("title")))
            .containsExactly(Map.of("title", "title1"), Map.of("title", "title2"));
        assertThat(this.dataSource.statements())
            .containsExactly(sql("SELECT \"title\" FROM \"ecto_posts\" ORDER BY \"title\""));
        assertThat(this.repo.all(Query.table("ecto_posts").where("title", "title1").take("id")))
            .containsExactly(Map.of("id", id1));
        assertThat(this.repo.all(Query.table("ecto_posts").orderBy("title").select(Title.class)))
            .containsExactly(new Title("title1"), new Title("title2"));
    }

    /** Ecto: "schemaless types": an untyped column read as a type through a cast. */
    @Test
    void aColumnOfATableWithoutASchemaIsReadAsTheTypeItIsCastTo() {
        post("hello", 123);

        assertThat(this.repo.all(Query.table("ecto_posts")
            .selectMap(Selection.of(Value.cast(Value.field("visits"), FieldType.INTEGER)).as("visits"))))
            .containsExactly(Map.of("visits", 123L));
        assertThat(this.repo.all(Query.table("ecto_posts").selectMap(Selection.field("visits"))))
            .containsExactly(Map.of("visits", 123));
    }

    /** Ecto: "schemaless calendar types". */
    @Test
    void calendarValuesAreBoundAndReadWithoutASchema() {
        LocalDateTime datetime = LocalDateTime.of(2014, 1, 16, 20, 26, 51);

        assertThat(this.repo.insertAll("ecto_posts", List.of(Map.of("inserted_at", datetime)), InsertAll.create()))
            .isEqualTo(1);
        assertThat(this.repo.updateAll(Query.table("ecto_posts"), UpdateAll.create().set("inserted_at", datetime)))
            .isEqualTo(1);
        assertThat(this.repo
            .all(Query.table("ecto_posts").where("inserted_at", Query.Op.GTE, datetime).take("inserted_at")))
            .containsExactly(Map.of("inserted_at", datetime));
        assertThat(
                this.repo.all(Query.table("ecto_posts").whereIn("inserted_at", List.of(datetime)).take("inserted_at")))
            .containsExactly(Map.of("inserted_at", datetime));
        assertThat(this.repo.count(Query.table("ecto_posts").where(Expr.in("inserted_at", List.of(datetime)))))
            .isEqualTo(1);
    }

    /** Ecto: "update all": through the schema, then on its table name. */
    @Test
    void updateAllOnATableWritesEveryRow() {
        Long id1 = post("1", 1).id;
        Long id2 = post("2", 2).id;
        Long id3 = post("3", 3).id;

        assertThat(this.repo.updateAll(Query.from(Post.class), UpdateAll.create().set("title", "x"))).isEqualTo(3);
        assertThat(List.of(id1, id2, id3))
            .allSatisfy(id -> assertThat(this.repo.getOrThrow(Post.class, id).title).isEqualTo("x"));

        this.dataSource.reset();
        assertThat(this.repo.updateAll(Query.table("ecto_posts"), UpdateAll.create().set("title", null))).isEqualTo(3);
        assertThat(this.dataSource.statements()).containsExactly(sql("UPDATE \"ecto_posts\" SET \"title\" = ?"));
        assertThat(List.of(id1, id2, id3))
            .allSatisfy(id -> assertThat(this.repo.getOrThrow(Post.class, id).title).isNull());
    }

    /** {@code inc} on a column of a table without a schema adds to whatever it holds. */
    @Test
    void updateAllOnATableIncrementsAColumn() {
        Long id = post("1", 1).id;

        assertThat(this.repo.updateAll(Query.table("ecto_posts").where("id", id), UpdateAll.create().inc("visits", 10)))
            .isEqualTo(1);

        assertThat(this.repo.getOrThrow(Post.class, id).visits).isEqualTo(11);
    }

    /** Ecto: "query select take with maps". */
    @Test
    void takeOfATableAnswersMapsOfTheTakenColumns() {
        Long id1 = post("1", null).id;
        Long id2 = post("2", null).id;
        Long id3 = post("3", null).id;

        assertThat(this.repo.all(Query.table("ecto_posts").take("title").orderBy("title")))
            .containsExactly(Map.of("title", "1"), Map.of("title", "2"), Map.of("title", "3"));
        assertThat(this.repo.all(Query.table("ecto_posts").take("id").orderBy("id"))).containsExactly(Map.of("id", id1),
                Map.of("id", id2), Map.of("id", id3));
    }

    /**
     * Ecto: "update all with returning without schema"; MariaDB has no
     * {@code UPDATE ... RETURNING} and refuses before any SQL.
     */
    @Test
    void updateAllReturningOnATableAnswersMapsOfTheTakenColumns() {
        Long id1 = post("1", null).id;
        Long id2 = post("2", null).id;
        Query<Map<String, Object>> query = Query.table("ecto_posts").take("id", "title");
        UpdateAll changes = UpdateAll.create().set("title", "x");
        if (database() == TestDatabase.MARIADB) {
            assertThatThrownBy(() -> this.repo.updateAllReturning(query, changes))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageStartingWith("MariaDB cannot answer the rows of updateAllReturning");
            return;
        }

        List<Map<String, Object>> posts = new java.util.ArrayList<>(this.repo.updateAllReturning(query, changes));

        posts.sort(Comparator.comparing(post -> (Long) post.get("id")));
        assertThat(posts).containsExactly(Map.of("id", id1, "title", "x"), Map.of("id", id2, "title", "x"));
    }

    /** Ecto: "delete all with returning without schema". */
    @Test
    void deleteAllReturningOnATableAnswersMapsOfTheTakenColumns() {
        Long id1 = post("1", null).id;
        Long id2 = post("2", null).id;

        List<Map<String, Object>> posts = new java.util.ArrayList<>(
                this.repo.deleteAllReturning(Query.table("ecto_posts").take("id", "title")));

        posts.sort(Comparator.comparing(post -> (Long) post.get("id")));
        assertThat(posts).containsExactly(Map.of("id", id1, "title", "1"), Map.of("id", id2, "title", "2"));
        assertThat(this.repo.count(Query.table("ecto_posts"))).isZero();
    }

    /**
     * Ecto: "insert all", its half on a table name: the columns a row leaves out take the
     * database's defaults.
     */
    @Test
    void insertAllOnATableWritesMapsAsTheyAre() {
        assertThat(this.repo.insertAll("ecto_raw_comments", List.of(Map.of("text", "1"), Map.of("text", "2")),
                InsertAll.create()))
            .isEqualTo(2);
        assertThat(this.repo.insertAll("ecto_raw_comments", List.of(), InsertAll.create())).isZero();

        assertThat(this.repo.all(Query.from(Raw.class).orderBy("id")))
            .extracting(raw -> raw.text + "/" + raw.lockVersion)
            .containsExactly("1/1", "2/1");
    }

    /**
     * Ecto: "insert all with returning without schema"; MariaDB reads only the generated
     * id back from a batch.
     */
    @Test
    void insertAllReturningOnATableAnswersTheColumnsItNames() {
        List<Map<String, String>> rows = List.of(Map.of("text", "1"), Map.of("text", "2"));
        if (database() == TestDatabase.MARIADB) {
            assertThatThrownBy(
                    () -> this.repo.insertAllReturning("ecto_raw_comments", rows, InsertAll.create(), "id", "text"))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("MariaDB reads only the generated id back from a batch insert, not [id, text] of table "
                        + "\"ecto_raw_comments\": return the id alone");
            assertThatThrownBy(
                    () -> this.repo.insertAllReturning("ecto_raw_comments", rows, InsertAll.create(), "text"))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("MariaDB reads only the generated id back from a batch insert: \"text\" is not the "
                        + "AUTO_INCREMENT column of table \"ecto_raw_comments\"");
            List<Map<String, Object>> ids = this.repo.insertAllReturning("ecto_raw_comments", rows, InsertAll.create(),
                    "id");
            assertThat(ids).extracting(row -> row.keySet()).containsOnly(java.util.Set.of("id"));
            assertThat(this.repo.all(Query.from(Raw.class).orderBy("id"))).extracting(raw -> raw.id)
                .containsExactlyElementsOf(ids.stream().map(row -> ((Number) row.get("id")).longValue()).toList());
            return;
        }

        List<Map<String, Object>> inserted = this.repo.insertAllReturning("ecto_raw_comments", rows, InsertAll.create(),
                "id", "text");

        List<Raw> stored = this.repo.all(Query.from(Raw.class).orderBy("id"));
        assertThat(inserted).containsExactly(Map.of("id", stored.get(0).id, "text", "1"),
                Map.of("id", stored.get(1).id, "text", "2"));
        assertThatThrownBy(() -> this.repo.insertAllReturning("ecto_raw_comments", rows, InsertAll.returning()))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("insertAllReturning on table \"ecto_raw_comments\" reads back the columns it names, as a "
                    + "table without a schema has no fields of its own: insertAllReturning(\"ecto_raw_comments\", "
                    + "rows, InsertAll.create(), \"id\")");
    }

    /**
     * Ecto: "upsert via insert_all source (without an Ecto schema) on conflict query and
     * conflict target"; MariaDB upserts on any unique key and refuses a target.
     */
    @Test
    void insertAllOnATableUpsertsOnItsConflictTarget() {
        Map<String, Object> post = Map.of("title", "first", "uuid", UUID.randomUUID());
        OnConflict onConflict = database() == TestDatabase.MARIADB
                ? OnConflict.update(UpdateAll.create().set("title", "second"))
                : OnConflict.update(UpdateAll.create().set("title", "second")).target("uuid");

        assertThat(this.repo.insertAll("ecto_posts", List.of(post), InsertAll.create().onConflict(onConflict)))
            .isEqualTo(1);
        this.repo.insertAll("ecto_posts", List.of(post), InsertAll.create().onConflict(onConflict));

        assertThat(this.repo.all(Query.from(Post.class)).stream().map(row -> row.title)).containsExactly("second");
    }

    record TitleAndUser(String title, Long userId) {
    }

    /**
     * A table without a schema joined by a condition and read in a subquery: the join
     * table of a many-to-many ({@code "posts_users"}), as Ecto's tests query it.
     */
    @Test
    void aTableWithoutASchemaIsJoinedAndReadInSubqueries() {
        Long postId = post("joined", null).id;
        post("alone", null);
        Long userId = this.repo.insert(new io.schemaspring.repo.it.ecto.User()).id;
        this.repo.insertAll("ecto_posts_users", List.of(Map.of("post_id", postId, "user_id", userId)),
                InsertAll.create());

        this.dataSource.reset();
        assertThat(this.repo.all(Query.from(Post.class)
            .join("pu", Query.table("ecto_posts_users"), Expr.eq("pu.post_id", Expr.field("id")))
            .select(TitleAndUser.class, Selection.field("title"), Selection.field("pu.user_id").as("userId"))))
            .containsExactly(new TitleAndUser("joined", userId));
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT t0.\"title\", t1.\"user_id\" FROM "
                + "\"ecto_posts\" t0 JOIN \"ecto_posts_users\" t1 ON t1.\"post_id\" = t0.\"id\""));
        assertThat(this.repo.all(Query.from(Post.class)
            .where(Expr.in("id", Query.table("ecto_posts_users"), "post_id"))
            .select(Title.class))).containsExactly(new Title("joined"));
        assertThat(this.repo.deleteAll(Query.table("ecto_posts_users").where("user_id", userId))).isEqualTo(1);
    }

    /** Statements of the same shape on two tables are two statements. */
    @Test
    void statementsOfTheSameShapeOnTwoTablesStayApart() {
        List<Map<String, String>> rows = List.of(Map.of("text", "a"));
        this.repo.insertAll("ecto_raw_comments", rows, InsertAll.create());
        this.repo.insertAll("ecto_comments", rows, InsertAll.create());
        UpdateAll changes = UpdateAll.create().set("text", "b");

        this.dataSource.reset();
        assertThat(this.repo.updateAll(Query.table("ecto_raw_comments"), changes)).isEqualTo(1);
        assertThat(this.repo.updateAll(Query.table("ecto_comments"), changes)).isEqualTo(1);
        assertThat(this.repo.all(Query.table("ecto_raw_comments").take("text"))).containsExactly(Map.of("text", "b"));
        assertThat(this.repo.all(Query.table("ecto_comments").take("text"))).containsExactly(Map.of("text", "b"));
        assertThat(this.dataSource.statements()).containsExactly(sql("UPDATE \"ecto_raw_comments\" SET \"text\" = ?"),
                sql("UPDATE \"ecto_comments\" SET \"text\" = ?"), sql("SELECT \"text\" FROM \"ecto_raw_comments\""),
                sql("SELECT \"text\" FROM \"ecto_comments\""));
    }

    @Test
    void aggregatesFiltersOnlyAndSourcesOfATableWithoutASchema() {
        post("a", 2);
        post("b", 3);
        Query<Map<String, Object>> posts = Query.table("ecto_posts");

        assertThat(((Number) this.repo.aggregate(posts, io.schemaspring.query.Aggregate.SUM, "visits").orElseThrow())
            .longValue()).isEqualTo(5);
        assertThat(this.repo.count(posts.where("title", "a").orderBy("title").limit(1).filtersOnly())).isEqualTo(1);
        assertThat(this.repo.count(posts.take("visits").distinct())).isEqualTo(2);
        assertThatThrownBy(() -> this.repo.count(posts.distinct()))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("queries that do not have a schema need to select their columns");
        assertThatThrownBy(() -> Query.fromSubquery(posts)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("table \"ecto_posts\" has no schema, so no columns of its own for a subquery "
                    + "source to read: join it by a condition, or read it with take in a query of its own");
    }

    @Test
    void aQueryOfATableWithoutASchemaMustSelectItsColumns() {
        assertThatThrownBy(() -> this.repo.all(Query.table("ecto_posts")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("queries that do not have a schema need to select their columns: take them "
                    + "(Query.table(\"ecto_posts\").take(\"id\", \"title\")) or select values (selectMap, "
                    + "select(Record.class, ...)); Query[from table \"ecto_posts\"");
        assertThatThrownBy(() -> Query.table("ecto_posts").preload("comments"))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("preload needs a schema's associations or structs: table \"ecto_posts\" is queried "
                    + "without a schema");
        assertThatThrownBy(() -> Query.table("ecto_posts").join("comments"))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("joining :comments needs a schema's associations or structs: table \"ecto_posts\" is "
                    + "queried without a schema");
        assertThatThrownBy(() -> Query.table("posts; drop table x")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Table \"posts; drop table x\" is not a valid SQL identifier: use letters, digits and "
                    + "underscores, not starting with a digit, at most 63 characters");
        assertThatThrownBy(() -> this.repo.all(Query.table("ecto_posts").where("title; --", "x").take("id")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("\"title; --\" is not a column of table \"ecto_posts\": a table without a schema names its "
                    + "columns by valid identifiers");
    }

}
