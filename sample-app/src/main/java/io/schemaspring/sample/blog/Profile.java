package io.schemaspring.sample.blog;

import io.schemaspring.annotation.EmbeddedSchema;

@EmbeddedSchema
public class Profile {
    private String bio;
    private String website;
}
