package io.schemaspring.sample.web;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.Changesets;
import io.schemaspring.changeset.Length;
import io.schemaspring.query.OnConflict;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.sample.blog.Post;
import io.schemaspring.sample.blog.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules of a post, shared by the default tenant and the others. */
@Service
public class PostService {

    static final int MAX_TAGS = 10;
    static final int MAX_TAG_LENGTH = 40;

    private final SchemaRepository<Post, Long> posts;

    private final SchemaRepository<Tag, Long> tags;

    private final Changesets changesets;

    public PostService(SchemaRepository<Post, Long> posts, SchemaRepository<Tag, Long> tags, Changesets changesets) {
        this.posts = posts;
        this.tags = tags;
        this.changesets = changesets;
    }

    /** The repositories of a tenant, or the default ones. */
    public SchemaRepository<Post, Long> posts(String tenant) {
        return tenant == null ? this.posts : this.posts.withPrefix(tenant);
    }

    /**
     * Validates and inserts a post, creating its tags by name (the {@code tags}
     * parameter) in the same transaction: a post that is not inserted leaves no tags
     * behind.
     */
    @Transactional
    public Post create(Changeset<Post> changeset, String tenant) {
        validate(changeset).foreignKeyConstraint("userId");
        Set<String> names = tagNames(changeset);
        if (changeset.valid() && !names.isEmpty()) {
            changeset.putChange("tags", tagsNamed(names, tenant));
        }
        return posts(tenant).insert(changeset);
    }

    public Post update(Changeset<Post> changeset) {
        return this.posts.update(validate(changeset));
    }

    private static Changeset<Post> validate(Changeset<Post> changeset) {
        changeset.validateLength("title", Length.max(120)).validateLength("body", Length.max(10_000));
        if (changeset.hasChange("links") && changeset.getField("links") instanceof List<?> links) {
            for (int i = 0; i < links.size(); i++) {
                if (links.get(i) instanceof Post.Link link && (link.getUrl() == null || link.getUrl().isBlank())) {
                    changeset.addError("links[" + i + "].url", "can't be blank", Map.of("validation", "required"));
                }
            }
        }
        if (changeset.getChange("body") instanceof String body) {
            changeset.putChange("wordCount", wordCount(body));
        }
        return changeset;
    }

    /** The words of a post's body, as the authors' statistics count them. */
    public static int wordCount(String body) {
        return body == null || body.isBlank() ? 0 : body.trim().split("\\s+").length;
    }

    /**
     * The names in the {@code tags} parameter, trimmed, lower-case and each once, or none
     * with an error on {@code tags}: it must be a list of at most {@value #MAX_TAGS}
     * non-blank strings of at most {@value #MAX_TAG_LENGTH} characters (the column holds
     * 50).
     */
    private Set<String> tagNames(Changeset<Post> changeset) {
        Object param = changeset.params().get("tags");
        if (param == null) {
            return Set.of();
        }
        if (!(param instanceof List<?> values)) {
            return invalidTags(changeset);
        }
        Set<String> names = new LinkedHashSet<>();
        boolean invalid = false;
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            // The Tag schema's own cast: strings only (no lone surrogates); a blank one
            // casts to no name.
            Object name = value == null ? null
                    : this.changesets.cast(new Tag(), Map.of("name", value), "name").getChange("name");
            if (name instanceof String text) {
                names.add(text.trim().toLowerCase(Locale.ROOT));
                continue;
            }
            invalid = true;
            changeset.addError("tags",
                    value instanceof String ? "has a blank tag at position %{position}"
                            : "has a tag that is no text at position %{position}",
                    Map.of("validation", "cast", "type", "{:array, :string}", "position", i + 1));
        }
        if (invalid) {
            return Set.of();
        }
        if (names.stream().anyMatch(name -> name.codePointCount(0, name.length()) > MAX_TAG_LENGTH)) {
            changeset.addError("tags", "should be at most %{count} character(s)",
                    Map.of("count", MAX_TAG_LENGTH, "validation", "length", "kind", "max", "type", "string"));
            return Set.of();
        }
        if (names.size() > MAX_TAGS) {
            changeset.addError("tags", "should have at most %{count} item(s)",
                    Map.of("count", MAX_TAGS, "validation", "length", "kind", "max", "type", "list"));
            return Set.of();
        }
        return names;
    }

    private static Set<String> invalidTags(Changeset<Post> changeset) {
        changeset.addError("tags", "is invalid", Map.of("validation", "cast", "type", "{:array, :string}"));
        return Set.of();
    }

    private List<Tag> tagsNamed(Set<String> names, String tenant) {
        SchemaRepository<Tag, Long> tags = tenant == null ? this.tags : this.tags.withPrefix(tenant);
        List<Tag> found = new ArrayList<>();
        // In name order: two requests upserting the same tags in another order would each
        // lock one
        // and wait for the other's, a deadlock.
        for (String name : new java.util.TreeSet<>(names)) {
            // One statement, safe when concurrent requests create the same new tag: an
            // upsert on the
            // unique name that answers the existing row's id on a conflict.
            found.add(tags.insert(Tag.named(name), OnConflict.replace("name").target("name")));
        }
        return found;
    }

}
