package io.schemaspring.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.DialectResolver;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Tables created from {@link SchemaDdl} work with the repository, and
 * {@link SchemaValidator} reads their metadata.
 */
class SchemaDdlDatabaseTest {

    private static final List<String> TABLES = List.of("ddl_posts_tags", "ddl_comments", "ddl_posts", "ddl_tags",
            "ddl_authors", "ddl_v_posts");

    private static String url(String database) {
        return switch (database) {
            case "h2" -> "jdbc:h2:mem:ddl_it;DB_CLOSE_DELAY=-1";
            case "postgres" -> "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=test&connectTimeout=3";
            default -> "jdbc:mariadb://127.0.0.1:3306/test?user=root&connectTimeout=3000";
        };
    }

    private static SingleConnectionDataSource connect(String database) {
        try (Connection probe = DriverManager.getConnection(url(database))) {
            probe.isValid(1);
        }
        catch (SQLException ex) {
            Assumptions.abort(database + " is not reachable: " + ex.getMessage());
        }
        return new SingleConnectionDataSource(url(database), true);
    }

    private static void drop(JdbcTemplate jdbc, String database) {
        for (String table : TABLES) {
            jdbc.execute("DROP TABLE IF EXISTS " + table + (database.equals("postgres") ? " CASCADE" : ""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres", "mariadb" })
    void createdTablesTakeInsertsPreloadsAndReportConstraintViolations(String database) throws Exception {
        SingleConnectionDataSource dataSource = connect(database);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            drop(jdbc, database);
            SchemaRegistry registry = SchemaRegistry.builder()
                .add(DdlFixtures.Author.class, DdlFixtures.Post.class, DdlFixtures.Comment.class, DdlFixtures.Tag.class)
                .build();
            Dialect dialect = DialectResolver.resolve(dataSource);
            SchemaDdl.create(registry, dialect).forEach(jdbc::execute);
            jdbc.execute("CREATE UNIQUE INDEX ddl_tags_name_index ON ddl_tags (name)");
            assertThat(SchemaValidator.validate(registry, dataSource, dialect).mismatches()).isEmpty();

            Repo repo = Repo.create(registry, dataSource);
            DdlFixtures.Author author = new DdlFixtures.Author();
            author.name = "jose";
            author.nicknames = List.of("j", "jv");
            author.settings = Map.of("theme", "dark");
            author.address = new DdlFixtures.Address();
            author.address.city = "Krakow";
            repo.insert(author);
            DdlFixtures.Post post = new DdlFixtures.Post();
            post.title = "hello";
            post.rating = 5;
            post.price = new BigDecimal("12.50");
            post.authorId = author.id;
            repo.insert(post);
            DdlFixtures.Comment comment = new DdlFixtures.Comment();
            comment.body = "nice";
            comment.postId = post.id;
            repo.insert(comment);
            DdlFixtures.Tag tag = new DdlFixtures.Tag();
            tag.name = "elixir";
            tag.publicId = UUID.randomUUID();
            repo.insert(tag);
            jdbc.update("INSERT INTO ddl_posts_tags (post_id, tag_id) VALUES (?, ?)", post.id, tag.id);

            DdlFixtures.Author loaded = repo.preload(repo.get(DdlFixtures.Author.class, author.id).orElseThrow(),
                    "posts", "posts.comments", "posts.tags");
            assertThat(loaded.nicknames).containsExactly("j", "jv");
            assertThat(loaded.settings).containsEntry("theme", "dark");
            assertThat(loaded.address.city).isEqualTo("Krakow");
            assertThat(loaded.role).isEqualTo(DdlFixtures.Author.Role.MEMBER);
            assertThat(loaded.insertedAt).isNotNull();
            assertThat(loaded.posts).singleElement().satisfies(loadedPost -> {
                assertThat(loadedPost.price).isEqualByComparingTo("12.50");
                assertThat(loadedPost.comments).extracting(c -> c.body).containsExactly("nice");
                assertThat(loadedPost.tags).extracting(t -> t.publicId).containsExactly(tag.publicId);
            });

            Changeset<DdlFixtures.Tag> duplicate = Changeset
                .cast(new DdlFixtures.Tag(), Map.of("name", "elixir"), "name")
                .uniqueConstraint("name");
            assertThatThrownBy(() -> repo.insert(duplicate)).isInstanceOf(InvalidChangesetException.class);
            assertThat(duplicate.errorMessages()).isEqualTo(Map.of("name", List.of("has already been taken")));
            Changeset<DdlFixtures.Comment> orphan = Changeset
                .cast(new DdlFixtures.Comment(), Map.of("body", "x", "postId", 999999), "body", "postId")
                .foreignKeyConstraint("postId");
            assertThatThrownBy(() -> repo.insert(orphan)).isInstanceOf(InvalidChangesetException.class);
            assertThat(orphan.errorMessages()).isEqualTo(Map.of("postId", List.of("does not exist")));
        }
        finally {
            drop(new JdbcTemplate(dataSource), database);
            dataSource.destroy();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres", "mariadb" })
    void validationReportsAMissingTableAMissingColumnAndAWrongType(String database) throws Exception {
        SingleConnectionDataSource dataSource = connect(database);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            drop(jdbc, database);
            jdbc.execute("CREATE TABLE ddl_v_posts (id BIGINT PRIMARY KEY, title VARCHAR(100), rating VARCHAR(10))");
            SchemaRegistry registry = SchemaRegistry.builder().add(ValidatedPost.class, ValidatedMissing.class).build();
            Dialect dialect = DialectResolver.resolve(dataSource);
            SchemaValidator.Report report = SchemaValidator.validate(registry, dataSource, dialect);
            assertThat(report.mismatches()).extracting(SchemaValidator.Mismatch::problem).hasSize(3);
            assertThat(report.mismatches().get(1).problem())
                .startsWith("Column " + dialect.quote("rating") + " of " + dialect.quote("ddl_v_posts")
                        + " (field ValidatedPost.rating, :integer) has type ")
                .endsWith(", expected BIGINT.");
            assertThat(report.mismatches()).extracting(SchemaValidator.Mismatch::problem)
                .contains("Table " + dialect.quote("ddl_v_missing") + " of schema ValidatedMissing does not exist.",
                        "Column " + dialect.quote("body") + " of " + dialect.quote("ddl_v_posts")
                                + " (field ValidatedPost.body, :string) does not exist.");
            for (SchemaValidator.Mismatch mismatch : report.mismatches()) {
                jdbc.execute(mismatch.fix());
            }
            assertThat(SchemaValidator.validate(registry, dataSource, dialect).mismatches()).isEmpty();
        }
        finally {
            jdbc(dataSource).execute("DROP TABLE IF EXISTS ddl_v_missing");
            drop(new JdbcTemplate(dataSource), database);
            dataSource.destroy();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres", "mariadb" })
    void aMigrationOfTheDifferencesIsWrittenAndBringsTheDatabaseToTheSchemas(String database,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws Exception {
        SingleConnectionDataSource dataSource = connect(database);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            drop(jdbc, database);
            jdbc.execute("CREATE TABLE ddl_v_posts (id BIGINT PRIMARY KEY, title VARCHAR(100), rating BIGINT)");
            SchemaRegistry registry = SchemaRegistry.builder().add(ValidatedPost.class).build();
            Dialect dialect = DialectResolver.resolve(dataSource);
            java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-08T10:30:00Z"),
                    java.time.ZoneOffset.UTC);

            java.nio.file.Path file = SchemaMigrations.write(registry, dataSource, dialect, directory.resolve("db"),
                    "add post bodies", clock);

            assertThat(file).hasFileName("V20261208103000__add_post_bodies.sql");
            assertThat(java.nio.file.Files.readString(file)).isEqualTo("-- Column " + dialect.quote("body") + " of "
                    + dialect.quote("ddl_v_posts") + " (field ValidatedPost.body, :string) does not exist.\n"
                    + "ALTER TABLE " + dialect.quote("ddl_v_posts") + " ADD COLUMN "
                    + SchemaDdl.columnDefinition(registry.get(ValidatedPost.class), "body", dialect) + ";\n\n");
            try (Connection connection = dataSource.getConnection()) {
                org.springframework.jdbc.datasource.init.ScriptUtils.executeSqlScript(connection,
                        new org.springframework.core.io.FileSystemResource(file));
            }
            assertThat(SchemaMigrations.write(registry, dataSource, dialect, directory, "again", clock)).isNull();
            assertThat(SchemaMigrations.script(registry, dataSource, dialect)).isEmpty();
            assertThatThrownBy(
                    () -> SchemaMigrations.write(registry, dataSource, dialect, directory, "drop; users", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Migration description \"drop; users\" must be letters, digits, underscores and "
                        + "spaces, as Flyway file names take");
        }
        finally {
            drop(new JdbcTemplate(dataSource), database);
            dataSource.destroy();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres", "mariadb" })
    void aMigrationCreatesMissingTablesReferencedOnesFirst(String database) throws Exception {
        SingleConnectionDataSource dataSource = connect(database);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            drop(jdbc, database);
            SchemaRegistry registry = SchemaRegistry.builder()
                .add(DdlFixtures.Comment.class, DdlFixtures.Post.class, DdlFixtures.Author.class)
                .build();
            Dialect dialect = DialectResolver.resolve(dataSource);

            String script = SchemaMigrations.script(registry, dataSource, dialect);

            assertThat(script.indexOf("CREATE TABLE " + dialect.quote("ddl_authors")))
                .isLessThan(script.indexOf("CREATE TABLE " + dialect.quote("ddl_posts")));
            assertThat(script.indexOf("CREATE TABLE " + dialect.quote("ddl_posts")))
                .isLessThan(script.indexOf("CREATE TABLE " + dialect.quote("ddl_comments")));
            for (String statement : script.split(";\n")) {
                String sql = statement.lines()
                    .filter(line -> !line.startsWith("--"))
                    .collect(java.util.stream.Collectors.joining("\n"))
                    .strip();
                if (!sql.isEmpty()) {
                    jdbc.execute(sql);
                }
            }
            assertThat(SchemaValidator.validate(registry, dataSource, dialect).mismatches()).isEmpty();
        }
        finally {
            drop(new JdbcTemplate(dataSource), database);
            dataSource.destroy();
        }
    }

    private static JdbcTemplate jdbc(SingleConnectionDataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @io.schemaspring.annotation.Schema("ddl_v_posts")
    public static class ValidatedPost {

        public Long id;

        public String title;

        public Integer rating;

        public String body;

    }

    @io.schemaspring.annotation.Schema("ddl_v_missing")
    public static class ValidatedMissing {

        public Long id;

        public String name;

    }

}
