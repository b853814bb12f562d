package com.example.books;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.changeset.Changesets;
import io.schemaspring.test.autoconfigure.SchemaJdbcTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.jdbc.Sql;

@SchemaJdbcTest // the data layer only, on an embedded database, each test rolled back
@Sql("/db/migration/V1__create_books.sql")
class BookRepositoryTest {

    @Autowired
    private BookRepository books;

    @Autowired
    private Changesets changesets;

    @Test
    void findsTheBooksLongerThanAPageCount() {
        this.books.insert(this.changesets.cast(new Book(), Map.of("title", "Dune", "pages", "412"), "title", "pages"));
        this.books.insert(this.changesets.cast(new Book(), Map.of("title", "Brief", "pages", 90), "title", "pages"));

        assertThat(this.books.findByPagesGreaterThanOrderByTitle(100)).extracting(Book::getTitle)
            .containsExactly("Dune");
    }

}
