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
}
