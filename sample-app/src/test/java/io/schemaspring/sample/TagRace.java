package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ten clients create posts at the same moment, all tagged with one tag nobody created before:
 * each must succeed, and the tag must exist once.
 */
final class TagRace {

    private TagRace() {
    }

    static void run(int port, long userId, JdbcTemplate jdbc, String tagsTable) throws Exception {
        String tag = "race-" + System.nanoTime();
        HttpClient client = HttpClient.newHttpClient();
        List<Callable<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String body = "{\"title\": \"Race " + i + "\", \"body\": \"b\", \"userId\": " + userId + ", \"tags\": [\"" + tag + "\"]}";
            creates.add(() -> client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/posts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        ExecutorService executor = Executors.newFixedThreadPool(10);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : executor.invokeAll(creates)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201);
        }
        finally {
            executor.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + tagsTable + " WHERE name = ?", Long.class, tag)).isEqualTo(1);
    }

    /**
     * Twenty clients create posts at the same moment with the same two new tags, half of them
     * naming them in the other order: each must succeed (no deadlock), and each tag exist once.
     */
    static void runCrossed(int port, long userId, JdbcTemplate jdbc, String tagsTable) throws Exception {
        String first = "cross-a-" + System.nanoTime();
        String second = "cross-b-" + System.nanoTime();
        HttpClient client = HttpClient.newHttpClient();
        List<Callable<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String tags = i % 2 == 0 ? "\"" + first + "\", \"" + second + "\"" : "\"" + second + "\", \"" + first + "\"";
            String body = "{\"title\": \"Cross " + i + "\", \"body\": \"b\", \"userId\": " + userId + ", \"tags\": [" + tags + "]}";
            creates.add(() -> client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/posts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        ExecutorService executor = Executors.newFixedThreadPool(20);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : executor.invokeAll(creates)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201);
        }
        finally {
            executor.shutdownNow();
        }
        for (String tag : List.of(first, second)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + tagsTable + " WHERE name = ?", Long.class, tag))
                    .isEqualTo(1);
        }
    }
}
