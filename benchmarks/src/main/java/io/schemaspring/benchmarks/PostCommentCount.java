package io.schemaspring.benchmarks;

/**
 * A post with the number of its comments: the row of the join-with-aggregate workload.
 */
public record PostCommentCount(Long id, String title, long comments) {
}
