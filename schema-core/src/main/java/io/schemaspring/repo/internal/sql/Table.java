package io.schemaspring.repo.internal.sql;

import org.jspecify.annotations.Nullable;

/**
 * A table, with its database schema (prefix) and an alias when the statement joins; or a
 * derived table, the rows of a select or of a values list, always aliased.
 */
public record Table(@Nullable String prefix, String name, @Nullable String alias, @Nullable Select derived,
        @Nullable ValuesList values, Condition.@Nullable Fragment fragment) {

    public static Table of(@Nullable String prefix, String name) {
        return new Table(prefix, name, null, null, null, null);
    }

    /** {@code (select) alias}: the rows of a subquery as a table. */
    public static Table derived(Select select, String alias) {
        return new Table(null, alias, alias, select, null, null);
    }

    /** {@code (values) alias}: rows given in the statement as a table. */
    public static Table values(ValuesList values, String alias) {
        return new Table(null, alias, alias, null, values, null);
    }

    /** {@code (fragment) alias}: the rows of the programmer's SQL as a table. */
    public static Table fragment(Condition.Fragment fragment, String alias) {
        return new Table(null, alias, alias, null, null, fragment);
    }

    public Table as(@Nullable String alias) {
        return new Table(this.prefix, this.name, alias, this.derived, this.values, this.fragment);
    }

    public Column column(String name) {
        return new Column(this.alias, name);
    }
}
