package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.metadata.StructMeta;
import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.query.Selection;
import io.schemaspring.repo.it.ecto.Comment;
import io.schemaspring.repo.it.ecto.Custom;
import io.schemaspring.repo.it.ecto.Item;
import io.schemaspring.repo.it.ecto.Order;
import io.schemaspring.repo.it.ecto.Permalink;
import io.schemaspring.repo.it.ecto.Post;
import io.schemaspring.repo.it.ecto.User;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's {@code integration_test/cases/preload.exs} (elixir-ecto/ecto), the preloads of
 * existing structs: each test names the Ecto test it ports, and runs unchanged on every
 * database of {@link TestDatabase}. Ecto's {@code %Ecto.Association.NotLoaded{}} is
 * {@code repo.isLoaded(struct, assoc) == false}; a to-one association preloaded as
 * {@code nil} is {@code null} with {@code isLoaded} true.
 */
abstract class EctoPreloadContract extends EctoContract {

    private Post post(String title) {
        return this.repo.insert(Post.titled(title));
    }

    private User user(String name) {
        return this.repo.insert(User.named(name));
    }

    private Comment comment(String text, Long postId, Long authorId) {
        Comment comment = Comment.text(text);
        comment.postId = postId;
        comment.authorId = authorId;
        return this.repo.insert(comment);
    }

    private Permalink permalink(String url, Long postId) {
        Permalink permalink = Permalink.url(url);
        permalink.postId = postId;
        return this.repo.insert(permalink);
    }

    /** Ecto's {@code insert_all("posts_users", [[post_id: ..., user_id: ...]])}. */
    private void postUser(Long postId, Long userId) {
        this.jdbc.update("INSERT INTO ecto_posts_users (post_id, user_id) VALUES (?, ?)", postId, userId);
    }

    /** Ecto's {@code sort_by_id}. */
    private static <T> List<T> byId(List<T> structs, Function<T, Long> id) {
        return structs.stream().sorted(Comparator.comparing(id)).toList();
    }

    private static <T> List<Long> sortedIds(List<T> structs, Function<T, Long> id) {
        return structs.stream().map(id).sorted().toList();
    }

    // ------------------------------------------------------------------ preloads

    /**
     * Ecto: "preload with parameter from select_merge": a partial comment whose merged
     * foreign key preloads its post.
     */
    @Test
    void aMergedForeignKeyPreloadsTheParentOfAPartialStruct() {
        Post p1 = post("p1");
        comment("c1", p1.id, null);

        List<Comment> comments = this.repo.all(io.schemaspring.query.Query.from(Comment.class)
            .take("text")
            .selectMerge("postId", io.schemaspring.query.Value.field("postId"))
            .preload("post"));
        assertThat(comments).singleElement().satisfies(comment -> {
            assertThat(comment.text).isEqualTo("c1");
            assertThat(comment.id).isNull();
            assertThat(comment.post.title).isEqualTo("p1");
        });
    }

    /** Ecto: "preload has_many". */
    @Test
    void preloadHasManyGivesEachParentItsOwnChildren() {
        Post p1 = post("1");
        Post p2 = post("2");
        Post p3 = post("3");
        // The same text exposes bugs in preload sorting.
        Comment c1 = comment("1", p1.id, null);
        Comment c3 = comment("2", p2.id, null);
        Comment c2 = comment("2", p1.id, null);
        Comment c4 = comment("3", p2.id, null);
        assertThat(this.repo.isLoaded(p1, "comments")).isFalse();

        assertThat(this.repo.preload(List.of(p3, p1, p2), "comments")).containsExactly(p3, p1, p2);
        assertThat(sortedIds(p1.comments, comment -> comment.id)).containsExactly(c1.id, c2.id);
        assertThat(sortedIds(p2.comments, comment -> comment.id)).containsExactly(c3.id, c4.id);
        assertThat(p3.comments).isEmpty();
    }

