package io.schemaspring.repo.internal.sql;

import org.jspecify.annotations.Nullable;

/**
 * A table, with its database schema (prefix) and an alias when the statement joins; or a
 * derived table, the rows of a select, always aliased.
 */
public record Table(@Nullable String prefix, String name, @Nullable String alias, @Nullable Select derived) {

    public static Table of(@Nullable String prefix, String name) {
        return new Table(prefix, name, null, null);
    }

    /** {@code (select) alias}: the rows of a subquery as a table. */
    public static Table derived(Select select, String alias) {
        return new Table(null, alias, alias, select);
    }

    public Table as(@Nullable String alias) {
        return new Table(this.prefix, this.name, alias, this.derived);
    }

    public Column column(String name) {
        return new Column(this.alias, name);
    }
}
