/**
 * Internal: how the repository maps schema fields to columns (codecs, row readers). Not
 * an API; it changes without notice.
 */
@NullMarked
package io.schemaspring.repo.internal.mapping;

import org.jspecify.annotations.NullMarked;
