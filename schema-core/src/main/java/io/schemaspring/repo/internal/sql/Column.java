package io.schemaspring.repo.internal.sql;

import org.jspecify.annotations.Nullable;

/**
 * A column, qualified by a table alias when the statement joins; or, in a select list, a
 * value computed under a column's name ({@code value AS name}, Ecto's
 * {@code select_merge}).
 */
public record Column(@Nullable String tableAlias, String name, @Nullable Condition value) {

    public Column(@Nullable String tableAlias, String name) {
        this(tableAlias, name, null);
    }

    public static Column of(String name) {
        return new Column(null, name);
    }

    /** {@code value AS name} in a select list. */
    public static Column computed(String name, Condition value) {
        return new Column(null, name, value);
    }

}
