package io.schemaspring.repo;

import java.util.Map;
import io.schemaspring.query.Selection;
import io.schemaspring.query.Query;
import io.schemaspring.query.InsertAll;
import io.schemaspring.query.OnConflict;
import io.schemaspring.annotation.Writable;
import io.schemaspring.metadata.AutogenerateId;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SqlIdentifiers;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.internal.mapping.Codec;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Insert;
import io.schemaspring.repo.internal.sql.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's {@code insert_all} with options: every row an upsert ({@code :on_conflict}), or
 * the generated ids read back into the structs ({@code returning: true}) through JDBC
 * generated keys of the batch. Checked before any SQL; the batch runs in one transaction.
 */
final class InsertAllOperation {

    private static final int BATCH_SIZE = 1000;

    private final RepoContext context;

    private final UpsertOperation upserts;

    InsertAllOperation(RepoContext context, UpsertOperation upserts) {
        this.context = context;
        this.upserts = upserts;
    }

    <T> int insertAll(List<T> given, @Nullable String prefix, InsertAll options) {
        OnConflict onConflict = options.conflict();
        if (onConflict != null && options.readsBack()) {
            throw new InvalidDataAccessApiUsageException("insertAll cannot read ids back with " + onConflict
                    + ": a row kept on a conflict answers none, so ids could not be matched to structs; "
                    + "use repo.insert(struct, onConflict) for each struct");
        }
        if (given.isEmpty()) {
            return 0;
        }
        SchemaMapping mapping = this.context.mapping(given.get(0).getClass());
        SchemaMetadata metadata = mapping.metadata();
        if (metadata.record() && options.readsBack()) {
            throw new InvalidDataAccessApiUsageException("insertAll cannot read ids back into records of "
                    + metadata.schemaClass().getSimpleName() + ": records are immutable and insertAll answers a count; "
                    + "insert them with repo.insert, which answers each new record");
        }
        // Records are written through mutable drafts that take the generated values, as
        // insert does.
        List<Object> structs = metadata.record()
                ? given.stream().map(struct -> (Object) metadata.structs().draft(struct)).toList()
                : new ArrayList<>(given);
        String target = prefix != null ? SqlIdentifiers.require(prefix, "Prefix") : metadata.prefix();
        AutogenerateId id = metadata.autogenerateId();
        boolean databaseId = id != null && InsertOperation.isDatabaseId(id);
        BitSet included = new BitSet();
        List<String> fields = metadata.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldMetadata field = metadata.field(fields.get(i));
            if (field.writable() != Writable.NEVER && !(databaseId && field.name().equals(id.field()))) {
                included.set(i);
            }
        }
        List<String> returning = new ArrayList<>();
        if (options.readsBack()) {
            if (databaseId) {
                returning.add(id.field());
            }
            returning.addAll(metadata.readAfterWrites());
            requireReadBack(metadata, returning, databaseId);
        }
        Conflict conflict = conflict(mapping, target, included, onConflict);
        for (T struct : given) {
            if (struct.getClass() != metadata.schemaClass()) {
                throw new InvalidDataAccessApiUsageException("insertAll takes structs of one schema: got "
                        + struct.getClass().getName() + " among " + metadata.schemaClass().getName());
            }
            if (AssocWriter.holdsAssociations(metadata, struct)) {
                throw new InvalidDataAccessApiUsageException(
                        "insertAll does not write associations, as Ecto's insert_all: " + "insert each "
                                + metadata.schemaClass().getSimpleName() + " holding them with repo.insert");
            }
            String partial = this.context.states.partial(struct);
            if (partial != null) {
                throw new InvalidDataAccessApiUsageException(
                        "insertAll cannot write a " + metadata.schemaClass().getSimpleName() + ": " + partial);
            }
        }
        this.context.autogenerator.onInsertAll(metadata, structs);
        for (Object struct : structs) {
            VersionLock.initialize(metadata, struct);
        }
        List<FieldMetadata> columns = included.stream().mapToObj(i -> metadata.field(fields.get(i))).toList();
        int total = batches(mapping, target, included, conflict, structs,
                (struct, i) -> columns.get(i).accessor().get(struct), returning);
        // Only structs whose generated ids were read back are known rows; the others stay
        // new, as given.
        if (!metadata.record() && options.readsBack()) {
            structs.forEach(struct -> this.context.states.loaded(metadata, struct, target));
        }
        return total;
    }

    /**
     * The upsert plan of every row and the parameters of its update, after each row's.
     */
    private record Conflict(UpsertOperation.Plan plan, Parameters parameters) {
    }

    private @Nullable Conflict conflict(SchemaMapping mapping, String target, BitSet included,
            @Nullable OnConflict onConflict) {
        if (onConflict == null) {
            return null;
        }
        requireNoReturning(onConflict);
        UpdateChanges changes = UpsertOperation.changes(mapping, onConflict);
        Parameters conditionParameters = new Parameters();
        UpsertOperation.Plan plan = this.upserts.plan(mapping, target, included, onConflict, changes,
                conditionParameters);
        return new Conflict(plan, this.upserts.conflictParameters(changes, conditionParameters));
    }

    /**
     * An {@code OnConflict} of {@code insertAll} reads nothing back: the call answers a
     * count.
     */
    private static void requireNoReturning(OnConflict onConflict) {
        if (onConflict.returningFields() == null || !onConflict.returningFields().isEmpty()) {
            throw new InvalidDataAccessApiUsageException("insertAll answers a count and reads no row back with "
                    + onConflict + ": upsert each struct with repo.insert(struct, onConflict)");
        }
    }

    /** The value of an inserted column of a row, by the column's index. */
    @FunctionalInterface
    private interface RowValues {

        @Nullable Object value(Object row, int column);

    }

    /**
     * Inserts the rows in batches of {@link #BATCH_SIZE}, in one transaction, reading the
     * {@code returning} fields back into them when there are any; answers the rows
     * written.
     */
    private int batches(SchemaMapping mapping, String target, BitSet included, @Nullable Conflict conflict,
            List<?> rows, RowValues values, List<String> returning) {
        UpsertOperation.Plan plan = conflict == null ? null : conflict.plan();
        Parameters conflictParameters = conflict == null ? null : conflict.parameters();
        SchemaMetadata metadata = mapping.metadata();
        List<String> fields = metadata.fields();
        String sql = this.context.statements.get(metadata, target, "insertAll", java.util.Arrays.asList(included, plan),
                () -> plan != null ? this.upserts.renderAll(mapping, target, included, plan)
                        : this.context.renderer.render(new Insert(Table.of(target, metadata.source()),
                                FieldSources.of(metadata, included), FieldSources.json(mapping, included), List.of())));
        Codec[] codecs = included.stream().mapToObj(i -> mapping.codec(fields.get(i))).toArray(Codec[]::new);
        String[] names = returning.stream()
            .map(field -> this.context.dialect.fold(metadata.fieldSource(field)))
            .toArray(String[]::new);
        Integer total = this.context.inTransaction(true,
                () -> this.context.jdbc.execute((Connection connection) -> names.length == 0
                        ? connection.prepareStatement(sql) : connection.prepareStatement(sql, names),
                        (PreparedStatement statement) -> {
                            int count = 0;
                            for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
                                List<?> batch = rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE));
                                for (Object row : batch) {
                                    for (int i = 0; i < codecs.length; i++) {
                                        codecs[i].bind(statement, i + 1, values.value(row, i));
                                    }
                                    if (conflictParameters != null) {
                                        conflictParameters.setValues(statement, codecs.length);
                                    }
                                    statement.addBatch();
                                }
                                count += this.context.dialect.upserts()
                                    .batchRowCount(statement.executeBatch(), statement);
                                SQLException failure = plan == null ? null
                                        : this.context.dialect.upserts().upsertAllFailure(statement);
                                if (failure != null) {
                                    throw failure;
                                }
                                if (names.length > 0) {
                                    readKeys(statement, mapping, batch, returning);
                                }
                            }
                            return count;
                        }));
        return total == null ? 0 : total;
    }

    /**
     * Ecto's {@code insert_all(Schema, entries)} of maps: each row names the fields it
     * inserts (the same in every row; the others take the database's defaults), values
     * cast to the fields' types and {@link InsertAll.Placeholder}s filled from the
     * options' placeholders, each cast once. Nothing is autogenerated, as in Ecto.
     */
    int insertAllMaps(Class<?> schema, @Nullable String prefix, List<? extends Map<String, ?>> rows,
            InsertAll options) {
        return insertAllMaps(this.context.mapping(schema), prefix, rows, options, List.of()).count();
    }

    /**
     * Ecto's {@code insert_all("posts", entries)}: rows of maps into a table without a
     * schema, their values bound as they are.
     */
    int insertAllMaps(String table, @Nullable String prefix, List<? extends Map<String, ?>> rows, InsertAll options) {
        return insertAllMaps(tableMapping(table, rows, List.of()), prefix, rows, options, List.of()).count();
    }

    /**
     * Ecto's {@code insert_all("comments", entries, returning: [:id, :text])}: rows of
     * maps into a table without a schema, answering a map of the {@code returning}
     * columns of each row inserted, in order.
     */
    List<Map<String, Object>> insertAllReturning(String table, @Nullable String prefix,
            List<? extends Map<String, ?>> rows, InsertAll options, List<String> returning) {
        if (options.readsBack() || returning.isEmpty()) {
            throw new InvalidDataAccessApiUsageException("insertAllReturning on table \"" + table + "\" reads back "
                    + "the columns it names, as a table without a schema has no fields of its own: "
                    + "insertAllReturning(\"" + table + "\", rows, InsertAll.create(), \"id\")");
        }
        Dialect dialect = this.context.dialect;
        if (dialect.readBack().insertReturning() == Dialect.Returning.NONE) {
            throw new InvalidDataAccessApiUsageException(
                    dialect.name() + " cannot read " + returning + " back after insert");
        }
        if (dialect.readBack().batchReadsOnlyGeneratedId() && returning.size() > 1) {
            throw new InvalidDataAccessApiUsageException(dialect.name() + " reads only the generated id back from a "
                    + "batch insert, not " + returning + " of table \"" + table + "\": return the id alone");
        }
        if (dialect.readBack().batchReadsOnlyGeneratedId() && !rows.isEmpty()
                && !autoIncrement(prefix, table, returning.get(0))) {
            throw new InvalidDataAccessApiUsageException(
                    dialect.name() + " reads only the generated id back from a " + "batch insert: \"" + returning.get(0)
                            + "\" is not the AUTO_INCREMENT column of table \"" + table + "\"");
        }
        SchemaMapping mapping = tableMapping(table, rows, returning);
        List<Map<String, Object>> answered = new ArrayList<>(rows.size());
        for (Object row : insertAllMaps(mapping, prefix, rows, options, returning).rows()) {
            Map<?, ?> inserted = (Map<?, ?>) row;
            Map<String, Object> answer = new java.util.LinkedHashMap<>();
            returning.forEach(column -> answer.put(column, inserted.get(column)));
            answered.add(answer);
        }
        return answered;
    }

    /**
     * Whether the column is the table's AUTO_INCREMENT one, the only value a database
     * that reads back generated ids alone can answer for it.
     */
    private boolean autoIncrement(@Nullable String prefix, String table, String column) {
        SqlIdentifiers.require(column, "Column");
        Boolean found = this.context.jdbc.execute((Connection connection) -> {
            String catalog = prefix != null ? prefix : connection.getCatalog();
            try (ResultSet columns = connection.getMetaData()
                .getColumns(catalog, null, this.context.dialect.fold(table), this.context.dialect.fold(column))) {
                return columns.next() && "YES".equalsIgnoreCase(columns.getString("IS_AUTOINCREMENT"));
            }
        });
        return Boolean.TRUE.equals(found);
    }

    /**
     * The mapping of a table without a schema whose fields are the columns the rows name
     * and those read back.
     */
    private SchemaMapping tableMapping(String table, List<? extends Map<String, ?>> rows, List<String> returning) {
        List<String> columns = new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0).keySet());
        returning.stream().filter(column -> !columns.contains(column)).forEach(columns::add);
        Query<Map<String, Object>> query = Query.table(table);
        return this.context.mapping(columns.isEmpty() ? query : query.take(columns.toArray(String[]::new)));
    }

    /**
     * Rows written and, when {@code returning} names fields, each row as a map of its
     * values and those read back.
     */
    private record Inserted(int count, List<Object> rows) {
    }

    private Inserted insertAllMaps(SchemaMapping mapping, @Nullable String prefix, List<? extends Map<String, ?>> rows,
            InsertAll options, List<String> returning) {
        SchemaMetadata metadata = mapping.metadata();
        if (options.readsBack()) {
            throw new InvalidDataAccessApiUsageException("insertAll of maps answers a count and has no structs to "
                    + "read ids back into: insert structs with insertAll(structs, InsertAll.returning())");
        }
        if (rows.isEmpty()) {
            return new Inserted(0, List.of());
        }
        java.util.Set<String> named = rows.get(0).keySet();
        BitSet included = new BitSet();
        for (String name : named) {
            FieldMetadata field = metadata.field(name);
            if (field == null || metadata.fieldSource(name) == null) {
                throw mapping.unknownField(name);
            }
            if (field.writable() == Writable.NEVER) {
                throw new InvalidDataAccessApiUsageException("insertAll cannot fill :" + name + " of "
                        + metadata.schemaClass().getSimpleName() + ": it is writable = NEVER");
            }
            included.set(metadata.fields().indexOf(name));
        }
        List<String> fields = included.stream().mapToObj(metadata.fields()::get).toList();
        Placeholders placeholders = new Placeholders(metadata, options.placeholders());
        boolean answers = !returning.isEmpty();
        List<Object> values = new ArrayList<>(rows.size());
        for (Map<String, ?> row : rows) {
            if (!row.keySet().equals(named)) {
                throw new InvalidDataAccessApiUsageException(
                        "insertAll takes rows naming the same fields: " + named + " and " + row.keySet() + " differ");
            }
            Object[] columns = new Object[fields.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = placeholders.value(fields.get(i), row.get(fields.get(i)));
            }
            if (answers) {
                Map<String, Object> inserted = new java.util.LinkedHashMap<>();
                for (int i = 0; i < columns.length; i++) {
                    inserted.put(fields.get(i), columns[i]);
                }
                values.add(inserted);
            }
            else {
                values.add(columns);
            }
        }
        String target = prefix != null ? SqlIdentifiers.require(prefix, "Prefix") : metadata.prefix();
        OnConflict onConflict = options.conflict();
        Conflict conflict = conflict(mapping, target, included, onConflict);
        RowValues rowValues = answers ? (row, i) -> ((Map<?, ?>) row).get(fields.get(i))
                : (row, i) -> ((Object[]) row)[i];
        return new Inserted(batches(mapping, target, included, conflict, values, rowValues, returning), values);
    }

    /**
     * The values of a row of maps, cast to their fields' types; a placeholder cast once,
     * for the type of the first field it fills.
     */
    private static final class Placeholders {

        private final SchemaMetadata metadata;

        private final Map<Object, Object> given;

        private final Map<Object, String> fieldOf = new java.util.HashMap<>();

        private final Map<Object, Object> cast = new java.util.HashMap<>();

        Placeholders(SchemaMetadata metadata, Map<Object, Object> given) {
            this.metadata = metadata;
            this.given = given;
        }

        @Nullable Object value(String field, @Nullable Object value) {
            if (!(value instanceof InsertAll.Placeholder placeholder)) {
                return value == null ? null
                        : UpdateChanges.cast(this.metadata, field, this.metadata.type(field), value, "insertAll");
            }
            Object key = placeholder.key();
            if (!this.given.containsKey(key)) {
                throw new InvalidDataAccessApiUsageException("insertAll fills :" + field + " from placeholder " + key
                        + ", which its options do not give: InsertAll.create().placeholders(Map.of(" + key
                        + ", value))");
            }
            String first = this.fieldOf.putIfAbsent(key, field);
            if (first != null && !this.metadata.type(first).equals(this.metadata.type(field))) {
                throw new InvalidDataAccessApiUsageException("placeholder " + key + " fills :" + first + " of type "
                        + this.metadata.type(first) + " and :" + field + " of type " + this.metadata.type(field)
                        + ": a placeholder fills fields of one type");
            }
            if (!this.cast.containsKey(key)) {
                Object raw = this.given.get(key);
                this.cast.put(key, raw == null ? null
                        : UpdateChanges.cast(this.metadata, field, this.metadata.type(field), raw, "insertAll"));
            }
            return this.cast.get(key);
        }

    }

    private void requireReadBack(SchemaMetadata metadata, List<String> returning, boolean databaseId) {
        Dialect dialect = this.context.dialect;
        if (!returning.isEmpty() && dialect.readBack().insertReturning() == Dialect.Returning.NONE) {
            throw new InvalidDataAccessApiUsageException(
                    dialect.name() + " cannot read " + returning + " back after insert");
        }
        if (dialect.readBack().batchReadsOnlyGeneratedId() && returning.size() > (databaseId ? 1 : 0)) {
            throw new InvalidDataAccessApiUsageException(dialect.name()
                    + " reads only the generated id back from a batch " + "insert, not "
                    + returning.subList(databaseId ? 1 : 0, returning.size()) + " of "
                    + metadata.schemaClass().getSimpleName() + ": insert these structs one by one with repo.insert");
        }
    }

    private static void readKeys(PreparedStatement statement, SchemaMapping mapping, List<?> batch,
            List<String> returning) throws SQLException {
        int read = 0;
        try (ResultSet keys = statement.getGeneratedKeys()) {
            while (read < batch.size() && keys.next()) {
                ReadBack.read(mapping, batch.get(read++), returning, keys);
            }
        }
        if (read != batch.size()) {
            throw new IncorrectResultSizeDataAccessException(
                    "insertAll of " + mapping.metadata().schemaClass().getSimpleName() + " read " + read
                            + " generated keys back for " + batch.size() + " rows",
                    batch.size(), read);
        }
    }

    /**
     * Ecto's {@code insert_all(Schema, query)}: one {@code INSERT ... SELECT} of the
     * values the query selects, each named after the field it fills; nothing is
     * autogenerated (database defaults apply), as in Ecto. Answers the row count.
     */
    int insertAll(Class<?> schema, @Nullable String prefix, Query<?> source, List<Selection> selections) {
        SchemaMapping mapping = this.context.mapping(schema);
        SchemaMetadata metadata = mapping.metadata();
        if (selections.isEmpty()) {
            throw new InvalidDataAccessApiUsageException("insertAll from a query needs the values to insert: "
                    + "Selection.field(...).as(field), one per field of " + metadata.schemaClass().getSimpleName());
        }
        List<String> columns = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (Selection selection : selections) {
            String name = selection.name();
            if (name == null) {
                throw new InvalidDataAccessApiUsageException(
                        "insertAll from a query fills fields by name: name " + selection + " with .as(field)");
            }
            FieldMetadata field = metadata.field(name);
            if (field == null || metadata.fieldSource(name) == null) {
                throw mapping.unknownField(name);
            }
            if (field.writable() == Writable.NEVER || fields.contains(name)) {
                throw new InvalidDataAccessApiUsageException(
                        "insertAll from a query cannot fill :" + name + " of " + metadata.schemaClass().getSimpleName()
                                + (fields.contains(name) ? ": it is selected twice" : ": it is writable = NEVER"));
            }
            fields.add(name);
            columns.add(metadata.fieldSource(name));
        }
        SchemaMapping sourceMapping = this.context.mapping(source);
        String sourcePrefix = source.prefix() != null ? source.prefix() : sourceMapping.metadata().prefix();
        QueryCompiler.CompiledProjection select = this.context.compiler.projection(source, sourceMapping, sourcePrefix,
                selections, List.of(), List.of(), Map.of());
        String target = prefix != null ? SqlIdentifiers.require(prefix, "Prefix") : metadata.prefix();
        String sql = this.context.statements.get(metadata, target, "insertAllQuery", List.of(columns, select.sql()),
                () -> this.context.renderer.renderInsertSelect(Table.of(target, metadata.source()), columns,
                        select.sql()));
        return this.context.jdbc.update(sql, select.parameters());
    }

}
