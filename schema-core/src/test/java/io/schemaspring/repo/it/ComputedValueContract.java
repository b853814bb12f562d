package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.query.Selection;
import io.schemaspring.query.Value;
import io.schemaspring.repo.it.ecto.Order;
import io.schemaspring.repo.it.ecto.Post;
import io.schemaspring.type.FieldType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's select and filter expressions beyond fields: arithmetic, {@code type/2} casts,
 * conditional values and {@code json_extract_path}, on every database of
 * {@link TestDatabase} (what a database lacks is refused before any SQL).
 */
abstract class ComputedValueContract extends EctoContract {

    record Computed(String title, Long doubled, String visitsText, String size) {
    }

    record Author(Long id, String author) {
    }

    private Post post(String title, int visits) {
        Post post = Post.titled(title);
        post.visits = visits;
        return this.repo.insert(post);
    }

    @Test
    void arithmeticCastsAndConditionalsAreComputedByTheDatabase() {
        post("small", 2);
        post("large", 40);

        this.dataSource.reset();
        List<Computed> rows = this.repo.all(Query.from(Post.class)
            .where(Expr.compare(Value.multiply(Value.field("visits"), Value.of(2)), Query.Op.GT, 3))
            .orderBy("visits")
            .select(Computed.class, Selection.field("title"),
                    Selection.of(Value.cast(Value.multiply(Value.field("visits"), Value.of(2)), FieldType.INTEGER))
                        .as("doubled"),
                    Selection.of(Value.cast(Value.field("visits"), FieldType.STRING)).as("visitsText"),
                    Selection
                        .of(Value.when(Expr.compare("visits", Query.Op.GTE, 10), Value.of("large"), Value.of("small")))
                        .as("size")));

        assertThat(rows).containsExactly(new Computed("small", 4L, "2", "small"),
                new Computed("large", 80L, "40", "large"));
        String integer = database() == TestDatabase.MARIADB ? "SIGNED" : "BIGINT";
        String string = database() == TestDatabase.MARIADB ? "CHAR" : "VARCHAR(255)";
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT \"title\", CAST((\"visits\" * ?) AS "
                + integer + "), CAST(\"visits\" AS " + string + "), CASE WHEN (\"visits\" >= ?) THEN ? ELSE ? END "
                + "FROM \"ecto_posts\" WHERE (\"visits\" * ?) > ? ORDER BY \"visits\""));
    }

    /**
     * Ecto's {@code update_all} with expressions ({@code set: [visits: p.visits * 2]}),
     * and push and pull refused where arrays cannot be changed in place.
     */
    @Test
    void updateAllSetsFieldsToValuesComputedFromTheRow() {
        Post small = post("small", 2);
        Post large = post("large", 40);

        this.dataSource.reset();
        assertThat(this.repo.updateAll(Query.from(Post.class).where("visits", Query.Op.LT, 10),
                io.schemaspring.query.UpdateAll.create()
                    .set("title", "doubled")
                    .set("visits", Value.multiply(Value.field("visits"), Value.of(2)))))
            .isEqualTo(1);
        assertThat(this.dataSource.statements()).containsExactly(sql(
                "UPDATE \"ecto_posts\" SET \"title\" = ?, " + "\"visits\" = (\"visits\" * ?) WHERE \"visits\" < ?"));
        assertThat(this.repo.get(Post.class, small.id).orElseThrow().visits).isEqualTo(4);
        assertThat(this.repo.get(Post.class, small.id).orElseThrow().title).isEqualTo("doubled");
        assertThat(this.repo.get(Post.class, large.id).orElseThrow().visits).isEqualTo(40);
        io.schemaspring.query.UpdateAll swap = io.schemaspring.query.UpdateAll.create()
            .set("counter", Value.cast(Value.field("visits"), FieldType.INTEGER))
            .set("visits", 0);
        if (database() == TestDatabase.MARIADB) {
            assertThatThrownBy(() -> this.repo.updateAll(Query.from(Post.class), swap))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("updateAll sets :counter from :visits, which it also changes: MariaDB would read the "
                        + "new value; change them in two updateAll calls");
        }
        else {
            this.repo.updateAll(Query.from(Post.class).where("id", large.id), swap);
            assertThat(this.repo.get(Post.class, large.id).orElseThrow().counter).isEqualTo(40L);
            assertThat(this.repo.get(Post.class, large.id).orElseThrow().visits).isZero();
        }
        if (database() != TestDatabase.POSTGRES) {
            assertThatThrownBy(() -> this.repo.updateAll(Query.from(Post.class),
                    io.schemaspring.query.UpdateAll.create().push("title", "x")))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("updateAll cannot push :title of Post: it is of type :string, not an array");
        }
    }

    record PostedVisits(java.time.LocalDate posted, Integer minVisits) {
    }

    record UuidVisits(java.util.UUID uuid, Integer visits) {
    }

    record DateVisits(java.time.LocalDate date, Integer minVisits) {
    }

    private void postedPosts() {
        for (Object[] row : new Object[][] { { "2020-12-21", 3 }, { "2020-12-21", 2 }, { "2020-12-20", null } }) {
            Post post = new Post();
            post.posted = java.time.LocalDate.parse((String) row[0]);
            post.visits = (Integer) row[1];
            this.repo.insert(post);
        }
    }

    /** Ecto (repo.exs): "selected_as/2 with group_by". */
    @Test
    void groupByNamesASelectedValue() {
        postedPosts();

        this.dataSource.reset();
        assertThat(this.repo.all(Query.from(Post.class)
            .orderBy("posted")
            .select(DateVisits.class, Selection.field("posted").as("date"),
                    Selection
                        .of(io.schemaspring.query.Aggregate.MIN, Value.coalesce(Value.field("visits"), Value.of(0)))
                        .as("minVisits"))
            .groupBy("date"))).containsExactly(new DateVisits(java.time.LocalDate.of(2020, 12, 20), 0),
                    new DateVisits(java.time.LocalDate.of(2020, 12, 21), 2));
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT \"posted\", MIN(COALESCE(\"visits\", ?)) "
                + "FROM \"ecto_posts\" GROUP BY \"posted\" ORDER BY \"posted\""));
    }

    /** Ecto (repo.exs): "selected_as/2 with order_by". */
    @Test
    void orderByNamesASelectedAggregateOfAComputedValue() {
        postedPosts();
        var base = Query.from(Post.class);
        Selection minVisits = Selection
            .of(io.schemaspring.query.Aggregate.MIN, Value.coalesce(Value.field("visits"), Value.of(0)))
            .as("minVisits");

        assertThat(this.repo.all(base.orderBy("minVisits")
            .select(PostedVisits.class, Selection.field("posted"), minVisits)
            .groupBy("posted"))).containsExactly(new PostedVisits(java.time.LocalDate.of(2020, 12, 20), 0),
                    new PostedVisits(java.time.LocalDate.of(2020, 12, 21), 2));
        assertThat(this.repo.all(base.orderBy("minVisits", Query.Direction.DESC)
            .select(PostedVisits.class, Selection.field("posted"), minVisits)
            .groupBy("posted"))).containsExactly(new PostedVisits(java.time.LocalDate.of(2020, 12, 21), 2),
                    new PostedVisits(java.time.LocalDate.of(2020, 12, 20), 0));
    }

    /** Ecto (repo.exs): "selected_as/2 respects custom types". */
    @Test
    void selectedValuesKeepTheirTypes() {
        post("title1", 1);
        Post untitled = Post.titled("title2");
        this.repo.insert(untitled);
        java.util.UUID uuid = java.util.UUID.randomUUID();

        assertThat(this.repo.all(Query.from(Post.class)
            .orderBy("uuid")
            .orderBy("visits")
            .select(UuidVisits.class, Selection.of(Value.cast(Value.of(uuid), FieldType.UUID)).as("uuid"),
                    Selection.of(Value.coalesce(Value.field("visits"), Value.of(0))).as("visits"))))
            .containsExactly(new UuidVisits(uuid, 0), new UuidVisits(uuid, 1));
    }

    /** Ecto's {@code json_extract_path}: keys and indexes of a JSON field. */
    @Test
    void aJsonPathReadsTheTextAtKeysAndIndexes() {
        Order order = new Order();
        order.metadata = Map.of("author", Map.of("name", "Ann"), "tags", List.of("a", "b"));
        order = this.repo.insert(order);
        Query<Order> orders = Query.from(Order.class);
        if (database() == TestDatabase.H2) {
            assertThatThrownBy(() -> this.repo.all(orders.select(Author.class, Selection.field("id"),
                    Selection.of(Value.jsonPath("metadata", "author", "name")).as("author"))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("H2 has no JSON paths: read the field and take the value from its map or embed in Java");
            return;
        }
        assertThat(this.repo.all(orders.select(Author.class, Selection.field("id"),
                Selection.of(Value.jsonPath("metadata", "author", "name")).as("author"))))
            .containsExactly(new Author(order.id, "Ann"));
        assertThat(this.repo.all(orders.select(Author.class, Selection.field("id"),
                Selection.of(Value.jsonPath("metadata", "tags", 1)).as("author"))))
            .containsExactly(new Author(order.id, "b"));
        assertThat(this.repo.all(orders.select(Author.class, Selection.field("id"),
                Selection.of(Value.jsonPath("metadata", "nobody")).as("author"))))
            .containsExactly(new Author(order.id, null));
        assertThat(this.repo
            .all(orders.where(Expr.compare(Value.jsonPath("metadata", "author", "name"), Query.Op.EQ, "Ann"))))
            .hasSize(1);
    }

    @Test
    void computedValuesAreRefusedBeforeAnySqlWhereTheyCannotBeBuilt() {
        assertThatThrownBy(() -> Value.cast(Value.field("title"), FieldType.MAP))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cast takes a scalar field type, not :map");
        assertThatThrownBy(() -> Selection.of(io.schemaspring.query.Aggregate.SUM, Value.field("visits"))
            .filter(Expr.eq("title", "x"))).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(
                    "filter takes an aggregate (count, sum, avg, min, max) of a field, not sum(Field[name=visits])");
        assertThatThrownBy(() -> Value.jsonPath("metadata")).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("jsonPath needs at least one key or index");
        assertThatThrownBy(() -> Value.jsonPath("metadata", 1.5)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("a JSON path takes keys (String) and array indexes (Integer), not 1.5");
    }

}
