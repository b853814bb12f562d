package io.schemaspring.repo;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.PrimitiveType;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.projection.SpelAwareProxyProjectionFactory;

/** Runs a {@link ProjectionQuery}: checks it against the target type, then fills one record or object per row. */
final class ProjectionReader {

    private final RepoContext context;

    ProjectionReader(RepoContext context) {
        this.context = context;
    }

    <R> List<R> all(ProjectionQuery<R> projection) {
        Plan plan = projection.plan();
        if (plan == null || plan.context() != this.context) {
            plan = plan(projection);
            projection.plan(plan);
        }
        ColumnReader[] readers = plan.readers();
        @SuppressWarnings("unchecked")
        Target<R> target = (Target<R>) plan.target();
        return this.context.jdbc.query(plan.sql(), plan.parameters(), (resultSet, row) -> {
            Object[] values = new Object[readers.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = readers[i].read(resultSet, i + 1);
            }
            return target.create(values);
        });
    }

    /**
     * What running a projection takes besides a connection: its SQL, parameters, column readers and
     * target, all fixed by the query and the repository. Kept on the (immutable) query, so that a
     * query held in a field is checked and compiled once per repository, not on every run.
     */
    record Plan(RepoContext context, String sql, Parameters parameters, ColumnReader[] readers, Target<?> target) {
    }

    private Plan plan(ProjectionQuery<?> projection) {
        Query<?> query = projection.query();
        if (!query.preloads().isEmpty() || query.lock() != null) {
            throw new InvalidDataAccessApiUsageException("select does not take preload or lock: " + projection);
        }
        SchemaMapping mapping = this.context.mapping(query.schema());
        Target<?> target = Target.of(projection.type());
        List<Selection> selections = target.order(projection.selections().isEmpty()
                ? byComponentName(target, query, mapping.metadata()) : projection.selections(), projection);
        String prefix = query.prefix() != null ? query.prefix() : mapping.metadata().prefix();
        QueryCompiler.CompiledProjection compiled = this.context.compiler.projection(query, mapping, prefix, selections,
                projection.groupBy(), projection.having());
        for (int i = 0; i < selections.size(); i++) {
            requireNumeric(selections.get(i), compiled.fields().get(i));
        }
        ColumnReader[] readers = new ColumnReader[selections.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = reader(selections.get(i), compiled.fields().get(i));
        }
        return new Plan(this.context, compiled.sql(), compiled.parameters(), readers, target);
    }

    /** Reads one selected column; chosen once per query, not per row. */
    @FunctionalInterface
    interface ColumnReader {
        @Nullable Object read(ResultSet resultSet, int index) throws SQLException;
    }

    /** One field per component: a field of the schema, else a camel-cased path through a joined association. */
    private static List<Selection> byComponentName(Target<?> target, Query<?> query, SchemaMetadata metadata) {
        List<Selection> selections = new ArrayList<>();
        for (String name : target.names()) {
            selections.add(Selection.field(metadata.field(name) != null ? name : joinedPath(name, query, metadata)));
        }
        return selections;
    }

    private static String joinedPath(String name, Query<?> query, SchemaMetadata metadata) {
        for (Query.Joined joined : query.joins()) {
            String camel = Selection.field(joined.path()).name();
            if (name.startsWith(camel) && name.length() > camel.length()) {
                String rest = name.substring(camel.length());
                return joined.path() + "." + rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
            }
        }
        throw new InvalidDataAccessApiUsageException(":" + name + " is neither a field of "
                + metadata.schemaClass().getSimpleName() + " nor a field of a joined association (camel-cased path): "
                + "join it, or name the value with Selection.field(path).as(\"" + name + "\")");
    }

    private static void requireNumeric(Selection selection, QueryFields.@Nullable Resolved field) {
        if (field == null || (selection.aggregate() != Aggregate.SUM && selection.aggregate() != Aggregate.AVG)) {
            return;
        }
        FieldType type = field.type() instanceof PrimitiveType primitive ? primitive.fieldType() : null;
        if (type != FieldType.ID && type != FieldType.INTEGER && type != FieldType.FLOAT && type != FieldType.DECIMAL) {
            throw new InvalidDataAccessApiUsageException(selection.aggregate() + " needs a numeric field (:id, :integer, "
                    + ":float or :decimal), but :" + field.field() + " is " + field.type());
        }
    }

    private static ColumnReader reader(Selection selection, QueryFields.@Nullable Resolved field) {
        Aggregate aggregate = selection.aggregate();
        if (field != null && (aggregate == null || aggregate == Aggregate.MIN || aggregate == Aggregate.MAX)) {
            return field.codec()::read;
        }
        if (aggregate == Aggregate.COUNT) {
            return ResultSet::getLong;
        }
        FieldType type = field.type() instanceof PrimitiveType primitive ? primitive.fieldType() : null;
        return (resultSet, index) -> {
            Object value = resultSet.getObject(index);
            if (value == null) {
                return null;
            }
            Number number = (Number) value;
            if (type == FieldType.DECIMAL) {
                return new BigDecimal(number.toString());
            }
            return aggregate == Aggregate.SUM && type != FieldType.FLOAT ? (Object) number.longValue() : (Object) number.doubleValue();
        };
    }

