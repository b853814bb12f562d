package com.example.books;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.Length;
import io.schemaspring.web.Cast;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/books")
public class BookController {

    private final BookRepository books;

    public BookController(BookRepository books) {
        this.books = books;
    }

    // Only title and pages are cast from the request: an "id" in the body is ignored.
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Book create(@Cast(permit = { "title", "pages" }) Changeset<Book> changeset) {
        changeset.validateRequired("title").validateLength("title", Length.max(200));
        return this.books.insert(changeset); // 422 with field errors when invalid
    }

    @GetMapping("/{id}")
    public Book show(@PathVariable Long id) {
        return this.books.getOrThrow(id); // 404 when there is none
    }

    @GetMapping
    public List<Book> longerThan(@RequestParam(defaultValue = "0") int pages) {
        return this.books.findByPagesGreaterThanOrderByTitle(pages);
    }

}
