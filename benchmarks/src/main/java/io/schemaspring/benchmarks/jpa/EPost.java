package io.schemaspring.benchmarks.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Table(name = "bench_posts")
public class EPost {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    public String body;

    public Integer views;

    public boolean published;

    @Column(name = "author_id")
    public Long authorId;

    @Column(name = "inserted_at")
    public LocalDateTime insertedAt;

    @Column(name = "updated_at")
    public LocalDateTime updatedAt;

    @OneToMany(mappedBy = "post", fetch = FetchType.LAZY)
    public Set<EComment> comments = new LinkedHashSet<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "bench_posts_tags", joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<ETag> tags = new LinkedHashSet<>();

    public static EPost numbered(int n, LocalDateTime now) {
        EPost post = new EPost();
        post.title = "New post " + n;
        post.body = "A new body for post " + n;
        post.views = n;
        post.published = true;
        post.authorId = 1L;
        post.insertedAt = now;
        post.updatedAt = now;
        return post;
    }

}