    /**
     * The record, interface or class a projection fills: its component names and how to build one
     * (a record's canonical constructor; an interface's getters, as Spring Data's projections over a
     * map; a class's constructor parameters by name, else its fields after a no-argument constructor).
     */
    record Target<R>(Class<R> type, List<String> names, List<Class<?>> types, @Nullable Constructor<R> constructor,
            List<Field> fields) {

        private static final ProjectionFactory INTERFACES = new SpelAwareProxyProjectionFactory();

        /** Built once per class: the constructor, parameter names and fields do not change between queries. */
        private static final Map<Class<?>, Target<?>> TARGETS = new ConcurrentReferenceHashMap<>();

        @SuppressWarnings("unchecked")
        static <R> Target<R> of(Class<R> type) {
            return (Target<R>) TARGETS.computeIfAbsent(type, Target::build);
        }

        private static <R> Target<R> build(Class<R> type) {
            try {
                if (type.isInterface()) {
                    List<PropertyDescriptor> properties = INTERFACES.getProjectionInformation(type).getInputProperties();
                    return new Target<>(type, properties.stream().map(PropertyDescriptor::getName).toList(),
                            properties.stream().<Class<?>>map(PropertyDescriptor::getPropertyType).toList(), null, List.of());
                }
                Constructor<R> constructor = type.isRecord() ? canonical(type) : BeanUtils.getResolvableConstructor(type);
                constructor.setAccessible(true);
                if (constructor.getParameterCount() > 0) {
                    String[] names = BeanUtils.getParameterNames(constructor);
                    return new Target<>(type, List.of(names), List.of(constructor.getParameterTypes()), constructor, List.of());
                }
                List<Field> fields = new ArrayList<>();
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
                return new Target<>(type, fields.stream().map(Field::getName).toList(),
                        fields.stream().<Class<?>>map(Field::getType).toList(), constructor, fields);
            }
            catch (NoSuchMethodException | RuntimeException ex) {
                throw new InvalidDataAccessApiUsageException("cannot select into " + type.getName() + ": use a record, an "
                        + "interface of getters, or a class with one constructor (" + ex.getMessage() + ")", ex);
            }
        }

        private static <R> Constructor<R> canonical(Class<R> type) throws NoSuchMethodException {
            return type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        }

        /** The selections in component order; each component filled exactly once. */
        List<Selection> order(List<Selection> selections, ProjectionQuery<?> projection) {
            Map<String, Selection> byName = new LinkedHashMap<>();
            for (Selection selection : selections) {
                String name = selection.name();
                if (name == null || !this.names.contains(name)) {
                    throw new InvalidDataAccessApiUsageException("select " + selection + " fills no component of "
                            + this.type.getSimpleName() + " " + this.names + ": name it with .as(component)");
                }
                if (byName.put(name, selection) != null) {
                    throw new InvalidDataAccessApiUsageException("select fills :" + name + " of "
                            + this.type.getSimpleName() + " twice: " + projection);
                }
            }
            Set<String> missing = new HashSet<>(this.names);
            missing.removeAll(byName.keySet());
            if (!missing.isEmpty()) {
                throw new InvalidDataAccessApiUsageException("select leaves " + this.names.stream().filter(missing::contains)
                        .toList() + " of " + this.type.getSimpleName() + " unfilled: select a value for each component");
            }
            return this.names.stream().map(byName::get).toList();
        }

        R create(@Nullable Object[] values) {
            try {
                for (int i = 0; i < values.length; i++) {
                    values[i] = convert(values[i], this.types.get(i), this.names.get(i));
                }
                if (this.constructor == null) {
                    Map<String, Object> byName = new HashMap<>();
                    for (int i = 0; i < values.length; i++) {
                        byName.put(this.names.get(i), values[i]);
                    }
                    return INTERFACES.createProjection(this.type, byName);
                }
                if (this.fields.isEmpty()) {
                    return this.constructor.newInstance(values);
                }
                R instance = this.constructor.newInstance();
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null || !this.types.get(i).isPrimitive()) {
                        this.fields.get(i).set(instance, values[i]);
                    }
                }
                return instance;
            }
            catch (ReflectiveOperationException ex) {
                throw new InvalidDataAccessApiUsageException("cannot create " + this.type.getName() + ": " + ex.getMessage(), ex);
            }
        }

        /** Whether the number is already of the component's type, its wrapper for a primitive (no boxing twice). */
        private static boolean fits(Number number, Class<?> to) {
            if (!to.isPrimitive()) {
                return to.isInstance(number);
            }
            return to == long.class ? number instanceof Long : to == int.class ? number instanceof Integer
                    : to == double.class ? number instanceof Double : to == float.class ? number instanceof Float
                            : to == short.class ? number instanceof Short : number instanceof Byte;
        }

        private @Nullable Object convert(@Nullable Object value, Class<?> to, String name) {
            if (value == null) {
                if (to.isPrimitive() && this.constructor != null && this.fields.isEmpty()) {
                    throw new InvalidDataAccessApiUsageException(":" + name + " of " + this.type.getSimpleName()
                            + " is a primitive but its value is NULL: declare it with a wrapper type");
                }
                return null;
            }
            if (!(value instanceof Number number) || fits(number, to)) {
                return value;
            }
            if (to == long.class || to == Long.class) {
                return number.longValue();
            }
            if (to == int.class || to == Integer.class) {
                return Math.toIntExact(number.longValue());
            }
            if (to == double.class || to == Double.class) {
                return number.doubleValue();
            }
            if (to == BigDecimal.class) {
                return new BigDecimal(number.toString());
            }
            return value;
        }
    }
}
