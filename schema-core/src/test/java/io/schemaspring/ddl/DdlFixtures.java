package io.schemaspring.ddl;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Schemas over {@code ddl_} tables: authors, posts, comments, tags and their join table.
 */
final class DdlFixtures {

    private DdlFixtures() {
    }

    @Schema("ddl_authors")
    @Timestamps
    public static class Author {

        public Long id;

        public String name;

        public Role role = Role.MEMBER;

        public List<String> nicknames;

        public Map<String, Object> settings;

        @EmbedsOne
        public Address address;

        @HasMany(preloadOrder = "id")
        public List<Post> posts;

        public LocalDateTime insertedAt;

        public LocalDateTime updatedAt;

        public enum Role {

            MEMBER, ADMIN

        }

    }

    @EmbeddedSchema
    public static class Address {

        public UUID id;

        public String city;

    }

    @Schema("ddl_posts")
    public static class Post {

        public Long id;

        public String title;

        public Integer rating;

        public BigDecimal price;

        public boolean published;

        public Long authorId;

        @BelongsTo
        public Author author;

        @HasMany(preloadOrder = "id")
        public List<Comment> comments;

        @ManyToMany(joinThrough = "ddl_posts_tags", preloadOrder = "name")
        public List<Tag> tags;

    }

    @Schema("ddl_comments")
    public static class Comment {

        public Long id;

        public String body;

        public Long postId;

        @BelongsTo
        public Post post;

    }

    @Schema("ddl_tags")
    public static class Tag {

        public Long id;

        public String name;

        public UUID publicId;

        @ManyToMany(joinThrough = "ddl_posts_tags")
        public List<Post> posts;

    }

}
