/**
 * {@code @SchemaJdbcTest}: the data layer alone in a test, on an embedded database, each
 * test rolled back.
 */
@NullMarked
package io.schemaspring.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
