package io.schemaspring.sample.blog;

import io.schemaspring.annotation.Schema;

@Schema("tags")
public class Tag {

    private Long id;

    private String name;

    public static Tag named(String name) {
        Tag tag = new Tag();
        tag.name = name;
        return tag;
    }

    public String getName() {
        return this.name;
    }

}
