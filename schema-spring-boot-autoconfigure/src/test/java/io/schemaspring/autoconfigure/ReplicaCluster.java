package io.schemaspring.autoconfigure;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The PostgreSQL primary (5432) and the streaming replica (5433) that {@code .ci/run}
 * starts, the replica stopped and started with Debian's {@code pg_ctlcluster}. Tests skip
 * when they are not there, and fail instead when {@code SCHEMA_IT_REQUIRED} names
 * {@code replica} (as CI does).
 */
final class ReplicaCluster {

    static final String PRIMARY_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String REPLICA_URL = "jdbc:postgresql://127.0.0.1:5433/test";

    final JdbcTemplate primary = new JdbcTemplate(new DriverManagerDataSource(PRIMARY_URL + "?user=postgres"));

    final JdbcTemplate replica = new JdbcTemplate(new DriverManagerDataSource(REPLICA_URL + "?user=postgres"));

    static ReplicaCluster require() {
        for (String url : List.of(PRIMARY_URL, REPLICA_URL)) {
            try (Connection connection = DriverManager.getConnection(url + "?user=postgres&connectTimeout=3")) {
                continue;
            }
            catch (SQLException ex) {
                String reason = url + " is not reachable (" + ex.getMessage() + ")";
                String required = System.getenv("SCHEMA_IT_REQUIRED");
                if (required != null && Arrays.stream(required.split(","))
                    .anyMatch(name -> name.trim().toLowerCase(Locale.ROOT).equals("replica"))) {
                    fail(reason + ", but SCHEMA_IT_REQUIRED=" + required + " requires it");
                }
                System.out.println("[schema-it] NOTICE: " + reason + ": skipping the replica tests");
                Assumptions.abort(reason);
            }
        }
        return new ReplicaCluster();
    }

    /** Waits until the replica answers {@code countSql} with {@code expected}. */
    void awaitOnReplica(String countSql, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (this.replica.queryForObject(countSql, Long.class) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the replica did not reach " + expected + " for " + countSql + " in 15 s");
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", ex);
            }
        }
    }

    void stopReplica() {
        pgCtlCluster("stop", "-m", "fast");
    }

    /** Starts the replica and waits until it accepts connections. */
    void startReplica() {
        pgCtlCluster("start");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Connection connection = DriverManager.getConnection(REPLICA_URL + "?user=postgres&connectTimeout=1")) {
                return;
            }
            catch (SQLException ex) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the replica did not start in 30 s", ex);
                }
            }
        }
    }

    private static void pgCtlCluster(String... action) {
        String[] versions = new File("/etc/postgresql").list();
        Assumptions.assumeTrue(versions != null && versions.length > 0,
                "Debian's PostgreSQL clusters are not installed");
        String[] command = new String[4 + action.length];
        command[0] = "pg_ctlcluster";
        command[1] = "--skip-systemctl-redirect";
        command[2] = versions[0];
        command[3] = "replica";
        System.arraycopy(action, 0, command, 4, action.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + exit + ": " + output);
            }
        }
        catch (java.io.IOException ex) {
            throw new AssertionError("could not run pg_ctlcluster", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

}
