package io.schemaspring.benchmarks.sdj;

import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A post as a Spring Data JDBC aggregate of its own (no collections: reads stay one
 * query).
 */
@Table("bench_posts")
public class JPost {

    @Id
    public Long id;

    public String title;

    public String body;

    public Integer views;

    public boolean published;

    public Long authorId;

    public LocalDateTime insertedAt;

    public LocalDateTime updatedAt;

    public static JPost numbered(int n, LocalDateTime now) {
        JPost post = new JPost();
        post.title = "New post " + n;
        post.body = "A new body for post " + n;
        post.views = n;
        post.published = true;
        post.authorId = 1L;
        post.insertedAt = now;
        post.updatedAt = now;
        return post;
    }

}
