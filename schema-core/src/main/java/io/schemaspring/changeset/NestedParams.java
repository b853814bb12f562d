package io.schemaspring.changeset;

import io.schemaspring.annotation.OnReplace;
import io.schemaspring.metadata.Cardinality;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.type.CastResult;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Casts the parameters of an embed or association into child changesets, Ecto's
 * {@code cast_embed}/{@code cast_assoc}: a child whose id matches a current one updates it, any
 * other is new, and current children left out follow {@code onReplace}. Child errors are copied
 * to the parent under {@code name.field} or {@code name[i].field}.
 */
final class NestedParams {

    record Result(List<Changeset<?>> children, List<Object> removed) {
    }

    private final Changeset<?> parent;
    private final String name;
    private final Cardinality cardinality;
    private final SchemaMetadata related;
    private final OnReplace onReplace;
    private final String kind;

    NestedParams(Changeset<?> parent, String name, Cardinality cardinality, Class<?> related, OnReplace onReplace,
            String kind) {
        this.parent = parent;
        this.name = name;
        this.cardinality = cardinality;
        this.related = parent.metadata().registry().get(related);
        this.onReplace = onReplace;
        this.kind = kind;
    }

    /** A new child; an association's {@code defaults} are set on it, as Ecto builds new associated structs. */
    private Object newChild() {
        io.schemaspring.metadata.AssociationMetadata association = this.parent.metadata().association(this.name);
        return association == null ? this.related.structs().newInstance() : this.related.structs().newInstance(association.defaults());
    }

    @Nullable Result cast(@Nullable Object current, BiFunction<Object, Map<String, Object>, Changeset<?>> with) {
        Map<String, Object> params = this.parent.params();
        if (!params.containsKey(this.name)) {
            return null;
        }
        Object raw = params.get(this.name);
        List<Object> existing = new ArrayList<>();
        if (current instanceof Collection<?> collection) {
            existing.addAll(collection);
        }
        else if (current != null) {
            existing.add(current);
        }
        return this.cardinality == Cardinality.ONE ? castOne(raw, existing, with) : castMany(raw, existing, with);
    }

    private @Nullable Result castOne(@Nullable Object raw, List<Object> existing,
            BiFunction<Object, Map<String, Object>, Changeset<?>> with) {
        List<Object> removed = new ArrayList<>();
        if (raw == null) {
            existing.forEach(child -> replace(child, removed));
            return new Result(List.of(), removed);
        }
        if (!(raw instanceof Map<?, ?> map)) {
            invalid("map");
            return null;
        }
        Map<String, Object> childParams = new ChildParams(map);
        Object current = existing.isEmpty() ? null : existing.get(0);
        Object data;
        Changeset.Action action;
        if (current != null && (this.onReplace == OnReplace.UPDATE || idMatches(current, childParams)
                || bothWithoutId(current, childParams))) {
            data = current;
            action = Changeset.Action.UPDATE;
        }
        else {
            if (current != null && !replace(current, removed)) {
                return null;
            }
            data = newChild();
            action = Changeset.Action.INSERT;
        }
        Changeset<?> child = with.apply(data, childParams).withAction(action);
        copyErrors(child, this.name + ".");
        return new Result(List.of(child), removed);
    }

    private @Nullable Result castMany(@Nullable Object raw, List<Object> existing,
            BiFunction<Object, Map<String, Object>, Changeset<?>> with) {
        List<Object> elements;
        if (raw == null) {
            elements = List.of();
        }
        else if (raw instanceof List<?> list) {
            elements = new ArrayList<>(list);
        }
        else if (raw instanceof Map<?, ?> indexed && indexed.keySet().stream().allMatch(key -> key instanceof String text
                && text.matches("\\d{1,6}"))) {
            elements = new ArrayList<>(new TreeMap<>(indexed.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    entry -> Integer.parseInt((String) entry.getKey()), Map.Entry::getValue))).values());
        }
        else {
            invalid("{:array, :map}");
            return null;
        }
        Map<Object, Object> seen = new IdentityHashMap<>();
        List<Changeset<?>> children = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (!(elements.get(i) instanceof Map<?, ?> map)) {
                invalid("{:array, :map}");
                return null;
            }
            Map<String, Object> childParams = new ChildParams(map);
            Object data = matching(existing, childParams);
            Changeset.Action action = data == null ? Changeset.Action.INSERT : Changeset.Action.UPDATE;
            if (data == null) {
                data = newChild();
            }
            else {
                seen.put(data, Boolean.TRUE);
            }
            Changeset<?> child = with.apply(data, childParams).withAction(action);
            copyErrors(child, this.name + "[" + i + "].");
            children.add(child);
        }
        List<Object> removed = new ArrayList<>();
        for (Object child : existing) {
            if (!seen.containsKey(child) && !replace(child, removed)) {
                return null;
            }
        }
        return new Result(children, removed);
    }

    /** Applies onReplace to a child the parameters leave out; false when that made the parent invalid. */
    private boolean replace(Object child, List<Object> removed) {
        switch (this.onReplace) {
            case RAISE -> throw new ReplaceRefusedException(this.name, this.parent.metadata().schemaClass());
            case MARK_AS_INVALID -> {
                this.parent.addError(this.name, "is invalid", Map.of("validation", this.kind));
                return false;
            }
            default -> {
                removed.add(child);
                return true;
            }
        }
    }

    private @Nullable Object matching(List<Object> existing, Map<String, Object> params) {
        for (Object child : existing) {
            if (idMatches(child, params)) {
                return child;
            }
        }
        return null;
    }

    private boolean idMatches(Object child, Map<String, Object> params) {
        List<String> key = this.related.primaryKey();
        if (key.size() != 1 || !params.containsKey(key.get(0))) {
            return false;
        }
        FieldMetadata id = this.related.field(key.get(0));
        CastResult<?> cast = id.type().cast(params.get(key.get(0)));
        return cast.isOk() && cast.value() != null && Objects.equals(cast.value(), id.accessor().get(child));
    }

    /**
     * Ecto compares the primary keys of the current struct and the parameters, nil included: a
     * struct never given an id (an embed's default struct) is updated by parameters without one.
     */
    private boolean bothWithoutId(Object current, Map<String, Object> params) {
        List<String> key = this.related.primaryKey();
        return key.size() == 1 && params.get(key.get(0)) == null
                && this.related.field(key.get(0)).accessor().get(current) == null;
    }

    private void invalid(String type) {
        this.parent.addError(this.name, "is invalid", Map.of("validation", this.kind, "type", type));
    }

    private void copyErrors(Changeset<?> child, String prefix) {
        child.errors().forEach(error -> this.parent.addError(prefix + error.field(), error.message(), error.metadata()));
    }

    /**
     * A child's parameters: the string-keyed entries of the parent's, copied once and unmodifiable,
     * so that the child changeset keeps them as they are instead of copying them again.
     */
    static final class ChildParams extends AbstractMap<String, Object> {

        private final Map<String, Object> values;

        ChildParams(Map<?, ?> raw) {
            Map<String, Object> values = new LinkedHashMap<>();
            raw.forEach((key, value) -> {
                if (key instanceof String text) {
                    values.put(text, value);
                }
            });
            this.values = Collections.unmodifiableMap(values);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return this.values.entrySet();
        }

        @Override
        public @Nullable Object get(Object key) {
            return this.values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return this.values.containsKey(key);
        }

        @Override
        public int size() {
            return this.values.size();
        }
    }
}
