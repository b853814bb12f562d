package io.schemaspring.repo.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.schemaspring.repo.observation.RepoObservationDocumentation.LowCardinalityKeyNames;

/**
 * {@code schema.repo} with the low-cardinality keys {@code schema}, {@code operation},
 * {@code outcome} and {@code exception}; named {@code "<operation> <Schema>"} in traces.
 * Extend it to add keys.
 */
public class DefaultRepoObservationConvention implements RepoObservationConvention {

    public static final String NAME = "schema.repo";

    private static final String NONE = "none";

    private static final KeyValue SCHEMA_NONE = KeyValue.of(LowCardinalityKeyNames.SCHEMA, NONE);

    private static final KeyValue OUTCOME_SUCCESS = KeyValue.of(LowCardinalityKeyNames.OUTCOME, "success");

    private static final KeyValue OUTCOME_ERROR = KeyValue.of(LowCardinalityKeyNames.OUTCOME, "error");

    private static final KeyValue EXCEPTION_NONE = KeyValue.of(LowCardinalityKeyNames.EXCEPTION, NONE);

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(RepoObservationContext context) {
        Class<?> schema = context.getSchema();
        return (schema != null) ? context.getOperation() + " " + schema.getSimpleName() : context.getOperation();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(RepoObservationContext context) {
        return KeyValues.of(schema(context), operation(context), outcome(context), exception(context));
    }

    /**
     * The {@code schema} key: the schema's simple class name, {@code none} when the call
     * has none.
     */
    protected KeyValue schema(RepoObservationContext context) {
        Class<?> schema = context.getSchema();
        return (schema != null) ? KeyValue.of(LowCardinalityKeyNames.SCHEMA, schema.getSimpleName()) : SCHEMA_NONE;
    }

    /** The {@code operation} key: the {@code Repo} operation. */
    protected KeyValue operation(RepoObservationContext context) {
        return KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation());
    }

    /**
     * The {@code outcome} key: {@code error} when the call failed, else {@code success}.
     */
    protected KeyValue outcome(RepoObservationContext context) {
        return (context.getError() != null) ? OUTCOME_ERROR : OUTCOME_SUCCESS;
    }

    /**
     * The {@code exception} key: the simple class name of the exception thrown (the full
     * name for an anonymous class), {@code none} on success.
     */
    protected KeyValue exception(RepoObservationContext context) {
        Throwable error = context.getError();
        if (error == null) {
            return EXCEPTION_NONE;
        }
        String name = error.getClass().getSimpleName();
        return KeyValue.of(LowCardinalityKeyNames.EXCEPTION, name.isEmpty() ? error.getClass().getName() : name);
    }

}
