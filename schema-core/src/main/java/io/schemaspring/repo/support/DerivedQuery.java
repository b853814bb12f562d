package io.schemaspring.repo.support;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.Query;
import io.schemaspring.repo.Query.Op;
import io.schemaspring.repo.RepositoryDefinitionException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * A derived query method's {@link PartTree} translated, once at start-up, into criteria on the
 * starter's {@link Query}; each call binds its arguments. Property names are checked against the
 * schema's fields here, so a typo stops start-up naming interface, method and property.
 */
final class DerivedQuery<T> {

    /** One predicate of the method name, applied with its arguments. */
    @FunctionalInterface
    interface Criterion<T> {
        Query<T> apply(Query<T> query, Iterator<Object> arguments);
    }

    private final PartTree tree;
    private final Criterion<T> where;
    private final Target target;

    private DerivedQuery(PartTree tree, Criterion<T> where, Target target) {
        this.tree = tree;
        this.where = where;
        this.target = target;
    }

    /** Where an error is reported: the interface and method being derived, the schema queried. */
    record Target(Class<?> repositoryInterface, Method method, SchemaMetadata schema) {

        RepositoryDefinitionException error(@Nullable String property, String reason, String fix) {
            return new RepositoryDefinitionException(this.repositoryInterface, this.method, property, reason, fix);
        }

        String schemaName() {
            return this.schema.schemaClass().getSimpleName();
        }
    }

    static <T> DerivedQuery<T> of(PartTree tree, Target target) {
        List<Criterion<T>> alternatives = new ArrayList<>();
        for (PartTree.OrPart orPart : tree) {
            List<Criterion<T>> conjunction = new ArrayList<>();
            for (Part part : orPart) {
                conjunction.add(criterion(part, target));
            }
            alternatives.add(and(conjunction));
        }
        for (Sort.Order order : tree.getSort()) {
            field(order.getProperty(), target);
        }
        Criterion<T> where = alternatives.isEmpty() ? (query, arguments) -> query
                : alternatives.size() == 1 ? alternatives.get(0) : or(alternatives, tree, target);
        return new DerivedQuery<>(tree, where, target);
    }

    /** The filters of the method name with these arguments, then its {@code OrderBy} and {@code First}/{@code Top}. */
    Query<T> apply(Query<T> base, Iterator<Object> arguments) {
        Query<T> query = this.where.apply(base, arguments).orderBy(this.tree.getSort());
        return this.tree.isLimiting() ? query.limit(this.tree.getMaxResults()) : query;
    }

    /** The filters only: what {@code count}, {@code exists} and {@code delete} subjects use. */
    Query<T> filters(Query<T> base, Iterator<Object> arguments) {
        return this.where.apply(base, arguments);
    }

    PartTree tree() {
        return this.tree;
    }

    private static <T> Criterion<T> and(List<Criterion<T>> criteria) {
        return (query, arguments) -> {
            Query<T> result = query;
            for (Criterion<T> criterion : criteria) {
                result = criterion.apply(result, arguments);
            }
            return result;
        };
    }

    /** {@code findByTitleOrAuthor}: needs {@code Query.orWhere} and {@code Expr}, not in this query layer. */
    private static <T> Criterion<T> or(List<Criterion<T>> alternatives, PartTree tree, Target target) {
        throw target.error(null, "the keyword Or needs Query.orWhere, which this version of the query layer does not offer",
                "split it into one derived method per alternative, or declare it as a default method or an @SqlQuery method");
    }

    /** {@code findByTitleIgnoreCase}: needs {@code Op.ILIKE}, not in this query layer. */
    private static <T> Criterion<T> ignoringCase(Part part, String field, Target target) {
        throw target.error(field, "IgnoreCase needs Op.ILIKE, which this version of the query layer does not offer",
                "compare case as stored, or declare it as a default method or an @SqlQuery method using lower(...)");
    }

