package io.schemaspring.repo;

import io.schemaspring.query.Query;
import io.schemaspring.query.Value;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.Condition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Turns a computed {@link Value} into SQL as the dialect spells it: a fragment whose
 * columns are rendered in place and whose values are bound, in the order of the text.
 */
final class ValueCompiler {

    /** Where an argument (a column or a bound value) stands in a piece's text. */
    private static final char MARK = '\u0001';

    /**
     * A column, a value to bind, or a condition with the values it binds.
     */
    private record Argument(@Nullable Column column, @Nullable Object value, @Nullable Condition condition,
            @Nullable Parameters conditionParameters) {

        Argument(@Nullable Column column, @Nullable Object value) {
            this(column, value, null, null);
        }

    }

    /** SQL text with a {@link #MARK} for each argument, in order. */
    private record Piece(String text, List<Argument> arguments) {
    }

    /** A whole number of units, as every database adds them. */
    private record Interval(long amount, Value.Unit unit) {
    }

    private final Dialect dialect;

    private final ConditionCompiler conditions;

    ValueCompiler(Dialect dialect, ConditionCompiler conditions) {
        this.dialect = dialect;
        this.conditions = conditions;
    }

    /** The value as a fragment, its bound values added to {@code parameters}. */
    Condition value(Value value, QueryFields fields, Parameters parameters) {
        return fragment(piece(value, fields), parameters);
    }

    /**
     * {@code left op right}: {@code left} a field name or a {@link Value}, {@code right}
     * a {@link Value} or a value to bind.
     */
    Condition compare(Object left, Query.Op op, Object right, QueryFields fields, Parameters parameters) {
        if (op == Query.Op.ILIKE) {
            throw new InvalidDataAccessApiUsageException(
                    "ilike compares a field with a pattern value, not with " + right);
        }
        Piece leftPiece = left instanceof String field ? column(fields.resolve(field).column())
                : piece((Value) left, fields);
        Piece rightPiece = right instanceof Value value ? piece(value, fields)
                : new Piece(String.valueOf(MARK), List.of(new Argument(null, right)));
        List<Argument> arguments = new ArrayList<>(leftPiece.arguments());
        arguments.addAll(rightPiece.arguments());
        return fragment(new Piece(
                leftPiece.text() + " " + Condition.Operator.valueOf(op.name()).sql() + " " + rightPiece.text(),
                arguments), parameters);
    }

    /**
     * Ecto's {@code push}/{@code pull}: the array column with the element appended or
     * removed, as the dialect spells it; refused where it has no such function.
     */
    Condition arrayChange(Column column, boolean push, Object element, Parameters parameters) {
        String template = this.dialect.arrayChange(String.valueOf(MARK), push);
        if (template == null) {
            throw new InvalidDataAccessApiUsageException(
                    this.dialect.name() + " cannot " + (push ? "push to" : "pull from")
                            + " an array in place: read the rows, change their lists and update them");
        }
        return fragment(marked(template, List.of(new Argument(column, null), new Argument(null, element))), parameters);
    }

    /** The fields a value reads (not those of a conditional's condition). */
    static List<String> fieldsRead(Value value) {
        List<String> fields = new ArrayList<>();
        if (value instanceof Value.Field field) {
            fields.add(field.name());
        }
        else if (value instanceof Value.Arithmetic arithmetic) {
            fields.addAll(fieldsRead(arithmetic.left()));
            fields.addAll(fieldsRead(arithmetic.right()));
        }
        else if (value instanceof Value.Cast cast) {
            fields.addAll(fieldsRead(cast.value()));
        }
        else if (value instanceof Value.Coalesce coalesce) {
            coalesce.values().forEach(each -> fields.addAll(fieldsRead(each)));
        }
        else if (value instanceof Value.IntervalAdd add) {
            fields.addAll(fieldsRead(add.base()));
        }
        else if (value instanceof Value.When when) {
            fields.addAll(fieldsRead(when.then()));
            fields.addAll(fieldsRead(when.otherwise()));
        }
        else if (value instanceof Value.JsonPath json) {
            fields.add(json.field());
        }
        return fields;
    }

