package io.schemaspring.sample.blog;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.EmbedsMany;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.OnDelete;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Version;

@Schema("posts")
@Timestamps
public class Post {

    private Long id;

    private String title;

    private String body;

    private boolean published;

    /**
     * Words in the body, set on every write of it (the authors' statistics average it).
     */
    private Integer wordCount;

    private Long userId;

    @BelongsTo
    private User user;

    @HasMany(preloadOrder = "insertedAt", onDelete = OnDelete.DELETE_ALL)
    private List<Comment> comments;

    @ManyToMany(joinThrough = "posts_tags", preloadOrder = "name", onDelete = OnDelete.DELETE_ALL)
    private List<Tag> tags;

    @EmbedsMany(onReplace = OnReplace.DELETE)
    private List<Link> links;

    private LocalDateTime insertedAt;

    private LocalDateTime updatedAt;

    /**
     * The ETag of a post's responses; a PUT that sends it in If-Match changes only that
     * version.
     */
    @Version
    private Integer lockVersion;

    public Integer getLockVersion() {
        return this.lockVersion;
    }

    public Long getId() {
        return this.id;
    }

    public String getTitle() {
        return this.title;
    }

    public User getUser() {
        return this.user;
    }

    public List<Comment> getComments() {
        return this.comments;
    }

    public List<Tag> getTags() {
        return this.tags;
    }

    public String getBody() {
        return this.body;
    }

    public Long getUserId() {
        return this.userId;
    }

    public void setWordCount(Integer wordCount) {
        this.wordCount = wordCount;
    }

    /** A link at the bottom of a post: an inline embedded schema. */
    public static class Link {

        private UUID id;

        private String title;

        private String url;

        public String getUrl() {
            return this.url;
        }

    }

}
