package io.schemaspring.repo;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A struct known to be stored in one database schema was written, deleted or preloaded
 * through another: refused before any SQL, so that a tenant's struct never reaches
 * another tenant's rows.
 */
public class PrefixMismatchException extends InvalidDataAccessApiUsageException {

    private final @Nullable String storedIn;

    private final String requested;

    /**
     * Names the action, the schema, the struct's key, where it is stored and where it was
     * asked to go.
     */
    public PrefixMismatchException(String action, Class<?> schema, String key, @Nullable String storedIn,
            String requested) {
        super("cannot " + action + " " + schema.getSimpleName() + " with " + key + " in prefix \"" + requested
                + "\": it is stored in " + describe(storedIn) + ". Use a repository bound to " + describe(storedIn)
                + ", or insert a copy without its StructMeta to copy it across prefixes");
        this.storedIn = storedIn;
        this.requested = requested;
    }

    private static String describe(@Nullable String prefix) {
        return prefix == null ? "the default schema" : "prefix \"" + prefix + "\"";
    }

    /** The prefix the struct is stored in; {@code null} for the default schema. */
    public @Nullable String storedIn() {
        return this.storedIn;
    }

    /** The prefix the action asked for. */
    public String requested() {
        return this.requested;
    }

}
