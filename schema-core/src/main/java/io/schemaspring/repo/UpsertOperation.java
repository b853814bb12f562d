package io.schemaspring.repo;

import io.schemaspring.query.OnConflict;
import io.schemaspring.annotation.Writable;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SqlIdentifiers;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.ConflictUpdate;
import io.schemaspring.repo.internal.sql.Insert;
import io.schemaspring.repo.internal.sql.Table;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's {@code insert} with {@code :on_conflict}: one statement, the dialect's upsert,
 * reading the id back where the database answers a row (inserted or updated; none when a
 * conflicting row was kept, except on MariaDB, which answers the existing row).
 */
final class UpsertOperation {

    /**
     * The conflict target and what an upsert does to a conflicting row, checked before
     * any SQL: the fields replaced from the new row, those set to a value and those
     * incremented ({@code OnConflict.update}); {@code anyKeys}: without a target, the
     * unique keys a conflict on which keeps the row, for a database that names them;
     * {@code where}: the condition of {@code OnConflict.where}, or null.
     */
    record Plan(List<String> target, List<String> replaced, List<List<String>> anyKeys, List<String> sets,
            List<String> incs, @Nullable Condition where) {

        boolean keepsTheRow() {
            return this.replaced.isEmpty() && this.sets.isEmpty() && this.incs.isEmpty();
        }

    }

    private final RepoContext context;

    private final ReadBack readBack;

    UpsertOperation(RepoContext context, ReadBack readBack) {
        this.context = context;
        this.readBack = readBack;
    }

    @SuppressWarnings("unchecked")
    <T> T insert(T given, @Nullable String prefix, OnConflict onConflict) {
        if (given instanceof io.schemaspring.changeset.Changeset<?>) {
            throw new InvalidDataAccessApiUsageException(
                    "insert with " + onConflict + " takes a struct, not a changeset: "
                            + "validate the changeset, then upsert changeset.applyChanges()");
        }
        SchemaMapping mapping = this.context.mapping(given.getClass());
        SchemaMetadata metadata = mapping.metadata();
        Object struct = metadata.record() ? metadata.structs().draft(given) : given;
        requireKnown(mapping, onConflict);
        if (AssocWriter.holdsAssociations(metadata, struct)) {
            throw new InvalidDataAccessApiUsageException("insert with " + onConflict + " does not write associations: "
                    + "upsert " + metadata.schemaClass().getSimpleName() + " without them, then write them with "
                    + "putAssoc in an update");
        }
        String partial = this.context.states.partial(given);
        if (partial != null) {
            throw new InvalidDataAccessApiUsageException(
                    "cannot insert " + metadata.schemaClass().getSimpleName() + " with " + onConflict + ": " + partial);
        }
        String target = prefix != null ? SqlIdentifiers.require(prefix, "Prefix") : this.context.prefixOf(given);
        this.context.autogenerator.onInsert(metadata, struct);
        VersionLock.initialize(metadata, struct);
        BitSet included = InsertOperation.upserted(metadata, struct);
        UpdateChanges changes = changes(mapping, onConflict);
        Parameters conditionParameters = new Parameters();
        Plan plan = plan(mapping, target, included, onConflict, changes, conditionParameters);
        List<String> returning = new java.util.ArrayList<>(InsertOperation.returning(metadata, struct));
        List<String> asked = onConflict.returningFields() == null ? metadata.queryFields()
                : onConflict.returningFields();
        asked.stream().filter(field -> !returning.contains(field)).forEach(returning::add);
        Dialect dialect = this.context.dialect;
        if (!returning.isEmpty() && dialect.readBack().insertReturning() == Dialect.Returning.NONE) {
            throw new InvalidDataAccessApiUsageException(
                    dialect.name() + " cannot read " + returning + " back after insert");
        }
        String sql = this.context.statements.get(metadata, target, "upsert", List.of(included, plan, returning), () -> {
            String upsert = render(mapping, target, included, plan);
            return returning.isEmpty() || dialect.readBack().insertReturning() != Dialect.Returning.CLAUSE ? upsert
                    : upsert + " "
                            + dialect.readBack()
                                .returningClause(FieldSources.of(metadata, returning)
                                    .stream()
                                    .map(dialect::quote)
                                    .collect(Collectors.joining(", ")));
        });
        Parameters parameters = new Parameters();
        List<String> fields = metadata.fields();
        included.stream()
            .forEach(i -> parameters.add(mapping.codec(fields.get(i)),
                    metadata.field(fields.get(i)).accessor().get(struct)));
        parameters.addAll(conflictParameters(changes, conditionParameters));
        boolean written;
        try {
            written = write(sql, parameters, mapping, struct, returning);
        }
        catch (DuplicateKeyException ex) {
            if (!dialect.upserts().mayRaceWithAnInsert()) {
                throw ex;
            }
            // The conflicting row was inserted by another transaction after this
            // statement looked for it:
            // it is committed now, and the same upsert finds it.
            written = write(sql, parameters, mapping, struct, returning);
        }
        if (!written && plan.where() != null) {
            throw new StaleEntryException("attempted to insert a stale struct: the "
                    + metadata.schemaClass().getSimpleName() + " it conflicts with does not match the conditions of "
                    + onConflict + ", so nothing was written");
        }
        T upserted = (T) metadata.structs().build(struct);
        if (written) {
            this.context.states.loaded(metadata, upserted, target);
        }
        return upserted;
    }

