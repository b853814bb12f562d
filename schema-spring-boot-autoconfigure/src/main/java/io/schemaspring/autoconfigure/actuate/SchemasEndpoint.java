package io.schemaspring.autoconfigure.actuate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.EmbedMetadata;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.JoinColumn;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/schemas}: every registered schema, sorted by class name, with its
 * table, fields (Ecto type, column, flags), associations and embeds. Reflection only,
 * never values.
 */
@Endpoint(id = "schemas")
public class SchemasEndpoint {

    private final SchemaRegistry registry;

    /** Creates the endpoint over the application's schema registry. */
    public SchemasEndpoint(SchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * Every registered schema, sorted by class name: the answer to
     * {@code GET /actuator/schemas}.
     */
    @ReadOperation
    public SchemasDescriptor schemas() {
        return new SchemasDescriptor(this.registry.all()
            .stream()
            .sorted(Comparator.comparing(schema -> schema.schemaClass().getName()))
            .map(SchemaDescriptor::of)
            .toList());
    }

    /** The endpoint's answer: every registered schema, sorted by class name. */
    public record SchemasDescriptor(List<SchemaDescriptor> schemas) implements OperationResponseBody {
    }

    /**
     * One schema: its class, table ({@code source}, {@code null} for an embedded schema),
     * default database schema ({@code prefix}, {@code null} when none), primary key
     * fields, fields (virtual ones included), associations and embeds.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SchemaDescriptor(@JsonProperty("class") String className, @Nullable String source,
            @Nullable String prefix, boolean embedded, List<String> primaryKey, List<FieldDescriptor> fields,
            List<AssociationDescriptor> associations, List<EmbedDescriptor> embeds) {

        static SchemaDescriptor of(SchemaMetadata schema) {
            List<FieldDescriptor> fields = Stream.concat(schema.fields().stream(), schema.virtualFields().stream())
                .map(schema::field)
                .filter(Objects::nonNull)
                .map(FieldDescriptor::of)
                .toList();
            return new SchemaDescriptor(schema.schemaClass().getName(), schema.source(), schema.prefix(),
                    schema.embedded(), schema.primaryKey(), fields,
                    schema.associations()
                        .stream()
                        .map(schema::association)
                        .filter(Objects::nonNull)
                        .map(AssociationDescriptor::of)
                        .toList(),
                    schema.embeds()
                        .stream()
                        .map(schema::embed)
                        .filter(Objects::nonNull)
                        .map(EmbedDescriptor::of)
                        .toList());
        }
    }

    /**
     * One field: its name, Ecto type, column ({@code null} for a virtual field), flags
     * and {@code writable} ({@code ALWAYS}, {@code INSERT} or {@code NEVER}).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldDescriptor(String name, String type, @Nullable String column, boolean virtual, boolean redacted,
            boolean readAfterWrites, boolean loadInQuery, String writable) {

        static FieldDescriptor of(FieldMetadata field) {
            return new FieldDescriptor(field.name(), field.type().toString(), field.source(), field.virtual(),
                    field.redact(), field.readAfterWrites(), field.loadInQuery(), field.writable().name());
        }
    }

    /**
     * An association: {@code ownerKey} and {@code relatedKey} as Ecto names them; a
     * many-to-many adds its join table and join columns, a has-through its path.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AssociationDescriptor(String name, String kind, String cardinality, String related,
            @Nullable String ownerKey, @Nullable String relatedKey, @Nullable String joinThrough,
            List<JoinKeyDescriptor> joinKeys, List<String> through) {

        static AssociationDescriptor of(AssociationMetadata association) {
            return new AssociationDescriptor(association.field(), association.kind().name(),
                    association.cardinality().name(), association.related().getName(), association.ownerKey(),
                    association.relatedKey(), association.joinThrough(),
                    association.joinKeys().stream().map(JoinKeyDescriptor::of).toList(), association.through());
        }
    }

    /**
     * One side of a many-to-many join: the join table's column and the field of the
     * joined schema it references.
     */
    public record JoinKeyDescriptor(String column, String references) {

        static JoinKeyDescriptor of(JoinColumn key) {
            return new JoinKeyDescriptor(key.column(), key.references());
        }
    }

    /**
     * An embeds-one or embeds-many field: its name, cardinality ({@code ONE} or
     * {@code MANY}), embedded schema class and the column it is stored in.
     */
    public record EmbedDescriptor(String name, String cardinality, String related, String column) {

        static EmbedDescriptor of(EmbedMetadata embed) {
            return new EmbedDescriptor(embed.field(), embed.cardinality().name(), embed.related().getName(),
                    embed.source());
        }
    }

}
