package io.schemaspring.benchmarks.schema;

import io.schemaspring.annotation.Schema;

@Schema("bench_comments")
public class SComment {

    public Long id;

    public Long postId;

    public String body;

    static SComment on(Long postId, String body) {
        SComment comment = new SComment();
        comment.postId = postId;
        comment.body = body;
        return comment;
    }

}
