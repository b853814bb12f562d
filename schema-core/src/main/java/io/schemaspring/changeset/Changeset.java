package io.schemaspring.changeset;

import io.schemaspring.metadata.NotLoaded;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.metadata.AssociationKind;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.Cardinality;
import io.schemaspring.metadata.ConstraintNames;
import io.schemaspring.metadata.EmbedMetadata;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.metadata.StructCopies;
import io.schemaspring.type.CastResult;
import io.schemaspring.type.CustomType;
import io.schemaspring.type.SchemaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Changes to a struct, Ecto's {@code Ecto.Changeset}: the data, the cast changes, the errors
 * (as data: message plus metadata) and the constraints the database may report. Build one with
 * {@link #cast} from request parameters or {@link #change} from trusted values, validate it,
 * then give it to {@code Repo.insert}/{@code Repo.update}, which never send an invalid one.
 * Validations apply to changes only, as in Ecto.
 */
public final class Changeset<T> {

    private final T data;
    private final SchemaMetadata metadata;
    private final Map<String, Object> params;
    private final Map<String, @Nullable Object> changes = new LinkedHashMap<>();
    private final List<FieldError> errors = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final Map<String, Object> filters = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private final Map<String, NestedChanges> nested = new LinkedHashMap<>();
    private @Nullable Action action;

    private Changeset(T data, SchemaMetadata metadata, Map<String, ?> params) {
        this.data = Objects.requireNonNull(data, "Data must not be null");
        this.metadata = metadata;
        this.params = params.isEmpty() ? Collections.emptyMap() : params instanceof NestedParams.ChildParams child ? child
                : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * The child changesets of a {@code putAssoc} or {@code castAssoc}, with the current children
     * left out ({@code removed}), which the repository treats as the association's {@code onReplace} says.
     */
    public record NestedChanges(String name, Cardinality cardinality, List<Changeset<?>> children, List<Object> removed) {
    }

    // ------------------------------------------------------------------ building

    /**
     * A changeset with no changes yet, Ecto's {@code change(struct)}, with the class's standalone
     * metadata ({@link SchemaRegistry#standalone}: Ecto's defaults, no application settings).
     */
    public static <T> Changeset<T> change(T data) {
        return change(SchemaRegistry.standalone(data.getClass()), data);
    }

    /** A changeset with no changes yet, with explicit metadata (the application's registry). */
    public static <T> Changeset<T> change(SchemaMetadata metadata, T data) {
        return new Changeset<>(data, metadata, Map.of());
    }

    /** Trusted changes, not cast: Ecto's {@code change(struct, changes)}. */
    public static <T> Changeset<T> change(T data, Map<String, ?> changes) {
        Changeset<T> changeset = change(data);
        changes.forEach(changeset::putChange);
        return changeset;
    }

    /** Casts the permitted parameters, Ecto's {@code cast(data, params, permitted)}. Parameters not permitted are ignored. */
    public static <T> Changeset<T> cast(T data, Map<String, ?> params, String... permitted) {
        return cast(data, params, Arrays.asList(permitted));
    }

    /**
     * Casting with the class's standalone metadata ({@link SchemaRegistry#standalone}: Ecto's defaults,
     * no application settings); in an application cast with {@link Changesets}. A repository refuses
     * to write it where its own metadata stores a changed or constrained field in another column or
     * gives it another type.
     */
    public static <T> Changeset<T> cast(T data, Map<String, ?> params, Collection<String> permitted) {
        return cast(SchemaRegistry.standalone(data.getClass()), data, params, permitted);
    }

    /** Casting with explicit metadata (a registry of your own). */
    public static <T> Changeset<T> cast(SchemaMetadata metadata, T data, Map<String, ?> params, Collection<String> permitted) {
        Changeset<T> changeset = new Changeset<>(data, metadata, params);
        for (String name : permitted) {
            FieldMetadata field = changeset.castableField(name);
            if (!params.containsKey(name)) {
                continue;
            }
            CastResult<?> result = FieldCaster.cast(field, params.get(name));
            if (result.isOk()) {
                changeset.putChange(name, result.value());
            }
            else {
                Map<String, Object> keys = new LinkedHashMap<>();
                keys.put("type", field.type().toString());
                keys.put("validation", "cast");
                keys.putAll(result.metadata());
                changeset.addError(name, result.message(), keys);
            }
        }
        return changeset;
    }

    private FieldMetadata castableField(String name) {
        FieldMetadata field = this.metadata.field(name);
        if (field != null && this.metadata.embed(name) == null) {
            return field;
        }
        if (this.metadata.embed(name) != null) {
            throw new IllegalArgumentException("cannot cast embed :" + name + " with cast, use castEmbed(\"" + name
                    + "\") instead");
        }
        if (this.metadata.association(name) != null) {
            throw new IllegalArgumentException("cannot cast association :" + name + " with cast, use castAssoc(\"" + name
                    + "\") instead");
        }
        throw new IllegalArgumentException("unknown field :" + name + " given to cast. Either the field does not exist "
                + "or it is a through association (which is read-only). The known fields of "
                + this.metadata.schemaClass().getSimpleName() + " are: " + this.metadata.fields()
                + (this.metadata.virtualFields().isEmpty() ? "" : " and the virtual " + this.metadata.virtualFields()));
    }

    /**
     * Records a change; a value equal to the current one is no change (and removes a pending one).
     * On an association it is {@link #putAssoc}, as in Ecto.
     */
    public Changeset<T> putChange(String field, @Nullable Object value) {
        Objects.requireNonNull(field, "Field must not be null");
        FieldMetadata metadata = this.metadata.field(field);
        if (metadata == null) {
            if (this.metadata.association(field) != null) {
                return putAssoc(field, value);
            }
            throw new IllegalArgumentException("unknown field :" + field + " on " + this.metadata.schemaClass().getSimpleName()
                    + "; " + this.metadata.describeFields());
        }
        Object current = currentValue(field);
        if (equal(metadata, current, value)) {
            this.changes.remove(field);
        }
        else {
            this.changes.put(field, value);
        }
        return this;
    }

    /**
     * Puts an association, Ecto's {@code put_assoc}: {@code value} is a struct, a changeset or a map
     * of field values (a list of them for a to-many association, {@code null} to remove a to-one).
     * An entry whose primary key matches a current child updates it; a new struct or map is
     * inserted, a stored one is updated (and, for has-one and has-many, given this parent's key);
     * current children left out follow the association's {@code onReplace}. The repository writes
     * them in the parent's transaction: {@code belongsTo} before the parent, the others after it.
     *
     * @throws IllegalArgumentException for an unknown or through association, or a struct of another schema
     * @throws IllegalStateException when the stored parent's association was not loaded
     * @throws ReplaceRefusedException when a current child would be replaced and {@code onReplace} is {@code RAISE}
     */
    public Changeset<T> putAssoc(String name, @Nullable Object value) {
        Objects.requireNonNull(name, "Association must not be null");
        // The errors an earlier put of this association copied from its children, or its "is invalid"; a validation's stay.
        this.errors.removeIf(error -> error.field().startsWith(name + "[") || error.field().startsWith(name + ".")
                || (error.field().equals(name) && "assoc".equals(error.metadata().get("validation"))));
        NestedChanges nested = AssocChanges.put(this, name, value);
        if (nested == null) {
            this.nested.remove(name);
            return this;
        }
        this.nested.put(name, nested);
        for (int i = 0; i < nested.children().size(); i++) {
            String path = name + (nested.cardinality() == Cardinality.MANY ? "[" + i + "]." : ".");
            nested.children().get(i).errors().forEach(error -> addError(path + error.field(), error.message(), error.metadata()));
        }
        AssociationMetadata association = this.metadata.association(name);
        if (association.unique()) {
            checkUnique(association, nested.children().stream().map(child -> (Object) child.applyChanges()).toList());
        }
        return this;
    }

    /** Ecto's check of a unique many-to-many: each repeated related key gets "has already been taken". */
    private void checkUnique(AssociationMetadata association, List<?> entries) {
        FieldMetadata key = this.metadata.registry().get(association.related()).field(association.relatedKey());
        for (int i : io.schemaspring.metadata.UniqueEntries.duplicates(entries, key.accessor())) {
            addError(association.field() + "[" + i + "]." + key.name(), "has already been taken", Map.of());
        }
    }

    /** Records a change even when equal to the current value, Ecto's {@code force_change}. */
    public Changeset<T> forceChange(String field, @Nullable Object value) {
        putChange(field, value);
        if (this.metadata.field(field) != null) {
            this.changes.put(field, value);
        }
        return this;
    }

    /**
     * Drops the pending change of a field, Ecto's {@code delete_change}; the field keeps its value in
     * the data.
     */
    public Changeset<T> deleteChange(String field) {
        this.changes.remove(field);
        return this;
    }

    /** Adds an error, Ecto's {@code add_error(changeset, field, message, keys)}. */
    public Changeset<T> addError(String field, String message, Map<String, Object> metadata) {
        this.errors.add(new FieldError(field, message, metadata));
        return this;
    }

    // ------------------------------------------------------------------ validations

    /** Ecto's {@code validate_required}: each field must be present, non-blank, after the changes. */
    public Changeset<T> validateRequired(String... fields) {
        for (String field : fields) {
            requireKnown(field);
            this.required.add(field);
            if (hasErrorOn(field)) {
                continue;
            }
            Object value = getField(field);
            if (value == null || (value instanceof String text && text.isBlank())
                    || (value instanceof Collection<?> collection && collection.isEmpty()
                            && this.metadata.association(field) != null)) {
                addError(field, "can't be blank", Map.of("validation", "required"));
            }
        }
        return this;
    }

    /** Ecto's {@code validate_length} for strings (characters), lists (items) and binaries (bytes). */
    public Changeset<T> validateLength(String field, Length length) {
        Object value = changedValue(field);
        if (value == null) {
            return this;
        }
        int size;
        String type;
        String unit;
        if (value instanceof String text) {
            size = text.codePointCount(0, text.length());
            type = "string";
            unit = "character(s)";
        }
        else if (value instanceof Collection<?> collection) {
            size = collection.size();
            type = "list";
            unit = "item(s)";
        }
        else if (value instanceof byte[] bytes) {
            size = bytes.length;
            type = "binary";
            unit = "byte(s)";
        }
        else {
            throw new IllegalArgumentException("validateLength needs a string, list or binary field, :" + field + " is "
                    + this.metadata.field(field).type());
        }
        boolean list = type.equals("list");
        if (length.is() != null && size != length.is()) {
            lengthError(field, list ? "should have %{count} " + unit : "should be %{count} " + unit, length.is(), "is", type);
        }
        else if (length.min() != null && size < length.min()) {
            lengthError(field, (list ? "should have at least %{count} " : "should be at least %{count} ") + unit,
                    length.min(), "min", type);
        }
        else if (length.max() != null && size > length.max()) {
            lengthError(field, (list ? "should have at most %{count} " : "should be at most %{count} ") + unit,
                    length.max(), "max", type);
        }
        return this;
    }

    private void lengthError(String field, String message, int count, String kind, String type) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("count", count);
        keys.put("validation", "length");
        keys.put("kind", kind);
        keys.put("type", type);
        addError(field, message, keys);
    }

    /** Ecto's {@code validate_number}. */
    public Changeset<T> validateNumber(String field, Bounds bounds) {
        Object value = changedValue(field);
        if (value == null) {
            return this;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("validateNumber needs a number field, :" + field + " is "
                    + this.metadata.field(field).type());
        }
        Bounds.Violation violation = bounds.violatedBy(number);
        if (violation != null) {
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("validation", "number");
            keys.put("kind", violation.kind());
            keys.put("number", violation.number());
            addError(field, violation.message(), keys);
        }
        return this;
    }

    /** Ecto's {@code validate_format}: the pattern must be found in the change. */
    public Changeset<T> validateFormat(String field, Pattern pattern) {
        Object value = changedValue(field);
        if (value != null && !pattern.matcher(value.toString()).find()) {
            addError(field, "has invalid format", Map.of("validation", "format"));
        }
        return this;
    }

    /** Ecto's {@code validate_inclusion}. */
    public Changeset<T> validateInclusion(String field, Collection<?> values) {
        Object value = changedValue(field);
        if (value != null && !values.contains(value)) {
            addError(field, "is invalid", Map.of("validation", "inclusion", "enum", List.copyOf(values)));
        }
        return this;
    }

    /** Ecto's {@code validate_exclusion}. */
    public Changeset<T> validateExclusion(String field, Collection<?> values) {
        Object value = changedValue(field);
        if (value != null && values.contains(value)) {
            addError(field, "is reserved", Map.of("validation", "exclusion", "enum", List.copyOf(values)));
        }
        return this;
    }

    /** Ecto's {@code validate_acceptance}: the (usually virtual) boolean must be true. */
    public Changeset<T> validateAcceptance(String field) {
        requireKnown(field);
        if (!Boolean.TRUE.equals(getField(field))) {
            addError(field, "must be accepted", Map.of("validation", "acceptance"));
        }
        return this;
    }

    /**
     * Ecto's {@code validate_confirmation}: when the field changes, the parameter
     * {@code <field>Confirmation} must equal it; the error goes on the confirmation field.
     */
    public Changeset<T> validateConfirmation(String field) {
        Object value = changedValue(field);
        String confirmationField = field + "Confirmation";
        if (value != null && this.params.containsKey(confirmationField)) {
            Object confirmation = this.params.get(confirmationField);
            if (confirmation instanceof String[] values && values.length == 1) {
                confirmation = values[0];
            }
            if (!Objects.equals(String.valueOf(value), String.valueOf(confirmation))) {
                addError(confirmationField, "does not match confirmation", Map.of("validation", "confirmation"));
            }
        }
        return this;
    }

    /** Ecto's {@code validate_change}: the validator answers error messages for a changed, non-null value. */
    public Changeset<T> validateChange(String field, BiFunction<String, Object, List<String>> validator) {
        Object value = changedValue(field);
        if (value != null) {
            validator.apply(field, value).forEach(message -> addError(field, message, Map.of("validation", "change")));
        }
        return this;
    }

    // ------------------------------------------------------------------ constraints

    /** Ecto's {@code unique_constraint}; the default name is {@code <table>_<column>_index}. */
    public Changeset<T> uniqueConstraint(String field) {
        return uniqueConstraint(field, ConstraintNames.uniqueIndex(this.metadata.source(), column(field)));
    }

    /**
     * Ecto's {@code unique_constraint} with the constraint's name: a violation of {@code name} becomes
     * "has already been taken" on the field.
     */
    public Changeset<T> uniqueConstraint(String field, String name) {
        return constraint(Constraint.Type.UNIQUE, field, name, "has already been taken");
    }

    /** Ecto's {@code foreign_key_constraint}; the default name is {@code <table>_<column>_fkey}. */
    public Changeset<T> foreignKeyConstraint(String field) {
        return foreignKeyConstraint(field, ConstraintNames.foreignKey(this.metadata.source(), column(field)));
    }

    /**
     * Ecto's {@code foreign_key_constraint} with the constraint's name: a violation of {@code name}
     * becomes "does not exist" on the field.
     */
    public Changeset<T> foreignKeyConstraint(String field, String name) {
        return constraint(Constraint.Type.FOREIGN, field, name, "does not exist");
    }

    /** Ecto's {@code check_constraint}: the constraint's name is required. */
    public Changeset<T> checkConstraint(String field, String name) {
        return constraint(Constraint.Type.CHECK, field, name, "is invalid");
    }

    /**
     * Ecto's {@code assoc_constraint}: the parent of a belongs-to association must exist; a foreign
     * key violation becomes "does not exist" on the association. The default constraint name is
     * {@code <table>_<foreign key column>_fkey}.
     */
    public Changeset<T> assocConstraint(String association) {
        AssociationMetadata assoc = association(association, AssociationKind.BELONGS_TO, "assocConstraint",
                "belongs to");
        return assocConstraint(association, ConstraintNames.foreignKey(this.metadata.source(), column(assoc.ownerKey())));
    }

    /**
     * Ecto's {@code assoc_constraint} with the constraint's name; {@code association} must be a
     * belongs-to association.
     */
    public Changeset<T> assocConstraint(String association, String name) {
        association(association, AssociationKind.BELONGS_TO, "assocConstraint", "belongs to");
        this.constraints.add(new Constraint(Constraint.Type.ASSOC, association,
                Objects.requireNonNull(name, "Constraint name must not be null"), "does not exist"));
        return this;
    }

    /**
     * Ecto's {@code no_assoc_constraint}: deleting this struct must not leave children pointing at
     * it; a foreign key violation becomes "are still associated with this entry" (has-many) or "is
     * still associated with this entry" (has-one) on the association. The default constraint name
     * is {@code <child table>_<foreign key column>_fkey}.
     */
    public Changeset<T> noAssocConstraint(String association) {
        AssociationMetadata assoc = association(association, AssociationKind.HAS, "noAssocConstraint", "has one or has many");
        SchemaMetadata related = this.metadata.registry().get(assoc.related());
        return noAssocConstraint(association,
                ConstraintNames.foreignKey(related.source(), related.fieldSource(assoc.relatedKey())));
    }

    /**
     * Ecto's {@code no_assoc_constraint} with the constraint's name; {@code association} must be a
     * has-one or has-many association.
     */
    public Changeset<T> noAssocConstraint(String association, String name) {
        AssociationMetadata assoc = association(association, AssociationKind.HAS, "noAssocConstraint", "has one or has many");
        this.constraints.add(new Constraint(Constraint.Type.NO_ASSOC, association,
                Objects.requireNonNull(name, "Constraint name must not be null"),
                assoc.cardinality() == Cardinality.MANY ? "are still associated with this entry"
                        : "is still associated with this entry"));
        return this;
    }

    private AssociationMetadata association(String name, AssociationKind kind, String function, String label) {
        AssociationMetadata association = this.metadata.association(name);
        if (association == null || association.kind() != kind) {
            throw new IllegalArgumentException(function + " can only be added to " + label + " associations, got :" + name
                    + " on " + this.metadata.schemaClass().getSimpleName());
        }
        return association;
    }

    /**
     * Ecto's {@code unsafe_validate_unique}: when one of the fields changed and none is null or
     * already has an error, asks the database whether another row holds the same values, and adds
     * "has already been taken" to the first field. It reads where the struct is stored. Unsafe
     * because a row may still be written between this check and the write: declare the unique index
     * and {@link #uniqueConstraint} too.
     */
    public Changeset<T> unsafeValidateUnique(List<String> fields, UniquenessCheck repo) {
        return unsafeValidateUnique(fields, repo, null);
    }

    /** As {@link #unsafeValidateUnique(List, UniquenessCheck)}, reading in the given prefix (a tenant's schema). */
    public Changeset<T> unsafeValidateUnique(List<String> fields, UniquenessCheck repo, @Nullable String prefix) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("unsafeValidateUnique needs at least one field");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        boolean changed = false;
        for (String field : fields) {
            requireKnown(field);
            if (hasErrorOn(field)) {
                return this;
            }
            changed |= this.changes.containsKey(field);
            Object value = getField(field);
            if (value == null) {
                return this;
            }
            values.put(field, value);
        }
        if (changed && repo.existsOther(this.metadata, this.data, values, prefix)) {
            addError(fields.get(0), "has already been taken", Map.of("validation", "unsafe_unique", "fields", List.copyOf(fields)));
        }
        return this;
    }

    private Changeset<T> constraint(Constraint.Type type, String field, String name, String message) {
        requireKnown(field);
        this.constraints.add(new Constraint(type, field, Objects.requireNonNull(name, "Constraint name must not be null"),
                message));
        return this;
    }

    /**
     * Ecto's {@code optimistic_lock}: increments the version field and makes the update (or
     * delete) match only the version that was read; a stale struct is a {@code StaleEntryException}.
     */
    public Changeset<T> optimisticLock(String field) {
        FieldMetadata version = requireKnown(field);
        Object current = version.accessor().get(this.data);
        long value = current == null ? 0 : ((Number) current).longValue();
        this.filters.put(field, current);
        Object next = version.type().javaType() == Integer.class ? (Object) (int) (value + 1) : (Object) (value + 1);
        forceChange(field, next);
        return this;
    }

    // ------------------------------------------------------------------ embeds and associations

    /** Casts an embed with all its castable fields, Ecto's {@code cast_embed}. */
    public Changeset<T> castEmbed(String name) {
        return castEmbed(name, this::castChild);
    }

    /** Casts an embed with a changeset function, Ecto's {@code cast_embed(changeset, name, with: ...)}. */
    @SuppressWarnings("unchecked")
    public <C> Changeset<T> castEmbed(String name, BiFunction<C, Map<String, Object>, Changeset<C>> with) {
        EmbedMetadata embed = this.metadata.embed(name);
        if (embed == null) {
            throw new IllegalArgumentException("castEmbed: :" + name + " is not an embed of "
                    + this.metadata.schemaClass().getSimpleName() + "; its embeds are " + this.metadata.embeds());
        }
        NestedParams.Result result = new NestedParams(this, name, embed.cardinality(), embed.related(), embed.onReplace(),
                "embed").cast(currentValue(name), (BiFunction<Object, Map<String, Object>, Changeset<?>>) (BiFunction<?, ?, ?>) with);
        if (result != null) {
            List<Object> structs = result.children().stream().map(child -> (Object) child.applyChanges()).toList();
            this.changes.put(name, embed.cardinality() == Cardinality.ONE ? (structs.isEmpty() ? null : structs.get(0)) : structs);
        }
        return this;
    }

    /** Casts an association with all its castable fields, Ecto's {@code cast_assoc}. */
    public Changeset<T> castAssoc(String name) {
        return castAssoc(name, this::castChild);
    }

    /**
     * Casts an association of any kind with a changeset function. Children with the id of a
     * current child update it, others are new; current children left out of the parameters follow
     * the association's {@code onReplace}. The repository writes them with the parent, as for
     * {@link #putAssoc}.
     */
    @SuppressWarnings("unchecked")
    public <C> Changeset<T> castAssoc(String name, BiFunction<C, Map<String, Object>, Changeset<C>> with) {
        AssociationMetadata association = AssocChanges.writable(this.metadata, name, "cast");
        List<Object> current = AssocChanges.current(this, association, "cast");
        Object currentValue = association.cardinality() == Cardinality.ONE ? (current.isEmpty() ? null : current.get(0)) : current;
        NestedParams.Result result = new NestedParams(this, name, association.cardinality(), association.related(),
                association.onReplace(), "assoc").cast(currentValue, (BiFunction<Object, Map<String, Object>, Changeset<?>>) (BiFunction<?, ?, ?>) with);
        if (result != null) {
            this.nested.put(name, new NestedChanges(name, association.cardinality(), result.children(), result.removed()));
        }
        return this;
    }

    /** What the repository does with a child changeset of {@link #putAssoc} or {@link #castAssoc}, Ecto's {@code action}. */
    public enum Action {
        INSERT, UPDATE
    }

    /**
     * The action of a child changeset; {@code null} for a changeset that is not an association's
     * child, or for a child with a key of its own whose row only the repository can look for.
     */
    public @Nullable Action action() {
        return this.action;
    }

    Changeset<T> withAction(Action action) {
        this.action = action;
        return this;
    }

    // ------------------------------------------------------------------ reading

    /** The struct the changes apply to, as it was given: {@link #applyChanges} copies it, never changes it. */
    public T data() {
        return this.data;
    }

    /** The metadata of the data's schema, which casting and validations use. */
    public SchemaMetadata metadata() {
        return this.metadata;
    }

    /**
     * The parameters given to the cast, permitted or not, unmodifiable; empty for a changeset built
     * with {@link #change}.
     */
    public Map<String, Object> params() {
        return this.params;
    }

    /**
     * The pending changes by field, unmodifiable, Ecto's {@code changes}; a {@code null} value is a
     * change to {@code null}. The children of {@code putAssoc} and {@code castAssoc} are in
     * {@link #nested()}.
     */
    public Map<String, @Nullable Object> changes() {
        return Collections.unmodifiableMap(this.changes);
    }

    /** Whether the field has a pending change, a change to {@code null} included. */
    public boolean hasChange(String field) {
        return this.changes.containsKey(field);
    }

    /**
     * The pending change of a field, Ecto's {@code get_change}; {@code null} when there is none or it
     * changes the field to {@code null}.
     */
    public @Nullable Object getChange(String field) {
        return this.changes.get(field);
    }

    /** The change of a field, else its value in the data, Ecto's {@code get_field}. */
    public @Nullable Object getField(String field) {
        NestedChanges nested = this.nested.get(field);
        if (nested != null && this.metadata.association(field) != null) {
            return applied(nested);
        }
        return this.changes.containsKey(field) ? this.changes.get(field) : currentValue(field);
    }

    private @Nullable Object applied(NestedChanges nested) {
        List<Object> children = nested.children().stream().map(child -> (Object) child.applyChanges()).toList();
        return nested.cardinality() == Cardinality.ONE ? (children.isEmpty() ? null : children.get(0)) : new ArrayList<>(children);
    }

    /**
     * Every error, in the order added, unmodifiable; the errors of nested children are on paths such
     * as {@code phones[0].number}.
     */
    public List<FieldError> errors() {
        return Collections.unmodifiableList(this.errors);
    }

    /** The interpolated messages of one field. */
    public List<String> errorsOn(String field) {
        return this.errors.stream().filter(error -> error.field().equals(field)).map(FieldError::interpolated).toList();
    }

    /** Every error message by field, Ecto's {@code traverse_errors} with interpolation; nested fields as paths. */
    public Map<String, List<String>> errorMessages() {
        Map<String, List<String>> messages = new LinkedHashMap<>();
        for (FieldError error : this.errors) {
            messages.computeIfAbsent(error.field(), key -> new ArrayList<>()).add(error.interpolated());
        }
        return messages;
    }

    /** Whether the changeset has no errors, Ecto's {@code valid?}. */
    public boolean valid() {
        return this.errors.isEmpty();
    }

    /** The database constraints the changeset declared, in the order declared, unmodifiable. */
    public List<Constraint> constraints() {
        return Collections.unmodifiableList(this.constraints);
    }

    /** Fields the write must find unchanged in the database (optimistic locking), with their expected values. */
    public Map<String, Object> filters() {
        return Collections.unmodifiableMap(this.filters);
    }

    /** Fields validated as required, Ecto's {@code changeset.required}: forms mark them. */
    public Set<String> required() {
        return Collections.unmodifiableSet(this.required);
    }

    /** The child changesets of {@code putAssoc} and {@code castAssoc}, by association. */
    public Map<String, NestedChanges> nested() {
        return Collections.unmodifiableMap(this.nested);
    }

    /** A new struct: a copy of the data with the changes (and cast associations) applied; the data is left as it was. */
    @SuppressWarnings("unchecked")
    public T applyChanges() {
        Object copy = this.metadata.record() ? this.metadata.structs().draft(this.data) : this.metadata.structs().copy(this.data);
        this.changes.forEach((name, value) -> {
            FieldMetadata field = this.metadata.field(name);
            if (field != null) {
                if (value != null || !field.accessor().primitive()) {
                    field.accessor().set(copy, value);
                }
            }
        });
        this.nested.values().forEach(nested -> {
            AssociationMetadata association = this.metadata.association(nested.name());
            if (association != null) {
                association.accessor().set(copy, applied(nested));
            }
        });
        T applied = (T) this.metadata.structs().build(copy);
        StructCopies.copied(this.data, applied);
        return applied;
    }

    // ------------------------------------------------------------------ internals

    /** A child cast with its castable defaults, in this changeset's registry. */
    private Changeset<Object> castChild(Object child, Map<String, Object> params) {
        SchemaMetadata childMetadata = this.metadata.registry().get(child.getClass());
        return cast(childMetadata, child, params, Castable.defaultFields(childMetadata));
    }

    private @Nullable Object changedValue(String field) {
        requireKnown(field);
        return this.changes.get(field);
    }

    private FieldMetadata requireKnown(String field) {
        FieldMetadata metadata = this.metadata.field(field);
        if (metadata == null) {
            throw new IllegalArgumentException("unknown field :" + field + " on " + this.metadata.schemaClass().getSimpleName()
                    + "; " + this.metadata.describeFields()
                    + (this.metadata.virtualFields().isEmpty() ? "" : " and the virtual " + this.metadata.virtualFields()));
        }
        return metadata;
    }

    private boolean hasErrorOn(String field) {
        for (int i = 0; i < this.errors.size(); i++) {
            if (this.errors.get(i).field().equals(field)) {
                return true;
            }
        }
        return false;
    }

    @Nullable Object currentValue(String field) {
        FieldMetadata metadata = this.metadata.field(field);
        if (metadata != null) {
            return metadata.accessor().get(this.data);
        }
        AssociationMetadata association = this.metadata.association(field);
        return association == null ? null : association.accessor().get(this.data);
    }

    private String column(String field) {
        String column = requireKnown(field).source();
        if (column == null) {
            throw new IllegalArgumentException("constraints need a persisted field, :" + field + " is virtual");
        }
        return column;
    }

    @SuppressWarnings("unchecked")
    private static boolean equal(FieldMetadata field, @Nullable Object left, @Nullable Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (field.type() instanceof CustomType custom) {
            return ((SchemaType<Object>) custom.schemaType()).equal(left, right);
        }
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (left instanceof byte[] a && right instanceof byte[] b) {
            return Arrays.equals(a, b);
        }
        return left.equals(right);
    }

    @Override
    public String toString() {
        return "Changeset[" + this.metadata.schemaClass().getSimpleName() + ", changes " + this.changes.keySet()
                + ", errors " + this.errors.stream().map(error -> error.field() + ": " + error.interpolated()).toList()
                + ", valid " + valid() + "]";
    }
}