    /** Ecto: "preload has_many multiple times". */
    @Test
    void preloadHasManyTwiceOfAStructListedTwiceKeepsItsChildren() {
        Post p1 = post("1");
        Comment c1 = comment("1", p1.id, null);
        Comment c2 = comment("2", p1.id, null);

        assertThat(this.repo.preload(List.of(p1, p1), "comments")).containsExactly(p1, p1);
        assertThat(sortedIds(p1.comments, comment -> comment.id)).containsExactly(c1.id, c2.id);

        assertThat(this.repo.preload(List.of(p1, p1), "comments")).containsExactly(p1, p1);
        assertThat(sortedIds(p1.comments, comment -> comment.id)).containsExactly(c1.id, c2.id);
    }

    /** Ecto: "preload has_one". */
    @Test
    void preloadHasOneGivesTheChildOrNull() {
        Post p1 = post("1");
        Post p2 = post("2");
        Post p3 = post("3");
        Permalink l1 = permalink("1", p1.id);
        permalink("2", null);
        Permalink l3 = permalink("3", p3.id);
        assertThat(this.repo.isLoaded(p1, "permalink")).isFalse();
        assertThat(this.repo.isLoaded(p2, "permalink")).isFalse();

        assertThat(this.repo.preload(List.of(p3, p1, p2), "permalink")).containsExactly(p3, p1, p2);
        assertThat(p1.permalink.id).isEqualTo(l1.id);
        assertThat(p2.permalink).isNull();
        assertThat(this.repo.isLoaded(p2, "permalink")).isTrue();
        assertThat(p3.permalink.id).isEqualTo(l3.id);
    }

    /** Ecto: "preload belongs_to". */
    @Test
    void preloadBelongsToGivesTheParentOrNull() {
        Post p1 = post("1");
        post("2");
        Post p3 = post("3");
        Permalink l1 = permalink("1", p1.id);
        Permalink l2 = permalink("2", null);
        Permalink l3 = permalink("3", p3.id);
        assertThat(this.repo.isLoaded(l1, "post")).isFalse();

        assertThat(this.repo.preload(List.of(l3, l1, l2), "post")).containsExactly(l3, l1, l2);
        assertThat(l1.post.id).isEqualTo(p1.id);
        assertThat(l2.post).isNull();
        assertThat(this.repo.isLoaded(l2, "post")).isTrue();
        assertThat(l3.post.id).isEqualTo(p3.id);
    }

    /** Ecto: "preload multiple belongs_to". */
    @Test
    void preloadSeveralBelongsToInOneCall() {
        User u = user("foo");
        Post p = post("1");
        Comment inserted = comment(null, p.id, u.id);

        Comment loaded = this.repo.getOrThrow(Comment.class, inserted.id);
        Comment preloaded = this.repo.preload(loaded, "author", "post");
        assertThat(preloaded.author.id).isEqualTo(u.id);
        assertThat(preloaded.post.id).isEqualTo(p.id);
    }

    /** Ecto: "preload belongs_to with shared parent". */
    @Test
    void preloadBelongsToGivesChildrenOfOneParentThatParent() {
        Post p1 = post("1");
        Post p2 = post("2");
        Comment c1 = comment("1", p1.id, null);
        Comment c2 = comment("2", p1.id, null);
        Comment c3 = comment("3", p2.id, null);

        assertThat(this.repo.preload(List.of(c3, c1, c2), "post")).containsExactly(c3, c1, c2);
        assertThat(c1.post.id).isEqualTo(p1.id);
        assertThat(c2.post.id).isEqualTo(p1.id);
        assertThat(c3.post.id).isEqualTo(p2.id);
    }

