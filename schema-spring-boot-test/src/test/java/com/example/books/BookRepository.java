package com.example.books;

import io.schemaspring.data.SchemaRepository;
import java.util.List;

public interface BookRepository extends SchemaRepository<Book, Long> {

    List<Book> findByPagesGreaterThanOrderByTitle(int pages);

}
