package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;

/**
 * The {@code RAW} schema of Ecto's "insert and update with changeset read after writes":
 * Ecto's comments with {@code lock_version} read after writes. Its table is a copy of the
 * comments table whose {@code lock_version} defaults to 1, as Ecto's migration declares
 * it (the shared {@code ecto_comments} table has no such default).
 */
@Schema("ecto_raw_comments")
public class Raw {

    public Long id;

    public String text;

    @Field(readAfterWrites = true)
    public Integer lockVersion;

}