    /** Ecto: "preload many_to_many". */
    @Test
    void preloadManyToManyGivesEachParentItsJoinedStructs() {
        Post p1 = post("1");
        Post p2 = post("2");
        Post p3 = post("3");
        // The same name exposes bugs in preload sorting.
        User u1 = user("1");
        User u3 = user("2");
        User u2 = user("2");
        User u4 = user("3");
        postUser(p1.id, u1.id);
        postUser(p1.id, u2.id);
        postUser(p2.id, u3.id);
        postUser(p2.id, u4.id);
        postUser(p3.id, u1.id);
        postUser(p3.id, u4.id);
        assertThat(this.repo.isLoaded(p1, "users")).isFalse();

        assertThat(this.repo.preload(List.of(p1, p2, p3), "users")).containsExactly(p1, p2, p3);
        assertThat(sortedIds(p1.users, user -> user.id)).containsExactly(u1.id, u2.id);
        assertThat(sortedIds(p2.users, user -> user.id)).containsExactly(u3.id, u4.id);
        assertThat(sortedIds(p3.users, user -> user.id)).containsExactly(u1.id, u4.id);
    }

    /** Ecto: "preload has_many through". */
    @Test
    void preloadHasManyThroughLoadsTheAssociationsItWalksToo() {
        Post p1 = this.repo.insert(new Post());
        Post p2 = this.repo.insert(new Post());
        User u1 = user("foo");
        User u2 = user("bar");
        comment(null, p1.id, u1.id);
        comment(null, p1.id, u1.id);
        comment(null, p1.id, u2.id);
        comment(null, p2.id, u2.id);

        assertThat(this.repo.preload(List.of(p1, p2), "commentsAuthors")).containsExactly(p1, p2);

        // Through was preloaded
        assertThat(sortedIds(p1.commentsAuthors, user -> user.id)).containsExactly(u1.id, u2.id);
        assertThat(p2.commentsAuthors).extracting(user -> user.id).containsExactly(u2.id);

        // But we also preloaded everything along the way
        assertThat(byId(p1.comments, comment -> comment.id)).extracting(comment -> comment.author.id)
            .containsExactly(u1.id, u1.id, u2.id);
        assertThat(p2.comments).extracting(comment -> comment.author.id).containsExactly(u2.id);
    }

    /** Ecto: "preload has_one through". */
    @Test
    void preloadHasOneThroughLoadsTheAssociationsItWalksToo() {
        Post p1 = this.repo.insert(new Post());
        Post p2 = this.repo.insert(new Post());
        Permalink l1 = permalink("1", p1.id);
        Permalink l2 = permalink("2", p2.id);
        Comment c1 = comment(null, p1.id, null);
        Comment c2 = comment(null, p1.id, null);
        Comment c3 = comment(null, p2.id, null);

        assertThat(this.repo.preload(List.of(c1, c2, c3), "postPermalink")).containsExactly(c1, c2, c3);

        // Through was preloaded
        assertThat(c1.post.id).isEqualTo(p1.id);
        assertThat(c1.post.permalink.id).isEqualTo(l1.id);
        assertThat(c1.postPermalink.id).isEqualTo(l1.id);

        assertThat(c2.post.id).isEqualTo(p1.id);
        assertThat(c2.post.permalink.id).isEqualTo(l1.id);
        assertThat(c2.postPermalink.id).isEqualTo(l1.id);

        assertThat(c3.post.id).isEqualTo(p2.id);
        assertThat(c3.post.permalink.id).isEqualTo(l2.id);
        assertThat(c3.postPermalink.id).isEqualTo(l2.id);
    }

    /** Ecto: "preload through with nil association". */
    @Test
    void preloadThroughANullAssociationGivesNullEveryTime() {
        Comment c = this.repo.insert(new Comment());

        c = this.repo.preload(c, "post", "postPermalink");
        assertThat(c.post).isNull();
        assertThat(c.postPermalink).isNull();
        assertThat(this.repo.isLoaded(c, "post")).isTrue();
        assertThat(this.repo.isLoaded(c, "postPermalink")).isTrue();

        c = this.repo.preload(c, "post", "postPermalink");
        assertThat(c.post).isNull();
        assertThat(c.postPermalink).isNull();
    }

