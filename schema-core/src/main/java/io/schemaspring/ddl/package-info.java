/**
 * The database a registry expects: {@link io.schemaspring.ddl.SchemaDdl} writes the
 * {@code CREATE TABLE} statements a migration starts from,
 * {@link io.schemaspring.ddl.SchemaValidator} checks a live database's metadata against
 * the schemas and reports the DDL that fixes each mismatch.
 */
@NullMarked
package io.schemaspring.ddl;

import org.jspecify.annotations.NullMarked;
