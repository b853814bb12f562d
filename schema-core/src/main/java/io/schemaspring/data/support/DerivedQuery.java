package io.schemaspring.data.support;

import io.schemaspring.metadata.AssociationKind;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.Cardinality;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.query.Query.Op;
import io.schemaspring.data.RepositoryDefinitionException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * A derived query method's {@link PartTree} translated, once at start-up, into an
 * {@link Expr} of the starter's {@link Query} (Or parts as {@code Expr.or}, And parts as
 * {@code Expr.and}); each call binds its arguments. A property through a belongs_to or
 * has_one association ({@code findByAuthorName}) joins it; one through a has_many or
 * many_to_many association ({@code findByCommentsBody}) filters the rows whose primary
 * key a joined subquery selects, so that each struct is answered once. Property names are
 * checked against the schemas here, so a typo stops start-up naming interface, method and
 * property.
 */
final class DerivedQuery<T> {

    /** One predicate of the method name: the condition its arguments make. */
    @FunctionalInterface
    interface Criterion {

        Expr apply(Iterator<Object> arguments);

    }

    private final PartTree tree;

    private final List<List<Criterion>> alternatives;

    private final Set<String> joins;

    private final Target target;

    /**
     * The primary key a subquery selects when a property goes through a has_many or
     * many_to_many association; {@code null} when every join answers one row.
     */
    private final @Nullable String manyKey;

    /**
     * The joined paths with many rows per struct, left-joined in the subquery so that an
     * Or part on the struct's own fields still matches a struct without any.
     */
    private final Set<String> manyJoins;

    /**
     * The joins the method's {@code OrderBy} needs; beside a has_many subquery they are
     * left-joined on the outer query, else they are among {@code joins}.
     */
    private final Set<String> sortJoins;

    private DerivedQuery(PartTree tree, List<List<Criterion>> alternatives, Set<String> joins, Target target,
            @Nullable String manyKey, Set<String> manyJoins, Set<String> sortJoins) {
        this.tree = tree;
        this.alternatives = alternatives;
        this.joins = joins;
        this.target = target;
        this.manyKey = manyKey;
        this.manyJoins = manyJoins;
        this.sortJoins = sortJoins;
    }

    /**
     * Where an error is reported: the interface and method being derived, the schema
     * queried.
     */
    record Target(Class<?> repositoryInterface, Method method, SchemaMetadata schema) {

        RepositoryDefinitionException error(@Nullable String property, String reason, String fix) {
            return new RepositoryDefinitionException(this.repositoryInterface, this.method, property, reason, fix);
        }

        String schemaName() {
            return this.schema.schemaClass().getSimpleName();
        }
    }

    static <T> DerivedQuery<T> of(PartTree tree, Target target) {
        Set<String> joins = new LinkedHashSet<>();
        Set<String> manyJoins = new LinkedHashSet<>();
        List<List<Criterion>> alternatives = new ArrayList<>();
        for (PartTree.OrPart orPart : tree) {
            List<Criterion> conjunction = new ArrayList<>();
            for (Part part : orPart) {
                conjunction.add(criterion(part, field(part.getProperty(), target, joins, manyJoins), target));
            }
            alternatives.add(conjunction);
        }
        Set<String> sortJoins = new LinkedHashSet<>();
        for (Sort.Order order : tree.getSort()) {
            field(PropertyPath.from(order.getProperty(), target.schema().schemaClass()), target, sortJoins, null);
        }
        String manyKey = null;
        if (!manyJoins.isEmpty()) {
            List<String> key = target.schema().primaryKey();
            if (key.size() != 1) {
                throw target.error(manyJoins.iterator().next(),
                        "a property through a has_many or many_to_many association filters by primary key, and "
                                + target.schemaName() + " has " + key,
                        "declare a default method with Query.join, or an @SqlQuery method");
            }
            manyKey = key.get(0);
        }
        else {
            joins.addAll(sortJoins);
        }
        return new DerivedQuery<>(tree, alternatives, joins, target, manyKey, manyJoins, sortJoins);
    }

    /**
     * The filters of the method name with these arguments, then its {@code OrderBy} and
     * {@code First}/{@code Top}.
     */
    Query<T> apply(Query<T> base, Iterator<Object> arguments) {
        Query<T> query = filters(base, arguments);
        if (this.manyKey != null) {
            for (String join : this.sortJoins) {
                query = query.leftJoin(join);
            }
        }
        // The method name's order is the code's, not a client's Sort: an error in it is
        // no bad request.
        for (Sort.Order order : this.tree.getSort()) {
            query = query.orderBy(
                    PropertyPath.from(order.getProperty(), this.target.schema().schemaClass()).toDotPath(),
                    order.isAscending() ? Query.Direction.ASC : Query.Direction.DESC);
        }
        return this.tree.isLimiting() ? query.limit(this.tree.getMaxResults()) : query;
    }

