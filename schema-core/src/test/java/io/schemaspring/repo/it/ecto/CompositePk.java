package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;

/**
 * Ecto's {@code Ecto.Integration.CompositePk}: a primary key of two fields, {@code a} and
 * {@code b}.
 */
@Schema("ecto_composite_pk")
public class CompositePk {

    @PrimaryKey
    public Long a;

    @PrimaryKey
    public Long b;

    public String name;

    public static CompositePk of(long a, long b, String name) {
        CompositePk composite = new CompositePk();
        composite.a = a;
        composite.b = b;
        composite.name = name;
        return composite;
    }

}
