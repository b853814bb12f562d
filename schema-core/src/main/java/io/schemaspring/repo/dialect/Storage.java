package io.schemaspring.repo.dialect;

import io.schemaspring.type.FieldType;
import java.util.Objects;

/**
 * How the values of a field lie in their column, as
 * {@link Dialect#storage(io.schemaspring.type.Type)} decides it once for every type: a
 * column of one primitive type, a native array, or JSON. Column types, codecs and schema
 * validation all start from this one answer.
 */
public sealed interface Storage permits Storage.Scalar, Storage.NativeArray, Storage.Json {

    /** JSON (or its text, where the database has no JSON type). */
    Storage JSON = new Json();

    /**
     * A column of one of Ecto's primitive types: an enum's integers or strings, a custom
     * type's underlying values.
     */
    record Scalar(FieldType type) implements Storage {

        /** Refuses a null type. */
        public Scalar {
            Objects.requireNonNull(type, "Field type must not be null");
        }
    }

    /**
     * An array column of a primitive element type, where the database has array columns
     * (PostgreSQL).
     */
    record NativeArray(FieldType elementType) implements Storage {

        /** Refuses a null element type. */
        public NativeArray {
            Objects.requireNonNull(elementType, "Element type must not be null");
        }
    }

    /** A JSON document: maps, embeds, and arrays the database cannot hold natively. */
    record Json() implements Storage {
    }

}