    /**
     * The joins and filters only: what {@code count}, {@code exists} and {@code delete}
     * subjects use.
     */
    Query<T> filters(Query<T> base, Iterator<Object> arguments) {
        if (this.manyKey != null) {
            Query<T> rows = criteria(Query.from(base.schema()), arguments);
            return base.where(Expr.in(this.manyKey, rows, this.manyKey));
        }
        return criteria(base, arguments);
    }

    private Query<T> criteria(Query<T> base, Iterator<Object> arguments) {
        Query<T> query = base;
        for (String join : this.joins) {
            query = this.manyJoins.contains(join) ? query.leftJoin(join) : query.join(join);
        }
        List<Expr> alternatives = new ArrayList<>();
        for (List<Criterion> conjunction : this.alternatives) {
            List<Expr> parts = new ArrayList<>();
            for (Criterion criterion : conjunction) {
                parts.add(criterion.apply(arguments));
            }
            alternatives.add(parts.size() == 1 ? parts.get(0) : Expr.and(parts.toArray(Expr[]::new)));
        }
        if (alternatives.isEmpty()) {
            return query;
        }
        return query.where(alternatives.size() == 1 ? alternatives.get(0) : Expr.or(alternatives.toArray(Expr[]::new)));
    }

    PartTree tree() {
        return this.tree;
    }

    private static Criterion criterion(Part part, String field, Target target) {
        boolean text = part.getProperty().getLeafProperty().getType() == String.class;
        if (part.shouldIgnoreCase() == Part.IgnoreCaseType.ALWAYS && !text) {
            throw target.error(field, "IgnoreCase compares text, and :" + field + " is not a String",
                    "remove IgnoreCase for this property (AllIgnoreCase applies only to String properties)");
        }
        if (part.shouldIgnoreCase() != Part.IgnoreCaseType.NEVER && text) {
            return ignoringCase(part, field, target);
        }
        return switch (part.getType()) {
            case SIMPLE_PROPERTY -> arguments -> {
                Object value = arguments.next();
                return value == null ? Expr.isNull(field) : Expr.eq(field, value);
            };
            case NEGATING_SIMPLE_PROPERTY -> arguments -> {
                Object value = arguments.next();
                return value == null ? Expr.isNotNull(field) : Expr.compare(field, Op.NOT_EQ, value);
            };
            case LESS_THAN, BEFORE -> compare(field, Op.LT);
            case LESS_THAN_EQUAL -> compare(field, Op.LTE);
            case GREATER_THAN, AFTER -> compare(field, Op.GT);
            case GREATER_THAN_EQUAL -> compare(field, Op.GTE);
            case BETWEEN -> arguments -> Expr.and(Expr.compare(field, Op.GTE, arguments.next()),
                    Expr.compare(field, Op.LTE, arguments.next()));
            case IS_NULL -> arguments -> Expr.isNull(field);
            case IS_NOT_NULL -> arguments -> Expr.isNotNull(field);
            case IN -> arguments -> Expr.in(field, values(arguments.next(), field));
            case NOT_IN -> arguments -> Expr.not(Expr.in(field, values(arguments.next(), field)));
            case TRUE -> arguments -> Expr.eq(field, true);
            case FALSE -> arguments -> Expr.eq(field, false);
            case LIKE -> arguments -> Expr.compare(field, Op.LIKE, arguments.next());
            case NOT_LIKE -> arguments -> Expr.not(Expr.compare(field, Op.LIKE, arguments.next()));
            case STARTING_WITH -> like(field, Op.LIKE, "", "%");
            case ENDING_WITH -> like(field, Op.LIKE, "%", "");
            case CONTAINING -> like(field, Op.LIKE, "%", "%");
            case NOT_CONTAINING -> {
                Criterion containing = like(field, Op.LIKE, "%", "%");
                yield arguments -> Expr.not(containing.apply(arguments));
            }
            default -> throw target.error(field, "the keyword " + keyword(part) + " has no translation into Query",
                    "use Is, Not, In, NotIn, IsNull, IsNotNull, LessThan(Equal), GreaterThan(Equal), Between, Before, "
                            + "After, Like, NotLike, StartingWith, EndingWith, Containing, NotContaining, True or False "
                            + "(each with IgnoreCase where it compares text), or declare it as a default method or an "
                            + "@SqlQuery method");
        };
    }

