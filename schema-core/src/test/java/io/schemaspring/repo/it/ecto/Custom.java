package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.StructMeta;
import java.util.UUID;

/** Ecto's {@code Ecto.Integration.Custom}: a {@code :binary_id} primary key, {@code bid}, generated before insert. */
@Schema("ecto_customs")
public class Custom {
    @PrimaryKey(autogenerate = true)
    public UUID bid;
    /** Ecto's {@code field :uuid, Ecto.UUID}, under a unique index. */
    public UUID uuid;
    /** Ecto's {@code __meta__}: where the struct is stored. */
    public StructMeta meta;
}
