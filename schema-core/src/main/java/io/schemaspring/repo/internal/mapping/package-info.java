/**
 * Internal: how the repository maps schema fields to columns (codecs, row readers). Not an API;
 * it changes without notice.
 */
package io.schemaspring.repo.internal.mapping;
