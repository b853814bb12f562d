package io.schemaspring.sample.blog;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import java.time.LocalDateTime;

@Schema("comments")
@Timestamps(updatedAtEnabled = false)
public class Comment {

    private Long id;

    private String body;

    private Long postId;

    @BelongsTo
    private Post post;

    private LocalDateTime insertedAt;

    public Long getId() {
        return this.id;
    }

    public String getBody() {
        return this.body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Long getPostId() {
        return this.postId;
    }

    public void setPostId(Long postId) {
        this.postId = postId;
    }

    public LocalDateTime getInsertedAt() {
        return this.insertedAt;
    }

}
