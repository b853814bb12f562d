package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.repo.it.ecto.Comment;
import io.schemaspring.repo.it.ecto.Permalink;
import io.schemaspring.repo.it.ecto.Post;
import io.schemaspring.repo.it.ecto.User;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The association preloads of Ecto's {@code integration_test/cases/joins.exs}
 * (elixir-ecto/ecto) filled from join rows ({@code preload: [comments: c]}, the "assoc
 * selector" tests) with {@code preloadJoined}: one statement, each struct once.
 */
abstract class EctoJoinedPreloadContract extends EctoContract {

    private Post post(String title) {
        return this.repo.insert(Post.titled(title));
    }

    private Comment comment(String text, Post post, User author) {
        Comment comment = Comment.text(text);
        comment.postId = post == null ? null : post.id;
        comment.authorId = author == null ? null : author.id;
        return this.repo.insert(comment);
    }

    private Permalink permalink(String url, Post post, User user) {
        Permalink permalink = new Permalink();
        permalink.url = url;
        permalink.postId = post == null ? null : post.id;
        permalink.userId = user == null ? null : user.id;
        return this.repo.insert(permalink);
    }

    private static List<Long> ids(List<?> structs) {
        return structs.stream()
            .map(struct -> struct instanceof Comment comment ? comment.id
                    : struct instanceof User user ? user.id : ((Post) struct).id)
            .toList();
    }

    /** Ecto: "has_many assoc selector". */
    @Test
    void aHasManyIsFilledFromItsJoinInOneStatement() {
        Post p1 = post("1");
        Post p2 = post("2");
        Comment c1 = comment("1", p1, null);
        Comment c2 = comment("2", p1, null);
        Comment c3 = comment("3", p2, null);

        this.dataSource.reset();
        List<Post> posts = this.repo.all(
                Query.from(Post.class).join("comments").orderBy("id").orderBy("comments.id").preloadJoined("comments"));
        assertThat(ids(posts)).containsExactly(p1.id, p2.id);
        assertThat(ids(posts.get(0).comments)).containsExactly(c1.id, c2.id);
        assertThat(ids(posts.get(1).comments)).containsExactly(c3.id);
        assertThat(posts.get(0).comments.get(1).text).isEqualTo("2");
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT t0.\"id\", t0.\"title\", "
                + "t0.\"visits\", t0.\"author_id\", t0.\"counter\", t0.\"uuid\", t0.\"public\", t0.\"posted\", t0.\"inserted_at\", "
                + "t0.\"updated_at\", t1.\"id\", t1.\"text\", t1.\"post_id\", t1.\"author_id\", t1.\"lock_version\" "
                + "FROM \"ecto_posts\" t0 JOIN \"ecto_comments\" t1 ON t1.\"post_id\" = t0.\"id\" "
                + "ORDER BY t0.\"id\", t1.\"id\""));

        List<Post> withOn = this.repo.all(Query.from(Post.class)
            .leftJoin("comments", Expr.eq("title", Expr.field("comments.text")))
            .orderBy("id")
            .preloadJoined("comments"));
        assertThat(ids(withOn)).containsExactly(p1.id, p2.id);
        assertThat(ids(withOn.get(0).comments)).containsExactly(c1.id);
        assertThat(withOn.get(1).comments).isEmpty();
    }

    /** Ecto: "has_one assoc selector". */
    @Test
    void aHasOneIsFilledFromItsJoin() {
        Post p1 = post("1");
        Post p2 = post("2");
        Permalink pl1 = permalink("1", p1, null);
        permalink("2", null, null);
        Permalink pl3 = permalink("3", p2, null);

        List<Post> posts = this.repo
            .all(Query.from(Post.class).join("permalink").orderBy("id").preloadJoined("permalink"));
        assertThat(posts).extracting(post -> post.permalink.id).containsExactly(pl1.id, pl3.id);
    }

    /** Ecto: "belongs_to assoc selector". */
    @Test
    void aBelongsToIsFilledFromItsLeftJoinAndNullWithoutARow() {
        Post p1 = post("1");
        Post p2 = post("2");
        permalink("1", p1, null);
        permalink("2", null, null);
        permalink("3", p2, null);

        List<Permalink> permalinks = this.repo
            .all(Query.from(Permalink.class).leftJoin("post").orderBy("id").preloadJoined("post"));
        assertThat(permalinks).hasSize(3);
        assertThat(permalinks.get(0).post.id).isEqualTo(p1.id);
        assertThat(permalinks.get(1).post).isNull();
        assertThat(permalinks.get(2).post.id).isEqualTo(p2.id);
        this.dataSource.reset();
        assertThat(this.repo.preload(permalinks, "post"))
            .extracting(permalink -> permalink.post == null ? null : permalink.post.title)
            .containsExactly("1", null, "2");
        assertThat(this.dataSource.statements()).as("preload keeps what the join filled").isEmpty();
    }

    /** Ecto: "many_to_many assoc selector". */
    @Test
    void aManyToManyIsFilledFromItsJoin() {
        Post p1 = post("1");
        Post p2 = post("2");
        Post p3 = post("3");
        User u1 = this.repo.insert(User.named("1"));
        User u2 = this.repo.insert(User.named("2"));
        this.jdbc.update("INSERT INTO ecto_posts_users (post_id, user_id) VALUES (?, ?), (?, ?), (?, ?)", p1.id, u1.id,
                p1.id, u2.id, p2.id, u2.id);

        List<Post> posts = this.repo
            .all(Query.from(Post.class).leftJoin("users").orderBy("id").orderBy("users.name").preloadJoined("users"));
        assertThat(ids(posts)).containsExactly(p1.id, p2.id, p3.id);
        assertThat(ids(posts.get(0).users)).containsExactly(u1.id, u2.id);
        assertThat(ids(posts.get(1).users)).containsExactly(u2.id);
        assertThat(posts.get(2).users).isEmpty();

        List<Post> withOn = this.repo.all(Query.from(Post.class)
            .leftJoin("users", Expr.eq("title", Expr.field("users.name")))
            .orderBy("id")
            .preloadJoined("users"));
        assertThat(ids(withOn.get(0).users)).containsExactly(u1.id);
        assertThat(ids(withOn.get(1).users)).containsExactly(u2.id);
        assertThat(withOn.get(2).users).isEmpty();
    }

    /** Ecto: "has_many through assoc selector". */
    @Test
    void aThroughAssociationIsFilledFromItsJoinEachStructOnce() {
        Post p1 = post("1");
        Post p2 = post("2");
        User u1 = this.repo.insert(User.named("1"));
        User u2 = this.repo.insert(User.named("2"));
        comment(null, p1, u1);
        comment(null, p1, u1);
        comment(null, p1, u2);
        comment(null, p2, u2);

        List<Post> posts = this.repo
            .all(Query.from(Post.class).leftJoin("commentsAuthors").orderBy("id").preloadJoined("commentsAuthors"));
        assertThat(ids(posts)).containsExactly(p1.id, p2.id);
        assertThat(ids(posts.get(0).commentsAuthors.stream().sorted(Comparator.comparing(user -> user.id)).toList()))
            .containsExactly(u1.id, u2.id);
        assertThat(ids(posts.get(1).commentsAuthors)).containsExactly(u2.id);

        List<Post> withOn = this.repo.all(Query.from(Post.class)
            .leftJoin("commentsAuthors", Expr.eq("commentsAuthors.name", Expr.field("title")))
            .orderBy("id")
            .preloadJoined("commentsAuthors"));
        assertThat(ids(withOn.get(0).commentsAuthors)).containsExactly(u1.id);
        assertThat(ids(withOn.get(1).commentsAuthors)).containsExactly(u2.id);
    }

    /** Ecto: "has_many through-through assoc selector". */
    @Test
    void aThroughThroughAssociationIsFilledFromItsJoinAmongOtherJoins() {
        Post p1 = post(null);
        Post p2 = post(null);
        permalink("1", p1, null);
        permalink("2", p2, null);
        User u1 = this.repo.insert(User.named(null));
        User u2 = this.repo.insert(User.named(null));
        comment(null, p1, u1);
        comment(null, p1, u1);
        comment(null, p1, u2);
        comment(null, p2, u2);

        for (Query<Permalink> query : List.of(Query.from(Permalink.class).leftJoin("postCommentsAuthors"),
                Query.from(Permalink.class).leftJoin("post").leftJoin("postCommentsAuthors"))) {
            List<Permalink> permalinks = this.repo
                .all(query.orderBy("postCommentsAuthors.id").preloadJoined("postCommentsAuthors"));
            assertThat(permalinks).hasSize(2);
            assertThat(ids(permalinks.get(0).postCommentsAuthors)).containsExactly(u1.id, u2.id);
            assertThat(ids(permalinks.get(1).postCommentsAuthors)).containsExactly(u2.id);
        }
    }

    /** Ecto: "has_many through nested association joins". */
    @Test
    void severalJoinsFillSiblingAndNestedAssociationsOfOneStruct() {
        User u1 = this.repo.insert(User.named("Alice"));
        User u2 = this.repo.insert(User.named("John"));
        Post p1 = Post.titled("p1");
        p1.authorId = u1.id;
        p1 = this.repo.insert(p1);
        Post p2 = Post.titled("p2");
        p2.authorId = u1.id;
        p2 = this.repo.insert(p2);
        comment("c1", p1, u1);
        comment("c2", p1, u2);
        comment("c3", p2, u2);
        comment("c4", p2, null);
        comment("c5", p2, u1);

        User user = this.repo
            .one(Query.from(User.class)
                .leftJoin("posts")
                .leftJoin("comments")
                .leftJoin("posts.comments")
                .where("id", u1.id)
                .orderBy("posts.title")
                .orderBy("comments.text")
                .orderBy("posts.comments.text")
                .preloadJoined("comments", "posts", "posts.comments")
                .preload("posts.comments.author"))
            .orElseThrow();

        assertThat(user.comments).extracting(comment -> comment.text).containsExactly("c1", "c5");
        assertThat(user.posts).extracting(post -> post.title).containsExactly("p1", "p2");
        assertThat(user.posts.get(0).comments).extracting(comment -> comment.text + ":" + comment.author.name)
            .containsExactly("c1:Alice", "c2:John");
        assertThat(user.posts.get(1).comments)
            .extracting(comment -> comment.text + ":" + (comment.author == null ? null : comment.author.name))
            .containsExactly("c3:John", "c4:null", "c5:Alice");
    }

    /** Ecto: "nested assoc". */
    @Test
    void nestedAssociationsAreFilledFromTheirJoinsBesideRegularPreloads() {
        Post p1 = post("1");
        Post p2 = post("2");
        User u1 = this.repo.insert(User.named("1"));
        User u2 = this.repo.insert(User.named("2"));
        Comment c1 = comment("1", p1, u1);
        Comment c2 = comment("2", p1, u2);
        Comment c3 = comment("3", p2, u2);

        List<Post> posts = this.repo.all(Query.from(Post.class)
            .leftJoin("comments")
            .leftJoin("comments.author")
            .orderBy("id")
            .orderBy("comments.id")
            .orderBy("comments.author.id")
            .preload("permalink", "comments.author.comments", "comments.author.custom")
            .preloadJoined("comments", "comments.author"));

        assertThat(ids(posts)).containsExactly(p1.id, p2.id);
        assertThat(ids(posts.get(0).comments)).containsExactly(c1.id, c2.id);
        assertThat(ids(posts.get(1).comments)).containsExactly(c3.id);
        assertThat(posts.get(0).comments.get(0).author.id).isEqualTo(u1.id);
        assertThat(posts.get(0).comments.get(1).author.id).isEqualTo(u2.id);
        assertThat(posts.get(1).comments.get(0).author.id).isEqualTo(u2.id);
        assertThat(ids(posts.get(0).comments.get(1).author.comments)).containsExactly(c2.id, c3.id);
    }

    /** Ecto: "nested assoc with missing entries". */
    @Test
    void nestedAssociationsFromLeftJoinsAreEmptyOrNullWithoutRows() {
        Post p1 = post("1");
        Post p2 = post("2");
        Post p3 = post("2");
        User u1 = this.repo.insert(User.named("1"));
        User u2 = this.repo.insert(User.named("2"));
        Comment c1 = comment("1", p1, u1);
        Comment c2 = comment("2", p1, null);
        Comment c3 = comment("3", p3, u2);

        List<Post> posts = this.repo.all(Query.from(Post.class)
            .leftJoin("comments")
            .leftJoin("comments.author")
            .orderBy("id")
            .orderBy("comments.id")
            .orderBy("comments.author.id")
            .preloadJoined("comments", "comments.author"));

        assertThat(ids(posts)).containsExactly(p1.id, p2.id, p3.id);
        assertThat(ids(posts.get(0).comments)).containsExactly(c1.id, c2.id);
        assertThat(posts.get(1).comments).isEmpty();
        assertThat(ids(posts.get(2).comments)).containsExactly(c3.id);
        assertThat(posts.get(0).comments.get(0).author.id).isEqualTo(u1.id);
        assertThat(posts.get(0).comments.get(1).author).isNull();
        assertThat(posts.get(2).comments.get(0).author.id).isEqualTo(u2.id);
    }

    /** Ecto: "nested assoc with child preload". */
    @Test
    void childrenFilledFromAJoinTakeRegularPreloads() {
        Post p1 = post("1");
        Post p2 = post("2");
        User u1 = this.repo.insert(User.named("1"));
        User u2 = this.repo.insert(User.named("2"));
        comment("1", p1, u1);
        comment("2", p1, u2);
        comment("3", p2, u2);

        this.dataSource.reset();
        List<Post> posts = this.repo.all(Query.from(Post.class)
            .leftJoin("comments")
            .orderBy("id")
            .orderBy("comments.id")
            .preloadJoined("comments")
            .preload("comments.author"));

        assertThat(posts).flatExtracting(post -> post.comments)
            .extracting(comment -> comment.author.id)
            .containsExactly(u1.id, u2.id, u2.id);
        assertThat(this.dataSource.statements()).as("the join, then one query for the authors").hasSize(2);
    }

    /** Ecto: "nested assoc with sibling preload". */
    @Test
    void aJoinFilledAssociationSitsBesideARegularPreload() {
        Post p1 = post("1");
        Post p2 = post("2");
        Permalink pl1 = permalink("1", p2, null);
        Comment c1 = comment("1", p1, null);
        Comment c2 = comment("2", p2, null);
        comment("3", p2, null);

        List<Post> posts = this.repo.all(Query.from(Post.class)
            .leftJoin("comments")
            .where(Expr.in("comments.text", List.of("1", "2")))
            .orderBy("id")
            .preload("permalink")
            .preloadJoined("comments"));

        assertThat(ids(posts)).containsExactly(p1.id, p2.id);
        assertThat(posts.get(1).permalink.id).isEqualTo(pl1.id);
        assertThat(ids(posts.get(0).comments)).containsExactly(c1.id);
        assertThat(ids(posts.get(1).comments)).containsExactly(c2.id);
    }

    /** Ecto: "joining a through association with a nested preloads". */
    @Test
    void aThroughAssociationFilledFromItsJoinTakesNestedJoinsAndPreloads() {
        Post post = post("1");
        User user = this.repo.insert(User.named("1"));
        comment("1", post, null);
        permalink(null, post, user);

        List<Comment> comments = this.repo.all(Query.from(Comment.class)
            .join("postPermalink")
            .join("postPermalink.user")
            .preloadJoined("postPermalink", "postPermalink.user")
            .preload("postPermalink.post"));

        assertThat(comments).hasSize(1);
        assertThat(this.repo.isLoaded(comments.get(0), "post")).isFalse();
        assertThat(this.repo.isLoaded(comments.get(0), "postPermalink")).isTrue();
        assertThat(comments.get(0).postPermalink.user.id).isEqualTo(user.id);
        assertThat(comments.get(0).postPermalink.post.id).isEqualTo(post.id);
    }

    /** Ecto: "association with composite pk join". */
    @Test
    void anAssociationWithACompositeKeyIsFilledFromItsJoin() {
        Post post = post("1");
        User user = this.repo.insert(User.named("1"));
        this.jdbc.update("INSERT INTO ecto_posts_users_composite_pk (post_id, user_id) VALUES (?, ?)", post.id,
                user.id);

        List<Post> posts = this.repo
            .all(Query.from(Post.class).join("postUserCompositePk").preloadJoined("postUserCompositePk"));
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).postUserCompositePk.userId).isEqualTo(user.id);
    }

    /** Ecto: "joining multiple through associations with a nested preloads". */
    @Test
    void severalThroughAssociationsAreFilledFromTheirJoins() {
        Post post = post("1");
        User user = this.repo.insert(User.named("1"));
        comment("1", post, user);
        permalink(null, post, user);

        List<Comment> comments = this.repo.all(Query.from(Comment.class)
            .join("postPermalink")
            .join("authorPermalink")
            .join("postPermalink.user")
            .join("authorPermalink.user")
            .preloadJoined("postPermalink", "authorPermalink", "postPermalink.user", "authorPermalink.user")
            .preload("postPermalink.post", "authorPermalink.post"));

        assertThat(comments).hasSize(1);
        Comment comment = comments.get(0);
        assertThat(this.repo.isLoaded(comment, "post")).isFalse();
        assertThat(this.repo.isLoaded(comment, "author")).isFalse();
        assertThat(comment.postPermalink.user.id).isEqualTo(user.id);
        assertThat(comment.postPermalink.post.id).isEqualTo(post.id);
        assertThat(comment.authorPermalink.user.id).isEqualTo(user.id);
        assertThat(comment.authorPermalink.post.id).isEqualTo(post.id);
    }

    /** Ecto: "joining nested through associations with a nested preloads". */
    @Test
    void aThroughAssociationOfAThroughAssociationIsFilledFromItsJoin() {
        User user = this.repo.insert(User.named("1"));
        Post post = Post.titled("1");
        post.authorId = user.id;
        post = this.repo.insert(post);
        comment("1", post, null);
        permalink(null, post, user);

        List<Comment> comments = this.repo.all(Query.from(Comment.class)
            .join("postPermalink")
            .join("postPermalink.userPosts")
            .preloadJoined("postPermalink", "postPermalink.userPosts")
            .preload("postPermalink.post", "postPermalink.userPosts.comments"));

        assertThat(comments).hasSize(1);
        Comment comment = comments.get(0);
        assertThat(this.repo.isLoaded(comment, "post")).isFalse();
        assertThat(comment.postPermalink.post.id).isEqualTo(post.id);
        assertThat(ids(comment.postPermalink.userPosts)).containsExactly(post.id);
        assertThat(ids(comment.postPermalink.userPosts.get(0).comments)).containsExactly(comments.get(0).id);
        assertThat(this.repo.isLoaded(comment.postPermalink, "user")).isFalse();
    }

    /** Ecto (preload.exs): "preload into a subquery source". */
    @Test
    void anAssociationIsFilledFromAJoinOnAConditionIntoASubquerySource() {
        Post post = post(null);
        Comment comment = comment(null, post, null);

        List<Comment> comments = this.repo.all(Query.fromSubquery(Query.from(Comment.class))
            .join("p", Post.class, Expr.eq("postId", Expr.field("p.id")))
            .preloadFromJoin("post", "p"));
        assertThat(comments).singleElement().satisfies(found -> {
            assertThat(found.id).isEqualTo(comment.id);
            assertThat(found.post.id).isEqualTo(post.id);
        });
    }

    /** Ecto: "joining and preloading through a subquery". */
    @Test
    void associationsAreFilledFromNamedJoinsOfSchemasAndSubqueries() {
        Post post = post(null);
        Comment c1 = comment(null, post, null);
        Comment c2 = comment(null, post, null);

        List<Post> posts = this.repo.all(Query.from(Post.class)
            .leftJoin("u", User.class, Expr.eq("authorId", Expr.field("u.id")))
            .join("c", Query.fromSubquery(Query.from(Comment.class)), Expr.eq("id", Expr.field("c.postId")))
            .join("p2", Post.class, Expr.eq("c.postId", Expr.field("p2.id")))
            .preloadFromJoin("author", "u")
            .preloadFromJoin("forceComments", "c")
            .preloadFromJoin("forceComments.post", "p2"));

        assertThat(posts).singleElement().satisfies(found -> {
            assertThat(found.id).isEqualTo(post.id);
            assertThat(found.author).isNull();
            assertThat(found.forceComments.stream().sorted(Comparator.comparing(comment -> comment.id)).toList())
                .extracting(comment -> comment.id, comment -> comment.post.id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(c1.id, post.id),
                        org.assertj.core.groups.Tuple.tuple(c2.id, post.id));
        });
    }

    @Test
    void preloadsFromJoinsAreRefusedBeforeAnySqlWhereTheyCannotBeFilled() {
        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).preloadJoined("comments")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("preloadJoined(\"comments\") needs the query to join the association: add join(\"comments\") "
                    + "or leftJoin(\"comments\")");
        assertThatThrownBy(
                () -> this.repo.all(Query.from(Post.class).join("comments.author").preloadJoined("comments.author")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("preloadJoined(\"comments.author\") fills an association of :comments, which is not filled "
                    + "from its join: give preloadJoined(\"comments\") before it");
        assertThatThrownBy(() -> this.repo.all(Query.from(Comment.class).preloadFromJoin("post", "p")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("preloadFromJoin(\"post\", \"p\") needs a join named p: add join(\"p\", Schema.class, on)");
        assertThatThrownBy(() -> this.repo.all(Query.from(Comment.class)
            .join("u", User.class, Expr.eq("authorId", Expr.field("u.id")))
            .preloadFromJoin("post", "u"))).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("preloadFromJoin(\"post\", \"u\") fills :post of Post from rows of User");
        assertThat(this.dataSource.statements()).isEmpty();
    }

}
