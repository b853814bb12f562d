package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.query.Aggregate;
import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.query.Selection;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.repo.it.ecto.Category;
import io.schemaspring.repo.it.ecto.Comment;
import io.schemaspring.repo.it.ecto.Permalink;
import io.schemaspring.repo.it.ecto.Post;
import io.schemaspring.repo.it.ecto.User;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's {@code integration_test/cases/joins.exs} (elixir-ecto/ecto): joins on any
 * condition, of queries, cross, left, right and full joins; and common table expressions
 * ({@code with_cte}, {@code recursive_ctes}), whose Ecto tests live in the adapters, on a
 * tree of categories. Ecto's {@code select: {p, c}} is a record of the fields the test
 * compares.
 */
abstract class EctoJoinsContract extends EctoContract {

    record TitleAndUrl(String title, String cUrl) {
    }

    record CategoryName(String name) {
    }

    private Post post(String title) {
        return this.repo.insert(Post.titled(title));
    }

    private Permalink permalink(String url, Post post) {
        Permalink permalink = new Permalink();
        permalink.url = url;
        permalink.postId = post == null ? null : post.id;
        return this.repo.insert(permalink);
    }

    private Comment comment(String text, User author, Post post) {
        Comment comment = Comment.text(text);
        comment.authorId = author == null ? null : author.id;
        comment.postId = post == null ? null : post.id;
        return this.repo.insert(comment);
    }

    record PostAndPermalink(Post post, Permalink permalink) {
    }

    record PostAndC(Post post, Permalink c) {
    }

    record PostAndComment(Post post, Comment comments) {
    }

    record PostAndAuthor(Post post, User commentsAuthors) {
    }

    record PermalinkAndUser(Permalink permalink, User user) {
    }

    record UserAndPermalink(User user, Permalink permalink) {
    }

    record PostAndUser(Post post, User users) {
    }

    private static List<Long> ids(Post post, Object other) {
        return java.util.Arrays.asList(post == null ? null : post.id,
                other == null ? null : other instanceof Permalink permalink ? permalink.id
                        : other instanceof Comment comment ? comment.id : ((User) other).id);
    }

    /**
     * Ecto: "joins" and "named joins": {@code select: {p, c}} reads both structs; an
     * association's join takes a condition of its own.
     */
    @Test
    void aRowReadsTheQueriedStructAndAJoinedOne() {
        post("1");
        Post p2 = post("2");
        Permalink c1 = permalink("1", p2);

        List<PostAndPermalink> rows = this.repo
            .all(Query.from(Post.class).join("permalink").orderBy("id").select(PostAndPermalink.class));
        assertThat(rows).extracting(row -> ids(row.post(), row.permalink())).containsExactly(List.of(p2.id, c1.id));
        assertThat(rows.get(0).post().title).isEqualTo("2");
        assertThat(rows.get(0).permalink().url).isEqualTo("1");
        assertThat(rows.get(0).post().meta.state()).isEqualTo(io.schemaspring.metadata.StructMeta.State.LOADED);

        this.dataSource.reset();
        assertThat(this.repo.all(Query.from(Post.class)
            .join("permalink", Expr.eq("permalink.id", c1.id))
            .select(PostAndPermalink.class))).extracting(row -> ids(row.post(), row.permalink()))
            .containsExactly(List.of(p2.id, c1.id));
        assertThat(this.repo.all(Query.from(Post.class)
            .join("permalink", Expr.eq("permalink.id", c1.id + 1))
            .select(PostAndPermalink.class))).isEmpty();
        assertThat(this.dataSource.statements().get(0)).endsWith(sql("FROM \"ecto_posts\" t0 JOIN "
                + "\"ecto_permalinks\" t1 ON t1.\"post_id\" = t0.\"id\" AND t1.\"id\" = ?"));
    }

    /** Ecto: "has_one association join". */
    @Test
    void aHasOneJoinReadsTheOwnerWithItsChild() {
        Post post1 = post("1");
        Post post2 = post("1");
        User user = this.repo.insert(User.named(null));
        Permalink p1 = permalink("hey", post1);
        Permalink p2 = permalink("heya", post2);
        this.repo.updateAll(Query.from(Permalink.class), UpdateAll.create().set("userId", user.id));

        assertThat(this.repo
            .all(Query.from(User.class).join("permalink").orderBy("permalink.id").select(UserAndPermalink.class)))
            .extracting(row -> List.of(row.user().id, row.permalink().id))
            .containsExactly(List.of(user.id, p1.id), List.of(user.id, p2.id));
    }

