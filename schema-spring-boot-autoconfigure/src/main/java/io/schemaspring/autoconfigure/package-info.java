/** Auto-configuration and {@code schema.*} properties. */
@NullMarked
package io.schemaspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
