package io.schemaspring.repo.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the {@code schema.repo} observations. Declare a bean (or call
 * {@code Repo.setObservationConvention}) to replace
 * {@link DefaultRepoObservationConvention}, usually by extending it.
 */
public interface RepoObservationConvention extends ObservationConvention<RepoObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof RepoObservationContext;
    }

}