    /** Ecto: "joins with dynamic in :on". */
    @Test
    void aJoinOnAConditionWithAValueReadsTheJoinedStruct() {
        Post p = post("1");
        Permalink c = permalink("1", p);

        assertThat(this.repo.all(Query.from(Post.class)
            .join("c", Permalink.class, Expr.eq("c.id", c.id))
            .select(PostAndC.class, Selection.struct().as("post"), Selection.struct("c"))))
            .extracting(row -> ids(row.post(), row.c()))
            .containsExactly(List.of(p.id, c.id));
    }

    record BareboneAndVisits(io.schemaspring.repo.it.ecto.Barebone f1, Integer visits) {
    }

    /**
     * Ecto: "joins with fragment source mapped to schema", its {@code struct(f2,
     * [:visits])} read as the joined field (a joined struct is read whole).
     */
    @Test
    void fragmentSourcesJoinEachOther() {
        List<BareboneAndVisits> rows = this.repo.all(Query
            .fromFragment(io.schemaspring.repo.it.ecto.Barebone.class, "select 1 as num")
            .join("f2", Query.fromFragment(Post.class, "select 1 as visits"), Expr.eq("num", Expr.field("f2.visits")))
            .select(BareboneAndVisits.class, Selection.struct().as("f1"), Selection.field("f2.visits").as("visits")));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.f1().num).isEqualTo(1);
            assertThat(row.visits()).isEqualTo(1);
        });
    }

    /** Ecto: "has_many association join". */
    @Test
    void aHasManyJoinReadsTheParentWithEachChild() {
        Post post = post("1");
        Comment c1 = comment("hey", null, post);
        Comment c2 = comment("heya", null, post);

        assertThat(this.repo.all(Query.from(Post.class)
            .join("comments")
            .orderBy("id")
            .orderBy("comments.id")
            .select(PostAndComment.class))).extracting(row -> ids(row.post(), row.comments()))
            .containsExactly(List.of(post.id, c1.id), List.of(post.id, c2.id));
    }

    /** Ecto: "belongs_to association join". */
    @Test
    void aBelongsToJoinReadsEachChildWithItsParent() {
        Post post1 = post("1");
        Post post2 = post("1");
        User user = this.repo.insert(User.named(null));
        Permalink p1 = permalink("hey", post1);
        Permalink p2 = permalink("heya", post2);
        this.repo.updateAll(Query.from(Permalink.class), UpdateAll.create().set("userId", user.id));

        assertThat(this.repo.all(Query.from(Permalink.class).join("user").orderBy("id").select(PermalinkAndUser.class)))
            .extracting(row -> List.of(row.permalink().id, row.user().id))
            .containsExactly(List.of(p1.id, user.id), List.of(p2.id, user.id));
    }

    /** Ecto: "has_many through association join". */
    @Test
    void aThroughJoinReadsTheStructAtTheEndOfThePath() {
        Post p1 = post(null);
        Post p2 = post(null);
        User u1 = this.repo.insert(User.named("zzz"));
        User u2 = this.repo.insert(User.named("aaa"));
        comment(null, u1, p1);
        comment(null, u1, p1);
        comment(null, u2, p1);
        comment(null, u2, p2);

        assertThat(this.repo.all(Query.from(Post.class)
            .join("commentsAuthors")
            .orderBy("id")
            .orderBy("commentsAuthors.name")
            .select(PostAndAuthor.class))).extracting(row -> ids(row.post(), row.commentsAuthors()))
            .containsExactly(List.of(p1.id, u2.id), List.of(p1.id, u1.id), List.of(p1.id, u1.id),
                    List.of(p2.id, u2.id));
    }

    /** Ecto: "many_to_many association join". */
    @Test
    void aManyToManyJoinReadsEachRelatedStruct() {
        Post p1 = post("1");
        Post p2 = post("2");
        post("3");
        User u1 = this.repo.insert(User.named("john"));
        User u2 = this.repo.insert(User.named("mary"));
        this.jdbc.update("INSERT INTO ecto_posts_users (post_id, user_id) VALUES (?, ?), (?, ?), (?, ?)", p1.id, u1.id,
                p1.id, u2.id, p2.id, u2.id);

        assertThat(this.repo
            .all(Query.from(Post.class).join("users").orderBy("id").orderBy("users.id").select(PostAndUser.class)))
            .extracting(row -> ids(row.post(), row.users()))
            .containsExactly(List.of(p1.id, u1.id), List.of(p1.id, u2.id), List.of(p2.id, u2.id));
    }

    /** Ecto: "update all with joins". */
    @Test
    void updateAllWritesTheRowsAJoinOnAnyConditionKeeps() {
        User user = this.repo.insert(User.named("Tester"));
        Post post = post("foo");
        Comment comment = comment("hey", user, post);
        Comment another = comment("another", user, post("bar"));

        Query<Comment> query = Query.from(Comment.class)
            .join("u", User.class, Expr.eq("u.id", Expr.field("authorId")))
            .whereIn("postId", List.of(post.id));

        assertThat(this.repo.updateAll(query, UpdateAll.create().set("text", "hoo"))).isEqualTo(1);
        assertThat(this.repo.get(Comment.class, comment.id).orElseThrow().text).isEqualTo("hoo");
        assertThat(this.repo.get(Comment.class, another.id).orElseThrow().text).isEqualTo("another");
    }

    /** Ecto: "delete all with joins". */
    @Test
    void deleteAllRemovesTheRowsJoinsOnConditionsAndAssociationsKeep() {
        User user = this.repo.insert(User.named("Tester"));
        Post post = post("foo");
        comment("hey", user, post);
        comment("foo", user, post);
        comment("bar", user, null);

        assertThat(this.repo.deleteAll(Query.from(Comment.class)
            .join("u", User.class, Expr.eq("u.id", Expr.field("authorId")))
            .whereNull("postId"))).isEqualTo(1);
        assertThat(this.repo.all(Query.from(Comment.class))).hasSize(2);

        assertThat(this.repo
            .deleteAll(Query.from(Comment.class).join("author").join("post").whereIn("post.id", List.of(post.id))))
            .isEqualTo(2);
        assertThat(this.repo.all(Query.from(Comment.class))).isEmpty();
    }

    /** Ecto: "joins with queries". */
    @Test
    void aJoinedQueryAddsItsConditionsToTheJoinsCondition() {
        Post p1 = post("1");
        Post p2 = post("2");
        Permalink c1 = permalink("1", p2);
        Query<Permalink> permalink = Query.from(Permalink.class).where("url", "1");

        this.dataSource.reset();
        assertThat(this.repo.all(Query.from(Post.class)
            .join("c", permalink, Expr.eq("c.postId", Expr.field("id")))
            .select(TitleAndUrl.class))).containsExactly(new TitleAndUrl("2", "1"));
        assertThat(this.dataSource.statements())
            .containsExactly(sql("SELECT t0.\"title\", t1.\"uniform_resource_locator\" "
                    + "FROM \"ecto_posts\" t0 JOIN \"ecto_permalinks\" t1 ON t1.\"post_id\" = t0.\"id\" "
                    + "AND t1.\"uniform_resource_locator\" = ?"));

        assertThat(this.repo.all(Query.from(Post.class)
            .join("c", permalink, Expr.eq("c.id", c1.id))
            .orderBy("title")
            .select(TitleAndUrl.class))).containsExactly(new TitleAndUrl(p1.title, "1"), new TitleAndUrl("2", "1"));
    }

    /** Ecto: "cross joins with missing entries". */
    @Test
    void aCrossJoinPairsEveryRowWithEveryJoinedRow() {
        post("1");
        Post p2 = post("2");
        permalink("1", p2);

        assertThat(this.repo
            .all(Query.from(Post.class).crossJoin("c", Permalink.class).orderBy("id").select(TitleAndUrl.class)))
            .containsExactly(new TitleAndUrl("1", "1"), new TitleAndUrl("2", "1"));
    }

    /** Ecto: "left joins with missing entries". */
    @Test
    void aLeftJoinOnAnyConditionKeepsRowsWithoutAMatch() {
        Post p1 = post("1");
        Post p2 = post("2");
        Permalink c1 = permalink("1", p2);

        assertThat(this.repo.all(Query.from(Post.class)
            .leftJoin("c", Permalink.class, Expr.eq("id", Expr.field("c.postId")))
            .orderBy("id")
            .select(TitleAndUrl.class))).containsExactly(new TitleAndUrl("1", null), new TitleAndUrl("2", "1"));
        assertThat(this.repo.all(Query.from(Post.class)
            .leftJoin("c", Permalink.class, Expr.eq("id", Expr.field("c.postId")))
            .orderBy("id")
            .select(PostAndC.class))).extracting(row -> ids(row.post(), row.c()))
            .containsExactly(java.util.Arrays.asList(p1.id, null), List.of(p2.id, c1.id));
    }

    /** Ecto: "left join with missing entries from subquery". */
    @Test
    void aLeftJoinOfASubqueryKeepsRowsWithoutAMatch() {
        Post p1 = post("1");
        Post p2 = post("2");
        Permalink c1 = permalink("1", p2);

        assertThat(this.repo.all(Query.from(Post.class)
            .leftJoin("c", Query.fromSubquery(Query.from(Permalink.class)), Expr.eq("id", Expr.field("c.postId")))
            .orderBy("id")
            .select(PostAndC.class))).extracting(row -> ids(row.post(), row.c()))
            .containsExactly(java.util.Arrays.asList(p1.id, null), List.of(p2.id, c1.id));
    }

    /** Ecto: "right joins with missing entries". */
    @Test
    void aRightJoinReadsAStructOfNullsWhereTheQueryHasNoRow() {
        Post p1 = post("1");
        Post p2 = post("2");
        Permalink permalink = permalink("1", p2);
        comment("1", null, p1);
        comment("2", null, p2);
        comment("3", null, null);

        List<Post> posts = this.repo.all(Query.from(Post.class)
            .rightJoin("c", Comment.class, Expr.eq("c.postId", Expr.field("id")))
            .orderBy("c.id")
            .preload("permalink"));

        assertThat(posts).extracting(post -> post.id).containsExactly(p1.id, p2.id, null);
        assertThat(posts.get(0).permalink).isNull();
        assertThat(posts.get(1).permalink.id).isEqualTo(permalink.id);
    }

    /**
     * A full join keeps the rows of both sides, nulls where none matches; H2 and MariaDB
     * have none.
     */
    @Test
    void aFullJoinKeepsTheRowsOfBothSides() {
        post("1");
        Post p2 = post("2");
        permalink("1", p2);
        permalink("2", null);
        Query<Post> query = Query.from(Post.class)
            .fullJoin("c", Permalink.class, Expr.eq("c.postId", Expr.field("id")))
            .orderBy("title")
            .orderBy("c.url");

        if (database() != TestDatabase.POSTGRES) {
            assertThatThrownBy(() -> this.repo.all(query.select(TitleAndUrl.class)))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage((database() == TestDatabase.H2 ? "H2" : "MariaDB")
                        + " has no FULL JOIN: join :c with leftJoin, and unionAll a query of the rows "
                        + "a rightJoin adds");
            return;
        }
        assertThat(this.repo.all(query.select(TitleAndUrl.class))).containsExactlyInAnyOrder(new TitleAndUrl("1", null),
                new TitleAndUrl("2", "1"), new TitleAndUrl(null, "2"));
    }

    /** Ecto's {@code with_cte}: a common table expression read as a source and joined. */
    @Test
    void aCommonTableExpressionIsReadAsASourceAndJoined() {
        Post p1 = post("1");
        Post p2 = post("2");
        comment("a", null, p1);
        comment("b", null, p2);
        comment("c", null, p2);
        Query<Comment> ofSecond = Query.from(Comment.class).where("postId", p2.id);

        this.dataSource.reset();
        assertThat(this.repo.all(Query.fromCte("second", Comment.class).with("second", ofSecond).orderBy("text")))
            .extracting(comment -> comment.text)
            .containsExactly("b", "c");
        assertThat(this.dataSource.statements()).containsExactly(sql("WITH \"second\" (\"id\", \"text\", "
                + "\"post_id\", \"author_id\", \"lock_version\") AS (SELECT \"id\", \"text\", \"post_id\", "
                + "\"author_id\", \"lock_version\" FROM \"ecto_comments\" WHERE \"post_id\" = ?) SELECT \"id\", "
                + "\"text\", \"post_id\", \"author_id\", \"lock_version\" FROM \"second\" ORDER BY \"text\""));

        assertThat(this.repo.all(Query.from(Post.class)
            .with("second", ofSecond)
            .join("c", Query.fromCte("second", Comment.class), Expr.eq("c.postId", Expr.field("id")))
            .where("c.text", "c"))).extracting(post -> post.title).containsExactly("2");
        Query<Comment> second = Query.fromCte("second", Comment.class).with("second", ofSecond);
        assertThat(this.repo.count(second)).isEqualTo(2);
        assertThat(this.repo.exists(second.where("text", "a"))).isFalse();
        assertThat(this.repo.aggregate(second, Aggregate.MAX, "text", String.class)).contains("c");
        assertThat(this.repo.all(Query.from(Post.class).where(Expr.in("id", second, "postId"))))
            .extracting(post -> post.title)
            .containsExactly("2");
    }

    /** Ecto's {@code recursive_ctes(true)}: the categories under a root, at any depth. */
    @Test
    void aRecursiveCommonTableExpressionWalksATree() {
        Category books = this.repo.insert(Category.named("books", null));
        Category fiction = this.repo.insert(Category.named("fiction", books));
        this.repo.insert(Category.named("crime", fiction));
        this.repo.insert(Category.named("poetry", books));
        Category music = this.repo.insert(Category.named("music", null));
        this.repo.insert(Category.named("jazz", music));

        this.dataSource.reset();
        assertThat(this.repo.all(subtree(books.id).orderBy("name").select(CategoryName.class)))
            .extracting(CategoryName::name)
            .containsExactly("books", "crime", "fiction", "poetry");
        assertThat(this.dataSource.statements()).containsExactly(sql("WITH RECURSIVE \"tree\" (\"id\", \"name\", "
                + "\"parent_id\") AS (SELECT \"id\", \"name\", \"parent_id\" FROM \"ecto_categories\" WHERE \"id\" = ? "
                + "UNION ALL (SELECT t0.\"id\", t0.\"name\", t0.\"parent_id\" FROM \"ecto_categories\" t0 "
                + "JOIN \"tree\" t1 ON t0.\"parent_id\" = t1.\"id\")) SELECT \"name\" FROM \"tree\" ORDER BY \"name\""));

        assertThat(this.repo.deleteAll(subtree(fiction.id))).isEqualTo(2);
        assertThat(this.repo.all(Query.from(Category.class).orderBy("name"))).extracting(category -> category.name)
            .containsExactly("books", "jazz", "music", "poetry");
        assertThat(this.repo.updateAll(subtree(music.id), UpdateAll.create().set("name", "sound"))).isEqualTo(2);
        assertThat(this.repo.all(Query.from(Category.class).where("name", "sound"))).hasSize(2);
    }

    private Query<Category> subtree(Long rootId) {
        Query<Category> root = Query.from(Category.class).where("id", rootId);
        Query<Category> children = Query.from(Category.class)
            .join("t", Query.fromCte("tree", Category.class), Expr.eq("parentId", Expr.field("t.id")));
        return Query.fromCte("tree", Category.class).with("tree", root.unionAll(children)).recursive();
    }

    @Test
    void joinsAndCommonTableExpressionsAreRefusedBeforeAnySqlWhereTheyCannotRun() {
        this.dataSource.reset();
        assertThatThrownBy(() -> Query.from(Post.class)
            .join("c", Comment.class, Expr.eq("c.postId", Expr.field("id")))
            .join("c", Permalink.class, Expr.eq("c.postId", Expr.field("id"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("the query already joins :c: name each join once");
        assertThatThrownBy(
                () -> Query.from(Post.class).join("c", Query.from(Comment.class).orderBy("id"), Expr.eq("c.id", 1)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("join :c takes a query with conditions only (of a schema or a common table "
                    + "expression), not joins, order, paging, preloads, lock, distinct, set operations, common "
                    + "table expressions, selectMerge or take: Query[from Comment");
        assertThatThrownBy(() -> this.repo
            .all(Query.fromCte("tree", Category.class).with("tree", Query.from(Category.class).orderBy("name"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("common table expression tree takes conditions, joins, distinct and set "
                    + "operations, not order, paging, preloads, lock or common table expressions of its own "
                    + "(give those to the outer query): Query[from Category");
        assertThatThrownBy(() -> Query.from(Category.class)
            .with("tree", Query.from(Category.class))
            .with("tree", Query.from(Category.class))).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("the query already has a common table expression tree");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class)
            .join("c", Comment.class, Expr.compare("c.text", Query.Op.ILIKE, Expr.field("title")))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("ilike compares a field with a pattern value, not with the field title");
        assertThatThrownBy(() -> this.repo
            .all(Query.from(Post.class).select(PostAndC.class, Selection.struct().as("post"), Selection.struct("c"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("struct \"c\" names a join the query does not have: add join(\"c\")");
        assertThatThrownBy(() -> this.repo
            .all(Query.from(Post.class).join("permalink").join("permalink", Expr.eq("permalink.id", 1))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("the query joins :permalink before its join with a condition: join each association path once");
        assertThatThrownBy(() -> Query.from(Post.class).join("c d", Comment.class, Expr.eq("c.id", 1)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(this.dataSource.statements()).isEmpty();
    }

}
