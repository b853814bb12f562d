package io.schemaspring.benchmarks.sdj;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A counter keyed by its name: the aggregate {@code JdbcAggregateOperations.upsert}
 * writes.
 */
@Table("bench_counters")
public class JCounter {

    @Id
    public String name;

    public Integer hits;

    public JCounter(String name, Integer hits) {
        this.name = name;
        this.hits = hits;
    }

}
