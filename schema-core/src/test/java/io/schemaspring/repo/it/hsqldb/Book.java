package io.schemaspring.repo.it.hsqldb;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.Schema;

@Schema("books")
public class Book {

    public Long id;

    public String title;

    public Long shelfId;

    @BelongsTo
    public Shelf shelf;

    static Book on(Shelf shelf, String title) {
        Book book = new Book();
        book.shelfId = shelf.id;
        book.title = title;
        return book;
    }

}
