package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code Repo.stream} in constant memory: a JVM with a 48 MB heap streams 1,000,000 rows
 * of about 300 bytes (some 300 MB of strings) through a cursor, and the same JVM cannot
 * hold them with {@code all}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStreamMemoryTest {

    private static final int ROWS = 1_000_000;

    @BeforeAll
    void fillTheTable() {
        TestDatabase.POSTGRES.requireReachable();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(TestDatabase.POSTGRES.url(), true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(
                "CREATE TABLE IF NOT EXISTS public.stream_rows (id BIGINT PRIMARY KEY, title VARCHAR(200), body TEXT)");
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM public.stream_rows", Long.class);
        if (count == null || count != ROWS) {
            jdbc.execute("TRUNCATE public.stream_rows");
            jdbc.execute(
                    "INSERT INTO public.stream_rows (id, title, body) SELECT n, 'row number ' || n, repeat('x', 250) "
                            + "FROM generate_series(1, " + ROWS + ") AS n");
        }
        dataSource.destroy();
    }

    @Test
    void streamsFarMoreRowsThanASmallHeapCouldHold() throws Exception {
        Result streamed = runWithSmallHeap("stream");
        assertThat(streamed.exitCode()).as(streamed.output()).isZero();
        assertThat(streamed.output()).contains("rows=" + ROWS);
    }

    @Test
    void theSameHeapCannotHoldTheRowsInAList() throws Exception {
        Result listed = runWithSmallHeap("all");
        assertThat(listed.exitCode()).as(listed.output()).isNotZero();
        assertThat(listed.output()).doesNotContain("rows=");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result runWithSmallHeap(String mode) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Xmx48m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), StreamMain.class.getName(), TestDatabase.POSTGRES.url(), mode))
            .redirectErrorStream(true)
            .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the " + mode + " run did not end in 120 s");
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

}
