package io.schemaspring.sample.web;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.Length;
import io.schemaspring.repo.SchemaRepository;
import io.schemaspring.sample.account.Passwords;
import io.schemaspring.sample.blog.User;
import io.schemaspring.web.Cast;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
public class UserApiController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final SchemaRepository<User, Long> users;
    private final Passwords passwords;

    public UserApiController(SchemaRepository<User, Long> users, Passwords passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public User register(@Cast(permit = {"name", "email", "password", "passwordConfirmation", "profile"},
            required = {"name", "email", "password"}) Changeset<User> changeset) {
        changeset.validateFormat("email", EMAIL)
                .validateLength("password", Length.min(8))
                .validateConfirmation("password")
                .uniqueConstraint("email");
        if (changeset.valid()) {
            changeset.putChange("passwordHash", this.passwords.hash((String) changeset.getChange("password")));
        }
        return this.users.insert(changeset);
    }

    @GetMapping("/{id}")
    public User show(@PathVariable long id) {
        return this.users.preload(this.users.getOrThrow(id), "posts");
    }
}
