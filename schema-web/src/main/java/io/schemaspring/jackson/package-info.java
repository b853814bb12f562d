/**
 * Schemas written by Jackson's bean serialization, redacted fields and unloaded
 * associations left out.
 */
@NullMarked
package io.schemaspring.jackson;

import org.jspecify.annotations.NullMarked;
