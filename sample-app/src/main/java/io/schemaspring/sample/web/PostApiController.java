package io.schemaspring.sample.web;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.sample.blog.Comment;
import io.schemaspring.sample.blog.Post;
import io.schemaspring.web.Cast;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of the default tenant. */
@RestController
@RequestMapping("/api/posts")
public class PostApiController {

    private final SchemaRepository<Post, Long> posts;

    private final SchemaRepository<Comment, Long> comments;

    private final PostService service;

    public PostApiController(SchemaRepository<Post, Long> posts, SchemaRepository<Comment, Long> comments,
            PostService service) {
        this.posts = posts;
        this.comments = comments;
        this.service = service;
    }

    @GetMapping
    public PageResponse<Post> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "10") int size) {
        return PageResponse.of(this.posts.findAll(Pages.newestFirst(page, size)));
    }

    @GetMapping("/{id}")
    public Post show(@PathVariable long id) {
        return this.posts.preload(this.posts.getOrThrow(id), "user", "comments", "tags");
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Post create(@Cast(permit = { "title", "body", "published", "userId", "links" },
            required = { "title", "body", "userId" }) Changeset<Post> changeset) {
        return this.service.create(changeset, null);
    }

    @PutMapping("/{id}")
    public Post update(@Cast(permit = { "title", "body", "published", "links" }) Changeset<Post> changeset) {
        return this.service.update(changeset);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        this.posts.delete(this.posts.getOrThrow(id));
    }

    @PostMapping("/{postId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    public Comment comment(@PathVariable long postId,
            @Cast(permit = "body", required = "body") Changeset<Comment> changeset) {
        this.posts.getOrThrow(postId);
        return this.comments.insert(changeset.putChange("postId", postId));
    }

}
