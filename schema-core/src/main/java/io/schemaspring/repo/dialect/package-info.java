/**
 * What differs between databases, and the {@code DialectProvider} SPI that finds a
 * dialect: a new database is one class.
 */
@NullMarked
package io.schemaspring.repo.dialect;

import org.jspecify.annotations.NullMarked;
