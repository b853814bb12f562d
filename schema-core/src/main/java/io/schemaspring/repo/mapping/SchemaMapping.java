package io.schemaspring.repo.mapping;

import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.Cardinality;
import io.schemaspring.metadata.FieldAccessor;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.NotLoaded;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one schema maps to rows for one dialect: a codec per field and the query columns with
 * their accessors, resolved once so that reading a row is a loop over arrays.
 */
public final class SchemaMapping {

    private final SchemaMetadata metadata;
    private final Map<String, Codec> codecs = new HashMap<>();
    private final List<String> queryColumns = new ArrayList<>();
    private final Codec[] queryCodecs;
    private final FieldAccessor[] queryAccessors;
    private final boolean[] queryPrimitive;
    private final FieldAccessor[] notLoadedAccessors;
    private final NotLoaded<?>[] notLoadedMarkers;

    public SchemaMapping(SchemaMetadata metadata, Codecs codecs) {
        this.metadata = metadata;
        for (String field : metadata.fields()) {
            this.codecs.put(field, codecs.forType(metadata.type(field)));
        }
        List<String> queryFields = metadata.queryFields();
        this.queryCodecs = new Codec[queryFields.size()];
        this.queryAccessors = new FieldAccessor[queryFields.size()];
        this.queryPrimitive = new boolean[queryFields.size()];
        for (int i = 0; i < queryFields.size(); i++) {
            FieldMetadata field = metadata.field(queryFields.get(i));
            this.queryColumns.add(field.source());
            this.queryCodecs[i] = this.codecs.get(field.name());
            this.queryAccessors[i] = field.accessor();
            this.queryPrimitive[i] = field.accessor().primitive();
        }
        List<AssociationMetadata> many = metadata.associations().stream().map(metadata::association)
                .filter(association -> association.cardinality() == Cardinality.MANY).toList();
        this.notLoadedAccessors = many.stream().map(AssociationMetadata::accessor).toArray(FieldAccessor[]::new);
        this.notLoadedMarkers = many.stream().map(association -> new NotLoaded<>(metadata.schemaClass(), association.field()))
                .toArray(NotLoaded<?>[]::new);
    }

    public SchemaMetadata metadata() {
        return this.metadata;
    }

    /** The columns of {@link SchemaMetadata#queryFields()}, in that order. */
    public List<String> queryColumns() {
        return this.queryColumns;
    }

    /** The codec of a persisted field. */
    public Codec codec(String field) {
        Codec codec = this.codecs.get(field);
        if (codec == null) {
            throw unknownField(field);
        }
        return codec;
    }

    /** A clear error for a field name that is not a persisted field of the schema. */
    public IllegalArgumentException unknownField(String field) {
        return new IllegalArgumentException("unknown field :" + field + " on " + this.metadata.schemaClass().getSimpleName()
                + "; its fields are " + this.metadata.fields());
    }

    /** Reads one struct from the current row, its query columns starting at {@code firstColumn}. */
    public Object read(ResultSet resultSet, int firstColumn) throws SQLException {
        Object struct = this.metadata.newInstance();
        for (int i = 0; i < this.queryCodecs.length; i++) {
            Object value = this.queryCodecs[i].read(resultSet, firstColumn + i);
            if (value != null || !this.queryPrimitive[i]) {
                this.queryAccessors[i].set(struct, value);
            }
        }
        for (int i = 0; i < this.notLoadedAccessors.length; i++) {
            this.notLoadedAccessors[i].set(struct, this.notLoadedMarkers[i]);
        }
        return struct;
    }
}
