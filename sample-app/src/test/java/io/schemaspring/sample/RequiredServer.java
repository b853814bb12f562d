package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * A server a test class needs: skipped with a printed notice when it cannot be reached,
 * failed instead when {@code SCHEMA_IT_REQUIRED} names it (as CI does).
 */
final class RequiredServer {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3";

    private RequiredServer() {
    }

    /**
     * @param key its name in {@code SCHEMA_IT_REQUIRED}
     * @param what how a notice names it
     */
    static void require(String key, String url, String what) {
        try (Connection connection = DriverManager.getConnection(url)) {
            return;
        }
        catch (SQLException ex) {
            String reason = what + " is not reachable at " + url + " (" + ex.getMessage() + ")";
            String required = System.getenv("SCHEMA_IT_REQUIRED");
            if (required != null && Arrays.stream(required.split(","))
                .anyMatch(name -> name.trim().toLowerCase(Locale.ROOT).equals(key))) {
                fail(reason + ", but SCHEMA_IT_REQUIRED=" + required + " requires it");
            }
            System.out.println("[schema-it] NOTICE: " + reason + ": skipping its tests");
            Assumptions.abort(reason);
        }
    }

}
