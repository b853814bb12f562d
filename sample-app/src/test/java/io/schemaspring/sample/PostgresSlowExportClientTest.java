package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Export clients that stop reading, on PostgreSQL: each held a pooled connection "idle in
 * transaction" until it hung up, and after a pool's worth of them every export hung. With
 * the profile's write timeout (3 s here) their streams end and their connections come
 * back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.tomcat.connection-timeout=3s", "spring.datasource.hikari.maximum-pool-size=4" })
@ActiveProfiles("postgres")
class PostgresSlowExportClientTest {

    private static final String BULK = "Slow export bulk";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

    private final List<Socket> stalled = new ArrayList<>();

    @BeforeAll
    static void requirePostgres() {
        PostgresProfileTest.requirePostgres();
    }

    @BeforeEach
    void enoughPostsToFillEverySocketBuffer() {
        deleteBulk();
        Long userId = this.jdbc.queryForObject(
                "INSERT INTO blog.users (name, email, password_hash, inserted_at, updated_at) "
                        + "VALUES ('Bulk', ?, 'x', now(), now()) RETURNING id",
                Long.class, "bulk" + System.nanoTime() + "@example.com");
        this.jdbc.update(
                "INSERT INTO blog.posts (title, body, published, user_id, inserted_at, updated_at) "
                        + "SELECT ?, repeat('x', 2000), false, ?, now(), now() FROM generate_series(1, 20000)",
                BULK, userId);
    }

    @AfterEach
    void closeAndDelete() throws Exception {
        for (Socket socket : this.stalled) {
            socket.close();
        }
        deleteBulk();
    }

    /**
     * Straight to PostgreSQL, without the profile's statement timeout: 20,000 rows (more,
     * left by a run cut short).
     */
    private static void deleteBulk() {
        new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(PostgresProfileTest.URL))
            .update("DELETE FROM blog.posts WHERE title = ?", BULK);
    }

    @Test
    void exportsWhoseClientsStopReadingEndAndGiveTheirConnectionsBack() throws Exception {
        for (int i = 0; i < 6; i++) {
            this.stalled.add(stalledExport());
        }
        HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (activeConnections(pool) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(activeConnections(pool)).as("pooled connections still held by stalled exports").isZero();
        assertThat(this.jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = 'test' " + "AND state = 'idle in transaction'",
                Integer.class))
            .isZero();

        HttpResponse<String> head = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/posts/export"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).contains("application/x-ndjson");
        assertThat(head.body()).isEmpty();

        HttpResponse<InputStream> full = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/posts/export"))
                .timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        long lines;
        try (InputStream body = full.body()) {
            lines = new String(body.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(BULK))
                .count();
        }
        assertThat(lines).as("an export after them runs to the end").isEqualTo(20000);
    }

    private static int activeConnections(HikariDataSource pool) {
        return pool.getHikariPoolMXBean().getActiveConnections();
    }

    /** Asks for the export, reads its first bytes, then reads nothing more. */
    private Socket stalledExport() throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", this.port));
        OutputStream out = socket.getOutputStream();
        out.write("GET /api/posts/export HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.getInputStream().read(new byte[1024]);
        return socket;
    }

}
