package io.schemaspring.metadata;

import org.jspecify.annotations.Nullable;

/**
 * A schema class whose definition is wrong. The message names the class, the field and
 * the fix; {@link #reason()} and {@link #fix()} are also available apart for start-up
 * reports.
 */
public class SchemaDefinitionException extends RuntimeException {

    private final Class<?> schemaClass;

    private final @Nullable String field;

    private final String reason;

    private final String fix;

    /**
     * An error in {@code field} of {@code schemaClass} ({@code null} for the class as a
     * whole): what is wrong and what to change, joined into the message.
     */
    public SchemaDefinitionException(Class<?> schemaClass, @Nullable String field, String reason, String fix) {
        super(message(schemaClass, field, reason, fix));
        this.schemaClass = schemaClass;
        this.field = field;
        this.reason = reason;
        this.fix = fix;
    }

    private static String message(Class<?> schemaClass, @Nullable String field, String reason, String fix) {
        String where = (field != null) ? "schema " + schemaClass.getName() + ", field :" + field
                : "schema " + schemaClass.getName();
        return "Invalid " + where + ": " + reason + ". Fix: " + fix;
    }

    /** The schema class whose definition is wrong. */
    public Class<?> schemaClass() {
        return this.schemaClass;
    }

    /** The field at fault; {@code null} when the error is about the class as a whole. */
    public @Nullable String field() {
        return this.field;
    }

    /** What is wrong, in Ecto's words where Ecto has them. */
    public String reason() {
        return this.reason;
    }

    /** What to change to make it right. */
    public String fix() {
        return this.fix;
    }

}
