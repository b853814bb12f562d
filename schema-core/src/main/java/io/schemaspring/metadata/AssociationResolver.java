package io.schemaspring.metadata;

import io.schemaspring.annotation.OnReplace;
import java.util.EnumSet;
import java.util.Set;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.Default;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.HasOne;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.OnDelete;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.Where;
import io.schemaspring.metadata.Introspection.AssociationDeclaration;
import io.schemaspring.type.CastResult;
import io.schemaspring.type.Type;
import java.beans.Introspector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves declared associations against their related schemas once every schema is
 * introspected: key inference as in Ecto, filters cast to field types, preload orders and
 * {@code through} paths.
 */
final class AssociationResolver {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private final Map<Class<?>, Introspection> introspections;

    private final Map<Class<?>, Map<String, AssociationMetadata>> resolved = new HashMap<>();

    private final Set<String> resolving = new HashSet<>();

    AssociationResolver(Map<Class<?>, Introspection> introspections) {
        this.introspections = introspections;
    }

    /** Resolves every association and stores it on its owner's metadata. */
    void resolveAll() {
        for (Introspection introspection : this.introspections.values()) {
            for (AssociationDeclaration declaration : introspection.associations()) {
                resolve(introspection, declaration);
            }
        }
        for (Introspection introspection : this.introspections.values()) {
            Map<String, AssociationMetadata> byName = this.resolved.getOrDefault(introspection.metadata().schemaClass(),
                    Map.of());
            introspection.metadata()
                .associations(introspection.associations()
                    .stream()
                    .map(declaration -> byName.get(declaration.name()))
                    .toList());
        }
    }

    private AssociationMetadata resolve(Introspection owner, AssociationDeclaration declaration) {
        Class<?> ownerClass = owner.metadata().schemaClass();
        AssociationMetadata done = this.resolved.getOrDefault(ownerClass, Map.of()).get(declaration.name());
        if (done != null) {
            return done;
        }
        String key = ownerClass.getName() + "#" + declaration.name();
        if (!this.resolving.add(key)) {
            throw error(ownerClass, declaration.name(), "its through path leads back to itself",
                    "break the cycle in the through paths");
        }
        AssociationMetadata association;
        Object annotation = declaration.annotation();
        if (annotation instanceof BelongsTo belongsTo) {
            association = belongsTo(owner, declaration, belongsTo);
        }
        else if (annotation instanceof HasMany hasMany) {
            association = hasMany.through().length > 0
                    ? through(owner, declaration, hasMany.through(), hasMany.foreignKey(), hasMany.references(),
                            hasMany.where().length + hasMany.preloadOrder().length + hasMany.defaults().length,
                            hasMany.onDelete())
                    : has(owner, declaration, hasMany.foreignKey(), hasMany.references(), hasMany.where(),
                            hasMany.preloadOrder(), hasMany.onDelete(), hasMany.onReplace(), hasMany.defaults());
        }
        else if (annotation instanceof HasOne hasOne) {
            association = hasOne.through().length > 0
                    ? through(owner, declaration, hasOne.through(), hasOne.foreignKey(), hasOne.references(),
                            hasOne.where().length + hasOne.defaults().length, hasOne.onDelete())
                    : has(owner, declaration, hasOne.foreignKey(), hasOne.references(), hasOne.where(), new String[0],
                            hasOne.onDelete(), hasOne.onReplace(), hasOne.defaults());
        }
        else {
            association = manyToMany(owner, declaration, (ManyToMany) annotation);
        }
        this.resolving.remove(key);
        this.resolved.computeIfAbsent(ownerClass, type -> new LinkedHashMap<>()).put(declaration.name(), association);
        return association;
    }

    private AssociationMetadata belongsTo(Introspection owner, AssociationDeclaration declaration,
            BelongsTo belongsTo) {
        String foreignKey = belongsTo.foreignKey().isEmpty() ? declaration.name() + "Id" : belongsTo.foreignKey();
        SchemaMetadata related = metadata(declaration.related());
        String references = references(owner, declaration, related, belongsTo.references(), "@BelongsTo");
        return builder(owner, declaration, AssociationKind.BELONGS_TO).keys(foreignKey, references)
            .where(where(owner, declaration, related, belongsTo.where()))
            .defaults(defaults(owner, declaration, related, belongsTo.defaults(), "@BelongsTo", null))
            .onReplace(belongsTo.onReplace())
            .build();
    }

