package io.schemaspring.benchmarks.render;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The two statement shapes of the prototype, described once and rendered by both models:
 * the primary-key read of a schema's query columns (with an optional prefix and a LIMIT),
 * and a filtered read with two AND-ed conditions, ORDER BY and LIMIT/OFFSET.
 */
public final class Statements {

    /** The posts table of the benchmark schema, in the names the schema declares. */
    public static final String TABLE = "posts";

    public static final List<String> COLUMNS = List.of("id", "title", "body", "author_id", "published_at",
            "inserted_at", "updated_at", "lock_version");

    public static final String KEY = "id";

    /**
     * {@code author_id = ? AND published_at >= ? ORDER BY published_at DESC LIMIT ? OFFSET ?}.
     */
    public static final String FILTER_EQ = "author_id";

    public static final String FILTER_GTE = "published_at";

    public static final String ORDER = "published_at";

    /**
     * A page of the filtered read: SDR renders these values into the SQL, the own model
     * binds them.
     */
    public record Page(long limit, long offset) {
    }

    private Statements() {
    }

    /**
     * The prefix used when the statement is schema-qualified (a tenant), else
     * {@code null}.
     */
    public static @Nullable String prefix(boolean qualified) {
        return qualified ? "tenant_a" : null;
    }

}
