package io.schemaspring.sample.blog;

import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import java.time.LocalDateTime;
import java.util.List;

@Schema("users")
@Timestamps
public class User {
    private Long id;
    private String name;
    private String email;
    @Field(redact = true)
    private String password;
    @Field(virtual = true, redact = true)
    private String passwordConfirmation;
    @EmbedsOne
    private Profile profile;
    @HasMany(preloadOrder = "insertedAt desc")
    private List<Post> posts;
    @HasMany(through = {"posts", "comments"})
    private List<Comment> postComments;
    private LocalDateTime insertedAt;
    private LocalDateTime updatedAt;
}
