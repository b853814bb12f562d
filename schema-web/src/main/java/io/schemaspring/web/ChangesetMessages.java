package io.schemaspring.web;

import io.schemaspring.changeset.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Resolves changeset errors through Spring's {@link MessageSource}, for i18n: the codes
 * are {@code changeset.<kind>.<Schema>.<field>}, {@code changeset.<kind>.<field>} and
 * {@code changeset.<kind>}, where the kind is the validation ({@code required},
 * {@code cast}, {@code length.min}, {@code number.less_than}, ...) or the constraint
 * ({@code unique}, {@code foreign}, {@code check}); Ecto's message is the default.
 * {@code %{key}} placeholders are filled from the error's metadata after resolution.
 */
public final class ChangesetMessages {

    private final @Nullable MessageSource messageSource;

    /**
     * Creates the resolver over the application's messages; with a {@code null}
     * {@code messageSource}, every error keeps Ecto's message, its placeholders filled.
     */
    public ChangesetMessages(@Nullable MessageSource messageSource) {
        this.messageSource = messageSource;
    }

    /**
     * The message codes of an error, most specific first:
     * {@code changeset.<kind>.<Schema>.<field>}, {@code changeset.<kind>.<field>} and
     * {@code changeset.<kind>}. A nested field ({@code phones[0].number}) is named by its
     * last segment ({@code number}).
     */
    public static String[] codes(String kind, Class<?> schema, String field) {
        String leaf = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        return new String[] { "changeset." + kind + "." + schema.getSimpleName() + "." + leaf,
                "changeset." + kind + "." + leaf, "changeset." + kind };
    }

    /**
     * The kind that names an error's codes: the constraint of a constraint error
     * ({@code unique}, {@code foreign}, ...), else the validation followed by its kind
     * when it has one ({@code required}, {@code length.min}, {@code number.less_than});
     * {@code custom} for an error with neither.
     */
    public static String kind(FieldError error) {
        Map<String, Object> metadata = error.metadata();
        Object constraint = metadata.get("constraint");
        if (constraint != null) {
            return constraint.toString();
        }
        Object validation = metadata.getOrDefault("validation", "custom");
        Object kind = metadata.get("kind");
        return kind == null ? validation.toString() : validation + "." + kind;
    }

    /**
     * The error's message in {@code locale}: the text of the first of its {@link #codes}
     * the message source has, else Ecto's message, with the {@code %{key}} placeholders
     * filled from the error's metadata.
     */
    public String resolve(FieldError error, Class<?> schema, Locale locale) {
        String message = error.message();
        if (this.messageSource != null) {
            message = this.messageSource.getMessage(
                    new DefaultMessageSourceResolvable(codes(kind(error), schema, error.field()), error.message()),
                    locale);
        }
        return interpolate(message, error.metadata());
    }

    /** Every error by field, resolved and interpolated. */
    public Map<String, List<String>> resolveAll(List<FieldError> errors, Class<?> schema, Locale locale) {
        Map<String, List<String>> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            messages.computeIfAbsent(error.field(), key -> new java.util.ArrayList<>())
                .add(resolve(error, schema, locale));
        }
        return messages;
    }

    static String interpolate(String message, Map<String, Object> metadata) {
        String result = message;
        for (Map.Entry<String, Object> entry : metadata.entrySet()) {
            result = result.replace("%{" + entry.getKey() + "}", String.valueOf(entry.getValue()));
        }
        return result;
    }

}