    private AssociationMetadata has(Introspection owner, AssociationDeclaration declaration, String foreignKeyOption,
            String referencesOption, Where[] where, String[] preloadOrder, OnDelete onDelete, OnReplace onReplace,
            Default[] defaults) {
        SchemaMetadata ownerMetadata = owner.metadata();
        SchemaMetadata related = metadata(declaration.related());
        String label = declaration.cardinality() == Cardinality.MANY ? "@HasMany" : "@HasOne";
        String references = references(owner, declaration, ownerMetadata, referencesOption, label);
        String foreignKey = foreignKeyOption.isEmpty() ? ownerName(ownerMetadata.schemaClass()) + "Id"
                : foreignKeyOption;
        if (related.fieldSource(foreignKey) == null) {
            throw error(ownerMetadata.schemaClass(), declaration.name(),
                    "associated schema " + related.schemaClass().getSimpleName() + " does not have field :"
                            + foreignKey,
                    "declare `private Long " + foreignKey + ";` on " + related.schemaClass().getSimpleName()
                            + " or set " + label + "(foreignKey = \"...\")");
        }
        return builder(owner, declaration, AssociationKind.HAS).keys(references, foreignKey)
            .where(where(owner, declaration, related, where))
            .preloadOrder(preloadOrder(owner, declaration, related, preloadOrder))
            .onDelete(onDelete)
            .onReplace(declaration.cardinality() == Cardinality.ONE ? onReplace
                    : onReplace(owner, declaration, onReplace, label,
                            EnumSet.complementOf(EnumSet.of(OnReplace.UPDATE))))
            .defaults(defaults(owner, declaration, related, defaults, label, foreignKey))
            .build();
    }

    private AssociationMetadata manyToMany(Introspection owner, AssociationDeclaration declaration,
            ManyToMany manyToMany) {
        Class<?> ownerClass = owner.metadata().schemaClass();
        String name = declaration.name();
        boolean table = !manyToMany.joinThrough().isEmpty();
        boolean schema = manyToMany.joinThroughSchema() != void.class;
        if (table == schema) {
            throw error(ownerClass, name,
                    table ? "it sets both joinThrough and joinThroughSchema"
                            : "@ManyToMany needs a join table or join schema",
                    "set exactly one of @ManyToMany(joinThrough = \"table\") and @ManyToMany(joinThroughSchema = Join.class)");
        }
        if (table && !SqlIdentifiers.isValid(manyToMany.joinThrough())) {
            throw error(ownerClass, name,
                    "join table \"" + manyToMany.joinThrough() + "\" is not a valid SQL identifier",
                    "use letters, digits and underscores in joinThrough");
        }
        SchemaMetadata join = schema ? metadata(manyToMany.joinThroughSchema()) : null;
        if (join != null && join.embedded()) {
            throw error(ownerClass, name,
                    "join schema " + join.schemaClass().getSimpleName() + " is embedded and has no table",
                    "annotate it with @Schema(\"table\")");
        }
        if (manyToMany.joinKeys().length != 0 && manyToMany.joinKeys().length != 2) {
            throw error(ownerClass, name, "joinKeys needs exactly two keys, got " + manyToMany.joinKeys().length,
                    "list this schema's side, then the associated schema's side: "
                            + "joinKeys = {@JoinKey(column = \"user_id\"), @JoinKey(column = \"group_id\")}");
        }
        SchemaMetadata related = metadata(declaration.related());
        List<JoinColumn> joinKeys = List.of(
                joinKey(owner, declaration, join, owner.metadata(),
                        manyToMany.joinKeys().length == 2 ? manyToMany.joinKeys()[0] : null),
                joinKey(owner, declaration, join, related,
                        manyToMany.joinKeys().length == 2 ? manyToMany.joinKeys()[1] : null));
        String joinSource = join != null ? join.source() : manyToMany.joinThrough();
        return builder(owner, declaration, AssociationKind.MANY_TO_MANY)
            .keys(joinKeys.get(0).references(), joinKeys.get(1).references())
            .join(joinSource, join == null ? null : join.schemaClass(), joinKeys,
                    joinWhere(owner, declaration, join, manyToMany.joinWhere()), manyToMany.unique())
            .where(where(owner, declaration, related, manyToMany.where()))
            .preloadOrder(preloadOrder(owner, declaration, related, manyToMany.preloadOrder()))
            .onDelete(manyToMany.onDelete())
            .onReplace(onReplace(owner, declaration, manyToMany.onReplace(), "@ManyToMany",
                    EnumSet.of(OnReplace.RAISE, OnReplace.MARK_AS_INVALID, OnReplace.DELETE)))
            .joinDefaults(joinDefaults(owner, declaration, join, joinKeys, manyToMany))
            .defaults(defaults(owner, declaration, related, manyToMany.defaults(), "@ManyToMany", null))
            .build();
    }

