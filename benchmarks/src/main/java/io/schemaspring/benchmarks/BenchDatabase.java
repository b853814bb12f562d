package io.schemaspring.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh database per benchmark trial, with the same data for every data layer: 1,000
 * posts, 10 comments on each of the first 100, 3 tags on each of the first 100, 500
 * counters; on request 1,000,000 events to stream, or 100,000 posts with 2 comments each
 * to scale up to.
 */
public final class BenchDatabase implements AutoCloseable {

    public static final int POSTS = 1000;

    public static final int PARENTS = 100;

    /**
     * The arguments of the derived query: author 4 has the posts 4, 14, ..., 994, all
     * published; 11 of them have a title starting with "Post number 1" (14, 104, 114,
     * ..., 194), so the first 10 by title leave one out.
     */
    public static final long DERIVED_AUTHOR = 4;

    public static final String DERIVED_PREFIX = "Post number 1";

    /**
     * The counters the seed has ({@code c0} to {@code c499}); an upsert of 1,000 adds as
     * many new ones.
     */
    public static final int COUNTERS = 500;

    public static final int EVENTS = 1_000_000;

    /**
     * The sum of the events' amounts ({@code id % 1000}): every stream is checked against
     * it.
     */
    public static final long EVENTS_AMOUNT = 499_500_000L;

    /**
     * The posts of the scaling database, each with {@link #SCALING_COMMENTS} comments.
     */
    public static final int SCALING_POSTS = 100_000;

    public static final int SCALING_COMMENTS = 2;

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

    private final String kind;

    private final HikariDataSource dataSource;

    private BenchDatabase(String kind, HikariDataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
    }

    public static BenchDatabase open(String kind) {
        return open(kind, 2);
    }

