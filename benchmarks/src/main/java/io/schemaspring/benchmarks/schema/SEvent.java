package io.schemaspring.benchmarks.schema;

import io.schemaspring.annotation.Schema;

@Schema("bench_events")
public class SEvent {

    public Long id;

    public String name;

    public int amount;

}