    /**
     * Ecto's check of {@code :on_replace}: UPDATE is for to-one associations, a
     * many-to-many only deletes join rows.
     */
    private OnReplace onReplace(Introspection owner, AssociationDeclaration declaration, OnReplace onReplace,
            String label, Set<OnReplace> allowed) {
        if (!allowed.contains(onReplace)) {
            throw error(owner.metadata().schemaClass(), declaration.name(),
                    "invalid onReplace " + onReplace + " for " + label,
                    "use one of " + allowed + " (UPDATE needs a to-one association)");
        }
        return onReplace;
    }

    private JoinColumn joinKey(Introspection owner, AssociationDeclaration declaration, @Nullable SchemaMetadata join,
            SchemaMetadata side, io.schemaspring.annotation.@Nullable JoinKey option) {
        Class<?> ownerClass = owner.metadata().schemaClass();
        String references = references(owner, declaration, side, option == null ? "" : option.references(),
                "@ManyToMany");
        String defaultField = ownerName(side.schemaClass()) + "Id";
        if (join == null) {
            String column = option != null ? option.column() : owner.fieldSourceMapper().sourceFor(defaultField);
            if (!SqlIdentifiers.isValid(column)) {
                throw error(ownerClass, declaration.name(),
                        "join column \"" + column + "\" is not a valid SQL identifier",
                        "use letters, digits and underscores in @JoinKey(column)");
            }
            return new JoinColumn(column, null, references, side.fieldSource(references));
        }
        String joinField = option != null ? option.column() : defaultField;
        String column = join.fieldSource(joinField);
        if (column == null) {
            throw error(ownerClass, declaration.name(),
                    "join schema " + join.schemaClass().getSimpleName() + " does not have field :" + joinField,
                    "declare it on " + join.schemaClass().getSimpleName()
                            + " or name the join schema's fields with @ManyToMany(joinKeys = ...)");
        }
        return new JoinColumn(column, joinField, references, side.fieldSource(references));
    }

    private List<JoinRowValue> joinDefaults(Introspection owner, AssociationDeclaration declaration,
            @Nullable SchemaMetadata join, List<JoinColumn> joinKeys, ManyToMany manyToMany) {
        Class<?> ownerClass = owner.metadata().schemaClass();
        if (manyToMany.joinDefaults().length > 0 && join == null) {
            throw error(ownerClass, declaration.name(),
                    "joinDefaults needs a join schema, but it joins through the table \"" + manyToMany.joinThrough()
                            + "\"",
                    "set @ManyToMany(joinThroughSchema = Join.class) or remove joinDefaults");
        }
        List<JoinRowValue> defaults = new ArrayList<>();
        for (io.schemaspring.annotation.JoinDefault option : manyToMany.joinDefaults()) {
            String field = option.field();
            Type type = join.type(field);
            String joinName = join.schemaClass().getSimpleName();
            if (type == null) {
                throw error(ownerClass, declaration.name(),
                        "joinDefaults names :" + field + ", which join schema " + joinName + " does not have",
                        "use a persisted field of " + joinName);
            }
            if (joinKeys.stream().anyMatch(key -> field.equals(key.joinField()))) {
                throw error(ownerClass, declaration.name(), "joinDefaults names the join key :" + field,
                        "leave the join keys to the association; give joinDefaults other fields of " + joinName);
            }
            CastResult<?> cast = type.cast(option.value());
            if (!cast.isOk() || cast.value() == null) {
                throw error(ownerClass, declaration.name(),
                        "joinDefaults value \"" + option.value() + "\" is invalid for :" + field + " of type " + type,
                        "write a value of type " + type);
            }
            defaults.add(new JoinRowValue(field, join.fieldSource(field), cast.value()));
        }
        return defaults;
    }

