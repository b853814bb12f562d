package io.schemaspring.repo;

import io.schemaspring.repo.internal.mapping.Codec;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.type.Type;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the field names of a query to their columns, types and codecs; unknown names
 * are refused.
 */
interface QueryFields {

    /**
     * A field of a query: its column (qualified by its table's alias when the query
     * joins) and its schema.
     */
    record Resolved(Column column, SchemaMapping mapping, String field) {

        Type type() {
            return this.mapping.metadata().type(this.field);
        }

        Codec codec() {
            return this.mapping.codec(this.field);
        }
    }

    Resolved resolve(String name);

    /** The fields of one schema, unqualified. */
    static QueryFields of(SchemaMapping mapping) {
        return of(mapping, null);
    }

    /** The fields of one schema, qualified by the alias of its table when given. */
    static QueryFields of(SchemaMapping mapping, @Nullable String alias) {
        return name -> new Resolved(new Column(alias, QueryCompiler.column(mapping, name)), mapping, name);
    }

}
