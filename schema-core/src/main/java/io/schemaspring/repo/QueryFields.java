package io.schemaspring.repo;

import io.schemaspring.repo.internal.mapping.Codec;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.type.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

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

    /**
     * A whole schema of a query: the alias of its table ({@code null} when the query does
     * not join) and its mapping.
     */
    record Struct(@Nullable String alias, SchemaMapping mapping) {
    }

    /**
     * The fields of a subquery, and those of the query it is part of for
     * {@code Expr.parent}.
     */
    interface Correlated extends QueryFields {

        QueryFields parent();

        /** How deep the subquery sits: 1 in a query, 2 in a subquery of it, ... */
        int depth();

    }

    /**
     * How deep the fields' query sits among subqueries: 0 for a statement's own query.
     */
    static int depthOf(QueryFields fields) {
        return fields instanceof Correlated correlated ? correlated.depth() : 0;
    }

    /** The fields of a subquery that can name its parent's with {@code Expr.parent}. */
    static QueryFields correlated(QueryFields fields, QueryFields parent) {
        int depth = depthOf(parent) + 1;
        return new Correlated() {

            @Override
            public int depth() {
                return depth;
            }

            @Override
            public Resolved resolve(String name) {
                return fields.resolve(name);
            }

            @Override
            public Struct struct(@Nullable String path) {
                return fields.struct(path);
            }

            @Override
            public QueryFields parent() {
                return parent;
            }

        };
    }

    Resolved resolve(String name);

    /**
     * The schema at a joined path or join name, or the query's own schema for
     * {@code null}; an unjoined path is refused.
     */
    Struct struct(@Nullable String path);

    /** The fields of one schema, unqualified. */
    static QueryFields of(SchemaMapping mapping) {
        return of(mapping, null);
    }

    /** The fields of one schema, qualified by the alias of its table when given. */
    static QueryFields of(SchemaMapping mapping, @Nullable String alias) {
        return new QueryFields() {

            @Override
            public Resolved resolve(String name) {
                return new Resolved(new Column(alias, QueryCompiler.column(mapping, name)), mapping, name);
            }

            @Override
            public Struct struct(@Nullable String path) {
                if (path != null) {
                    throw new InvalidDataAccessApiUsageException("struct \"" + path + "\" names a join the query "
                            + "does not have: add join(\"" + path + "\")");
                }
                return new Struct(alias, mapping);
            }

        };
    }

}
