package io.schemaspring.benchmarks.plain;

import java.time.LocalDateTime;
import java.util.List;

/** The plain class hand-written JDBC and JdbcTemplate map rows into. */
public class Post {

    public Long id;

    public String title;

    public String body;

    public Integer views;

    public boolean published;

    public Long authorId;

    public LocalDateTime insertedAt;

    public LocalDateTime updatedAt;

    public List<Comment> comments;

    public List<Tag> tags;

    public static Post numbered(int n) {
        Post post = new Post();
        post.title = "New post " + n;
        post.body = "A new body for post " + n;
        post.views = n;
        post.published = true;
        post.authorId = 1L;
        return post;
    }

}
