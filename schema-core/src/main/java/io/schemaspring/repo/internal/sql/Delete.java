package io.schemaspring.repo.internal.sql;

import org.jspecify.annotations.Nullable;

/** {@code DELETE FROM table WHERE ...}. */
public record Delete(Table table, @Nullable Condition where) {
}