    private Piece piece(Value value, QueryFields fields) {
        if (value instanceof Value.Field field) {
            return column(fields.resolve(field.name()).column());
        }
        if (value instanceof Value.Bound bound) {
            return new Piece(String.valueOf(MARK), List.of(new Argument(null, bound.value())));
        }
        if (value instanceof Value.Now) {
            return new Piece(this.dialect.utcNow(), List.of());
        }
        if (value instanceof Value.Coalesce coalesce) {
            List<String> texts = new ArrayList<>();
            List<Argument> arguments = new ArrayList<>();
            for (Value each : coalesce.values()) {
                Piece piece = piece(each, fields);
                texts.add(piece.text());
                arguments.addAll(piece.arguments());
            }
            return new Piece("COALESCE(" + String.join(", ", texts) + ")", arguments);
        }
        if (value instanceof Value.Arithmetic arithmetic) {
            Piece left = piece(arithmetic.left(), fields);
            Piece right = piece(arithmetic.right(), fields);
            List<Argument> arguments = new ArrayList<>(left.arguments());
            arguments.addAll(right.arguments());
            return new Piece("(" + left.text() + " " + arithmetic.operator().sql() + " " + right.text() + ")",
                    arguments);
        }
        if (value instanceof Value.Cast cast) {
            Piece inner = piece(cast.value(), fields);
            return new Piece("CAST(" + inner.text() + " AS " + this.dialect.castType(cast.type()) + ")",
                    inner.arguments());
        }
        if (value instanceof Value.When when) {
            Parameters conditionParameters = new Parameters();
            Condition condition = this.conditions.compile(List.of(when.condition()), fields, null, conditionParameters);
            Piece then = piece(when.then(), fields);
            Piece otherwise = piece(when.otherwise(), fields);
            List<Argument> arguments = new ArrayList<>();
            arguments.add(new Argument(null, null, condition, conditionParameters));
            arguments.addAll(then.arguments());
            arguments.addAll(otherwise.arguments());
            return new Piece("CASE WHEN " + MARK + " THEN " + then.text() + " ELSE " + otherwise.text() + " END",
                    arguments);
        }
        if (value instanceof Value.JsonPath json) {
            String template = this.dialect.jsonPath(String.valueOf(MARK));
            if (template == null) {
                throw new InvalidDataAccessApiUsageException(this.dialect.name() + " has no JSON paths: read the "
                        + "field and take the value from its map or embed in Java");
            }
            return marked(template, List.of(new Argument(fields.resolve(json.field()).column(), null),
                    new Argument(null, this.dialect.jsonPathParameter(json.path()))));
        }
        Value.IntervalAdd add = (Value.IntervalAdd) value;
        Piece base = add.base() instanceof Value.Bound bound
                ? marked(this.dialect.temporalParameter(add.date()), List.of(new Argument(null, bound.value())))
                : piece(add.base(), fields);
        Interval interval = whole(add.amount(), add.unit());
        return marked(
                this.dialect.intervalAdd(base.text(), interval.unit().name().toLowerCase(Locale.ROOT), add.date()),
                base.arguments(), interval.amount());
    }

    /**
     * A dialect's text whose {@code ?} take, in order, the given arguments; with
     * {@code amount}, its marks take the base's arguments and its one {@code ?} the
     * amount.
     */
    private static Piece marked(String text, List<Argument> arguments, long... amount) {
        StringBuilder marked = new StringBuilder();
        List<Argument> ordered = new ArrayList<>();
        int next = 0;
        for (char c : text.toCharArray()) {
            if (c == '?') {
                ordered.add(amount.length > 0 ? new Argument(null, amount[0]) : arguments.get(next++));
                marked.append(MARK);
            }
            else if (c == MARK) {
                ordered.add(arguments.get(next++));
                marked.append(MARK);
            }
            else {
                marked.append(c);
            }
        }
        return new Piece(marked.toString(), ordered);
    }

    private static Piece column(Column column) {
        return new Piece(String.valueOf(MARK), List.of(new Argument(column, null)));
    }

    private static Condition fragment(Piece piece, Parameters parameters) {
        List<String> parts = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int next = 0;
        for (char c : piece.text().toCharArray()) {
            if (c != MARK) {
                part.append(c);
                continue;
            }
            parts.add(part.toString());
            part.setLength(0);
            Argument argument = piece.arguments().get(next++);
            if (argument.column() != null) {
                arguments.add(argument.column());
            }
            else if (argument.condition() != null) {
                arguments.add(argument.condition());
                parameters.addAll(argument.conditionParameters());
            }
            else {
                parameters.addPlain(argument.value());
                arguments.add(new Condition.Parameter());
            }
        }
        parts.add(part.toString());
        return new Condition.Computed(parts, arguments);
    }

    /**
     * The amount in the largest unit that makes it whole (1.5 days are 36 hours); a
     * fraction of a month, or of a microsecond, has no whole count and is refused.
     */
    private static Interval whole(Number amount, Value.Unit unit) {
        BigDecimal count = new BigDecimal(amount.toString());
        Value.Unit current = unit;
        while (count.stripTrailingZeros().scale() > 0) {
            switch (current) {
                case YEAR -> {
                    count = count.multiply(BigDecimal.valueOf(12));
                    current = Value.Unit.MONTH;
                }
                case WEEK -> {
                    count = count.multiply(BigDecimal.valueOf(7));
                    current = Value.Unit.DAY;
                }
                case DAY -> {
                    count = count.multiply(BigDecimal.valueOf(24));
                    current = Value.Unit.HOUR;
                }
                case HOUR, MINUTE -> {
                    count = count.multiply(BigDecimal.valueOf(60));
                    current = current == Value.Unit.HOUR ? Value.Unit.MINUTE : Value.Unit.SECOND;
                }
                case SECOND, MILLISECOND -> {
                    count = count.multiply(BigDecimal.valueOf(1000));
                    current = current == Value.Unit.SECOND ? Value.Unit.MILLISECOND : Value.Unit.MICROSECOND;
                }
                case MONTH,
                        MICROSECOND ->
                    throw new InvalidDataAccessApiUsageException("an interval of " + amount + " "
                            + unit.name().toLowerCase(Locale.ROOT) + "s has no whole count of "
                            + current.name().toLowerCase(Locale.ROOT) + "s: give a whole number");
            }
        }
        return new Interval(count.longValueExact(), current);
    }

}
