package io.schemaspring.repo;

import io.schemaspring.query.Query;
import io.schemaspring.repo.internal.mapping.SchemaMapping;

/**
 * The mapping of each schema of a repository, and of each table a query reads without a
 * schema.
 */
interface SchemaMappings {

    SchemaMapping mapping(Class<?> schema);

    /**
     * The mapping of the rows a query reads: its schema's, or for a table without a
     * schema ({@link Query#table(String)}) one whose rows are maps of the columns it
     * takes.
     */
    SchemaMapping mapping(Query<?> query);

}
