package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.FieldError;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.metadata.NotLoaded;
import io.schemaspring.query.Query;
import io.schemaspring.repo.StaleEntryException;
import io.schemaspring.repo.it.ecto.Comment;
import io.schemaspring.repo.it.ecto.Permalink;
import io.schemaspring.repo.it.ecto.Post;
import io.schemaspring.repo.it.ecto.PostUser;
import io.schemaspring.repo.it.ecto.User;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ecto's {@code integration_test/cases/assoc.exs} (elixir-ecto/ecto), the association
 * writes: each test names the Ecto test it ports, and runs unchanged on every database of
 * {@link TestDatabase}.
 */
abstract class EctoAssocContract extends EctoContract {

    private long count(String table) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private Post getPost(long id, String... preloads) {
        return this.repo.one(Query.from(Post.class).where("id", id).preload(preloads)).orElseThrow();
    }

    private User getUser(long id, String... preloads) {
        return this.repo.one(Query.from(User.class).where("id", id).preload(preloads)).orElseThrow();
    }

    private static <T> List<T> byId(List<T> structs, java.util.function.Function<T, Long> id) {
        return structs.stream().sorted(Comparator.comparing(id)).toList();
    }

    private Comment comment(String text, @org.jspecify.annotations.Nullable Post post,
            @org.jspecify.annotations.Nullable User author) {
        Comment comment = Comment.text(text);
        comment.postId = post == null ? null : post.id;
        comment.authorId = author == null ? null : author.id;
        return this.repo.insert(comment);
    }

    private Permalink permalink(String url, @org.jspecify.annotations.Nullable Post post,
            @org.jspecify.annotations.Nullable User user) {
        Permalink permalink = Permalink.url(url);
        permalink.postId = post == null ? null : post.id;
        permalink.userId = user == null ? null : user.id;
        return this.repo.insert(permalink);
    }

    private Post post(String title, @org.jspecify.annotations.Nullable User author) {
        Post post = Post.titled(title);
        post.authorId = author == null ? null : author.id;
        return this.repo.insert(post);
    }

