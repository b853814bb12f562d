/**
 * The annotations that define schemas, with Ecto's field, association and embed options.
 */
@NullMarked
package io.schemaspring.annotation;

import org.jspecify.annotations.NullMarked;