    private static <T> Criterion<T> criterion(Part part, Target target) {
        String field = field(part.getProperty(), target);
        if (part.shouldIgnoreCase() == Part.IgnoreCaseType.ALWAYS || (part.shouldIgnoreCase()
                == Part.IgnoreCaseType.WHEN_POSSIBLE && part.getProperty().getType() == String.class)) {
            return ignoringCase(part, field, target);
        }
        return switch (part.getType()) {
            case SIMPLE_PROPERTY -> (query, arguments) -> {
                Object value = arguments.next();
                return value == null ? query.whereNull(field) : query.where(field, value);
            };
            case NEGATING_SIMPLE_PROPERTY -> (query, arguments) -> {
                Object value = arguments.next();
                return value == null ? query.whereNotNull(field) : query.where(field, Op.NOT_EQ, value);
            };
            case LESS_THAN, BEFORE -> compare(field, Op.LT);
            case LESS_THAN_EQUAL -> compare(field, Op.LTE);
            case GREATER_THAN, AFTER -> compare(field, Op.GT);
            case GREATER_THAN_EQUAL -> compare(field, Op.GTE);
            case BETWEEN -> (query, arguments) -> query.where(field, Op.GTE, arguments.next())
                    .where(field, Op.LTE, arguments.next());
            case IS_NULL -> (query, arguments) -> query.whereNull(field);
            case IS_NOT_NULL -> (query, arguments) -> query.whereNotNull(field);
            case IN -> (query, arguments) -> query.whereIn(field, values(arguments.next(), field));
            case NOT_IN -> (query, arguments) -> {
                Query<T> result = query;
                for (Object value : values(arguments.next(), field)) {
                    result = result.where(field, Op.NOT_EQ, value);
                }
                return result;
            };
            case TRUE -> (query, arguments) -> query.where(field, true);
            case FALSE -> (query, arguments) -> query.where(field, false);
            case LIKE -> (query, arguments) -> query.where(field, Op.LIKE, arguments.next());
            case STARTING_WITH -> like(field, "", "%");
            case ENDING_WITH -> like(field, "%", "");
            case CONTAINING -> like(field, "%", "%");
            default -> throw target.error(field, "the keyword " + keyword(part) + " has no translation into Query",
                    "use Is, Not, In, NotIn, IsNull, IsNotNull, LessThan(Equal), GreaterThan(Equal), Between, Before, "
                            + "After, Like, StartingWith, EndingWith, Containing, True or False, or declare it as a "
                            + "default method or an @SqlQuery method");
        };
    }

    private static <T> Criterion<T> compare(String field, Op op) {
        return (query, arguments) -> query.where(field, op, arguments.next());
    }

    /** StartingWith, EndingWith, Containing: the argument's own {@code %}, {@code _} and {@code \} match literally. */
    private static <T> Criterion<T> like(String field, String before, String after) {
        return (query, arguments) -> query.where(field, Op.LIKE, before + escape(String.valueOf(arguments.next())) + after);
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Collection<?> values(@Nullable Object argument, String field) {
        if (argument instanceof Collection<?> collection) {
            return collection;
        }
        if (argument instanceof Object[] array) {
            return List.of(array);
        }
        throw new IllegalArgumentException("In/NotIn on :" + field + " takes a collection or an array, got " + argument);
    }

    private static String keyword(Part part) {
        return part.getType().getKeywords().stream().min(java.util.Comparator.comparingInt(String::length))
                .orElse(part.getType().name());
    }

    /** The schema field a property path names: a persisted field, not a path through an association. */
    private static String field(PropertyPath path, Target target) {
        if (path.hasNext()) {
            throw target.error(path.toDotPath(), "the property goes through the association :" + path.getSegment()
                    + ", and derived queries do not join",
                    "query by the foreign key (for example findBy" + capitalize(path.getSegment()) + "Id), or declare it as a "
                            + "default method or an @SqlQuery method");
        }
        return field(path.getSegment(), target);
    }

    private static String field(String name, Target target) {
        if (target.schema().field(name) == null || target.schema().fieldSource(name) == null) {
            String what = target.schema().associations().contains(name) ? "is an association, not a column"
                    : "is not a field of " + target.schemaName();
            throw target.error(name, ":" + name + " " + what + " (its fields are " + target.schema().fields() + ")",
                    "name one of those fields in the method name, or declare it as a default method or an @SqlQuery method");
        }
        return name;
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
