package io.schemaspring.repo;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The primary key of a struct in statements and messages, with the optimistic-lock
 * filters that narrow an update or delete ({@code field -> expected value}; {@code null}
 * expects NULL).
 */
final class Keys {

    private Keys() {
    }

    /** Primary key equality, then each filter (IS NULL for a null expected value). */
    static Condition condition(SchemaMetadata metadata, Map<String, Object> filters) {
        List<Condition> conditions = new ArrayList<>();
        for (String field : metadata.primaryKey()) {
            conditions.add(new Condition.Compare(Column.of(metadata.fieldSource(field)), Condition.Operator.EQ));
        }
        filters.forEach((field, expected) -> conditions
            .add(expected == null ? new Condition.IsNull(Column.of(metadata.fieldSource(field)), false)
                    : new Condition.Compare(Column.of(metadata.fieldSource(field)), Condition.Operator.EQ)));
        return Condition.and(conditions);
    }

    /** The parameters of {@link #condition}, in its order. */
    static void addParameters(SchemaMapping mapping, Object struct, Parameters parameters,
            Map<String, Object> filters) {
        addParameters(mapping, values(mapping.metadata(), struct), parameters, filters);
    }

    /**
     * The parameters of {@link #condition} for the given primary key values, in its
     * order.
     */
    static void addParameters(SchemaMapping mapping, List<Object> key, Parameters parameters,
            Map<String, Object> filters) {
        List<String> fields = mapping.metadata().primaryKey();
        for (int i = 0; i < fields.size(); i++) {
            parameters.add(mapping.codec(fields.get(i)), key.get(i));
        }
        filters.forEach((field, expected) -> {
            if (expected != null) {
                parameters.add(mapping.codec(field), expected);
            }
        });
    }

    /** The struct's primary key values, in the order of the schema's primary key. */
    static List<Object> values(SchemaMetadata metadata, Object struct) {
        List<String> fields = metadata.primaryKey();
        List<Object> values = new ArrayList<>(fields.size());
        for (String field : fields) {
            values.add(metadata.field(field).accessor().get(struct));
        }
        return values;
    }

    /**
     * What distinguishes the SQL of two filter maps: their fields and which expect NULL.
     */
    static List<Object> filterShape(Map<String, Object> filters) {
        List<Object> shape = new ArrayList<>();
        filters.forEach((field, expected) -> {
            shape.add(field);
            shape.add(expected == null);
        });
        return shape;
    }

    static void require(SchemaMetadata metadata, Object struct, String action) {
        if (metadata.primaryKey().isEmpty()) {
            throw new InvalidDataAccessApiUsageException(
                    "cannot " + action + " " + metadata.schemaClass().getSimpleName()
                            + ": it has no primary key. Use deleteAll or a query instead");
        }
        for (String field : metadata.primaryKey()) {
            if (metadata.field(field).accessor().get(struct) == null) {
                throw new InvalidDataAccessApiUsageException(
                        "cannot " + action + " " + metadata.schemaClass().getSimpleName() + " without its primary key :"
                                + field + " (was it inserted?)");
            }
        }
    }

    /** {@code id 5}, or {@code post_id 1, voter ann} for composite keys. */
    static String describe(SchemaMetadata metadata, Object struct) {
        StringBuilder description = new StringBuilder();
        for (String field : metadata.primaryKey()) {
            if (description.length() > 0) {
                description.append(", ");
            }
            description.append(field).append(' ').append(metadata.field(field).accessor().get(struct));
        }
        return description.toString();
    }

}
