package io.schemaspring.autoconfigure;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * PgBouncer in transaction pooling mode on 127.0.0.1:6432 in front of the primary, as
 * {@code .ci/run} starts it. Tests skip when it is not there, and fail instead when
 * {@code SCHEMA_IT_REQUIRED} names {@code pgbouncer} (as CI does).
 */
final class PgBouncer {

    static final String URL = "jdbc:postgresql://127.0.0.1:6432/test";

    private PgBouncer() {
    }

    static void require() {
        try (Connection connection = DriverManager
            .getConnection(URL + "?user=postgres&connectTimeout=3&prepareThreshold=0")) {
            return;
        }
        catch (SQLException ex) {
            String reason = "PgBouncer is not reachable at " + URL + " (" + ex.getMessage() + ")";
            String required = System.getenv("SCHEMA_IT_REQUIRED");
            if (required != null && Arrays.stream(required.split(","))
                .anyMatch(name -> name.trim().toLowerCase(Locale.ROOT).equals("pgbouncer"))) {
                fail(reason + ", but SCHEMA_IT_REQUIRED=" + required + " requires it");
            }
            System.out.println("[schema-it] NOTICE: " + reason + ": skipping the PgBouncer tests");
            Assumptions.abort(reason);
        }
    }

}
