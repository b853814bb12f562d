package io.schemaspring.benchmarks.schema;

import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;

/** A counter keyed by its name. */
@Schema("bench_counters")
public class SCounter {

    @PrimaryKey
    public String name;

    public Integer hits;

    static SCounter of(String name, int hits) {
        SCounter counter = new SCounter();
        counter.name = name;
        counter.hits = hits;
        return counter;
    }

}