    /**
     * {@code IgnoreCase}: ILIKE (the dialect's case-insensitive LIKE) with the argument's
     * wildcards escaped.
     */
    private static Criterion ignoringCase(Part part, String field, Target target) {
        return switch (part.getType()) {
            case SIMPLE_PROPERTY -> like(field, Op.ILIKE, "", "");
            case NEGATING_SIMPLE_PROPERTY -> {
                Criterion equal = like(field, Op.ILIKE, "", "");
                yield arguments -> Expr.not(equal.apply(arguments));
            }
            case LIKE -> arguments -> Expr.compare(field, Op.ILIKE, arguments.next());
            case NOT_LIKE -> arguments -> Expr.not(Expr.compare(field, Op.ILIKE, arguments.next()));
            case STARTING_WITH -> like(field, Op.ILIKE, "", "%");
            case ENDING_WITH -> like(field, Op.ILIKE, "%", "");
            case CONTAINING -> like(field, Op.ILIKE, "%", "%");
            case NOT_CONTAINING -> {
                Criterion containing = like(field, Op.ILIKE, "%", "%");
                yield arguments -> Expr.not(containing.apply(arguments));
            }
            default -> throw target.error(field, "IgnoreCase does not apply to " + keyword(part),
                    "use IgnoreCase with Is, Not, Like, NotLike, StartingWith, EndingWith, Containing or NotContaining");
        };
    }

    private static Criterion compare(String field, Op op) {
        return arguments -> Expr.compare(field, op, arguments.next());
    }

    /** The argument's own {@code %}, {@code _} and {@code \} match literally. */
    private static Criterion like(String field, Op op, String before, String after) {
        return arguments -> {
            Object value = arguments.next();
            return value == null ? Expr.isNull(field)
                    : Expr.compare(field, op, before + escape(value.toString()) + after);
        };
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
        throw new IllegalArgumentException("In/NotIn on :" + field + " takes a collection or an array, got "
                + (argument == null ? "null" : "a " + argument.getClass().getName()));
    }

    private static String keyword(Part part) {
        return part.getType()
            .getKeywords()
            .stream()
            .min(java.util.Comparator.comparingInt(String::length))
            .orElse(part.getType().name());
    }

    /**
     * The field a property path names: a persisted field of the schema, or of a schema
     * reached through associations ({@code author.name}), whose path is added to
     * {@code joins}; {@code manyJoins} collects the paths with many rows per struct, and
     * is {@code null} where they are refused (ordering).
     */
    private static String field(PropertyPath path, Target target, Set<String> joins, @Nullable Set<String> manyJoins) {
        SchemaMetadata schema = target.schema();
        StringBuilder joined = new StringBuilder();
        PropertyPath step = path;
        while (step.hasNext()) {
            AssociationMetadata association = schema.association(step.getSegment());
            if (association == null || association.kind() == AssociationKind.THROUGH) {
                throw target.error(path.toDotPath(),
                        ":" + step.getSegment() + " of " + schema.schemaClass().getSimpleName()
                                + (association == null ? " is not an association" : " is a through association"),
                        "derive through belongs_to, has_one, has_many and many_to_many associations; for a through "
                                + "association, name its path step by step or declare a default method with Query.join");
            }
            if (association.cardinality() != Cardinality.ONE) {
                if (manyJoins == null) {
                    throw target.error(path.toDotPath(),
                            ":" + step.getSegment() + " of " + schema.schemaClass().getSimpleName()
                                    + " has many rows per struct, so it cannot order them",
                            "order by fields of the schema, or of its belongs_to and has_one associations");
                }
            }
            joined.append(joined.length() == 0 ? "" : ".").append(step.getSegment());
            joins.add(joined.toString());
            if (association.cardinality() != Cardinality.ONE) {
                manyJoins.add(joined.toString());
            }
            schema = schema.registry().get(association.related());
            step = step.next();
        }
        field(step.getSegment(), schema, target);
        return joined.length() == 0 ? step.getSegment() : joined + "." + step.getSegment();
    }

    private static void field(String name, SchemaMetadata schema, Target target) {
        if (schema.field(name) == null || schema.fieldSource(name) == null) {
            String what = schema.associations().contains(name) ? "is an association, not a column"
                    : "is not a field of " + schema.schemaClass().getSimpleName();
            throw target.error(name, ":" + name + " " + what + " (" + schema.describeFields() + ")",
                    "name one of those fields in the method name, or declare it as a default method or an @SqlQuery method");
        }
    }

}
