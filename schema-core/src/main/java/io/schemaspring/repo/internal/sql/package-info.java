/**
 * Internal: the SQL statement model and its renderer. Not an API; it changes without
 * notice. What differs between databases is asked of the public
 * {@link io.schemaspring.repo.dialect.Dialect}.
 */
@NullMarked
package io.schemaspring.repo.internal.sql;

import org.jspecify.annotations.NullMarked;
