package io.schemaspring.benchmarks.plain;

public class Comment {

    public Long id;

    public Long postId;

    public String body;

}
