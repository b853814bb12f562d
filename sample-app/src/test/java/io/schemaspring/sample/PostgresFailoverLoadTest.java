package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;

/**
 * A real automatic failover under load: the sample on the pg_auto_failover formation that
 * {@code .ci/run} starts (the {@code failover} profile: a multi-host URL, the standby as
 * replica), eight clients posting and reading back their posts, and the primary node
 * killed half-way. Writes answer 503 while the secondary is promoted, then go on on it;
 * no request answers 500 or misses its own post; every post answered 201 is on the new
 * primary afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("failover")
class PostgresFailoverLoadTest {

    private static final String PRIMARY_URL = "jdbc:postgresql://127.0.0.1:5442,127.0.0.1:5443/test?targetServerType=primary&user=postgres&connectTimeout=3";

    private static final File SCRIPT = new File("../.ci/failover.sh");

    private static final int CLIENTS = 8;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void requireTheFormation() {
        RequiredServer.require("failover", PRIMARY_URL, "The pg_auto_failover formation");
    }

    @Test
    void writesGoOnOnThePromotedNodeAndNoAcknowledgedPostIsLost() throws Exception {
        PostingClients clients = new PostingClients(this.port);
        long userId = clients.register("Failover");
        try {
            clients.start(CLIENTS, userId, "Failover", "", (posting, id, created) -> {
                HttpResponse<String> read = posting.send("GET", "/api/posts/" + id, null,
                        created.headers().firstValue("Schema-Position").orElse(null));
                posting.count(read.statusCode());
                return read.statusCode() == 200 || read.statusCode() == 503 ? null
                        : "GET own post " + id + ": " + read.statusCode() + " " + read.body();
            });
            Thread.sleep(2000);
            String killed = script("kill-primary").trim();
            long killedAt = clients.mark();
            long firstWriteAfterKill = clients.awaitWrite(Duration.ofSeconds(90));
            assertThat(firstWriteAfterKill).as("a write succeeded within 90 s of killing " + killed).isNotZero();
            Thread.sleep(2000);
            clients.stop();
            System.out.printf("[failover] killed %s; writes again after %d ms; statuses %s; %d posts acknowledged%n",
                    killed, Duration.ofNanos(firstWriteAfterKill - killedAt).toMillis(), clients.statuses,
                    clients.acknowledged.size());
        }
        finally {
            clients.stop();
            script("restore");
        }
        assertThat(clients.wrongAnswers).isEmpty();
        assertThat(clients.statuses.keySet()).isSubsetOf(200, 201, 503);
        JdbcTemplate newPrimary = new JdbcTemplate(new DriverManagerDataSource(PRIMARY_URL));
        Map<Long, String> stored = new ConcurrentHashMap<>();
        newPrimary.query("SELECT id, title FROM blog.posts WHERE user_id = ?", row -> {
            stored.put(row.getLong(1), row.getString(2));
        }, userId);
        assertThat(stored).containsAllEntriesOf(clients.acknowledged);
    }

    /**
     * Runs {@code .ci/failover.sh} with the subcommand; answers what it printed on
     * standard output.
     */
    private static String script(String command) throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.getPath(), command)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(".ci/failover.sh " + command + " failed: " + output);
        }
        return output;
    }

}
