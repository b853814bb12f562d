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

}
