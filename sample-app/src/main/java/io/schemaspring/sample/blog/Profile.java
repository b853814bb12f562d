package io.schemaspring.sample.blog;

import io.schemaspring.annotation.EmbeddedSchema;

/** Stored as JSON inside the users row. */
@EmbeddedSchema
public class Profile {

    private String bio;

    private String website;

}
