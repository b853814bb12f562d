package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.FieldError;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.changeset.UndeclaredConstraintException;
import io.schemaspring.metadata.StructMeta;
import io.schemaspring.query.Aggregate;
import io.schemaspring.query.Expr;
import io.schemaspring.query.InsertAll;
import io.schemaspring.repo.Multi;
import io.schemaspring.repo.MultiResult;
import io.schemaspring.repo.NoResultsException;
import io.schemaspring.query.OnConflict;
import io.schemaspring.repo.PrefixMismatchException;
import io.schemaspring.repo.RollbackException;
import io.schemaspring.query.Query;
import io.schemaspring.query.Selection;
import io.schemaspring.repo.StaleEntryException;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.query.Value;
import io.schemaspring.repo.it.ecto.Barebone;
import io.schemaspring.repo.it.ecto.Comment;
import io.schemaspring.repo.it.ecto.CompositePk;
import io.schemaspring.repo.it.ecto.Custom;
import io.schemaspring.repo.it.ecto.Item;
import io.schemaspring.repo.it.ecto.Order;
import io.schemaspring.repo.it.ecto.Permalink;
import io.schemaspring.repo.it.ecto.Post;
import io.schemaspring.repo.it.ecto.PostUserCompositePk;
import io.schemaspring.repo.it.ecto.Raw;
import io.schemaspring.repo.it.ecto.User;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ecto's {@code integration_test/cases/repo.exs} (elixir-ecto/ecto), the tests the
 * starter's API expresses: each test names the Ecto test it ports, and runs unchanged on
 * every database of {@link TestDatabase}. Ecto's struct equality is
 * {@link #assertSamePost} (every field and the {@code StructMeta});
 * {@code insert!}/{@code get!} are the answered struct or {@code Optional.orElseThrow()};
 * Ecto's {@code Ecto.ConstraintError} is {@link UndeclaredConstraintException}, whose
 * message names the constraint the database reported, its kind and the call that declares
 * it (Ecto's lists the changeset's constraints instead); {@code catch_error} is the
 * exception the starter throws; {@code transact(fn)} is a {@link Multi#run} step
 * answering its value or {@link Multi#failure}, or a Spring transaction.
 */
abstract class EctoRepoContract extends EctoContract {

    /**
     * The fields of Ecto's {@code %Post{}} equality: every stored and virtual field, and
     * {@code __meta__}.
     */
    private static final String[] POST_FIELDS = { "id", "title", "visits", "authorId", "counter", "uuid", "isPublic",
            "temp", "insertedAt", "updatedAt", "meta" };

    /**
     * Ecto's {@code select: {p.title, p.visits}} and {@code select: [p.title, p.visits]}.
     */
    record TitleVisits(String title, Integer visits) {
    }

    /** Ecto's {@code defmodule Foo do defstruct [:title] end}. */
    record Foo(String title) {
    }

    /** Ecto's {@code select: [:counter]} and {@code map(p, [:counter])}. */
    record CounterOnly(Long counter) {
    }

    /** Ecto's {@code select([p], p.url)}. */
    record Url(String url) {
    }

    /** Ecto's {@code select([p], count(p.url))}. */
    record UrlCount(Long count) {
    }

    /**
     * Ecto's {@code post1 == post2}: every field and the {@code StructMeta} (associations
     * are compared where a test does).
     */
    private static void assertSamePost(Post actual, Post expected) {
        assertThat(actual).usingRecursiveComparison().comparingOnlyFields(POST_FIELDS).isEqualTo(expected);
    }

    private static void assertSamePosts(List<Post> actual, Post... expected) {
        assertThat(actual).usingRecursiveFieldByFieldElementComparatorOnFields(POST_FIELDS).containsExactly(expected);
    }

    /** Ecto's {@code Enum.sort_by(& &1.id)}. */
    private static List<Post> byId(List<Post> posts) {
        return posts.stream().sorted(Comparator.comparing((Post post) -> post.id)).toList();
    }

    private static Post visited(String title, int visits) {
        Post post = Post.titled(title);
        post.visits = visits;
        return post;
    }

    private static Post unique(String title, UUID uuid) {
        Post post = Post.titled(title);
        post.uuid = uuid;
        return post;
    }

    private static Post visits(int visits) {
        Post post = new Post();
        post.visits = visits;
        return post;
    }

    /**
     * Ecto's {@code Post.changeset/2}: the fields of its cast list that this Post has.
     */
    private static Changeset<Post> postChangeset(Post post, Map<String, ?> params) {
        return Changeset.cast(post, params, "counter", "title", "temp", "isPublic", "visits", "uuid");
    }

    /** Ecto's {@code CompositePk.changeset/2}. */
    private static Changeset<CompositePk> compositeChangeset(CompositePk composite, Map<String, ?> params) {
        return Changeset.cast(composite, params, "a", "b", "name");
    }

    private static Comment commentOn(Long postId) {
        Comment comment = new Comment();
        comment.postId = postId;
        return comment;
    }

    private Permalink permalinkOf(User user) {
        Permalink permalink = new Permalink();
        permalink.userId = user.id;
        return this.repo.insert(permalink);
    }

    private TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
    }

    private boolean mariaDb() {
        return database() == TestDatabase.MARIADB;
    }

    private boolean postgres() {
        return database().postgres();
    }

    // ------------------------------------------------------------------ all

    /** Ecto: "all empty". */
    @Test
    void allOfAnEmptyTableIsEmpty() {
        assertThat(this.repo.all(Post.class)).isEmpty();
        assertThat(this.repo.all(Query.from(Post.class))).isEmpty();
    }

    /**
     * Ecto: "all with in". Ecto's {@code Ecto.Query.CastError} for {@code in ^nil} is the
     * starter's NullPointerException.
     */
    @Test
    void inMatchesTheListedValuesAnEmptyListNothingAndNullIsRefused() {
        this.repo.insert(Post.titled("hello"));

        // Works without the query cache.
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).whereIn("title", null)))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("Values must not be null");

        assertThat(this.repo.all(Query.from(Post.class).whereIn("title", List.of()))).isEmpty();
        assertThat(this.repo.all(Query.from(Post.class).whereIn("title", List.of("1", "2", "3")))).isEmpty();

        assertThat(this.repo.all(Query.from(Post.class).where(Expr.not(Expr.in("title", List.of()))))).singleElement()
            .extracting(post -> post.title)
            .isEqualTo("hello");
        assertThat(this.repo.all(Query.from(Post.class).whereIn("title", List.of("1", "hello", "3")))).singleElement()
            .extracting(post -> post.title)
            .isEqualTo("hello");

        // Still doesn't work after the query cache.
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).whereIn("title", null)))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("Values must not be null");
    }

    /** Ecto: "all with invalid prefix". */
    @Test
    void allInAPrefixThatDoesNotExistFails() {
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).prefix("oops")))
            .isInstanceOf(DataAccessException.class);
    }

    /** Ecto: "all_by". */
    @Test
    void allByAnswersEveryStructMatchingTheClauses() {
        Post post1 = this.repo.insert(Post.titled("a"));
        Post post2 = this.repo.insert(Post.titled("a"));
        Post post3 = this.repo.insert(Post.titled("b"));

        assertSamePosts(byId(this.repo.all(Query.from(Post.class).where(Map.of("title", "a")))), post1, post2);
        assertSamePosts(byId(this.repo.all(Query.from(Post.class).where(Map.of("title", "b")))), post3);
    }

    // ------------------------------------------------------------------ insert, update
    // and delete

    /** Ecto: "insert, update and delete". */
    @Test
    void insertUpdateAndDeleteMarkTheStructLoadedThenDeleted() {
        Post inserted = this.repo.insert(visited("insert, update, delete", 1));
        Post updated = this.repo.update(Changeset.change(inserted, Map.of("visits", 2)));
        assertThat(updated.visits).isEqualTo(2);

        StructMeta deletedMeta = StructMeta.loaded(null, "ecto_posts").withState(StructMeta.State.DELETED);
        assertThat(this.repo.delete(updated).meta).isEqualTo(deletedMeta);

        StructMeta loadedMeta = StructMeta.loaded(null, "ecto_posts");
        assertThat(this.repo.insert(visited("insert, update, delete", 1)).meta).isEqualTo(loadedMeta);

        Post post = this.repo.one(Query.from(Post.class)).orElseThrow();
        assertThat(post.meta.state()).isEqualTo(StructMeta.State.LOADED);
        assertThat(post.insertedAt).isNotNull();
    }

    /** Ecto: "insert, update and delete with field source". */
    @Test
    void insertUpdateAndDeleteAFieldStoredInAColumnOfAnotherName() {
        Permalink inserted = this.repo.insert(Permalink.url("url"));
        assertThat(inserted.url).isEqualTo("url");
        Permalink updated = this.repo.update(Changeset.change(inserted, Map.of("url", "new")));
        assertThat(updated.url).isEqualTo("new");
        assertThat(this.repo.delete(updated).url).isEqualTo("new");
    }

    /**
     * Ecto: "insert, update and delete with composite pk"; Ecto's
     * {@code first}/{@code last} order by the key.
     */
    @Test
    void insertUpdateAndDeleteByACompositePrimaryKey() {
        CompositePk c1 = this.repo.insert(CompositePk.of(1, 2, "first"));
        CompositePk c2 = this.repo.insert(CompositePk.of(1, 3, "second"));

        assertThat(this.repo.one(Query.from(CompositePk.class).orderBy("a").orderBy("b").limit(1)).orElseThrow())
            .usingRecursiveComparison()
            .isEqualTo(c1);
        assertThat(this.repo
            .one(Query.from(CompositePk.class)
                .orderBy("a", Query.Direction.DESC)
                .orderBy("b", Query.Direction.DESC)
                .limit(1))
            .orElseThrow()).usingRecursiveComparison().isEqualTo(c2);

        Changeset<CompositePk> changeset = Changeset.cast(c1, Map.of("name", "first change"), "name");
        CompositePk changed = this.repo.update(changeset);
        assertThat(this.repo.getBy(CompositePk.class, Map.of("a", 1, "b", 2)).orElseThrow()).usingRecursiveComparison()
            .isEqualTo(changed);

        this.repo.delete(c2);
        assertThat(this.repo.all(CompositePk.class)).usingRecursiveFieldByFieldElementComparator()
            .containsExactly(changed);

        assertThatThrownBy(() -> this.repo.get(CompositePk.class, List.of()))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(
                    "CompositePk has the composite primary key [a, b]: pass a Map with exactly those fields, got []");
        assertThatThrownBy(() -> this.repo.getOrThrow(CompositePk.class, List.of(1, 2)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(
                    "CompositePk has the composite primary key [a, b]: pass a Map with exactly those fields, got [1, 2]");
    }

    /** Ecto: "insert, update and delete with associated composite pk". */
    @Test
    void insertAndDeleteByACompositePrimaryKeyOfTwoBelongsTo() {
        User user = this.repo.insert(new User());
        Post post = this.repo.insert(Post.titled("post title"));

        PostUserCompositePk given = new PostUserCompositePk();
        given.userId = user.id;
        given.postId = post.id;
        PostUserCompositePk userPost = this.repo.insert(given);
        assertThat(
                this.repo.getBy(PostUserCompositePk.class, Map.of("userId", user.id, "postId", post.id)).orElseThrow())
            .usingRecursiveComparison()
            .comparingOnlyFields("userId", "postId", "insertedAt", "updatedAt")
            .isEqualTo(userPost);
        this.repo.delete(userPost);
        assertThat(this.repo.all(PostUserCompositePk.class)).isEmpty();
    }

    /**
     * Ecto: "insert, update and delete with invalid prefix". The update and the delete of
     * a struct known to be stored in the default schema are refused before any SQL.
     */
    @Test
    void writesToAPrefixThatDoesNotExistFailAndLeaveTheRepositoryUsable() {
        Post post = this.repo.insert(new Post());
        Changeset<Post> changeset = Changeset.change(post, Map.of("title", "foo"));
        assertThatThrownBy(() -> this.repo.insert(new Post(), "oops")).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> this.repo.update(changeset, "oops")).isInstanceOf(PrefixMismatchException.class)
            .hasMessage("cannot update Post with id " + post.id
                    + " in prefix \"oops\": it is stored in the default schema. "
                    + "Use a repository bound to the default schema, or insert a copy without its StructMeta to copy it "
                    + "across prefixes");
        assertThatThrownBy(() -> this.repo.delete(changeset, "oops")).isInstanceOf(PrefixMismatchException.class)
            .hasMessage("cannot delete Post with id " + post.id
                    + " in prefix \"oops\": it is stored in the default schema. "
                    + "Use a repository bound to the default schema, or insert a copy without its StructMeta to copy it "
                    + "across prefixes");

        // Check we can still insert the post after the invalid prefix attempt
        assertThat(this.repo.insert(new Post()).id).isNotNull();
    }

    /** Ecto: "insert and update with changeset". */
    @Test
    void insertMergesDataAndChangesUpdateWritesOnlyTheChanges() {
        // On insert we merge the fields and changes
        Post data = visited("wrong", 13);
        Changeset<Post> changeset = Changeset.cast(data, Map.of("title", "hello", "temp", "unknown"), "title", "temp");

        Post post = this.repo.insert(changeset);
        assertThat(post.visits).isEqualTo(13);
        assertThat(post.title).isEqualTo("hello");
        assertThat(post.temp).isEqualTo("unknown");
        Post fetched = this.repo.getOrThrow(Post.class, post.id);
        assertThat(fetched.visits).isEqualTo(13);
        assertThat(fetched.title).isEqualTo("hello");
        assertThat(fetched.temp).isEqualTo("temp");

        // On update we merge only fields, direct schema changes are discarded
        post.visits = 17;
        changeset = Changeset.cast(post, Map.of("title", "world", "temp", "unknown"), "title", "temp");

        Post updated = this.repo.update(changeset);
        assertThat(updated.visits).isEqualTo(17);
        assertThat(updated.title).isEqualTo("world");
        assertThat(updated.temp).isEqualTo("unknown");
        fetched = this.repo.getOrThrow(Post.class, post.id);
        assertThat(fetched.visits).isEqualTo(13);
        assertThat(fetched.title).isEqualTo("world");
        assertThat(fetched.temp).isEqualTo("temp");
    }

    /** Ecto: "insert and update with empty changeset". */
    @Test
    void anEmptyChangesetInsertsAndUpdatesTwiceWithoutAStaleError() {
        // On insert we merge the fields and changes
        Changeset<Permalink> changeset = Changeset.cast(new Permalink(), Map.of());
        Permalink permalink = this.repo.insert(changeset);
        assertThat(permalink.id).isNotNull();

        // Assert we can update the same value twice,
        // without changes, without triggering stale errors.
        Changeset<Permalink> unchanged = Changeset.cast(permalink, Map.of());
        assertThat(this.repo.update(unchanged)).isSameAs(permalink);
        assertThat(this.repo.update(unchanged)).isSameAs(permalink);
    }

    /** Ecto: "insert with no primary key". */
    @Test
    void aSchemaWithoutPrimaryKeyIsInserted() {
        assertThat(this.repo.insert(new Barebone()).num).isNull();
        Barebone barebone = new Barebone();
        barebone.num = 13;
        assertThat(this.repo.insert(barebone).num).isEqualTo(13);
    }

    /**
     * Ecto: "insert and update with changeset read after writes". MariaDB has no
     * {@code UPDATE ... RETURNING}: the update is refused there before any SQL.
     */
    @Test
    void aReadAfterWritesFieldIsReadBackAfterInsertAndUpdate() {
        // If the field is nil, we will not send it
        // and read the value back from the database.
        Raw raw = this.repo.insert(Changeset.cast(new Raw(), Map.of()));
        Long cid = raw.id;
        assertThat(cid).isNotNull();
        assertThat(raw.lockVersion).isEqualTo(1);

        // Set the counter to 11, so we can read it soon
        this.repo.updateAll(Query.from(Raw.class).where("id", cid), UpdateAll.create().set("lockVersion", 11));

        // We will read back on update too
        Changeset<Raw> changeset = Changeset.cast(raw, Map.of("text", "0"), "text");
        if (mariaDb()) {
            assertThatThrownBy(() -> this.repo.update(changeset)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("MariaDB cannot read [lockVersion] of Raw back after update: MariaDB has no UPDATE ... "
                        + "RETURNING: remove readAfterWrites from these fields, or read the struct again with repo.get "
                        + "after the update");
            return;
        }
        Raw updated = this.repo.update(changeset);
        assertThat(updated.id).isEqualTo(cid);
        assertThat(updated.lockVersion).isEqualTo(11);
        assertThat(updated.text).isEqualTo("0");
    }

    /** Ecto: "insert autogenerates for custom type". */
    @Test
    void anAutogeneratedUuidFieldIsGeneratedOnInsert() {
        Post post = this.repo.insert(new Post());
        assertThat(post.uuid.toString()).hasSize(36);
        assertSamePost(this.repo.getBy(Post.class, Map.of("uuid", post.uuid)).orElseThrow(), post);
    }

    /** Ecto: "insert with user-assigned primary key". */
    @Test
    void aPrimaryKeySetByTheUserIsInserted() {
        Post post = new Post();
        post.id = 1L;
        assertThat(this.repo.insert(post).id).isEqualTo(1L);
    }

    /** Ecto: "insert and update with user-assigned primary key in changeset". */
    @Test
    void aPrimaryKeyCastInAChangesetIsInsertedAndChanged() {
        Post data = new Post();
        data.id = 11L;
        Post post = this.repo.insert(Changeset.cast(data, Map.of("id", "13"), "id"));
        assertThat(post.id).isEqualTo(13L);

        assertThat(this.repo.update(Changeset.cast(post, Map.of("id", "15"), "id")).id).isEqualTo(15L);
    }

    /**
     * Ecto: "insert and fetch a schema with utc timestamps"; a timestamp given is kept.
     */
    @Test
    void aUtcTimestampGivenIsStoredAndReadBack() {
        Instant datetime = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        User user = new User();
        user.insertedAt = datetime;
        this.repo.insert(user);
        assertThat(this.repo.all(User.class)).singleElement()
            .extracting(loaded -> loaded.insertedAt)
            .isEqualTo(datetime);
    }

    // ------------------------------------------------------------------ optimistic
    // locking

    /** Ecto: "optimistic locking in update/delete operations". */
    @Test
    void aStaleLockVersionRefusesTheUpdateAndTheDelete() {
        Comment baseComment = this.repo.insert(new Comment());

        Changeset<Comment> changesetOk = Changeset.cast(baseComment, Map.of("text", "foo.bar"), "text")
            .optimisticLock("lockVersion");
        this.repo.update(changesetOk);

        Changeset<Comment> changesetStale = Changeset.cast(baseComment, Map.of("text", "foo.bat"), "text")
            .optimisticLock("lockVersion");

        assertThatThrownBy(() -> this.repo.update(changesetStale)).isInstanceOf(StaleEntryException.class)
            .hasMessageStartingWith("attempted to update a stale struct");
        assertThatThrownBy(() -> this.repo.delete(changesetStale)).isInstanceOf(StaleEntryException.class)
            .hasMessageStartingWith("attempted to delete a stale struct");
    }

    /**
     * Ecto: "optimistic locking in update operation with nil field"; a null version
     * counts as 0, Ecto's incrementer.
     */
    @Test
    void aNullLockVersionIsUpdatedToOne() {
        Map<String, Object> nilLockVersion = new HashMap<>();
        nilLockVersion.put("lockVersion", null);
        Comment baseComment = this.repo.insert(Changeset.cast(new Comment(), nilLockVersion, "lockVersion"));
        assertThat(baseComment.lockVersion).isNull();

        Changeset<Comment> changesetOk = Changeset.cast(baseComment, Map.of("text", "foo.bar"), "text")
            .optimisticLock("lockVersion");

        Comment updated = this.repo.update(changesetOk);
        assertThat(updated.text).isEqualTo("foo.bar");
        assertThat(updated.lockVersion).isEqualTo(1);
    }

    /** Ecto: "optimistic locking in delete operation with nil field". */
    @Test
    void aNullLockVersionMatchesTheDelete() {
        Map<String, Object> nilLockVersion = new HashMap<>();
        nilLockVersion.put("lockVersion", null);
        Comment baseComment = this.repo.insert(Changeset.cast(new Comment(), nilLockVersion, "lockVersion"));

        Changeset<Comment> changesetOk = Changeset.change(baseComment).optimisticLock("lockVersion");
        this.repo.delete(changesetOk);

        assertThat(this.repo.get(Comment.class, baseComment.id)).isEmpty();
    }

    // ------------------------------------------------------------------ constraints

    /**
     * Ecto: "unique constraint". Ecto's changesets are values: each assertion builds its
     * own.
     */
    @Test
    void aUniqueViolationIsAnErrorUntilTheChangesetDeclaresItsConstraint() {
        UUID uuid = UUID.randomUUID();
        Supplier<Changeset<Post>> changeset = () -> Changeset.change(new Post(), Map.of("uuid", uuid));
        this.repo.insert(changeset.get());

        assertThatThrownBy(() -> this.repo.insert(changeset.get())).isInstanceOf(UndeclaredConstraintException.class)
            .hasMessageStartingWith("could not perform insert of Post")
            .hasMessageContaining("unique_constraint \"ecto_posts_uuid_index\"")
            .hasMessageContaining("which the changeset did not declare")
            .hasMessageContaining("uniqueConstraint(field");

        assertThatThrownBy(
                () -> this.repo.insert(changeset.get().uniqueConstraint("uuid", "ecto_posts_email_changeset")))
            .isInstanceOf(UndeclaredConstraintException.class)
            .hasMessageStartingWith("could not perform insert of Post")
            .hasMessageContaining("unique_constraint \"ecto_posts_uuid_index\"");

        Changeset<Post> declared = changeset.get().uniqueConstraint("uuid");
        assertThatThrownBy(() -> this.repo.insert(declared)).isInstanceOf(InvalidChangesetException.class);
        assertThat(declared.errors()).containsExactly(new FieldError("uuid", "has already been taken",
                Map.of("constraint", "unique", "constraint_name", "ecto_posts_uuid_index")));
        // Ecto's :built: the data was never marked stored.
        assertThat(declared.data().meta).isNull();
    }

    /**
     * Ecto: "unique constraint from association"; the posts are put as changesets
     * ({@code putAssoc}).
     */
    @Test
    void aUniqueViolationOfAChildIsAnErrorOfThatChild() {
        UUID uuid = UUID.randomUUID();
        java.util.function.Function<UUID, Changeset<Post>> post = id -> Changeset.change(new Post(), Map.of("uuid", id))
            .uniqueConstraint("uuid");

        Changeset<User> changeset = Changeset.change(new User())
            .putAssoc("comments", List.of(new Comment()))
            .putAssoc("permalink", new Permalink())
            .putAssoc("posts", List.of(post.apply(uuid), post.apply(uuid), post.apply(UUID.randomUUID())));
        assertThatThrownBy(() -> this.repo.insert(changeset)).isInstanceOf(InvalidChangesetException.class);

        Changeset<?> p2 = changeset.nested().get("posts").children().get(1);
        assertThat(p2.errors()).containsExactly(new FieldError("uuid", "has already been taken",
                Map.of("constraint", "unique", "constraint_name", "ecto_posts_uuid_index")));
    }

    /** Ecto: "unique constraint with binary_id". */
    @Test
    void aUniqueViolationOnASchemaWithABinaryIdKey() {
        UUID uuid = UUID.randomUUID();
        Supplier<Changeset<Custom>> changeset = () -> Changeset.change(new Custom(), Map.of("uuid", uuid));
        this.repo.insert(changeset.get());

        Changeset<Custom> declared = changeset.get().uniqueConstraint("uuid");
        assertThatThrownBy(() -> this.repo.insert(declared)).isInstanceOf(InvalidChangesetException.class);
        assertThat(declared.errors()).containsExactly(new FieldError("uuid", "has already been taken",
                Map.of("constraint", "unique", "constraint_name", "ecto_customs_uuid_index")));
        // Ecto's :built: the data was never marked stored.
        assertThat(declared.data().meta).isNull();
    }

    /**
     * Ecto: "unique pseudo-constraint violation error message with join table at the
     * repository": the repeated entry of a unique many-to-many is invalid before the
     * write.
     */
    @Test
    void aUserPutTwiceInAUniqueManyToManyIsTakenTheSecondTime() {
        Post post = this.repo.preload(this.repo.insert(Post.titled("some post")), "uniqueUsers");
        User user = this.repo.insert(User.named("some user"));

        // Violate the unique composite index
        Changeset<Post> changeset = Changeset.change(post).putAssoc("uniqueUsers", List.of(user, user));
        assertThatThrownBy(() -> this.repo.update(changeset)).isInstanceOf(InvalidChangesetException.class);

        assertThat(changeset.errorMessages()).isEqualTo(Map.of("uniqueUsers[1].id", List.of("has already been taken")));
        assertThat(changeset.valid()).isFalse();
    }

    /** Ecto: "foreign key constraint". */
    @Test
    void aForeignKeyViolationIsAnErrorUntilTheChangesetDeclaresItsConstraint() {
        Supplier<Changeset<Comment>> changeset = () -> Changeset.change(commentOn(0L));

        assertThatThrownBy(() -> this.repo.insert(changeset.get())).isInstanceOf(UndeclaredConstraintException.class)
            .hasMessageStartingWith("could not perform insert of Comment")
            .hasMessageContaining("foreign_key_constraint \"ecto_comments_post_id_fkey\"")
            .hasMessageContaining("which the changeset did not declare")
            .hasMessageContaining("foreignKeyConstraint(field");

        assertThatThrownBy(
                () -> this.repo.insert(changeset.get().foreignKeyConstraint("postId", "ecto_comments_post_id_other")))
            .isInstanceOf(UndeclaredConstraintException.class)
            .hasMessageStartingWith("could not perform insert of Comment")
            .hasMessageContaining("foreign_key_constraint \"ecto_comments_post_id_fkey\"");

        Changeset<Comment> declared = changeset.get().foreignKeyConstraint("postId");
        assertThatThrownBy(() -> this.repo.insert(declared)).isInstanceOf(InvalidChangesetException.class);
        assertThat(declared.errors()).containsExactly(new FieldError("postId", "does not exist",
                Map.of("constraint", "foreign", "constraint_name", "ecto_comments_post_id_fkey")));
    }

    /** Ecto: "assoc constraint". */
    @Test
    void aMissingParentIsAnErrorOnTheBelongsToOnceDeclared() {
        Supplier<Changeset<Comment>> changeset = () -> Changeset.change(commentOn(0L));

        assertThatThrownBy(() -> this.repo.insert(changeset.get())).isInstanceOf(UndeclaredConstraintException.class)
            .hasMessageStartingWith("could not perform insert of Comment")
            .hasMessageContaining("foreign_key_constraint \"ecto_comments_post_id_fkey\"")
            .hasMessageContaining("which the changeset did not declare");

        assertThatThrownBy(
                () -> this.repo.insert(changeset.get().assocConstraint("post", "ecto_comments_post_id_other")))
            .isInstanceOf(UndeclaredConstraintException.class)
            .hasMessageStartingWith("could not perform insert of Comment")
            .hasMessageContaining("foreign_key_constraint \"ecto_comments_post_id_fkey\"");

        Changeset<Comment> declared = changeset.get().assocConstraint("post");
        assertThatThrownBy(() -> this.repo.insert(declared)).isInstanceOf(InvalidChangesetException.class);
        assertThat(declared.errors()).containsExactly(new FieldError("post", "does not exist",
                Map.of("constraint", "assoc", "constraint_name", "ecto_comments_post_id_fkey")));
    }

    /**
     * Ecto: "no assoc constraint error". A struct (not a changeset) deleted: the starter
     * throws Spring's violation, which names the constraint.
     */
    @Test
    void deletingAParentStillReferencedFails() {
        User user = this.repo.insert(new User());
        permalinkOf(user);

        assertThatThrownBy(() -> this.repo.delete(user)).isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageFindingMatch("(?i)ecto_permalinks_user_id_fkey");
    }

    /** Ecto: "no assoc constraint with changeset mismatch". */
    @Test
    void aNoAssocConstraintOfAnotherNameLeavesTheViolationUndeclared() {
        User user = this.repo.insert(new User());
        permalinkOf(user);

        assertThatThrownBy(() -> this.repo
            .delete(Changeset.change(user).noAssocConstraint("permalink", "ecto_permalinks_user_id_pther")))
            .isInstanceOf(UndeclaredConstraintException.class)
            .hasMessageStartingWith("could not perform delete of User")
            .hasMessageContaining("foreign_key_constraint \"ecto_permalinks_user_id_fkey\"");
    }

    /** Ecto: "no assoc constraint with changeset match". */
    @Test
    void aNoAssocConstraintTurnsTheViolationIntoAnErrorOnTheAssociation() {
        User user = this.repo.insert(new User());
        permalinkOf(user);

        Changeset<User> changeset = Changeset.change(user).noAssocConstraint("permalink");
        assertThatThrownBy(() -> this.repo.delete(changeset)).isInstanceOf(InvalidChangesetException.class);
        assertThat(changeset.errors())
            .containsExactly(new FieldError("permalink", "is still associated with this entry",
                    Map.of("constraint", "no_assoc", "constraint_name", "ecto_permalinks_user_id_fkey")));
    }

    /**
     * Ecto's {@code order_changeset/2}, with its {@code item_changeset/2} and
     * {@code permalink_changeset/2}.
     */
    private static Changeset<Order> orderChangeset(Order order, Map<String, ?> params) {
        return Changeset.cast(order, params, "permalinkId")
            .castEmbed("item", (Item item, Map<String, Object> itemParams) -> Changeset.cast(item, itemParams, "price"))
            .castAssoc("permalink",
                    (Permalink permalink, Map<String, Object> permalinkParams) -> Changeset
                        .cast(permalink, permalinkParams, "postId")
                        .assocConstraint("post"));
    }

    /**
     * Ecto: "insert and update with embeds during failing child foreign key". The
     * starter's embed change is the cast struct, where Ecto keeps the embed's changeset.
     */
    @Test
    void aFailingChildKeepsTheEmbedChangeOfItsParent() {
        Map<String, Object> params = Map.of("item", Map.of("price", 10), "permalink", Map.of("postId", 0));
        Changeset<Order> changeset = orderChangeset(new Order(), params);
        assertThatThrownBy(() -> this.repo.insert(changeset)).isInstanceOf(InvalidChangesetException.class);
        assertThat(changeset.getChange("item")).isInstanceOfSatisfying(Item.class,
                item -> assertThat(item.price).isEqualTo(10));

        Order order = this.repo.preload(this.repo.insert(orderChangeset(new Order(), Map.of())), "permalink");

        Changeset<Order> update = orderChangeset(order, params);
        assertThat(update.getChange("item")).isInstanceOf(Item.class);

        assertThatThrownBy(() -> this.repo.update(update)).isInstanceOf(InvalidChangesetException.class);
        assertThat(update.getChange("item")).isInstanceOfSatisfying(Item.class,
                item -> assertThat(item.price).isEqualTo(10));
    }

    /**
     * Ecto: "unsafe_validate_unique/4". Ecto's {@code [:title, :text]} names a field Post
     * does not have, so nil: here {@code counter}, a field left null.
     */
    @Test
    void unsafeValidateUniqueFindsAnotherRowWithTheValues() {
        Post insertedPost = this.repo.insert(visited("Greetings", 13));
        Supplier<Changeset<Post>> newPostChangeset = () -> postChangeset(new Post(),
                Map.of("title", "Greetings", "visits", 17));

        Changeset<Post> changeset = newPostChangeset.get().unsafeValidateUnique(List.of("title"), this.repo);
        assertThat(changeset.errors()).containsExactly(new FieldError("title", "has already been taken",
                Map.of("validation", "unsafe_unique", "fields", List.of("title"))));

        changeset = newPostChangeset.get().unsafeValidateUnique(List.of("title", "counter"), this.repo);
        assertThat(changeset.errorsOn("title")).isEmpty();

        Changeset<Post> updateChangeset = postChangeset(insertedPost, Map.of("visits", 17));
        changeset = updateChangeset.unsafeValidateUnique(List.of("title"), this.repo);
        assertThat(changeset.errorsOn("title")).isEmpty(); // cannot conflict with itself
    }

    /** Ecto: "unsafe_validate_unique/4 with composite keys". */
    @Test
    void unsafeValidateUniqueExcludesOnlyTheRowOfTheWholeCompositeKey() {
        CompositePk insertedPost = this.repo.insert(CompositePk.of(123, 456, "UniqueName"));

        Changeset<CompositePk> differentPk = compositeChangeset(new CompositePk(),
                Map.of("name", "UniqueName", "a", 789, "b", 321));
        Changeset<CompositePk> changeset = differentPk.unsafeValidateUnique(List.of("name"), this.repo);
        assertThat(changeset.errors()).containsExactly(new FieldError("name", "has already been taken",
                Map.of("validation", "unsafe_unique", "fields", List.of("name"))));

        Changeset<CompositePk> partialPk = compositeChangeset(new CompositePk(),
                Map.of("name", "UniqueName", "a", 789, "b", 456));
        changeset = partialPk.unsafeValidateUnique(List.of("name"), this.repo);
        assertThat(changeset.errors()).containsExactly(new FieldError("name", "has already been taken",
                Map.of("validation", "unsafe_unique", "fields", List.of("name"))));

        Changeset<CompositePk> updateChangeset = compositeChangeset(insertedPost, Map.of("name", "NewName"));
        changeset = updateChangeset.unsafeValidateUnique(List.of("name"), this.repo);
        assertThat(changeset.valid()).isTrue();
        assertThat(changeset.errorsOn("name")).isEmpty(); // cannot conflict with itself
    }

    // ------------------------------------------------------------------ get, get_by and
    // reload

    /**
     * Ecto: "get(!)". Ecto's {@code Ecto.NoResultsError} is {@link NoResultsException}.
     */
    @Test
    void getAnswersTheStructOfTheKeyCastFromAString() {
        Post post1 = this.repo.insert(Post.titled("1"));
        Post post2 = this.repo.insert(Post.titled("2"));

        assertSamePost(this.repo.get(Post.class, post1.id).orElseThrow(), post1);
        assertSamePost(this.repo.get(Post.class, String.valueOf(post2.id)).orElseThrow(), post2); // With
                                                                                                  // casting

        assertSamePost(this.repo.getOrThrow(Post.class, post1.id), post1);
        assertSamePost(this.repo.getOrThrow(Post.class, String.valueOf(post2.id)), post2); // With
                                                                                           // casting

        this.repo.delete(post1);

        assertThat(this.repo.get(Post.class, post1.id)).isEmpty();
        assertThatThrownBy(() -> this.repo.getOrThrow(Post.class, post1.id)).isInstanceOf(NoResultsException.class)
            .hasMessage("expected at least one result but got none: no Post with id " + post1.id);
    }

    /**
     * Ecto: "first, last and one(!)". Ecto's {@code first}/{@code last} are
     * {@code Query.first()}/{@code last()}, {@code one!} is {@code repo.oneOrThrow}.
     */
    @Test
    void firstAndLastOrderByThePrimaryKeyOrReverseTheQuerysOrder() {
        Post post1 = this.repo.insert(Post.titled("1"));
        Post post2 = this.repo.insert(Post.titled("2"));

        assertSamePost(this.repo.one(Query.from(Post.class).first()).orElseThrow(), post1);
        this.dataSource.reset();
        assertSamePost(this.repo.one(Query.from(Post.class).last()).orElseThrow(), post2);
        assertThat(this.dataSource.statements()).singleElement()
            .asString()
            .endsWith(sql(" FROM \"ecto_posts\" ORDER BY \"id\" DESC LIMIT ?"));

        Query<Post> query = Query.from(Post.class).orderBy("title");
        assertSamePost(this.repo.one(query.first()).orElseThrow(), post1);
        assertSamePost(this.repo.one(query.last()).orElseThrow(), post2);

        query = Query.from(Post.class).orderBy("title", Query.Direction.DESC).limit(10);
        assertSamePost(this.repo.one(query.first()).orElseThrow(), post2);
        assertSamePost(this.repo.one(query.last()).orElseThrow(), post1);

        Query<Post> none = Query.from(Post.class).whereNull("id");
        assertThat(this.repo.one(none.first())).isEmpty();
        assertThat(this.repo.one(none.last())).isEmpty();
        assertThatThrownBy(() -> this.repo.oneOrThrow(none.first())).isInstanceOf(NoResultsException.class)
            .hasMessage("expected at least one result but got none in query: " + none.first());
        assertThatThrownBy(() -> this.repo.oneOrThrow(none.last())).isInstanceOf(NoResultsException.class)
            .hasMessage("expected at least one result but got none in query: " + none.last());
    }

    /**
     * {@code first(field)} and {@code last(field)}: Ecto's {@code first/2},
     * {@code last/2}.
     */
    @Test
    void firstAndLastOfAFieldOrderByItAfterTheQuerysOrder() {
        Post post1 = this.repo.insert(visited("b", 1));
        Post post2 = this.repo.insert(visited("a", 2));

        assertSamePost(this.repo.oneOrThrow(Query.from(Post.class).first("title")), post2);
        assertSamePost(this.repo.oneOrThrow(Query.from(Post.class).last("title")), post1);
        assertSamePost(this.repo.oneOrThrow(Query.from(Post.class).orderBy("visits").last("title")), post2);
        assertThat(Query.from(Post.class).first().reverseOrder().orders())
            .containsExactly(Query.Order.primaryKey(Query.Direction.DESC));
        assertThatThrownBy(() -> this.repo.one(Query.from(Barebone.class).first()))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("Barebone has no primary key to order by: give first, last or reverseOrder a field, "
                    + "as in query.first(\"insertedAt\")");
        this.repo.insert(barebone(1));
        assertThat(this.repo.oneOrThrow(Query.from(Barebone.class).last("num")).num).isEqualTo(1);
    }

    private static Barebone barebone(int num) {
        Barebone barebone = new Barebone();
        barebone.num = num;
        return barebone;
    }

    /** Ecto: "get(!) with binary_id". */
    @Test
    void getByABinaryIdKey() {
        Custom custom = this.repo.insert(new Custom());
        UUID bid = custom.bid;
        assertThat(this.repo.get(Custom.class, bid)).get().extracting(found -> found.bid).isEqualTo(bid);
    }

    /**
     * Ecto: "get_by(!)"; {@code get_by!} is {@code getBy(...).orElseThrow()}, and a
     * keyword list is a Map.
     */
    @Test
    void getByAnswersTheStructMatchingEveryClause() {
        Post post1 = this.repo.insert(visited("1", 1));
        Post post2 = this.repo.insert(visited("2", 2));

        assertSamePost(this.repo.getBy(Post.class, Map.of("id", post1.id)).orElseThrow(), post1);
        assertSamePost(this.repo.getBy(Post.class, Map.of("title", post1.title)).orElseThrow(), post1);
        assertSamePost(this.repo.getBy(Post.class, Map.of("id", post1.id, "title", post1.title)).orElseThrow(), post1);
        assertSamePost(this.repo.getBy(Post.class, Map.of("id", String.valueOf(post2.id))).orElseThrow(), post2); // With
                                                                                                                  // casting
        assertThat(this.repo.getBy(Post.class, Map.of("title", "hey"))).isEmpty();
        assertThat(this.repo.getBy(Post.class, Map.of("id", post2.id, "visits", 3))).isEmpty();

        assertSamePost(this.repo.getBy(Post.class, Map.of("id", post1.id, "visits", 1)).orElseThrow(), post1);

        assertThatThrownBy(() -> this.repo.getBy(Post.class, Map.of("id", post2.id, "title", "hey")).orElseThrow())
            .isInstanceOf(NoSuchElementException.class);
    }

    /** Ecto: "reload"; {@code reload(list)} is {@code reloadAll}. */
    @Test
    void reloadReadsTheStructsAgainInTheOrderGiven() {
        Post post1 = this.repo.insert(visited("1", 1));
        Post post2 = this.repo.insert(visited("2", 2));
        Post missing = new Post();
        missing.id = 0L;

        assertSamePost(this.repo.reload(post1).orElseThrow(), post1);
        assertSamePosts(this.repo.reloadAll(List.of(post1, post2)), post1, post2);
        List<Post> reloaded = this.repo.reloadAll(List.of(post1, post2, missing));
        assertThat(reloaded).hasSize(3);
        assertSamePosts(reloaded.subList(0, 2), post1, post2);
        assertThat(reloaded.get(2)).isNull();
        assertThat(this.repo.reload(missing)).isEmpty();

        // keeps order as received in the params
        assertSamePosts(this.repo.reloadAll(List.of(post2, post1)), post2, post1);

        this.repo.updateAll(Query.from(Post.class), UpdateAll.create().inc("visits", 1));

        assertThat(this.repo.reloadAll(List.of(post1, post2))).extracting(post -> post.visits).containsExactly(2, 3);
    }

    /** Ecto: "reload ignores preloads". */
    @Test
    void reloadLeavesTheAssociationsUnloaded() {
        Post post = this.repo.preload(this.repo.insert(visited("1", 1)), "comments");
        assertThat(this.repo.isLoaded(post, "comments")).isTrue();

        assertThat(this.repo.isLoaded(this.repo.reload(post).orElseThrow(), "comments")).isFalse();
    }

    /**
     * Ecto: "reload!". {@code reload!(struct)} is {@code reload(struct).orElseThrow()};
     * where Ecto's {@code reload!(list)} raises "could not reload", {@code reloadAll}
     * answers null for the row that is gone.
     */
    @Test
    void reloadOrThrowFailsForARowThatIsGone() {
        Post post1 = this.repo.insert(visited("1", 1));
        Post post2 = this.repo.insert(visited("2", 2));
        Post missing = new Post();
        missing.id = -1L;

        assertSamePost(this.repo.reload(post1).orElseThrow(), post1);
        assertSamePosts(this.repo.reloadAll(List.of(post1, post2)), post1, post2);

        assertThat(this.repo.reloadAll(List.of(post1, post2, missing)).get(2)).isNull();

        assertThatThrownBy(() -> this.repo.reload(missing).orElseThrow()).isInstanceOf(NoSuchElementException.class);

        assertSamePosts(this.repo.reloadAll(List.of(post2, post1)), post2, post1);

        this.repo.updateAll(Query.from(Post.class), UpdateAll.create().inc("visits", 1));

        assertThat(this.repo.reloadAll(List.of(post1, post2))).extracting(post -> post.visits).containsExactly(2, 3);
    }

    // ------------------------------------------------------------------ aggregate

    /**
     * Ecto: "aggregate"; MIN and MAX answer the field's type, COUNT and SUM of integers a
     * Long.
     */
    @Test
    void aggregateOfAQueryOrderedAndLimited() {
        assertThat(this.repo.aggregate(Query.from(Post.class), Aggregate.MAX, "visits", Integer.class)).isEmpty();

        this.repo.insert(visits(10));
        this.repo.insert(visits(12));
        this.repo.insert(visits(14));
        this.repo.insert(visits(14));

        // Barebones
        assertThat(this.repo.aggregate(Query.from(Post.class), Aggregate.MAX, "visits", Integer.class)).hasValue(14);
        assertThat(this.repo.aggregate(Query.from(Post.class), Aggregate.MIN, "visits", Integer.class)).hasValue(10);
        assertThat(this.repo.aggregate(Query.from(Post.class), Aggregate.COUNT, "visits", Long.class)).hasValue(4L);
        assertThat(String
            .valueOf(this.repo.aggregate(Query.from(Post.class), Aggregate.SUM, "visits", Long.class).orElseThrow()))
            .isEqualTo("50");

        // With order_by
        Query<Post> query = Query.from(Post.class).orderBy("visits");
        assertThat(this.repo.aggregate(query, Aggregate.MAX, "visits", Integer.class)).hasValue(14);

        // With order_by and limit
        query = Query.from(Post.class).orderBy("visits").limit(2);
        assertThat(this.repo.aggregate(query, Aggregate.MAX, "visits", Integer.class)).hasValue(12);
    }

    /** Ecto: "aggregate avg". */
    @Test
    void averageOfIntegers() {
        this.repo.insert(visits(10));
        this.repo.insert(visits(12));
        this.repo.insert(visits(14));
        this.repo.insert(visits(14));

        assertThat(String
            .valueOf(this.repo.aggregate(Query.from(Post.class), Aggregate.AVG, "visits", Double.class).orElseThrow()))
            .startsWith("12.5");
    }

    /** Ecto: "aggregate with distinct". */
    @Test
    void aggregateOfADistinctQueryCountsDistinctValues() {
        this.repo.insert(visits(10));
        this.repo.insert(visits(12));
        this.repo.insert(visits(14));
        this.repo.insert(visits(14));

        Query<Post> query = Query.from(Post.class).orderBy("visits").distinct();
        assertThat(this.repo.aggregate(query, Aggregate.COUNT, "visits", Long.class)).hasValue(3L);
    }

    // ------------------------------------------------------------------ insert_all

    /** Ecto: "insert all with invalid prefix". */
    @Test
    void insertAllInAPrefixThatDoesNotExistFails() {
        assertThatThrownBy(() -> this.repo.insertAll(List.of(new Post(), new Post()), "oops"))
            .isInstanceOf(DataAccessException.class);
    }

    /**
     * Ecto: "insert all with returning with schema"; {@code returning: [:id, :text]} and
     * {@code true} both read the rows back.
     */
    @Test
    void insertAllReturningMakesTheStructsLoaded() {
        assertThat(this.repo.insertAll(List.<Comment>of(), InsertAll.returning())).isZero();
        assertThat(this.repo.insertAll(List.<Comment>of(), InsertAll.create())).isZero();

        StructMeta loaded = StructMeta.loaded(null, "ecto_comments");
        Comment c1 = Comment.text("1");
        Comment c2 = Comment.text("2");
        assertThat(this.repo.insertAll(List.of(c1, c2), InsertAll.returning())).isEqualTo(2);
        assertThat(c1.id).isNotNull();
        assertThat(c1.text).isEqualTo("1");
        assertThat(c1.meta).isEqualTo(loaded);
        assertThat(c2.id).isNotNull();
        assertThat(c2.text).isEqualTo("2");
        assertThat(c2.meta).isEqualTo(loaded);

        Comment c3 = Comment.text("3");
        Comment c4 = Comment.text("4");
        assertThat(this.repo.insertAll(List.of(c3, c4), InsertAll.returning())).isEqualTo(2);
        assertThat(c3.text).isEqualTo("3");
        assertThat(c3.meta).isEqualTo(loaded);
        assertThat(c4.text).isEqualTo("4");
        assertThat(c4.meta).isEqualTo(loaded);
    }

    /** Ecto: "insert all with returning with schema with field source". */
    @Test
    void insertAllReturningMakesTheStructsLoadedWithAFieldOfAnotherColumnName() {
        assertThat(this.repo.insertAll(List.<Permalink>of(), InsertAll.returning())).isZero();
        assertThat(this.repo.insertAll(List.<Permalink>of(), InsertAll.create())).isZero();

        StructMeta loaded = StructMeta.loaded(null, "ecto_permalinks");
        Permalink c1 = Permalink.url("1");
        Permalink c2 = Permalink.url("2");
        assertThat(this.repo.insertAll(List.of(c1, c2), InsertAll.returning())).isEqualTo(2);
        assertThat(c1.id).isNotNull();
        assertThat(c1.url).isEqualTo("1");
        assertThat(c1.meta).isEqualTo(loaded);
        assertThat(c2.id).isNotNull();
        assertThat(c2.url).isEqualTo("2");
        assertThat(c2.meta).isEqualTo(loaded);

        Permalink c3 = Permalink.url("3");
        Permalink c4 = Permalink.url("4");
        assertThat(this.repo.insertAll(List.of(c3, c4), InsertAll.returning())).isEqualTo(2);
        assertThat(c3.url).isEqualTo("3");
        assertThat(c3.meta).isEqualTo(loaded);
        assertThat(c4.url).isEqualTo("4");
        assertThat(c4.meta).isEqualTo(loaded);
    }

    /** Ecto: "insert all with dumping". */
    @Test
    void insertAllDumpsAUuid() {
        UUID uuid = UUID.randomUUID();
        Post post = new Post();
        post.uuid = uuid;
        assertThat(this.repo.insertAll(List.of(post))).isEqualTo(1);
        assertThat(this.repo.all(Post.class)).singleElement().satisfies(loaded -> {
            assertThat(loaded.uuid).isEqualTo(uuid);
            assertThat(loaded.title).isNull();
        });
    }

    /** Ecto: "insert all autogenerates for binary_id type". */
    @Test
    void insertAllGeneratesABinaryIdKeyLeftNullAndKeepsAGivenOne() {
        Custom custom = this.repo.insert(new Custom());
        assertThat(custom.bid).isNotNull();
        assertThat(this.repo.get(Custom.class, custom.bid)).isPresent();
        assertThat(this.repo.delete(custom)).isSameAs(custom);
        assertThat(this.repo.get(Custom.class, custom.bid)).isEmpty();

        UUID uuid = UUID.randomUUID();
        Custom withUuid = new Custom();
        withUuid.uuid = uuid;
        Custom withBid = new Custom();
        withBid.bid = custom.bid;
        assertThat(this.repo.insertAll(List.of(withUuid, withBid))).isEqualTo(2);
        List<Custom> customs = this.repo.all(Custom.class)
            .stream()
            .sorted(Comparator.comparing((Custom c) -> c.uuid, Comparator.nullsFirst(Comparator.<UUID>naturalOrder())))
            .toList();
        assertThat(customs).hasSize(2);
        UUID bid2 = customs.get(0).bid;
        UUID bid1 = customs.get(1).bid;
        assertThat(customs.get(0).uuid).isNull();
        assertThat(customs.get(1).uuid).isEqualTo(uuid);
        assertThat(bid1).isNotNull();
        assertThat(bid2).isNotNull();
        assertThat(custom.bid).isNotEqualTo(bid1);
        assertThat(custom.bid).isEqualTo(bid2);
    }

    // ------------------------------------------------------------------ update_all and
    // delete_all

    /** Ecto: "update all with invalid prefix". */
    @Test
    void updateAllInAPrefixThatDoesNotExistFails() {
        assertThatThrownBy(
                () -> this.repo.updateAll(Query.from(Post.class).prefix("oops"), UpdateAll.create().set("title", "x")))
            .isInstanceOf(DataAccessException.class);
    }

    /**
     * Ecto: "update all with filter"; the query's {@code update: [set: [visits: ^17]]}
     * joins the set of the call.
     */
    @Test
    void updateAllChangesOnlyTheRowsTheQueryMatches() {
        Long id1 = this.repo.insert(Post.titled("1")).id;
        Long id2 = this.repo.insert(Post.titled("2")).id;
        Long id3 = this.repo.insert(Post.titled("3")).id;

        Query<Post> query = Query.from(Post.class).where(Expr.or(Expr.eq("title", "1"), Expr.eq("title", "2")));
        assertThat(this.repo.updateAll(query, UpdateAll.create().set("visits", 17).set("title", "x"))).isEqualTo(2);

        assertThat(this.repo.get(Post.class, id1).orElseThrow()).extracting(post -> post.title, post -> post.visits)
            .containsExactly("x", 17);
        assertThat(this.repo.get(Post.class, id2).orElseThrow()).extracting(post -> post.title, post -> post.visits)
            .containsExactly("x", 17);
        assertThat(this.repo.get(Post.class, id3).orElseThrow()).extracting(post -> post.title, post -> post.visits)
            .containsExactly("3", null);
    }

    /** Ecto: "update all no entries". */
    @Test
    void updateAllMatchingNothingChangesNothing() {
        Long id1 = this.repo.insert(Post.titled("1")).id;
        Long id2 = this.repo.insert(Post.titled("2")).id;
        Long id3 = this.repo.insert(Post.titled("3")).id;

        Query<Post> query = Query.from(Post.class).where("title", "4");
        assertThat(this.repo.updateAll(query, UpdateAll.create().set("title", "x"))).isZero();

        assertThat(this.repo.get(Post.class, id1).orElseThrow().title).isEqualTo("1");
        assertThat(this.repo.get(Post.class, id2).orElseThrow().title).isEqualTo("2");
        assertThat(this.repo.get(Post.class, id3).orElseThrow().title).isEqualTo("3");
    }

    /** Ecto: "update all increment syntax". */
    @Test
    void updateAllIncrementsByPositiveAndNegativeSteps() {
        Long id1 = this.repo.insert(visited("1", 0)).id;
        Long id2 = this.repo.insert(visited("2", 1)).id;

        // Positive
        Query<Post> query = Query.from(Post.class).whereNotNull("id");
        assertThat(this.repo.updateAll(query, UpdateAll.create().inc("visits", 2))).isEqualTo(2);

        assertThat(this.repo.get(Post.class, id1).orElseThrow().visits).isEqualTo(2);
        assertThat(this.repo.get(Post.class, id2).orElseThrow().visits).isEqualTo(3);

        // Negative
        assertThat(this.repo.updateAll(query, UpdateAll.create().inc("visits", -1))).isEqualTo(2);

        assertThat(this.repo.get(Post.class, id1).orElseThrow().visits).isEqualTo(1);
        assertThat(this.repo.get(Post.class, id2).orElseThrow().visits).isEqualTo(2);
    }

    /** Ecto: "update all with casting and dumping on id type field". */
    @Test
    void updateAllCastsAStringToAnIdField() {
        Long id1 = this.repo.insert(new Post()).id;
        assertThat(this.repo.updateAll(Query.from(Post.class), UpdateAll.create().set("counter", String.valueOf(id1))))
            .isEqualTo(1);
        assertThat(this.repo.get(Post.class, id1).orElseThrow().counter).isEqualTo(id1);
    }

    /** Ecto: "update all with casting and dumping". */
    @Test
    void updateAllWritesAnIntegerAndATimestamp() {
        int visits = 13;
        LocalDateTime datetime = LocalDateTime.of(2014, 1, 16, 20, 26, 51);
        Long id = this.repo.insert(new Post()).id;

        assertThat(this.repo.updateAll(Query.from(Post.class),
                UpdateAll.create().set("visits", visits).set("insertedAt", datetime)))
            .isEqualTo(1);
        Post post = this.repo.get(Post.class, id).orElseThrow();
        assertThat(post.visits).isEqualTo(13);
        assertThat(post.insertedAt).isEqualTo(datetime);
    }

    /**
     * Ecto: "update all with returning with schema", its {@code select(Post, [p], p)}
     * half; the {@code select(Post, [:id, :visits])} half selects part of a struct
     * ({@code take}), not built yet. MariaDB has no {@code UPDATE ... RETURNING} and
     * refuses before any SQL.
     */
    @Test
    void updateAllReturningAnswersTheChangedStructs() {
        Long id1 = this.repo.insert(Post.titled("1")).id;
        Long id2 = this.repo.insert(Post.titled("2")).id;
        Long id3 = this.repo.insert(Post.titled("3")).id;
        UpdateAll changes = UpdateAll.create().set("title", "x");
        if (mariaDb()) {
            assertThatThrownBy(() -> this.repo.updateAllReturning(Query.from(Post.class), changes))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage(this.repo.dialect().name()
                        + " cannot answer the rows of updateAllReturning: it has no UPDATE ... "
                        + "RETURNING; read the rows with repo.all(query.lock(Lock.FOR_UPDATE)) in a transaction, "
                        + "then write them");
            assertThat(this.repo.all(Query.from(Post.class)).stream().map(post -> post.title))
                .containsExactlyInAnyOrder("1", "2", "3");
            return;
        }

        List<Post> posts = new java.util.ArrayList<>(this.repo.updateAllReturning(Query.from(Post.class), changes));

        posts.sort(Comparator.comparing(post -> post.id));
        assertThat(posts).extracting(post -> post.id).containsExactly(id1, id2, id3);
        assertThat(posts).extracting(post -> post.title).containsExactly("x", "x", "x");
        assertThat(posts).allSatisfy(post -> assertThat(post.meta.state()).isEqualTo(StructMeta.State.LOADED));
        this.dataSource.reset();
        assertThat(this.repo.updateAllReturning(Query.from(Post.class).where("id", id1),
                UpdateAll.create().inc("visits", 1).set("title", "y")))
            .extracting(post -> post.title)
            .containsExactly("y");
        assertThat(this.dataSource.statements()).singleElement()
            .asString()
            .startsWith(postgres() ? sql("UPDATE \"ecto_posts\" SET \"title\" = ?, \"visits\" = \"visits\" + ? "
                    + "WHERE \"id\" = ? RETURNING \"id\", ") : sql("SELECT \"id\", "))
            .endsWith(postgres() ? "" : sql(" FROM FINAL TABLE (UPDATE \"ecto_posts\" SET \"title\" = ?, "
                    + "\"visits\" = \"visits\" + ? WHERE \"id\" = ?)"));
    }

    /** Ecto: "delete all with returning with schema". */
    @Test
    void deleteAllReturningAnswersTheDeletedStructs() {
        Long id1 = this.repo.insert(Post.titled("1")).id;
        Long id2 = this.repo.insert(Post.titled("2")).id;
        Long id3 = this.repo.insert(Post.titled("3")).id;

        List<Post> posts = new java.util.ArrayList<>(this.repo.deleteAllReturning(Query.from(Post.class)));

        posts.sort(Comparator.comparing(post -> post.id));
        assertThat(posts).extracting(post -> post.id).containsExactly(id1, id2, id3);
        assertThat(posts).extracting(post -> post.title).containsExactly("1", "2", "3");
        assertThat(posts).allSatisfy(post -> assertThat(post.meta.state()).isEqualTo(StructMeta.State.DELETED));
        assertThat(this.repo.count(Post.class)).isZero();
        assertThat(this.repo.deleteAllReturning(Query.from(Post.class).where("title", "1"))).isEmpty();
    }

    /**
     * Ecto: "insert_all with source query insert_all with query": Ecto's {@code select:
     * %{title: fragment(...)}} is a {@code Selection.sql(...)} named after the field it
     * fills.
     */
    @Test
    void insertAllFromAQueryInsertsTheRowsItSelects() {
        Long id = this.repo.insert(Post.titled("A generic title")).id;

        assertThat(this.repo.insertAll(Post.class, Query.from(Post.class),
                Selection.sql("concat(?, ?, ?)", Expr.field("title"), " suffix ", Expr.field("id")).as("title")))
            .isEqualTo(1);

        assertThat(this.repo.all(Query.from(Post.class).where("id", Query.Op.NOT_EQ, id)))
            .extracting(post -> post.title)
            .containsExactly("A generic title suffix " + id);
    }

    /**
     * Ecto: "insert_all with source query insert_all with query and source field"; the
     * port's Permalink has no title, so the url is a pinned value, as the post id is.
     */
    @Test
    void insertAllFromAQueryFillsAFieldStoredInAColumnOfAnotherName() {
        Long postId = this.repo.insert(new Post()).id;
        this.repo.insert(Permalink.url("url"));

        assertThat(this.repo.insertAll(Permalink.class, Query.from(Permalink.class), Selection.value("title").as("url"),
                Selection.value(postId).as("postId")))
            .isEqualTo(1);

        assertThat(this.repo.all(Query.from(Permalink.class).where("url", "title")))
            .extracting(permalink -> permalink.postId)
            .containsExactly(postId);
        assertThatThrownBy(() -> this.repo.insertAll(Permalink.class, Query.from(Permalink.class),
                Selection.value("x").as("nope")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("unknown field :nope on Permalink; its fields are");
        assertThatThrownBy(
                () -> this.repo.insertAll(Permalink.class, Query.from(Permalink.class), Selection.value("x")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("insertAll from a query fills fields by name: name sql(?) with .as(field)");
    }

    /** Ecto: "delete all". */
    @Test
    void deleteAllDeletesEveryRow() {
        this.repo.insert(Post.titled("1"));
        this.repo.insert(Post.titled("2"));
        this.repo.insert(Post.titled("3"));

        assertThat(this.repo.deleteAll(Query.from(Post.class))).isEqualTo(3);
        assertThat(this.repo.all(Post.class)).isEmpty();
    }

    /** Ecto: "delete all with invalid prefix". */
    @Test
    void deleteAllInAPrefixThatDoesNotExistFails() {
        assertThatThrownBy(() -> this.repo.deleteAll(Query.from(Post.class).prefix("oops")))
            .isInstanceOf(DataAccessException.class);
    }

    /** Ecto: "delete all with filter". */
    @Test
    void deleteAllDeletesOnlyTheRowsTheQueryMatches() {
        this.repo.insert(Post.titled("1"));
        this.repo.insert(Post.titled("2"));
        this.repo.insert(Post.titled("3"));

        Query<Post> query = Query.from(Post.class).where(Expr.or(Expr.eq("title", "1"), Expr.eq("title", "2")));
        assertThat(this.repo.deleteAll(query)).isEqualTo(2);
        assertThat(this.repo.all(Post.class)).hasSize(1);
    }

    /** Ecto: "delete all no entries". */
    @Test
    void deleteAllMatchingNothingDeletesNothing() {
        Long id1 = this.repo.insert(Post.titled("1")).id;
        Long id2 = this.repo.insert(Post.titled("2")).id;
        Long id3 = this.repo.insert(Post.titled("3")).id;

        Query<Post> query = Query.from(Post.class).where("title", "4");
        assertThat(this.repo.deleteAll(query)).isZero();
        assertThat(this.repo.get(Post.class, id1).orElseThrow().title).isEqualTo("1");
        assertThat(this.repo.get(Post.class, id2).orElseThrow().title).isEqualTo("2");
        assertThat(this.repo.get(Post.class, id3).orElseThrow().title).isEqualTo("3");
    }

    /** Ecto: "virtual field". */
    @Test
    void aVirtualFieldReadsAsItsDefault() {
        Long id = this.repo.insert(Post.titled("1")).id;
        assertThat(this.repo.get(Post.class, id).orElseThrow().temp).isEqualTo("temp");
    }

    // ------------------------------------------------------------------ query syntax

    /**
     * Ecto: "query select expressions". The tuple and the list are one record here, the
     * struct {@code %Foo{}} a record filled by name; maps keyed by values are Elixir's
     * and have no Java form.
     */
    @Test
    void selectFillsRecordsWithTheSelectedValues() {
        this.repo.insert(visited("1", 13));

        assertThat(this.repo
            .all(Query.from(Post.class).select(TitleVisits.class, Selection.field("title"), Selection.field("visits"))))
            .containsExactly(new TitleVisits("1", 13));

        assertThat(this.repo.all(Query.from(Post.class).select(Foo.class))).containsExactly(new Foo("1"));
    }

    /** Ecto: "query select take with single nil column". */
    @Test
    void selectOfOneNullColumn() {
        Post post = Post.titled("1");
        post.counter = null;
        this.repo.insert(post);
        assertThat(this.repo.all(Query.from(Post.class).where("title", "1").select(CounterOnly.class)))
            .containsExactly(new CounterOnly(null));
    }

    /** Ecto: "query select take with join assocs and single nil column". */
    @Test
    void selectOfOneNullColumnOverAJoin() {
        Long postId = this.repo.insert(Post.titled("1")).id;
        Comment comment = Comment.text("comment");
        comment.postId = postId;
        this.repo.insert(comment);
        assertThat(this.repo.all(Query.from(Post.class).join("comments").where("title", "1").select(CounterOnly.class)))
            .containsExactly(new CounterOnly(null));
    }

    /** Ecto: "query select field source". */
    @Test
    void selectOfAFieldStoredInAColumnOfAnotherName() {
        this.repo.insert(Permalink.url("url"));
        assertThat(this.repo.all(Query.from(Permalink.class).select(Url.class, Selection.field("url"))))
            .containsExactly(new Url("url"));
        assertThat(
                this.repo.all(Query.from(Permalink.class).select(UrlCount.class, Selection.count("url").as("count"))))
            .containsExactly(new UrlCount(1L));
    }

    /** Ecto: "query count distinct". */
    @Test
    void countDistinctCountsEachValueOnce() {
        this.repo.insert(Post.titled("1"));
        this.repo.insert(Post.titled("1"));
        this.repo.insert(Post.titled("2"));

        assertThat(this.repo.all(Query.from(Post.class).select(UrlCount.class, Selection.count("title").as("count"))))
            .containsExactly(new UrlCount(3L));
        this.dataSource.reset();
        assertThat(this.repo
            .all(Query.from(Post.class).select(UrlCount.class, Selection.countDistinct("title").as("count"))))
            .containsExactly(new UrlCount(2L));
        assertThat(this.dataSource.statements())
            .containsExactly(sql("SELECT COUNT(DISTINCT \"title\") FROM \"ecto_posts\""));
    }

    /**
     * Ecto: "query where interpolation"; Ecto's keyword and interpolated {@code where}
     * are one Map here.
     */
    @Test
    void whereOfAMapMatchesEveryEntry() {
        Post post1 = this.repo.insert(Post.titled("hello"));
        Post post2 = this.repo.insert(Post.titled("goodbye"));

        assertSamePosts(byId(this.repo.all(Query.from(Post.class).where(Map.of()))), post1, post2);
        assertSamePosts(this.repo.all(Query.from(Post.class).where(Map.of("title", "hello"))), post1);
        assertSamePosts(this.repo.all(Query.from(Post.class).where(Map.of("title", "hello", "id", post1.id))), post1);

        Post post3 = this.repo.insert(Post.titled("goodbye"));
        assertSamePosts(this.repo.all(Query.from(Post.class).where(Map.of("title", "goodbye", "uuid", post3.uuid))),
                post3);
    }

    // ------------------------------------------------------------------ upsert via
    // insert

    /** Ecto: "upsert via insert on conflict raise". */
    @Test
    void insertOfAnExistingKeyRaises() {
        Post inserted = this.repo.insert(Post.titled("first"));
        Post second = Post.titled("second");
        second.id = inserted.id;
        assertThatThrownBy(() -> this.repo.insert(second)).isInstanceOf(DuplicateKeyException.class);
    }

    /**
     * Ecto: "upsert via insert on conflict ignore". Without a target, a conflict on any
     * unique key keeps the row (H2 merges on each of them). MariaDB answers the existing
     * row; H2 and PostgreSQL answer no id, and the struct is not marked stored (Ecto says
     * :loaded).
     */
    @Test
    void insertWithNothingKeepsTheExistingRow() {
        UUID uuid = UUID.randomUUID();
        Post inserted = this.repo.insert(unique("first", uuid), OnConflict.nothing());
        assertThat(inserted.id).isNotNull();
        assertThat(inserted.meta.state()).isEqualTo(StructMeta.State.LOADED);

        Post notInserted = this.repo.insert(unique("first", uuid), OnConflict.nothing());
        if (mariaDb()) {
            assertThat(notInserted.id).isEqualTo(inserted.id);
            assertThat(notInserted.meta.state()).isEqualTo(StructMeta.State.LOADED);
        }
        else {
            assertThat(notInserted.id).isNull();
            assertThat(notInserted.meta).isNull();
        }
    }

    /**
     * Ecto: "upsert via insert on conflict ignore and conflict target"; MariaDB answers
     * the existing row.
     */
    @Test
    void insertWithNothingOnATargetKeepsTheExistingRowAndRefusesTheGeneratedId() {
        UUID uuid = UUID.randomUUID();
        Post inserted = this.repo.insert(unique("first", uuid), OnConflict.nothing().target("uuid"));
        assertThat(inserted.id).isNotNull();

        // Error on non-conflict target
        assertThatThrownBy(() -> this.repo.insert(unique("first", uuid), OnConflict.nothing().target("id")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot insert Post with OnConflict.nothing().target(id): its target :id is not inserted (the "
                    + "database generates it or it is not writable): target the fields of a unique key the insert writes");

        // Error on conflict target
        Post notInserted = this.repo.insert(unique("first", uuid), OnConflict.nothing().target("uuid"));
        assertThat(notInserted.id).isEqualTo(mariaDb() ? inserted.id : null);
    }

    /**
     * Ecto: "upsert via insert on conflict ignore and returning"; MariaDB answers the
     * existing row.
     */
    @Test
    void insertWithNothingReadsNoIdBackForAKeptRow() {
        UUID uuid = UUID.randomUUID();
        Post inserted = this.repo.insert(unique("first", uuid), OnConflict.nothing().target("uuid"));
        assertThat(inserted.id).isNotNull();

        Post notInserted = this.repo.insert(unique("first", uuid), OnConflict.nothing().target("uuid"));
        assertThat(notInserted.id).isEqualTo(mariaDb() ? inserted.id : null);
    }

    /**
     * Ecto: "upsert via insert on conflict keyword list", tagged
     * {@code :without_conflict_target}: only MariaDB updates a row without naming the
     * key; H2 and PostgreSQL refuse it before any SQL.
     */
    @Test
    void insertWithSetWithoutATargetUpdatesTheConflictingRowOnMariaDb() {
        UUID uuid = UUID.randomUUID();
        OnConflict onConflict = OnConflict.update(UpdateAll.create().set("title", "second"));
        if (!mariaDb()) {
            assertThatThrownBy(() -> this.repo.insert(unique("first", uuid), onConflict))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("cannot insert Post with OnConflict.update(set title second): " + this.repo.dialect().name()
                        + " needs a conflict target to update the existing row: name the fields of the unique key "
                        + "with .target(fields...)");
            return;
        }
        Post inserted = this.repo.insert(unique("first", uuid), onConflict);
        assertThat(inserted.id).isNotNull();

        Post updated = this.repo.insert(unique("first", uuid), onConflict);
        assertThat(updated.id).isEqualTo(inserted.id);
        assertThat(updated.title).isEqualTo("first");
        assertThat(this.repo.getOrThrow(Post.class, inserted.id).title).isEqualTo("second");
    }

    /** Ecto: "upsert via insert on conflict keyword list and conflict target". */
    @Test
    void insertWithSetOnATargetUpdatesTheConflictingRow() {
        UUID uuid = UUID.randomUUID();
        UpdateAll changes = UpdateAll.create().set("title", "second");
        OnConflict onConflict = OnConflict.update(changes).target("uuid");
        Post inserted = this.repo.insert(unique("first", uuid), onConflict);
        assertThat(inserted.id).isNotNull();

        // Error on non-conflict target
        assertThatThrownBy(() -> this.repo.insert(unique("first", uuid), OnConflict.update(changes).target("id")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot insert Post with OnConflict.update(set title second).target(id): its target :id is not "
                    + "inserted (the database generates it or it is not writable): target the fields of a unique key "
                    + "the insert writes");

        Post updated = this.repo.insert(unique("first", uuid), onConflict);
        assertThat(updated.id).isEqualTo(inserted.id);
        assertThat(updated.title).isEqualTo("first");
        assertThat(this.repo.getOrThrow(Post.class, inserted.id).title).isEqualTo("second");
    }

    /**
     * Ecto: "upsert via insert on conflict with inc", which only runs the upsert: here
     * the row's visits are read too, and the values of {@code set} and {@code inc} are
     * cast and checked as {@code updateAll}'s.
     */
    @Test
    void insertAllWithIncAddsToTheConflictingRow() {
        UUID uuid = UUID.fromString("6fa459ea-ee8a-3ca4-894e-db77e160355e");
        Post post = unique("first", uuid);
        post.visits = 5;
        Long id = this.repo.insert(post).id;

        this.repo.insertAll(List.of(unique("upsert", uuid)),
                OnConflict.update(UpdateAll.create().inc("visits", 1)).target("uuid"));

        Post read = this.repo.getOrThrow(Post.class, id);
        assertThat(read.visits).isEqualTo(6);
        assertThat(read.title).isEqualTo("first");
        this.repo.insert(unique("again", uuid),
                OnConflict.update(UpdateAll.create().set("title", "set").inc("visits", 2L)).target("uuid"));
        read = this.repo.getOrThrow(Post.class, id);
        assertThat(read.visits).isEqualTo(8);
        assertThat(read.title).isEqualTo("set");
        assertThatThrownBy(() -> this.repo.insert(unique("again", uuid),
                OnConflict.update(UpdateAll.create().inc("title", 1)).target("uuid")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("insert with OnConflict.update(inc title 1).target(uuid) cannot inc :title of Post: "
                    + "it is of type :string, not a number");
        assertThatThrownBy(() -> this.repo.insert(unique("again", uuid),
                OnConflict.update(UpdateAll.create().set("visits", "many")).target("uuid")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("value \"many\" in insert with OnConflict.update(set visits many).target(uuid) cannot be "
                    + "cast to type :integer of :visits on Post");
        assertThat(this.repo.count(Post.class)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ upsert via
    // insert_all

    /** Ecto: "upsert via insert_all on conflict raise". */
    @Test
    void insertAllOfAnExistingKeyRaises() {
        Post post = unique("first", UUID.randomUUID());
        assertThat(this.repo.insertAll(List.of(post))).isEqualTo(1);
        assertThatThrownBy(() -> this.repo.insertAll(List.of(post)))
            .isInstanceOf(DataIntegrityViolationException.class);
    }

    /**
     * Ecto: "upsert via insert_all on conflict ignore", where PostgreSQL answers 0 and
     * MySQL 1: the starter counts only the rows inserted, on every database.
     */
    @Test
    void insertAllWithNothingKeepsTheExistingRow() {
        Post post = unique("first", UUID.randomUUID());
        assertThat(this.repo.insertAll(List.of(post), OnConflict.nothing())).isEqualTo(1);

        // PG returns 0, MySQL returns 1
        int entries = this.repo.insertAll(List.of(post), OnConflict.nothing());
        assertThat(entries).isZero();

        assertThat(this.repo.all(Post.class)).hasSize(1);
    }

    /** Ecto: "upsert via insert_all on conflict ignore and conflict target". */
    @Test
    void insertAllWithNothingOnATargetKeepsTheExistingRow() {
        Post post = unique("first", UUID.randomUUID());
        assertThat(this.repo.insertAll(List.of(post), OnConflict.nothing().target("uuid"))).isEqualTo(1);

        // Error on non-conflict target
        assertThatThrownBy(() -> this.repo.insertAll(List.of(post), OnConflict.nothing().target("id")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot insert Post with OnConflict.nothing().target(id): its target :id is not inserted (the "
                    + "database generates it or it is not writable): target the fields of a unique key the insert writes");

        // Error on conflict target
        assertThat(this.repo.insertAll(List.of(post), OnConflict.nothing().target("uuid"))).isZero();
    }

    /**
     * Posts of Ecto's replace tests: {@code %{id: id, title: title, visits: visits, uuid:
     * uuid}}.
     */
    private static Post change(Long id, String title, int visits, UUID uuid) {
        Post post = unique(title, uuid);
        post.id = id;
        post.visits = visits;
        return post;
    }

    /**
     * Ecto: "upsert via insert_all on conflict replace_all_except", tagged
     * {@code :without_conflict_target}: only MariaDB upserts without a target; H2 and
     * PostgreSQL refuse to replace fields without one.
     */
    @Test
    void replaceAllExceptTheIdWithoutATargetReplacesTheConflictingRows() {
        Post first = unique("first", UUID.randomUUID());
        first.isPublic = true;
        Post second = unique("second", UUID.randomUUID());
        second.isPublic = false;
        OnConflict onConflict = OnConflict.replaceAllExcept("id");
        if (!mariaDb()) {
            assertThatThrownBy(() -> this.repo.insert(first, onConflict))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("cannot insert Post with OnConflict.replaceAllExcept(id): " + this.repo.dialect().name()
                        + " needs a conflict target to replace fields: name the fields of the unique key with .target(fields...)");
            return;
        }

        Post postFirst = this.repo.insert(first, onConflict);
        Post postSecond = this.repo.insert(second, onConflict);

        assertThat(postFirst.id).isNotNull();
        assertThat(postSecond.id).isNotNull();
        assertThat(this.repo.count(Post.class)).isEqualTo(2);

        // Multiple record change value: note IDS are not replaced
        List<Post> changes = List.of(change(postFirst.id + 2, "first_updated", 1, postFirst.uuid),
                change(postSecond.id + 2, "second_updated", 2, postSecond.uuid));

        this.repo.insertAll(changes, onConflict);
        assertThat(this.repo.count(Post.class)).isEqualTo(2);

        Post updatedFirst = this.repo.get(Post.class, postFirst.id).orElseThrow();
        assertThat(updatedFirst.title).isEqualTo("first_updated");
        assertThat(updatedFirst.visits).isEqualTo(1);

        Post updatedSecond = this.repo.get(Post.class, postSecond.id).orElseThrow();
        assertThat(updatedSecond.title).isEqualTo("second_updated");
        assertThat(updatedSecond.visits).isEqualTo(2);
    }

    /**
     * Ecto: "upsert via insert_all on conflict replace_all_except and conflict_target".
     */
    @Test
    void replaceAllExceptTheIdOnATargetReplacesTheConflictingRows() {
        Post first = unique("first", UUID.randomUUID());
        first.isPublic = true;
        Post second = unique("second", UUID.randomUUID());
        second.isPublic = false;
        OnConflict onConflict = OnConflict.replaceAllExcept("id").target("uuid");

        Post postFirst = this.repo.insert(first, onConflict);
        Post postSecond = this.repo.insert(second, onConflict);

        assertThat(postFirst.id).isNotNull();
        assertThat(postSecond.id).isNotNull();
        assertThat(this.repo.count(Post.class)).isEqualTo(2);

        // Multiple record change value: note IDS are not replaced
        List<Post> changes = List.of(change(postFirst.id + 2, "first_updated", 1, postFirst.uuid),
                change(postSecond.id + 2, "second_updated", 2, postSecond.uuid));

        this.repo.insertAll(changes, onConflict);
        assertThat(this.repo.count(Post.class)).isEqualTo(2);

        Post updatedFirst = this.repo.get(Post.class, postFirst.id).orElseThrow();
        assertThat(updatedFirst.title).isEqualTo("first_updated");
        assertThat(updatedFirst.visits).isEqualTo(1);

        Post updatedSecond = this.repo.get(Post.class, postSecond.id).orElseThrow();
        assertThat(updatedSecond.title).isEqualTo("second_updated");
        assertThat(updatedSecond.visits).isEqualTo(2);
    }

    /**
     * Ecto: "upsert via insert_all on conflict keyword list and conflict target". MariaDB
     * counts a row updated on a conflict as two (its affected-rows count), as Ecto's
     * MyXQL adapter reports it.
     */
    @Test
    void insertAllWithSetOnATargetUpdatesTheConflictingRows() {
        UUID uuid = UUID.randomUUID();
        UpdateAll changes = UpdateAll.create().set("title", "second");
        OnConflict onConflict = OnConflict.update(changes).target("uuid");
        assertThat(this.repo.insertAll(List.of(unique("first", uuid)), onConflict)).isEqualTo(1);

        // Error on non-conflict target
        assertThatThrownBy(
                () -> this.repo.insertAll(List.of(unique("first", uuid)), OnConflict.update(changes).target("id")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot insert Post with OnConflict.update(set title second).target(id): its target :id is not "
                    + "inserted (the database generates it or it is not writable): target the fields of a unique key "
                    + "the insert writes");

        assertThat(this.repo.insertAll(List.of(unique("first", uuid)), onConflict)).isEqualTo(mariaDb() ? 2 : 1);
        assertThat(this.repo.all(Query.from(Post.class)).stream().map(post -> post.title)).containsExactly("second");
    }

    /**
     * Ecto: "upsert via insert on conflict query having condition": the existing row does
     * not match the update's condition, so nothing is written and the insert is stale.
     * MariaDB's {@code ON DUPLICATE KEY UPDATE} takes no condition: refused before SQL,
     * as Ecto's MyXQL adapter refuses it.
     */
    @Test
    void insertWithAConditionedUpdateIsStaleWhereTheConflictingRowDoesNotMatch() {
        UUID uuid = UUID.randomUUID();
        Post post = unique("first", uuid);
        post.counter = 1L;
        Post inserted = this.repo.insert(post);
        OnConflict onConflict = OnConflict.update(UpdateAll.create().set("title", "second"))
            .where(Expr.eq("counter", 2))
            .target("uuid");
        Post again = unique("first", uuid);
        again.counter = 1L;
        if (mariaDb()) {
            assertThatThrownBy(() -> this.repo.insert(again, onConflict))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage(
                        "cannot insert Post with OnConflict.update(set title second).where(Compare[field=counter, op=EQ, value=2])"
                                + ".target(uuid): MariaDB cannot condition the update of a conflicting row: check the row "
                                + "first, or update it with updateAll");
            return;
        }
        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.insert(again, onConflict)).isInstanceOf(StaleEntryException.class)
            .hasMessage("attempted to insert a stale struct: the Post it conflicts with does not match the conditions "
                    + "of OnConflict.update(set title second).where(Compare[field=counter, op=EQ, value=2]).target(uuid), so nothing was written");
        assertThat(this.repo.getOrThrow(Post.class, inserted.id).title).isEqualTo("first");
        String upsert = this.dataSource.statements().get(0);
        if (postgres()) {
            assertThat(upsert).isEqualTo("INSERT INTO \"ecto_posts\" AS t (\"title\", \"visits\", \"author_id\", "
                    + "\"counter\", \"uuid\", \"public\", \"posted\", \"inserted_at\", \"updated_at\") VALUES (?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?) ON CONFLICT (\"uuid\") DO UPDATE SET \"title\" = ? WHERE t.\"counter\" = ? RETURNING \"id\"");
        }
        else {
            assertThat(upsert).contains(" WHEN MATCHED AND t.\"COUNTER\" = ? THEN UPDATE SET \"TITLE\" = ? ");
        }

        OnConflict matching = OnConflict.update(UpdateAll.create().set("title", "second"))
            .where(Expr.eq("counter", 1))
            .target("uuid");
        Post updated = this.repo.insert(unique("first", uuid), matching);
        assertThat(updated.title).isEqualTo("first");
        assertThat(this.repo.getOrThrow(Post.class, inserted.id).title).isEqualTo("second");
    }

    /**
     * Ecto: "upsert via insert_all on conflict query and conflict target": the update's
     * condition reads the existing row.
     */
    @Test
    void insertAllWithAConditionedUpdateUpdatesTheMatchingConflictingRows() {
        UUID uuid = UUID.randomUUID();
        OnConflict onConflict = OnConflict.update(UpdateAll.create().set("title", "second"))
            .where(Expr.compare("id", Query.Op.GT, 0))
            .target("uuid");
        if (mariaDb()) {
            assertThatThrownBy(() -> this.repo.insertAll(List.of(unique("first", uuid)), onConflict))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("MariaDB cannot condition the update of a conflicting row");
            assertThat(this.repo.count(Post.class)).isZero();
            return;
        }
        assertThat(this.repo.insertAll(List.of(unique("first", uuid)), onConflict)).isEqualTo(1);

        // Error on non-conflict target
        assertThatThrownBy(() -> this.repo.insertAll(List.of(unique("first", uuid)),
                OnConflict.update(UpdateAll.create().set("title", "second"))
                    .where(Expr.compare("id", Query.Op.GT, 0))
                    .target("id")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageContaining("its target :id is not inserted");

        // Error on conflict target
        assertThat(this.repo.insertAll(List.of(unique("first", uuid)), onConflict)).isEqualTo(1);
        assertThat(this.repo.all(Query.from(Post.class)).stream().map(post -> post.title)).containsExactly("second");

        OnConflict never = OnConflict.update(UpdateAll.create().set("title", "third"))
            .where(Expr.compare("id", Query.Op.LT, 0))
            .target("uuid");
        assertThat(this.repo.insertAll(List.of(unique("first", uuid), unique("other", UUID.randomUUID())), never))
            .isEqualTo(1);
        assertThat(this.repo.all(Query.from(Post.class).orderBy("title")).stream().map(post -> post.title))
            .containsExactly("other", "second");
    }

    record ValuesRow(Post post, UUID uuid) {
    }

    private static Map<String, Object> uuidAndVisits(UUID uuid, Object visits) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("uuid", uuid);
        row.put("visits", visits);
        return row;
    }

    /**
     * Ecto: "values list all": the rows read as structs of the schema, the fields they do
     * not name null, and as new structs (they are no rows of the database).
     */
    @Test
    void valuesListReadsItsRowsAsNewStructs() {
        UUID uuid = UUID.randomUUID();
        Query<Post> query = Query.values(Post.class, List.of(uuidAndVisits(uuid, 1), uuidAndVisits(uuid, 2)));

        // Without select
        boolean h2 = database() == TestDatabase.H2;
        String visits = h2 ? "CAST(? AS BIGINT)" : "?";
        String uuidMarker = h2 ? "CAST(? AS UUID)" : "?";
        boolean pg = database().postgres();
        java.util.function.Function<String, String> nul = type -> pg ? "CAST(NULL AS " + type + ")" : "NULL";
        this.dataSource.reset();
        List<Post> posts = this.repo.all(query);
        assertThat(posts).extracting(post -> post.uuid, post -> post.visits, post -> post.title, post -> post.id)
            .containsExactly(tuple(uuid, 1, null, null), tuple(uuid, 2, null, null));
        assertThat(posts).allSatisfy(post -> assertThat(post.meta).isNull());
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT t0.\"id\", t0.\"title\", "
                + "t0.\"visits\", t0.\"author_id\", t0.\"counter\", t0.\"uuid\", t0.\"public\", t0.\"posted\", "
                + "t0.\"inserted_at\", t0.\"updated_at\" FROM (SELECT " + nul.apply("BIGINT") + " AS \"id\", "
                + nul.apply("VARCHAR(255)") + " AS \"title\", " + visits + " AS \"visits\", " + nul.apply("BIGINT")
                + " AS \"author_id\", " + nul.apply("BIGINT") + " AS \"counter\", " + uuidMarker + " AS \"uuid\", "
                + nul.apply("BOOLEAN") + " AS \"public\", " + nul.apply("DATE") + " AS \"posted\", "
                + nul.apply("TIMESTAMP(0)") + " AS \"inserted_at\", " + nul.apply("TIMESTAMP(0)")
                + " AS \"updated_at\" UNION ALL SELECT " + nul.apply("BIGINT") + ", " + nul.apply("VARCHAR(255)") + ", "
                + visits + ", " + nul.apply("BIGINT") + ", " + nul.apply("BIGINT") + ", " + uuidMarker + ", "
                + nul.apply("BOOLEAN") + ", " + nul.apply("DATE") + ", " + nul.apply("TIMESTAMP(0)") + ", "
                + nul.apply("TIMESTAMP(0)") + ") t0"));

        // With select
        assertThat(this.repo.all(query.select(ValuesRow.class, Selection.struct().as("post"), Selection.field("uuid"))))
            .extracting(row -> row.post().visits, ValuesRow::uuid)
            .containsExactly(tuple(1, uuid), tuple(2, uuid));
    }

    /**
     * Ecto: "values list all with schema types": the values are cast to the fields' types
     * before any SQL.
     */
    @Test
    void valuesListCastsItsValuesToTheFieldTypes() {
        UUID uuid = UUID.randomUUID();
        assertThat(this.repo.all(Query.values(Post.class, List.of(uuidAndVisits(uuid, "1"), uuidAndVisits(uuid, "2")))))
            .extracting(post -> post.uuid, post -> post.visits)
            .containsExactly(tuple(uuid, 1), tuple(uuid, 2));

        String longTitle = "t".repeat(300);
        assertThat(this.repo.all(Query.values(Post.class, List.of(Map.of("title", longTitle)))))
            .extracting(post -> post.title)
            .containsExactly(longTitle);

        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.all(Query.values(Post.class, List.of(uuidAndVisits(uuid, "many")))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("value \"many\" in Query.values cannot be cast to type :integer of :visits on Post");
        assertThatThrownBy(() -> this.repo.all(Query.values(Post.class, List.of(Map.of("visitors", 1)))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("unknown field :visitors on Post;");
        assertThatThrownBy(() -> Query.values(Post.class, List.of(Map.of("visits", 1), Map.of("title", "a"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("Query.values takes rows naming the same fields: [visits] and [title] differ");
        assertThat(this.dataSource.statements()).isEmpty();
    }

    /** Ecto: "values list all with join". */
    @Test
    void valuesListsJoinEachOther() {
        UUID uuid = UUID.randomUUID();
        Query<Post> query = Query.values(Post.class, List.of(uuidAndVisits(uuid, 1), uuidAndVisits(uuid, 2)))
            .join("v2", Query.values(Post.class, List.of(uuidAndVisits(uuid, 1))),
                    Expr.eq("visits", Expr.field("v2.visits")));
        assertThat(this.repo.all(query)).extracting(post -> post.uuid, post -> post.visits)
            .containsExactly(tuple(uuid, 1));
    }

    /**
     * Ecto: "values list delete_all": a query of the table joined to a values list
     * deletes the rows the join matches.
     */
    @Test
    void deleteAllJoinedToAValuesListDeletesTheMatchingRows() {
        UUID uuid = UUID.randomUUID();
        Post p1 = new Post();
        p1.uuid = UUID.randomUUID();
        p1.visits = 1;
        this.repo.insert(p1);
        Post p2 = new Post();
        p2.uuid = UUID.randomUUID();
        p2.visits = 5;
        p2 = this.repo.insert(p2);

        List<Map<String, Object>> values = List.of(uuidAndVisits(uuid, 1), uuidAndVisits(null, 1),
                uuidAndVisits(uuid, 3));
        Query<Post> query = Query.from(Post.class)
            .join("v", Query.values(Post.class, values), Expr.eq("visits", Expr.field("v.visits")));
        assertThat(this.repo.deleteAll(query)).isEqualTo(1);
        assertThat(this.repo.all(Query.from(Post.class))).extracting(post -> post.id).containsExactly(p2.id);

        assertThatThrownBy(() -> this.repo.deleteAll(Query.values(Post.class, values)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("deleteAll writes to a table, not to a values list or a fragment: join them to a query of Post "
                    + "with join(name, query, condition)");
    }

    /**
     * Ecto: "query select merge" ({@code select_merge} on the source, and on a left join,
     * whose missing row merges nulls); its merges on a struct literal and a map are
     * projections in Java, which name their values themselves.
     */
    @Test
    void selectMergeGivesTheStructsAComputedValue() {
        Post post = new Post();
        post.title = "1";
        post.isPublic = false;
        post = this.repo.insert(post);

        // Merge on source
        this.dataSource.reset();
        assertThat(this.repo.all(Query.from(Post.class).selectMerge("title", Value.of("2"))))
            .extracting(each -> each.title, each -> each.id)
            .containsExactly(tuple("2", post.id));
        String merged = database() == TestDatabase.H2 ? "CAST(? AS CHARACTER VARYING)" : "?";
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT \"id\", " + merged + " AS \"title\", "
                + "\"visits\", \"author_id\", \"counter\", \"uuid\", \"public\", \"posted\", \"inserted_at\", "
                + "\"updated_at\" FROM \"ecto_posts\""));

        // Merge on outer join: present, then not present (nulls)
        Comment comment = new Comment();
        comment.postId = post.id;
        comment.text = "Q";
        this.repo.insert(comment);
        assertThat(this.repo.all(Query.from(Comment.class)
            .leftJoin("p", Post.class, Expr.eq("p.id", Expr.field("postId")))
            .selectMerge("text", Value.field("p.title")))).extracting(each -> each.text).containsExactly("1");
        assertThat(this.repo.all(Query.from(Comment.class)
            .leftJoin("p", Post.class, Expr.and(Expr.eq("p.id", Expr.field("postId")), Expr.eq("p.isPublic", true)))
            .selectMerge("text", Value.field("p.title")))).extracting(each -> each.text).containsExactly((String) null);
    }

    /** Ecto: "query select merge with update on self". */
    @Test
    void selectMergeOfAFieldKeepsTheOthers() {
        Post post = new Post();
        post.title = "1";
        post.counter = 1L;
        this.repo.insert(post);

        assertThat(this.repo.all(Query.from(Post.class).selectMerge("counter", Value.of(2))))
            .extracting(each -> each.title, each -> each.counter)
            .containsExactly(tuple("1", 2L));
    }

    /**
     * Ecto: "query select merge within subquery": the outer query reads the merged value.
     */
    @Test
    void aSubquerySourceReadsTheMergedValues() {
        Post post = new Post();
        post.title = "1";
        post.counter = 1L;
        this.repo.insert(post);

        Query<Post> merged = Query.from(Post.class).selectMerge("counter", Value.of(2));
        assertThat(this.repo.all(Query.fromSubquery(merged))).extracting(each -> each.title, each -> each.counter)
            .containsExactly(tuple("1", 2L));
        assertThat(this.repo.all(Query.fromSubquery(merged).where("counter", 2))).hasSize(1);
    }

    /**
     * Ecto: "query select map update" ({@code %{p | title: "new title"}}): a bound value
     * is cast to the field's type before any SQL; an unknown field is refused.
     */
    @Test
    void selectMergeCastsABoundValueAndRefusesAnUnknownField() {
        Post post = new Post();
        post.title = "1";
        post.visits = 13;
        this.repo.insert(post);

        assertThat(this.repo.all(Query.from(Post.class).selectMerge("title", Value.of("new title"))))
            .extracting(each -> each.title, each -> each.visits)
            .containsExactly(tuple("new title", 13));
        assertThat(this.repo.all(Query.from(Post.class).selectMerge("visits", Value.of("-1"))))
            .extracting(each -> each.title, each -> each.visits)
            .containsExactly(tuple("1", -1));

        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).selectMerge("unknown", Value.of("new title"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("unknown field :unknown on Post;");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).selectMerge("visits", Value.of("many"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("value \"many\" in selectMerge cannot be cast to type :integer of :visits on Post");
        assertThat(this.dataSource.statements()).isEmpty();
    }

    /**
     * A merge changes the structs a query answers: where a statement reads the table's
     * columns or names its values itself, it is refused before any SQL.
     */
    @Test
    void selectMergeIsRefusedWhereNoStructIsAnswered() {
        Query<Post> merged = Query.from(Post.class).selectMerge("title", Value.of("2"));
        assertThat(merged.toString()).contains("merging [title] into Post").doesNotContain("Bound");
        assertThat(Query.values(Post.class, List.of(Map.of("title", "secret"))).toString())
            .contains("values (1 rows of [title]) as Post")
            .doesNotContain("secret");
        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo
            .all(merged.select(ValuesRow.class, Selection.struct().as("post"), Selection.field("uuid"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("select names its values itself: select a computed value with "
                    + "Selection.of(value).as(component) rather than selectMerge, and its fields rather than take;");
        assertThatThrownBy(() -> this.repo.all(merged.union(Query.from(Post.class))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("selectMerge changes the structs a query answers; a common table expression or a "
                    + "set operation reads the table's columns: merge in the outer query;");
        assertThatThrownBy(() -> this.repo.updateAll(merged, UpdateAll.create().set("visits", 1)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("updateAll does not take orderBy, preload, lock, distinct, selectMerge or take");
        assertThatThrownBy(() -> this.repo.deleteAll(merged)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("deleteAll does not take orderBy, preload, lock, selectMerge or take");
        assertThat(this.dataSource.statements()).isEmpty();
    }

    /**
     * Ecto: "placeholders Repo.insert_all fills in placeholders": rows of maps share the
     * values of the options' placeholders, each cast once to its fields' type.
     */
    @Test
    void insertAllOfMapsFillsInPlaceholders() {
        InsertAll options = InsertAll.create().placeholders(Map.of("foo", 100, "bar", "test"));
        List<Map<String, Object>> entries = List.of(
                Map.of("title", InsertAll.placeholder("bar"), "posted", java.time.LocalDate.of(2020, 12, 21), "visits",
                        InsertAll.placeholder("foo"), "uuid", UUID.randomUUID()),
                Map.of("title", InsertAll.placeholder("bar"), "posted", java.time.LocalDate.of(2000, 12, 21), "visits",
                        InsertAll.placeholder("foo"), "uuid", UUID.randomUUID()));

        assertThat(this.repo.insertAll(Post.class, entries, options)).isEqualTo(2);

        assertThat(this.repo.all(Query.from(Post.class).orderBy("posted")))
            .extracting(post -> post.title, post -> post.visits, post -> post.posted, post -> post.insertedAt)
            .containsExactly(tuple("test", 100, java.time.LocalDate.of(2000, 12, 21), null),
                    tuple("test", 100, java.time.LocalDate.of(2020, 12, 21), null));
    }

    /** Ecto: "placeholders Repo.insert_all accepts non-atom placeholder keys". */
    @Test
    void insertAllPlaceholderKeysAreAnyValue() {
        InsertAll options = InsertAll.create()
            .placeholders(Map.of(10, "integer key", List.of("foo", "bar"), "tuple key"));
        this.repo.insertAll(Comment.class, List.of(Map.of("text", InsertAll.placeholder(10)),
                Map.of("text", InsertAll.placeholder(List.of("foo", "bar")))), options);

        assertThat(this.repo.all(Query.from(Comment.class).orderBy("text"))).extracting(comment -> comment.text)
            .containsExactly("integer key", "tuple key");
    }

    /**
     * Ecto: "placeholders Repo.insert_all fills in placeholders with keyword list
     * entries"; a placeholder is cast to its field's type, and one the options do not
     * give is refused before any SQL.
     */
    @Test
    void insertAllCastsPlaceholdersAndRefusesAnUnknownOne() {
        this.repo.insertAll(Barebone.class, List.of(Map.of("num", InsertAll.placeholder("foo"))),
                InsertAll.create().placeholders(Map.of("foo", "100")));
        assertThat(this.repo.all(Query.from(Barebone.class))).extracting(barebone -> barebone.num).containsExactly(100);

        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.insertAll(Barebone.class,
                List.of(Map.of("num", InsertAll.placeholder("bar"))), InsertAll.create()))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("insertAll fills :num from placeholder bar, which its options do not give: "
                    + "InsertAll.create().placeholders(Map.of(bar, value))");
        assertThatThrownBy(() -> this.repo.insertAll(Post.class,
                List.of(Map.of("title", InsertAll.placeholder("x"), "visits", InsertAll.placeholder("x"))),
                InsertAll.create().placeholders(Map.of("x", "1"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageContaining("a placeholder fills fields of one type");
        assertThatThrownBy(
                () -> this.repo.insertAll(Barebone.class, List.of(Map.of("num", 1), Map.of()), InsertAll.create()))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("insertAll takes rows naming the same fields: [num] and [] differ");
        assertThat(this.dataSource.statements()).isEmpty();
    }

    /**
     * Ecto: "placeholders Repo.insert_all upserts and fills in placeholders with
     * conditioned on_conflict query", with {@code posted} given rather than selected by a
     * subquery (a query as an inserted value is not built). MariaDB refuses the
     * conditioned update.
     */
    @Test
    void insertAllOfMapsUpsertsWithPlaceholdersAndAConditionedUpdate() {
        String doNotUpdateTitle = "don't touch me";
        OnConflict onConflict = OnConflict.update(UpdateAll.create().set("title", "updated"))
            .where(Expr.compare("title", Query.Op.NOT_EQ, doNotUpdateTitle))
            .target("uuid");
        InsertAll options = InsertAll.create()
            .placeholders(Map.of("visits", 1, "title", "title"))
            .onConflict(onConflict);
        Map<String, Object> post1 = Map.of("visits", InsertAll.placeholder("visits"), "title",
                InsertAll.placeholder("title"), "uuid", UUID.randomUUID(), "posted",
                java.time.LocalDate.of(2020, 1, 1));
        Map<String, Object> post2 = Map.of("visits", 2, "title", doNotUpdateTitle, "uuid", UUID.randomUUID(), "posted",
                java.time.LocalDate.of(2020, 1, 1));
        if (mariaDb()) {
            assertThatThrownBy(() -> this.repo.insertAll(Post.class, List.of(post1, post2), options))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("MariaDB cannot condition the update of a conflicting row");
            return;
        }

        assertThat(this.repo.insertAll(Post.class, List.of(post1, post2), options)).isEqualTo(2);
        // only update first post
        assertThat(this.repo.insertAll(Post.class, List.of(post1, post2), options)).isEqualTo(1);
        assertThat(this.repo.count(Query.from(Post.class).where("title", "updated"))).isEqualTo(1);
    }

    /**
     * Ecto: "query select take with structs": only the taken fields are read; the others
     * keep a new struct's values.
     */
    @Test
    void takeReadsOnlyTheTakenFields() {
        Long pid1 = this.repo.insert(Post.titled("1")).id;
        Long pid2 = this.repo.insert(Post.titled("2")).id;
        Long pid3 = this.repo.insert(Post.titled("3")).id;

        this.dataSource.reset();
        List<Post> posts = this.repo.all(Query.from(Post.class).take("title").orderBy("title"));
        assertThat(posts).extracting(post -> post.id, post -> post.title, post -> post.insertedAt)
            .containsExactly(tuple(null, "1", null), tuple(null, "2", null), tuple(null, "3", null));
        assertThat(posts.get(0).temp).isEqualTo("temp");
        assertThat(this.dataSource.statements())
            .containsExactly(sql("SELECT \"title\" FROM \"ecto_posts\" ORDER BY \"title\""));

        assertThat(this.repo.all(Query.from(Post.class).take("id").orderBy("id"))).extracting(post -> post.id)
            .containsExactly(pid1, pid2, pid3);
        List<String> streamed = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource))
            .execute(status -> this.repo.stream(Query.from(Post.class).take("title").orderBy("title"))
                .map(post -> post.title + "/" + post.id)
                .toList());
        assertThat(streamed).containsExactly("1/null", "2/null", "3/null");
    }

    record TitlePair(String title, String otherTitle) {
    }

    record TitleAndPost(String title, Post other) {
    }

    /**
     * Ecto: "query select take with join nil maps": {@code map} is a projection in Java.
     */
    @Test
    void takeOfJoinedNullsIsAProjection() {
        this.repo.insert(new Post());
        assertThat(this.repo.all(Query.from(Post.class)
            .leftJoin("other", Post.class, Expr.eq("other.id", Expr.field("id")))
            .select(TitlePair.class, Selection.field("title"), Selection.field("other.title").as("otherTitle"))))
            .containsExactly(new TitlePair(null, null));
    }

    /** Ecto: "query select take with join nil source": the joined struct is null. */
    @Test
    void aMissingJoinedStructIsNullBesideTakenValues() {
        this.repo.insert(new Post());
        assertThat(this.repo.all(Query.from(Post.class)
            .leftJoin("other", Post.class, Expr.eq("other.id", -1))
            .select(TitleAndPost.class, Selection.field("title"), Selection.struct("other").as("other"))))
            .containsExactly(new TitleAndPost(null, null));
    }

    /**
     * Ecto: "query select take with preload assocs", its root take (a take of the
     * preloaded comments, {@code comments: [:text]}, is not built: they are read whole).
     */
    @Test
    void aPartialStructIsPreloadedByTheKeyItTakes() {
        Long pid = this.repo.insert(Post.titled("post")).id;
        Comment comment = new Comment();
        comment.postId = pid;
        comment.text = "comment";
        this.repo.insert(comment);

        List<Post> posts = this.repo.all(Query.from(Post.class).take("id", "title").preload("comments"));
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.title).isEqualTo("post");
            assertThat(post.comments).extracting(each -> each.text).containsExactly("comment");
        });

        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).take("title").preload("comments")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("take leaves out :id, which preloading :comments reads: take(title, id)");
        List<Post> titles = this.repo.all(Query.from(Post.class).take("title"));
        assertThatThrownBy(() -> this.repo.preload(titles, "comments"))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("take leaves out :id, which preloading :comments reads: take(title, id)");
    }

    /**
     * Ecto: "query select take with nil preload assoc": a belongs_to is preloaded by the
     * foreign key the take reads (Ecto, not reading it, answers nil for any comment).
     */
    @Test
    void aPartialStructWithoutItsParentPreloadsNull() {
        Comment comment = new Comment();
        comment.text = "comment";
        Long cid = this.repo.insert(comment).id;

        List<Comment> comments = this.repo.all(Query.from(Comment.class).take("id", "text", "postId").preload("post"));
        assertThat(comments).singleElement().satisfies(each -> {
            assertThat(each.id).isEqualTo(cid);
            assertThat(each.text).isEqualTo("comment");
            assertThat(each.post).isNull();
        });
    }

    /** Ecto: "query select take with single nil column". */
    @Test
    void takeOfASingleNullColumn() {
        Post post = Post.titled("1");
        post.counter = null;
        this.repo.insert(post);
        assertThat(this.repo.one(Query.from(Post.class).where("title", "1").take("counter")))
            .hasValueSatisfying(each -> assertThat(each.counter).isNull());
    }

    /**
     * A partial struct is loaded, but its other fields hold no stored values: a whole
     * struct update, which writes every field, is refused; a changeset writes only its
     * changes.
     */
    @Test
    void aPartialStructIsUpdatedThroughAChangesetOnly() {
        Post post = Post.titled("1");
        post.visits = 7;
        Long id = this.repo.insert(post).id;
        Post partial = this.repo.one(Query.from(Post.class).take("id", "title")).orElseThrow();

        partial.title = "2";
        assertThatThrownBy(() -> this.repo.update(partial)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot update Post as a whole struct: it was read with take(id, title), so its other fields "
                    + "hold no stored values and would overwrite them; update it with a changeset of the fields to "
                    + "change");
        this.repo.update(Changeset.change(partial, Map.of("title", "3")));
        Post stored = this.repo.getOrThrow(Post.class, id);
        assertThat(stored.title).isEqualTo("3");
        assertThat(stored.visits).isEqualTo(7);

        assertThatThrownBy(() -> this.repo.all(Query.fromSubquery(Query.from(Post.class).take("id"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("take reads part of each struct; a subquery source reads every column: take in "
                    + "the outer query;");
    }

    /**
     * Ecto's map select ({@code select: %{title: p.title, ...}}): each row a map of the
     * selections' names to their values, in the order selected.
     */
    @Test
    void selectMapAnswersEachRowAsAMapOfTheSelectedNames() {
        Post post = Post.titled("1");
        post.visits = 3;
        Long id = this.repo.insert(post).id;

        List<Map<String, Object>> rows = this.repo.all(Query.from(Post.class)
            .selectMap(Selection.field("title"), Selection.of(Value.add(Value.field("visits"), Value.of(1))).as("next"),
                    Selection.struct().as("post")));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.keySet()).containsExactly("title", "next", "post");
            assertThat(row.get("title")).isEqualTo("1");
            assertThat(((Number) row.get("next")).intValue()).isEqualTo(4);
            assertThat(((Post) row.get("post")).id).isEqualTo(id);
        });
        assertThat(this.repo.all(
                Query.from(Post.class).selectMap(Selection.field("title"), Selection.count().as("n")).groupBy("title")))
            .containsExactly(Map.of("title", "1", "n", 1L));

        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).selectMap()))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith(
                    "select into a Map names its values: select(Map.class, Selection.field(\"title\"), ...);");
    }

    /**
     * Ecto: "upsert via insert on conflict keyword list and conflict target and
     * returning": the answered struct reads the named fields back from the row as stored
     * (the conflicting row keeps its uuid); without them it keeps its own.
     */
    @Test
    void anUpsertReadsTheFieldsItIsAskedForBackFromTheStoredRow() {
        Post c1 = this.repo.insert(new Post());
        OnConflict onConflict = OnConflict.update(UpdateAll.create().set("id", c1.id)).target("id");

        Post c2 = this.repo.insert(withId(c1.id), onConflict.returning("id", "uuid"));
        Post c3 = this.repo.insert(withId(c1.id), onConflict.returningAll());
        Post c4 = this.repo.insert(withId(c1.id), onConflict);

        assertThat(c2.uuid).isEqualTo(c1.uuid);
        assertThat(c3.uuid).isEqualTo(c1.uuid);
        assertThat(c3.insertedAt).isEqualTo(this.repo.getOrThrow(Post.class, c1.id).insertedAt);
        assertThat(c4.uuid).isNotEqualTo(c1.uuid);

        assertThatThrownBy(() -> this.repo.insertAll(List.of(withId(c1.id)), onConflict.returning("uuid")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("insertAll answers a count and reads no row back with OnConflict.update(set id " + c1.id
                    + ").target(id).returning(uuid): upsert each struct with repo.insert(struct, onConflict)");
    }

    private static Post withId(Long id) {
        Post post = new Post();
        post.id = id;
        return post;
    }

    /**
     * Ecto: "upsert via insert on conflict keyword list and conflict target and returning
     * and field source": a field stored under another column name is read back as the
     * update wrote it.
     */
    @Test
    void anUpsertReadsBackAFieldWithItsOwnColumnName() {
        this.repo.insert(Permalink.url("old"));
        Permalink c1 = this.repo.insert(Permalink.url("old"),
                OnConflict.update(UpdateAll.create().set("url", "new1")).target("url").returning("url"));

        this.repo.insert(Permalink.url("old"));
        Permalink c2 = this.repo.insert(Permalink.url("old"),
                OnConflict.update(UpdateAll.create().set("url", "new2")).target("url").returningAll());

        assertThat(c1.url).isEqualTo("new1");
        assertThat(c2.url).isEqualTo("new2");
    }

    /**
     * Structs that do not hold their stored rows' values (from a values list, with
     * selectMerge) are refused by whole-struct writes, which would overwrite the stored
     * values with theirs.
     */
    @Test
    void structsOfValuesListsAndMergesAreRefusedByWholeStructWrites() {
        Post post = Post.titled("stored");
        post.visits = 7;
        Long id = this.repo.insert(post).id;

        Post fromValues = this.repo.all(Query.values(Post.class, List.of(Map.of("id", id, "title", "x")))).get(0);
        assertThatThrownBy(() -> this.repo.update(fromValues)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot update Post as a whole struct: it was read from a values list, not from a stored row; "
                    + "update it with a changeset of the fields to change");
        Post merged = this.repo.all(Query.from(Post.class).selectMerge("title", Value.of("preview"))).get(0);
        assertThatThrownBy(() -> this.repo.update(merged)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot update Post as a whole struct: it was read with selectMerge of [title], whose values "
                    + "are not the stored ones; update it with a changeset of the fields to change");
        Post throughSubquery = this.repo
            .all(Query.fromSubquery(Query.from(Post.class).selectMerge("title", Value.of("preview"))))
            .get(0);
        assertThatThrownBy(() -> this.repo.update(throughSubquery))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("cannot update Post as a whole struct: it was read with selectMerge");
        Post partial = this.repo.all(Query.from(Post.class).take("id", "title")).get(0);
        assertThatThrownBy(() -> this.repo.insert(partial, OnConflict.replaceAll().target("id")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith(
                    "cannot insert Post with OnConflict.replaceAll().target(id): it was read with take");

        Post stored = this.repo.getOrThrow(Post.class, id);
        assertThat(stored.title).isEqualTo("stored");
        assertThat(stored.visits).isEqualTo(7);
    }

    /**
     * Where a query's merge or take would be ignored (a joined query, a subquery in a
     * condition, insertAll from a query), it is refused.
     */
    @Test
    void mergesAndTakesAreRefusedWhereTheyWouldBeIgnored() {
        Query<Post> merged = Query.from(Post.class).selectMerge("title", Value.of("x"));
        assertThatThrownBy(() -> Query.from(Comment.class).join("p", merged, Expr.eq("p.id", Expr.field("postId"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageContaining("not joins, order, paging, preloads, lock, distinct, set operations, common table "
                    + "expressions, selectMerge or take");
        assertThatThrownBy(() -> this.repo
            .all(Query.from(Comment.class).where(Expr.in("postId", Query.from(Post.class).take("id"), "id"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("a subquery takes conditions, joins, distinct and prefix only, not orderBy, "
                    + "limit, offset, preload, lock, union, selectMerge or take");
        assertThatThrownBy(() -> this.repo.insertAll(Comment.class, merged, Selection.field("title").as("text")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("select names its values itself");
    }

    /**
     * Ecto: "fragment source mapped to schema": the rows of the programmer's SQL read as
     * new structs of the schema.
     */
    @Test
    void aFragmentSourceIsReadAsStructsOfTheSchema() {
        this.dataSource.reset();
        List<Barebone> rows = this.repo.all(Query.fromFragment(Barebone.class, "select 1 as num"));
        assertThat(rows).extracting(row -> row.num).containsExactly(1);
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT t0.\"num\" FROM (select 1 as num) t0"));
        assertThat(this.repo
            .all(Query.fromFragment(Barebone.class, "select CAST(? AS INTEGER) as num", 7).where("num", 7)))
            .extracting(row -> row.num)
            .containsExactly(7);

        assertThatThrownBy(() -> this.repo.deleteAll(Query.fromFragment(Barebone.class, "select 1 as num")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("deleteAll writes to a table, not to a values list or a fragment: join them to a query of "
                    + "Barebone with join(name, query, condition)");
        assertThatThrownBy(() -> Query.fromFragment(Barebone.class, "select ? as num", Expr.field("num")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("a fragment source reads no fields: bind values only, got Field[name=num] in "
                    + "\"select ? as num\"");
    }

    /**
     * Ecto: "fragment source mapped to schema with take": a take reads only the columns
     * the fragment answers; {@code map(f, [:visits])} is a map select.
     */
    @Test
    void aFragmentSourceReadsTheTakenFields() {
        assertThat(this.repo.all(Query.fromFragment(Post.class, "select 1 as visits").take("visits")))
            .extracting(post -> post.visits)
            .containsExactly(1);
        assertThat(this.repo
            .all(Query.fromFragment(Post.class, "select 1 as visits").selectMap(Selection.field("visits"))))
            .singleElement()
            .satisfies(row -> assertThat(((Number) row.get("visits")).intValue()).isEqualTo(1));
    }

    /** {@code where} conditions an update and nothing else. */
    @Test
    void onConflictWhereIsRefusedWithoutAnUpdate() {
        assertThatThrownBy(() -> OnConflict.replaceAll().where(Expr.eq("counter", 1)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("OnConflict.where conditions an update: use OnConflict.update(changes).where(...), not "
                    + "OnConflict.replaceAll()");
    }

    /** Ecto: "upsert via insert_all on conflict replace and conflict_target". */
    @Test
    void replaceOnATargetReplacesOnlyTheNamedFields() {
        Post first = unique("first", UUID.randomUUID());
        first.visits = 10;
        first.isPublic = true;
        Post second = unique("second", UUID.randomUUID());
        second.visits = 20;
        second.isPublic = false;
        OnConflict onConflict = OnConflict.replace("title", "visits").target("uuid");

        Post postFirst = this.repo.insert(first, onConflict);
        Post postSecond = this.repo.insert(second, onConflict);

        assertThat(postFirst.id).isNotNull();
        assertThat(postSecond.id).isNotNull();
        assertThat(this.repo.count(Post.class)).isEqualTo(2);

        // Multiple record change value: note `public` field is not changed
        Post changeFirst = change(postFirst.id, "first_updated", 11, postFirst.uuid);
        changeFirst.isPublic = false;
        Post changeSecond = change(postSecond.id, "second_updated", 21, postSecond.uuid);
        changeSecond.isPublic = true;

        this.repo.insertAll(List.of(changeFirst, changeSecond), onConflict);
        assertThat(this.repo.count(Post.class)).isEqualTo(2);

        Post updatedFirst = this.repo.get(Post.class, postFirst.id).orElseThrow();
        assertThat(updatedFirst.title).isEqualTo("first_updated");
        assertThat(updatedFirst.visits).isEqualTo(11);
        assertThat(updatedFirst.isPublic).isTrue();

        Post updatedSecond = this.repo.get(Post.class, postSecond.id).orElseThrow();
        assertThat(updatedSecond.title).isEqualTo("second_updated");
        assertThat(updatedSecond.visits).isEqualTo(21);
        assertThat(updatedSecond.isPublic).isFalse();
    }

    // ------------------------------------------------------------------ transactions

    /**
     * Ecto: "transact/2 with function return ok": the function is a {@code Multi.run}
     * step answering its value.
     */
    @Test
    void aTransactionAnsweringAValueCommits() {
        MultiResult result = this.repo.transaction(Multi.create()
            .run("posts", (repo, changes) -> List.of(repo.insert(Post.titled("1")), repo.insert(Post.titled("2")))));

        assertThat(result.ok()).isTrue();
        @SuppressWarnings("unchecked")
        List<Post> posts = result.get("posts", List.class);
        assertSamePosts(byId(this.repo.all(Post.class)), posts.get(0), posts.get(1));
    }

    /**
     * Ecto: "transact/2 with function return error": {@code {:error, :oops}} is
     * {@code Multi.failure("oops")}.
     */
    @Test
    void aTransactionAnsweringAFailureRollsBack() {
        MultiResult result = this.repo.transaction(Multi.create().run("posts", (repo, changes) -> {
            repo.insert(Post.titled("1"));
            repo.insert(Post.titled("2"));
            return Multi.failure("oops");
        }));

        assertThat(result.ok()).isFalse();
        assertThat(result.failedStep()).isEqualTo("posts");
        assertThat(result.failedValue()).isEqualTo("oops");
        assertThat(this.repo.all(Post.class)).isEmpty();
    }

    /**
     * Ecto: "transact/2 with function rollback": {@code TestRepo.rollback(:oops)} is
     * {@code repo.rollback("oops")}, which leaves the step at once; in a Spring
     * transaction it rolls back and reaches the caller as a {@link RollbackException}.
     */
    @Test
    void rollbackLeavesTheTransactionAtOnceWithItsValue() {
        MultiResult result = this.repo.transaction(Multi.create().run("posts", (repo, changes) -> {
            repo.insert(Post.titled("1"));
            repo.insert(Post.titled("2"));
            repo.rollback("oops");
            throw new IllegalStateException("unreachable");
        }));

        assertThat(result.ok()).isFalse();
        assertThat(result.failedStep()).isEqualTo("posts");
        assertThat(result.failedValue()).isEqualTo("oops");
        assertThat(this.repo.all(Post.class)).isEmpty();

        assertThatThrownBy(() -> transactions().execute(status -> {
            this.repo.insert(Post.titled("1"));
            this.repo.rollback("oops");
            return "unreachable";
        })).isInstanceOfSatisfying(RollbackException.class, ex -> assertThat(ex.value()).isEqualTo("oops"));
        assertThat(this.repo.all(Post.class)).isEmpty();

        assertThatThrownBy(() -> this.repo.rollback("oops")).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("rollback needs a transaction: call it inside a Multi.run step of repo.transaction(multi), "
                    + "or in a @Transactional method");
    }

    /** Ecto: "transact/2 with function raise error". */
    @Test
    void anExceptionInATransactionRollsBackAndReachesTheCaller() {
        assertThatThrownBy(() -> this.repo.transaction(Multi.create().run("posts", (repo, changes) -> {
            repo.insert(Post.titled("1"));
            repo.insert(Post.titled("2"));
            throw new RuntimeException("oops");
        }))).isExactlyInstanceOf(RuntimeException.class).hasMessage("oops");

        assertThat(this.repo.all(Post.class)).isEmpty();
    }

    /** Ecto: "transact/2 with multi ok". */
    @Test
    void aMultiAnswersTheResultOfEachStep() {
        Multi multi = Multi.create().insert("post1", Post.titled("1")).insert("post2", Post.titled("2"));

        MultiResult result = this.repo.transaction(multi);
        assertThat(result.ok()).isTrue();
        Post post1 = result.get("post1", Post.class);
        Post post2 = result.get("post2", Post.class);

        assertSamePosts(byId(this.repo.all(Post.class)), post1, post2);
    }

    /** Ecto: "transact/2 with multi error". */
    @Test
    void aMultiAnswersTheInvalidChangesetOfTheStepThatFailed() {
        Changeset<Post> changeset = Changeset.change(new Post()).addError("title", "invalid", Map.of());

        Multi multi = Multi.create().insert("post1", Post.titled("1")).insert("post2", changes -> changeset);

        MultiResult result = this.repo.transaction(multi);
        assertThat(result.ok()).isFalse();
        assertThat(result.failedStep()).isEqualTo("post2");
        assertThat(result.failedValue()).isSameAs(changeset);
        assertThat(result.changes().keySet()).containsExactly("post1");
        assertThat(result.get("post1", Post.class).title).isEqualTo("1");

        assertThat(changeset.valid()).isFalse();
    }

    /**
     * Ecto: "transaction/2 (soft-deprecated) ok": a Spring transaction the repository
     * joins.
     */
    @Test
    void aSpringTransactionAnswersWhatItsCallbackAnswers() {
        List<Post> posts = transactions()
            .execute(status -> List.of(this.repo.insert(Post.titled("1")), this.repo.insert(Post.titled("2"))));

        assertThat(posts).hasSize(2);
        assertSamePosts(byId(this.repo.all(Post.class)), posts.get(0), posts.get(1));
    }

}