    private void joinPostsUsers(long... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            this.jdbc.update("INSERT INTO ecto_posts_users (post_id, user_id) VALUES (?, ?)", pairs[i], pairs[i + 1]);
        }
    }

    private static <T> List<Long> ids(List<T> structs, java.util.function.Function<T, Long> id) {
        return structs.stream().map(id).sorted().toList();
    }

    // ------------------------------------------------------------------ Ecto.assoc/2

    /** Ecto: "has_many assoc". */
    @Test
    void hasManyAssoc() {
        Post p1 = post("1", null);
        Post p2 = post("2", null);
        Comment c1 = comment("1", p1, null);
        Comment c2 = comment("2", p1, null);
        Comment c3 = comment("3", p2, null);
        assertThat(this.repo.all(Query.<Comment>assoc(p1, "comments").orderBy("id"))).extracting(comment -> comment.id)
            .containsExactly(c1.id, c2.id);
        assertThat(this.repo.all(Query.<Comment>assoc(List.of(p1, p2), "comments").orderBy("id")))
            .extracting(comment -> comment.id)
            .containsExactly(c1.id, c2.id, c3.id);
    }

    /** Ecto: "has_one assoc". */
    @Test
    void hasOneAssoc() {
        Post p1 = post("1", null);
        Post p2 = post("2", null);
        Permalink l1 = permalink("1", p1, null);
        permalink("2", null, null);
        Permalink l3 = permalink("3", p2, null);
        assertThat(this.repo.all(Query.<Permalink>assoc(List.of(p1, p2), "permalink").orderBy("id")))
            .extracting(permalink -> permalink.id)
            .containsExactly(l1.id, l3.id);
    }

    /** Ecto: "belongs_to assoc". */
    @Test
    void belongsToAssoc() {
        Post p1 = post("1", null);
        Post p2 = post("2", null);
        Permalink l1 = permalink("1", p1, null);
        Permalink l2 = permalink("2", null, null);
        Permalink l3 = permalink("3", p2, null);
        assertThat(this.repo.all(Query.<Post>assoc(List.of(l1, l2, l3), "post").orderBy("id")))
            .extracting(post -> post.id)
            .containsExactly(p1.id, p2.id);
    }

    /** Ecto: "has_many through assoc", with the dynamic through as a dotted path. */
    @Test
    void hasManyThroughAssoc() {
        Post p1 = post(null, null);
        Post p2 = post(null, null);
        User u1 = this.repo.insert(User.named("zzz"));
        User u2 = this.repo.insert(User.named("aaa"));
        comment(null, p1, u1);
        comment(null, p1, u1);
        comment(null, p1, u2);
        comment(null, p2, u2);
        assertThat(this.repo.all(Query.<User>assoc(List.of(p1, p2), "commentsAuthors").orderBy("name")))
            .extracting(user -> user.id)
            .containsExactly(u2.id, u1.id);
        assertThat(this.repo.all(Query.<User>assoc(List.of(p1, p2), "comments.author").orderBy("name")))
            .extracting(user -> user.id)
            .containsExactly(u2.id, u1.id);
    }

    /** Ecto: "has_many through-through assoc leading". */
    @Test
    void hasManyThroughThroughAssocLeading() {
        Post p1 = post(null, null);
        Post p2 = post(null, null);
        User u1 = this.repo.insert(new User());
        User u2 = this.repo.insert(new User());
        Permalink pl1 = permalink("zzz", null, u1);
        Permalink pl2 = permalink("aaa", null, u2);
        comment(null, p1, u1);
        comment(null, p1, u1);
        comment(null, p1, u2);
        comment(null, p2, u2);
        assertThat(this.repo.all(Query.<Permalink>assoc(List.of(p1, p2), "commentsAuthorsPermalinks").orderBy("url")))
            .extracting(permalink -> permalink.id)
            .containsExactly(pl2.id, pl1.id);
        assertThat(this.repo.all(Query.<Permalink>assoc(List.of(p1, p2), "comments.author.permalink").orderBy("url")))
            .extracting(permalink -> permalink.id)
            .containsExactly(pl2.id, pl1.id);
    }

    /** Ecto: "has_many through-through assoc trailing". */
    @Test
    void hasManyThroughThroughAssocTrailing() {
        Post p1 = post(null, null);
        User u1 = this.repo.insert(new User());
        Permalink pl1 = permalink(null, p1, u1);
        comment(null, p1, u1);
        assertThat(this.repo.all(Query.<User>assoc(List.of(pl1), "postCommentsAuthors"))).extracting(user -> user.id)
            .containsExactly(u1.id);
        assertThat(this.repo.all(Query.<User>assoc(List.of(pl1), "post.comments.author"))).extracting(user -> user.id)
            .containsExactly(u1.id);
    }

    /** Ecto: "has_many through has_many, many_to_many and has_many". */
    @Test
    void hasManyThroughHasManyManyToManyAndHasMany() {
        User user1 = this.repo.insert(User.named("Gabriel"));
        User user2 = this.repo.insert(User.named("Isadora"));
        User user3 = this.repo.insert(User.named("Joey Mush"));
        Post p1 = post("p1", user1);
        Post p2 = post("p2", user2);
        Post p3 = post("p3", user2);
        post("p4", user3);
        joinPostsUsers(p1.id, user1.id, p1.id, user2.id, p2.id, user3.id);
        assertThat(ids(this.repo.all(Query.<Post>assoc(user1, "related2ndOrderPosts")), post -> post.id))
            .containsExactly(p1.id, p2.id, p3.id);
    }

    /** Ecto: "has_many through has_many, belongs_to and a nested has through". */
    @Test
    void hasManyThroughHasManyBelongsToAndANestedHasThrough() {
        User user1 = this.repo.insert(User.named("Gabriel"));
        User user2 = this.repo.insert(User.named("Isadora"));
        User user3 = this.repo.insert(User.named("Joey"));
        Post post1 = post("p1", null);
        Post post2 = post("p2", null);
        comment("c1", post1, user1);
        comment("c2", post1, user2);
        comment("c3", post2, user3);
        assertThat(ids(this.repo.all(Query.<User>assoc(user1, "coCommenters")), user -> user.id))
            .containsExactly(user1.id, user2.id);
    }

    /** Ecto: "has_many through two many_to_many associations". */
    @Test
    void hasManyThroughTwoManyToManyAssociations() {
        User user1 = this.repo.insert(User.named("Gabriel"));
        User user2 = this.repo.insert(User.named("Isadora"));
        User user3 = this.repo.insert(User.named("Joey Mush"));
        Post p1 = post("p1", user1);
        post("p2", user2);
        Post p3 = post("p3", user2);
        Post p4 = post("p4", user3);
        joinPostsUsers(p3.id, user1.id, p3.id, user2.id, p1.id, user3.id);
        for (long[] pair : new long[][] { { p1.id, user2.id }, { p3.id, user1.id }, { p3.id, user2.id },
                { p4.id, user3.id } }) {
            PostUser join = new PostUser();
            join.postId = pair[0];
            join.userId = pair[1];
            this.repo.insert(join);
        }
        assertThat(ids(this.repo.all(Query.<User>assoc(user1, "usersThroughSchemaPosts")), user -> user.id))
            .containsExactly(user1.id, user2.id);
    }

    /** Ecto: "has_many through with where". */
    @Test
    void hasManyThroughWithWhere() {
        Post post1 = post("p1", null);
        Post post2 = post("p2", null);
        Post post3 = post("p3", null);
        User author = this.repo.insert(User.named("john"));
        comment("1", post1, author);
        Comment second = comment("2", post2, author);
        Comment third = comment("3", post3, author);
        this.jdbc.update("UPDATE ecto_comments SET lock_version = 2 WHERE id IN (?, ?)", second.id, third.id);
        assertThat(ids(this.repo.all(Query.<Post>assoc(author, "v2CommentsPosts")), post -> post.id))
            .containsExactly(post2.id, post3.id);
    }

    /**
     * Ecto: "many_to_many assoc". Ecto joins, so a user of two of the posts comes twice;
     * the starter's assoc query selects each row once.
     */
    @Test
    void manyToManyAssoc() {
        Post p1 = post("1", null);
        Post p2 = post("2", null);
        Post p3 = post("3", null);
        User u1 = this.repo.insert(User.named("john"));
        User u2 = this.repo.insert(User.named("mary"));
        joinPostsUsers(p1.id, u1.id, p1.id, u2.id, p2.id, u2.id);
        assertThat(this.repo.all(Query.<User>assoc(List.of(p1), "users").orderBy("id"))).extracting(user -> user.id)
            .containsExactly(u1.id, u2.id);
        assertThat(this.repo.all(Query.<User>assoc(List.of(p2), "users"))).extracting(user -> user.id)
            .containsExactly(u2.id);
        assertThat(this.repo.all(Query.<User>assoc(List.of(p3), "users"))).isEmpty();
        assertThat(this.repo.all(Query.<User>assoc(List.of(p1, p2, p3), "users").orderBy("id")))
            .extracting(user -> user.id)
            .containsExactly(u1.id, u2.id);
    }

    @Test
    void assocIsRefusedForStructsItCannotAnswer() {
        Post stored = post("1", null);
        assertThatThrownBy(() -> Query.assoc(List.of(), "comments")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("assoc :comments needs structs, got []");
        assertThatThrownBy(() -> Query.assoc(stored, "nope")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(
                    "Schema Post does not have the association :nope; its associations are [comments, ");
        assertThatThrownBy(() -> Query.assoc(List.of(stored, Post.titled("new")), "comments"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("cannot build assoc :comments for a Post without :id: insert it first");
    }

    // ------------------------------------------------------------------ reload and
    // preload (repo.exs, preload.exs)

    /**
     * Ecto (repo.exs): "reload/2" and "reload/2 with list", a row that is gone answering
     * nothing.
     */
    @Test
    void reloadReadsEachStructAgainInOrderWithNullForARowThatIsGone() {
        Post p1 = post("1", null);
        Post p2 = post("2", null);
        Post p3 = post("3", null);
        this.jdbc.update("UPDATE ecto_posts SET title = 'changed' WHERE id = ?", p1.id);
        this.repo.delete(p2);
        assertThat(this.repo.reload(p1)).get().extracting(post -> post.title).isEqualTo("changed");
        assertThat(this.repo.reload(p2)).isEmpty();
        this.dataSource.reset();
        List<Post> reloaded = this.repo.reloadAll(List.of(p3, p2, p1));
        assertThat(this.dataSource.statements()).hasSize(1);
        assertThat(reloaded).extracting(post -> post == null ? null : post.title).containsExactly("3", null, "changed");
        assertThat(this.repo.reloadAll(List.<Post>of())).isEmpty();
        assertThatThrownBy(() -> this.repo.reload(Post.titled("never")))
            .isInstanceOf(org.springframework.dao.InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot reload a Post without :id: it was never stored");
    }

    /**
     * Ecto (preload.exs): "preload skips already loaded for cardinality many", with
     * force: true.
     */
    @Test
    void forcePreloadLoadsAnAssociationAgainThatPreloadKeeps() {
        Post post = post("1", null);
        comment("first", post, null);
        Post loaded = this.repo.preload(getPost(post.id), "comments");
        comment("second", post, null);
        assertThat(this.repo.preload(loaded, "comments").comments).extracting(comment -> comment.text)
            .containsExactly("first");
        assertThat(this.repo.forcePreload(loaded, "comments").comments).extracting(comment -> comment.text)
            .containsExactly("first", "second");
    }

    /**
     * Ecto (preload.exs): "preload through with nil struct": a null in the list stays
     * null.
     */
    @Test
    void aNullInAPreloadListStaysNull() {
        Post post = post("1", null);
        comment("first", post, null);
        java.util.ArrayList<Post> posts = new java.util.ArrayList<>();
        posts.add(null);
        posts.add(getPost(post.id));
        posts.add(null);
        List<Post> preloaded = this.repo.preload(posts, "comments", "commentsAuthors");
        assertThat(preloaded.get(0)).isNull();
        assertThat(preloaded.get(1).comments).extracting(comment -> comment.text).containsExactly("first");
        assertThat(preloaded.get(2)).isNull();
        assertThat(this.repo.preload((Post) null, "comments")).isNull();
    }

    // ------------------------------------------------------------------ changesets

    /** Ecto: "has_one changeset assoc (on_replace: :delete)". */
    @Test
    void hasOneChangesetAssocOnReplaceDelete() {
        Post post = this.repo.insert(Changeset.change(Post.titled("1")).putAssoc("permalink", Permalink.url("1")));
        assertThat(post.permalink.id).isNotNull();
        assertThat(post.permalink.postId).isEqualTo(post.id);
        assertThat(post.permalink.url).isEqualTo("1");
        post = getPost(post.id, "permalink");
        assertThat(post.permalink.url).isEqualTo("1");

        post = this.repo.update(Changeset.change(post).putAssoc("permalink", Permalink.url("2")));
        assertThat(post.permalink.id).isNotNull();
        assertThat(post.permalink.postId).isEqualTo(post.id);
        assertThat(post.permalink.url).isEqualTo("2");
        post = getPost(post.id, "permalink");
        assertThat(post.permalink.url).isEqualTo("2");

        Permalink existing = this.repo.insert(Permalink.url("3"));
        post = this.repo.update(Changeset.change(post).putAssoc("permalink", existing));
        assertThat(post.permalink.id).isEqualTo(existing.id);
        assertThat(post.permalink.postId).isEqualTo(post.id);
        assertThat(post.permalink.url).isEqualTo("3");
        post = getPost(post.id, "permalink");
        assertThat(post.permalink.url).isEqualTo("3");

        post = this.repo.update(Changeset.change(post).putAssoc("permalink", null));
        assertThat(post.permalink).isNull();
        assertThat(getPost(post.id, "permalink").permalink).isNull();
        assertThat(count("ecto_permalinks")).isZero();
    }

    /** Ecto: "has_one changeset assoc (on_replace: :delete_if_exists)". */
    @Test
    void hasOneChangesetAssocOnReplaceDeleteIfExists() {
        Permalink permalink = this.repo.insert(Permalink.url("1"));
        Post given = Post.titled("1");
        given.permalink = permalink;
        given.forcePermalink = permalink;
        Post post = this.repo.insert(given);
        this.repo.delete(permalink);

        assertThatThrownBy(() -> this.repo.update(Changeset.change(post).putAssoc("permalink", null)))
            .isInstanceOf(StaleEntryException.class);

        Post updated = this.repo.update(Changeset.change(post).putAssoc("forcePermalink", null));
        assertThat(updated.forcePermalink).isNull();
    }

    /** Ecto: "has_one changeset assoc (on_replace: :nilify)". */
    @Test
    void hasOneChangesetAssocOnReplaceNilify() {
        User user = this.repo.insert(Changeset.change(User.named("1")).putAssoc("permalink", Permalink.url("1")));
        assertThat(user.permalink.id).isNotNull();
        assertThat(user.permalink.userId).isEqualTo(user.id);
        assertThat(user.permalink.url).isEqualTo("1");
        user = getUser(user.id, "permalink");
        assertThat(user.permalink.url).isEqualTo("1");

        user = this.repo.update(Changeset.change(user).putAssoc("permalink", Permalink.url("2")));
        assertThat(user.permalink.id).isNotNull();
        assertThat(user.permalink.userId).isEqualTo(user.id);
        assertThat(user.permalink.url).isEqualTo("2");
        user = getUser(user.id, "permalink");
        assertThat(user.permalink.url).isEqualTo("2");

        user = this.repo.update(Changeset.change(user).putAssoc("permalink", null));
        assertThat(user.permalink).isNull();
        assertThat(getUser(user.id, "permalink").permalink).isNull();
        assertThat(count("ecto_permalinks")).isEqualTo(2);
    }

    /** Ecto: "has_one changeset assoc (on_replace: :update)". */
    @Test
    void hasOneChangesetAssocOnReplaceUpdate() {
        Post post = this.repo
            .insert(Changeset.change(Post.titled("1")).putAssoc("updatePermalink", Permalink.url("1")));
        assertThat(post.updatePermalink.id).isNotNull();
        assertThat(post.updatePermalink.postId).isEqualTo(post.id);
        assertThat(post.updatePermalink.url).isEqualTo("1");
        post = getPost(post.id, "updatePermalink");
        assertThat(post.updatePermalink.url).isEqualTo("1");
        Permalink perma = post.updatePermalink;

        post = this.repo.update(Changeset.change(post).putAssoc("updatePermalink", Map.of("url", "2")));
        assertThat(post.updatePermalink.id).isEqualTo(perma.id);
        assertThat(post.updatePermalink.postId).isEqualTo(post.id);
        assertThat(post.updatePermalink.url).isEqualTo("2");
        post = getPost(post.id, "updatePermalink");
        assertThat(post.updatePermalink.url).isEqualTo("2");

        post = this.repo.update(Changeset.cast(post, Map.of("updatePermalink", Map.of("url", "3")), List.of())
            .castAssoc("updatePermalink"));
        assertThat(post.updatePermalink.id).isEqualTo(perma.id);
        assertThat(post.updatePermalink.postId).isEqualTo(post.id);
        assertThat(post.updatePermalink.url).isEqualTo("3");
        post = getPost(post.id, "updatePermalink");
        assertThat(post.updatePermalink.url).isEqualTo("3");

        Post current = post;
        assertThatThrownBy(() -> Changeset.change(current).putAssoc("updatePermalink", Permalink.url("4")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("you are only allowed to update the existing entry");
        Permalink stored = this.repo.insert(Permalink.url("5"));
        assertThatThrownBy(() -> Changeset.change(current).putAssoc("updatePermalink", stored))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("you are only allowed to update the existing entry");

        post = this.repo.update(Changeset.change(post).putAssoc("updatePermalink", null));
        assertThat(post.updatePermalink).isNull();
        assertThat(getPost(post.id, "updatePermalink").updatePermalink).isNull();
        assertThat(count("ecto_permalinks")).isEqualTo(2);
    }

    /** Ecto: "has_many changeset assoc (on_replace: :delete)". */
    @Test
    void hasManyChangesetAssocOnReplaceDelete() {
        Comment c1 = this.repo.insert(Comment.text("1"));
        Post post = this.repo
            .insert(Changeset.change(Post.titled("1")).putAssoc("comments", List.of(Comment.text("2"))));
        Comment c2 = post.comments.get(0);
        assertThat(post.comments).hasSize(1);
        assertThat(c2.id).isNotNull();
        assertThat(c2.postId).isEqualTo(post.id);
        post = getPost(post.id, "comments");
        assertThat(post.comments).extracting(comment -> comment.text).containsExactly("2");

        post = this.repo.update(Changeset.change(post)
            .putAssoc("comments", List.of(Changeset.change(c1, Map.of("text", "11")),
                    Changeset.change(post.comments.get(0), Map.of("text", "22")))));
        List<Comment> comments = byId(post.comments, comment -> comment.id);
        assertThat(comments.get(0).id).isEqualTo(c1.id);
        assertThat(comments.get(0).postId).isEqualTo(post.id);
        post = getPost(post.id, "comments");
        assertThat(post.comments).extracting(comment -> comment.text).containsExactly("11", "22");

        post = this.repo.update(Changeset.change(post).putAssoc("comments", List.of()));
        assertThat(post.comments).isEmpty();
        assertThat(getPost(post.id, "comments").comments).isEmpty();
        assertThat(count("ecto_comments")).isZero();
    }

    /** Ecto: "has_many changeset assoc (on_replace: :delete_if_exists)". */
    @Test
    void hasManyChangesetAssocOnReplaceDeleteIfExists() {
        Comment comment = this.repo.insert(Comment.text("1"));
        Post given = Post.titled("1");
        given.comments = List.of(comment);
        given.forceComments = List.of(comment);
        Post post = this.repo.insert(given);
        this.repo.delete(comment);

        assertThatThrownBy(() -> this.repo.update(Changeset.change(post).putAssoc("comments", List.of())))
            .isInstanceOf(StaleEntryException.class);

        Post updated = this.repo.update(Changeset.change(post).putAssoc("forceComments", List.of()));
        assertThat(updated.forceComments).isEmpty();
    }

    /** Ecto: "has_many changeset assoc (on_replace: :nilify)". */
    @Test
    void hasManyChangesetAssocOnReplaceNilify() {
        Comment c1 = this.repo.insert(Comment.text("1"));
        User user = this.repo
            .insert(Changeset.change(User.named("1")).putAssoc("comments", List.of(c1, Comment.text("2"))));
        assertThat(user.comments).extracting(comment -> comment.authorId).containsExactly(user.id, user.id);
        assertThat(user.comments).allSatisfy(comment -> assertThat(comment.id).isNotNull());
        user = getUser(user.id, "comments");
        assertThat(user.comments).extracting(comment -> comment.text).containsExactly("1", "2");

        user = this.repo.update(Changeset.change(user).putAssoc("comments", List.of()));
        assertThat(user.comments).isEmpty();
        assertThat(getUser(user.id, "comments").comments).isEmpty();
        assertThat(count("ecto_comments")).isEqualTo(2);
    }

    /** Ecto: "many_to_many changeset assoc". */
    @Test
    void manyToManyChangesetAssoc() {
        User u1 = this.repo.insert(User.named("1"));
        Post post = this.repo.insert(Changeset.change(Post.titled("1")).putAssoc("users", List.of(User.named("2"))));
        User u2 = post.users.get(0);
        assertThat(u2.id).isNotNull();
        post = getPost(post.id, "users");
        assertThat(post.users).extracting(user -> user.name).containsExactly("2");
        assertThat(count("ecto_posts_users")).isEqualTo(1);

        post = this.repo.update(Changeset.change(post)
            .putAssoc("users", List.of(Changeset.change(u1, Map.of("name", "11")),
                    Changeset.change(post.users.get(0), Map.of("name", "22")))));
        assertThat(byId(post.users, user -> user.id)).extracting(user -> user.id).containsExactly(u1.id, u2.id);
        post = getPost(post.id, "users");
        assertThat(post.users).extracting(user -> user.name).containsExactly("11", "22");
        assertThat(count("ecto_posts_users")).isEqualTo(2);

        post = this.repo.update(Changeset.change(post).putAssoc("users", List.of()));
        assertThat(post.users).isEmpty();
        assertThat(getPost(post.id, "users").users).isEmpty();
        assertThat(count("ecto_posts_users")).isZero();
        assertThat(count("ecto_users")).isEqualTo(2);
    }

    /** Ecto: "many_to_many changeset assoc with schema". */
    @Test
    void manyToManyChangesetAssocWithSchema() {
        Post p1 = this.repo.insert(Post.titled("1"));
        User user = this.repo
            .insert(Changeset.change(User.named("1")).putAssoc("schemaPosts", List.of(Post.titled("2"))));
        Post p2 = user.schemaPosts.get(0);
        assertThat(p2.id).isNotNull();
        user = getUser(user.id, "schemaPosts");
        assertThat(user.schemaPosts).extracting(post -> post.title).containsExactly("2");
        PostUser up2 = this.repo.all(Query.from(PostUser.class)).get(0);
        assertThat(up2.postId).isEqualTo(p2.id);
        assertThat(up2.userId).isEqualTo(user.id);
        assertThat(up2.insertedAt).isEqualTo(RepoContract.NOW);
        assertThat(up2.updatedAt).isEqualTo(RepoContract.NOW);

        user = this.repo.update(Changeset.change(user)
            .putAssoc("schemaPosts", List.of(Changeset.change(p1, Map.of("title", "11")),
                    Changeset.change(user.schemaPosts.get(0), Map.of("title", "22")))));
        assertThat(byId(user.schemaPosts, post -> post.id)).extracting(post -> post.id).containsExactly(p1.id, p2.id);
        user = getUser(user.id, "schemaPosts");
        assertThat(user.schemaPosts).extracting(post -> post.title).containsExactly("11", "22");
        List<PostUser> joins = byId(this.repo.all(Query.from(PostUser.class)), join -> join.id);
        assertThat(joins).hasSize(2);
        assertThat(joins.get(1).postId).isEqualTo(p1.id);
        assertThat(joins.get(1).userId).isEqualTo(user.id);
        assertThat(joins.get(1).insertedAt).isEqualTo(RepoContract.NOW);
    }

    /** Ecto: "many_to_many changeset assoc with self-referential binary_id". */
    @Test
    void manyToManyChangesetAssocWithSelfReferentialBinaryId() {
        io.schemaspring.repo.it.ecto.Custom assocCustom = new io.schemaspring.repo.it.ecto.Custom();
        assocCustom.uuid = java.util.UUID.randomUUID();
        assocCustom = this.repo.insert(assocCustom);
        io.schemaspring.repo.it.ecto.Custom given = new io.schemaspring.repo.it.ecto.Custom();
        given.customs = List.of(assocCustom);
        io.schemaspring.repo.it.ecto.Custom custom = this.repo.insert(given);
        custom = this.repo.preload(this.repo.getOrThrow(io.schemaspring.repo.it.ecto.Custom.class, custom.bid),
                "customs");
        assertThat(custom.customs).extracting(related -> related.bid).containsExactly(assocCustom.bid);
        custom = this.repo.update(Changeset.change(custom).putAssoc("customs", List.of()));
        assertThat(custom.customs).isEmpty();
        custom = this.repo.preload(this.repo.getOrThrow(io.schemaspring.repo.it.ecto.Custom.class, custom.bid),
                "customs");
        assertThat(custom.customs).isEmpty();
    }

    @Test
    void aChildWithAKeyOfItsOwnIsInsertedWhenItsRowDoesNotExistAndUpdatedWhenItDoes() {
        io.schemaspring.repo.it.ecto.Custom stored = new io.schemaspring.repo.it.ecto.Custom();
        stored.uuid = java.util.UUID.randomUUID();
        stored = this.repo.insert(stored);
        io.schemaspring.repo.it.ecto.Custom fresh = new io.schemaspring.repo.it.ecto.Custom();
        fresh.bid = java.util.UUID.randomUUID();
        io.schemaspring.repo.it.ecto.Custom sameRow = new io.schemaspring.repo.it.ecto.Custom();
        sameRow.bid = stored.bid;
        sameRow.uuid = stored.uuid;
        io.schemaspring.repo.it.ecto.Custom owner = this.repo
            .insert(Changeset.change(new io.schemaspring.repo.it.ecto.Custom())
                .putAssoc("customs", List.of(fresh, sameRow)));
        assertThat(count("ecto_customs")).isEqualTo(3);
        assertThat(this.repo.preload(this.repo.getOrThrow(io.schemaspring.repo.it.ecto.Custom.class, owner.bid),
                "customs").customs)
            .extracting(custom -> custom.bid)
            .containsExactlyInAnyOrder(fresh.bid, stored.bid);
    }

    /**
     * Ecto: "has_many changeset assoc with constraints": the replaced posts are deleted
     * before the new are inserted.
     */
    @Test
    void hasManyChangesetAssocWithConstraints() {
        User author = this.repo.insert(User.named("john doe"));
        Post p1 = post("hello", author);
        post("world", author);
        Post copy = post("another", author);
        assertThatThrownBy(() -> this.repo.update(Changeset.change(copy, Map.of("uuid", p1.uuid))))
            .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        this.repo.delete(copy);
        author = this.repo.preload(author, "posts");
        List<Map<String, Object>> params = author.posts.stream()
            .map(post -> Map.<String, Object>of("uuid", post.uuid.toString(), "title", "fresh"))
            .toList();
        author = this.repo.update(Changeset.cast(author, Map.of("posts", params), List.of())
            .castAssoc("posts",
                    (Post post, Map<String, Object> attributes) -> Changeset.cast(post, attributes, "uuid", "title")));
        assertThat(author.posts).extracting(post -> post.title).containsExactly("fresh", "fresh");
        assertThat(this.jdbc.queryForList("SELECT title FROM ecto_posts", String.class)).containsExactly("fresh",
                "fresh");
    }

    /** Ecto: "belongs_to changeset assoc". */
    @Test
    void belongsToChangesetAssoc() {
        Permalink perma = this.repo.insert(Changeset.change(Permalink.url("1")).putAssoc("post", Post.titled("1")));
        Post post = perma.post;
        assertThat(perma.postId).isNotNull().isEqualTo(post.id);
        assertThat(perma.post.title).isEqualTo("1");

        perma = this.repo.update(Changeset.change(perma).putAssoc("post", Post.titled("2")));
        assertThat(perma.post.id).isNotEqualTo(post.id);
        assertThat(perma.postId).isNotNull().isEqualTo(perma.post.id);
        assertThat(perma.post.title).isEqualTo("2");

        Post existing = this.repo.insert(Post.titled("3"));
        perma = this.repo.update(Changeset.change(perma).putAssoc("post", existing));
        assertThat(perma.postId).isEqualTo(existing.id).isEqualTo(perma.post.id);
        assertThat(perma.post.title).isEqualTo("3");

        perma = this.repo.update(Changeset.change(perma).putAssoc("post", null));
        assertThat(perma.post).isNull();
        assertThat(perma.postId).isNull();
        assertThat(this.jdbc.queryForObject("SELECT post_id FROM ecto_permalinks WHERE id = ?", Long.class, perma.id))
            .isNull();
        assertThat(count("ecto_posts")).isEqualTo(3);
    }

    /** Ecto: "belongs_to changeset assoc (on_replace: :update)". */
    @Test
    void belongsToChangesetAssocOnReplaceUpdate() {
        Permalink perma = this.repo
            .insert(Changeset.change(Permalink.url("1")).putAssoc("updatePost", Post.titled("1")));
        Post post = perma.updatePost;
        assertThat(perma.postId).isNotNull().isEqualTo(post.id);
        assertThat(perma.updatePost.title).isEqualTo("1");

        perma = this.repo.update(
                Changeset.cast(perma, Map.of("updatePost", Map.of("title", "2")), List.of()).castAssoc("updatePost"));
        assertThat(perma.updatePost.id).isEqualTo(post.id);
        assertThat(perma.postId).isEqualTo(post.id);
        assertThat(perma.updatePost.title).isEqualTo("2");
        assertThat(getPost(post.id).title).isEqualTo("2");

        perma = this.repo.update(Changeset.change(perma).putAssoc("updatePost", null));
        assertThat(perma.updatePost).isNull();
        assertThat(perma.postId).isNull();
    }

    /** Ecto: "inserting struct with associations". */
    @Test
    void insertingStructWithAssociations() {
        Post post = Post.titled("belongs_to");
        post.comments = List.of(Comment.text("child 1"), Comment.text("child 2"));
        Permalink tree = Permalink.url("root");
        tree.post = post;

        tree = this.repo.insert(tree);
        assertThat(tree.id).isNotNull();
        assertThat(tree.post.id).isNotNull();
        assertThat(tree.postId).isEqualTo(tree.post.id);
        assertThat(tree.post.comments).hasSize(2).allSatisfy(comment -> assertThat(comment.id).isNotNull());

        tree = this.repo.one(Query.from(Permalink.class).where("id", tree.id).preload("post.comments")).orElseThrow();
        assertThat(tree.post.id).isNotNull();
        assertThat(tree.post.comments).extracting(comment -> comment.text).containsExactly("child 1", "child 2");
    }

    /** Ecto: "inserting struct with empty associations". */
    @Test
    void insertingStructWithEmptyAssociations() {
        Permalink permalink = Permalink.url("root");
        permalink.post = null;
        assertThat(this.repo.insert(permalink).post).isNull();

        Post post = Post.titled("empty");
        post.comments = List.of();
        assertThat(this.repo.insert(post).comments).isEmpty();
    }

    /** Ecto: "inserting changeset with empty cast associations". */
    @Test
    void insertingChangesetWithEmptyCastAssociations() {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("url", "root");
        params.put("post", null);
        Permalink permalink = this.repo.insert(Changeset.cast(new Permalink(), params, "url").castAssoc("post"));
        assertThat(permalink.post).isNull();

        Post post = this.repo.insert(Changeset.cast(new Post(), Map.of("title", "root", "comments", List.of()), "title")
            .castAssoc("comments"));
        assertThat(post.comments).isEmpty();
    }

    /** Ecto: "inserting changeset with empty put associations". */
    @Test
    void insertingChangesetWithEmptyPutAssociations() {
        Permalink permalink = this.repo.insert(Changeset.change(new Permalink()).putAssoc("post", null));
        assertThat(permalink.post).isNull();

        Post post = this.repo.insert(Changeset.change(new Post()).putAssoc("comments", List.of()));
        assertThat(post.comments).isEmpty();
    }

    /** Ecto: "updating changeset with empty cast associations". */
    @Test
    void updatingChangesetWithEmptyCastAssociations() {
        Post post = this.repo.insert(new Post());
        Comment c1 = Comment.text(null);
        c1.postId = post.id;
        Comment c2 = Comment.text(null);
        c2.postId = post.id;
        this.repo.insert(c1);
        this.repo.insert(c2);
        assertThat(this.repo.all(Query.from(Comment.class))).extracting(comment -> comment.id)
            .containsExactlyInAnyOrder(c1.id, c2.id);

        post = getPost(post.id, "comments");
        this.repo.update(Changeset.change(post).putAssoc("comments", List.of()));
        assertThat(this.repo.all(Query.from(Comment.class))).isEmpty();
    }

    // ------------------------------------------------------------------ dependent

    /** Ecto: "has_many assoc on delete deletes all". */
    @Test
    void hasManyAssocOnDeleteDeletesAll() {
        Post post = this.repo.insert(new Post());
        for (int i = 0; i < 2; i++) {
            Comment comment = new Comment();
            comment.postId = post.id;
            this.repo.insert(comment);
        }
        this.repo.delete(post);
        assertThat(this.repo.all(Query.from(Comment.class))).isEmpty();
    }

    /** Ecto: "has_many assoc on delete nilifies all". */
    @Test
    void hasManyAssocOnDeleteNilifiesAll() {
        User user = this.repo.insert(new User());
        for (int i = 0; i < 2; i++) {
            Comment comment = new Comment();
            comment.authorId = user.id;
            this.repo.insert(comment);
        }
        this.repo.delete(user);
        assertThat(this.repo.all(Query.from(Comment.class))).extracting(comment -> comment.authorId)
            .containsExactly(null, null);
    }

    /**
     * Ecto: "has_many assoc on delete does nothing" (here the foreign key refuses it, as
     * Ecto's does without one).
     */
    @Test
    void hasManyAssocOnDeleteDoesNothing() {
        User user = this.repo.insert(new User());
        Post post = new Post();
        post.authorId = user.id;
        this.repo.insert(post);
        assertThatThrownBy(() -> this.repo.delete(user))
            .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(count("ecto_posts")).isEqualTo(1);
    }

    /** Ecto: "many_to_many assoc on delete deletes all". */
    @Test
    void manyToManyAssocOnDeleteDeletesAll() {
        Post first = Post.titled("1");
        first.visits = 1;
        Post p1 = this.repo.insert(first);
        Post second = Post.titled("2");
        second.visits = 2;
        Post p2 = this.repo.insert(second);
        User u1 = this.repo.insert(User.named("john"));
        User u2 = this.repo.insert(User.named("mary"));
        this.jdbc.update("INSERT INTO ecto_posts_users (post_id, user_id) VALUES (?, ?), (?, ?), (?, ?)", p1.id, u1.id,
                p1.id, u1.id, p2.id, u2.id);
        this.repo.delete(p1);
        assertThat(this.repo.all(Query.from(Post.class))).extracting(post -> post.id).containsExactly(p2.id);
        assertThat(this.jdbc.queryForList("SELECT post_id, user_id FROM ecto_posts_users")).singleElement()
            .satisfies(row -> assertThat(row.values()).map(value -> ((Number) value).longValue())
                .containsExactly(p2.id, u2.id));
        assertThat(byId(this.repo.all(Query.from(User.class)), user -> user.id)).extracting(user -> user.id)
            .containsExactly(u1.id, u2.id);
    }

    // ------------------------------------------------------------------ beyond
    // assoc.exs: no association write is dropped

    @Test
    void putChangeOnAnAssociationIsPutAssocAndWritesTheChildren() {
        Post post = getPost(this.repo.insert(Post.titled("1")).id, "comments");
        Post updated = this.repo
            .update(Changeset.change(post).putChange("comments", List.of(Comment.text("a"), Map.of("text", "b"))));
        assertThat(updated.comments).extracting(comment -> comment.postId).containsExactly(post.id, post.id);
        assertThat(getPost(post.id, "comments").comments).extracting(comment -> comment.text).containsExactly("a", "b");
    }

    @Test
    void putAssocKeepsTheErrorsOfValidationsAndReplacesOnlyThoseOfAnEarlierPut() {
        Changeset<Comment> changeset = Changeset.change(Comment.text("c")).putAssoc("post", Map.of("title", 5));
        assertThat(changeset.errors()).isEmpty();
        changeset.addError("post", "can't be blank", Map.of("validation", "required"));
        changeset.putAssoc("author", List.of(User.named("x")));
        assertThat(changeset.errorsOn("author")).containsExactly("is invalid");
        changeset.putAssoc("post", null).putAssoc("author", null);
        assertThat(changeset.errorMessages()).isEqualTo(Map.of("post", List.of("can't be blank")));
    }

    @Test
    void anUpsertOrInsertAllOfStructsHoldingAssociationsIsRefusedNotDropped() {
        Post post = Post.titled("first");
        post.comments = List.of(Comment.text("dropped?"));
        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.insert(post, io.schemaspring.query.OnConflict.nothing()))
            .isInstanceOf(org.springframework.dao.InvalidDataAccessApiUsageException.class)
            .hasMessage("insert with OnConflict.nothing() does not write associations: upsert Post without them, then "
                    + "write them with putAssoc in an update");
        assertThatThrownBy(() -> this.repo.insertAll(List.of(post)))
            .isInstanceOf(org.springframework.dao.InvalidDataAccessApiUsageException.class)
            .hasMessage("insertAll does not write associations, as Ecto's insert_all: insert each Post holding them "
                    + "with repo.insert");
        assertThat(this.dataSource.statements()).isEmpty();
    }

    @Test
    void aChildThatFailsRollsEverythingBackAndAnswersTheParentWithTheChildErrorsNested() {
        Post given = Post.titled("parent");
        Comment bad = Comment.text("bad");
        bad.authorId = -1L;
        Changeset<Post> changeset = Changeset.change(given)
            .putAssoc("comments", List.of(Comment.text("good"),
                    Changeset.change(bad).foreignKeyConstraint("authorId", "ecto_comments_author_id_fkey")));
        assertThatThrownBy(() -> this.repo.insert(changeset)).isInstanceOf(InvalidChangesetException.class)
            .hasMessageContaining("comments[1].authorId");
        assertThat(changeset.errors()).containsExactly(new FieldError("comments[1].authorId", "does not exist",
                Map.of("constraint", "foreign", "constraint_name", "ecto_comments_author_id_fkey")));
        assertThat(count("ecto_posts")).isZero();
        assertThat(count("ecto_comments")).isZero();
    }

    @Test
    void aStoredParentsUnloadedAssociationIsRefusedInsteadOfReplacedBlindly() {
        Post post = this.repo.insert(Post.titled("1"));
        Post loaded = getPost(post.id);
        assertThat(loaded.comments).isInstanceOf(NotLoaded.class);
        assertThatThrownBy(() -> Changeset.change(loaded).putAssoc("comments", List.of(Comment.text("a"))))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("attempting to change association :comments from Post that was not loaded. Please preload "
                    + "your associations before manipulating them through changesets");
    }

    @Test
    void aToOneNeverPreloadedOnAStoredStructIsRefusedInsteadOfLeavingItsCurrentChildBehind() {
        Post post = this.repo.insert(Changeset.change(Post.titled("1")).putAssoc("permalink", Permalink.url("first")));
        Post read = getPost(post.id);
        String message = "attempting to change association :permalink from Post that was not loaded. Please preload your "
                + "associations before manipulating them through changesets";
        assertThatThrownBy(
                () -> this.repo.update(Changeset.change(read).putAssoc("permalink", Permalink.url("second"))))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage(message);
        assertThat(this.jdbc.queryForList("SELECT uniform_resource_locator FROM ecto_permalinks", String.class))
            .containsExactly("first");
        Post preloaded = getPost(post.id, "permalink");
        this.repo.update(Changeset.change(preloaded).putAssoc("permalink", Permalink.url("second")));
        assertThat(this.jdbc.queryForList("SELECT uniform_resource_locator FROM ecto_permalinks", String.class))
            .containsExactly("second");

        Comment orphan = this.repo.insert(Comment.text("no post"));
        Comment adopted = this.repo.update(Changeset.change(this.repo.getOrThrow(Comment.class, orphan.id))
            .putAssoc("post", Post.titled("new parent")));
        assertThat(adopted.postId).isNotNull();
        assertThatThrownBy(() -> this.repo.update(Changeset.change(this.repo.getOrThrow(Comment.class, orphan.id))
            .putAssoc("post", Post.titled("another")))).isInstanceOf(IllegalStateException.class)
            .hasMessage("attempting to change association :post from Comment that was not loaded. Please preload your "
                    + "associations before manipulating them through changesets");
    }

    @Test
    void replacingWithRaiseIsRefusedAndAStructOfAnotherSchemaIsNamed() {
        User user = this.repo
            .insert(Changeset.change(User.named("u")).putAssoc("schemaPosts", List.of(Post.titled("p"))));
        assertThatThrownBy(() -> Changeset.change(user).putAssoc("schemaPosts", List.of()))
            .isInstanceOf(io.schemaspring.changeset.ReplaceRefusedException.class)
            .hasMessageStartingWith(
                    "you are attempting to change relation :schemaPosts of User but the onReplace option");
        assertThatThrownBy(() -> Changeset.change(user).putAssoc("comments", List.of(Post.titled("p"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("expected changeset data to be a Comment struct, got: Post");
        assertThatThrownBy(() -> Changeset.change(user).putAssoc("unknown", null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("cannot put assoc :unknown of User: assoc :unknown not found.");
    }

}
