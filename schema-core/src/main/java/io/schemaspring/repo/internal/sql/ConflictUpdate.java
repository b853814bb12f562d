package io.schemaspring.repo.internal.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an upsert does to a conflicting row: the columns it takes from the new row, and
 * those it sets to a bound value or increments by one (Ecto's {@code set} and
 * {@code inc}); none of either keeps the row as it is. Column names are unquoted.
 *
 * @param replaced the columns taken from the new row
 * @param sets the columns set to a bound value
 * @param incs the columns a bound value is added to
 * @param jsonColumns those of {@code sets} bound as JSON
 * @param where the condition a conflicting row must meet to be updated, its columns
 * qualified by the alias {@code t}; {@code null} for every row
 */
public record ConflictUpdate(List<String> replaced, List<String> sets, List<String> incs, List<String> jsonColumns,
        @Nullable Condition where) {

    /** An update of every conflicting row. */
    public ConflictUpdate(List<String> replaced, List<String> sets, List<String> incs, List<String> jsonColumns) {
        this(replaced, sets, incs, jsonColumns, null);
    }

    /** Copies the lists. */
    public ConflictUpdate {
        replaced = List.copyOf(replaced);
        sets = List.copyOf(sets);
        incs = List.copyOf(incs);
        jsonColumns = List.copyOf(jsonColumns);
    }

    /** Replaces these columns from the new row, and nothing else. */
    public static ConflictUpdate replacing(List<String> replaced) {
        return new ConflictUpdate(replaced, List.of(), List.of(), List.of());
    }

}
