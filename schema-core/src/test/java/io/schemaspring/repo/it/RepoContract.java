package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.FieldError;
import io.schemaspring.changeset.ReplaceRefusedException;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.changeset.UndeclaredConstraintException;
import io.schemaspring.changeset.UnstorableValueException;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.metadata.StructMeta;
import io.schemaspring.metadata.SchemaSettings;
import io.schemaspring.metadata.AssociationNotLoadedException;
import io.schemaspring.query.Aggregate;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.query.Expr;
import io.schemaspring.query.Lock;
import io.schemaspring.repo.Multi;
import io.schemaspring.repo.MultiResult;
import io.schemaspring.repo.InvalidSortException;
import io.schemaspring.repo.MultipleResultsException;
import io.schemaspring.repo.NoResultsException;
import io.schemaspring.repo.PrefixMismatchException;
import io.schemaspring.query.ProjectionQuery;
import io.schemaspring.query.Query;
import io.schemaspring.query.Selection;
import io.schemaspring.query.Query.Direction;
import io.schemaspring.query.Query.Op;
import io.schemaspring.repo.Repo;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.data.support.SimpleSchemaRepository;
import io.schemaspring.repo.StaleEntryException;
import io.schemaspring.repo.dialect.DialectResolver;
import io.schemaspring.repo.it.fixtures.Address;
import io.schemaspring.repo.it.fixtures.ArchivedTag;
import io.schemaspring.repo.it.fixtures.Author;
import io.schemaspring.repo.it.fixtures.Comment;
import io.schemaspring.repo.it.fixtures.Counter;
import io.schemaspring.repo.it.fixtures.Link;
import io.schemaspring.repo.it.fixtures.Note;
import io.schemaspring.repo.it.fixtures.Post;
import io.schemaspring.repo.it.fixtures.PostLabel;
import io.schemaspring.repo.it.fixtures.Tag;
import io.schemaspring.repo.it.fixtures.Token;
import io.schemaspring.repo.it.fixtures.VersionedNote;
import io.schemaspring.repo.it.fixtures.Vote;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's behaviour, run unchanged on every database of {@link TestDatabase}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepoContract implements BulkWriteContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07.123456789Z"), ZoneOffset.UTC);
    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 4, 5, 6, 7);
    static final List<String> TABLES = List.of("tickets", "keywords", "post_labels", "posts_tags", "comments", "notes",
            "votes", "counters", "tokens", "posts", "tags", "authors");

    SingleConnectionDataSource connection;

    CountingDataSource dataSource;

    SchemaRegistry registry;

    Repo repo;

    JdbcTemplate jdbc;

    abstract TestDatabase database();

    @Override
    public RepoContract contract() {
        return this;
    }

    /**
     * The registry settings the contract runs with; subclasses switch bytecode generation
     * off.
     */
    SchemaSettings settings() {
        return SchemaSettings.defaults();
    }

    @BeforeAll
    void connect() throws Exception {
        database().requireReachable();
        this.connection = new SingleConnectionDataSource(database().url(), true);
        try (Connection raw = this.connection.getConnection()) {
            ScriptUtils.executeSqlScript(raw, new ClassPathResource(database().script()));
        }
        this.dataSource = new CountingDataSource(this.connection);
        this.registry = registry(settings());
        this.repo = repo(this.registry);
        this.jdbc = new JdbcTemplate(this.dataSource);
    }

    /** The contract's schemas under these settings. */
    static SchemaRegistry registry(SchemaSettings settings) {
        return SchemaRegistry.builder()
            .settings(settings)
            .add(Author.class, Post.class, Comment.class, Tag.class, Note.class, Vote.class, Counter.class, Token.class,
                    ArchivedTag.class, VersionedNote.class, PostLabel.class,
                    io.schemaspring.repo.it.fixtures.Keyword.class, io.schemaspring.repo.it.fixtures.Ticket.class,
                    io.schemaspring.repo.it.fixtures.PlainCounter.class,
                    io.schemaspring.repo.it.fixtures.LooseLabel.class,
                    io.schemaspring.repo.it.fixtures.LockedPost.class)
            .build();
    }

    /**
     * A repository over the contract's database with this registry and the fixed clock.
     */
    Repo repo(SchemaRegistry registry) {
        return new Repo(registry, new JdbcTemplate(this.dataSource), DialectResolver.resolve(this.dataSource),
                JsonMapper.builder().build(), new DataSourceTransactionManager(this.dataSource), CLOCK);
    }

    @AfterAll
    void disconnect() {
        if (this.connection != null) {
            this.connection.destroy();
        }
    }

    @BeforeEach
    void clean() {
        for (String prefix : List.of("", "tenant_b.")) {
            TABLES.forEach(table -> this.jdbc.update("DELETE FROM " + prefix + table));
        }
        this.dataSource.reset();
    }

    /** The SQL of a template written with "double quotes", as this database quotes it. */
    String sql(String template) {
        return database().sql(template);
    }

    /** A JSON parameter in hand-written SQL. */
    String jsonParameter() {
        return switch (database()) {
            case H2 -> "? FORMAT JSON";
            case POSTGRES, PGBOUNCER, REPLICA -> "CAST(? AS JSONB)";
            case MARIADB -> "?";
        };
    }

    Author author(String name) {
        return this.repo.insert(Author.named(name));
    }

    Post post(String title, Author author) {
        return this.repo.insert(Post.titled(title, author));
    }

    Comment comment(Post post, String body, boolean approved) {
        Comment comment = Comment.on(post, body);
        comment.approved = approved;
        return this.repo.insert(comment);
    }

    // ------------------------------------------------------------------ inserts and
    // reads

    @Test
    void insertsInOneStatementAndReadsEveryFieldBack() {
        Author author = Author.named("jose");
        author.email = "jose@example.com";
        author.password = "secret";
        author.bio = "Creator of Elixir";
        author.username = "josevalim";
        author.role = Author.Role.ADMIN;
        author.tags = List.of("elixir", "ecto");
        author.settings = Map.of("theme", "dark", "size", 3);
        author.address = new Address();
        author.address.street = "Main Street 1";
        author.address.city = "Krakow";
        author.links = List.of(Link.to("https://elixir-lang.org"), Link.to("https://hexdocs.pm"));
        author.links.get(1).addedOn = LocalDate.of(2026, 1, 2);

        this.repo.insert(author);

        assertThat(this.dataSource.statements()).hasSize(1);
        assertThat(author.id).isNotNull();
        assertThat(author.insertedAt).isEqualTo(NOW);
        assertThat(author.updatedAt).isEqualTo(NOW);
        assertThat(author.address.id).isNotNull();
        assertThat(author.links).allSatisfy(link -> assertThat(link.id).isNotNull());

        Author loaded = this.repo.getOrThrow(Author.class, author.id);
        assertThat(loaded.name).isEqualTo("jose");
        assertThat(loaded.email).isEqualTo("jose@example.com");
        assertThat(loaded.password).isEqualTo("secret");
        assertThat(loaded.bio).isNull();
        assertThat(loaded.username).isEqualTo("josevalim");
        assertThat(loaded.role).isEqualTo(Author.Role.ADMIN);
        assertThat(loaded.tags).containsExactly("elixir", "ecto");
        assertThat(loaded.settings).isEqualTo(Map.of("theme", "dark", "size", 3));
        assertThat(loaded.address.id).isEqualTo(author.address.id);
        assertThat(loaded.address.street).isEqualTo("Main Street 1");
        assertThat(loaded.address.city).isEqualTo("Krakow");
        assertThat(loaded.links).extracting(link -> link.url)
            .containsExactly("https://elixir-lang.org", "https://hexdocs.pm");
        assertThat(loaded.links).extracting(link -> link.id)
            .containsExactly(author.links.get(0).id, author.links.get(1).id);
        assertThat(loaded.links.get(1).addedOn).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(loaded.insertedAt).isEqualTo(NOW);
        assertThat(this.jdbc.queryForObject("SELECT bio FROM authors WHERE id = ?", String.class, author.id))
            .isEqualTo("Creator of Elixir");
    }

    @Test
    void selectsOnlyQueryFields() {
        author("jose");
        this.dataSource.reset();
        this.repo.all(Author.class);
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT \"id\", \"name\", \"email_address\", "
                + "\"password\", \"username\", \"role\", \"tags\", \"settings\", \"address\", \"links\", \"inserted_at\", "
                + "\"updated_at\" FROM \"authors\""));
    }

    @Test
    void associationsThatWereNotPreloadedRefuseToBeRead() {
        Author loaded = this.repo.getOrThrow(Author.class, author("jose").id);
        assertThat(this.repo.isLoaded(loaded, "posts")).isFalse();
        assertThatThrownBy(() -> loaded.posts.size()).isInstanceOf(AssociationNotLoadedException.class)
            .hasMessage("association :posts is not loaded on Author. Preload it with Query.preload(\"posts\") "
                    + "or repo.preload(struct, \"posts\")");
        this.repo.preload(loaded, "posts");
        assertThat(loaded.posts).isEmpty();
        assertThat(this.repo.isLoaded(loaded, "posts")).isTrue();
    }

    @Test
    void generatesUuidKeysBeforeInsertAndRoundTripsEveryType() {
        Token token = new Token();
        token.amount = new BigDecimal("12.34");
        token.validOn = LocalDate.of(2026, 2, 28);
        token.atTime = LocalTime.of(10, 11, 12);
        token.expiresAt = Instant.parse("2026-01-02T03:04:05.123456Z");
        token.ttl = Duration.ofMinutes(90);
        token.secret = new byte[] { 1, 2, 3 };
        token.score = 0.5;
        token.ownerId = UUID.fromString("6f1e1a3c-0d6b-4a4e-9a77-1f6d1a2b3c4d");

        this.repo.insert(token);

        assertThat(token.id).isNotNull();
        assertThat(token.publicId).isNotNull().isNotEqualTo(token.id);
        Token loaded = this.repo.getOrThrow(Token.class, token.id);
        assertThat(loaded.publicId).isEqualTo(token.publicId);
        assertThat(loaded.amount).isEqualByComparingTo("12.34");
        assertThat(loaded.validOn).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(loaded.atTime).isEqualTo(LocalTime.of(10, 11, 12));
        assertThat(loaded.expiresAt).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(loaded.ttl).isEqualTo(Duration.ofMinutes(90));
        assertThat(loaded.secret).containsExactly(1, 2, 3);
        assertThat(loaded.score).isEqualTo(0.5);
        assertThat(loaded.ownerId).isEqualTo(UUID.fromString("6f1e1a3c-0d6b-4a4e-9a77-1f6d1a2b3c4d"));
    }

    @Test
    void readsDatabaseDefaultsBackAfterInsert() {
        Counter counter = new Counter();
        counter.label = "visits";
        this.repo.insert(counter);
        assertThat(counter.id).isNotNull();
        assertThat(counter.hits).isEqualTo(7);
    }

    @Test
    void readsBackAfterUpdateWhereTheDatabaseCanAndRefusesClearlyWhereItCannot() {
        Counter counter = new Counter();
        counter.label = "visits";
        this.repo.insert(counter);
        this.jdbc.update("UPDATE counters SET hits = 42 WHERE id = ?", counter.id);
        counter.label = "views";
        if (database() == TestDatabase.MARIADB) {
            assertThatThrownBy(() -> this.repo.update(counter)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("MariaDB cannot read [hits] of Counter back after update: MariaDB has no UPDATE ... "
                        + "RETURNING: remove readAfterWrites from these fields, or read the struct again with "
                        + "repo.get after the update");
            assertThat(this.jdbc.queryForObject("SELECT label FROM counters", String.class)).isEqualTo("visits");
            return;
        }
        this.repo.update(counter);
        assertThat(counter.hits).isEqualTo(42);
        assertThat(this.jdbc.queryForObject("SELECT label FROM counters", String.class)).isEqualTo("views");
    }

    @Test
    void insertAllWritesOneBatchWithGeneratedTimestamps() {
        Author author = author("jose");
        this.dataSource.reset();
        List<Post> posts = List.of(Post.titled("a", author), Post.titled("b", author), Post.titled("c", author));
        assertThat(this.repo.insertAll(posts)).isEqualTo(3);
        assertThat(this.dataSource.statements()).hasSize(1);
        assertThat(this.repo.all(Query.from(Post.class).orderBy("title")))
            .extracting(post -> post.title, post -> post.insertedAt)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("a", NOW),
                    org.assertj.core.groups.Tuple.tuple("b", NOW), org.assertj.core.groups.Tuple.tuple("c", NOW));
    }

    // ------------------------------------------------------------------ queries

    @Test
    void queriesFilterOrderAndPage() {
        Author author = author("jose");
        for (int rating = 1; rating <= 5; rating++) {
            Post post = Post.titled("post " + rating, author);
            post.rating = rating;
            post.published = rating % 2 == 1;
            post.body = rating == 5 ? "last" : null;
            this.repo.insert(post);
        }
        assertThat(this.repo.all(Query.from(Post.class).where("published", true).orderBy("rating", Direction.DESC)))
            .extracting(post -> post.rating)
            .containsExactly(5, 3, 1);
        assertThat(this.repo.all(Query.from(Post.class).where("rating", Op.GT, 1).orderBy("rating").limit(2).offset(1)))
            .extracting(post -> post.rating)
            .containsExactly(3, 4);
        assertThat(this.repo.all(Query.from(Post.class).whereIn("rating", List.of(1, 2)).orderBy("rating")))
            .extracting(post -> post.rating)
            .containsExactly(1, 2);
        assertThat(this.repo.all(Query.from(Post.class).whereIn("rating", List.of()))).isEmpty();
        assertThat(this.repo.all(Query.from(Post.class).whereNotNull("body"))).extracting(post -> post.rating)
            .containsExactly(5);
        assertThat(this.repo.count(Query.from(Post.class).whereNull("body"))).isEqualTo(4);
        assertThat(this.repo.all(Query.from(Post.class).where("title", Op.LIKE, "post 3%"))).hasSize(1);
        assertThat(this.repo.count(Query.from(Post.class).where("published", true))).isEqualTo(3);
        assertThat(this.repo.count(Post.class)).isEqualTo(5);
        assertThat(this.repo.exists(Query.from(Post.class).where("rating", 5))).isTrue();
        assertThat(this.repo.exists(Query.from(Post.class).where("rating", 9))).isFalse();
        assertThat(this.repo.getBy(Post.class, Map.of("rating", 3)).orElseThrow().title).isEqualTo("post 3");
        Map<String, Object> nullRating = new java.util.HashMap<>();
        nullRating.put("rating", null);
        assertThatThrownBy(() -> this.repo.getBy(Post.class, nullRating))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(
                    "null given for :rating. Comparison with null is forbidden as it is unsafe. Instead write a query "
                            + "with whereNull(\"rating\") or whereNotNull(\"rating\")");
        assertThat(this.repo.all(Query.from(Post.class).where("rating", "3"))).extracting(post -> post.title)
            .containsExactly("post 3");
        assertThat(this.repo.all(Query.from(Post.class).where("authorId", author.id).orderBy("rating").limit(1)))
            .extracting(post -> post.rating)
            .containsExactly(1);
    }

    @Test
    void oneRefusesMoreThanOneResultAndGetOrThrowNamesTheMissingId() {
        Author author = author("jose");
        post("a", author);
        post("b", author);
        assertThatThrownBy(() -> this.repo.one(Query.from(Post.class))).isInstanceOf(MultipleResultsException.class)
            .hasMessage("expected at most one Post but got 2");
        assertThat(this.repo.one(Query.from(Post.class).where("title", "a"))).isPresent();
        assertThat(this.repo.get(Post.class, 999999L)).isEmpty();
        assertThatThrownBy(() -> this.repo.getOrThrow(Post.class, 999999L)).isInstanceOf(NoResultsException.class)
            .hasMessage("expected at least one result but got none: no Post with id 999999");
    }

    @Test
    void queryValuesAreCastToFieldTypesWithClearErrors() {
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).where("rating", "abc")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("value \"abc\" in query cannot be cast to type :integer of :rating on Post");
        assertThatThrownBy(() -> this.repo.all(Query.from(Author.class).where("password", 5)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("value **redacted** in query cannot be cast to type :string of :password on Author");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).where("nope", 1)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("unknown field :nope on Post; its fields are [id, title, body, published, rating, authorId, "
                    + "insertedAt, updatedAt]");
        assertThatThrownBy(() -> Query.from(Post.class).where("title", null))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("null given for :title. Comparison with null is forbidden as it is unsafe. Instead write a "
                    + "query with whereNull(\"title\") or whereNotNull(\"title\")");
        assertThatThrownBy(() -> this.repo.all(Address.class)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("io.schemaspring.repo.it.fixtures.Address is an embedded schema: it is stored inside its "
                    + "parent, not in a table of its own");
    }

    // ------------------------------------------------------------------ query
    // composition

    static final String POST_COLUMNS = "\"id\", \"title\", \"body\", \"published\", \"rating\", \"author_id\", "
            + "\"inserted_at\", \"updated_at\"";

    /** Posts rated 1 to 5, titled "post 1" to "post 5", the odd ones published. */
    List<Post> ratedPosts(Author author) {
        List<Post> posts = new ArrayList<>();
        for (int rating = 1; rating <= 5; rating++) {
            Post post = Post.titled("post " + rating, author);
            post.rating = rating;
            post.published = rating % 2 == 1;
            posts.add(this.repo.insert(post));
        }
        return posts;
    }

    static List<Integer> ratings(List<Post> posts) {
        return posts.stream().map(post -> post.rating).toList();
    }

    @Test
    void orWhereJoinsEverythingSoFarWithOr() {
        ratedPosts(author("jose"));
        this.dataSource.reset();

        assertThat(ratings(this.repo.all(Query.from(Post.class)
            .where("published", true)
            .where("rating", Op.GT, 3)
            .orWhere("rating", 2)
            .orderBy("rating")))).containsExactly(2, 5);
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT " + POST_COLUMNS + " FROM \"posts\" "
                + "WHERE (\"published\" = ? AND \"rating\" > ?) OR \"rating\" = ? ORDER BY \"rating\""));
        this.dataSource.reset();
        assertThat(ratings(this.repo.all(Query.from(Post.class)
            .where("rating", 1)
            .orWhere("rating", Op.GTE, 4)
            .where("published", true)
            .orderBy("rating")))).containsExactly(1, 5);
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT " + POST_COLUMNS + " FROM \"posts\" "
                + "WHERE (\"rating\" = ? OR \"rating\" >= ?) AND \"published\" = ? ORDER BY \"rating\""));
        assertThat(ratings(this.repo.all(Query.from(Post.class).orWhere("rating", 3)))).containsExactly(3);
    }

    @Test
    void expressionsComposeAndNotOrInAndNullTests() {
        ratedPosts(author("jose"));
        this.dataSource.reset();

        Query<Post> query = Query.from(Post.class)
            .where(Expr.or(Expr.and(Expr.eq("published", true), Expr.not(Expr.compare("rating", Op.LT, 5))),
                    Expr.in("rating", List.of(2, 4)), Expr.isNull("rating")))
            .orderBy("rating");
        assertThat(ratings(this.repo.all(query))).containsExactly(2, 4, 5);
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT " + POST_COLUMNS + " FROM \"posts\" "
                + "WHERE (\"published\" = ? AND NOT (\"rating\" < ?)) OR \"rating\" IN (?, ?) OR \"rating\" IS NULL "
                + "ORDER BY \"rating\""));
        assertThat(ratings(this.repo.all(Query.from(Post.class)
            .where(Expr.not(Expr.isNotNull("body")))
            .orWhere(Expr.in("rating", List.of()))
            .where(Expr.compare("rating", Op.LTE, "2"))
            .orderBy("rating")))).containsExactly(1, 2);
        assertThat(this.repo.count(Query.from(Post.class).where(Expr.or(Expr.eq("rating", 1), Expr.eq("rating", 3)))))
            .isEqualTo(2);
    }

    @Test
    void ilikeIsCaseInsensitiveOnEveryDatabase() {
        ratedPosts(author("jose"));
        this.dataSource.reset();

        assertThat(ratings(this.repo.all(Query.from(Post.class).where("title", Op.ILIKE, "POST 3%"))))
            .containsExactly(3);
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT " + POST_COLUMNS + " FROM \"posts\" WHERE "
                + (database().postgres() ? "\"title\" ILIKE ?" : "lower(\"title\") LIKE lower(?)")));
        // MariaDB's default collations compare case-insensitively: there LIKE already
        // ignores case.
        assertThat(this.repo.all(Query.from(Post.class).where("title", Op.LIKE, "POST 3%")))
            .hasSize(database() == TestDatabase.MARIADB ? 1 : 0);
    }

    @Test
    void fragmentsRenderFieldsAsColumnsAndBindEveryOtherArgument() {
        ratedPosts(author("jose"));
        this.dataSource.reset();

        assertThat(ratings(
                this.repo.all(Query.from(Post.class).where(Expr.sql("upper(?) = ?", Expr.field("title"), "POST 4")))))
            .containsExactly(4);
        assertThat(ratings(
                this.repo.all(Query.from(Post.class).where(Expr.sql("upper(?) = ?", Expr.field("title"), "POST 2")))))
            .containsExactly(2);
        assertThat(ratings(this.repo.all(
                Query.from(Post.class).where("published", true).where(Expr.sql("? + ? > 8", Expr.field("rating"), 4)))))
            .containsExactly(5);
        assertThat(this.dataSource.statements()).containsExactly(
                sql("SELECT " + POST_COLUMNS + " FROM \"posts\" WHERE upper(\"title\") = ?"),
                sql("SELECT " + POST_COLUMNS + " FROM \"posts\" WHERE upper(\"title\") = ?"),
                sql("SELECT " + POST_COLUMNS + " FROM \"posts\" WHERE \"published\" = ? AND (\"rating\" + ? > 8)"));
        assertThatThrownBy(() -> Expr.sql("lower(?) = ?", Expr.field("title")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("fragment \"lower(?) = ?\" has 2 ? but 1 argument was given");
        assertThatThrownBy(() -> Expr.sql("lower(title) = 'x'", "a", "b"))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("fragment \"lower(title) = 'x'\" has 0 ? but 2 arguments were given");
    }

    @Test
    void setOperationsCombineTheRowsOfQueriesAndOrderAndPageTheResult() {
        ratedPosts(author("jose"));
        Query<Post> low = Query.from(Post.class).where("rating", Op.LTE, 2);
        Query<Post> middle = Query.from(Post.class).where("rating", Op.GTE, 2).where("rating", Op.LTE, 3);

        assertThat(ratings(this.repo.all(low.union(middle).orderBy("rating")))).containsExactly(1, 2, 3);
        assertThat(ratings(this.repo.all(low.unionAll(middle).orderBy("rating")))).containsExactly(1, 2, 2, 3);
        assertThat(ratings(this.repo.all(low.intersect(middle).orderBy("rating")))).containsExactly(2);
        assertThat(ratings(this.repo.all(low.except(middle).orderBy("rating")))).containsExactly(1);
        if (database() == TestDatabase.H2) {
            assertThatThrownBy(() -> this.repo.all(low.intersectAll(middle)))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("H2 has no INTERSECT ALL: use intersect, which answers each row once");
            assertThatThrownBy(() -> this.repo.all(low.exceptAll(middle)))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("H2 has no EXCEPT ALL: use except, which answers each row once");
        }
        else {
            assertThat(ratings(this.repo.all(low.intersectAll(middle).orderBy("rating")))).containsExactly(2);
            // (low UNION ALL low) EXCEPT ALL middle: 1, 1, 2, 2 less one 2
            assertThat(ratings(this.repo.all(low.unionAll(low).exceptAll(middle).orderBy("rating")))).containsExactly(1,
                    1, 2);
        }
        assertThat(ratings(this.repo.all(low.union(middle)
            .union(Query.from(Post.class).where("rating", 5))
            .orderBy("rating", Query.Direction.DESC)
            .limit(2)
            .offset(1)))).containsExactly(3, 2);

        this.dataSource.reset();
        assertThat(ratings(this.repo.all(low.union(middle).orderBy("rating", Query.Direction.DESC).limit(2))))
            .containsExactly(3, 2);
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT " + POST_COLUMNS
                + " FROM \"posts\" WHERE \"rating\" <= ? UNION (SELECT " + POST_COLUMNS + " FROM \"posts\" WHERE "
                + "\"rating\" >= ? AND \"rating\" <= ?) ORDER BY \"rating\" DESC LIMIT ?"));

        assertThat(this.repo.count(low.union(middle))).isEqualTo(3);
        assertThat(this.repo.exists(low.intersect(middle))).isTrue();
        assertThat(this.repo.exists(low.intersect(Query.from(Post.class).where("rating", 5)))).isFalse();
        assertThat(this.repo.one(low.intersect(middle))).get().extracting(post -> post.rating).isEqualTo(2);
        assertThat(this.repo
            .all(low.union(middle.join("author").where("author.name", "jose")).orderBy("rating").preload("author")))
            .extracting(post -> post.rating + " " + post.author.name)
            .containsExactly("1 jose", "2 jose", "3 jose");
    }

    record Computed(String shout, Integer seven, Long rating) {
    }

    record RatingCounts(Long all, Long published, Long highRated, Long publishedRatings) {
    }

    @Test
    void filteredAggregatesCountOnlyTheRowsTheirConditionHoldsFor() {
        ratedPosts(author("jose"));
        this.dataSource.reset();

        assertThat(this.repo.all(Query.from(Post.class)
            .select(RatingCounts.class, Selection.count().as("all"),
                    Selection.count("id").filter(Expr.eq("published", true)).as("published"),
                    Selection.count().filter(Expr.compare("rating", Op.GT, 3)).as("highRated"),
                    Selection.sum("rating").filter(Expr.eq("published", true)).as("publishedRatings"))))
            .containsExactly(new RatingCounts(5L, 3L, 2L, 9L));
        assertThat(this.dataSource.statements()).containsExactly(database() == TestDatabase.MARIADB
                ? "SELECT COUNT(*), COUNT(CASE WHEN `published` = ? THEN `id` END), COUNT(CASE WHEN `rating` > ? "
                        + "THEN 1 END), SUM(CASE WHEN `published` = ? THEN `rating` END) FROM `posts`"
                : sql("SELECT COUNT(*), COUNT(\"id\") FILTER (WHERE \"published\" = ?), COUNT(*) FILTER (WHERE "
                        + "\"rating\" > ?), SUM(\"rating\") FILTER (WHERE \"published\" = ?) FROM \"posts\""));
        assertThatThrownBy(() -> Selection.field("title").filter(Expr.eq("published", true)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("filter takes an aggregate (count, sum, avg, min, max) of a field, not title");
    }

    @Test
    void selectionsComputedBySqlOrPinnedAreReadAsTheComponentsType() {
        ratedPosts(author("jose"));
        this.dataSource.reset();

        assertThat(this.repo.all(Query.from(Post.class)
            .where("rating", 5)
            .select(Computed.class, Selection.sql("upper(?)", Expr.field("title")).as("shout"),
                    Selection.value(7).as("seven"), Selection.field("rating"))))
            .containsExactly(new Computed("POST 5", 7, 5L));
        assertThat(this.dataSource.statements())
            .containsExactly(sql("SELECT upper(\"title\"), ?, \"rating\" FROM \"posts\" WHERE \"rating\" = ?"));

        this.dataSource.reset();
        assertThat(this.repo.all(Query.from(Post.class)
            .where("rating", Op.LTE, 2)
            .orderBy("shout", Query.Direction.DESC)
            .select(Computed.class, Selection.sql("upper(?)", Expr.field("title")).as("shout"),
                    Selection.value(7).as("seven"), Selection.field("rating"))))
            .as("a computed value ordered by its name, Ecto's selected_as")
            .extracting(Computed::shout)
            .containsExactly("POST 2", "POST 1");
        assertThat(this.dataSource.statements()).singleElement().asString().endsWith(" ORDER BY 1 DESC");
    }

    @Test
    void excludeTakesPartsOfAQueryAway() {
        ratedPosts(author("jose"));
        Query<Post> query = Query.from(Post.class)
            .join("author")
            .where("published", true)
            .orderBy("rating", Query.Direction.DESC)
            .limit(1)
            .offset(1)
            .distinct();

        assertThat(ratings(this.repo.all(query))).containsExactly(3);
        assertThat(ratings(this.repo.all(query.exclude(Query.Part.LIMIT, Query.Part.OFFSET)))).containsExactly(5, 3, 1);
        assertThat(ratings(this.repo.all(query.exclude(Query.Part.WHERE, Query.Part.LIMIT, Query.Part.OFFSET))))
            .containsExactly(5, 4, 3, 2, 1);
        assertThat(ratings(this.repo.all(query.exclude(Query.Part.ORDER_BY, Query.Part.OFFSET).orderBy("rating"))))
            .containsExactly(1);
        Query<Post> bare = query.union(Query.from(Post.class).where("rating", 2))
            .preload("author")
            .lock(Lock.FOR_UPDATE)
            .prefix("public")
            .exclude(Query.Part.values());
        assertThat(bare.conditions()).isEmpty();
        assertThat(bare.orders()).isEmpty();
        assertThat(bare.limit()).isNull();
        assertThat(bare.offset()).isNull();
        assertThat(bare.preloads()).isEmpty();
        assertThat(bare.isDistinct()).isFalse();
        assertThat(bare.lock()).isNull();
        assertThat(bare.joins()).isEmpty();
        assertThat(bare.combinations()).isEmpty();
        assertThat(bare.prefix()).isNull();
        assertThat(this.repo.count(bare)).isEqualTo(5);
    }

    @Test
    void setOperationsRefuseWhatTheyWouldReadWrongBeforeAnySql() {
        Query<Post> low = Query.from(Post.class).where("rating", Op.LTE, 2);
        assertThatThrownBy(() -> low.union(Query.from(Post.class).orderBy("rating")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("union takes a query with conditions, joins, distinct and prefix only: order, "
                    + "limit and preload the combined rows on the outer query; got Query[from Post");
        Query<Post> union = low.union(Query.from(Post.class).where("rating", 5));
        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.aggregate(union, Aggregate.SUM, "rating"))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("aggregate of a query combined by union is not built: read its structs with all, "
                    + "one or stream, or count them; Query[from Post");
        assertThatThrownBy(() -> this.repo.deleteAll(union)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("deleteAll of a query combined by union is not built");
        assertThatThrownBy(() -> this.repo.updateAll(union, UpdateAll.create().set("title", "x")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("updateAll of a query combined by union is not built");
        assertThatThrownBy(() -> this.repo.all(union.lock(Lock.FOR_UPDATE)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("a lock cannot apply to the rows of union: lock them with a plain query; ");
        assertThatThrownBy(() -> this.repo.all(union.orderBy("author.name")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("the rows of union are ordered by the schema's own fields, not by :author.name; ");
        assertThatThrownBy(() -> this.repo.all(union.orderBy(Sort.by("author.name"))))
            .isInstanceOf(InvalidSortException.class);
        assertThat(this.dataSource.statements()).isEmpty();
    }

    @Test
    void aSortNamingAFieldTheQueryCannotOrderByIsAnInvalidSortException() {
        ratedPosts(author("jose"));

        assertThat(ratings(this.repo.all(Query.from(Post.class).orderBy(Sort.by(Sort.Direction.DESC, "rating")))))
            .containsExactly(5, 4, 3, 2, 1);
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).orderBy(Sort.by("nope"))))
            .isInstanceOf(InvalidSortException.class)
            .hasMessageStartingWith("cannot sort by \"nope\": unknown field :nope on Post; its fields are [");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).join("author").orderBy(Sort.by("tags.name"))))
            .isInstanceOf(InvalidSortException.class)
            .hasMessage("cannot sort by \"tags.name\": field \"tags.name\" names :tags, which the query does not "
                    + "join; joined: [author]. Add join(\"tags\")");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).orderBy("nope")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .isNotInstanceOf(InvalidSortException.class);
    }

    @Test
    void aQuestionMarkInAStringLiteralIsTextAndAnEscapedOneIsALiteralOperator() {
        ratedPosts(author("jose"));

        assertThat(ratings(this.repo.all(Query.from(Post.class)
            .where(Expr.sql("? <> 'what?' AND ? = ?", Expr.field("title"), Expr.field("title"), "post 3")))))
            .containsExactly(3);

        assertThat(ratings(this.repo.all(Query.from(Post.class)
            .where(Expr.sql("? <> 'a\\?b' AND ? = ?", Expr.field("title"), Expr.field("rating"), 2)))))
            .as("an escaped question mark inside a string literal is text")
            .containsExactly(2);

        Query<Post> hasKey = Query.from(Post.class)
            .where(Expr.sql("'{\"a\": 1}'::jsonb \\? ? AND ? = 1", "a", Expr.field("rating")));
        if (!database().postgres()) {
            assertThatThrownBy(() -> this.repo.all(hasKey)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage(this.repo.dialect().name()
                        + " cannot take the literal ? of the fragment text \"'{\"a\": 1}'"
                        + "::jsonb ? \": its JDBC driver reads every ? outside a string literal as a parameter");
            return;
        }
        this.dataSource.reset();
        assertThat(ratings(this.repo.all(hasKey))).containsExactly(1);
        assertThat(this.dataSource.statements()).containsExactly(
                "SELECT " + POST_COLUMNS + " FROM \"posts\" WHERE '{\"a\": 1}'::jsonb ?? ? AND \"rating\" = 1");
        assertThat(ratings(this.repo.all(Query.from(Post.class)
            .where(Expr.sql("'{\"a\": 1}'::jsonb \\? ? AND ? = 1", "b", Expr.field("rating")))))).isEmpty();
    }

    @Test
    void subqueriesSelectOneFieldOrTestExistence() {
        List<Post> posts = ratedPosts(author("jose"));
        comment(posts.get(1), "nice", true);
        comment(posts.get(3), "fine", true);
        comment(posts.get(4), "spam", false);
        this.dataSource.reset();

        Query<Post> commented = Query.from(Post.class)
            .where(Expr.in("id", Query.from(Comment.class).where("approved", true), "postId"))
            .orderBy("rating");
        assertThat(ratings(this.repo.all(commented))).containsExactly(2, 4);
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT " + POST_COLUMNS + " FROM \"posts\" "
                + "WHERE \"id\" IN (SELECT \"post_id\" FROM \"comments\" WHERE \"approved\" = ?) ORDER BY \"rating\""));
        this.dataSource.reset();
        assertThat(this.repo
            .count(Query.from(Post.class).where(Expr.exists(Query.from(Comment.class).where("body", "spam")))))
            .isEqualTo(5);
        assertThat(this.repo.count(Query.from(Post.class)
            .where("published", true)
            .where(Expr.exists(Query.from(Comment.class).where("body", "none"))))).isZero();
        assertThat(this.dataSource.statements().get(0)).isEqualTo(sql(
                "SELECT COUNT(*) FROM \"posts\" " + "WHERE EXISTS (SELECT 1 FROM \"comments\" WHERE \"body\" = ?)"));
        assertThat(
                ratings(this.repo.all(Query.from(Post.class)
                    .where(Expr.not(Expr.in("id",
                            Query.from(Comment.class)
                                .where(Expr.or(Expr.eq("approved", false), Expr.eq("body", "nice"))),
                            "postId")))
                    .orderBy("rating"))))
            .containsExactly(1, 3, 4);
    }

    @Test
    void distinctSelectsAndCountsDistinctRows() {
        ratedPosts(author("jose"));
        this.dataSource.reset();

        assertThat(this.repo.all(Query.from(Post.class).distinct().where("published", true))).hasSize(3);
        assertThat(this.repo.count(Query.from(Post.class).distinct().where("published", true))).isEqualTo(3);
        assertThat(this.dataSource.statements()).containsExactly(
                sql("SELECT DISTINCT " + POST_COLUMNS + " FROM \"posts\" WHERE \"published\" = ?"),
                sql("SELECT COUNT(*) FROM (SELECT DISTINCT " + POST_COLUMNS
                        + " FROM \"posts\" WHERE \"published\" = ?) " + "\"distinct_rows\""));
    }

    @Test
    void expressionsRefuseUnknownFieldsAndUncastableValuesBeforeAnySql() {
        assertThatThrownBy(
                () -> this.repo.all(Query.from(Post.class).where("rating", 1).orWhere(Expr.not(Expr.eq("nope", 1)))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("unknown field :nope on Post; its fields are [id, title, body, published, rating, authorId, "
                    + "insertedAt, updatedAt]");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).where(Expr.in("rating", List.of(1, "x")))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("value \"x\" in query cannot be cast to type :integer of :rating on Post");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).where(Expr.sql("? = 1", Expr.field("nope")))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("unknown field :nope on Post");
        assertThatThrownBy(
                () -> this.repo.all(Query.from(Post.class).where(Expr.in("id", Query.from(Comment.class), "nope"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("unknown field :nope on Comment; its fields are [id, body, approved, postId]");
        assertThatThrownBy(() -> this.repo
            .all(Query.from(Post.class).where(Expr.in("id", Query.from(Comment.class).orderBy("id"), "postId"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("a subquery takes conditions, joins, distinct and prefix only, not orderBy, limit, "
                    + "offset, preload, lock, union, selectMerge or take: Query[from Comment");
        assertThatThrownBy(() -> Expr.eq("title", null)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("null given for :title. Comparison with null is forbidden as it is unsafe. Instead write a "
                    + "query with whereNull(\"title\") or whereNotNull(\"title\")");
        assertThatThrownBy(() -> Expr.or()).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("or(...) needs at least one expression");
        assertThat(this.dataSource.statements()).isEmpty();
    }

    // ------------------------------------------------------------------ row locks

    @Test
    void lockRendersTheDialectsRowLockInsideATransaction() {
        List<Post> posts = ratedPosts(author("jose"));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
        this.dataSource.reset();

        List<Post> locked = transaction.execute(
                status -> this.repo.all(Query.from(Post.class).where("id", posts.get(0).id).lock(Lock.FOR_UPDATE)));
        assertThat(ratings(locked)).containsExactly(1);
        assertThat(this.dataSource.statements())
            .containsExactly(sql("SELECT " + POST_COLUMNS + " FROM \"posts\" " + "WHERE \"id\" = ? FOR UPDATE"));
        this.dataSource.reset();
        transaction.executeWithoutResult(
                status -> this.repo.all(Query.from(Post.class).orderBy("id").limit(2).lock(Lock.FOR_UPDATE_NOWAIT)));
        assertThat(this.dataSource.statements()).containsExactly(
                sql("SELECT " + POST_COLUMNS + " FROM \"posts\" " + "ORDER BY \"id\" LIMIT ? FOR UPDATE NOWAIT"));
        this.dataSource.reset();
        Query<Post> shared = Query.from(Post.class).where("published", true).lock(Lock.FOR_SHARE);
        if (database() == TestDatabase.H2) {
            assertThatThrownBy(() -> this.repo.all(shared)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessage("H2 does not support the row lock FOR SHARE: use FOR UPDATE");
            assertThat(this.dataSource.statements()).isEmpty();
        }
        else {
            List<Post> read = transaction.execute(status -> this.repo.all(shared));
            assertThat(read).hasSize(3);
            assertThat(this.dataSource.statements())
                .containsExactly(sql("SELECT " + POST_COLUMNS + " FROM \"posts\" " + "WHERE \"published\" = ? "
                        + (database() == TestDatabase.MARIADB ? "LOCK IN SHARE MODE" : "FOR SHARE")));
        }
        assertThat(this.repo.count(Query.from(Post.class).lock(Lock.FOR_UPDATE))).isEqualTo(5);
    }

    @Test
    void skipLockedSkipsTheRowsAnotherTransactionHoldsAndNowaitFails() throws Exception {
        List<Post> posts = ratedPosts(author("jose"));
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
        try (Connection other = java.sql.DriverManager.getConnection(database().url())) {
            other.setAutoCommit(false);
            try (java.sql.PreparedStatement statement = other
                .prepareStatement("SELECT id FROM posts WHERE id = ? FOR UPDATE")) {
                statement.setLong(1, posts.get(0).id);
                statement.executeQuery().close();
            }
            try {
                List<Post> free = transaction.execute(status -> this.repo
                    .all(Query.from(Post.class).orderBy("rating").lock(Lock.FOR_UPDATE_SKIP_LOCKED)));
                assertThat(ratings(free)).containsExactly(2, 3, 4, 5);
                assertThatThrownBy(() -> transaction.execute(status -> this.repo
                    .all(Query.from(Post.class).where("id", posts.get(0).id).lock(Lock.FOR_UPDATE_NOWAIT))))
                    .isInstanceOf(org.springframework.dao.DataAccessException.class);
            }
            finally {
                other.rollback();
            }
        }
        assertThat(ratings(transaction.execute(
                status -> this.repo.all(Query.from(Post.class).orderBy("rating").lock(Lock.FOR_UPDATE_SKIP_LOCKED)))))
            .containsExactly(1, 2, 3, 4, 5);
    }

    // ------------------------------------------------------------------ preload with a
    // query

    /**
     * The condition matching a key column against a list of keys, as this database's
     * preloads bind them: one array on PostgreSQL beyond 128 keys, else an IN list of
     * {@code count} markers.
     */
    String keysIn(String column, int count) {
        return database().postgres() && count > 128 ? column + " = ANY(?)"
                : column + " IN (" + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
    }

    @Test
    void preloadWithAQueryFiltersAndOrdersTheChildrenBeforeThePreloadOrder() {
        Author author = author("jose");
        Post first = post("first", author);
        Post second = post("second", author);
        comment(first, "b", true);
        comment(first, "a", true);
        comment(first, "z", false);
        comment(second, "c", true);
        comment(second, "c", true);
        this.dataSource.reset();

        List<Post> posts = this.repo.all(Query.from(Post.class)
            .orderBy("id")
            .preload("comments", Query.from(Comment.class).where("approved", true).orderBy("body", Direction.DESC)));
        assertThat(posts.get(0).comments).extracting(comment -> comment.body).containsExactly("b", "a");
        assertThat(posts.get(1).comments).extracting(comment -> comment.body).containsExactly("c", "c");
        assertThat(this.dataSource.statements()).hasSize(2);
        assertThat(this.dataSource.statements().get(1))
            .isEqualTo(sql("SELECT \"id\", \"body\", \"approved\", \"post_id\" " + "FROM \"comments\" WHERE "
                    + keysIn(sql("\"post_id\""), 2) + " AND \"approved\" = ? " + "ORDER BY \"body\" DESC, \"id\""));
        Author loaded = this.repo
            .one(Query.from(Author.class)
                .where("id", author.id)
                .preload("posts.comments", Query.from(Comment.class).where(Expr.in("body", List.of("a", "z")))))
            .orElseThrow();
        assertThat(loaded.posts).extracting(post -> post.comments.stream().map(comment -> comment.body).toList())
            .containsExactly(List.of("a", "z"), List.of());
    }

    @Test
    void preloadWithAQueryFiltersManyToManyRowsAndRefusesWhatDoesNotFit() {
        Post post = post("first", author("jose"));
        for (String name : List.of("ecto", "elixir", "erlang")) {
            Tag tag = this.repo.insert(Tag.named(name));
            this.jdbc.update("INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)", post.id, tag.id);
        }
        Post loaded = this.repo
            .one(Query.from(Post.class)
                .preload("tags",
                        Query.from(Tag.class)
                            .where(Expr.compare("name", Op.NOT_EQ, "elixir"))
                            .orderBy("name", Direction.DESC)))
            .orElseThrow();
        assertThat(loaded.tags).extracting(tag -> tag.name).containsExactly("erlang", "ecto");
        this.dataSource.reset();

        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).preload("comments", Query.from(Post.class))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("the preload query of :comments on Post must be over Comment, got Post");
        assertThatThrownBy(
                () -> this.repo.all(Query.from(Post.class).preload("comments", Query.from(Comment.class).limit(1))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("the preload query of :comments on Post takes conditions, orderBy and preloads of the "
                    + "children only, not limit, offset, preloadJoined, lock, prefix, distinct, join or union (the "
                    + "children are read in their parent's prefix), take, selectMerge or a source of its own");
        assertThatThrownBy(() -> this.repo
            .all(Query.from(Post.class).preload("comments", Query.from(Comment.class).take("id", "postId"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageEndingWith("take, selectMerge or a source of its own");
        assertThatThrownBy(
                () -> this.repo.all(Query.from(Author.class).preload("postComments", Query.from(Comment.class))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("the preload query of :postComments on Author: a through association takes no query; give the "
                    + "query to the last association it walks");
        assertThatThrownBy(() -> this.repo
            .all(Query.from(Post.class).preload("comments", Query.from(Comment.class).where("nope", 1))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("unknown field :nope on Comment; its fields are [id, body, approved, postId]");
        assertThat(this.dataSource.statements()).hasSize(1);
    }

    // ------------------------------------------------------------------ joins

    @Test
    void joinsThroughHasManyAndBelongsToNameJoinedFieldsByPath() {
        Author jose = author("jose");
        Author eric = author("eric");
        Post ecto = post("ecto", jose);
        Post phoenix = post("phoenix", eric);
        Post orphan = this.repo.insert(Post.titled("orphan", Author.named("none")));
        comment(ecto, "nice", true);
        comment(ecto, "great", true);
        comment(phoenix, "nice", false);
        this.dataSource.reset();

        List<Post> posts = this.repo.all(Query.from(Post.class)
            .join("comments")
            .where("comments.body", "nice")
            .where("comments.approved", true)
            .orderBy("comments.id"));
        assertThat(posts).extracting(post -> post.title).containsExactly("ecto");
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT t0.\"id\", t0.\"title\", t0.\"body\", "
                + "t0.\"published\", t0.\"rating\", t0.\"author_id\", t0.\"inserted_at\", t0.\"updated_at\" FROM \"posts\" t0 "
                + "JOIN \"comments\" t1 ON t1.\"post_id\" = t0.\"id\" WHERE t1.\"body\" = ? AND t1.\"approved\" = ? "
                + "ORDER BY t1.\"id\""));
        assertThat(this.repo.all(Query.from(Post.class).distinct().join("comments").orderBy("title")))
            .extracting(post -> post.title)
            .containsExactly("ecto", "phoenix");
        assertThat(this.repo.count(Query.from(Post.class).join("approvedComments"))).isEqualTo(2);
        assertThat(this.repo.all(Query.from(Post.class)
            .leftJoin("approvedComments")
            .where(Expr.isNull("approvedComments.id"))
            .orderBy("title"))).extracting(post -> post.title).containsExactly("orphan", "phoenix");
        assertThat(this.repo.all(Query.from(Post.class)
            .join("author")
            .where(Expr.or(Expr.eq("author.name", "eric"), Expr.sql("? = ?", Expr.field("author.name"), "jose")))
            .orderBy("author.name", Direction.DESC))).extracting(post -> post.title).containsExactly("ecto", "phoenix");
        assertThat(this.repo
            .all(Query.from(Comment.class).join("post.author").where("post.author.name", "jose").orderBy("body")))
            .extracting(comment -> comment.body)
            .containsExactly("great", "nice");
        assertThat(orphan.id).isNotNull();
    }

    @Test
    void joinsThroughManyToManyHasOneAndThroughAssociations() {
        Author jose = author("jose");
        Author eric = author("eric");
        Post ecto = post("ecto", jose);
        Post phoenix = post("phoenix", eric);
        comment(ecto, "nice", true);
        Tag elixir = this.repo.insert(Tag.named("elixir"));
        Tag web = this.repo.insert(Tag.named("web"));
        this.jdbc.update("INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)", ecto.id, elixir.id);
        this.jdbc.update("INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)", phoenix.id, elixir.id);
        this.jdbc.update("INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)", phoenix.id, web.id);
        Note note = new Note();
        note.content = "remember";
        note.authorId = eric.id;
        this.repo.insert(note);
        this.dataSource.reset();

        assertThat(this.repo.all(Query.from(Post.class).join("tags").where("tags.name", "web")))
            .extracting(post -> post.title)
            .containsExactly("phoenix");
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT t0.\"id\", t0.\"title\", t0.\"body\", "
                + "t0.\"published\", t0.\"rating\", t0.\"author_id\", t0.\"inserted_at\", t0.\"updated_at\" FROM \"posts\" t0 "
                + "JOIN \"posts_tags\" t2 ON t2.\"post_id\" = t0.\"id\" JOIN \"tags\" t1 ON t1.\"id\" = t2.\"tag_id\" "
                + "WHERE t1.\"name\" = ?"));
        assertThat(this.repo.count(Query.from(Post.class).join("tags").where("tags.name", "elixir"))).isEqualTo(2);
        assertThat(this.repo.all(Query.from(Author.class).join("note").where("note.content", "remember")))
            .extracting(author -> author.name)
            .containsExactly("eric");
        assertThat(this.repo.all(Query.from(Author.class).join("postComments").where("postComments.body", "nice")))
            .extracting(author -> author.name)
            .containsExactly("jose");
        assertThat(this.repo.all(Query.from(Author.class).leftJoin("posts.tags").where(Expr.isNull("posts.tags.id"))))
            .isEmpty();
    }

    @Test
    void joinsRefuseUnknownAssociationsAndUnjoinedPathsBeforeAnySql() {
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).join("nope")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("schema Post does not have association :nope; its associations are ");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).join("comments.nope")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("schema Comment does not have association :nope; its associations are ");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).join("author").where("comments.body", "x")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("field \"comments.body\" names :comments, which the query does not join; joined: [author]. "
                    + "Add join(\"comments\")");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).join("comments").orderBy("comments.nope")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("unknown field :nope on Comment; its fields are [id, body, approved, postId]");
        assertThatThrownBy(() -> this.repo.deleteAll(Query.from(Post.class).join("comments").orderBy("id")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("deleteAll does not take orderBy, preload, lock, selectMerge or take");
        assertThatThrownBy(() -> this.repo.deleteAll(Query.from(Vote.class).join("post")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("deleteAll with a join needs a single primary key on Vote, which has [postId, voter]");
        assertThat(this.dataSource.statements()).isEmpty();
    }

    /**
     * Ecto (repo.exs): "update all with joins" and "delete all with joins": the join
     * filters the rows written.
     */
    @Test
    void updateAllAndDeleteAllFilterTheirRowsThroughJoins() {
        Author jose = author("jose");
        Author eric = author("eric");
        Post josePost = post("by jose", jose);
        Post ericPost = post("by eric", eric);
        comment(josePost, "a", true);
        comment(ericPost, "b", true);
        comment(ericPost, "c", false);
        assertThat(this.repo.updateAll(Query.from(Post.class).join("author").where("author.name", "jose"),
                io.schemaspring.query.UpdateAll.create().set("title", "renamed")))
            .isEqualTo(1);
        assertThat(this.jdbc.queryForList("SELECT title FROM posts ORDER BY id", String.class))
            .containsExactly("renamed", "by eric");
        assertThat(this.repo.deleteAll(Query.from(Comment.class).join("post.author").where("post.author.name", "eric")))
            .isEqualTo(2);
        assertThat(this.jdbc.queryForList("SELECT body FROM comments", String.class)).containsExactly("a");
        assertThat(this.repo.updateAll(Query.from(Post.class).join("comments").where("comments.approved", true),
                io.schemaspring.query.UpdateAll.create().inc("rating", 1)))
            .isEqualTo(1);
    }

    // ------------------------------------------------------------------ aggregates

    record PostTitle(Long id, String title) {
    }

    record AuthorStats(Long authorId, long posts, Double averageRating, Integer bestRating) {
    }

    record PostWithAuthor(String title, String authorName) {
    }

    static class TitleOnly {

        String title;

    }

    record PostFacts(long id, boolean published, Integer rating, LocalDateTime insertedAt) {
    }

    record CommentTally(long id, int comments) {
    }

    record PostRating(String title, int rating) {
    }

    record TitleAsNumber(Long title) {
    }

    record RatedTitle(String title, long rating) {
    }

    record NonEmptyTitle(String title) {
        NonEmptyTitle {
            if (title.isEmpty()) {
                throw new IllegalArgumentException("title must not be empty");
            }
        }
    }

    Post ratedPost(String title, Author author, int rating) {
        Post post = Post.titled(title, author);
        post.rating = rating;
        return this.repo.insert(post);
    }

    @Test
    void selectFillsRecordsAndClassesSelectingOnlyTheirColumns() {
        Author author = author("jose");
        Post first = post("first", author);
        Post second = post("second", author);
        this.dataSource.reset();
        assertThat(this.repo.all(Query.from(Post.class).orderBy("id").select(PostTitle.class)))
            .containsExactly(new PostTitle(first.id, "first"), new PostTitle(second.id, "second"));
        assertThat(this.dataSource.statements())
            .containsExactly(sql("SELECT \"id\", \"title\" FROM \"posts\" ORDER BY \"id\""));
        assertThat(this.repo.all(Query.from(Post.class).where("title", "second").select(TitleOnly.class)))
            .extracting(row -> row.title)
            .containsExactly("second");
    }

    @Test
    void selectGroupsWithAggregatesAndHavingAndOrdersByASelectedValue() {
        Author jose = author("jose");
        Author eric = author("eric");
        ratedPost("a", jose, 3);
        ratedPost("b", jose, 5);
        ratedPost("c", eric, 4);
        ProjectionQuery<AuthorStats> stats = Query.from(Post.class)
            .orderBy("posts", Direction.DESC)
            .orderBy("authorId")
            .select(AuthorStats.class, Selection.field("authorId"), Selection.count().as("posts"),
                    Selection.avg("rating").as("averageRating"), Selection.max("rating").as("bestRating"))
            .groupBy("authorId");
        this.dataSource.reset();
        assertThat(this.repo.all(stats)).containsExactly(new AuthorStats(jose.id, 2, 4.0, 5),
                new AuthorStats(eric.id, 1, 4.0, 4));
        assertThat(this.dataSource.statements()).containsExactly(sql("SELECT \"author_id\", COUNT(*), AVG(\"rating\"), "
                + "MAX(\"rating\") FROM \"posts\" GROUP BY \"author_id\" ORDER BY 2 DESC, \"author_id\""));
        assertThat(this.repo.all(stats.having(Expr.sql("count(*) >= ?", 2))))
            .containsExactly(new AuthorStats(jose.id, 2, 4.0, 5));
    }

    @Test
    void selectNamesJoinedFieldsByTheirCamelCasedPath() {
        Author jose = author("jose");
        post("first", jose);
        assertThat(this.repo.all(Query.from(Post.class).join("author").select(PostWithAuthor.class)))
            .containsExactly(new PostWithAuthor("first", "jose"));
    }

    @Test
    void selectKeptInAFieldReadsTheRowsOfEachRunAndEachRepository() {
        Author author = author("jose");
        Post first = post("first", author);
        ProjectionQuery<PostTitle> titles = Query.from(Post.class).orderBy("id").select(PostTitle.class);
        assertThat(this.repo.all(titles)).containsExactly(new PostTitle(first.id, "first"));
        Post second = post("second", author);
        this.dataSource.reset();
        assertThat(this.repo.all(titles)).containsExactly(new PostTitle(first.id, "first"),
                new PostTitle(second.id, "second"));
        assertThat(this.dataSource.statements())
            .containsExactly(sql("SELECT \"id\", \"title\" FROM \"posts\" ORDER BY \"id\""));

        Author tenantAuthor = this.repo.insert(Author.named("tenant author"), "tenant_b");
        Post tenantPost = this.repo.insert(Post.titled("tenant post", tenantAuthor), "tenant_b");
        Repo tenantRepo = repo(registry(SchemaSettings.builder().prefix("tenant_b").build()));
        assertThat(tenantRepo.all(titles)).containsExactly(new PostTitle(tenantPost.id, "tenant post"));
        assertThat(this.repo.all(titles)).containsExactly(new PostTitle(first.id, "first"),
                new PostTitle(second.id, "second"));
    }

    @Test
    void selectRefusesWhatDoesNotFitItsTypeBeforeAnySql() {
        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).select(PostTitle.class, Selection.field("id"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("select leaves [title] of PostTitle unfilled: select a value for each component");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class)
            .select(PostTitle.class, Selection.field("id"), Selection.field("title"), Selection.count())))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("select count(*) fills no component of PostTitle [id, title]: name it with .as(component)");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).select(PostWithAuthor.class)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(
                    ":authorName is neither a field of Post nor a field of a joined association (camel-cased path): "
                            + "join it, or name the value with Selection.field(path).as(\"authorName\")");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class)
            .select(AuthorStats.class, Selection.field("authorId"), Selection.count().as("posts"),
                    Selection.avg("title").as("averageRating"), Selection.max("rating").as("bestRating"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("AVG needs a numeric field (:id, :integer, :float or :decimal), but :title is :string");
        assertThat(this.dataSource.statements()).isEmpty();
    }

    @Test
    void selectReadsEachComponentAsItsDeclaredTypeConvertingNumbers() {
        Post post = post("first", author("jose"));
        comment(post, "a", true);
        comment(post, "b", false);
        Post published = Post.titled("second", author("eric"));
        published.published = true;
        published.rating = 4;
        published = this.repo.insert(published);
        assertThat(this.repo.all(Query.from(Post.class).orderBy("id").select(PostFacts.class))).containsExactly(
                new PostFacts(post.id, false, null, post.insertedAt),
                new PostFacts(published.id, true, 4, published.insertedAt));
        assertThat(this.repo.all(Query.from(Post.class).where("published", true).select(RatedTitle.class)))
            .containsExactly(new RatedTitle("second", 4L));
        assertThat(this.repo.all(Query.from(Post.class)
            .join("comments")
            .orderBy("id")
            .select(CommentTally.class, Selection.field("id"), Selection.count("comments.id").as("comments"))
            .groupBy("id"))).containsExactly(new CommentTally(post.id, 2));
    }

    @Test
    void selectRefusesANullForAPrimitiveComponentAndAValueOfAnotherType() {
        post("unrated", author("jose"));
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).select(PostRating.class)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(":rating of PostRating is a primitive but its value is NULL: declare it with a wrapper type");
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).select(TitleAsNumber.class)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(":title of TitleAsNumber is declared java.lang.Long, but its value is a java.lang.String: "
                    + "declare the component as java.lang.String");
    }

    @Test
    void selectLetsWhatAConstructorThrowsThrough() {
        post("", author("jose"));
        assertThatThrownBy(() -> this.repo.all(Query.from(Post.class).select(NonEmptyTitle.class)))
            .isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessage("title must not be empty");
    }

    @Test
    void aggregateAnswersEctosResultsAndEmptyOnNoRows() {
        List<Post> posts = ratedPosts(author("jose"));
        this.repo.insert(Post.titled("unrated", author("eric")));
        comment(posts.get(0), "a", true);
        comment(posts.get(0), "b", true);
        comment(posts.get(2), "c", false);
        this.dataSource.reset();

        Query<Post> published = Query.from(Post.class).where("published", true);
        assertThat(this.repo.aggregate(published, Aggregate.SUM, "rating", Long.class)).contains(9L);
        assertThat(this.dataSource.statements())
            .containsExactly(sql("SELECT SUM(\"rating\") FROM \"posts\" " + "WHERE \"published\" = ?"));
        assertThat(this.repo.aggregate(Query.from(Post.class), Aggregate.COUNT, "rating", Long.class)).contains(5L);
        assertThat(this.repo.aggregate(published, Aggregate.AVG, "rating", Double.class)).contains(3.0);
        assertThat(this.repo.aggregate(Query.from(Post.class), Aggregate.MIN, "rating", Integer.class)).contains(1);
        assertThat(this.repo.aggregate(Query.from(Post.class), Aggregate.MAX, "title", String.class))
            .contains("unrated");
        assertThat(this.repo.aggregate(Query.from(Post.class).join("comments").where("comments.approved", true),
                Aggregate.COUNT, "comments.id", Long.class))
            .contains(2L);
        Query<Post> none = Query.from(Post.class).where("rating", 99);
        assertThat(this.repo.aggregate(none, Aggregate.COUNT, "id", Long.class)).contains(0L);
        assertThatThrownBy(() -> this.repo.aggregate(published, Aggregate.SUM, "rating", Integer.class))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("SUM of :rating answers Long, not Integer: ask for Long.class");
        assertThat(this.repo.aggregate(none, Aggregate.SUM, "rating")).isEmpty();
        assertThat(this.repo.aggregate(none, Aggregate.AVG, "rating")).isEmpty();
        assertThat(this.repo.aggregate(none, Aggregate.MIN, "title")).isEmpty();
        assertThat(this.repo.aggregate(none, Aggregate.MAX, "insertedAt")).isEmpty();
        this.dataSource.reset();

        assertThatThrownBy(() -> this.repo.aggregate(Query.from(Post.class), Aggregate.SUM, "title"))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("SUM needs a numeric field (:id, :integer, :float or :decimal), but :title of Post is :string");
        assertThatThrownBy(() -> this.repo.aggregate(Query.from(Post.class), Aggregate.AVG, "nope"))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("unknown field :nope on Post");
        assertThatThrownBy(() -> this.repo.aggregate(Query.from(Post.class).preload("comments"), Aggregate.MAX, "id"))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("aggregate does not take preload or lock: ");
        assertThat(this.dataSource.statements()).isEmpty();
    }

    /**
     * Ecto (repo.exs): "aggregate" with order_by and limit, and "aggregate with
     * distinct": over a subquery.
     */
    @Test
    void aggregateOfALimitedOrDistinctQueryAggregatesItsRows() {
        Author author = author("jose");
        for (int rating : new int[] { 10, 12, 14, 14 }) {
            Post post = Post.titled("rated " + rating, author);
            post.rating = rating;
            this.repo.insert(post);
        }
        Query<Post> ordered = Query.from(Post.class).orderBy("rating");
        assertThat(this.repo.aggregate(ordered, Aggregate.MAX, "rating", Integer.class)).contains(14);
        this.dataSource.reset();
        assertThat(this.repo.aggregate(ordered.limit(2), Aggregate.MAX, "rating", Integer.class)).contains(12);
        assertThat(this.dataSource.statements()).singleElement()
            .asString()
            .startsWith(sql("SELECT MAX(\"rating\") FROM (SELECT \"rating\" FROM \"posts\" ORDER BY \"rating\""));
        assertThat(this.repo.aggregate(ordered.limit(2).offset(1), Aggregate.SUM, "rating", Long.class)).contains(26L);
        assertThat(this.repo.aggregate(ordered.distinct(), Aggregate.COUNT, "rating", Long.class)).contains(3L);
        assertThat(this.repo.aggregate(Query.from(Post.class).distinct().where("rating", Op.GT, 10), Aggregate.SUM,
                "rating", Long.class))
            .contains(26L);
    }

    /** Ecto (repo.exs): "exists?" with a limit; a distinct query too. */
    @Test
    void existsTakesALimitAndDistinct() {
        Author author = author("jose");
        this.repo.insert(Post.titled("1", author));
        this.repo.insert(Post.titled("2", author));
        assertThat(this.repo.exists(Query.from(Post.class).whereNotNull("title").limit(2))).isTrue();
        assertThat(this.repo.exists(Query.from(Post.class).where("title", "1").distinct())).isTrue();
        assertThat(this.repo.exists(Query.from(Post.class).whereNull("id"))).isFalse();
        assertThat(this.repo.exists(Query.from(Post.class).limit(0))).isFalse();
        assertThatThrownBy(() -> this.repo.exists(Query.from(Post.class).offset(1)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("exists does not take offset: ");
    }

    // ------------------------------------------------------------------ updates and
    // deletes

    @Test
    void updateOfAChangesetWritesOnlyTheChanges() {
        Post post = post("first", author("jose"));
        this.jdbc.update("UPDATE posts SET body = 'changed elsewhere' WHERE id = ?", post.id);
        this.dataSource.reset();

        Post updated = this.repo.update(Changeset.change(post, Map.of("title", "second")));

        assertThat(this.dataSource.statements())
            .containsExactly(sql("UPDATE \"posts\" SET \"title\" = ?, \"updated_at\" = ? WHERE \"id\" = ?"));
        assertThat(updated.title).isEqualTo("second");
        assertThat(updated.updatedAt).isEqualTo(NOW);
        assertThat(post.title).as("the data is left as it was, as in Ecto").isEqualTo("first");
        assertThat(this.jdbc.queryForMap("SELECT title, body FROM posts").values()).containsExactly("second",
                "changed elsewhere");
    }

    @Test
    void changesetWithoutChangesRunsNoStatement() {
        Post post = post("first", author("jose"));
        this.dataSource.reset();
        assertThat(this.repo.update(Changeset.change(post))).isSameAs(post);
        assertThat(this.dataSource.statements()).isEmpty();
    }

    @Test
    void invalidChangesetIsNeverSent() {
        Post post = post("first", author("jose"));
        this.dataSource.reset();
        Changeset<Post> changeset = Changeset.change(post, Map.of("title", ""))
            .addError("title", "can't be blank", Map.of("validation", "required"));
        assertThatThrownBy(() -> this.repo.update(changeset)).isInstanceOf(InvalidChangesetException.class)
            .hasMessage("could not perform update because changeset is invalid. Errors: [title: can't be blank]");
        assertThat(this.dataSource.statements()).isEmpty();
    }

    @Test
    void updateOfAStructWritesWritableFieldsButNotInsertOnlyOnes() {
        Author author = Author.named("jose");
        author.username = "josevalim";
        this.repo.insert(author);
        author.name = "José";
        author.username = "someone-else";
        this.repo.update(author);
        assertThat(this.jdbc.queryForMap("SELECT name, username FROM authors").values()).containsExactly("José",
                "josevalim");
    }

    @Test
    void versionFieldStartsAtZeroAndEveryWriteIncrementsIt() {
        SchemaRepository<VersionedNote, Long> notes = new SimpleSchemaRepository<>(this.repo, VersionedNote.class);
        VersionedNote note = notes.insert(VersionedNote.saying("first"));
        assertThat(note.lockVersion).isZero();
        note.content = "second";
        notes.update(note);
        assertThat(note.lockVersion).isEqualTo(1);
        note.content = "third";
        notes.save(note);
        assertThat(note.lockVersion).isEqualTo(2);
        VersionedNote changed = notes.update(Changeset.change(note, Map.of("content", "fourth")));
        assertThat(changed.lockVersion).isEqualTo(3);
        assertThat(note.lockVersion).isEqualTo(2);
        assertThat(this.jdbc.queryForMap("SELECT content, lock_version FROM notes").values()).containsExactly("fourth",
                3);
    }

    @Test
    void staleVersionIsRefusedOnUpdateSaveAndDeleteAndTheStructKeepsItsVersion() {
        SchemaRepository<VersionedNote, Long> notes = new SimpleSchemaRepository<>(this.repo, VersionedNote.class);
        VersionedNote note = notes.insert(VersionedNote.saying("first"));
        VersionedNote mine = notes.getOrThrow(note.id);
        VersionedNote theirs = notes.getOrThrow(note.id);
        theirs.content = "theirs";
        notes.update(theirs);

        mine.content = "mine";
        String stale = "attempted to update a stale struct: no VersionedNote with id " + note.id
                + " matched (it was deleted or changed since it was loaded)";
        assertThatThrownBy(() -> notes.update(mine)).isInstanceOf(StaleEntryException.class).hasMessage(stale);
        assertThatThrownBy(() -> notes.save(mine)).isInstanceOf(StaleEntryException.class).hasMessage(stale);
        assertThat(mine.lockVersion).isZero();
        assertThatThrownBy(() -> notes.update(Changeset.change(mine, Map.of("content", "mine again"))))
            .isInstanceOf(StaleEntryException.class)
            .hasMessage(stale);
        assertThatThrownBy(() -> notes.delete(mine)).isInstanceOf(StaleEntryException.class)
            .hasMessage("attempted to delete a stale struct: no VersionedNote with id " + note.id
                    + " matched (it was deleted or changed since it was loaded)");
        assertThat(this.jdbc.queryForMap("SELECT content, lock_version FROM notes").values()).containsExactly("theirs",
                1);
        notes.delete(theirs);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM notes", Long.class)).isZero();
    }

    @Test
    void versionFieldIsNotCastFromParameters() {
        assertThat(io.schemaspring.changeset.Castable.defaultFields(this.registry.get(VersionedNote.class)))
            .containsExactly("content", "authorId");
    }

    @Test
    void updateOrDeleteOfARemovedStructIsStale() {
        Post post = post("first", author("jose"));
        this.jdbc.update("DELETE FROM posts");
        assertThatThrownBy(() -> this.repo.update(post)).isInstanceOf(StaleEntryException.class)
            .hasMessage("attempted to update a stale struct: no Post with id " + post.id
                    + " matched (it was deleted or changed since it was loaded)");
        assertThatThrownBy(() -> this.repo.delete(post)).isInstanceOf(StaleEntryException.class)
            .hasMessage("attempted to delete a stale struct: no Post with id " + post.id
                    + " matched (it was deleted or changed since it was loaded)");
    }

    @Test
    void readsAndDeletesByCompositePrimaryKey() {
        for (String voter : List.of("ann", "bob")) {
            Vote vote = new Vote();
            vote.postId = 1L;
            vote.voter = voter;
            vote.points = voter.length() + (voter.equals("bob") ? 1 : 0);
            this.repo.insert(vote);
        }
        Vote bob = this.repo.get(Vote.class, Map.of("postId", 1L, "voter", "bob")).orElseThrow();
        assertThat(bob.points).isEqualTo(4);
        this.repo.delete(bob);
        assertThat(this.repo.all(Vote.class)).extracting(vote -> vote.voter).containsExactly("ann");
        assertThatThrownBy(() -> this.repo.delete(bob)).isInstanceOf(StaleEntryException.class)
            .hasMessage("attempted to delete a stale struct: no Vote with postId 1, voter bob matched (it was deleted "
                    + "or changed since it was loaded)");
        assertThatThrownBy(() -> this.repo.get(Vote.class, 1L)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(
                    "Vote has the composite primary key [postId, voter]: pass a Map with exactly those fields, got 1");
    }

    @Test
    void deleteAllAnswersTheNumberOfRowsDeleted() {
        List.of("a", "b", "c").forEach(name -> this.repo.insert(Tag.named(name)));
        assertThat(this.repo.deleteAll(Query.from(Tag.class).whereIn("name", List.of("a", "b")))).isEqualTo(2);
        assertThat(this.repo.all(Tag.class)).extracting(tag -> tag.name).containsExactly("c");
    }

    @Test
    void writesJoinDefaultsIntoTheRowsOfTheJoinSchema() {
        Tag elixir = this.repo.insert(Tag.named("elixir"));
        Tag java = this.repo.insert(Tag.named("java"));
        Post post = Post.titled("first", author("jose"));
        post.labels = List.of(java, elixir);
        this.repo.insert(post);
        assertThat(this.jdbc.queryForList("SELECT post_id, tag_id, source, weight FROM post_labels ORDER BY tag_id"))
            .extracting(row -> List.of(((Number) value(row, "post_id")).longValue(),
                    ((Number) value(row, "tag_id")).longValue(), value(row, "source"),
                    ((Number) value(row, "weight")).intValue()))
            .containsExactly(List.of(post.id, elixir.id, "web", 3), List.of(post.id, java.id, "web", 3));
        post.labels = List.of(elixir);
        this.repo.update(post);
        assertThat(this.jdbc.queryForList("SELECT tag_id FROM post_labels", Long.class)).containsExactly(elixir.id);
        assertThat(this.jdbc.queryForList("SELECT source FROM post_labels", String.class)).containsExactly("web");
        assertThat(this.repo.preload(this.repo.getOrThrow(Post.class, post.id), "labels").labels)
            .extracting(tag -> tag.name)
            .containsExactly("elixir");
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet()
            .stream()
            .filter(entry -> entry.getKey().equalsIgnoreCase(column))
            .findFirst()
            .orElseThrow()
            .getValue();
    }

    @Test
    void refusesToWriteTheSameTagTwiceIntoAUniqueManyToManyBeforeAnySql() {
        Tag elixir = this.repo.insert(Tag.named("elixir"));
        Tag java = this.repo.insert(Tag.named("java"));
        Post post = Post.titled("first", author("jose"));
        post.labels = List.of(elixir, java, elixir);
        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.insert(post)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot write the join rows of Post :labels: Tag with :id " + elixir.id
                    + " is listed more than once, and the association is unique; list each one once");
        assertThat(this.dataSource.statements()).isEmpty();
        assertThat(this.repo.count(Post.class)).isZero();

        post.labels = List.of(java);
        this.repo.insert(post);
        post.labels = List.of(java, java);
        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.update(post)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot write the join rows of Post :labels: Tag with :id " + java.id
                    + " is listed more than once, and the association is unique; list each one once");
        assertThat(this.dataSource.statements()).isEmpty();
        assertThat(this.jdbc.queryForList("SELECT tag_id FROM post_labels", Long.class)).containsExactly(java.id);
    }

    @Test
    void replacingAManyToManyEntryDeletesOnlyItsOwnJoinRowInAJoinTableSharedThroughJoinWhere() {
        Tag shared = this.repo.insert(Tag.named("shared"));
        Post post = this.repo.insert(Post.titled("labelled", author("jose")));
        this.jdbc.update("INSERT INTO post_labels (post_id, tag_id, source) VALUES (?, ?, 'web'), (?, ?, 'api')",
                post.id, shared.id, post.id, shared.id);
        Post loaded = this.repo.preload(this.repo.getOrThrow(Post.class, post.id), "apiLabels");
        assertThat(loaded.apiLabels).extracting(tag -> tag.id).containsExactly(shared.id);
        this.repo.update(Changeset.change(loaded).putAssoc("apiLabels", List.of()));
        assertThat(this.jdbc.queryForList("SELECT source FROM post_labels", String.class)).containsExactly("web");
        this.repo.delete(this.repo.getOrThrow(Post.class, post.id));
    }

    @Test
    void aStoredChildWhoseForeignKeyIsWrittenOnlyOnInsertIsNeverMovedSilently() {
        Post post = post("locked", author("jose"));
        comment(post, "kept", true);
        io.schemaspring.repo.it.fixtures.LockedPost locked = this.repo
            .preload(this.repo.getOrThrow(io.schemaspring.repo.it.fixtures.LockedPost.class, post.id), "comments");
        String message = "cannot move a stored LockedComment to or from LockedPost :comments: its foreign key :postId is "
                + "writable = INSERT; make it writable or replace the children with onReplace DELETE";
        assertThatThrownBy(() -> this.repo.update(Changeset.change(locked).putAssoc("comments", List.of())))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(message);
        io.schemaspring.repo.it.fixtures.LockedComment stray = new io.schemaspring.repo.it.fixtures.LockedComment();
        stray.body = "stray";
        stray = this.repo.insert(stray);
        io.schemaspring.repo.it.fixtures.LockedComment strayed = stray;
        assertThatThrownBy(() -> this.repo
            .update(Changeset.change(locked).putAssoc("comments", List.of(locked.comments.get(0), strayed))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(message);
        io.schemaspring.repo.it.fixtures.LockedPost added = this.repo.update(
                Changeset.change(locked).putAssoc("comments", List.of(locked.comments.get(0), Map.of("body", "new"))));
        assertThat(added.comments).extracting(comment -> comment.postId).containsExactly(post.id, post.id);
        assertThat(this.jdbc.queryForList("SELECT body FROM comments WHERE post_id IS NULL", String.class))
            .containsExactly("stray");
    }

    @Test
    void duplicateEntriesOfAUniqueManyToManyChangeAreHasAlreadyBeenTaken() {
        Tag elixir = this.repo.insert(Tag.named("elixir"));
        Tag java = this.repo.insert(Tag.named("java"));
        Post post = this.repo.insert(Post.titled("first", author("jose")));
        Changeset<Post> changeset = Changeset.change(post).putChange("labels", List.of(elixir, java, elixir));
        assertThat(changeset.valid()).isFalse();
        assertThat(changeset.errors())
            .containsExactly(new FieldError("labels[2].id", "has already been taken", Map.of()));
        assertThatThrownBy(() -> this.repo.update(changeset)).isInstanceOf(InvalidChangesetException.class);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM post_labels", Long.class)).isZero();

        changeset.putChange("labels", List.of(elixir, java));
        assertThat(changeset.errors()).isEmpty();
        this.repo.update(changeset);
        assertThat(this.jdbc.queryForList("SELECT tag_id FROM post_labels ORDER BY tag_id", Long.class))
            .containsExactly(elixir.id, java.id);
        assertThat(Changeset.change(post, Map.of("tags", List.of(elixir, elixir))).valid()).isTrue();
    }

    @Test
    void aNullEmbedColumnLoadsAsNullEvenWithDefaultsToStruct() {
        Author author = author("jose");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM authors WHERE address IS NULL", Long.class))
            .isEqualTo(1);
        assertThat(this.repo.getOrThrow(Author.class, author.id).address).isNull();
        assertThat(this.repo.all(Author.class)).singleElement()
            .satisfies(loaded -> assertThat(loaded.address).isNull());
    }

    @Test
    void aNewStructHoldsAnEmptyEmbedWithDefaultsToStructAndStoresIt() {
        Author author = (Author) this.registry.get(Author.class).structs().newInstance();
        assertThat(author.address).isNotNull();
        assertThat(author.address.street).isNull();
        assertThat(author.links).isNull();
        author.name = "ana";
        this.repo.insert(author);
        Author loaded = this.repo.getOrThrow(Author.class, author.id);
        assertThat(loaded.address).isNotNull();
        assertThat(loaded.address.id).isEqualTo(author.address.id);
        assertThat(loaded.address.street).isNull();
        assertThat(loaded.address.city).isNull();
    }

    @Test
    void onDeleteRemovesChildrenAndJoinRowsAndNilifiesNotes() {
        Author author = author("jose");
        Post post = Post.titled("first", author);
        post.tags = List.of(this.repo.insert(Tag.named("elixir")), this.repo.insert(Tag.named("java")));
        this.repo.insert(post);
        comment(post, "one", true);
        comment(post, "two", true);
        Note note = new Note();
        note.content = "remember";
        note.authorId = author.id;
        this.repo.insert(note);

        this.repo.delete(post);
        assertThat(this.repo.count(Comment.class)).isZero();
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM posts_tags", Long.class)).isZero();
        assertThat(this.repo.count(Tag.class)).isEqualTo(2);

        this.repo.delete(author);
        assertThat(this.repo.all(Note.class)).singleElement().satisfies(kept -> {
            assertThat(kept.content).isEqualTo("remember");
            assertThat(kept.authorId).isNull();
        });
    }

    @Test
    void writesJoinRowsOnInsertInsertingNewTagsAndReplacesThemOnStructUpdate() {
        Tag elixir = this.repo.insert(Tag.named("elixir"));
        Tag java = this.repo.insert(Tag.named("java"));
        Tag sql = this.repo.insert(Tag.named("sql"));
        Post post = Post.titled("first", author("jose"));
        post.tags = List.of(elixir, java);
        this.repo.insert(post);
        assertThat(this.jdbc.queryForList("SELECT tag_id FROM posts_tags ORDER BY tag_id", Long.class))
            .containsExactly(elixir.id, java.id);
        post.tags = List.of(sql);
        this.repo.update(post);
        assertThat(this.jdbc.queryForList("SELECT tag_id FROM posts_tags", Long.class)).containsExactly(sql.id);
        Post second = Post.titled("second", this.repo.getOrThrow(Author.class, post.authorId));
        second.tags = List.of(Tag.named("new"), sql);
        this.repo.insert(second);
        Tag inserted = second.tags.get(0);
        assertThat(inserted.id).isNotNull();
        assertThat(this.jdbc.queryForList("SELECT tag_id FROM posts_tags WHERE post_id = ? ORDER BY tag_id", Long.class,
                second.id))
            .containsExactly(sql.id, inserted.id);
        post.tags = List.of(Tag.named("newer"));
        assertThatThrownBy(() -> this.repo.update(post)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("cannot join Post :tags to a Tag without :id: insert it first");
        assertThat(this.jdbc.queryForList("SELECT tag_id FROM posts_tags WHERE post_id = ?", Long.class, post.id))
            .containsExactly(sql.id);
    }

    // ------------------------------------------------------------------ changesets

    @Test
    void declaredConstraintsTurnViolationsIntoFieldErrorsAndWriteNothing() {
        Author jose = author("jose");
        Changeset<Author> duplicate = Changeset.cast(new Author(), Map.of("name", "jose"), "name")
            .uniqueConstraint("name");
        assertThatThrownBy(() -> this.repo.insert(duplicate)).isInstanceOf(InvalidChangesetException.class)
            .hasMessage(
                    "could not perform insert because changeset is invalid. Errors: [name: has already been taken]");
        assertThat(duplicate.errors()).containsExactly(new FieldError("name", "has already been taken",
                Map.of("constraint", "unique", "constraint_name", "authors_name_index")));

        Changeset<Post> orphan = Changeset
            .cast(new Post(), Map.of("title", "t", "authorId", "999999"), "title", "authorId")
            .foreignKeyConstraint("authorId");
        assertThatThrownBy(() -> this.repo.insert(orphan)).isInstanceOf(InvalidChangesetException.class);
        assertThat(orphan.errorMessages()).isEqualTo(Map.of("authorId", List.of("does not exist")));

        Changeset<Post> overrated = Changeset
            .cast(new Post(), Map.of("title", "t", "authorId", jose.id, "rating", 5000), "title", "authorId", "rating")
            .checkConstraint("rating", "posts_rating_check");
        assertThatThrownBy(() -> this.repo.insert(overrated)).isInstanceOf(InvalidChangesetException.class);
        assertThat(overrated.errors()).containsExactly(new FieldError("rating", "is invalid",
                Map.of("constraint", "check", "constraint_name", "posts_rating_check")));

        assertThat(this.repo.count(Author.class)).isEqualTo(1);
        assertThat(this.repo.count(Post.class)).isZero();
        assertThatThrownBy(() -> this.repo.insert(Changeset.cast(new Author(), Map.of("name", "jose"), "name")))
            .as("an undeclared constraint stays an exception")
            .isInstanceOf(UndeclaredConstraintException.class)
            .hasMessage("could not perform insert of Author: the database refused it with unique_constraint "
                    + "\"authors_name_index\", which the changeset did not declare; declare it with "
                    + "uniqueConstraint(field, \"authors_name_index\") to turn it into a field error")
            .hasCauseInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> this.repo
            .insert(Changeset.cast(new Post(), Map.of("title", "t", "authorId", "999999"), "title", "authorId")))
            .isInstanceOf(UndeclaredConstraintException.class)
            .hasMessage("could not perform insert of Post: the database refused it with foreign_key_constraint "
                    + "\"posts_author_id_fkey\", which the changeset did not declare; declare it with "
                    + "foreignKeyConstraint(field, \"posts_author_id_fkey\") to turn it into a field error")
            .satisfies(
                    ex -> assertThat(((UndeclaredConstraintException) ex).kind()).isEqualTo("foreign_key_constraint"));
        assertThatThrownBy(() -> this.repo.insert(Changeset.cast(new Post(),
                Map.of("title", "t", "authorId", jose.id, "rating", 5000), "title", "authorId", "rating")))
            .isInstanceOf(UndeclaredConstraintException.class)
            .hasMessage("could not perform insert of Post: the database refused it with check_constraint "
                    + "\"posts_rating_check\", which the changeset did not declare; declare it with "
                    + "checkConstraint(field, \"posts_rating_check\") to turn it into a field error");
    }

    @Test
    void aNotNullColumnLeftEmptyIsCantBeBlankOnItsField() {
        Changeset<Author> changeset = Changeset.change(new Author());
        assertThatThrownBy(() -> this.repo.insert(changeset)).isInstanceOf(InvalidChangesetException.class)
            .hasMessage("could not perform insert because changeset is invalid. Errors: [name: can't be blank]");
        assertThat(changeset.errors())
            .containsExactly(new FieldError("name", "can't be blank", Map.of("validation", "required")));
        assertThat(this.repo.count(Author.class)).isZero();
    }

    @Test
    void aConstraintIsFoundByTheNameTheDatabaseReportsNotByAValueThatContainsAnotherName() {
        author("jose_check");
        Changeset<Author> changeset = Changeset.cast(new Author(), Map.of("name", "jose_check"), "name")
            .checkConstraint("email", "jose_check")
            .uniqueConstraint("name");
        assertThatThrownBy(() -> this.repo.insert(changeset)).isInstanceOf(InvalidChangesetException.class);
        assertThat(changeset.errors()).containsExactly(new FieldError("name", "has already been taken",
                Map.of("constraint", "unique", "constraint_name", "authors_name_index")));
    }

    @Test
    void valueTooLongForItsColumnIsAFieldErrorWithTheColumnSize() {
        Author jose = author("jose");
        Changeset<Post> changeset = Changeset.cast(new Post(), Map.of("title", "t".repeat(201), "authorId", jose.id),
                "title", "authorId");
        assertThatThrownBy(() -> this.repo.insert(changeset)).isInstanceOf(InvalidChangesetException.class)
            .hasMessage("could not perform insert because changeset is invalid. Errors: "
                    + "[title: should be at most 200 character(s)]");
        assertThat(changeset.errors())
            .containsExactly(new FieldError("title", "should be at most %{count} character(s)",
                    Map.of("count", 200, "validation", "length", "kind", "max", "type", "string")));
        Post post = this.repo.insert(Post.titled("fits", jose));
        Changeset<Post> update = Changeset.cast(post, Map.of("body", "b".repeat(2001)), "body");
        assertThatThrownBy(() -> this.repo.update(update)).isInstanceOf(InvalidChangesetException.class)
            .hasMessage("could not perform update because changeset is invalid. Errors: "
                    + "[body: should be at most 2000 character(s)]");
        assertThat(this.repo.all(Post.class)).extracting(stored -> stored.body).containsExactly(post.body);
    }

    @Test
    void valueTooLongThatNoChangeHoldsIsRefusedWithoutTheValue() {
        Author jose = author("jose");
        Post data = new Post();
        data.title = "secret".repeat(40);
        Changeset<Post> changeset = Changeset.cast(data, Map.of("authorId", jose.id), "authorId");
        assertThatThrownBy(() -> this.repo.insert(changeset)).isInstanceOf(UnstorableValueException.class)
            .hasMessage(
                    "could not perform insert of Post: the database cannot store one of its values (SQLState 22001)");
        assertThat(this.repo.count(Post.class)).isZero();
    }

    @Test
    void insertOfAChangesetAnswersANewStructAndLeavesTheDataAlone() {
        Author data = new Author();
        Author inserted = this.repo
            .insert(Changeset.cast(data, Map.of("name", "jose", "role", "ADMIN"), "name", "role"));
        assertThat(inserted).isNotSameAs(data);
        assertThat(inserted.id).isNotNull();
        assertThat(inserted.role).isEqualTo(Author.Role.ADMIN);
        assertThat(data.id).isNull();
        assertThat(data.name).isNull();
        assertThat(this.repo.getOrThrow(Author.class, inserted.id).name).isEqualTo("jose");
    }

    @Test
    void fieldGeneratorsAreCalledPerRowAndTheSchemaClockOncePerWriteOrBatch() {
        SchemaRepository<io.schemaspring.repo.it.fixtures.Ticket, Long> tickets = new SimpleSchemaRepository<>(
                this.repo, io.schemaspring.repo.it.fixtures.Ticket.class);
        java.util.concurrent.atomic.AtomicInteger codes = io.schemaspring.repo.it.fixtures.Ticket.TicketCodes.CALLS;
        java.util.concurrent.atomic.AtomicInteger clock = io.schemaspring.repo.it.fixtures.Ticket.TicketClock.CALLS;
        int codesBefore = codes.get();
        int clockBefore = clock.get();
        LocalDateTime first = LocalDateTime.of(2030, 1, 1, 0, 0).plusHours(clockBefore);

        io.schemaspring.repo.it.fixtures.Ticket ticket = new io.schemaspring.repo.it.fixtures.Ticket();
        ticket.title = "a";
        io.schemaspring.repo.it.fixtures.Ticket inserted = tickets.insert(ticket);
        assertThat(codes.get() - codesBefore).isEqualTo(1);
        assertThat(clock.get() - clockBefore).isEqualTo(1);
        assertThat(inserted.code).isEqualTo("code-" + (codesBefore + 1));
        assertThat(inserted.insertedAt).isEqualTo(first);
        assertThat(inserted.updatedAt).isEqualTo(first);

        io.schemaspring.repo.it.fixtures.Ticket given = new io.schemaspring.repo.it.fixtures.Ticket();
        given.title = "b";
        given.code = "mine";
        assertThat(tickets.insert(given).code).isEqualTo("mine");
        assertThat(codes.get() - codesBefore).isEqualTo(1);
        assertThat(clock.get() - clockBefore).isEqualTo(2);

        io.schemaspring.repo.it.fixtures.Ticket c = new io.schemaspring.repo.it.fixtures.Ticket();
        c.title = "c";
        io.schemaspring.repo.it.fixtures.Ticket d = new io.schemaspring.repo.it.fixtures.Ticket();
        d.title = "d";
        assertThat(tickets.insertAll(List.of(c, d))).isEqualTo(2);
        assertThat(codes.get() - codesBefore).isEqualTo(3);
        assertThat(clock.get() - clockBefore).isEqualTo(3);
        assertThat(List.of(c.insertedAt, c.updatedAt, d.insertedAt, d.updatedAt))
            .containsOnly(LocalDateTime.of(2030, 1, 1, 0, 0).plusHours(clockBefore + 2));

        inserted.title = "a2";
        int clockBeforeUpdate = clock.get();
        io.schemaspring.repo.it.fixtures.Ticket updated = tickets.update(inserted);
        assertThat(clock.get() - clockBeforeUpdate).isEqualTo(1);
        assertThat(codes.get() - codesBefore).isEqualTo(3);
        assertThat(updated.code).isEqualTo("code-" + (codesBefore + 1));
        assertThat(updated.updatedAt).isEqualTo(LocalDateTime.of(2030, 1, 1, 0, 0).plusHours(clockBeforeUpdate));

        Query<io.schemaspring.repo.it.fixtures.Ticket> all = Query
            .of(this.registry.get(io.schemaspring.repo.it.fixtures.Ticket.class));
        List<io.schemaspring.repo.it.fixtures.Ticket> stored = this.repo.all(all.orderBy("title", Direction.ASC));
        assertThat(stored).extracting(row -> row.title + ":" + row.code)
            .containsExactly("a2:code-" + (codesBefore + 1), "b:mine", "c:code-" + (codesBefore + 2),
                    "d:code-" + (codesBefore + 3));
        assertThat(stored.get(0).insertedAt).isEqualTo(first);
        assertThat(stored.get(0).updatedAt).isEqualTo(LocalDateTime.of(2030, 1, 1, 0, 0).plusHours(clockBeforeUpdate));
    }

    @Test
    void optimisticLockRefusesAStaleUpdateOrDelete() {
        Note note = new Note();
        note.content = "v1";
        this.repo.insert(note);
        Note first = this.repo.getOrThrow(Note.class, note.id);
        Note second = this.repo.getOrThrow(Note.class, note.id);

        Note updated = this.repo.update(Changeset.change(first, Map.of("content", "v2")).optimisticLock("lockVersion"));
        assertThat(updated.lockVersion).isEqualTo(2);

        assertThatThrownBy(
                () -> this.repo.update(Changeset.change(second, Map.of("content", "v3")).optimisticLock("lockVersion")))
            .isInstanceOf(StaleEntryException.class)
            .hasMessage("attempted to update a stale struct: no Note with id " + note.id
                    + " matched (it was deleted or changed since it was loaded)");
        assertThatThrownBy(() -> this.repo.delete(Changeset.change(second).optimisticLock("lockVersion")))
            .isInstanceOf(StaleEntryException.class);
        assertThat(this.jdbc.queryForMap("SELECT content, lock_version FROM notes").values()).containsExactly("v2", 2);
        this.repo.delete(Changeset.change(updated).optimisticLock("lockVersion"));
        assertThat(this.repo.count(Note.class)).isZero();
    }

    @Test
    void castAssocInsertsUpdatesAndDeletesChildrenWithTheParent() {
        Author author = author("jose");
        Post post = this.repo.insert(Changeset
            .cast(new Post(),
                    Map.of("title", "first", "authorId", author.id, "comments",
                            List.of(Map.of("body", "one"), Map.of("body", "two"))),
                    "title", "authorId")
            .castAssoc("comments"));
        assertThat(post.comments).extracting(c -> c.body).containsExactly("one", "two");
        assertThat(post.comments).allSatisfy(c -> {
            assertThat(c.id).isNotNull();
            assertThat(c.postId).isEqualTo(post.id);
        });

        Post loaded = this.repo.preload(this.repo.getOrThrow(Post.class, post.id), "comments");
        Long keptId = loaded.comments.get(0).id;
        Post updated = this.repo.update(
                Changeset
                    .cast(loaded,
                            Map.of("comments",
                                    List.of(Map.of("id", keptId, "body", "one, edited"), Map.of("body", "three"))),
                            List.of())
                    .castAssoc("comments"));

        assertThat(updated.comments).extracting(c -> c.body).containsExactly("one, edited", "three");
        assertThat(this.repo.all(Query.from(Comment.class).orderBy("id"))).extracting(c -> c.body)
            .containsExactly("one, edited", "three");
        assertThat(this.repo.getOrThrow(Comment.class, keptId).body).isEqualTo("one, edited");
    }

    @Test
    void buildAssocChildrenAreInsertedWithTheForeignKeyAndTheAssociationDefaults() {
        Author author = author("jose");
        Author other = author("eric");
        io.schemaspring.metadata.SchemaMetadata authors = this.registry.get(Author.class);

        Note drafted = (Note) authors.structs().buildAssoc(author, "notes");
        assertThat(drafted.id).isNull();
        assertThat(drafted.authorId).isEqualTo(author.id);
        Note first = this.repo.insert(drafted);
        Note second = this.repo
            .insert((Note) authors.structs().buildAssoc(author, "notes", Map.of("content", "hello")));
        Note single = this.repo.insert((Note) authors.structs().buildAssoc(other, "note", Map.of("content", "only")));
        Post post = this.repo
            .insert((Post) authors.structs().buildAssoc(author, "posts", Map.of("title", "built", "rating", 4)));

        assertThat(first.id).isNotNull();
        assertThat(this.jdbc.queryForList("SELECT content, lock_version, author_id FROM notes ORDER BY id"))
            .extracting(row -> List.of(String.valueOf(row.get(key(row, "content"))),
                    ((Number) row.get(key(row, "lock_version"))).intValue(),
                    ((Number) row.get(key(row, "author_id"))).longValue()))
            .containsExactly(List.of("(draft)", 7, author.id), List.of("hello", 7, author.id),
                    List.of("only", 1, other.id));
        assertThat(second.content).isEqualTo("hello");
        assertThat(single.lockVersion).isEqualTo(1);
        Author loaded = this.repo.preload(this.repo.getOrThrow(Author.class, author.id), "notes", "posts");
        assertThat(loaded.notes).extracting(note -> note.content).containsExactlyInAnyOrder("(draft)", "hello");
        assertThat(loaded.posts).singleElement().satisfies(p -> {
            assertThat(p.id).isEqualTo(post.id);
            assertThat(p.title).isEqualTo("built");
            assertThat(p.rating).isEqualTo(4);
            assertThat(p.authorId).isEqualTo(author.id);
        });

        Author fresh = (Author) this.registry.get(Post.class)
            .structs()
            .buildAssoc(post, "author", Map.of("name", "new"));
        assertThat(fresh.id).isNull();
        assertThat(fresh.name).isEqualTo("new");
        assertThatThrownBy(() -> authors.structs().buildAssoc(author, "comments"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Schema Author does not have the association :comments; its associations are "
                    + "[:posts, :notes, :note, :postComments]");
    }

    private static String key(Map<String, Object> row, String column) {
        return row.keySet().stream().filter(name -> name.equalsIgnoreCase(column)).findFirst().orElseThrow();
    }

    @Test
    void insertingAStructLeavesOutItsNullFieldsSoTheColumnDefaultsApply() {
        io.schemaspring.repo.it.fixtures.PlainCounter counter = new io.schemaspring.repo.it.fixtures.PlainCounter();
        counter.label = "defaulted";
        this.dataSource.reset();
        this.repo.insert(counter);
        assertThat(this.dataSource.statements()).singleElement().asString().doesNotContain("hits");
        assertThat(this.jdbc.queryForObject("SELECT hits FROM counters WHERE id = ?", Integer.class, counter.id))
            .isEqualTo(7);
        counter = new io.schemaspring.repo.it.fixtures.PlainCounter();
        counter.hits = 3;
        this.repo.insert(counter);
        assertThat(this.jdbc.queryForMap("SELECT label, hits FROM counters WHERE id = ?", counter.id))
            .containsEntry("label", null)
            .containsEntry("hits", 3);
        this.repo.insert(new io.schemaspring.repo.it.fixtures.PlainCounter());
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM counters WHERE hits = 7", Long.class)).isEqualTo(2);
        io.schemaspring.repo.it.fixtures.PlainCounter explicit = new io.schemaspring.repo.it.fixtures.PlainCounter();
        explicit.hits = 5;
        io.schemaspring.repo.it.fixtures.PlainCounter inserted = this.repo
            .insert(Changeset.change(explicit).putChange("hits", null));
        assertThat(this.jdbc.queryForObject("SELECT hits FROM counters WHERE id = ?", Integer.class, inserted.id))
            .as("a changeset's explicit null is written, as Ecto")
            .isNull();
    }

    /**
     * Ecto (repo.exs): "insert and update with user-assigned primary key in changeset".
     */
    @Test
    void aChangesetMayAssignAndChangeThePrimaryKey() {
        Tag given = new Tag();
        given.id = 11L;
        Tag inserted = this.repo.insert(Changeset.cast(given, Map.of("id", "13", "name", "t"), "id", "name"));
        assertThat(inserted.id).isEqualTo(13L);
        Tag updated = this.repo.update(Changeset.cast(inserted, Map.of("id", "15"), "id"));
        assertThat(updated.id).isEqualTo(15L);
        assertThat(this.jdbc.queryForList("SELECT id FROM tags", Long.class)).containsExactly(15L);
        assertThat(this.repo.getOrThrow(Tag.class, 15L).name).isEqualTo("t");
    }

    @Test
    void aStructWriteWhoseKeyMatchesSeveralRowsRaisesAndChangesNothing() {
        Post post = post("labelled", author("jose"));
        this.jdbc.update("INSERT INTO post_labels (post_id, source, weight) VALUES (?, 'a', 1)", post.id);
        this.jdbc.update("INSERT INTO post_labels (post_id, source, weight) VALUES (?, 'b', 2)", post.id);
        io.schemaspring.repo.it.fixtures.LooseLabel label = new io.schemaspring.repo.it.fixtures.LooseLabel();
        label.postId = post.id;
        label.source = "c";
        label.weight = 9;
        String message = "expected update of LooseLabel to affect at most one row, but it affected 2: the primary key "
                + "[postId] does not identify a single row of post_labels; declare that key unique in the database, or "
                + "declare the key that is with @PrimaryKey";
        assertThatThrownBy(() -> this.repo.update(label))
            .isInstanceOf(io.schemaspring.repo.MultiplePrimaryKeyException.class)
            .hasMessage(message);
        assertThatThrownBy(() -> this.repo.update(Changeset.change(label, Map.of("weight", 7))))
            .isInstanceOf(io.schemaspring.repo.MultiplePrimaryKeyException.class)
            .hasMessage(message);
        assertThatThrownBy(() -> this.repo.delete(label))
            .isInstanceOf(io.schemaspring.repo.MultiplePrimaryKeyException.class)
            .hasMessage(message.replace("expected update", "expected delete"));
        assertThat(this.jdbc.queryForList("SELECT weight FROM post_labels ORDER BY source", Integer.class))
            .containsExactly(1, 2);
    }

    @Test
    void assocConstraintPutsAMissingParentOnTheBelongsToAssociation() {
        Post orphan = Post.titled("orphan", author("jose"));
        orphan.authorId = -1L;
        Changeset<Post> changeset = Changeset.change(orphan).assocConstraint("author");
        assertThatThrownBy(() -> this.repo.insert(changeset)).isInstanceOf(InvalidChangesetException.class);
        assertThat(changeset.errors()).containsExactly(new FieldError("author", "does not exist",
                Map.of("constraint", "assoc", "constraint_name", "posts_author_id_fkey")));
        assertThat(this.repo.count(Post.class)).isZero();
        assertThatThrownBy(() -> Changeset.change(orphan).assocConstraint("comments"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("assocConstraint can only be added to belongs to associations, got :comments on Post");
    }

    @Test
    void noAssocConstraintRefusesToDeleteAParentWhoseChildrenStillPointToIt() {
        Author author = author("jose");
        post("kept", author);
        Changeset<Author> changeset = Changeset.change(author).noAssocConstraint("posts");
        assertThatThrownBy(() -> this.repo.delete(changeset)).isInstanceOf(InvalidChangesetException.class);
        assertThat(changeset.errors()).containsExactly(new FieldError("posts", "are still associated with this entry",
                Map.of("constraint", "no_assoc", "constraint_name", "posts_author_id_fkey")));
        assertThat(this.repo.count(Author.class)).isEqualTo(1);
        assertThat(Changeset.change(author).noAssocConstraint("note").constraints()).containsExactly(
                new io.schemaspring.changeset.Constraint(io.schemaspring.changeset.Constraint.Type.NO_ASSOC, "note",
                        "notes_author_id_fkey", "is still associated with this entry"));
    }

    @Test
    void unsafeValidateUniqueAsksTheDatabaseOnceForAChangedValueOutsideTheStructsOwnRow() {
        Author jose = author("jose");
        this.repo.insert(Author.named("ana"), "tenant_b");
        this.dataSource.reset();
        Changeset<Author> taken = Changeset.change(Author.named("x"), Map.of("name", "jose"))
            .unsafeValidateUnique(List.of("name"), this.repo);
        assertThat(taken.errors()).containsExactly(new FieldError("name", "has already been taken",
                Map.of("validation", "unsafe_unique", "fields", List.of("name"))));
        assertThat(this.dataSource.statements()).hasSize(1);

        this.dataSource.reset();
        assertThat(Changeset.change(jose, Map.of("email", "j@x"))
            .unsafeValidateUnique(List.of("name"), this.repo)
            .errors()).isEmpty();
        assertThat(Changeset.change(jose, Map.of("name", "jose2"))
            .unsafeValidateUnique(List.of("name"), this.repo)
            .errors()).isEmpty();
        Changeset<Author> renamed = Changeset.change(jose);
        renamed.forceChange("name", "jose");
        assertThat(renamed.unsafeValidateUnique(List.of("name"), this.repo).errors()).as("its own row").isEmpty();
        assertThat(this.dataSource.statements()).as("no query without a change").hasSize(2);

        assertThat(Changeset.change(Author.named("x"), Map.of("name", "jose"))
            .unsafeValidateUnique(List.of("name"), this.repo, "tenant_b")
            .errors()).isEmpty();
        assertThat(Changeset.change(Author.named("x"), Map.of("name", "ana"))
            .unsafeValidateUnique(List.of("name"), this.repo, "tenant_b")
            .errorsOn("name")).containsExactly("has already been taken");
    }

    @Test
    void castAssocRefusesToReplaceChildrenWhoseRelationSaysRaise() {
        Author author = author("jose");
        Note note = new Note();
        note.content = "kept";
        note.authorId = author.id;
        this.repo.insert(note);
        Author loaded = this.repo.preload(this.repo.getOrThrow(Author.class, author.id), "notes");
        assertThatThrownBy(() -> Changeset.cast(loaded, Map.of("notes", List.of(Map.of("content", "new"))), List.of())
            .castAssoc("notes"))
            .isInstanceOf(ReplaceRefusedException.class)
            .hasMessage("you are attempting to change relation :notes of Author but the onReplace option of this "
                    + "relation is set to RAISE. Send the ids of the current children to update them, or set "
                    + "onReplace (UPDATE, DELETE, NILIFY, MARK_AS_INVALID) on the relation");
    }

    @Test
    void castEmbedStoresTheEmbeddedStructs() {
        Author inserted = this.repo.insert(Changeset
            .cast(new Author(),
                    Map.of("name", "jose", "address", Map.of("street", "Main Street 1", "city", "Krakow"), "links",
                            List.of(Map.of("url", "https://a", "addedOn", "2026-01-02"))),
                    "name")
            .castEmbed("address")
            .castEmbed("links"));
        Author loaded = this.repo.getOrThrow(Author.class, inserted.id);
        assertThat(loaded.address.street).isEqualTo("Main Street 1");
        assertThat(loaded.address.id).isNotNull();
        assertThat(loaded.links).singleElement().satisfies(link -> {
            assertThat(link.url).isEqualTo("https://a");
            assertThat(link.addedOn).isEqualTo(LocalDate.of(2026, 1, 2));
        });
    }

    // ------------------------------------------------------------------ stream

    @Test
    void streamReadsTheRowsOfAQueryThroughACursorInsideATransaction() {
        Author author = author("jose");
        post("one", author);
        post("two", author);
        post("three", author);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
        List<String> titles = transaction.execute(status -> {
            try (java.util.stream.Stream<Post> posts = this.repo.stream(Query.from(Post.class).orderBy("id"), 2)) {
                return posts.map(post -> post.title).toList();
            }
        });
        assertThat(titles).containsExactly("one", "two", "three");
    }

    @Test
    void streamRefusesToRunWithoutATransactionOrWithPreloads() {
        assertThatThrownBy(() -> this.repo.stream(Query.from(Post.class)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("stream needs a transaction, as Ecto's Repo.stream");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
        assertThatThrownBy(() -> transaction
            .executeWithoutResult(status -> this.repo.stream(Query.from(Post.class).preload("comments"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("stream does not preload");
    }

    // ------------------------------------------------------------------ Multi

    @Test
    void multiRunsEveryStepInOneTransactionAndAnswersTheirResultsByName() {
        Multi multi = Multi.create()
            .insert("author", Changeset.cast(new Author(), Map.of("name", "jose"), "name"))
            .insert("post", changes -> Post.titled("first", changes.get("author", Author.class)))
            .update("retitled",
                    changes -> Changeset.change(changes.get("post", Post.class), Map.of("title", "renamed")))
            .insertAll("tags", List.of(Tag.named("a"), Tag.named("b")))
            .run("count", (repo, changes) -> repo.count(Post.class));
        MultiResult result = this.repo.transaction(multi);
        assertThat(result.ok()).isTrue();
        assertThat(result.changes().keySet()).containsExactly("author", "post", "retitled", "tags", "count");
        assertThat(result.get("retitled", Post.class).title).isEqualTo("renamed");
        assertThat(result.get("tags", Integer.class)).isEqualTo(2);
        assertThat(result.get("count", Long.class)).isEqualTo(1L);
        assertThat(this.jdbc.queryForObject("SELECT title FROM posts", String.class)).isEqualTo("renamed");
    }

    @Test
    void multiRollsBackEverythingAtAnInvalidChangesetAndAnswersIt() {
        Changeset<Post> invalid = Changeset.cast(new Post(), Map.of("title", ""), "title").validateRequired("title");
        MultiResult result = this.repo.transaction(Multi.create()
            .insert("author", Author.named("jose"))
            .insert("post", invalid)
            .run("never", (repo, changes) -> {
                throw new IllegalStateException("must not run");
            }));
        assertThat(result.ok()).isFalse();
        assertThat(result.failedStep()).isEqualTo("post");
        assertThat(result.failedValue()).isSameAs(invalid);
        assertThat(result.changes().keySet()).containsExactly("author");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM authors", Long.class)).isZero();
    }

    @Test
    void multiAnswersTheChangesetWithTheConstraintErrorAndRollsBack() {
        author("jose");
        Changeset<Author> duplicate = Changeset.cast(new Author(), Map.of("name", "jose"), "name")
            .uniqueConstraint("name");
        MultiResult result = this.repo
            .transaction(Multi.create().insert("tag", Tag.named("kept?")).insert("author", duplicate));
        assertThat(result.failedStep()).isEqualTo("author");
        assertThat(((Changeset<?>) result.failedValue()).errorMessages())
            .isEqualTo(Map.of("name", List.of("has already been taken")));
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tags", Long.class)).isZero();
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM authors", Long.class)).isEqualTo(1);
    }

    @Test
    void multiStopsAtAReturnedFailureAndRethrowsAnExceptionOfARunStepAfterTheRollback() {
        MultiResult failed = this.repo.transaction(Multi.create()
            .insert("tag", Tag.named("first"))
            .run("check", (repo, changes) -> Multi.failure("not today")));
        assertThat(failed.failedStep()).isEqualTo("check");
        assertThat(failed.failedValue()).isEqualTo("not today");
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> this.repo
            .transaction(Multi.create().insert("tag", Tag.named("second")).run("explode", (repo, changes) -> {
                throw boom;
            }))).isSameAs(boom);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tags", Long.class)).isZero();
    }

    @Test
    void multiRefusesTwoStepsWithOneName() {
        assertThatThrownBy(() -> Multi.create().insert("tag", Tag.named("a")).insert("tag", Tag.named("b")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(":tag is already a step of this Multi: give each step its own name");
    }

    // ------------------------------------------------------------------ prefixes

    @Test
    void prefixSendsReadsWritesAndPreloadsToTheTenantSchema() {
        Author author = this.repo.insert(Author.named("tenant author"), "tenant_b");
        assertThat(this.repo.prefixOf(author)).isEqualTo("tenant_b");
        Post post = this.repo.insert(Post.titled("tenant post", author), "tenant_b");
        Comment comment = Comment.on(post, "tenant comment");
        this.repo.insert(comment, "tenant_b");

        assertThat(this.repo.all(Author.class)).isEmpty();
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tenant_b.authors", Long.class)).isEqualTo(1);

        List<Author> loaded = this.repo.all(Query.from(Author.class).prefix("tenant_b").preload("posts.comments"));
        assertThat(loaded).singleElement().satisfies(tenant -> {
            assertThat(tenant.name).isEqualTo("tenant author");
            assertThat(tenant.posts).extracting(p -> p.title).containsExactly("tenant post");
            assertThat(tenant.posts.get(0).comments).extracting(c -> c.body).containsExactly("tenant comment");
            assertThat(this.repo.prefixOf(tenant.posts.get(0).comments.get(0))).isEqualTo("tenant_b");
        });

        Author tenant = loaded.get(0);
        tenant.name = "renamed";
        this.repo.update(tenant);
        assertThat(this.jdbc.queryForObject("SELECT name FROM tenant_b.authors", String.class)).isEqualTo("renamed");
        this.repo.delete(tenant.posts.get(0).comments.get(0));
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tenant_b.comments", Long.class)).isZero();
        assertThatThrownBy(() -> Query.from(Author.class).prefix("tenant_b; DROP TABLE authors"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Prefix \"tenant_b; DROP TABLE authors\" is not a valid SQL identifier: use letters, digits "
                    + "and underscores, not starting with a digit, at most 63 characters");
    }

    @Test
    void repositoryBoundToAPrefixReadsAndWritesThere() {
        SchemaRepository<Tag, Long> tenant = new SimpleSchemaRepository<Tag, Long>(this.repo, Tag.class)
            .withPrefix("tenant_b");
        Tag tag = tenant.insert(Tag.named("tenant tag"));
        tenant.insert(Changeset.cast(new Tag(), Map.of("name", "cast tag"), "name"));
        assertThat(this.repo.count(Tag.class)).isZero();
        assertThat(tenant.count()).isEqualTo(2);
        assertThat(tenant.findAll(org.springframework.data.domain.Sort.by("name"))).extracting(t -> t.name)
            .containsExactly("cast tag", "tenant tag");
        Tag loaded = tenant.getOrThrow(tag.id);
        assertThat(tenant.findById(tag.id)).isPresent();
        assertThat(new SimpleSchemaRepository<Tag, Long>(this.repo, Tag.class).findById(tag.id)).isEmpty();
        tenant.update(Changeset.change(loaded, Map.of("name", "renamed")));
        assertThat(this.jdbc.queryForList("SELECT name FROM tenant_b.tags ORDER BY name", String.class))
            .containsExactly("cast tag", "renamed");
        assertThat(tenant).hasToString("SchemaRepository<Tag> in tenant_b");
    }

    @Test
    void aCopyOfATenantsStructWithoutStructMetaGoesBackToItsTenantNeverToTheDefaultSchema() {
        this.jdbc.update("INSERT INTO tags (id, name) VALUES (9001, 'default tag')");
        this.jdbc.update("INSERT INTO tenant_b.tags (id, name) VALUES (9001, 'tenant tag')");
        Tag loaded = this.repo.get(Tag.class, "tenant_b", 9001L).orElseThrow();
        Tag applied = Changeset.change(loaded, Map.of("name", "renamed by a copy")).applyChanges();
        this.repo.update(applied);
        Tag copied = (Tag) this.registry.get(Tag.class).structs().copy(applied);
        copied.name = "renamed by a copy of the copy";
        this.repo.update(copied);
        assertThat(this.repo.prefixOf(copied)).isEqualTo("tenant_b");
        assertThat(this.jdbc.queryForObject("SELECT name FROM tenant_b.tags WHERE id = 9001", String.class))
            .isEqualTo("renamed by a copy of the copy");
        assertThat(this.jdbc.queryForObject("SELECT name FROM tags WHERE id = 9001", String.class))
            .isEqualTo("default tag");
        this.repo.delete(Changeset.change(loaded).applyChanges());
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tenant_b.tags", Long.class)).isZero();
        assertThat(this.jdbc.queryForList("SELECT name FROM tags", String.class)).containsExactly("default tag");
    }

    @Test
    void repoAssocReadsTheAssociationWhereATenantsStructWithoutStructMetaIsStored() {
        Author tenant = this.repo.insert(Author.named("tenant author"), "tenant_b");
        this.repo.insert(Post.titled("tenant post", tenant), "tenant_b");
        Author local = author("local author");
        this.jdbc.update("UPDATE authors SET id = ? WHERE id = ?", tenant.id, local.id);
        post("default post", this.repo.getOrThrow(Author.class, tenant.id));
        assertThat(this.repo.all(this.repo.<Post>assoc(tenant, "posts"))).extracting(post -> post.title)
            .containsExactly("tenant post");
        assertThat(this.repo.all(Query.<Post>assoc(tenant, "posts"))).as("without the repository's knowledge")
            .extracting(post -> post.title)
            .containsExactly("default post");
    }

    @Test
    void boundRepositoryWritesAndDeletesAStructItNeverLoadedOnlyInItsPrefix() {
        this.jdbc.update("INSERT INTO tags (id, name) VALUES (9001, 'default tag')");
        this.jdbc.update("INSERT INTO tenant_b.tags (id, name) VALUES (9001, 'tenant tag')");
        SchemaRepository<Tag, Long> tenant = new SimpleSchemaRepository<Tag, Long>(this.repo, Tag.class)
            .withPrefix("tenant_b");
        Tag fromJson = new Tag();
        fromJson.id = 9001L;
        fromJson.name = "renamed by save";
        tenant.save(fromJson);
        assertThat(this.jdbc.queryForObject("SELECT name FROM tenant_b.tags WHERE id = 9001", String.class))
            .isEqualTo("renamed by save");
        assertThat(this.jdbc.queryForObject("SELECT name FROM tags WHERE id = 9001", String.class))
            .isEqualTo("default tag");

        Tag copy = new Tag();
        copy.id = 9001L;
        copy.name = "renamed by update";
        tenant.update(copy);
        assertThat(this.jdbc.queryForObject("SELECT name FROM tenant_b.tags WHERE id = 9001", String.class))
            .isEqualTo("renamed by update");

        Tag another = new Tag();
        another.id = 9001L;
        tenant.delete(another);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tenant_b.tags", Long.class)).isZero();
        assertThat(this.jdbc.queryForList("SELECT name FROM tags", String.class)).containsExactly("default tag");
    }

    @Test
    void boundRepositoryPreloadsAStructItNeverLoadedFromItsPrefix() {
        Author author = this.repo.insert(Author.named("tenant author"), "tenant_b");
        Post post = this.repo.insert(Post.titled("tenant post", author), "tenant_b");
        this.repo.insert(Comment.on(post, "tenant comment"), "tenant_b");
        SchemaRepository<Author, Long> tenant = new SimpleSchemaRepository<Author, Long>(this.repo, Author.class)
            .withPrefix("tenant_b");
        Author fromJson = new Author();
        fromJson.id = author.id;
        tenant.preload(fromJson, "posts.comments");
        assertThat(fromJson.posts).extracting(p -> p.title).containsExactly("tenant post");
        assertThat(fromJson.posts.get(0).comments).extracting(c -> c.body).containsExactly("tenant comment");
    }

    @Test
    void boundRepositoryReadsOnlyItsPrefixAndRefusesAQueryNamingAnother() {
        this.repo.insert(Tag.named("default tag"));
        this.repo.insert(Tag.named("tenant tag"), "tenant_b");
        SchemaRepository<Tag, Long> tenant = new SimpleSchemaRepository<Tag, Long>(this.repo, Tag.class)
            .withPrefix("tenant_b");
        assertThat(tenant.all(Query.from(Tag.class))).extracting(t -> t.name).containsExactly("tenant tag");
        assertThat(tenant.count(Query.from(Tag.class))).isEqualTo(1);
        assertThatThrownBy(() -> tenant.all(Query.from(Tag.class).prefix("public")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("the query names prefix \"public\" but SchemaRepository<Tag> in tenant_b reads only prefix "
                    + "\"tenant_b\": build it with query() or without a prefix");
    }

    @Test
    void copiesOfAStructWithStructMetaKeepItsPrefix() {
        Author author = this.repo.insert(Author.named("tenant author"), "tenant_b");
        Post inserted = this.repo.insert(Post.titled("original", author), "tenant_b");
        assertThat(inserted.meta).isEqualTo(StructMeta.loaded("tenant_b", "posts"));
        Post loaded = this.repo.all(Query.from(Post.class).prefix("tenant_b")).get(0);
        assertThat(loaded.meta).isEqualTo(StructMeta.loaded("tenant_b", "posts"));

        Post applied = Changeset.change(loaded, Map.of("title", "from applyChanges")).applyChanges();
        this.repo.update(applied);
        assertThat(this.jdbc.queryForObject("SELECT title FROM tenant_b.posts", String.class))
            .isEqualTo("from applyChanges");

        Post copy = (Post) this.registry.get(Post.class).structs().copy(loaded);
        copy.title = "from copy";
        this.repo.update(copy);
        assertThat(this.jdbc.queryForObject("SELECT title FROM tenant_b.posts", String.class)).isEqualTo("from copy");

        this.repo.delete(copy);
        assertThat(copy.meta).isEqualTo(StructMeta.loaded("tenant_b", "posts").withState(StructMeta.State.DELETED));
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tenant_b.posts", Long.class)).isZero();
    }

    @Test
    void structKnownToBeInOnePrefixIsRefusedThroughAnotherAndNothingIsWritten() {
        Author author = author("default author");
        Post post = post("default post", author);
        assertThat(post.meta).isEqualTo(StructMeta.loaded(null, "posts"));
        SchemaRepository<Post, Long> tenant = new SimpleSchemaRepository<Post, Long>(this.repo, Post.class)
            .withPrefix("tenant_b");
        post.title = "moved?";
        this.dataSource.reset();
        assertThatThrownBy(() -> tenant.save(post)).isInstanceOf(PrefixMismatchException.class)
            .hasMessage("cannot update Post with id " + post.id
                    + " in prefix \"tenant_b\": it is stored in the default "
                    + "schema. Use a repository bound to the default schema, or insert a copy without its StructMeta to "
                    + "copy it across prefixes");
        assertThatThrownBy(() -> tenant.delete(post)).isInstanceOf(PrefixMismatchException.class)
            .hasMessageStartingWith("cannot delete Post with id " + post.id + " in prefix \"tenant_b\"");
        assertThatThrownBy(() -> this.repo.update(Changeset.change(post, Map.of("title", "x")), "tenant_b"))
            .isInstanceOf(PrefixMismatchException.class);
        assertThatThrownBy(() -> tenant.preload(post, "comments")).isInstanceOf(PrefixMismatchException.class);
        assertThat(this.dataSource.statements()).isEmpty();

        Tag tenantTag = this.repo.insert(Tag.named("tenant tag"), "tenant_b");
        assertThatThrownBy(() -> this.repo.delete(tenantTag, "other")).isInstanceOf(PrefixMismatchException.class)
            .hasMessageStartingWith("cannot delete Tag with id " + tenantTag.id
                    + " in prefix \"other\": it is stored in " + "prefix \"tenant_b\"");
    }

    @Test
    void explicitPrefixOverloadsWriteAndDeleteThere() {
        this.jdbc.update("INSERT INTO tenant_b.tags (id, name) VALUES (9002, 'tenant tag')");
        Tag tag = new Tag();
        tag.id = 9002L;
        tag.name = "renamed";
        this.repo.update(tag, "tenant_b");
        assertThat(this.jdbc.queryForObject("SELECT name FROM tenant_b.tags WHERE id = 9002", String.class))
            .isEqualTo("renamed");
        assertThat(this.repo.prefixOf(tag)).isEqualTo("tenant_b");
        this.repo.delete(tag, "tenant_b");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tenant_b.tags", Long.class)).isZero();
    }

    @Test
    void updatesWithTheSameChangesInAnotherOrderShareOneStatement() {
        Author author = author("jose");
        Post first = post("first", author);
        Post second = post("second", author);
        this.dataSource.reset();
        Map<String, Object> titleThenBody = new java.util.LinkedHashMap<>();
        titleThenBody.put("title", "a");
        titleThenBody.put("body", "b");
        Map<String, Object> bodyThenTitle = new java.util.LinkedHashMap<>();
        bodyThenTitle.put("body", "b");
        bodyThenTitle.put("title", "a");
        this.repo.update(Changeset.change(first, titleThenBody));
        this.repo.update(Changeset.change(second, bodyThenTitle));
        assertThat(this.dataSource.statements()).hasSize(2);
        assertThat(this.dataSource.statements().get(0)).isEqualTo(this.dataSource.statements().get(1));
    }

    @Test
    void schemaPrefixSendsEveryStatementToItsDatabaseSchema() {
        ArchivedTag tag = new ArchivedTag();
        tag.name = "archived";
        this.repo.insert(tag);
        assertThat(this.repo.prefixOf(tag)).isEqualTo("tenant_b");
        assertThat(this.jdbc.queryForList("SELECT name FROM tenant_b.tags", String.class)).containsExactly("archived");
        assertThat(this.repo.count(Tag.class)).isZero();
        ArchivedTag loaded = this.repo.getOrThrow(ArchivedTag.class, tag.id);
        loaded.name = "renamed";
        this.repo.update(loaded);
        assertThat(this.jdbc.queryForList("SELECT name FROM tenant_b.tags", String.class)).containsExactly("renamed");
        this.repo.delete(loaded);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM tenant_b.tags", Long.class)).isZero();
    }

    // ------------------------------------------------------------------ JSON

    @Test
    void embedsManyIsAnEmptyListRatherThanNull() {
        Author author = author("jose");
        assertThat(author.links).isEmpty();
        assertThat(this.jdbc.queryForObject("SELECT links FROM authors", String.class)).isEqualTo("[]");
        this.jdbc.update("UPDATE authors SET links = NULL");
        assertThat(this.repo.getOrThrow(Author.class, author.id).links).isEmpty();
    }

    @Test
    void embedsIgnoreUnknownJsonKeysAndLeaveMissingOnesNull() {
        Author author = author("jose");
        this.jdbc.update("UPDATE authors SET address = " + jsonParameter() + ", links = " + jsonParameter(),
                "{\"street\": \"Main Street 1\", \"floor\": 3}", "[{\"url\": \"https://a\", \"extra\": true}]");
        Author loaded = this.repo.getOrThrow(Author.class, author.id);
        assertThat(loaded.address.street).isEqualTo("Main Street 1");
        assertThat(loaded.address.city).isNull();
        assertThat(loaded.address.id).isNull();
        assertThat(loaded.links).singleElement().satisfies(link -> {
            assertThat(link.url).isEqualTo("https://a");
            assertThat(link.addedOn).isNull();
        });
    }

    // ------------------------------------------------------------------ preloads

    @Test
    void preloadsAThousandPostsWithCommentsAuthorAndTagsInExactlyFourStatementsOneKeyListEach() {
        Author author = author("jose");
        List<Tag> tags = List.of(this.repo.insert(Tag.named("b")), this.repo.insert(Tag.named("a")));
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            posts.add(Post.titled("post " + i, author));
        }
        this.repo.insertAll(posts);
        List<Post> inserted = this.repo.all(Query.from(Post.class).orderBy("id"));
        List<Comment> comments = new ArrayList<>();
        for (Post post : inserted) {
            comments.add(Comment.on(post, "first on " + post.title));
            comments.add(Comment.on(post, "second on " + post.title));
        }
        this.repo.insertAll(comments);
        this.jdbc.batchUpdate("INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)",
                inserted.stream().flatMap(post -> tags.stream().map(tag -> new Object[] { post.id, tag.id })).toList());
        this.dataSource.reset();

        List<Post> loaded = this.repo.all(Query.from(Post.class).orderBy("id").preload("comments", "author", "tags"));

        assertThat(this.dataSource.statements()).hasSize(4);
        assertThat(this.dataSource.statements()).anySatisfy(statement -> assertThat(statement)
            .contains("FROM " + sql("\"comments\"") + " WHERE " + keysIn(sql("\"post_id\""), 1024)));
        assertThat(this.dataSource.statements()).anySatisfy(statement -> assertThat(statement)
            .contains("FROM " + sql("\"authors\"") + " WHERE " + keysIn(sql("\"id\""), 1)));
        assertThat(loaded).hasSize(1000);
        assertThat(loaded).allSatisfy(post -> {
            assertThat(post.comments).extracting(c -> c.body)
                .containsExactly("first on " + post.title, "second on " + post.title);
            assertThat(post.author.name).isEqualTo("jose");
            assertThat(post.tags).extracting(t -> t.name).containsExactly("a", "b");
        });
    }

    @Test
    void preloadsNestedFilteredAndThroughAssociations() {
        Author author = author("jose");
        Post first = post("first", author);
        Post second = post("second", author);
        Comment one = comment(first, "one", true);
        comment(first, "hidden", false);
        Comment three = comment(first, "three", true);
        Comment four = comment(second, "four", true);
        this.dataSource.reset();

        this.repo.preload(author, "posts.approvedComments", "postComments");

        assertThat(this.dataSource.statements()).as("posts, approved comments, comments: loaded posts are reused")
            .hasSize(3);
        assertThat(author.posts).extracting(p -> p.title).containsExactly("first", "second");
        assertThat(author.posts.get(0).approvedComments).extracting(c -> c.id).containsExactly(three.id, one.id);
        assertThat(author.posts.get(1).approvedComments).extracting(c -> c.id).containsExactly(four.id);
        assertThat(author.postComments).extracting(c -> c.body)
            .containsExactlyInAnyOrder("one", "hidden", "three", "four");
        assertThatThrownBy(() -> this.repo.preload(author, "nope"))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("schema Author does not have association :nope; its associations are [posts, notes, note, "
                    + "postComments]");
    }

    @Test
    void preloadsHasOneAsTheStructOrNull() {
        Author withNote = author("jose");
        Author withoutNote = author("eric");
        Note note = new Note();
        note.content = "remember";
        note.authorId = withNote.id;
        this.repo.insert(note);
        this.dataSource.reset();
        List<Author> authors = this.repo.all(Query.from(Author.class).orderBy("name").preload("note"));
        assertThat(this.dataSource.statements()).hasSize(2);
        assertThat(authors.get(0).name).isEqualTo("eric");
        assertThat(authors.get(0).note).isNull();
        assertThat(this.repo.isLoaded(authors.get(0), "note")).isTrue();
        assertThat(authors.get(1).note.content).isEqualTo("remember");
    }

    @Test
    void preloadedBelongsToWithoutKeyIsLoadedAsNull() {
        Post post = post("first", author("jose"));
        Comment orphan = this.repo.insert(new Comment());
        Comment attached = comment(post, "attached", true);
        List<Comment> comments = this.repo.all(Query.from(Comment.class).orderBy("id"));
        assertThat(this.repo.isLoaded(comments.get(0), "post")).isFalse();
        this.repo.preload(comments, "post");
        assertThat(comments.get(0).id).isEqualTo(orphan.id);
        assertThat(comments.get(0).post).isNull();
        assertThat(this.repo.isLoaded(comments.get(0), "post")).isTrue();
        assertThat(comments.get(1).id).isEqualTo(attached.id);
        assertThat(comments.get(1).post.title).isEqualTo("first");
    }

    // ------------------------------------------------------------------ transactions and
    // errors

    @Test
    void rollsBackEveryWriteOfAFailedTransaction() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            this.repo.insert(Tag.named("kept?"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(this.repo.count(Tag.class)).isZero();
    }

    @Test
    void translatesSqlErrorsIntoSpringDataAccessExceptions() {
        author("jose");
        assertThatThrownBy(() -> author("jose")).isInstanceOf(DuplicateKeyException.class);
    }

}
