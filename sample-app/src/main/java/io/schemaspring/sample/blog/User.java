package io.schemaspring.sample.blog;

import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A blog author. The password is only ever cast into virtual fields; its hash is stored
 * and redacted.
 */
@Schema("users")
@Timestamps
public class User {

    private Long id;

    private String name;

    private String email;

    @Field(redact = true)
    private String passwordHash;

    @Field(virtual = true, redact = true)
    private String password;

    @Field(virtual = true, redact = true)
    private String passwordConfirmation;

    @EmbedsOne(onReplace = OnReplace.UPDATE)
    private Profile profile;

    @HasMany(preloadOrder = "insertedAt desc")
    private List<Post> posts;

    @HasMany(through = { "posts", "comments" })
    private List<Comment> postComments;

    private LocalDateTime insertedAt;

    private LocalDateTime updatedAt;

    public Long getId() {
        return this.id;
    }

    public String getName() {
        return this.name;
    }

    public String getEmail() {
        return this.email;
    }

}
