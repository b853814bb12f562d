package io.schemaspring.autoconfigure.actuate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.EmbedMetadata;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.JoinKey;
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
 * {@code /actuator/schemas}: every registered schema, sorted by class name, with its table,
 * fields (Ecto type, column, flags), associations and embeds. Reflection only, never values.
 */
@Endpoint(id = "schemas")
public class SchemasEndpoint {

    private final SchemaRegistry registry;

    public SchemasEndpoint(SchemaRegistry registry) {
        this.registry = registry;
    }

    @ReadOperation
    public SchemasDescriptor schemas() {
        return new SchemasDescriptor(this.registry.all().stream()
                .sorted(Comparator.comparing(schema -> schema.schemaClass().getName()))
                .map(SchemaDescriptor::of)
                .toList());
    }

    public record SchemasDescriptor(List<SchemaDescriptor> schemas) implements OperationResponseBody {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SchemaDescriptor(@JsonProperty("class") String className, @Nullable String source,
            @Nullable String prefix, boolean embedded, List<String> primaryKey, List<FieldDescriptor> fields, List<AssociationDescriptor> associations,
            List<EmbedDescriptor> embeds) {

        static SchemaDescriptor of(SchemaMetadata schema) {
            List<FieldDescriptor> fields = Stream.concat(schema.fields().stream(), schema.virtualFields().stream())
                    .map(schema::field).filter(Objects::nonNull).map(FieldDescriptor::of).toList();
            return new SchemaDescriptor(schema.schemaClass().getName(), schema.source(), schema.prefix(), schema.embedded(),
                    schema.primaryKey(), fields,
                    schema.associations().stream().map(schema::association).filter(Objects::nonNull)
                            .map(AssociationDescriptor::of).toList(),
                    schema.embeds().stream().map(schema::embed).filter(Objects::nonNull).map(EmbedDescriptor::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldDescriptor(String name, String type, @Nullable String column, boolean virtual, boolean redacted,
            boolean readAfterWrites, boolean loadInQuery, String writable) {

        static FieldDescriptor of(FieldMetadata field) {
            return new FieldDescriptor(field.name(), field.type().toString(), field.source(), field.virtual(),
                    field.redact(), field.readAfterWrites(), field.loadInQuery(), field.writable().name());
        }
    }

    /**
     * An association: {@code ownerKey} and {@code relatedKey} as Ecto names them; a many-to-many
     * adds its join table and join columns, a has-through its path.
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

    public record JoinKeyDescriptor(String column, String references) {

        static JoinKeyDescriptor of(JoinKey key) {
            return new JoinKeyDescriptor(key.column(), key.references());
        }
    }

    public record EmbedDescriptor(String name, String cardinality, String related, String column) {

        static EmbedDescriptor of(EmbedMetadata embed) {
            return new EmbedDescriptor(embed.field(), embed.cardinality().name(), embed.related().getName(),
                    embed.source());
        }
    }
}
