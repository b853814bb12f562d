/** The {@code schemas} actuator endpoint: the schema registry as JSON. */
@NullMarked
package io.schemaspring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
