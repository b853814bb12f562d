package io.schemaspring.changeset;

import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.type.ArrayType;
import io.schemaspring.type.CastResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Casts one external value for a field with Ecto's rules: empty and whitespace-only strings
 * become the field's default; repeated form parameters ({@code String[]}) become a list for
 * array fields and are invalid for others; everything else goes through the field's type.
 * Never throws.
 */
public final class FieldCaster {

    private FieldCaster() {
    }

    /**
     * Casts {@code input} for {@code field}: a blank string is the field's default, a {@code String[]}
     * a list for an array field and its one value otherwise. A value the type refuses or throws on is
     * an error result, as is a {@code String[]} without exactly one value for a field that is not an array.
     */
    public static CastResult<?> cast(FieldMetadata field, @Nullable Object input) {
        Object value = input;
        if (value instanceof String[] values) {
            if (field.type() instanceof ArrayType) {
                value = List.of(values);
            }
            else if (values.length == 1) {
                value = values[0];
            }
            else {
                return CastResult.invalid();
            }
        }
        if (value instanceof String text && text.isBlank()) {
            return CastResult.ok(field.defaultValue());
        }
        try {
            return field.type().cast(value);
        }
        catch (RuntimeException ex) {
            return CastResult.invalid();
        }
    }
}
