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
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Turns a computed {@link Value} into SQL as the dialect spells it: a fragment whose
 * columns are rendered in place and whose values are bound, in the order of the text.
 */
final class ValueCompiler {

    /** Where an argument (a column or a bound value) stands in a piece's text. */
    private static final char MARK = '\u0001';

    /** A column, or a value to bind. */
    private record Argument(@Nullable Column column, @Nullable Object value) {
    }

    /** SQL text with a {@link #MARK} for each argument, in order. */
    private record Piece(String text, List<Argument> arguments) {
    }

    /** A whole number of units, as every database adds them. */
    private record Interval(long amount, Value.Unit unit) {
    }

    private final Dialect dialect;

    ValueCompiler(Dialect dialect) {
        this.dialect = dialect;
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
        List<Optional<Column>> columns = new ArrayList<>();
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
                columns.add(Optional.of(argument.column()));
            }
            else {
                parameters.addPlain(argument.value());
                columns.add(Optional.empty());
            }
        }
        parts.add(part.toString());
        return new Condition.Fragment(parts, columns);
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