    /**
     * A fresh database with the seed data, reached through a pool of {@code poolSize}
     * connections.
     */
    public static BenchDatabase open(String kind, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(poolSize);
        switch (kind) {
            case "postgres" -> {
                config.setJdbcUrl(POSTGRES_URL);
                config.setConnectionInitSql("SET search_path TO bench");
                execute(POSTGRES_URL, "DROP SCHEMA IF EXISTS bench CASCADE", "CREATE SCHEMA bench");
            }
            case "mariadb" -> {
                config.setJdbcUrl(MARIADB_URL + "bench?user=root");
                execute(MARIADB_URL + "test?user=root", "DROP DATABASE IF EXISTS bench", "CREATE DATABASE bench");
            }
            case "h2" -> config.setJdbcUrl(
                    "jdbc:h2:mem:bench_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
            default ->
                throw new IllegalArgumentException("Unknown database " + kind + ", expected h2, postgres or mariadb");
        }
        BenchDatabase database = new BenchDatabase(kind, new HikariDataSource(config));
        database.create();
        return database;
    }

    public static boolean postgresReachable() {
        return reachable(POSTGRES_URL + "&connectTimeout=2");
    }

    public static boolean mariadbReachable() {
        return reachable(MARIADB_URL + "test?user=root&connectTimeout=2000");
    }

    private static boolean reachable(String url) {
        try (Connection connection = DriverManager.getConnection(url)) {
            return true;
        }
        catch (SQLException ex) {
            return false;
        }
    }

    private static void execute(String url, String... statements) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot prepare the benchmark database at " + url, ex);
        }
    }

    /** The name of the {@code i}th of the 1,000 counters an upsert round writes. */
    public static String counterName(int round, int i) {
        return i < COUNTERS ? "c" + i : "r" + round + "-" + i;
    }

    public DataSource dataSource() {
        return this.dataSource;
    }

    public String kind() {
        return this.kind;
    }

    private String identity() {
        return switch (this.kind) {
            case "postgres" -> "BIGSERIAL PRIMARY KEY";
            case "mariadb" -> "BIGINT AUTO_INCREMENT PRIMARY KEY";
            default -> "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
        };
    }

    /**
     * MariaDB's TIMESTAMP updates itself on every write and ends in 2038; DATETIME is the
     * plain type.
     */
    private String timestamp() {
        return this.kind.equals("mariadb") ? "DATETIME" : "TIMESTAMP";
    }

    private void create() {
        String identity = identity();
        try (Connection connection = this.dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_posts (id " + identity + ", title VARCHAR(200), body VARCHAR(2000), "
                    + "views INT, published BOOLEAN, author_id BIGINT, inserted_at " + timestamp() + ", updated_at "
                    + timestamp() + ")");
            statement.execute("CREATE TABLE bench_comments (id " + identity + ", post_id BIGINT, body VARCHAR(500))");
            statement.execute("CREATE INDEX bench_comments_post_id ON bench_comments (post_id)");
            statement.execute("CREATE TABLE bench_tags (id " + identity + ", name VARCHAR(50))");
            statement.execute("CREATE TABLE bench_posts_tags (post_id BIGINT, tag_id BIGINT)");
            statement.execute("CREATE INDEX bench_posts_tags_post_id ON bench_posts_tags (post_id)");
            statement
                .execute("CREATE TABLE bench_profiles (id " + identity + ", name VARCHAR(100), address VARCHAR(1000))");
            statement.execute("CREATE TABLE bench_counters (name VARCHAR(64) PRIMARY KEY, hits INT)");
            connection.setAutoCommit(false);
            try (PreparedStatement posts = connection.prepareStatement("INSERT INTO bench_posts (title, body, views, "
                    + "published, author_id, inserted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= POSTS; i++) {
                    posts.setString(1, "Post number " + i);
                    posts.setString(2,
                            "The body of post " + i + ", long enough to look like a real paragraph of text.");
                    posts.setInt(3, i * 7);
                    posts.setBoolean(4, i % 2 == 0);
                    posts.setLong(5, i % 10);
                    posts.setObject(6, java.time.LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i));
                    posts.setObject(7, java.time.LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i));
                    posts.addBatch();
                }
                posts.executeBatch();
            }
            try (PreparedStatement comments = connection
                .prepareStatement("INSERT INTO bench_comments (post_id, body) VALUES (?, ?)")) {
                for (int post = 1; post <= PARENTS; post++) {
                    for (int i = 1; i <= 10; i++) {
                        comments.setLong(1, post);
                        comments.setString(2, "Comment " + i + " on post " + post);
                        comments.addBatch();
                    }
                }
                comments.executeBatch();
            }
            for (String tag : new String[] { "java", "elixir", "sql", "spring", "ecto" }) {
                statement.execute("INSERT INTO bench_tags (name) VALUES ('" + tag + "')");
            }
            try (PreparedStatement joins = connection
                .prepareStatement("INSERT INTO bench_posts_tags (post_id, tag_id) VALUES (?, ?)")) {
                for (int post = 1; post <= PARENTS; post++) {
                    for (int i = 0; i < 3; i++) {
                        joins.setLong(1, post);
                        joins.setLong(2, 1 + (post + i) % 5);
                        joins.addBatch();
                    }
                }
                joins.executeBatch();
            }
            try (PreparedStatement counters = connection
                .prepareStatement("INSERT INTO bench_counters (name, hits) VALUES (?, 0)")) {
                for (int i = 0; i < COUNTERS; i++) {
                    counters.setString(1, "c" + i);
                    counters.addBatch();
                }
                counters.executeBatch();
            }
            connection.commit();
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot create the benchmark database", ex);
        }
    }

    /**
     * Removes the rows the write benchmarks added, so that each iteration starts from the
     * seed.
     */
    public void resetWrites() {
        try (Connection connection = this.dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM bench_comments WHERE post_id > " + POSTS);
            statement.execute("DELETE FROM bench_posts WHERE id > " + POSTS);
            statement.execute("DELETE FROM bench_profiles");
            statement.execute("DELETE FROM bench_counters WHERE name NOT LIKE 'c%'");
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Adds the 1,000,000 rows of {@code bench_events}, generated by the database itself.
     */
    public BenchDatabase withEvents() {
        String rows = switch (this.kind) {
            case "postgres" -> "SELECT g, 'Event number ' || g, g % 1000 FROM generate_series(1, " + EVENTS + ") g";
            case "mariadb" -> "SELECT seq, CONCAT('Event number ', seq), seq % 1000 FROM seq_1_to_" + EVENTS;
            default -> "SELECT X, CONCAT('Event number ', X), MOD(X, 1000) FROM SYSTEM_RANGE(1, " + EVENTS + ")";
        };
        run("CREATE TABLE bench_events (id BIGINT PRIMARY KEY, name VARCHAR(40), amount INT)",
                "INSERT INTO bench_events (id, name, amount) " + rows);
        return this;
    }

    /**
     * Grows the seed to {@link #SCALING_POSTS} posts with {@link #SCALING_COMMENTS}
     * comments each (the seed's comments replaced, so that every parent has as many),
     * generated by the database itself.
     */
    public BenchDatabase scaled() {
        String range = switch (this.kind) {
            case "postgres" -> "generate_series(" + (POSTS + 1) + ", " + SCALING_POSTS + ") r(x)";
            case "mariadb" -> "(SELECT seq AS x FROM seq_" + (POSTS + 1) + "_to_" + SCALING_POSTS + ") r";
            default -> "(SELECT X AS x FROM SYSTEM_RANGE(" + (POSTS + 1) + ", " + SCALING_POSTS + ")) r";
        };
        String concat = this.kind.equals("postgres") ? "'Post number ' || x" : "CONCAT('Post number ', x)";
        String commentOn = this.kind.equals("postgres") ? "'Comment on post ' || x" : "CONCAT('Comment on post ', x)";
        run("INSERT INTO bench_posts (id, title, body, views, published, author_id, inserted_at, updated_at) SELECT x, "
                + concat
                + ", 'The body of a generated post, long enough to look like a real paragraph of text.', x * 7, "
                + "x % 2 = 0, x % 10, TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00' FROM " + range,
                "DELETE FROM bench_comments",
                "INSERT INTO bench_comments (post_id, body) SELECT p.id, " + commentOn.replace("x", "p.id")
                        + " FROM bench_posts p",
                "INSERT INTO bench_comments (post_id, body) SELECT p.id, " + commentOn.replace("x", "p.id")
                        + " FROM bench_posts p");
        if (this.kind.equals("postgres")) {
            run("SELECT setval(pg_get_serial_sequence('bench_posts', 'id'), " + SCALING_POSTS + ")", "ANALYZE");
        }
        else if (this.kind.equals("h2")) {
            run("ALTER TABLE bench_posts ALTER COLUMN id RESTART WITH " + (SCALING_POSTS + 1));
        }
        return this;
    }

    /** Removes the posts an {@code insertAll} of the scaling benchmark added. */
    public void resetScaledWrites() {
        run("DELETE FROM bench_posts WHERE id > " + SCALING_POSTS);
    }

    private void run(String... statements) {
        try (Connection connection = this.dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot prepare the " + this.kind + " benchmark data", ex);
        }
    }

    /**
     * An H2 database lives until shut down ({@code DB_CLOSE_DELAY=-1}), and quick mode
     * runs every trial in one JVM: the pool closes first, then a connection of its own
     * shuts the database down.
     */
    @Override
    public void close() {
        this.dataSource.close();
        if (this.kind.equals("h2")) {
            try (Connection connection = DriverManager.getConnection(this.dataSource.getJdbcUrl());
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Cannot shut the benchmark database down", ex);
            }
        }
    }

}