    private boolean write(String sql, Parameters parameters, SchemaMapping mapping, Object struct,
            List<String> returning) {
        return returning.isEmpty() ? this.context.jdbc.update(sql, parameters) > 0 : this.readBack.write(sql,
                parameters, mapping, struct, returning, this.context.dialect.readBack().insertReturning());
    }

    /** The upsert statement for these inserted fields. */
    String render(SchemaMapping mapping, @Nullable String prefix, BitSet included, Plan plan) {
        SchemaMetadata metadata = mapping.metadata();
        return this.context.renderer.renderUpsert(
                new Insert(Table.of(prefix, metadata.source()), FieldSources.of(metadata, included),
                        FieldSources.json(mapping, included), List.of()),
                FieldSources.of(metadata, plan.target()), conflictUpdate(mapping, plan), anyKeys(metadata, plan));
    }

    private static ConflictUpdate conflictUpdate(SchemaMapping mapping, Plan plan) {
        SchemaMetadata metadata = mapping.metadata();
        return new ConflictUpdate(FieldSources.of(metadata, plan.replaced()), FieldSources.of(metadata, plan.sets()),
                FieldSources.of(metadata, plan.incs()), FieldSources.json(mapping, plan.sets()), plan.where());
    }

    private static List<List<String>> anyKeys(SchemaMetadata metadata, Plan plan) {
        return plan.anyKeys().stream().map(key -> FieldSources.of(metadata, key)).toList();
    }

    /** The upsert statement of an {@code insertAll} batch for these inserted fields. */
    String renderAll(SchemaMapping mapping, @Nullable String prefix, BitSet included, Plan plan) {
        SchemaMetadata metadata = mapping.metadata();
        return this.context.renderer.renderUpsertAll(
                new Insert(Table.of(prefix, metadata.source()), FieldSources.of(metadata, included),
                        FieldSources.json(mapping, included), List.of()),
                FieldSources.of(metadata, plan.target()), conflictUpdate(mapping, plan), anyKeys(metadata, plan));
    }

    /** Every field the clause names must be a field of the schema. */
    static void requireKnown(SchemaMapping mapping, OnConflict onConflict) {
        for (String field : onConflict.conflictTarget()) {
            requireField(mapping, field);
        }
        for (String field : onConflict.fields()) {
            requireField(mapping, field);
        }
        if (onConflict.returningFields() != null) {
            for (String field : onConflict.returningFields()) {
                requireField(mapping, field);
            }
        }
    }

    /**
     * The checked and cast changes of {@code OnConflict.update}; none for the other
     * actions.
     */
    static UpdateChanges changes(SchemaMapping mapping, OnConflict onConflict) {
        UpdateChanges changes = UpdateChanges.of(mapping, onConflict.changes(), "insert with " + onConflict);
        if (!changes.computed().isEmpty()) {
            throw new InvalidDataAccessApiUsageException("insert with " + onConflict
                    + " sets values and increments only: computed values, push and pull are updateAll's");
        }
        return changes;
    }

