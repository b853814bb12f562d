package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code Idempotency-Key} on PostgreSQL, where concurrent retries of one key wait for the
 * first.
 */
@ActiveProfiles("postgres")
class PostgresIdempotencyKeyTest extends IdempotencyKeyTest {

    @BeforeAll
    static void requirePostgres() {
        PostgresProfileTest.requirePostgres();
    }

    @Override
    String postsTable() {
        return "blog.posts";
    }

    @Test
    void tenConcurrentRequestsWithOneKeyWriteOnceAndAllAnswerTheSamePost() throws Exception {
        String title = "Concurrent " + System.nanoTime();
        String key = "concurrent-" + System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> post("/api/posts", key, postBody(title)));
            }
            Set<String> bodies = new HashSet<>();
            for (Future<HttpResponse<String>> response : clients.invokeAll(calls)) {
                assertThat(response.get().statusCode()).isEqualTo(201);
                bodies.add(response.get().body());
            }
            assertThat(bodies).hasSize(1);
            assertThat(count(title)).isEqualTo(1);
        }
        finally {
            clients.shutdownNow();
        }
    }

}
