package io.schemaspring.benchmarks;

import io.schemaspring.benchmarks.jpa.JpaWorkload;
import io.schemaspring.benchmarks.plain.JdbcTemplateWorkload;
import io.schemaspring.benchmarks.plain.PlainJdbcWorkload;
import io.schemaspring.benchmarks.schema.SchemaWorkload;
import io.schemaspring.benchmarks.sdj.SpringDataJdbcWorkload;
import java.util.List;
import javax.sql.DataSource;

/** The data layers compared, by the names the benchmark parameters use. */
public final class Workloads {

    public static final List<String> ALL = List.of("jdbc", "jdbcTemplate", "springDataJdbc", "jpa", "schema");

    private Workloads() {
    }

    public static Workload create(String name, DataSource dataSource) {
        return switch (name) {
            case "jdbc" -> new PlainJdbcWorkload(dataSource);
            case "jdbcTemplate" -> new JdbcTemplateWorkload(dataSource);
            case "springDataJdbc" -> new SpringDataJdbcWorkload(dataSource);
            case "jpa" -> new JpaWorkload(dataSource);
            case "schema" -> new SchemaWorkload(dataSource);
            default -> throw new IllegalArgumentException("Unknown data layer " + name + ", expected one of " + ALL);
        };
    }

    /**
     * Checks that a data layer's derived query answers the rows hand-written JDBC answers, in the
     * same order (compared by id), and that the limit of 10 applied.
     */
    public static void checkDerivedQuery(Workload workload, DataSource dataSource) {
        List<Long> expected = ids(new PlainJdbcWorkload(dataSource).derivedQuery(BenchDatabase.DERIVED_AUTHOR,
                BenchDatabase.DERIVED_PREFIX));
        List<Long> actual = ids(workload.derivedQuery(BenchDatabase.DERIVED_AUTHOR, BenchDatabase.DERIVED_PREFIX));
        if (expected.size() != 10 || !expected.equals(actual)) {
            throw new IllegalStateException("derivedQuery answered posts " + actual + " where hand-written JDBC answered "
                    + expected + " (10 expected)");
        }
    }

    /** The ids of the posts a workload answered (every data layer's post class has a public id field). */
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
