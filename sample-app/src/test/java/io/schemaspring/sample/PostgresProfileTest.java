package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The postgres profile's timeouts reach the connections. Skipped with a notice when
 * PostgreSQL (127.0.0.1:5432) is unreachable, failing instead when
 * {@code SCHEMA_IT_REQUIRED} names postgres.
 */
@SpringBootTest
@ActiveProfiles("postgres")
class PostgresProfileTest {

    static final String URL = RequiredServer.POSTGRES;

    @Autowired
    private DataSource dataSource;

    @BeforeAll
    static void requirePostgres() {
        RequiredServer.require("postgres", URL, "PostgreSQL");
    }

    @Test
    void connectionsHaveTheProfilesSocketConnectAndStatementTimeouts() throws SQLException {
        HikariDataSource hikari = (HikariDataSource) this.dataSource;
        assertThat(hikari.getConnectionTimeout()).isEqualTo(5000);
        assertThat(hikari.getDataSourceProperties()).containsEntry("connectTimeout", "5")
            .containsEntry("socketTimeout", "30");
        try (Connection connection = this.dataSource.getConnection()) {
            assertThat(connection.getNetworkTimeout()).as("PgJDBC's socket timeout, in ms").isEqualTo(30_000);
        }
        assertThat(new JdbcTemplate(this.dataSource).queryForObject("SHOW statement_timeout", String.class))
            .isEqualTo("10s");
    }

}