    /** Ecto: "preload has_many through-through". */
    @Test
    void preloadHasManyThroughAThroughAssociation() {
        Post p1 = this.repo.insert(new Post());
        Post p2 = this.repo.insert(new Post());
        Permalink l1 = permalink("1", p1.id);
        Permalink l2 = permalink("2", p2.id);
        User u1 = user("foo");
        User u2 = user("bar");
        comment(null, p1.id, u1.id);
        comment(null, p1.id, u1.id);
        comment(null, p1.id, u2.id);
        comment(null, p2.id, u2.id);

        // With assoc query
        assertThat(this.repo.preload(List.of(l1, l2), "postCommentsAuthors")).containsExactly(l1, l2);

        // Through was preloaded
        assertThat(sortedIds(l1.postCommentsAuthors, user -> user.id)).containsExactly(u1.id, u2.id);
        assertThat(l2.postCommentsAuthors).extracting(user -> user.id).containsExactly(u2.id);

        // But we also preloaded everything along the way
        assertThat(l1.post.id).isEqualTo(p1.id);
        assertThat(l1.post.comments).isNotEmpty();
        assertThat(l2.post.id).isEqualTo(p2.id);
        assertThat(l2.post.comments).isNotEmpty();
    }

    /** Ecto: "preload has_many through many_to_many". */
    @Test
    void preloadHasManyThroughManyToMany() {
        Post p1 = this.repo.insert(new Post());
        Post p2 = this.repo.insert(new Post());
        User u1 = user("foo");
        User u2 = user("bar");
        postUser(p1.id, u1.id);
        postUser(p1.id, u2.id);
        postUser(p2.id, u2.id);
        Comment c1 = comment(null, null, u1.id);
        Comment c2 = comment(null, null, u1.id);
        Comment c3 = comment(null, null, u2.id);
        Comment c4 = comment(null, null, u2.id);

        assertThat(this.repo.preload(List.of(p1, p2), "usersComments")).containsExactly(p1, p2);

        // Through was preloaded
        assertThat(sortedIds(p1.usersComments, comment -> comment.id)).containsExactly(c1.id, c2.id, c3.id, c4.id);
        assertThat(sortedIds(p2.usersComments, comment -> comment.id)).containsExactly(c3.id, c4.id);

        // But we also preloaded everything along the way
        assertThat(sortedIds(p1.users, user -> user.id)).containsExactly(u1.id, u2.id);
        assertThat(p2.users).extracting(user -> user.id).containsExactly(u2.id);
    }

    // ------------------------------------------------------------------ empties

    /** Ecto: "preload empty". */
    @Test
    void preloadOfNoStructsAnswersNoStructsWithoutCheckingThePath() {
        assertThat(this.repo.preload(List.<Post>of(), "anythingGoes")).isEmpty();
    }

    /** Ecto: "preload has_many with no associated entries". */
    @Test
    void preloadHasManyWithoutChildrenGivesAnEmptyList() {
        Post p = this.repo.preload(post("1"), "comments");
        assertThat(p.title).isEqualTo("1");
        assertThat(p.comments).isEmpty();
    }

    /** Ecto: "preload has_one with no associated entries". */
    @Test
    void preloadHasOneWithoutChildGivesNull() {
        Post p = this.repo.preload(post("1"), "permalink");
        assertThat(p.title).isEqualTo("1");
        assertThat(p.permalink).isNull();
        assertThat(this.repo.isLoaded(p, "permalink")).isTrue();
    }

    /** Ecto: "preload belongs_to with no associated entry". */
    @Test
    void preloadBelongsToWithoutParentGivesNull() {
        Comment c = this.repo.preload(comment("1", null, null), "post");
        assertThat(c.text).isEqualTo("1");
        assertThat(c.post).isNull();
        assertThat(this.repo.isLoaded(c, "post")).isTrue();
    }

    /** Ecto: "preload many_to_many with no associated entries". */
    @Test
    void preloadManyToManyWithoutJoinRowsGivesAnEmptyList() {
        Post p = this.repo.preload(post("1"), "users");
        assertThat(p.title).isEqualTo("1");
        assertThat(p.users).isEmpty();
    }

    // ------------------------------------------------------------------ nested

