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
 * Ten clients create posts at the same moment, all tagged with one tag nobody created
 * before: each must succeed, and the tag must exist once.
 */
final class TagRace {

    private TagRace() {
    }

    static void run(int port, long userId, JdbcTemplate jdbc, String tagsTable) throws Exception {
        String tag = "race-" + System.nanoTime();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bodies.add("{\"title\": \"Race " + i + "\", \"body\": \"b\", \"userId\": " + userId + ", \"tags\": [\""
                    + tag + "\"]}");
        }
        assertThat(postAtOnce(port, bodies)).containsOnly(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + tagsTable + " WHERE name = ?", Long.class, tag))
            .isEqualTo(1);
    }

    /**
     * Twenty clients create posts at the same moment with the same two new tags, half of
     * them naming them in the other order: each must succeed (no deadlock), and each tag
     * exist once.
     */
    static void runCrossed(int port, long userId, JdbcTemplate jdbc, String tagsTable) throws Exception {
        String first = "cross-a-" + System.nanoTime();
        String second = "cross-b-" + System.nanoTime();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String tags = i % 2 == 0 ? "\"" + first + "\", \"" + second + "\""
                    : "\"" + second + "\", \"" + first + "\"";
            bodies.add("{\"title\": \"Cross " + i + "\", \"body\": \"b\", \"userId\": " + userId + ", \"tags\": ["
                    + tags + "]}");
        }
        assertThat(postAtOnce(port, bodies)).containsOnly(201);
        for (String tag : List.of(first, second)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + tagsTable + " WHERE name = ?", Long.class, tag))
                .isEqualTo(1);
        }
    }

    /**
     * Posts every body to {@code /api/posts} from a thread of its own, all at once;
     * answers the statuses.
     */
    private static List<Integer> postAtOnce(int port, List<String> bodies) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<Callable<Integer>> creates = new ArrayList<>();
        for (String body : bodies) {
            creates.add(
                    () -> client
                        .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/posts"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        }
        ExecutorService executor = Executors.newFixedThreadPool(bodies.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : executor.invokeAll(creates)) {
                statuses.add(status.get());
            }
            return statuses;
        }
        finally {
            executor.shutdownNow();
        }
    }

}
