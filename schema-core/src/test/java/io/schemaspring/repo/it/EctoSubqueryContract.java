package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.metadata.StructMeta;
import io.schemaspring.query.Aggregate;
import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.query.Selection;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.query.Value;
import io.schemaspring.repo.it.ecto.Comment;
import io.schemaspring.repo.it.ecto.Post;
import io.schemaspring.repo.it.ecto.User;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's {@code integration_test/sql/subquery.exs} (elixir-ecto/ecto_sql): a query's rows
 * as a derived table ({@code from p in subquery(query)},
 * {@code join: p in subquery(query)}), on every database of {@link TestDatabase}.
 */
abstract class EctoSubqueryContract extends EctoContract {

    record Title(String title) {
    }

    record PTitle(String pTitle) {
    }

    record Visits(Integer value) {
    }

    record CommentAndPost(Post p) {
    }

    private Post post(String title, Integer visits) {
        Post post = Post.titled(title);
        post.visits = visits;
        post.isPublic = true;
        return this.repo.insert(post);
    }

    /** Ecto: "from: subqueries with select source". */
    @Test
    void aSubqueryOfStructsIsReadAsASource() {
        post("hello", null);
        Query<Post> subquery = Query.fromSubquery(Query.from(Post.class));

        this.dataSource.reset();
        assertThat(this.repo.all(subquery.select(Title.class))).containsExactly(new Title("hello"));
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT t0.\"title\" FROM (SELECT \"id\", "
                + "\"title\", \"visits\", \"author_id\", \"counter\", \"uuid\", \"public\", \"posted\", "
                + "\"inserted_at\", \"updated_at\" FROM \"ecto_posts\") t0"));
        List<Post> posts = this.repo.all(subquery);
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.insertedAt).isNotNull();
            assertThat(post.meta.state()).isEqualTo(StructMeta.State.LOADED);
        });
    }

    record TitleAndPost(String title, Post post) {
    }

    record PostAndPublic(Post post, Boolean isPublic) {
    }

    /**
     * Ecto: "from: subqueries with map update and select expression": the outer query
     * reads the value the subquery merged ({@code %{p | public: not p.public}}).
     */
    @Test
    void aSubqueryWithAMergedValueIsReadWithIt() {
        post("hello", null);
        Query<Post> query = Query.from(Post.class)
            .selectMerge("isPublic", Value.when(Expr.eq("isPublic", true), Value.of(false), Value.of(true)));
        Query<Post> subquery = Query.fromSubquery(query);

        assertThat(this.repo.all(subquery.select(Title.class))).containsExactly(new Title("hello"));
        assertThat(this.repo.all(subquery)).extracting(post -> post.title, post -> post.isPublic)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("hello", false));
        assertThat(this.repo
            .all(subquery.select(TitleAndPost.class, Selection.field("title"), Selection.struct().as("post"))))
            .extracting(TitleAndPost::title, row -> row.post().isPublic)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("hello", false));
        assertThat(this.repo
            .all(subquery.select(PostAndPublic.class, Selection.struct().as("post"), Selection.field("isPublic"))))
            .extracting(row -> row.post().title, PostAndPublic::isPublic)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("hello", false));
    }

    /**
     * Ecto: "from: subqueries with aggregates", its halves over whole structs (the
     * {@code select: [:visits]} halves select part of a struct, {@code take}).
     */
    @Test
    void anAggregateOverAnOrderedAndLimitedSubquery() {
        post(null, 10);
        post(null, 11);
        post(null, 13);

        assertThat(this.repo.aggregate(Query.fromSubquery(Query.from(Post.class).orderBy("visits")), Aggregate.MAX,
                "visits", Integer.class))
            .contains(13);
        assertThat(this.repo.aggregate(Query.fromSubquery(Query.from(Post.class).orderBy("visits").limit(2)),
                Aggregate.MAX, "visits", Integer.class))
            .contains(11);
    }

    /** Ecto: "from: subqueries with parameters". */
    @Test
    void theSubquerysParametersAreBoundBeforeTheOuterOnes() {
        post("hello", 10);
        post("hello", 11);
        post("world", 13);
        Query<Post> between = Query.from(Post.class)
            .where(Expr.and(Expr.compare("visits", Query.Op.GTE, 11), Expr.compare("visits", Query.Op.LTE, 13)));

        assertThat(this.repo.all(Query.fromSubquery(between)
            .where("title", "hello")
            .select(Visits.class, Selection.of(Value.add(Value.field("visits"), Value.of(1))).as("value"))))
            .containsExactly(new Visits(12));
    }

    /** Ecto: "join: subqueries with select source". */
    @Test
    void aSubqueryIsJoined() {
        Post post = post("hello", null);
        Comment comment = Comment.text(null);
        comment.postId = post.id;
        this.repo.insert(comment);
        Query<Comment> joined = Query.from(Comment.class)
            .join("p", Query.fromSubquery(Query.from(Post.class)), Expr.eq("postId", Expr.field("p.id")));

        assertThat(this.repo.all(joined.select(PTitle.class))).containsExactly(new PTitle("hello"));
        assertThat(this.repo.all(joined.select(CommentAndPost.class))).singleElement()
            .satisfies(row -> assertThat(row.p().insertedAt).isNotNull());
    }

    /** Ecto: "join: subqueries with parameters". */
    @Test
    void aJoinedSubquerysParametersAreBoundInPlace() {
        post("hello", 10);
        post("hello", 11);
        post("world", 13);
        this.repo.insert(Comment.text(null));
        this.repo.insert(Comment.text(null));
        Query<Post> between = Query.from(Post.class)
            .where(Expr.and(Expr.compare("visits", Query.Op.GTE, 11), Expr.compare("visits", Query.Op.LTE, 13)));

        assertThat(this.repo.all(Query.from(Comment.class)
            .crossJoin("p", Query.fromSubquery(between))
            .where("p.title", "hello")
            .select(Visits.class, Selection.of(Value.add(Value.field("p.visits"), Value.of(1))).as("value"))))
            .containsExactly(new Visits(12), new Visits(12));
    }

    /** The rows of a limited subquery are written by updateAll and deleteAll. */
    @Test
    void writesFilterByTheRowsOfASubquerySource() {
        post("a", 1);
        post("b", 2);
        post("c", 3);
        Query<Post> firstTwo = Query.fromSubquery(Query.from(Post.class).orderBy("visits").limit(2));

        assertThat(this.repo.updateAll(firstTwo, UpdateAll.create().set("title", "early"))).isEqualTo(2);
        assertThat(this.repo.deleteAll(firstTwo.where("visits", 1))).isEqualTo(1);
        assertThat(this.repo.all(Query.from(Post.class).orderBy("visits"))).extracting(post -> post.title)
            .containsExactly("early", "c");
    }

    /**
     * Ecto's {@code parent_as}: a subquery's condition names a field of the query it is
     * part of, for that query's row (the tests "subqueries in order by" and "in distinct"
     * order and select distinct by such a subquery; here it filters).
     */
    @Test
    void aCorrelatedSubqueryComparesWithTheOuterRow() {
        post("hello", 10);
        Post more = post("hello", 11);
        User author = this.repo.insert(User.named("Ann"));
        Comment comment = Comment.text("hi");
        comment.postId = more.id;
        comment.authorId = author.id;
        this.repo.insert(comment);

        this.dataSource.reset();
        assertThat(this.repo.all(Query.from(Post.class)
            .where(Expr
                .exists(Query.from(Post.class).where(Expr.compare("visits", Query.Op.GT, Expr.parent("visits")))))))
            .extracting(post -> post.visits)
            .containsExactly(10);
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT t0.\"id\", t0.\"title\", t0.\"visits\", "
                + "t0.\"author_id\", t0.\"counter\", t0.\"uuid\", t0.\"public\", t0.\"posted\", t0.\"inserted_at\", "
                + "t0.\"updated_at\" FROM \"ecto_posts\" t0 WHERE EXISTS (SELECT 1 FROM \"ecto_posts\" "
                + "WHERE \"visits\" > t0.\"visits\")"));

        assertThat(this.repo.all(Query.from(Post.class)
            .join("comments")
            .where(Expr.exists(Query.from(Comment.class)
                .join("author")
                .where(Expr.eq("id", Expr.parent("comments.id")))
                .where("author.name", "Ann")))))
            .extracting(post -> post.id)
            .containsExactly(more.id);
        Comment titled = Comment.text("hello");
        titled.postId = more.id;
        this.repo.insert(titled);
        assertThat(this.repo.all(Query.from(Post.class)
            .where(Expr.in("id", Query.from(Comment.class).where(Expr.eq("text", Expr.parent("title"))), "postId"))))
            .extracting(post -> post.id)
            .containsExactly(more.id);
    }

    record PostAndLatest(Post post, Comment c) {
    }

    /**
     * A lateral join ({@code parent_as} in a joined subquery): each post with its latest
     * comment; refused on H2 and MariaDB, which have no LATERAL.
     */
    @Test
    void aLateralJoinReadsASubqueryForEachRow() {
        Post first = post("first", null);
        Post second = post("second", null);
        Post none = post("none", null);
        Comment older = Comment.text("older");
        older.postId = first.id;
        this.repo.insert(older);
        Comment latest = Comment.text("latest");
        latest.postId = first.id;
        latest = this.repo.insert(latest);
        Comment only = Comment.text("only");
        only.postId = second.id;
        only = this.repo.insert(only);
        Query<Comment> latestOfPost = Query.from(Comment.class)
            .where(Expr.eq("postId", Expr.parent("id")))
            .orderBy("id", Query.Direction.DESC)
            .limit(1);

        Query<Post> joined = Query.from(Post.class).joinLateral("c", latestOfPost).orderBy("id");
        if (database() != TestDatabase.POSTGRES) {
            assertThatThrownBy(() -> this.repo.all(joined.select(PostAndLatest.class)))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage((database() == TestDatabase.H2 ? "H2" : "MariaDB")
                        + " has no LATERAL join: join :c as a subquery without Expr.parent, or filter with "
                        + "Expr.exists");
            return;
        }
        this.dataSource.reset();
        assertThat(this.repo.all(joined.select(PostAndLatest.class)))
            .extracting(row -> row.post().id, row -> row.c().id)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id, latest.id),
                    org.assertj.core.groups.Tuple.tuple(second.id, only.id));
        assertThat(this.dataSource.statements().get(0)).contains(sql("FROM \"ecto_posts\" t0 CROSS JOIN LATERAL "
                + "(SELECT \"id\", \"text\", \"post_id\", \"author_id\", \"lock_version\" FROM \"ecto_comments\" "
                + "WHERE \"post_id\" = t0.\"id\" ORDER BY \"id\" DESC"));
        assertThat(this.repo
            .all(Query.from(Post.class).leftJoinLateral("c", latestOfPost).orderBy("id").select(PostAndLatest.class)))
            .extracting(row -> row.post().id, row -> row.c() == null ? null : row.c().id)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id, latest.id),
                    org.assertj.core.groups.Tuple.tuple(second.id, only.id),
                    org.assertj.core.groups.Tuple.tuple(none.id, null));
    }

    /**
     * A correlated subquery in deleteAll and updateAll reads the outer row, at every
     * depth of nesting.
     */
    @Test
    void correlatedSubqueriesFilterWritesAndNest() {
        User ann = this.repo.insert(User.named("Ann"));
        Post commented = post("commented", 1);
        Post byAnn = post("byAnn", 2);
        post("alone", 3);
        Comment comment = Comment.text("c");
        comment.postId = commented.id;
        this.repo.insert(comment);
        Comment annsComment = Comment.text("ann");
        annsComment.postId = byAnn.id;
        annsComment.authorId = ann.id;
        this.repo.insert(annsComment);

        Query<Post> withAnnsComment = Query.from(Post.class)
            .where(Expr.exists(Query.from(Comment.class)
                .where(Expr.eq("postId", Expr.parent("id")))
                .where(Expr.exists(
                        Query.from(User.class).where(Expr.eq("id", Expr.parent("authorId"))).where("name", "Ann")))));
        assertThat(this.repo.all(withAnnsComment)).extracting(post -> post.id).containsExactly(byAnn.id);
        assertThat(this.repo.updateAll(withAnnsComment, UpdateAll.create().set("visits", 20))).isEqualTo(1);

        Query<Post> uncommented = Query.from(Post.class)
            .where(Expr.not(Expr.exists(Query.from(Comment.class).where(Expr.eq("postId", Expr.parent("id"))))));
        assertThat(this.repo.deleteAll(uncommented)).isEqualTo(1);
        assertThat(this.repo.all(Query.from(Post.class).orderBy("visits")))
            .extracting(post -> post.title, post -> post.visits)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("commented", 1),
                    org.assertj.core.groups.Tuple.tuple("byAnn", 20));
        assertThatThrownBy(
                () -> this.repo.all(
                        Query.from(Post.class)
                            .select(Title.class, Selection.of(Value.when(
                                    Expr.exists(Query.from(Comment.class).where(Expr.eq("postId", Expr.parent("id")))),
                                    Value.of("yes"), Value.of("no")))
                                .as("title"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("Expr.parent(\"id\") is built in the conditions of a query, its joins and "
                    + "updateAll/deleteAll; not in a preload query, a select value or having");
    }

    @Test
    void subquerySourcesAreRefusedWhereTheyCannotBeRead() {
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).where(Expr.eq("id", Expr.parent("id")))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("Expr.parent(\"id\") names the field of the query a subquery is part of: use it inside "
                    + "Expr.exists or Expr.in");
        assertThatThrownBy(() -> Query.fromSubquery(Query.from(Post.class).preload("comments")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("a subquery source takes conditions, joins, order, paging and distinct, not "
                    + "preloads, a lock, set operations or common table expressions (join a common table expression "
                    + "for those): Query[from Post");
    }

}
