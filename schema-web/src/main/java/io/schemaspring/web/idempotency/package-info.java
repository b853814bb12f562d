/**
 * Idempotent writes: a client's {@code Idempotency-Key} header makes a retried write
 * answer the outcome stored with the first one, in the same transaction, instead of
 * writing again.
 */
@NullMarked
package io.schemaspring.web.idempotency;

import org.jspecify.annotations.NullMarked;
