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
 * Resolves changeset errors through Spring's {@link MessageSource}, for i18n: the codes are
 * {@code changeset.<kind>.<Schema>.<field>}, {@code changeset.<kind>.<field>} and
 * {@code changeset.<kind>}, where the kind is the validation ({@code required}, {@code cast},
 * {@code length.min}, {@code number.less_than}, ...) or the constraint ({@code unique},
 * {@code foreign}, {@code check}); Ecto's message is the default. {@code %{key}} placeholders
 * are filled from the error's metadata after resolution.
 */
public final class ChangesetMessages {

    private final @Nullable MessageSource messageSource;

    public ChangesetMessages(@Nullable MessageSource messageSource) {
        this.messageSource = messageSource;
    }

    public static String[] codes(String kind, Class<?> schema, String field) {
        String leaf = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        return new String[] {"changeset." + kind + "." + schema.getSimpleName() + "." + leaf, "changeset." + kind + "." + leaf,
                "changeset." + kind};
    }

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

    public String resolve(FieldError error, Class<?> schema, Locale locale) {
        String message = error.message();
        if (this.messageSource != null) {
            message = this.messageSource.getMessage(new DefaultMessageSourceResolvable(codes(kind(error), schema, error.field()),
                    error.message()), locale);
        }
        return interpolate(message, error.metadata());
    }

    /** Every error by field, resolved and interpolated. */
    public Map<String, List<String>> resolveAll(List<FieldError> errors, Class<?> schema, Locale locale) {
        Map<String, List<String>> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            messages.computeIfAbsent(error.field(), key -> new java.util.ArrayList<>()).add(resolve(error, schema, locale));
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
