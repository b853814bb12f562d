package io.schemaspring.repo.internal.sql;

import org.jspecify.annotations.Nullable;

/** A column, qualified by a table alias when the statement joins. */
public record Column(@Nullable String tableAlias, String name) {

    public static Column of(String name) {
        return new Column(null, name);
    }
}
