package io.schemaspring.repo.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations of the {@code Repo}. */
public enum RepoObservationDocumentation implements ObservationDocumentation {

    /**
     * One public {@code Repo} operation: a read, a write, a preload or a {@code Multi}
     * transaction.
     */
    REPO_OPERATION {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultRepoObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeyNames.values();
        }
    };

    /**
     * The low-cardinality keys of a {@code Repo} observation: the schema, the operation,
     * the outcome and the exception.
     */
    public enum LowCardinalityKeyNames implements KeyName {

        /** The schema's simple class name, {@code none} when the operation has none. */
        SCHEMA {
            @Override
            public String asString() {
                return "schema";
            }
        },

        /**
         * The {@code Repo} method: {@code all}, {@code get}, {@code insert},
         * {@code deleteAll}, ...
         */
        OPERATION {
            @Override
            public String asString() {
                return "operation";
            }
        },

        /** {@code success} or {@code error}. */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        },

        /** The simple class name of the exception thrown, {@code none} on success. */
        EXCEPTION {
            @Override
            public String asString() {
                return "exception";
            }
        }

    }

}
