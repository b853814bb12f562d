package com.example.books;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The README's example application over HTTP, as its users call it. */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:books;DB_CLOSE_DELAY=-1",
        "spring.sql.init.schema-locations=classpath:db/migration/V1__create_books.sql" })
@AutoConfigureMockMvc
class BookControllerTest {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void createsABookFromTheCastFieldsOnly() {
        assertThat(this.mvc.post()
            .uri("/books")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\": \"Dune\", \"pages\": \"412\", \"id\": 99}")).hasStatus(201)
            .bodyJson()
            .extractingPath("$.pages")
            .isEqualTo(412);
        assertThat(this.mvc.get().uri("/books?pages=400")).hasStatusOk()
            .bodyJson()
            .extractingPath("$[0].title")
            .isEqualTo("Dune");
    }

    @Test
    void answers422WithFieldErrorsAndWritesNothing() {
        assertThat(
                this.mvc.post().uri("/books").contentType(MediaType.APPLICATION_JSON).content("{\"pages\": \"many\"}"))
            .hasStatus(422)
            .bodyJson()
            .extractingPath("$.errors")
            .isEqualTo(java.util.Map.of("title", java.util.List.of("can't be blank"), "pages",
                    java.util.List.of("is invalid")));
        assertThat(this.mvc.get().uri("/books/12345")).hasStatus(404);
    }

}