    /**
     * Ecto's {@code :defaults}: fields of the associated schema, each value cast through
     * the field's type.
     */
    private Map<String, Object> defaults(Introspection owner, AssociationDeclaration declaration,
            SchemaMetadata related, Default[] options, String label, @Nullable String foreignKey) {
        Class<?> ownerClass = owner.metadata().schemaClass();
        String relatedName = related.schemaClass().getSimpleName();
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (Default option : options) {
            String field = option.field();
            Type type = related.type(field);
            if (type == null) {
                throw error(ownerClass, declaration.name(),
                        label + "(defaults) names :" + field + ", which associated schema " + relatedName
                                + " does not have",
                        "use a persisted field of " + relatedName + (related.fields().isEmpty() ? ""
                                : ": " + SchemaIntrospector.names(related.fields())));
            }
            if (field.equals(foreignKey)) {
                throw error(ownerClass, declaration.name(), label + "(defaults) names the foreign key :" + field,
                        "leave the foreign key to the association; it is set from the parent when building");
            }
            if (defaults.containsKey(field)) {
                throw error(ownerClass, declaration.name(), label + "(defaults) names :" + field + " twice",
                        "keep one @Default for :" + field);
            }
            CastResult<?> cast = type.cast(option.value());
            if (!cast.isOk() || cast.value() == null) {
                throw error(
                        ownerClass, declaration.name(), label + "(defaults) value \"" + option.value()
                                + "\" is invalid for :" + field + " of " + relatedName + " (type " + type + ")",
                        "write a value of type " + type);
            }
            defaults.put(field, cast.value());
        }
        return defaults;
    }

    private AssociationMetadata through(Introspection owner, AssociationDeclaration declaration, String[] path,
            String foreignKey, String references, int filters, OnDelete onDelete) {
        Class<?> ownerClass = owner.metadata().schemaClass();
        String name = declaration.name();
        if (!foreignKey.isEmpty() || !references.isEmpty() || filters > 0 || onDelete != OnDelete.NOTHING) {
            throw error(ownerClass, name,
                    "foreignKey, references, where, preloadOrder, defaults and onDelete are not supported "
                            + "together with through",
                    "set those options on the associations the path goes through");
        }
        if (path.length < 2) {
            throw error(ownerClass, name,
                    "a through path needs at least two associations, got " + SchemaIntrospector.names(List.of(path)),
                    "name the whole path, for example through = {\"posts\", \"comments\"}");
        }
        Introspection current = owner;
        AssociationMetadata first = null;
        for (String step : path) {
            AssociationDeclaration next = current.associations()
                .stream()
                .filter(d -> d.name().equals(step))
                .findFirst()
                .orElse(null);
            if (next == null) {
                throw error(ownerClass, name,
                        "schema " + current.metadata().schemaClass().getSimpleName()
                                + " does not have the association :" + step + " used by :through "
                                + SchemaIntrospector.names(List.of(path)),
                        "check the path; the associations of " + current.metadata().schemaClass().getSimpleName()
                                + " are " + SchemaIntrospector
                                    .names(current.associations().stream().map(AssociationDeclaration::name).toList()));
            }
            AssociationMetadata stepAssociation = resolve(current, next);
            if (first == null) {
                first = stepAssociation;
            }
            if (declaration.cardinality() == Cardinality.ONE && stepAssociation.cardinality() == Cardinality.MANY) {
                throw error(ownerClass, name, "@HasOne through " + SchemaIntrospector.names(List.of(path))
                        + " goes through :" + step + ", which holds many", "use @HasMany with a List field");
            }
            current = this.introspections.get(stepAssociation.related());
        }
        Class<?> reached = current.metadata().schemaClass();
        if (reached != declaration.related()) {
            throw error(ownerClass, name,
                    "through " + SchemaIntrospector.names(List.of(path)) + " ends at " + reached.getSimpleName()
                            + ", but the field holds " + declaration.related().getSimpleName(),
                    "declare the field with " + reached.getSimpleName() + " or fix the path");
        }
        return builder(owner, declaration, AssociationKind.THROUGH).keys(first.ownerKey(), null)
            .through(List.of(path))
            .build();
    }

    private String references(Introspection owner, AssociationDeclaration declaration, SchemaMetadata referenced,
            String option, String label) {
        Class<?> ownerClass = owner.metadata().schemaClass();
        if (option.isEmpty()) {
            if (referenced.primaryKey().size() != 1) {
                throw error(ownerClass, declaration.name(), referenced.schemaClass().getSimpleName() + " has "
                        + (referenced.primaryKey().isEmpty() ? "no primary key"
                                : "a composite primary key " + SchemaIntrospector.names(referenced.primaryKey()))
                        + " to reference", "set " + label + "(references = \"...\") to the referenced field");
            }
            return referenced.primaryKey().get(0);
        }
        if (referenced.fieldSource(option) == null) {
            throw error(ownerClass, declaration.name(),
                    "schema " + referenced.schemaClass().getSimpleName() + " does not have the field :" + option
                            + " used by association :" + declaration.name(),
                    "set " + label + "(references = \"...\") to a field of "
                            + referenced.schemaClass().getSimpleName());
        }
        return option;
    }