    /** Ecto: "preload many assocs". */
    @Test
    void preloadSeveralAssociationsInOneCall() {
        Post p1 = post("1");
        Post p2 = post("2");

        assertThat(this.repo.preload(List.of(p2, p1), "comments", "users")).containsExactly(p2, p1);
        assertThat(p1.comments).isEmpty();
        assertThat(p2.comments).isEmpty();
        assertThat(p1.users).isEmpty();
        assertThat(p2.users).isEmpty();
    }

    /** Ecto: "preload nested". */
    @Test
    void preloadNestedLoadsEveryLevel() {
        Post p1 = post("1");
        Post p2 = post("2");
        comment("1", p1.id, null);
        comment("2", p1.id, null);
        comment("3", p2.id, null);
        comment("4", p2.id, null);

        assertThat(this.repo.preload(List.of(p2, p1), "comments.post")).containsExactly(p2, p1);
        assertThat(p1.comments).hasSize(2);
        assertThat(p2.comments).hasSize(2);
        assertThat(p1.comments).extracting(comment -> comment.post.id).containsExactly(p1.id, p1.id);
        assertThat(p2.comments).extracting(comment -> comment.post.id).containsExactly(p2.id, p2.id);
    }

    /** Ecto: "custom preload_order". */
    @Test
    void preloadOrderSortsThePreloadedChildren() {
        Post given = Post.titled("1");
        given.users = List.of(User.named("bar"), User.named("foo"));
        Post inserted = this.repo.insert(given);
        comment("2", inserted.id, null);
        comment("1", inserted.id, null);

        Post preloaded = this.repo.preload(inserted, "orderedComments", "orderedUsers");

        // asc
        assertThat(preloaded.orderedComments).extracting(comment -> comment.text).containsExactly("1", "2");
        // desc
        assertThat(preloaded.orderedUsers).extracting(user -> user.name).containsExactly("foo", "bar");
    }

    // ------------------------------------------------------------------ others

    /** Ecto: "preload custom prefix from schema". */
    @Test
    void preloadReadsInThePrefixOfTheStructMeta() {
        Post p = post("1");
        this.repo.registry().get(Post.class).putMeta(p, StructMeta.loaded("this_surely_does_not_exist", "ecto_posts"));
        // This preload should fail because it points to a prefix that does not exist
        assertThatThrownBy(() -> this.repo.preload(p, "comments")).isInstanceOf(DataAccessException.class);
    }

    /** Ecto: "preload custom prefix from options". */
    @Test
    void preloadReadsInThePrefixGiven() {
        Post p = post("1");
        // This preload should fail because it points to a prefix that does not exist
        assertThatThrownBy(() -> this.repo.preloadIn("this_surely_does_not_exist", List.of(p), "comments"))
            .isInstanceOf(DataAccessException.class);
    }

    /** Ecto: "preload with binary_id". */
    @Test
    void preloadBelongsToReferencingABinaryIdField() {
        Custom c = this.repo.insert(new Custom());
        User given = new User();
        given.customId = c.bid;
        User u = this.repo.insert(given);

        u = this.repo.preload(u, "custom");
        assertThat(u.custom.bid).isEqualTo(c.bid);
    }

    private List<Order> nestedEmbedOrders(List<User> users) {
        Item item1 = Item.of(new UUID(0, 1), users.get(0).id);
        Item item2 = Item.of(new UUID(0, 2), users.get(1).id);
        Item item3 = Item.of(new UUID(0, 3), users.get(2).id);
        java.util.ArrayList<Order> orders = new java.util.ArrayList<>();
        orders.add(null);
        orders.addAll(List.of(Order.of(List.of(item1, item3, item2), item1), Order.of(List.of(), null),
                Order.of(null, null), Order.of(List.of(item1, item2), item2)));
        return orders;
    }

