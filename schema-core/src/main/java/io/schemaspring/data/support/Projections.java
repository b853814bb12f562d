package io.schemaspring.data.support;

import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.repository.query.ReturnedType;

/**
 * Turns structs into what a query method returns: interface projections are Spring Data's
 * proxies over the struct ({@code ResultProcessor}); records and other DTOs are built
 * through their constructor, each parameter taking the schema field of the same name.
 */
final class Projections {

    private final SchemaMetadata schema;

    private final Map<Class<?>, Converter<Object, Object>> dtos = new ConcurrentHashMap<>();

    Projections(SchemaMetadata schema) {
        this.schema = schema;
    }

    /**
     * The converter to apply to each struct before Spring Data's projection: builds DTOs,
     * passes the rest.
     */
    Converter<Object, Object> preparing(ReturnedType returned) {
        if (!returned.isProjecting() || returned.getReturnedType().isInterface()
                || !returned.getDomainType().isAssignableFrom(this.schema.schemaClass())) {
            return source -> source;
        }
        return this.dtos.computeIfAbsent(returned.getReturnedType(), this::dto);
    }

    /** Whether a projection property is a column field of the schema. */
    boolean isField(String property) {
        return this.schema.field(property) != null && this.schema.fieldSource(property) != null;
    }

    /**
     * Checks at start-up that a DTO's constructor parameters name fields of the schema.
     */
    void check(ReturnedType returned, DerivedQuery.Target target) {
        if (returned.isProjecting() && !returned.getReturnedType().isInterface()) {
            try {
                preparing(returned);
            }
            catch (IllegalArgumentException ex) {
                throw target.error(null, ex.getMessage(), "name the constructor parameters of "
                        + returned.getReturnedType().getSimpleName() + " after fields of " + target.schemaName());
            }
        }
    }

    private Converter<Object, Object> dto(Class<?> type) {
        Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
        String[] names = BeanUtils.getParameterNames(constructor);
        FieldMetadata[] fields = new FieldMetadata[names.length];
        for (int i = 0; i < names.length; i++) {
            fields[i] = this.schema.field(names[i]);
            if (fields[i] == null) {
                throw new IllegalArgumentException("the projection " + type.getSimpleName() + " takes :" + names[i]
                        + ", which is not a field of " + this.schema.schemaClass().getSimpleName());
            }
        }
        return source -> {
            Object[] arguments = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                arguments[i] = fields[i].accessor().get(source);
            }
            return BeanUtils.instantiateClass(constructor, arguments);
        };
    }

}
