package io.schemaspring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.web.SchemaProblemHandler;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the problem handler answers for errors a client can retry, raised by a real
 * PostgreSQL: a deadlock 409 and an unreachable database 503, each with
 * {@code Retry-After} and no database message.
 */
class PostgresTransientErrorsTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3";

    private final SchemaProblemHandler handler = new SchemaProblemHandler(SchemaRegistry.builder().build(),
            new StaticMessageSource());

    @Test
    void aDeadlockAnswers409WithRetryAfter() throws Exception {
        try (Connection probe = DriverManager.getConnection(URL)) {
            probe.isValid(1);
        }
        catch (SQLException ex) {
            String required = String.valueOf(System.getenv("SCHEMA_IT_REQUIRED"));
            if (required.contains("postgres")) {
                throw new AssertionError(
                        "PostgreSQL is not reachable, but SCHEMA_IT_REQUIRED=" + required + " requires it", ex);
            }
            Assumptions.abort("PostgreSQL is not reachable: " + ex.getMessage());
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(URL);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP TABLE IF EXISTS deadlock_rows");
        jdbc.execute("CREATE TABLE deadlock_rows (id INT PRIMARY KEY, n INT)");
        jdbc.update("INSERT INTO deadlock_rows VALUES (1, 0), (2, 0)");
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Object one;
        Object other;
        try {
            Future<Object> first = threads.submit(() -> lockBoth(transactions, jdbc, 1, 2));
            Future<Object> second = threads.submit(() -> lockBoth(transactions, jdbc, 2, 1));
            one = first.get(30, TimeUnit.SECONDS);
            other = second.get(30, TimeUnit.SECONDS);
        }
        finally {
            threads.shutdownNow();
            jdbc.execute("DROP TABLE deadlock_rows");
        }
        assertThat(java.util.List.of(one, other)).as("one commits, the other loses the deadlock").contains("committed");
        Object loser = one instanceof DataAccessException ? one : other;
        assertThat(loser).isInstanceOf(PessimisticLockingFailureException.class);
        ResponseEntity<ProblemDetail> response = this.handler.collided((PessimisticLockingFailureException) loser);
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getBody().getDetail())
            .isEqualTo("The request collided with a concurrent one and nothing was written; retry it");
    }

    /**
     * Locks one row, gives the other transaction the time to lock its own, then asks for
     * that one.
     */
    private static Object lockBoth(TransactionTemplate transactions, JdbcTemplate jdbc, int mine, int theirs) {
        try {
            return transactions.execute(status -> {
                jdbc.update("UPDATE deadlock_rows SET n = n + 1 WHERE id = ?", mine);
                jdbc.queryForObject("SELECT pg_sleep(0.5)::text", String.class);
                jdbc.update("UPDATE deadlock_rows SET n = n + 1 WHERE id = ?", theirs);
                return "committed";
            });
        }
        catch (DataAccessException ex) {
            return ex;
        }
    }

    @Test
    void anUnreachableDatabaseAnswers503WithRetryAfter() {
        JdbcTemplate jdbc = new JdbcTemplate(
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=1"));
        DataAccessResourceFailureException failure = catchThrowableOfType(DataAccessResourceFailureException.class,
                () -> jdbc.queryForObject("SELECT 1", Integer.class));
        ResponseEntity<ProblemDetail> response = this.handler.unavailable(failure);
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getBody().getDetail()).isEqualTo("The database is unavailable; retry later");
    }

}
