package io.schemaspring.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.stream.Stream;

/**
 * Computes {@link SchemaMetadata#hash()}: a SHA-256 of the schema's definition written
 * out as text.
 */
final class SchemaHash {

    private SchemaHash() {
    }

    static int of(SchemaMetadata schema) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(definition(schema).getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        int hash = ByteBuffer.wrap(digest).getInt() & 0x7fffffff;
        return hash == 0 ? 1 : hash;
    }

    private static String definition(SchemaMetadata schema) {
        StringBuilder text = new StringBuilder();
        text.append(schema.source())
            .append('|')
            .append(schema.prefix())
            .append('|')
            .append(schema.context())
            .append('|')
            .append(schema.embedded())
            .append("|pk=")
            .append(schema.primaryKey());
        Stream.concat(schema.fields().stream(), schema.virtualFields().stream())
            .map(schema::field)
            .forEach(field -> text.append("|field ")
                .append(field.name())
                .append(' ')
                .append(field.source())
                .append(' ')
                .append(field.type().getClass().getSimpleName())
                .append(' ')
                .append(field.type())
                .append(' ')
                .append(field.type().javaType().getName())
                .append(' ')
                .append(field.primaryKey())
                .append(field.virtual())
                .append(field.autogenerate())
                .append(field.readAfterWrites())
                .append(field.loadInQuery())
                .append(field.redact())
                .append(' ')
                .append(field.writable()));
        text.append("|autogenerate=")
            .append(schema.autogenerateFields())
            .append(schema.autoupdateFields())
            .append(schema.autogenerateId())
            .append("|version=")
            .append(schema.versionField());
        schema.generators()
            .forEach((name, generator) -> text.append("|generator ")
                .append(name)
                .append(' ')
                .append(generator.getClass().getName()));
        if (schema.timestampsGenerator() != null) {
            text.append("|clock ").append(schema.timestampsGenerator().getClass().getName());
        }
        schema.associations()
            .stream()
            .map(schema::association)
            .forEach(association -> text.append("|assoc ")
                .append(association.field())
                .append(' ')
                .append(association.kind())
                .append(' ')
                .append(association.cardinality())
                .append(' ')
                .append(association.related().getName())
                .append(' ')
                .append(association.ownerKey())
                .append(' ')
                .append(association.relatedKey())
                .append(' ')
                .append(association.joinThrough())
                .append(' ')
                .append(association.onDelete())
                .append(' ')
                .append(association.onReplace())
                .append(' ')
                .append(association.unique())
                .append(' ')
                .append(association.through()));
        schema.embeds()
            .stream()
            .map(schema::embed)
            .forEach(embed -> text.append("|embed ")
                .append(embed.field())
                .append(' ')
                .append(embed.cardinality())
                .append(' ')
                .append(embed.related().getName())
                .append(' ')
                .append(embed.source())
                .append(' ')
                .append(embed.onReplace())
                .append(' ')
                .append(embed.defaultsToStruct()));
        return text.toString();
    }

}