    /** Ecto: "preload skips already loaded for cardinality one", with force: true. */
    @Test
    void preloadSkipsALoadedBelongsToUnlessForced() {
        Post post = this.repo.insert(Post.titled("1"));
        Comment c1 = comment("1", post.id, null);
        Comment c2 = comment("2", null, null);
        this.repo.preload(List.of(c1, c2), "post");
        assertThat(c1.post.id).isEqualTo(post.id);
        assertThat(c2.post).isNull();
        this.repo.preload(List.of(c1, c2), "post.comments");
        assertThat(c1.post.comments).extracting(comment -> comment.id).containsExactly(c1.id);

        this.jdbc.update("UPDATE ecto_posts SET title = '0'");
        this.jdbc.update("UPDATE ecto_comments SET post_id = ?", post.id);
        this.repo.preload(List.of(c1, c2), "post");
        assertThat(c1.post.title).isEqualTo("1");
        assertThat(c1.post.comments).isNotEmpty();
        assertThat(c2.post).isNull();

        c2.postId = post.id;
        this.repo.forcePreload(List.of(c1, c2), "post");
        assertThat(c1.post.title).isEqualTo("0");
        assertThat(this.repo.isLoaded(c1.post, "comments")).isFalse();
        assertThat(c2.post.title).isEqualTo("0");
        assertThat(this.repo.isLoaded(c2.post, "comments")).isFalse();
    }

