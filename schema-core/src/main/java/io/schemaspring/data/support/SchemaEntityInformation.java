package io.schemaspring.data.support;

import io.schemaspring.metadata.SchemaMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.core.support.AbstractEntityInformation;

/**
 * A schema's identity for Spring Data: its primary key, a {@code Map} of the key fields
 * when composite.
 */
final class SchemaEntityInformation<T, ID> extends AbstractEntityInformation<T, ID> {

    private final SchemaMetadata metadata;

    private final Class<ID> idType;

    SchemaEntityInformation(Class<T> schema, Class<ID> idType, SchemaMetadata metadata) {
        super(schema);
        this.metadata = metadata;
        this.idType = idType;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable ID getId(T entity) {
        List<String> key = this.metadata.primaryKey();
        if (key.size() == 1) {
            return (ID) this.metadata.field(key.get(0)).accessor().get(entity);
        }
        Map<String, Object> id = new LinkedHashMap<>();
        for (String field : key) {
            Object value = this.metadata.field(field).accessor().get(entity);
            if (value == null) {
                return null;
            }
            id.put(field, value);
        }
        return id.isEmpty() ? null : (ID) id;
    }

    @Override
    public Class<ID> getIdType() {
        return this.idType;
    }

}
