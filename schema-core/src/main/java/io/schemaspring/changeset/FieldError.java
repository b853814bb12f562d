package io.schemaspring.changeset;

import java.util.Map;

/**
 * One error of a changeset, Ecto's {@code {message, keys}}: the message with {@code %{key}}
 * placeholders, and metadata such as {@code validation: "required"} or {@code count: 3}.
 */
public record FieldError(String field, String message, Map<String, Object> metadata) {

    /** An error on {@code field}, with an unmodifiable copy of {@code metadata}. */
    public FieldError {
        metadata = Map.copyOf(metadata);
    }

    /** The message with its {@code %{key}} placeholders replaced by metadata values. */
    public String interpolated() {
        String result = this.message;
        for (Map.Entry<String, Object> entry : this.metadata.entrySet()) {
            result = result.replace("%{" + entry.getKey() + "}", String.valueOf(entry.getValue()));
        }
        return result;
    }
}
