package io.schemaspring.benchmarks.schema;

import io.schemaspring.annotation.Schema;

@Schema("bench_tags")
public class STag {

    public Long id;

    public String name;

}
