package io.schemaspring.repo.internal.sql;

import org.jspecify.annotations.Nullable;

/** A table, with its database schema (prefix) and an alias when the statement joins. */
public record Table(@Nullable String prefix, String name, @Nullable String alias) {

    public static Table of(@Nullable String prefix, String name) {
        return new Table(prefix, name, null);
    }

    public Table as(String alias) {
        return new Table(this.prefix, this.name, alias);
    }

    public Column column(String name) {
        return new Column(this.alias, name);
    }
}