    private List<WhereCondition> where(Introspection owner, AssociationDeclaration declaration, SchemaMetadata related,
            Where[] conditions) {
        List<WhereCondition> resolved = new ArrayList<>();
        for (Where condition : conditions) {
            Type type = related.type(condition.field());
            if (type == null) {
                throw error(owner.metadata().schemaClass(), declaration.name(),
                        "where condition on :" + condition.field() + ", which " + related.schemaClass().getSimpleName()
                                + " does not have",
                        "use a persisted field of " + related.schemaClass().getSimpleName());
            }
            checkArity(owner, declaration, condition);
            List<Object> values = new ArrayList<>();
            for (String text : condition.value()) {
                CastResult<?> cast = type.cast(text);
                if (!cast.isOk()) {
                    throw error(owner.metadata().schemaClass(), declaration.name(),
                            "where value \"" + text + "\" is invalid for :" + condition.field() + " of type " + type,
                            "write a value of type " + type);
                }
                values.add(cast.value());
            }
            resolved.add(new WhereCondition(condition.field(), related.fieldSource(condition.field()), condition.op(),
                    values));
        }
        return resolved;
    }

    private List<WhereCondition> joinWhere(Introspection owner, AssociationDeclaration declaration,
            @Nullable SchemaMetadata join, Where[] conditions) {
        if (join != null) {
            return where(owner, declaration, join, conditions);
        }
        List<WhereCondition> resolved = new ArrayList<>();
        for (Where condition : conditions) {
            if (!SqlIdentifiers.isValid(condition.field())) {
                throw error(owner.metadata().schemaClass(), declaration.name(),
                        "joinWhere column \"" + condition.field() + "\" is not a valid SQL identifier",
                        "use letters, digits and underscores");
            }
            checkArity(owner, declaration, condition);
            resolved.add(new WhereCondition(condition.field(), condition.field(), condition.op(),
                    List.of(condition.value()).stream().map(AssociationResolver::untypedValue).toList()));
        }
        return resolved;
    }

    /**
     * Join tables have no schema to give their column types: booleans and integers are
     * recognised, the rest is text.
     */
    private static Object untypedValue(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        return INTEGER.matcher(text).matches() ? (Object) Long.valueOf(text) : text;
    }

    private void checkArity(Introspection owner, AssociationDeclaration declaration, Where condition) {
        int count = condition.value().length;
        boolean ok = switch (condition.op()) {
            case EQ, NOT_EQ -> count == 1;
            case IN -> count >= 1;
            case IS_NULL, IS_NOT_NULL -> count == 0;
        };
        if (!ok) {
            throw error(owner.metadata().schemaClass(), declaration.name(),
                    "where " + condition.op() + " on :" + condition.field() + " got " + count + " value(s)",
                    "give EQ and NOT_EQ one value, IN at least one, IS_NULL and IS_NOT_NULL none");
        }
    }

    private List<OrderBy> preloadOrder(Introspection owner, AssociationDeclaration declaration, SchemaMetadata related,
            String[] terms) {
        List<OrderBy> order = new ArrayList<>();
        for (String term : terms) {
            String[] parts = term.trim().split("\\s+");
            String direction = parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : "asc";
            String column = related.fieldSource(parts[0]);
            if (parts.length > 2 || column == null || !(direction.equals("asc") || direction.equals("desc"))) {
                throw error(owner.metadata().schemaClass(), declaration.name(),
                        "preloadOrder term \"" + term + "\" is not a field of " + related.schemaClass().getSimpleName()
                                + " with an optional asc or desc",
                        "write terms such as \"insertedAt desc\" naming persisted fields of "
                                + related.schemaClass().getSimpleName());
            }
            order.add(new OrderBy(parts[0], column, direction.equals("desc")));
        }
        return order;
    }

    private AssociationMetadata.Builder builder(Introspection owner, AssociationDeclaration declaration,
            AssociationKind kind) {
        return AssociationMetadata.builder(declaration.name(), kind, declaration.cardinality(),
                owner.metadata().schemaClass(), declaration.related(), declaration.accessor());
    }

    private SchemaMetadata metadata(Class<?> type) {
        return this.introspections.get(type).metadata();
    }

    /**
     * Ecto's default key naming: the class's simple name, decapitalized ({@code User}
     * becomes {@code user}).
     */
    private static String ownerName(Class<?> type) {
        return Introspector.decapitalize(type.getSimpleName());
    }

    private static SchemaDefinitionException error(Class<?> type, String field, String reason, String fix) {
        return new SchemaDefinitionException(type, field, reason, fix);
    }

}
