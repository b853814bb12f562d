package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.HasOne;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.OnDelete;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import io.schemaspring.annotation.Where;
import io.schemaspring.type.FieldType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Ecto's {@code Ecto.Integration.User}, with the associations its assoc tests use and its
 * UTC timestamps.
 */
@Schema("ecto_users")
@Timestamps(type = FieldType.UTC_DATETIME)
public class User {

    public Long id;

    public String name;

    public UUID customId;

    public Instant insertedAt;

    public Instant updatedAt;

    @HasMany(foreignKey = "authorId", onDelete = OnDelete.NILIFY_ALL, onReplace = OnReplace.NILIFY, preloadOrder = "id")
    public List<Comment> comments;

    @HasOne(onReplace = OnReplace.NILIFY)
    public Permalink permalink;

    @HasMany(foreignKey = "authorId", onReplace = OnReplace.DELETE, preloadOrder = "id")
    public List<Post> posts;

    @ManyToMany(joinThroughSchema = PostUser.class, preloadOrder = "id")
    public List<Post> schemaPosts;

    @BelongsTo(references = "bid", type = FieldType.BINARY_ID)
    public Custom custom;

    @HasMany(through = { "posts", "users", "posts" })
    public List<Post> related2ndOrderPosts;

    @HasMany(through = { "schemaPosts", "users" })
    public List<User> usersThroughSchemaPosts;

    @HasMany(foreignKey = "authorId", where = @Where(field = "lockVersion", value = "2"))
    public List<Comment> v2Comments;

    @HasMany(through = { "v2Comments", "post" })
    public List<Post> v2CommentsPosts;

    @HasMany(through = { "comments", "post", "commentsAuthors" })
    public List<User> coCommenters;

    public static User named(String name) {
        User user = new User();
        user.name = name;
        return user;
    }

}
