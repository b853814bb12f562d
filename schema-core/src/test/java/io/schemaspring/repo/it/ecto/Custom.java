package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import java.util.UUID;

/** Ecto's {@code Ecto.Integration.Custom}: a {@code :binary_id} primary key, {@code bid}, generated before insert. */
@Schema("ecto_customs")
public class Custom {
    @PrimaryKey(autogenerate = true)
    public UUID bid;
}
