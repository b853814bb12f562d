package io.schemaspring.repo;

import io.schemaspring.query.Query;
import io.schemaspring.metadata.NotLoaded;
import io.schemaspring.metadata.AssociationKind;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.EmbedMetadata;
import io.schemaspring.metadata.Cardinality;
import io.schemaspring.metadata.FieldAccessor;
import io.schemaspring.metadata.JoinColumn;
import io.schemaspring.metadata.OrderBy;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.WhereCondition;
import io.schemaspring.repo.internal.mapping.Codec;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.Join;
import io.schemaspring.repo.internal.sql.OrderTerm;
import io.schemaspring.repo.internal.sql.Select;
import io.schemaspring.repo.internal.sql.Table;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.PrimitiveType;
import io.schemaspring.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's preload: one query per association level whatever the number of parents, keys
 * passed as one array parameter ({@code = ANY(?)}) where the dialect binds key lists as
 * arrays, else as IN lists of power-of-two lengths chunked within its parameter limit.
 * Through associations load the associations they walk.
 */
final class Preloader {

    private static final String NO_PREFIX = "\u0000";

    private final PreloadContext context;

    private final ConditionCompiler conditions;

    Preloader(PreloadContext context) {
        this.context = context;
        this.conditions = new ConditionCompiler(context, context.renderer());
    }

    /**
     * Preloads paths into parents; parents whose prefix is unknown are taken to be in
     * {@code prefix} when given.
     */
    List<Object> preload(SchemaMapping owner, List<Object> parents, List<String> paths, @Nullable String prefix) {
        return preload(owner, parents, paths, Map.of(), prefix, false);
    }

    /**
     * As {@link #preload(SchemaMapping, List, List, String)}, filtering and ordering the
     * paths that have a query.
     */
    List<Object> preload(SchemaMapping owner, List<Object> parents, List<String> given,
            Map<String, Query<?>> givenQueries, @Nullable String prefix, boolean force) {
        return preload(owner, parents, given, givenQueries, Map.of(), prefix, force);
    }

    /**
     * As {@link #preload(SchemaMapping, List, List, Map, String, boolean)}, the paths of
     * {@code functions} loaded by them (Ecto's custom preload functions).
     */
    List<Object> preload(SchemaMapping owner, List<Object> parents, List<String> given,
            Map<String, Query<?>> givenQueries,
            Map<String, java.util.function.BiFunction<List<Object>, AssociationMetadata, List<?>>> functions,
            @Nullable String prefix, boolean force) {
        SchemaMetadata metadata = owner.metadata();
        List<String> paths = new ArrayList<>(given);
        Map<String, Query<?>> queries = new LinkedHashMap<>();
        givenQueries.forEach((path, query) -> nest(path.trim(), query, paths, queries));
        if (!metadata.record()) {
            Function<Object, @Nullable String> prefixOf = prefix == null ? this.context::prefixOf : parent -> prefix;
            preloadTree(owner, parents, tree(paths), "", queries, functions, prefixOf, force);
            return parents;
        }
        // Records are never changed: the associations go into drafts, which answer new
        // records.
        Map<Object, Object> originals = new IdentityHashMap<>();
        List<Object> drafts = new ArrayList<>(parents.size());
        for (Object parent : parents) {
            Object draft = metadata.structs().draft(parent);
            originals.put(draft, parent);
            drafts.add(draft);
        }
        Function<Object, @Nullable String> prefixOf = prefix == null
                ? draft -> this.context.prefixOf(originals.get(draft)) : draft -> prefix;
        preloadTree(owner, drafts, tree(paths), "", queries, functions, prefixOf, force);
        List<Object> built = new ArrayList<>(drafts.size());
        StructStates states = this.context.states();
        for (Object draft : drafts) {
            Object record = metadata.structs().build(draft);
            states.copy(originals.get(draft), record);
            StructStates.State state = states.find(draft);
            if (state != null) {
                states.stateOf(record).loaded.addAll(state.loaded);
                states.forget(draft);
            }
            built.add(record);
        }
        return built;
    }

