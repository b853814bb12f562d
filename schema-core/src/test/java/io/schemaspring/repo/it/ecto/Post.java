package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.HasOne;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.OnDelete;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.StructMeta;
import java.util.List;

/** Ecto's {@code Ecto.Integration.Post}, with the associations its assoc and preload tests use. */
@Schema("ecto_posts")
public class Post {
    public Long id;
    public String title;
    public Integer visits;
    public Long authorId;
    @HasMany(onDelete = OnDelete.DELETE_ALL, onReplace = OnReplace.DELETE, preloadOrder = "id")
    public List<Comment> comments;
    @HasMany(onReplace = OnReplace.DELETE_IF_EXISTS, preloadOrder = "id")
    public List<Comment> forceComments;
    @HasOne(onDelete = OnDelete.DELETE_ALL, onReplace = OnReplace.DELETE)
    public Permalink permalink;
    @HasOne(onReplace = OnReplace.DELETE_IF_EXISTS)
    public Permalink forcePermalink;
    @HasOne(onDelete = OnDelete.DELETE_ALL, onReplace = OnReplace.UPDATE)
    public Permalink updatePermalink;
    @BelongsTo
    public User author;
    @ManyToMany(joinThrough = "ecto_posts_users", onDelete = OnDelete.DELETE_ALL, onReplace = OnReplace.DELETE,
            preloadOrder = "id")
    public List<User> users;
    @HasMany(preloadOrder = "text")
    public List<Comment> orderedComments;
    @HasMany(through = {"comments", "author"})
    public List<User> commentsAuthors;
    @ManyToMany(joinThrough = "ecto_posts_users", preloadOrder = "name desc")
    public List<User> orderedUsers;
    @HasMany(through = {"users", "comments"})
    public List<Comment> usersComments;
    @HasMany(through = {"commentsAuthors", "permalink"})
    public List<Permalink> commentsAuthorsPermalinks;
    /** Ecto's {@code __meta__}: where the struct is stored. */
    public StructMeta meta;

    public static Post titled(String title) {
        Post post = new Post();
        post.title = title;
        return post;
    }
}
