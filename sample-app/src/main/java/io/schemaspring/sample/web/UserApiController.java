package io.schemaspring.sample.web;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.Length;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.sample.account.Passwords;
import io.schemaspring.sample.blog.Post;
import io.schemaspring.sample.blog.PostRepository;
import io.schemaspring.sample.blog.User;
import io.schemaspring.web.Cast;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
public class UserApiController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final SchemaRepository<User, Long> users;

    private final PostRepository posts;

    private final Passwords passwords;

    public UserApiController(SchemaRepository<User, Long> users, PostRepository posts, Passwords passwords) {
        this.users = users;
        this.posts = posts;
        this.passwords = passwords;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public User register(@Cast(permit = { "name", "email", "password", "passwordConfirmation", "profile" },
            required = { "name", "email", "password" }) Changeset<User> changeset) {
        if (changeset.getChange("email") instanceof String email) {
            // One account per address whatever its case: the unique index sees the
            // normalized form.
            changeset.putChange("email", email.trim().toLowerCase(Locale.ROOT));
        }
        changeset.validateFormat("email", EMAIL)
            .validateLength("password", Length.min(8))
            .validateConfirmation("password")
            .uniqueConstraint("email");
        if (changeset.valid()) {
            changeset.putChange("passwordHash", this.passwords.hash((String) changeset.getChange("password")));
        }
        return this.users.insert(changeset);
    }

    /**
     * The user without posts: a user may have thousands, so they come a page at a time
     * from {@code /api/users/{id}/posts}.
     */
    @GetMapping("/{id}")
    public User show(@PathVariable long id) {
        return this.users.getOrThrow(id);
    }

    @GetMapping("/{id}/posts")
    public PageResponse<Post> posts(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        this.users.getOrThrow(id);
        return PageResponse.of(this.posts.findByUserId(id, Pages.newestFirst(page, size)));
    }

}
