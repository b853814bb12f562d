package io.schemaspring.benchmarks;

import io.schemaspring.benchmarks.jpa.JpaWorkload;
import io.schemaspring.benchmarks.plain.JdbcTemplateWorkload;
import io.schemaspring.benchmarks.plain.PlainJdbcWorkload;
import io.schemaspring.benchmarks.schema.SchemaWorkload;
import io.schemaspring.benchmarks.sdj.SpringDataJdbcWorkload;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The data layers compared, by the names the benchmark parameters use. */
public final class Workloads {

    public static final List<String> ALL = List.of("jdbc", "jdbcTemplate", "springDataJdbc", "jpa", "schema");

    private Workloads() {
    }

    /**
     * A data layer on a data source of a database kind ({@code h2}, {@code postgres},
     * {@code mariadb}).
     */
    public static Workload create(String name, DataSource dataSource, String database) {
        return switch (name) {
            case "jdbc" -> new PlainJdbcWorkload(dataSource, database);
            case "jdbcTemplate" -> new JdbcTemplateWorkload(dataSource, database);
            case "springDataJdbc" -> new SpringDataJdbcWorkload(dataSource);
            case "jpa" -> new JpaWorkload(dataSource);
            case "schema" -> new SchemaWorkload(dataSource);
            default -> throw new IllegalArgumentException("Unknown data layer " + name + ", expected one of " + ALL);
        };
    }

    /**
     * A data layer set up to stream: Spring Data JDBC gets a fetch size of 500 for all
     * its queries (it has no per-query setting); the others set theirs on the streaming
     * query alone.
     */
    public static Workload createForStreaming(String name, DataSource dataSource, String database) {
        return name.equals("springDataJdbc") ? new SpringDataJdbcWorkload(dataSource, 500)
                : create(name, dataSource, database);
    }

    /**
     * Checks that a data layer's derived query answers the rows hand-written JDBC
     * answers, in the same order (compared by id), and that the limit of 10 applied.
     */
    public static void checkDerivedQuery(Workload workload, DataSource dataSource) {
        List<Long> expected = ids(new PlainJdbcWorkload(dataSource, "").derivedQuery(BenchDatabase.DERIVED_AUTHOR,
                BenchDatabase.DERIVED_PREFIX));
        List<Long> actual = ids(workload.derivedQuery(BenchDatabase.DERIVED_AUTHOR, BenchDatabase.DERIVED_PREFIX));
        if (expected.size() != 10 || !expected.equals(actual)) {
            throw new IllegalStateException("derivedQuery answered posts " + actual
                    + " where hand-written JDBC answered " + expected + " (10 expected)");
        }
    }

    /**
     * Checks that the join with an aggregate answers the first 100 posts, in order, with
     * their 10 comments each.
     */
    public static void checkCommentCounts(Workload workload) {
        List<PostCommentCount> counts = workload.commentCounts();
        for (int i = 0; i < counts.size(); i++) {
            PostCommentCount count = counts.get(i);
            if (count.id() != i + 1 || !count.title().equals("Post number " + (i + 1)) || count.comments() != 10) {
                throw new IllegalStateException("commentCounts answered " + count + " at position " + i);
            }
        }
        if (counts.size() != BenchDatabase.PARENTS) {
            throw new IllegalStateException(
                    "commentCounts answered " + counts.size() + " posts, not " + BenchDatabase.PARENTS);
        }
    }

    /**
     * Checks that an upsert round left 1,000 counters, every one at the round's hits,
     * then removes the round's rows.
     */
    public static void checkUpsert(Workload workload, BenchDatabase database) {
        workload.upsertCounters(7);
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(hits) AS hits FROM bench_counters");
        if (((Number) totals.get("n")).longValue() != 2 * BenchDatabase.COUNTERS
                || ((Number) totals.get("hits")).longValue() != 7L * 2 * BenchDatabase.COUNTERS) {
            throw new IllegalStateException(
                    "upsertCounters(7) left " + totals + " where 1000 counters of 7 hits were expected");
        }
        database.resetWrites();
    }

    /** Checks that the three steps left a post with views 1 and one comment on it. */
    public static void checkThreeSteps(Workload workload, BenchDatabase database) {
        long id = workload.threeSteps(1);
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        Integer views = jdbc.queryForObject("SELECT views FROM bench_posts WHERE id = ?", Integer.class, id);
        Integer comments = jdbc.queryForObject("SELECT COUNT(*) FROM bench_comments WHERE post_id = ?", Integer.class,
                id);
        if (views == null || views != 1 || comments == null || comments != 1) {
            throw new IllegalStateException("threeSteps left post " + id + " with views " + views + " and " + comments
                    + " comments, where 1 and 1 were expected");
        }
        database.resetWrites();
    }

    /**
     * The ids of the posts a workload answered (every data layer's post class has a
     * public id field).
     */
    static List<Long> ids(List<?> posts) {
        return posts.stream().map(post -> {
            try {
                return (Long) post.getClass().getField("id").get(post);
            }
            catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("No public id on " + post.getClass().getName(), ex);
            }
        }).toList();
    }

}
