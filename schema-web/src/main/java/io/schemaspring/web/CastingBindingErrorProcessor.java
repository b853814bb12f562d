package io.schemaspring.web;

import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import java.util.Map;
import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;

/**
 * Reports a value that does not cast as Ecto does ({@code "is invalid"}, codes
 * {@code changeset.cast...}), never echoing the value of a redacted field.
 */
final class CastingBindingErrorProcessor extends DefaultBindingErrorProcessor {

    private final SchemaMetadata metadata;

    CastingBindingErrorProcessor(SchemaMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
        String field = ex.getPropertyName();
        FieldMetadata metadata = field == null ? null : this.metadata.field(field);
        if (metadata == null) {
            super.processPropertyAccessException(ex, bindingResult);
            return;
        }
        Object rejected = metadata.redact() ? null : ex.getValue();
        if (rejected instanceof String[] values && values.length == 1) {
            rejected = values[0];
        }
        String[] codes = ChangesetMessages.codes("cast", this.metadata.schemaClass(), field);
        bindingResult.addError(new FieldError(bindingResult.getObjectName(), field, rejected, true, codes,
                new Object[] { Map.of("type", metadata.type().toString(), "validation", "cast") }, "is invalid"));
    }

}
