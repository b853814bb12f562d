package io.schemaspring.benchmarks.sdj;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A comment as an aggregate of its own, written after its post in the three-step
 * transaction.
 */
@Table("bench_comments")
public class JPostComment {

    @Id
    public Long id;

    public Long postId;

    public String body;

}
