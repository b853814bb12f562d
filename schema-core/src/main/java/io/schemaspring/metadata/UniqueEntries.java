package io.schemaspring.metadata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The duplicates of a {@code @ManyToMany(unique = true)} list: Ecto's check on associated
 * entries.
 */
public final class UniqueEntries {

    private UniqueEntries() {
    }

    /**
     * The positions of entries whose key an earlier entry already has; entries without a
     * key are never duplicates.
     */
    public static List<Integer> duplicates(List<?> entries, FieldAccessor key) {
        Set<Object> seen = new HashSet<>();
        List<Integer> duplicates = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Object value = entries.get(i) == null ? null : key.get(entries.get(i));
            if (value != null && !seen.add(value)) {
                duplicates.add(i);
            }
        }
        return duplicates;
    }

}