    /**
     * The parameters of a conflict's update, after the inserted values: its changes and
     * the parameters of its condition, in the order the dialect writes them.
     */
    Parameters conflictParameters(UpdateChanges changes, Parameters conditionParameters) {
        return this.context.dialect.upserts().bindsConditionFirst()
                ? new Parameters().addAll(conditionParameters).addAll(changes.parameters())
                : new Parameters().addAll(changes.parameters()).addAll(conditionParameters);
    }

    /**
     * The target and what a conflict changes, under Ecto's rules, refused before SQL when
     * the database cannot run them; the condition's parameters go to
     * {@code conditionParameters}.
     */
    Plan plan(SchemaMapping mapping, @Nullable String prefix, BitSet included, OnConflict onConflict,
            UpdateChanges changes, Parameters conditionParameters) {
        requireKnown(mapping, onConflict);
        SchemaMetadata metadata = mapping.metadata();
        List<String> inserted = included.stream().mapToObj(metadata.fields()::get).toList();
        List<String> target = onConflict.conflictTarget();
        for (String field : target) {
            if (!inserted.contains(field)) {
                throw refused(metadata, onConflict, "its target :" + field + " is not inserted (the database generates "
                        + "it or it is not writable): target the fields of a unique key the insert writes");
            }
        }
        List<String> replaced = switch (onConflict.action()) {
            case NOTHING, UPDATE -> List.of();
            case REPLACE -> {
                for (String field : onConflict.fields()) {
                    FieldMetadata metadataOf = metadata.field(field);
                    if (metadataOf.writable() != Writable.ALWAYS) {
                        throw refused(metadata, onConflict, ":" + field + " is writable = " + metadataOf.writable()
                                + ": it is never replaced on a conflict");
                    }
                    if (!inserted.contains(field)) {
                        throw refused(metadata, onConflict,
                                ":" + field + " is not inserted (the database generates it)");
                    }
                }
                yield onConflict.fields();
            }
            case REPLACE_ALL, REPLACE_ALL_EXCEPT -> inserted.stream()
                .filter(field -> !metadata.field(field).primaryKey() && !target.contains(field)
                        && metadata.field(field).writable() == Writable.ALWAYS && !onConflict.fields().contains(field))
                .toList();
        };
        Dialect dialect = this.context.dialect;
        boolean keeps = replaced.isEmpty() && changes.sets().isEmpty() && changes.incs().isEmpty();
        List<List<String>> anyKeys = List.of();
        if (target.isEmpty() && keeps && dialect.upserts().needsTarget(true) && dialect.upserts().takesAnyKey()) {
            anyKeys = this.context.uniqueKeys.fields(metadata, prefix).stream().filter(inserted::containsAll).toList();
        }
        if (target.isEmpty() && anyKeys.isEmpty() && dialect.upserts().needsTarget(keeps)) {
            throw refused(metadata, onConflict,
                    dialect.name() + " needs a conflict target"
                            + (keeps ? "" : replaced.isEmpty() ? " to update the existing row" : " to replace fields")
                            + ": name the fields of the unique key with " + ".target(fields...)");
        }
        Condition where = null;
        if (!onConflict.conditions().isEmpty()) {
            if (!dialect.upserts().takesCondition()) {
                throw refused(metadata, onConflict, dialect.name() + " cannot condition the update of a conflicting "
                        + "row: check the row first, or update it with updateAll");
            }
            where = this.context.compiler.condition(onConflict.conditions(), mapping, "t",
                    java.util.Objects.equals(prefix, metadata.prefix()) ? null : prefix, conditionParameters);
        }
        return new Plan(target, replaced, anyKeys, changes.sets(), changes.incs(), where);
    }

    private static void requireField(SchemaMapping mapping, String field) {
        if (mapping.metadata().fieldSource(field) == null) {
            throw mapping.unknownField(field);
        }
    }

    private static InvalidDataAccessApiUsageException refused(SchemaMetadata metadata, OnConflict onConflict,
            String why) {
        return new InvalidDataAccessApiUsageException(
                "cannot insert " + metadata.schemaClass().getSimpleName() + " with " + onConflict + ": " + why);
    }

}
