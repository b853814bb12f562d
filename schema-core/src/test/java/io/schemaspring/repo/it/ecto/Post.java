package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.HasOne;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.OnDelete;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import io.schemaspring.metadata.StructMeta;
import io.schemaspring.type.FieldType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Ecto's {@code Ecto.Integration.Post}, with the fields and associations its assoc,
 * preload and repo tests use (its {@code :meta} map is left out: {@code meta} is Ecto's
 * {@code __meta__} here).
 */
@Schema("ecto_posts")
@Timestamps
public class Post {

    public Long id;

    public String title;

    public Integer visits;

    public Long authorId;

    /** Ecto's {@code field :counter, :id}: an {@code :id} typed field that is no key. */
    @Field(type = FieldType.ID)
    public Long counter;

    /** Ecto's {@code field :uuid, Ecto.UUID, autogenerate: true}. */
    @Field(type = FieldType.UUID, autogenerate = true)
    public UUID uuid;

    /** Ecto's {@code field :public, :boolean, default: true}. */
    @Field(source = "public")
    public Boolean isPublic = true;

    public java.time.LocalDate posted;

    /** Ecto's {@code field :temp, :string, default: "temp", virtual: true}. */
    @Field(virtual = true)
    public String temp = "temp";

    public LocalDateTime insertedAt;

    public LocalDateTime updatedAt;

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

    @HasMany(through = { "comments", "author" })
    public List<User> commentsAuthors;

    @ManyToMany(joinThrough = "ecto_posts_users", preloadOrder = "name desc")
    public List<User> orderedUsers;

    @HasMany(through = { "users", "comments" })
    public List<Comment> usersComments;

    @HasMany(through = { "commentsAuthors", "permalink" })
    public List<Permalink> commentsAuthorsPermalinks;

    /**
     * Ecto's
     * {@code many_to_many :unique_users, join_through: "posts_users", unique: true}.
     */
    @ManyToMany(joinThrough = "ecto_posts_users", unique = true)
    public List<User> uniqueUsers;

    @HasOne
    public PostUserCompositePk postUserCompositePk;

    /** Ecto's {@code __meta__}: where the struct is stored. */
    public StructMeta meta;

    public static Post titled(String title) {
        Post post = new Post();
        post.title = title;
        return post;
    }

}
