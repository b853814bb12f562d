package io.schemaspring.web;

import io.schemaspring.changeset.FieldCaster;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.type.ArrayType;
import io.schemaspring.type.CastResult;
import java.beans.PropertyEditorSupport;
import org.jspecify.annotations.Nullable;

/**
 * Casts one bound form or query value with Ecto's rules; a bad value is a binding error
 * "is invalid".
 */
final class CastingEditor extends PropertyEditorSupport {

    private final FieldMetadata field;

    CastingEditor(FieldMetadata field) {
        this.field = field;
    }

    @Override
    public void setAsText(String text) {
        setValue(text);
    }

    /** A single form value for a list field is a list of one. */
    @Override
    public void setValue(@Nullable Object value) {
        Object input = value;
        if (this.field.type() instanceof ArrayType && input instanceof String text && !text.isBlank()) {
            input = new String[] { text };
        }
        CastResult<?> result = FieldCaster.cast(this.field, input);
        if (!result.isOk()) {
            throw new IllegalArgumentException(result.message());
        }
        super.setValue(result.value());
    }

    @Override
    public String getAsText() {
        Object value = getValue();
        return value == null ? "" : value.toString();
    }

}
