package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.JoinKey;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.OnDelete;
import io.schemaspring.annotation.OnReplace;
import java.util.List;

import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.StructMeta;
import java.util.UUID;

/**
 * Ecto's {@code Ecto.Integration.Custom}: a {@code :binary_id} primary key, {@code bid},
 * generated before insert.
 */
@Schema("ecto_customs")
public class Custom {

    @PrimaryKey(autogenerate = true)
    public UUID bid;

    /** Ecto's {@code field :uuid, Ecto.UUID}, under a unique index. */
    public UUID uuid;

    /** Ecto's {@code __meta__}: where the struct is stored. */
    public StructMeta meta;

    @ManyToMany(joinThrough = "ecto_customs_customs",
            joinKeys = { @JoinKey(column = "custom_id1", references = "bid"),
                    @JoinKey(column = "custom_id2", references = "bid") },
            onDelete = OnDelete.DELETE_ALL, onReplace = OnReplace.DELETE)
    public List<Custom> customs;

}
