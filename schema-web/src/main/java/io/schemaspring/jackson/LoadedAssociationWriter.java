package io.schemaspring.jackson;

import io.schemaspring.metadata.NotLoaded;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.BeanPropertyWriter;

/**
 * Writes an association only when it holds loaded data: a {@code NotLoaded} marker or a
 * {@code null} (never preloaded) leaves the property out, as Ecto never encodes
 * {@code %Ecto.Association.NotLoaded{}}.
 */
final class LoadedAssociationWriter extends BeanPropertyWriter {

    private static final long serialVersionUID = 1L;

    LoadedAssociationWriter(BeanPropertyWriter base) {
        super(base);
    }

    private LoadedAssociationWriter(BeanPropertyWriter base, PropertyName name) {
        super(base, name);
    }

    @Override
    protected BeanPropertyWriter _new(PropertyName newName) {
        return new LoadedAssociationWriter(this, newName);
    }

    @Override
    public void serializeAsProperty(Object bean, JsonGenerator generator, SerializationContext context)
            throws Exception {
        if (loaded(bean)) {
            super.serializeAsProperty(bean, generator, context);
        }
    }

    @Override
    public void serializeAsElement(Object bean, JsonGenerator generator, SerializationContext context)
            throws Exception {
        if (loaded(bean)) {
            super.serializeAsElement(bean, generator, context);
        }
        else {
            generator.writeNull();
        }
    }

    private boolean loaded(Object bean) throws Exception {
        Object value = get(bean);
        return value != null && NotLoaded.isLoaded(value);
    }

}
