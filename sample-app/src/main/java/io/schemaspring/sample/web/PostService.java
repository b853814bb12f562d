package io.schemaspring.sample.web;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.Length;
import io.schemaspring.repo.SchemaRepository;
import io.schemaspring.sample.blog.Post;
import io.schemaspring.sample.blog.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules of a post, shared by the default tenant and the others. */
@Service
public class PostService {

    private final SchemaRepository<Post, Long> posts;
    private final SchemaRepository<Tag, Long> tags;

    public PostService(SchemaRepository<Post, Long> posts, SchemaRepository<Tag, Long> tags) {
        this.posts = posts;
        this.tags = tags;
    }

    /** The repositories of a tenant, or the default ones. */
    public SchemaRepository<Post, Long> posts(String tenant) {
        return tenant == null ? this.posts : this.posts.withPrefix(tenant);
    }

    /** Validates and inserts a post, creating its tags by name (the {@code tags} parameter) in the same transaction. */
    @Transactional
    public Post create(Changeset<Post> changeset, String tenant) {
        validate(changeset).foreignKeyConstraint("userId");
        if (changeset.valid() && changeset.params().get("tags") instanceof List<?> names) {
            changeset.putChange("tags", tagsNamed(names, tenant));
        }
        return posts(tenant).insert(changeset);
    }

    public Post update(Changeset<Post> changeset) {
        return this.posts.update(validate(changeset));
    }

    private static Changeset<Post> validate(Changeset<Post> changeset) {
        return changeset.validateLength("title", Length.max(120)).validateLength("body", Length.max(10_000));
    }

    private List<Tag> tagsNamed(List<?> names, String tenant) {
        SchemaRepository<Tag, Long> tags = tenant == null ? this.tags : this.tags.withPrefix(tenant);
        List<Tag> found = new ArrayList<>();
        for (Object name : names) {
            String text = String.valueOf(name).trim().toLowerCase(java.util.Locale.ROOT);
            found.add(tags.getBy(Map.of("name", text)).orElseGet(() -> tags.insert(Tag.named(text))));
        }
        return found;
    }
}
