package io.schemaspring.metadata;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.FieldSourceMapper;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The column of each stored field: {@code @Field(source)}, the configured timestamp
 * column or the field source mapper; each a valid identifier, used by one field only.
 */
final class ColumnNames {

    private final SchemaClass schemaClass;

    private final FieldRoles roles;

    private final FieldSourceMapper mapper;

    /** Field names by lower-case column. */
    private final Map<String, String> owners = new HashMap<>();

    ColumnNames(SchemaClass schemaClass, FieldRoles roles, FieldSourceMapper mapper) {
        this.schemaClass = schemaClass;
        this.roles = roles;
        this.mapper = mapper;
    }

    String forField(java.lang.reflect.Field field, @Nullable Field options) {
        String name = field.getName();
        String source;
        if (options != null && !options.source().isEmpty()) {
            source = options.source();
        }
        else if (this.roles.timestampSource(name) != null) {
            source = this.roles.timestampSource(name);
        }
        else {
            source = this.mapper.sourceFor(name);
        }
        return claim(name, source);
    }

    /** The configured column, else the mapped one. */
    String forEmbed(String name, String configured) {
        return claim(name, configured.isEmpty() ? this.mapper.sourceFor(name) : configured);
    }

    private String claim(String name, String source) {
        if (!SqlIdentifiers.isValid(source)) {
            throw this.schemaClass.error(name, "column \"" + source + "\" is not a valid SQL identifier",
                    "use letters, digits and underscores, for example @Field(source = \"email_address\")");
        }
        String owner = this.owners.putIfAbsent(source.toLowerCase(Locale.ROOT), name);
        if (owner != null) {
            throw this.schemaClass.error(name, "column \"" + source + "\" is already used by field :" + owner,
                    "give one of them another column with @Field(source = \"...\")");
        }
        return source;
    }

}
