package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import java.time.LocalDateTime;

/**
 * Ecto's {@code Ecto.Integration.PostUserCompositePk}: a composite primary key made of
 * the keys of two belongs-to.
 */
@Schema("ecto_posts_users_composite_pk")
@Timestamps
public class PostUserCompositePk {

    @PrimaryKey
    public Long userId;

    @PrimaryKey
    public Long postId;

    @BelongsTo
    public User user;

    @BelongsTo
    public Post post;

    public LocalDateTime insertedAt;

    public LocalDateTime updatedAt;

}
