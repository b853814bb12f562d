package io.schemaspring.repo;

import io.schemaspring.metadata.NotLoaded;
import io.schemaspring.metadata.AssociationKind;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.JoinRowValue;
import io.schemaspring.metadata.JoinColumn;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.UniqueEntries;
import io.schemaspring.repo.internal.mapping.Codec;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.Delete;
import io.schemaspring.repo.internal.sql.Insert;
import io.schemaspring.repo.internal.sql.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;

/**
 * The join rows of many-to-many associations: written from loaded lists, replaced on
 * update, deleted with the owner.
 */
final class JoinRowWriter {

    private final RepoContext context;

    JoinRowWriter(RepoContext context) {
        this.context = context;
    }

    /**
     * Whether the struct has loaded many-to-many lists to write; refuses duplicates in
     * unique ones.
     */
    boolean hasJoinRows(SchemaMetadata metadata, Object struct) {
        boolean found = false;
        for (String name : metadata.associations()) {
            AssociationMetadata association = metadata.association(name);
            if (association.kind() == AssociationKind.MANY_TO_MANY
                    && association.accessor().get(struct) instanceof List<?> list && NotLoaded.isLoaded(list)) {
                found = true;
                if (association.unique()) {
                    requireUnique(metadata, association, list);
                }
            }
        }
        return found;
    }

    private void requireUnique(SchemaMetadata metadata, AssociationMetadata association, List<?> related) {
        FieldMetadata key = this.context.mapping(association.related()).metadata().field(association.relatedKey());
        List<Integer> duplicates = UniqueEntries.duplicates(related, key.accessor());
        if (!duplicates.isEmpty()) {
            throw new InvalidDataAccessApiUsageException(
                    "cannot write the join rows of " + metadata.schemaClass().getSimpleName() + " :"
                            + association.field() + ": " + association.related().getSimpleName() + " with :"
                            + key.name() + " " + key.accessor().get(related.get(duplicates.get(0)))
                            + " is listed more than once, " + "and the association is unique; list each one once");
        }
    }

    /**
     * Deletes the join rows of one owner key; only those of this association when its
     * {@code joinWhere} tells them apart.
     */
    void deleteAll(SchemaMetadata owner, AssociationMetadata association, @Nullable String prefix, Object ownerKey) {
        JoinColumn ownerSide = association.joinKeys().get(0);
        String sql = this.context.statement(owner.schemaClass(), prefix, association.field(), "deleteJoins", "",
                () -> this.context.renderer
                    .render(new Delete(Table.of(prefix, association.joinThrough()), withJoinWhere(association,
                            new Condition.Compare(Column.of(ownerSide.column()), Condition.Operator.EQ)))));
        Parameters parameters = new Parameters()
            .add(this.context.mapping(owner.schemaClass()).codec(association.ownerKey()), ownerKey);
        association.joinWhere().forEach(condition -> condition.values().forEach(parameters::addPlain));
        this.context.jdbc.update(sql, parameters);
    }

    /**
     * The condition and the association's {@code joinWhere}, which tells its rows from
     * others' in a shared join table.
     */
    private static Condition withJoinWhere(AssociationMetadata association, Condition... conditions) {
        List<Condition> all = new ArrayList<>(List.of(conditions));
        association.joinWhere()
            .forEach(condition -> all.add(Preloader.filter(Column.of(condition.column()), condition)));
        return all.size() == 1 ? all.get(0) : new Condition.And(all);
    }

    /**
     * Writes the join rows of loaded many-to-many lists; on update, the old rows are
     * removed first.
     */
    void write(SchemaMetadata metadata, Object struct, @Nullable String prefix, boolean replace) {
        for (String name : metadata.associations()) {
            AssociationMetadata association = metadata.association(name);
            if (association.kind() != AssociationKind.MANY_TO_MANY
                    || !(association.accessor().get(struct) instanceof List<?> related)
                    || !NotLoaded.isLoaded(related)) {
                continue;
            }
            Object ownerKey = metadata.field(association.ownerKey()).accessor().get(struct);
            if (replace) {
                deleteAll(metadata, association, prefix, ownerKey);
            }
            if (!related.isEmpty()) {
                insert(metadata, association, prefix, ownerKey, related);
            }
        }
    }

    /**
     * Deletes the join row of one owner and one related struct, Ecto's many-to-many
     * {@code on_replace: :delete}.
     */
    void deleteOne(SchemaMetadata owner, AssociationMetadata association, @Nullable String prefix, Object ownerKey,
            Object related) {
        JoinColumn ownerSide = association.joinKeys().get(0);
        JoinColumn relatedSide = association.joinKeys().get(1);
        String sql = this.context.statement(owner.schemaClass(), prefix, association.field(), "deleteJoin", "",
                () -> this.context.renderer.render(new Delete(Table.of(prefix, association.joinThrough()),
                        withJoinWhere(association,
                                new Condition.Compare(Column.of(ownerSide.column()), Condition.Operator.EQ),
                                new Condition.Compare(Column.of(relatedSide.column()), Condition.Operator.EQ)))));
        SchemaMapping relatedMapping = this.context.mapping(association.related());
        Object relatedKey = relatedMapping.metadata().field(association.relatedKey()).accessor().get(related);
        Parameters parameters = new Parameters()
            .add(this.context.mapping(owner.schemaClass()).codec(association.ownerKey()), ownerKey)
            .add(relatedMapping.codec(association.relatedKey()), relatedKey);
        association.joinWhere().forEach(condition -> condition.values().forEach(parameters::addPlain));
        this.context.jdbc.update(sql, parameters);
    }

    /**
     * Inserts one join row for each related struct (each must be stored), with the join
     * defaults.
     */
    void insert(SchemaMetadata metadata, AssociationMetadata association, @Nullable String prefix, Object ownerKey,
            List<?> related) {
        List<JoinRowValue> defaults = association.joinDefaults();
        List<String> columns = new ArrayList<>(
                List.of(association.joinKeys().get(0).column(), association.joinKeys().get(1).column()));
        defaults.forEach(joinDefault -> columns.add(joinDefault.column()));
        String sql = this.context.statement(metadata.schemaClass(), prefix, association.field(), "insertJoins", "",
                () -> this.context.renderer
                    .render(new Insert(Table.of(prefix, association.joinThrough()), columns, List.of(), List.of())));
        SchemaMapping relatedMapping = this.context.mapping(association.related());
        FieldMetadata relatedKey = relatedMapping.metadata().field(association.relatedKey());
        List<Object> keys = new ArrayList<>();
        for (Object element : related) {
            Object key = relatedKey.accessor().get(element);
            if (key == null) {
                throw new InvalidDataAccessApiUsageException("cannot join " + metadata.schemaClass().getSimpleName()
                        + " :" + association.field() + " to a " + association.related().getSimpleName() + " without :"
                        + relatedKey.name() + ": insert it first");
            }
            keys.add(key);
        }
        Codec ownerCodec = this.context.mapping(metadata.schemaClass()).codec(association.ownerKey());
        Codec relatedCodec = relatedMapping.codec(association.relatedKey());
        List<Codec> defaultCodecs = defaults.stream()
            .map(joinDefault -> this.context.mapping(association.joinThroughSchema()).codec(joinDefault.field()))
            .toList();
        this.context.jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                ownerCodec.bind(statement, 1, ownerKey);
                relatedCodec.bind(statement, 2, keys.get(i));
                for (int d = 0; d < defaults.size(); d++) {
                    defaultCodecs.get(d).bind(statement, 3 + d, defaults.get(d).value());
                }
            }

            @Override
            public int getBatchSize() {
                return keys.size();
            }
        });
    }

}
