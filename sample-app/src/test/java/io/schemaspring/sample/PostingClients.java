package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients posting to the sample's API, each in a loop until stopped, for the fault tests:
 * every answer is counted, every post answered 201 kept with its title, and any answer
 * but 201 (or what the test's check after a 201 refuses) or 503 noted as wrong.
 */
final class PostingClients {

    /**
     * What a client does after its post was answered 201; answers a wrong answer, or
     * {@code null}.
     */
    interface AfterCreated {

        String check(PostingClients clients, long id, HttpResponse<String> created) throws Exception;

    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Map<Long, String> acknowledged = new ConcurrentHashMap<>();

    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

    final Set<String> wrongAnswers = ConcurrentHashMap.newKeySet();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    private final AtomicBoolean stop = new AtomicBoolean();

    private final AtomicLong since = new AtomicLong();

    private final AtomicLong firstWriteSince = new AtomicLong();

    private ExecutorService threads;

    private final List<Future<?>> running = new ArrayList<>();

    PostingClients(int port) {
        this.port = port;
    }

    /** A new user of the sample, answered 201; its id. */
    long register(String name) throws Exception {
        HttpResponse<String> user = send("POST", "/api/users",
                "{\"name\": \"" + name + "\", \"email\": \"" + name + System.nanoTime()
                        + "@example.com\", \"password\": \"correct horse battery\", "
                        + "\"passwordConfirmation\": \"correct horse battery\"}",
                null);
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        return id(user);
    }

    /**
     * Starts {@code count} clients posting as the user, titles "{@code title}
     * client-round", bodies with {@code extraJson}.
     */
    void start(int count, long userId, String title, String extraJson, AfterCreated afterCreated) {
        this.threads = Executors.newFixedThreadPool(count);
        for (int client = 0; client < count; client++) {
            int number = client;
            this.running.add(this.threads.submit(() -> {
                for (int round = 0; !this.stop.get(); round++) {
                    String posted = title + " " + number + "-" + round;
                    long sent = System.nanoTime();
                    HttpResponse<String> created = send("POST", "/api/posts",
                            "{\"title\": \"" + posted + "\", \"body\": \"b\", \"userId\": " + userId + extraJson + "}",
                            null);
                    count(created.statusCode());
                    if (created.statusCode() == 201) {
                        long id = id(created);
                        this.acknowledged.put(id, posted);
                        long mark = this.since.get();
                        if (mark != 0 && sent - mark > 0) {
                            this.firstWriteSince.compareAndSet(0, System.nanoTime());
                        }
                        String wrong = afterCreated.check(this, id, created);
                        if (wrong != null) {
                            this.wrongAnswers.add(wrong);
                        }
                    }
                    else if (created.statusCode() != 503) {
                        this.wrongAnswers.add("POST: " + created.statusCode() + " " + created.body());
                    }
                    Thread.sleep(10);
                }
                return null;
            }));
        }
    }

    /**
     * Marks now: {@link #awaitWrite} waits for the first post sent after it and answered
     * 201.
     */
    long mark() {
        long now = System.nanoTime();
        this.since.set(now);
        return now;
    }

    /**
     * Waits up to {@code limit} for a post answered 201 after the {@link #mark}; when it
     * was, or 0.
     */
    long awaitWrite(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (this.firstWriteSince.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return this.firstWriteSince.get();
    }

    /** Stops the clients and waits for their last requests. */
    void stop() throws Exception {
        this.stop.set(true);
        try {
            for (Future<?> client : this.running) {
                client.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            if (this.threads != null) {
                this.threads.shutdownNow();
            }
        }
    }

    void count(int status) {
        this.statuses.computeIfAbsent(status, key -> new AtomicLong()).incrementAndGet();
    }

    HttpResponse<String> send(String method, String path, String body, String position) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method,
                    body != null ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        if (position != null) {
            request.header("Schema-Position", position);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long id(HttpResponse<String> response) {
        return ((Number) JSON.readValue(response.body(), Map.class).get("id")).longValue();
    }

}
