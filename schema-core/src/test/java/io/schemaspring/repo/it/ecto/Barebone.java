package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.Schema;

/**
 * Ecto's {@code Ecto.Integration.Barebone}: a schema without primary key
 * ({@code @primary_key false}).
 */
@Schema(value = "ecto_barebones", primaryKey = false)
public class Barebone {

    public Integer num;

}
