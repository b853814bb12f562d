/**
 * Spring Data repositories over schemas: the {@code SchemaRepository} interface users
 * extend, {@code @SqlQuery} methods, the scanner that finds the interfaces, and the
 * start-up error of a method that cannot be implemented. The implementation lives in
 * {@code io.schemaspring.data.support}.
 */
@NullMarked
package io.schemaspring.data;

import org.jspecify.annotations.NullMarked;
