package io.schemaspring.sample.blog;

import io.schemaspring.annotation.Schema;

@Schema("tags")
public class Tag {
    private Long id;
    private String name;
}
