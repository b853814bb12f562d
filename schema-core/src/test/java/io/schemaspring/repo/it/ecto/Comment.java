package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.HasOne;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.StructMeta;

/** Ecto's {@code Ecto.Integration.Comment}. */
@Schema("ecto_comments")
public class Comment {

    public Long id;

    public String text;

    public Long postId;

    public Long authorId;

    public Integer lockVersion = 1;

    @BelongsTo
    public Post post;

    @BelongsTo
    public User author;

    @HasOne(through = { "post", "permalink" })
    public Permalink postPermalink;

    @HasOne(through = { "author", "permalink" })
    public Permalink authorPermalink;

    /** Ecto's {@code __meta__}: where the struct is stored. */
    public StructMeta meta;

    public static Comment text(String text) {
        Comment comment = new Comment();
        comment.text = text;
        return comment;
    }

}
