package io.schemaspring.web;

import io.schemaspring.changeset.Castable;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.type.ArrayType;
import java.util.List;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Makes Spring MVC's own {@link WebDataBinder} the casting binder for schema-typed
 * {@code @ModelAttribute} parameters: fields are written directly (no setters needed),
 * only the fields castable by default are allowed (never keys, timestamps, generated or
 * read-only fields, embeds, associations or nested paths such as
 * {@code class.module.classLoader}), each value is cast with Ecto's rules, and a bad
 * value is a field error {@code "is invalid"}.
 */
@ControllerAdvice
public class CastingBinderAdvice {

    private final SchemaRegistry registry;

    /**
     * Creates the advice over the application's registry; binders of targets whose class
     * it does not register are left as Spring MVC configures them.
     */
    public CastingBinderAdvice(SchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * Makes the binder of a schema-typed target the casting binder: direct field access,
     * only the fields castable by default allowed, and each bound value cast with Ecto's
     * rules (a value that does not cast is a field error {@code "is invalid"}). Binders
     * of other targets are left alone.
     */
    @InitBinder
    public void initBinder(WebDataBinder binder) {
        Object target = binder.getTarget();
        Class<?> type = target != null ? target.getClass()
                : binder.getTargetType() == null ? null : binder.getTargetType().resolve();
        SchemaMetadata metadata = type == null ? null : this.registry.find(type);
        if (metadata == null) {
            return;
        }
        List<String> allowed = Castable.defaultFields(metadata);
        binder.initDirectFieldAccess();
        binder.setAllowedFields(allowed.toArray(String[]::new));
        for (String name : allowed) {
            FieldMetadata field = metadata.field(name);
            // Registered for the List type only on list fields, so that Spring's
            // per-element
            // conversion after the cast does not run the whole-list cast on each element.
            binder.registerCustomEditor(field.type() instanceof ArrayType ? List.class : null, name,
                    new CastingEditor(field));
        }
        binder.setBindingErrorProcessor(new CastingBindingErrorProcessor(metadata));
    }

}
