package io.schemaspring.autoconfigure;

import io.schemaspring.annotation.FieldSourceMapper;
import io.schemaspring.metadata.SchemaSettings;
import org.jspecify.annotations.Nullable;

/** Turns the bound {@link SchemaProperties} into core {@link SchemaSettings}. */
final class SchemaSettingsMapper {

    private SchemaSettingsMapper() {
    }

    static SchemaSettings toSettings(SchemaProperties properties, @Nullable FieldSourceMapper mapperBean) {
        SchemaProperties.Timestamps timestamps = properties.getTimestamps();
        FieldSourceMapper mapper = mapperBean != null ? mapperBean
                : properties.getFieldSourceMapper() == SchemaProperties.FieldSourceMapperKind.IDENTITY
                        ? FieldSourceMapper.IDENTITY : FieldSourceMapper.SNAKE_CASE;
        return SchemaSettings.builder()
            .prefix(properties.getPrefix())
            .context(properties.getContext())
            .primaryKeyName(properties.getPrimaryKey().getName())
            .primaryKeyType(properties.getPrimaryKey().getType())
            .primaryKeyAutogenerate(properties.getPrimaryKey().isAutogenerate())
            .foreignKeyType(properties.getForeignKeyType())
            .timestampsType(timestamps.getType())
            .insertedAt(timestamps.getInsertedAt())
            .updatedAt(timestamps.getUpdatedAt())
            .insertedAtSource(timestamps.getInsertedAtSource())
            .updatedAtSource(timestamps.getUpdatedAtSource())
            .fieldSourceMapper(mapper)
            .bytecode(properties.getBytecode().isEnabled())
            .build();
    }

}
