package io.schemaspring.repo.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the integration suite runs on. H2 always; PostgreSQL and MariaDB when
 * reachable, skipped with a printed notice otherwise, and failing instead of skipping
 * when {@code SCHEMA_IT_REQUIRED} names them (CI sets {@code postgres,replica,mariadb}).
 */
enum TestDatabase {

    H2("h2", "jdbc:h2:mem:repo_it;DB_CLOSE_DELAY=-1", "it/h2.sql"),
    POSTGRES("postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3", "it/postgres.sql"),
    /**
     * The streaming replica of {@link #POSTGRES} that {@code .ci/run} starts; read-only,
     * no script.
     */
    REPLICA("replica", "jdbc:postgresql://127.0.0.1:5433/test?user=postgres&connectTimeout=3", ""),
    /**
     * {@link #POSTGRES} through the PgBouncer that {@code .ci/run} starts on 6432 in
     * transaction pooling mode, with the driver set up for it as
     * {@code schema.pooler=transaction} does.
     */
    PGBOUNCER("pgbouncer", "jdbc:postgresql://127.0.0.1:6432/test?user=postgres&connectTimeout=3&prepareThreshold=0",
            "it/postgres.sql"),
    MARIADB("mariadb", "jdbc:mariadb://127.0.0.1:3306/test?user=root&connectTimeout=3000", "it/mariadb.sql");

    private final String key;

    private final String url;

    private final String script;

    TestDatabase(String key, String url, String script) {
        this.key = key;
        this.url = url;
        this.script = script;
    }

    String url() {
        return this.url;
    }

    /** Whether it is PostgreSQL, directly or through a pooler. */
    boolean postgres() {
        return this == POSTGRES || this == PGBOUNCER;
    }

    /**
     * The SQL the starter sends to this database for a statement written with
     * PostgreSQL's quoting: H2 upper-cases identifiers, MariaDB quotes with backticks.
     */
    String sql(String template) {
        return switch (this) {
            case H2 -> java.util.regex.Pattern.compile("\"([a-z_]+)\"")
                .matcher(template)
                .replaceAll(match -> "\"" + match.group(1).toUpperCase(java.util.Locale.ROOT) + "\"");
            case POSTGRES, PGBOUNCER, REPLICA -> template;
            case MARIADB -> template.replace('"', '`');
        };
    }

    String script() {
        return this.script;
    }

    /**
     * Skips the calling test class when the database is unreachable, or fails when it is
     * required.
     */
    void requireReachable() {
        try (Connection connection = DriverManager.getConnection(this.url)) {
            return;
        }
        catch (SQLException ex) {
            String reason = name() + " is not reachable at " + this.url + " (" + ex.getMessage() + ")";
            if (required()) {
                fail(reason + ", but SCHEMA_IT_REQUIRED=" + System.getenv("SCHEMA_IT_REQUIRED") + " requires it");
            }
            System.out.println("[schema-it] NOTICE: " + reason + ": skipping its integration tests");
            Assumptions.abort(reason);
        }
    }

    private boolean required() {
        String required = System.getenv("SCHEMA_IT_REQUIRED");
        return required != null && Arrays.stream(required.split(","))
            .anyMatch(name -> name.trim().toLowerCase(Locale.ROOT).equals(this.key));
    }

}
