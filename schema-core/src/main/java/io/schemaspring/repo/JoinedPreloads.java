package io.schemaspring.repo;

import io.schemaspring.metadata.AssociationKind;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.Cardinality;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.query.Query;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's preloads from joins ({@code preload: [comments: c]}): the structs of a query's
 * rows, each once, with the associations of {@link Query#preloadJoined(String...)} filled
 * from the joined columns that follow the query's own in each row.
 */
final class JoinedPreloads {

    /**
     * One filled association: its path, the path of the struct that owns it ({@code ""}
     * for the query's own), the association and how its struct is read.
     */
    private record Level(String path, String ownerPath, AssociationMetadata association, SchemaMapping mapping,
            @Nullable String prefix) {
    }

    private final RepoContext context;

    private final SchemaMapping root;

    private final @Nullable String prefix;

    private final List<Level> levels;

    private JoinedPreloads(RepoContext context, SchemaMapping root, @Nullable String prefix, List<Level> levels) {
        this.context = context;
        this.root = root;
        this.prefix = prefix;
        this.levels = levels;
    }

    /**
     * Checks, before any SQL, that the query's schema is a class with a primary key and
     * that each path is an association the query joins, its parent path filled too.
     */
    static void check(Query<?> query, SchemaMapping root) {
        if (root.metadata().record()) {
            throw new InvalidDataAccessApiUsageException(root.metadata().schemaClass().getSimpleName()
                    + " is a record: fill its associations with preload(path), which builds new records");
        }
        requireKey(root.metadata(), query);
        QueryCompiler.requireNoCombination(query, "preloadJoined");
        for (int i = 0; i < query.joinedPreloads().size(); i++) {
            String path = query.joinedPreloads().get(i);
            String join = query.joinedPreloadJoin(path);
            if (!join.equals(path)) {
                if (query.joins().stream().noneMatch(joined -> !joined.association() && joined.path().equals(join))) {
                    throw new InvalidDataAccessApiUsageException("preloadFromJoin(\"" + path + "\", \"" + join
                            + "\") needs a join named " + join + ": add join(\"" + join + "\", Schema.class, on)");
                }
            }
            else if (query.joins()
                .stream()
                .noneMatch(joined -> joined.association()
                        && (joined.path().equals(path) || joined.path().startsWith(path + ".")))) {
                throw new InvalidDataAccessApiUsageException("preloadJoined(\"" + path + "\") needs the query to join "
                        + "the association: add join(\"" + path + "\") or leftJoin(\"" + path + "\")");
            }
            int dot = path.lastIndexOf('.');
            String ownerPath = dot < 0 ? "" : path.substring(0, dot);
            if (!ownerPath.isEmpty() && !query.joinedPreloads().subList(0, i).contains(ownerPath)) {
                throw new InvalidDataAccessApiUsageException("preloadJoined(\"" + path + "\") fills an association of :"
                        + ownerPath + ", which is not filled from its join: give preloadJoined(\"" + ownerPath
                        + "\") before it");
            }
        }
    }

    /**
     * The reader of a checked query's rows, given the joined structs its statement
     * selects after the query's own columns.
     */
    static JoinedPreloads of(RepoContext context, Query<?> query, SchemaMapping root, @Nullable String prefix,
            List<QueryFields.Struct> structs) {
        List<Level> levels = new ArrayList<>();
        Map<String, SchemaMapping> byPath = new HashMap<>();
        byPath.put("", root);
        for (int i = 0; i < query.joinedPreloads().size(); i++) {
            String path = query.joinedPreloads().get(i);
            int dot = path.lastIndexOf('.');
            String ownerPath = dot < 0 ? "" : path.substring(0, dot);
            SchemaMapping owner = byPath.get(ownerPath);
            AssociationMetadata association = RepoContext.requireAssociation(owner.metadata(),
                    dot < 0 ? path : path.substring(dot + 1));
            SchemaMapping mapping = structs.get(i).mapping();
            if (association.kind() != AssociationKind.THROUGH
                    && mapping.metadata().schemaClass() != association.related()) {
                throw new InvalidDataAccessApiUsageException(
                        "preloadFromJoin(\"" + path + "\", \"" + query.joinedPreloadJoin(path) + "\") fills :" + path
                                + " of " + association.related().getSimpleName() + " from rows of "
                                + mapping.metadata().schemaClass().getSimpleName());
            }
            if (mapping.metadata().record()) {
                throw new InvalidDataAccessApiUsageException(mapping.metadata().schemaClass().getSimpleName()
                        + " is a record: fill :" + path + " with preload(path), which builds new records");
            }
            requireKey(mapping.metadata(), query);
            byPath.put(path, mapping);
            String ownerPrefix = ownerPath.isEmpty() ? prefix
                    : levels.stream()
                        .filter(level -> level.path().equals(ownerPath))
                        .findFirst()
                        .orElseThrow()
                        .prefix();
            levels.add(new Level(path, ownerPath, association, mapping,
                    context.childPrefix(ownerPrefix, owner.metadata(), mapping.metadata())));
        }
        return new JoinedPreloads(context, root, prefix, levels);
    }

    private static void requireKey(SchemaMetadata metadata, Query<?> query) {
        if (metadata.primaryKey().isEmpty()) {
            throw new InvalidDataAccessApiUsageException("preloadJoined tells structs apart by their primary key, and "
                    + metadata.schemaClass().getSimpleName() + " has none: " + query);
        }
    }

    /** The query's structs, each once in the order of the rows, associations filled. */
    List<Object> read(ResultSet resultSet) throws SQLException {
        Map<Object, Object> roots = new LinkedHashMap<>();
        // The struct of each filled path, by its owner and its key, so that a struct met
        // again in a later row gets its children added rather than a copy.
        Map<Object, Map<String, Map<Object, Object>>> children = new IdentityHashMap<>();
        while (resultSet.next()) {
            Map<String, Object> row = new HashMap<>();
            Object read = this.root.read(resultSet, 1);
            Object rootKey = key(this.root.metadata(), read);
            // A row without the query's own (a right join's) stands alone.
            Object identity = rootKey != null ? rootKey : new Object();
            Object root = roots.get(identity);
            if (root == null) {
                root = read;
                roots.put(identity, root);
                loaded(this.root.metadata(), root, this.prefix, "");
            }
            row.put("", root);
            int column = 1 + this.root.queryColumns().size();
            for (Level level : this.levels) {
                Object child = level.mapping().read(resultSet, column);
                column += level.mapping().queryColumns().size();
                Object owner = row.get(level.ownerPath());
                Object key = key(level.mapping().metadata(), child);
                if (owner == null || key == null) {
                    continue;
                }
                Map<Object, Object> known = children.computeIfAbsent(owner, any -> new HashMap<>())
                    .computeIfAbsent(level.path(), any -> new HashMap<>());
                Object existing = known.get(key);
                if (existing == null) {
                    known.put(key, child);
                    loaded(level.mapping().metadata(), child, level.prefix(), level.path());
                    attach(level.association(), owner, child);
                    existing = child;
                }
                row.put(level.path(), existing);
            }
        }
        return new ArrayList<>(roots.values());
    }

    /**
     * Marks a struct as read, with the associations filled from joins below it empty (or
     * null) and loaded until rows add to them.
     */
    private void loaded(SchemaMetadata metadata, Object struct, @Nullable String prefix, String path) {
        this.context.states.loaded(metadata, struct, prefix);
        for (Level level : this.levels) {
            if (level.ownerPath().equals(path)) {
                if (level.association().cardinality() == Cardinality.MANY) {
                    level.association().accessor().set(struct, new ArrayList<>());
                }
                else {
                    level.association().accessor().set(struct, null);
                    this.context.states.stateOf(struct).loaded.add(level.association().field());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void attach(AssociationMetadata association, Object owner, Object child) {
        if (association.cardinality() == Cardinality.MANY) {
            ((List<Object>) association.accessor().get(owner)).add(child);
        }
        else {
            association.accessor().set(owner, child);
        }
    }

    /**
     * The struct's primary key values, {@code null} when they are null (no joined row).
     */
    private static @Nullable Object key(SchemaMetadata metadata, Object struct) {
        List<Object> key = new ArrayList<>(metadata.primaryKey().size());
        for (String field : metadata.primaryKey()) {
            Object value = metadata.field(field).accessor().get(struct);
            if (value == null) {
                return null;
            }
            key.add(value);
        }
        return key;
    }

}
