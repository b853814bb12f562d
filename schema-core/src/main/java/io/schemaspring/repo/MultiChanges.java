package io.schemaspring.repo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** The results of the steps of a {@link Multi} so far, by step name, in step order. */
public final class MultiChanges {

    private final Map<String, @Nullable Object> results = new LinkedHashMap<>();

    MultiChanges() {
    }

    void put(String step, @Nullable Object result) {
        this.results.put(step, result);
    }

    /** The result of an earlier step, as the type it is expected to have. */
    public <T> T get(String step, Class<T> type) {
        if (!this.results.containsKey(step)) {
            throw new InvalidDataAccessApiUsageException(
                    "no step :" + step + " ran before this one; the steps so far are " + this.results.keySet());
        }
        Object result = this.results.get(step);
        if (result != null && !type.isInstance(result)) {
            throw new InvalidDataAccessApiUsageException(
                    "step :" + step + " answered a " + result.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(result);
    }

    /** Every result by step name, in step order. */
    public Map<String, @Nullable Object> asMap() {
        return Collections.unmodifiableMap(this.results);
    }

    @Override
    public String toString() {
        return this.results.toString();
    }

}
