package io.schemaspring.type;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of casting external input, Ecto's {@code {:ok, value} | :error | {:error,
 * meta}}. A cast never throws: bad input is an error result.
 */
public final class CastResult<T> {

    private static final CastResult<?> INVALID = new CastResult<>(null, false, "is invalid", Map.of());

    private final @Nullable T value;

    private final boolean ok;

    private final String message;

    private final Map<String, Object> metadata;

    private CastResult(@Nullable T value, boolean ok, String message, Map<String, Object> metadata) {
        this.value = value;
        this.ok = ok;
        this.message = message;
        this.metadata = metadata;
    }

    /**
     * A successful cast to {@code value}, which may be {@code null}, Ecto's {@code {:ok,
     * nil}}.
     */
    public static <T> CastResult<T> ok(@Nullable T value) {
        return new CastResult<>(value, true, "", Map.of());
    }

    /** The generic failure, reported as Ecto's {@code "is invalid"}. */
    @SuppressWarnings("unchecked")
    public static <T> CastResult<T> invalid() {
        return (CastResult<T>) INVALID;
    }

    /**
     * A failure with its own message and metadata, Ecto's {@code {:error, message: ...}}.
     */
    public static <T> CastResult<T> error(String message, Map<String, Object> metadata) {
        return new CastResult<>(null, false, Objects.requireNonNull(message), Map.copyOf(metadata));
    }

    /** Whether the cast succeeded. */
    public boolean isOk() {
        return this.ok;
    }

    /**
     * The cast value; {@code null} when the input cast to {@code null}.
     * @throws IllegalStateException when the cast failed
     */
    public @Nullable T value() {
        if (!this.ok) {
            throw new IllegalStateException("Cast failed (" + this.message + "): there is no value");
        }
        return this.value;
    }

    /**
     * The error message, with {@code %{key}} placeholders for the metadata; empty for a
     * success.
     */
    public String message() {
        return this.message;
    }

    /**
     * The error's metadata, filling the message's placeholders; empty for a success and
     * for {@link #invalid()}.
     */
    public Map<String, Object> metadata() {
        return this.metadata;
    }

    @Override
    public String toString() {
        return this.ok ? "CastResult.ok" : "CastResult.error(" + this.message + ")";
    }

}
