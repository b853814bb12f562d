package io.schemaspring.sample.web;

import io.schemaspring.data.SchemaRepository;
import io.schemaspring.sample.blog.Comment;
import io.schemaspring.sample.blog.Post;
import io.schemaspring.sample.blog.User;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.RequestParam;

/** Server-rendered pages: the form posts form data through the casting binder. */
@Controller
public class PostPageController {

    private final SchemaRepository<Post, Long> posts;

    private final SchemaRepository<User, Long> users;

    private final SchemaRepository<Comment, Long> comments;

    public PostPageController(SchemaRepository<Post, Long> posts, SchemaRepository<User, Long> users,
            SchemaRepository<Comment, Long> comments) {
        this.posts = posts;
        this.users = users;
        this.comments = comments;
    }

    /** What the form may set: never the server's fields (id, word count, timestamps). */
    @InitBinder("post")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("title", "body", "userId", "published");
    }

    /** What the comment form may set: its text, never the post it belongs to. */
    @InitBinder("comment")
    void allowedCommentFields(WebDataBinder binder) {
        binder.setAllowedFields("body");
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/posts";
    }

    @GetMapping("/posts")
    public String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Model model) {
        return listIn(null, page, size, model);
    }

    /** A tenant's posts: the same pages on the tables of its database schema. */
    @GetMapping("/tenants/{tenant}/posts")
    public String tenantList(@PathVariable String tenant, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Model model) {
        return listIn(tenant, page, size, model);
    }

    private String listIn(@Nullable String tenant, int page, int size, Model model) {
        SchemaRepository<Post, Long> posts = posts(tenant);
        Page<Post> shown = posts.findAll(Pages.newestFirst(page, size));
        model.addAttribute("posts", posts.preload(shown.getContent(), "user", "comments"));
        model.addAttribute("page", shown);
        model.addAttribute("base", base(tenant));
        model.addAttribute("tenant", tenant);
        return "posts/list";
    }

    private SchemaRepository<Post, Long> posts(@Nullable String tenant) {
        return tenant == null ? this.posts : this.posts.withPrefix(tenant);
    }

    /** Where a tenant's pages live; the default schema's at the root. */
    private static String base(@Nullable String tenant) {
        return tenant == null ? "" : "/tenants/" + tenant;
    }

    @GetMapping("/posts/new")
    public String form(@ModelAttribute("post") Post post, Model model) {
        model.addAttribute("users", this.users.findAll(Sort.by("name")));
        return "posts/form";
    }

    @PostMapping("/posts")
    public String create(@ModelAttribute("post") Post post, BindingResult result, Model model,
            HttpServletResponse response) {
        requireText(result, "title", 120);
        requireText(result, "body", 10_000);
        if (!result.hasFieldErrors("userId")
                && (post.getUserId() == null || this.users.findById(post.getUserId()).isEmpty())) {
            result.rejectValue("userId", "changeset.assoc",
                    post.getUserId() == null ? "can't be blank" : "does not exist");
        }
        if (result.hasErrors()) {
            response.setStatus(422);
            model.addAttribute("users", this.users.findAll(Sort.by("name")));
            return "posts/form";
        }
        post.setWordCount(PostService.wordCount(post.getBody()));
        this.posts.insert(post);
        return "redirect:/posts";
    }

    @GetMapping({ "/posts/{id}", "/tenants/{tenant}/posts/{id}" })
    public String show(@PathVariable(required = false) @Nullable String tenant, @PathVariable Long id, Model model) {
        model.addAttribute("post", shown(tenant, id));
        model.addAttribute("comment", new Comment());
        model.addAttribute("base", base(tenant));
        return "posts/show";
    }

    @PostMapping({ "/posts/{id}/comments", "/tenants/{tenant}/posts/{id}/comments" })
    public String comment(@PathVariable(required = false) @Nullable String tenant, @PathVariable Long id,
            @ModelAttribute("comment") Comment comment, BindingResult result, Model model,
            HttpServletResponse response) {
        Post post = shown(tenant, id);
        requireText(result, "body", 2_000);
        if (result.hasErrors()) {
            response.setStatus(422);
            model.addAttribute("post", post);
            model.addAttribute("base", base(tenant));
            return "posts/show";
        }
        comment.setPostId(post.getId());
        (tenant == null ? this.comments : this.comments.withPrefix(tenant)).insert(comment);
        return "redirect:" + base(tenant) + "/posts/" + post.getId();
    }

    /** The post with its author, comments and tags; 404 for an unknown id. */
    private Post shown(@Nullable String tenant, Long id) {
        SchemaRepository<Post, Long> posts = posts(tenant);
        Post post = posts.findById(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No post " + id));
        return posts.preload(post, "user", "comments", "tags");
    }

    /**
     * The casting binder reports values that do not cast; presence and length are this
     * form's own rules.
     */
    private static void requireText(BindingResult result, String field, int max) {
        if (result.hasFieldErrors(field)) {
            return;
        }
        Object value = result.getFieldValue(field);
        if (value == null || value.toString().isBlank()) {
            result.rejectValue(field, "changeset.required", "can't be blank");
        }
        else if (value.toString().length() > max) {
            result.rejectValue(field, "changeset.length.max", new Object[] { max },
                    "should be at most " + max + " character(s)");
        }
    }

}
