package io.schemaspring.benchmarks.schema;

import io.schemaspring.annotation.Schema;

@Schema("bench_comments")
public class SComment {
    public Long id;
    public Long postId;
    public String body;
}
