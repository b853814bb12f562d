package com.example.books;

import io.schemaspring.annotation.Schema;

@Schema("books")
public class Book {

    private Long id;

    private String title;

    private Integer pages;

    public Long getId() {
        return this.id;
    }

    public String getTitle() {
        return this.title;
    }

    public Integer getPages() {
        return this.pages;
    }

}
