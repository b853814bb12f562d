package io.schemaspring.repo;

import io.schemaspring.annotation.Writable;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.query.Value;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.type.CastResult;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.PrimitiveType;
import io.schemaspring.type.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's {@code [set: ..., inc: ...]} checked and cast against a schema, before any SQL:
 * the fields set, the fields incremented, and their values bound in that order (sets
 * first). Shared by {@code updateAll} and an upsert's {@code OnConflict.update}.
 *
 * @param sets the fields set to a value, in the order given
 * @param incs the numeric fields incremented, in the order given
 * @param parameters the values of {@code sets}, then those of {@code incs}
 * @param computed the changes the database computes from the row (a set to a
 * {@code Value}, a push or a pull), in the order given, compiled by the caller
 */
record UpdateChanges(List<String> sets, List<String> incs, Parameters parameters, List<UpdateAll.Change> computed) {

    private static final Set<FieldType> NUMBERS = EnumSet.of(FieldType.ID, FieldType.INTEGER, FieldType.FLOAT,
            FieldType.DECIMAL);

    /**
     * Checks each change against the schema ({@code writable = ALWAYS} fields only, an
     * {@code inc} on numbers only) and casts its value; {@code operation} names the call
     * in the errors.
     */
    static UpdateChanges of(SchemaMapping mapping, List<UpdateAll.Change> changes, String operation) {
        SchemaMetadata metadata = mapping.metadata();
        List<String> sets = new ArrayList<>();
        List<String> incs = new ArrayList<>();
        Parameters setParameters = new Parameters();
        Parameters incParameters = new Parameters();
        List<UpdateAll.Change> computed = new ArrayList<>();
        for (UpdateAll.Change change : changes) {
            String name = change.field();
            if (metadata.fieldSource(name) == null) {
                throw mapping.unknownField(name);
            }
            FieldMetadata field = metadata.field(name);
            if (field.writable() != Writable.ALWAYS) {
                throw new InvalidDataAccessApiUsageException(operation + " cannot change :" + name + " of "
                        + metadata.schemaClass().getSimpleName() + ": it is writable = " + field.writable());
            }
            Type type = metadata.type(name);
            if (change.kind() == UpdateAll.Kind.PUSH || change.kind() == UpdateAll.Kind.PULL
                    || change.value() instanceof Value) {
                computed.add(change);
                continue;
            }
            if (change.kind() == UpdateAll.Kind.INC) {
                if (!metadata.schemaless()
                        && !(type instanceof PrimitiveType primitive && NUMBERS.contains(primitive.fieldType()))) {
                    throw new InvalidDataAccessApiUsageException(operation + " cannot inc :" + name + " of "
                            + metadata.schemaClass().getSimpleName() + ": it is of type " + type + ", not a number");
                }
                incs.add(name);
                incParameters.add(mapping.codec(name), cast(metadata, name, type, change.value(), operation));
            }
            else {
                sets.add(name);
                setParameters.add(mapping.codec(name),
                        change.value() == null ? null : cast(metadata, name, type, change.value(), operation));
            }
        }
        return new UpdateChanges(List.copyOf(sets), List.copyOf(incs), setParameters.addAll(incParameters),
                List.copyOf(computed));
    }

    static Object cast(SchemaMetadata metadata, String field, Type type, @Nullable Object value, String operation) {
        CastResult<?> result = type.cast(value);
        if (!result.isOk() || result.value() == null) {
            String shown = metadata.redactFields().contains(field) ? "**redacted**" : "\"" + value + "\"";
            throw new InvalidDataAccessApiUsageException(
                    "value " + shown + " in " + operation + " cannot be cast to type " + type + " of :" + field + " on "
                            + metadata.schemaClass().getSimpleName());
        }
        return result.value();
    }

}
