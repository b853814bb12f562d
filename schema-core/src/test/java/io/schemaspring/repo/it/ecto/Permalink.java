package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.StructMeta;
import java.util.List;

/**
 * Ecto's {@code Ecto.Integration.Permalink}: two belongs-to on one key, one of them
 * replaced by update.
 */
@Schema("ecto_permalinks")
public class Permalink {

    public Long id;

    @Field(source = "uniform_resource_locator")
    public String url;

    public Long postId;

    public Long userId;

    @BelongsTo(onReplace = OnReplace.NILIFY)
    public Post post;

    @BelongsTo(foreignKey = "postId", onReplace = OnReplace.UPDATE, defineField = false)
    public Post updatePost;

    @BelongsTo
    public User user;

    @HasMany(through = { "post", "commentsAuthors" })
    public List<User> postCommentsAuthors;

    @HasMany(through = { "user", "posts" })
    public List<Post> userPosts;

    /** Ecto's {@code __meta__}: where the struct is stored. */
    public StructMeta meta;

    public static Permalink url(String url) {
        Permalink permalink = new Permalink();
        permalink.url = url;
        return permalink;
    }

}
