/**
 * Micrometer observations of the {@code Repo}:
 * {@link io.schemaspring.repo.observation.RepoObservationDocumentation}, the context, and
 * the convention users may replace.
 */
@NullMarked
package io.schemaspring.repo.observation;

import org.jspecify.annotations.NullMarked;
