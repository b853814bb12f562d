package io.schemaspring.sample.web;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.sample.blog.Post;
import io.schemaspring.web.Cast;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same API for another tenant: the same schemas, read from and written to the
 * tenant's database schema.
 */
@RestController
@RequestMapping("/api/tenants/{tenant}/posts")
public class TenantPostApiController {

    private final PostService service;

    public TenantPostApiController(PostService service) {
        this.service = service;
    }

    @GetMapping
    public List<Post> list(@PathVariable String tenant) {
        return this.service.posts(tenant).findAll(Sort.by(Sort.Direction.DESC, "insertedAt"));
    }

    @GetMapping("/{id}")
    public Post show(@PathVariable String tenant, @PathVariable long id) {
        return this.service.posts(tenant)
            .preload(this.service.posts(tenant).getOrThrow(id), "user", "comments", "tags");
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Post create(@PathVariable String tenant, @Cast(permit = { "title", "body", "published", "userId", "links" },
            required = { "title", "body", "userId" }, prefixVariable = "tenant") Changeset<Post> changeset) {
        return this.service.create(changeset, tenant);
    }

    @PutMapping("/{id}")
    public Post update(@Cast(permit = { "title", "body", "published", "links" },
            prefixVariable = "tenant") Changeset<Post> changeset) {
        return this.service.update(changeset);
    }

}
