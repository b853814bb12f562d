package io.schemaspring.repo.it.hsqldb;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Writable;
import java.util.List;

@Schema("shelves")
public class Shelf {

    public Long id;

    public String label;

    @Field(readAfterWrites = true, writable = Writable.NEVER)
    public Integer capacity;

    @HasMany(preloadOrder = "id")
    public List<Book> books;

    static Shelf labelled(String label) {
        Shelf shelf = new Shelf();
        shelf.label = label;
        return shelf;
    }

}
