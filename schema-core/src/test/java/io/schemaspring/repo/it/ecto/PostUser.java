package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import java.time.LocalDateTime;

/**
 * Ecto's {@code Ecto.Integration.PostUser}: a join schema with its own id and timestamps.
 */
@Schema("ecto_posts_users_pk")
@Timestamps
public class PostUser {

    public Long id;

    public Long postId;

    public Long userId;

    @BelongsTo
    public Post post;

    @BelongsTo
    public User user;

    public LocalDateTime insertedAt;

    public LocalDateTime updatedAt;

}
