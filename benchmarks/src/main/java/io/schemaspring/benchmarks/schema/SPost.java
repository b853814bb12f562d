package io.schemaspring.benchmarks.schema;

import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import java.time.LocalDateTime;
import java.util.List;

@Schema("bench_posts")
@Timestamps
public class SPost {

    public Long id;

    public String title;

    public String body;

    public Integer views;

    public boolean published;

    public Long authorId;

    @HasMany(foreignKey = "postId")
    public List<SComment> comments;

    @ManyToMany(joinThrough = "bench_posts_tags", joinKeys = { @io.schemaspring.annotation.JoinKey(column = "post_id"),
            @io.schemaspring.annotation.JoinKey(column = "tag_id") })
    public List<STag> tags;

    public LocalDateTime insertedAt;

    public LocalDateTime updatedAt;

    public static SPost numbered(int n) {
        SPost post = new SPost();
        post.title = "New post " + n;
        post.body = "A new body for post " + n;
        post.views = n;
        post.published = true;
        post.authorId = 1L;
        return post;
    }

}