    /**
     * Ecto: "preload associations from nested embeds cannot preload embed without its
     * associations".
     */
    @Test
    void anEmbedCannotBePreloadedWithoutOneOfItsAssociations() {
        List<Order> orders = nestedEmbedOrders(List.of(user("1"), user("2"), user("3")));
        assertThatThrownBy(() -> this.repo.preload(orders, "item"))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot preload embedded field :item of Order without also preloading one of its associations: "
                    + "the embed is loaded with its parent; preload \"item.<association>\"");
    }

    /** Ecto: "preload belongs_to in embedded_schema". */
    @Test
    void preloadBelongsToOfAnEmbeddedStruct() {
        User u1 = user("1");
        Item item = Item.of(new UUID(0, 9), u1.id);
        assertThat(this.repo.isLoaded(item, "user")).isFalse();
        assertThat(this.repo.preload(item, "user").user.id).isEqualTo(u1.id);
    }

    /**
     * Ecto: "preload associations from nested embeds embeds_one" (a null first in the
     * list).
     */
    @Test
    void preloadThroughAnEmbedsOne() {
        List<User> users = List.of(user("1"), user("2"), user("3"));
        List<Order> orders = nestedEmbedOrders(users);
        this.dataSource.reset();
        List<Order> preloaded = this.repo.preload(orders, "item.user");
        assertThat(this.dataSource.statements()).hasSize(1);
        assertThat(preloaded.get(0)).isNull();
        assertThat(preloaded.subList(1, 5)).extracting(order -> order.item == null ? null : order.item.user.id)
            .containsExactly(users.get(0).id, null, null, users.get(1).id);
    }

    /**
     * Ecto: "preload associations from nested embeds embeds_many" (a null first in the
     * list).
     */
    @Test
    void preloadThroughAnEmbedsMany() {
        List<User> users = List.of(user("1"), user("2"), user("3"));
        List<Order> orders = nestedEmbedOrders(users);
        List<Order> preloaded = this.repo.preload(orders, "items.user");
        assertThat(preloaded.get(0)).isNull();
        assertThat(preloaded.subList(1, 5))
            .extracting(order -> order.items == null ? null : order.items.stream().map(item -> item.user.name).toList())
            .containsExactly(List.of("1", "3", "2"), List.of(), null, List.of("1", "2"));
    }

    /**
     * Ecto: "preload with query": an empty query, an ordered one and an ordered one with
     * preloads of its own, on structs already read. Its custom select
     * ({@code select: c.id}) has no Java counterpart: {@code comments} holds
     * {@code Comment}s.
     */
    @Test
    void preloadWithQuery() {
        Post p1 = post("1");
        Post p2 = post("2");
        Post p3 = post("3");
        // The same text, to expose bugs in preload sorting.
        Long cid1 = comment("1", p1.id, null).id;
        Long cid3 = comment("2", p2.id, null).id;
        Long cid2 = comment("2", p1.id, null).id;
        Long cid4 = comment("3", p2.id, null).id;
        assertThat(this.repo.isLoaded(p1, "comments")).isFalse();

        List<Post> empty = this.repo.preload(List.of(p3, p1, p2), "comments",
                Query.from(Comment.class).where(Expr.sql("1 = 0")));
        assertThat(empty).containsExactly(p3, p1, p2);
        assertThat(empty).allSatisfy(post -> assertThat(post.comments).isEmpty());

        List<Post> ordered = this.repo.preload(
                List.of(post("3"), this.repo.getOrThrow(Post.class, p1.id), this.repo.getOrThrow(Post.class, p2.id)),
                "comments", Query.from(Comment.class).orderBy("text", Query.Direction.DESC));
        assertThat(ordered.get(1).comments).extracting(comment -> comment.id).containsExactly(cid2, cid1);
        assertThat(ordered.get(2).comments).extracting(comment -> comment.id).containsExactly(cid4, cid3);
        assertThat(ordered.get(0).comments).isEmpty();

        List<Post> withPost = this.repo.preload(
                List.of(this.repo.getOrThrow(Post.class, p3.id), this.repo.getOrThrow(Post.class, p1.id),
                        this.repo.getOrThrow(Post.class, p2.id)),
                "comments", Query.from(Comment.class).orderBy("text", Query.Direction.DESC).preload("post"));
        assertThat(withPost.get(1).comments).extracting(comment -> comment.id).containsExactly(cid2, cid1);
        assertThat(withPost.get(2).comments).extracting(comment -> comment.id).containsExactly(cid4, cid3);
        assertThat(withPost.get(0).comments).isEmpty();
        assertThat(withPost.get(1).comments).extracting(comment -> comment.post.title).containsExactly("1", "1");
        assertThat(withPost.get(2).comments).extracting(comment -> comment.post.title).containsExactly("2", "2");
    }

    /** Ecto: "preload nested via custom query". */
    @Test
    void preloadNestedViaCustomQuery() {
        Post p1 = post("1");
        Post p2 = post("2");
        comment("1", p1.id, null);
        comment("2", p1.id, null);
        comment("3", p2.id, null);
        comment("4", p2.id, null);
        Query<Comment> query = Query.from(Comment.class).preload("post").orderBy("text", Query.Direction.DESC);

        this.dataSource.reset();
        assertThat(this.repo.preload(List.of(p2, p1), "comments", query)).containsExactly(p2, p1);

        assertThat(p1.comments).extracting(comment -> comment.text).containsExactly("2", "1");
        assertThat(p2.comments).extracting(comment -> comment.text).containsExactly("4", "3");
        assertThat(p1.comments).allSatisfy(comment -> assertThat(comment.post.id).isEqualTo(p1.id));
        assertThat(p2.comments).allSatisfy(comment -> assertThat(comment.post.id).isEqualTo(p2.id));
        assertThat(this.dataSource.statements()).hasSize(2);
    }

    /** Ecto: "custom query order_by overrides preload_order". */
    @Test
    void customQueryOrderByOverridesPreloadOrder() {
        Post post = post("1");
        comment("2", post.id, null);
        comment("1", post.id, null);
        comment("3", post.id, null);

        post = this.repo.preload(post, "orderedComments");
        assertThat(post.orderedComments).extracting(comment -> comment.text).containsExactly("1", "2", "3");

        post = this.repo.forcePreload(post, "orderedComments",
                Query.from(Comment.class).orderBy("text", Query.Direction.DESC));
        assertThat(post.orderedComments).extracting(comment -> comment.text).containsExactly("3", "2", "1");
    }

    /** A preload query is checked before any SQL, as a query's preload query is. */
    @Test
    void aPreloadQueryOfStructsAlreadyReadIsCheckedBeforeAnySql() {
        Post post = post("1");

        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.preload(post, "comments", Query.from(Post.class)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("the preload query of :comments on Post must be over Comment, got Post");
        assertThatThrownBy(() -> this.repo.preload(post, "comments", Query.from(Comment.class).preload("nope")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(
                    "schema Comment does not have association :nope; its associations are [post, author, postPermalink, authorPermalink]");
        assertThat(this.dataSource.statements()).isEmpty();
    }

    /** Ecto: "preload with 1-arity function". */
    @Test
    void preloadWith1ArityFunction() {
        Post p1 = post("1");
        Post p2 = post("2");
        Post p3 = post("3");
        // The same text, to expose bugs in preload sorting.
        Long cid1 = comment("1", p1.id, null).id;
        Long cid3 = comment("2", p2.id, null).id;
        Long cid2 = comment("2", p1.id, null).id;
        Long cid4 = comment("3", p2.id, null).id;

        List<Post> posts = this.repo.preload(List.of(p3, p1, p2), "comments",
                ids -> this.repo.all(Query.from(Comment.class).orderBy("id")));

        assertThat(posts).containsExactly(p3, p1, p2);
        assertThat(p1.comments).extracting(comment -> comment.id).containsExactly(cid1, cid2);
        assertThat(p2.comments).extracting(comment -> comment.id).containsExactly(cid3, cid4);
        assertThat(p3.comments).isEmpty();
    }

    /** Ecto: "preload with 2-arity function". */
    @Test
    void preloadWith2ArityFunction() {
        Post post = post("1");
        Long c1 = comment(null, post.id, null).id;
        Long c2 = comment(null, post.id, null).id;
        List<List<Object>> asked = new java.util.ArrayList<>();

        this.repo.preload(List.of(post), "comments", (ids, association) -> {
            asked.add(ids);
            return this.repo
                .all(Query.from(association.related()).where(Expr.in(association.relatedKey(), ids)).orderBy("id"));
        });

        assertThat(asked).containsExactly(List.of(post.id));
        assertThat(post.comments).extracting(comment -> comment.id).containsExactly(c1, c2);
    }

    record PostIdAndUser(Long postId, User user) {
    }

    /** Ecto: "preload many_to_many with function". */
    @Test
    void preloadManyToManyWithFunction() {
        Post p1 = post("1");
        Post p2 = post("2");
        Post p3 = post("3");
        // The same name, to expose bugs in preload sorting.
        Long uid1 = user("1").id;
        Long uid3 = user("2").id;
        Long uid2 = user("2").id;
        Long uid4 = user("3").id;
        postUser(p1.id, uid1);
        postUser(p1.id, uid2);
        postUser(p2.id, uid3);
        postUser(p2.id, uid4);
        postUser(p3.id, uid1);
        postUser(p3.id, uid4);
        Function<List<Object>, Query<User>> users = postIds -> Query.from(User.class)
            .join("pu", Query.table("ecto_posts_users"), Expr.eq("pu.user_id", Expr.field("id")))
            .where(Expr.in("pu.post_id", postIds))
            .orderBy("id");

        assertThatThrownBy(
                () -> this.repo.preload(List.of(p1, p2, p3), "users", postIds -> this.repo.all(users.apply(postIds))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith(
                    "invalid custom preload for :users on Post: expected Map.entry(id, User) pairs, got "
                            + "io.schemaspring.repo.it.ecto.User@");

        this.repo.preload(List.of(p1, p2, p3), "users", postIds -> this.repo
            .all(users.apply(postIds)
                .select(PostIdAndUser.class, Selection.field("pu.post_id").as("postId"), Selection.struct().as("user")))
            .stream()
            .map(row -> Map.entry(row.postId(), row.user()))
            .toList());

        assertThat(p1.users).extracting(user -> user.id).containsExactly(uid1, uid2);
        assertThat(p2.users).extracting(user -> user.id).containsExactly(uid3, uid4);
        assertThat(p3.users).extracting(user -> user.id).containsExactly(uid1, uid4);
    }

}
