package io.schemaspring.metadata;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Writable;
import io.schemaspring.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * Builds a column or virtual field from its {@code @Field} options, its role, type and
 * column.
 */
final class PlainFieldBuilder {

    private final SchemaClass schemaClass;

    private final FieldRoles roles;

    private final FieldTypeResolver types;

    private final ColumnNames columns;

    private final Autogeneration autogeneration;

    PlainFieldBuilder(SchemaClass schemaClass, FieldRoles roles, FieldTypeResolver types, ColumnNames columns,
            Autogeneration autogeneration) {
        this.schemaClass = schemaClass;
        this.roles = roles;
        this.types = types;
        this.columns = columns;
        this.autogeneration = autogeneration;
    }

    FieldBuild build(java.lang.reflect.Field field) {
        String name = field.getName();
        Field options = field.getAnnotation(Field.class);
        boolean virtual = options != null && options.virtual();
        boolean primaryKey = this.roles.primaryKey(name);
        if (virtual && (primaryKey || this.roles.foreignKey(name) || this.roles.timestamp(name))) {
            throw this.schemaClass.error(name, "a virtual field cannot be a primary key, foreign key or timestamp",
                    "remove virtual = true or use another field");
        }
        Type type = this.types.resolve(field, options, primaryKey);
        String source = virtual ? null : this.columns.forField(field, options);
        boolean readAfterWrites = options != null && options.readAfterWrites();
        boolean autogenerate = autogenerate(field, options, type, primaryKey);
        if (virtual && (autogenerate || readAfterWrites)) {
            throw this.schemaClass.error(name,
                    "a virtual field is never persisted, so it cannot be autogenerate or " + "readAfterWrites",
                    "remove virtual = true or the other option");
        }
        if (autogenerate && readAfterWrites) {
            throw this.schemaClass.error(name, "cannot mark the same field as autogenerate and read_after_writes",
                    "keep only one of autogenerate and readAfterWrites");
        }
        Class<?> generator = options == null ? io.schemaspring.type.FieldGenerator.class : options.generator();
        if (virtual && Generators.declared(generator)) {
            throw this.schemaClass.error(name, "a virtual field is never persisted, so it cannot have a generator",
                    "remove virtual = true or the generator");
        }
        if (readAfterWrites && Generators.declared(generator)) {
            throw this.schemaClass.error(name, "cannot mark the same field as autogenerate and read_after_writes",
                    "keep only one of generator and readAfterWrites");
        }
        if (Generators.declared(generator)) {
            this.autogeneration.register(name, field, type, generator);
            autogenerate = true;
        }
        else if (autogenerate) {
            this.autogeneration.register(name, source, type, primaryKey);
        }
        return new FieldBuild(field, source, type, primaryKey, virtual, autogenerate, readAfterWrites,
                options == null || options.loadInQuery(), options != null && options.redact(),
                options == null ? Writable.ALWAYS : options.writable());
    }

    private boolean autogenerate(java.lang.reflect.Field field, @Nullable Field options, Type type,
            boolean primaryKey) {
        boolean autogenerate = primaryKey && this.roles.defaultPrimaryKey(field.getName())
                ? this.schemaClass.defaults().primaryKeyAutogenerate() && this.autogeneration.generatesKey(type)
                : primaryKey && field.getAnnotation(PrimaryKey.class).autogenerate();
        return autogenerate || (options != null && options.autogenerate());
    }

}