    private static Map<String, Map<String, ?>> tree(List<String> paths) {
        Map<String, Map<String, ?>> root = new LinkedHashMap<>();
        for (String path : paths) {
            Map<String, Map<String, ?>> node = root;
            for (String step : path.split("\\.")) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, ?>> child = (Map<String, Map<String, ?>>) node.computeIfAbsent(step.trim(),
                        key -> new LinkedHashMap<String, Map<String, ?>>());
                node = child;
            }
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private void preloadTree(SchemaMapping owner, List<Object> parents, Map<String, Map<String, ?>> tree, String base,
            Map<String, Query<?>> queries,
            Map<String, java.util.function.BiFunction<List<Object>, AssociationMetadata, List<?>>> functions,
            Function<Object, @Nullable String> prefixOf, boolean force) {
        for (Map.Entry<String, Map<String, ?>> entry : tree.entrySet()) {
            String path = base.isEmpty() ? entry.getKey() : base + "." + entry.getKey();
            EmbedMetadata embed = owner.metadata().embed(entry.getKey());
            if (embed != null) {
                preloadEmbedded(owner, embed, parents, (Map<String, Map<String, ?>>) entry.getValue(), path, queries,
                        functions, prefixOf, force);
                continue;
            }
            AssociationMetadata association = RepoContext.requireAssociation(owner.metadata(), entry.getKey());
            Query<?> query = queries.get(path);
            if (query != null) {
                requirePreloadQuery(owner, association, path, query);
            }
            java.util.function.BiFunction<List<Object>, AssociationMetadata, List<?>> function = functions.get(path);
            if (function != null && association.kind() == AssociationKind.THROUGH) {
                throw new InvalidDataAccessApiUsageException("the preload function of :" + path + " on "
                        + owner.metadata().schemaClass().getSimpleName() + ": a through association takes no "
                        + "function; give it to the last association it walks");
            }
            List<Object> children = association.kind() != AssociationKind.THROUGH
                    ? level(owner, association, parents, prefixOf, query, function, force)
                    : !force && parents.stream().allMatch(parent -> loaded(parent, association))
                            ? loadedChildren(association, parents)
                            : through(owner, association, parents, prefixOf, force);
            if (!entry.getValue().isEmpty() && !children.isEmpty()) {
                if (this.context.mapping(association.related()).metadata().record()) {
                    throw new InvalidDataAccessApiUsageException("cannot preload below :" + path + ": "
                            + association.related().getSimpleName() + " is a record, and preloads into records of a "
                            + "preloaded association are not supported yet; preload :" + path + ", then preload the "
                            + "children with repo.preload(children, ...)");
                }
                preloadTree(this.context.mapping(association.related()), children,
                        (Map<String, Map<String, ?>>) entry.getValue(), path, queries, functions,
                        this.context::prefixOf, force);
            }
        }
    }

    /**
     * Ecto's preload through an embed ({@code "item.user"}): the associations of the
     * embedded structs load as those of any struct, in their parent's prefix; the
     * embedded structs are changed in place. An embed alone is refused: it is loaded with
     * its parent already.
     */
    @SuppressWarnings("unchecked")
    private void preloadEmbedded(SchemaMapping owner, EmbedMetadata embed, List<Object> parents,
            Map<String, Map<String, ?>> tree, String path, Map<String, Query<?>> queries,
            Map<String, java.util.function.BiFunction<List<Object>, AssociationMetadata, List<?>>> functions,
            Function<Object, @Nullable String> prefixOf, boolean force) {
        if (tree.isEmpty()) {
            throw new InvalidDataAccessApiUsageException("cannot preload embedded field :" + embed.field() + " of "
                    + owner.metadata().schemaClass().getSimpleName()
                    + " without also preloading one of its associations: "
                    + "the embed is loaded with its parent; preload \"" + path + ".<association>\"");
        }
        SchemaMapping embedded = this.context.preloadMapping(embed.related());
        if (embedded.metadata().record()) {
            throw new InvalidDataAccessApiUsageException("cannot preload below :" + path + ": "
                    + embed.related().getSimpleName() + " is a record, which preloads cannot change in place");
        }
        Map<Object, @Nullable String> prefixes = new IdentityHashMap<>();
        List<Object> children = new ArrayList<>();
        for (Object parent : parents) {
            Object value = embed.accessor().get(parent);
            List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
            for (Object child : values) {
                if (child != null && !prefixes.containsKey(child)) {
                    prefixes.put(child, prefixOf.apply(parent));
                    children.add(child);
                }
            }
        }
        if (!children.isEmpty()) {
            preloadTree(embedded, children, tree, path, queries, functions, prefixes::get, force);
        }
    }

    /**
     * A preload query's own preloads (Ecto's {@code comments: from(c in Comment, preload:
     * :post)}) load under its path ({@code "comments.post"}), theirs in turn.
     */
    private static void nest(String path, Query<?> query, List<String> paths, Map<String, Query<?>> queries) {
        queries.put(path, query);
        for (String nested : query.preloads()) {
            paths.add(path + "." + nested.trim());
        }
        query.preloadQueries()
            .forEach((nested, nestedQuery) -> nest(path + "." + nested.trim(), nestedQuery, paths, queries));
    }

    /**
     * Refuses, before anything is read, a preload query on an unknown path or one that
     * does not fit its association.
     */
    void requirePreloadQueries(SchemaMapping owner, Map<String, Query<?>> given) {
        Map<String, Query<?>> queries = new LinkedHashMap<>();
        List<String> nested = new ArrayList<>();
        given.forEach((path, query) -> nest(path.trim(), query, nested, queries));
        for (String path : nested) {
            SchemaMapping current = owner;
            for (String step : path.split("\\.")) {
                AssociationMetadata association = RepoContext.requireAssociation(current.metadata(), step.trim());
                current = this.context.preloadMapping(association.related());
            }
        }
        queries.forEach((path, query) -> {
            SchemaMapping current = owner;
            String[] steps = path.split("\\.");
            for (int i = 0; i < steps.length; i++) {
                AssociationMetadata association = RepoContext.requireAssociation(current.metadata(), steps[i].trim());
                if (i == steps.length - 1) {
                    requirePreloadQuery(current, association, path, query);
                }
                current = this.context.mapping(association.related());
            }
        });
    }

    private static void requirePreloadQuery(SchemaMapping owner, AssociationMetadata association, String path,
            Query<?> query) {
        String where = "the preload query of :" + path + " on " + owner.metadata().schemaClass().getSimpleName();
        if (association.kind() == AssociationKind.THROUGH) {
            throw new InvalidDataAccessApiUsageException(where + ": a through association takes no query; give the "
                    + "query to the last association it walks");
        }
        if (query.schema() != association.related()) {
            throw new InvalidDataAccessApiUsageException(where + " must be over "
                    + association.related().getSimpleName() + ", got " + query.schema().getSimpleName());
        }
        if (query.limit() != null || query.offset() != null || !query.joinedPreloads().isEmpty() || query.lock() != null
                || query.prefix() != null || query.isDistinct() || !query.joins().isEmpty()
                || !query.combinations().isEmpty() || !query.taken().isEmpty() || !query.merges().isEmpty()
                || query.valuesList() != null || query.subquery() != null || query.cte() != null) {
            throw new InvalidDataAccessApiUsageException(where
                    + " takes conditions, orderBy and preloads of the children only, not limit, offset, "
                    + "preloadJoined, lock, prefix, distinct, join or union (the children are read in their parent's "
                    + "prefix), take, selectMerge or a source of its own");
        }
    }

    /** Loads one association of every parent; answers the children loaded. */
    private List<Object> level(SchemaMapping owner, AssociationMetadata association, List<Object> parents,
            Function<Object, @Nullable String> prefixOf, @Nullable Query<?> query,
            java.util.function.@Nullable BiFunction<List<Object>, AssociationMetadata, List<?>> function,
            boolean force) {
        if (parents.isEmpty()) {
            return new ArrayList<>();
        }
        String first = prefixOf.apply(parents.get(0));
        boolean onePrefix = true;
        for (int i = 1; i < parents.size() && onePrefix; i++) {
            onePrefix = Objects.equals(first, prefixOf.apply(parents.get(i)));
        }
        if (onePrefix) {
            return levelInPrefix(owner, association, parents, first, query, function, force);
        }
        Map<String, List<Object>> byPrefix = new LinkedHashMap<>();
        for (Object parent : parents) {
            String prefix = prefixOf.apply(parent);
            byPrefix.computeIfAbsent(prefix == null ? NO_PREFIX : prefix, key -> new ArrayList<>()).add(parent);
        }
        List<Object> children = new ArrayList<>();
        byPrefix.forEach((prefix, group) -> children.addAll(levelInPrefix(owner, association, group,
                prefix.equals(NO_PREFIX) ? null : prefix, query, function, force)));
        return children;
    }

    /**
     * As in Ecto, an association already loaded is not loaded again: its structs are kept
     * and answered for nested preloads.
     */
    private List<Object> levelInPrefix(SchemaMapping owner, AssociationMetadata association, List<Object> allParents,
            @Nullable String ownerPrefix, @Nullable Query<?> query,
            java.util.function.@Nullable BiFunction<List<Object>, AssociationMetadata, List<?>> function,
            boolean force) {
        boolean anyLoaded = false;
        for (int i = 0; i < allParents.size() && !force; i++) {
            Object parent = allParents.get(i);
            if (loaded(parent, association)) {
                anyLoaded = true;
                break;
            }
        }
        if (!anyLoaded) {
            return load(owner, association, allParents, ownerPrefix, query, function);
        }
        List<Object> parents = new ArrayList<>();
        List<Object> alreadyLoaded = new ArrayList<>();
        for (Object parent : allParents) {
            if (loaded(parent, association)) {
                Object value = association.accessor().get(parent);
                if (value instanceof List<?> list) {
                    alreadyLoaded.addAll(list);
                }
                else if (value != null) {
                    alreadyLoaded.add(value);
                }
            }
            else {
                parents.add(parent);
            }
        }
        if (parents.isEmpty()) {
            return alreadyLoaded;
        }
        List<Object> loaded = load(owner, association, parents, ownerPrefix, query, function);
        loaded.addAll(alreadyLoaded);
        return loaded;
    }

    /**
     * The children parents already hold (a through association filled from a join), each
     * once, without walking the associations it goes through.
     */
    private static List<Object> loadedChildren(AssociationMetadata association, List<Object> parents) {
        Set<Object> children = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> loaded = new ArrayList<>();
        for (Object parent : parents) {
            Object value = association.accessor().get(parent);
            if (value instanceof List<?> list) {
                list.stream().filter(children::add).forEach(loaded::add);
            }
            else if (value != null && children.add(value)) {
                loaded.add(value);
            }
        }
        return loaded;
    }

    private boolean loaded(Object parent, AssociationMetadata association) {
        Object value = association.accessor().get(parent);
        if (association.cardinality() == Cardinality.MANY) {
            return value != null && NotLoaded.isLoaded(value);
        }
        StructStates.State state = this.context.states().find(parent);
        return state != null && state.loaded.contains(association.field());
    }

    private List<Object> load(SchemaMapping owner, AssociationMetadata association, List<Object> parents,
            @Nullable String ownerPrefix, @Nullable Query<?> query,
            java.util.function.@Nullable BiFunction<List<Object>, AssociationMetadata, List<?>> function) {
        SchemaMapping related = this.context.mapping(association.related());
        String prefix = this.context.childPrefix(ownerPrefix, owner.metadata(), related.metadata());
        FieldAccessor parentKey = owner.metadata().field(association.ownerKey()).accessor();
        Set<Object> keys = new LinkedHashSet<>(capacity(parents.size()));
        for (Object parent : parents) {
            Object key = parentKey.get(parent);
            if (key != null) {
                keys.add(normalize(key));
            }
        }
        Map<Object, List<Object>> childrenByKey = keys.isEmpty() ? Map.of()
                : function != null ? custom(owner, association, related, keys, function)
                        : fetch(owner, association, related, prefix, keys, query);
        // Children of a has-one/has-many belong to one key each; other kinds can share
        // children between parents.
        boolean distinct = association.kind() == AssociationKind.HAS;
        List<Object> loaded = new ArrayList<>(childCount(childrenByKey));
        Set<Object> seen = distinct ? null : Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> handedOut = new java.util.HashSet<>(capacity(childrenByKey.size()));
        for (Object parent : parents) {
            Object key = parentKey.get(parent);
            Object normalized = key == null ? null : normalize(key);
            List<Object> children = normalized == null ? null : childrenByKey.get(normalized);
            boolean first = children != null && handedOut.add(normalized);
            if (association.cardinality() == Cardinality.MANY) {
                association.accessor()
                    .set(parent, children == null ? new ArrayList<>() : first ? children : new ArrayList<>(children));
            }
            else {
                association.accessor().set(parent, children == null ? null : children.get(0));
                this.context.states().stateOf(parent).loaded.add(association.field());
            }
            if (children == null) {
                continue;
            }
            if (distinct) {
                if (first) {
                    loaded.addAll(children);
                }
            }
            else {
                for (Object child : children) {
                    if (seen.add(child)) {
                        loaded.add(child);
                    }
                }
            }
        }
        if (function == null) {
            // A function's children were read wherever it read them: their prefix is
            // theirs.
            this.context.states().loaded(related.metadata(), loaded, prefix);
        }
        return loaded;
    }

    /**
     * Ecto's custom preload function: the children it answers for the parents' keys,
     * grouped by the key each holds, or for a many-to-many by the owner key it is paired
     * with ({@code Map.entry(postId, user)}); children of keys not asked for are left
     * out.
     */
    private Map<Object, List<Object>> custom(SchemaMapping owner, AssociationMetadata association,
            SchemaMapping related, Set<Object> keys,
            java.util.function.BiFunction<List<Object>, AssociationMetadata, List<?>> function) {
        boolean manyToMany = association.kind() == AssociationKind.MANY_TO_MANY;
        List<?> answered = function.apply(List.copyOf(keys), association);
        FieldAccessor relatedKey = manyToMany ? null : related.metadata().field(association.relatedKey()).accessor();
        Map<Object, List<Object>> byKey = new LinkedHashMap<>();
        for (Object element : answered == null ? List.of() : answered) {
            Object child = manyToMany && element instanceof Map.Entry<?, ?> entry ? entry.getValue() : element;
            if (!association.related().isInstance(child) || manyToMany && !(element instanceof Map.Entry<?, ?>)) {
                throw new InvalidDataAccessApiUsageException("invalid custom preload for :" + association.field()
                        + " on " + owner.metadata().schemaClass().getSimpleName() + ": expected "
                        + (manyToMany ? "Map.entry(" + association.ownerKey() + ", "
                                + association.related().getSimpleName() + ") pairs"
                                : "structs of " + association.related().getSimpleName())
                        + ", got " + element);
            }
            Object key = manyToMany ? ((Map.Entry<?, ?>) element).getKey() : relatedKey.get(child);
            Object normalized = key == null ? null : normalize(key);
            if (normalized != null && keys.contains(normalized)) {
                byKey.computeIfAbsent(normalized, ignored -> new ArrayList<>()).add(child);
            }
        }
        return byKey;
    }

    /**
     * One statement (or one per chunk without arrays) fetching the children of these
     * keys, grouped by key.
     */
    private Map<Object, List<Object>> fetch(SchemaMapping owner, AssociationMetadata association, SchemaMapping related,
            @Nullable String prefix, Set<Object> keys, @Nullable Query<?> query) {
        boolean manyToMany = association.kind() == AssociationKind.MANY_TO_MANY;
        boolean belongsTo = association.kind() == AssociationKind.BELONGS_TO;
        SchemaMetadata relatedMetadata = related.metadata();
        Type keyType = owner.metadata().type(association.ownerKey());
        boolean array = this.context.dialect().binding().bindsKeyListsAsArray(keys.size())
                && keyType instanceof PrimitiveType primitive && primitive.fieldType() != FieldType.MAP;
        int fixed = association.where().stream().mapToInt(condition -> condition.values().size()).sum()
                + association.joinWhere().stream().mapToInt(condition -> condition.values().size()).sum();
        String alias = manyToMany ? "r" : null;
        Parameters queryParameters = new Parameters();
        Condition extra = query == null ? null
                : this.conditions.compile(query.conditions(), QueryFields.of(related, alias), null, queryParameters);
        List<OrderTerm> order = query == null ? List.of()
                : QueryCompiler.orders(query, relatedMetadata)
                    .stream()
                    .map(term -> new OrderTerm(QueryCompiler.resolve(QueryFields.of(related, alias), term).column(),
                            term.direction() == Query.Direction.DESC))
                    .toList();
        int chunkSize = array ? Integer.MAX_VALUE
                : Math.max(1, Math.min(this.context.dialect().binding().maxKeysPerList(),
                        this.context.dialect().binding().maxParameters() - fixed - queryParameters.size()));
        Map<Object, List<Object>> grouped = new LinkedHashMap<>(capacity(keys.size()));
        List<Object> all = new ArrayList<>(keys);
        for (int start = 0; start < all.size(); start += chunkSize) {
            List<Object> chunk = all.subList(start, Math.min(all.size(), start + chunkSize));
            // IN lists come in power-of-two lengths (the last key repeated), so that a
            // few statements serve any count.
            int slots = array ? -1
                    : Math.min(chunkSize, chunk.size() <= 1 ? 1 : Integer.highestOneBit(chunk.size() - 1) << 1);
            Parameters parameters = new Parameters();
            if (array) {
                parameters.addArray(this.context.dialect()
                    .binding()
                    .arrayElementType(((PrimitiveType) keyType).fieldType(), ((PrimitiveType) keyType).javaType()),
                        chunk.toArray());
            }
            else {
                Codec keyCodec = owner.codec(association.ownerKey());
                chunk.forEach(key -> parameters.add(keyCodec, key));
                for (int padding = chunk.size(); padding < slots; padding++) {
                    parameters.add(keyCodec, chunk.get(chunk.size() - 1));
                }
            }
            association.where()
                .forEach(condition -> condition.values()
                    .forEach(value -> parameters.add(related.codec(condition.field()), value)));
            association.joinWhere().forEach(condition -> condition.values().forEach(parameters::addPlain));
            parameters.addAll(queryParameters);
            Object shape = query == null ? (Object) slots : List.of(slots, java.util.Optional.ofNullable(extra), order);
            String sql = this.context.statement(owner.metadata().schemaClass(), prefix, association.field(), "preload",
                    shape, () -> render(owner, association, related, prefix, array, slots, extra, order));
            Codec ownerKeyCodec = owner.codec(association.ownerKey());
            FieldAccessor childKey = manyToMany ? null : relatedMetadata.field(association.relatedKey()).accessor();
            this.context.jdbc().query(sql, parameters, resultSet -> {
                while (resultSet.next()) {
                    Object key;
                    Object child;
                    if (manyToMany) {
                        key = ownerKeyCodec.read(resultSet, 1);
                        child = related.read(resultSet, 2);
                    }
                    else {
                        child = related.read(resultSet, 1);
                        key = childKey.get(child);
                    }
                    Object normalized = normalize(key);
                    List<Object> children = grouped.get(normalized);
                    if (children == null) {
                        children = belongsTo ? new ArrayList<>(1) : new ArrayList<>();
                        grouped.put(normalized, children);
                    }
                    if (!belongsTo || children.isEmpty()) {
                        children.add(child);
                    }
                }
                return null;
            });
        }
        return grouped;
    }

    private String render(SchemaMapping owner, AssociationMetadata association, SchemaMapping related,
            @Nullable String prefix, boolean array, int keyCount, @Nullable Condition extra,
            List<OrderTerm> queryOrder) {
        SchemaMetadata relatedMetadata = related.metadata();
        boolean manyToMany = association.kind() == AssociationKind.MANY_TO_MANY;
        Table relatedTable = Table.of(prefix, relatedMetadata.source()).as(manyToMany ? "r" : null);
        String relatedAlias = manyToMany ? "r" : null;
        List<Column> columns = new ArrayList<>();
        Column keyColumn;
        Select select;
        if (manyToMany) {
            JoinColumn ownerSide = association.joinKeys().get(0);
            JoinColumn relatedSide = association.joinKeys().get(1);
            Table join = Table.of(prefix, association.joinThrough()).as("j");
            keyColumn = join.column(ownerSide.column());
            columns.add(keyColumn);
            related.queryColumns().forEach(column -> columns.add(new Column(relatedAlias, column)));
            select = Select.columns(relatedTable, columns)
                .join(new Join(join, join.column(relatedSide.column()),
                        new Column(relatedAlias, relatedSide.referencesColumn())));
        }
        else {
            keyColumn = Column.of(relatedMetadata.fieldSource(association.relatedKey()));
            related.queryColumns().forEach(column -> columns.add(Column.of(column)));
            select = Select.columns(relatedTable, columns);
        }
        List<Condition> conditions = new ArrayList<>();
        conditions.add(array ? new Condition.AnyOf(keyColumn) : new Condition.In(keyColumn, keyCount));
        for (WhereCondition condition : association.where()) {
            conditions.add(filter(new Column(relatedAlias, condition.column()), condition));
        }
        for (WhereCondition condition : association.joinWhere()) {
            conditions.add(filter(new Column("j", condition.column()), condition));
        }
        if (extra != null) {
            conditions.add(extra);
        }
        List<OrderTerm> order = new ArrayList<>(queryOrder);
        for (OrderBy term : association.preloadOrder()) {
            order.add(new OrderTerm(new Column(relatedAlias, term.column()), term.descending()));
        }
        return this.context.renderer().render(select.where(Condition.and(conditions)).orderBy(order));
    }

    static Condition filter(Column column, WhereCondition condition) {
        return switch (condition.op()) {
            case EQ -> new Condition.Compare(column, Condition.Operator.EQ);
            case NOT_EQ -> new Condition.Compare(column, Condition.Operator.NOT_EQ);
            case IN -> new Condition.In(column, condition.values().size());
            case IS_NULL -> new Condition.IsNull(column, false);
            case IS_NOT_NULL -> new Condition.IsNull(column, true);
        };
    }

    /**
     * Loads a through association by loading each association of its path, then
     * collecting the last level.
     */
    private List<Object> through(SchemaMapping owner, AssociationMetadata association, List<Object> parents,
            Function<Object, @Nullable String> prefixOf, boolean force) {
        SchemaMapping current = owner;
        List<Object> level = parents;
        List<AssociationMetadata> steps = new ArrayList<>();
        for (String step : association.through()) {
            AssociationMetadata stepAssociation = RepoContext.requireAssociation(current.metadata(), step);
            steps.add(stepAssociation);
            Function<Object, @Nullable String> stepPrefixOf = level == parents ? prefixOf : this.context::prefixOf;
            level = stepAssociation.kind() == AssociationKind.THROUGH
                    ? through(current, stepAssociation, level, stepPrefixOf, force)
                    : level(current, stepAssociation, level, stepPrefixOf, null, null, force);
            current = this.context.mapping(stepAssociation.related());
        }
        Set<Object> all = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> loaded = new ArrayList<>();
        for (Object parent : parents) {
            List<Object> reached = List.of(parent);
            for (AssociationMetadata step : steps) {
                List<Object> next = new ArrayList<>();
                Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                for (Object struct : reached) {
                    Object value = step.accessor().get(struct);
                    if (value instanceof List<?> list) {
                        list.stream().filter(seen::add).forEach(next::add);
                    }
                    else if (value != null && seen.add(value)) {
                        next.add(value);
                    }
                }
                reached = next;
            }
            if (association.cardinality() == Cardinality.MANY) {
                association.accessor().set(parent, new ArrayList<>(reached));
            }
            else {
                association.accessor().set(parent, reached.isEmpty() ? null : reached.get(0));
                this.context.states().stateOf(parent).loaded.add(association.field());
            }
            reached.stream().filter(all::add).forEach(loaded::add);
        }
        return loaded;
    }

    /**
     * The initial capacity of a hash map or set that will hold this many entries without
     * resizing.
     */
    private static int capacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }

    private static int childCount(Map<Object, List<Object>> childrenByKey) {
        int count = 0;
        for (List<Object> children : childrenByKey.values()) {
            count += children.size();
        }
        return count;
    }

    /** Keys compare across Integer, Short and Long columns. */
    private static Object normalize(Object key) {
        return (key instanceof Integer || key instanceof Short) ? ((Number) key).longValue() : key;
    }

}
