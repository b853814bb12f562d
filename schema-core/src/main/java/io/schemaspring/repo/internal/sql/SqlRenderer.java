package io.schemaspring.repo.internal.sql;

import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.LimitClause;
import io.schemaspring.repo.dialect.Upsert;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Renders statements to SQL text for one dialect. Every value is a {@code ?} parameter.
 */
public final class SqlRenderer {

    private final Dialect dialect;

    public SqlRenderer(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return this.dialect;
    }

    public String render(Select select) {
        if (select.with() != null) {
            return with(select.with()) + render(select.with(null));
        }
        if (select.projection() == Select.Projection.COUNT && select.distinct()) {
            return "SELECT COUNT(*) FROM ("
                    + render(
                            select.project(Select.Projection.COLUMNS).orderBy(List.of()).paged(false, false).lock(null))
                    + ") " + this.dialect.quote("distinct_rows");
        }
        boolean aggregate = switch (select.projection()) {
            case COUNT_COLUMN, SUM, AVG, MIN, MAX -> true;
            default -> false;
        };
        if (aggregate && (select.distinct() || select.limit() || select.offset())) {
            String function = select.projection() == Select.Projection.COUNT_COLUMN ? "COUNT"
                    : select.projection().name();
            return "SELECT " + function + "(" + this.dialect.quote(select.columns().get(0).name()) + ") FROM ("
                    + render(select.project(Select.Projection.COLUMNS)) + ") " + this.dialect.quote("aggregated_rows");
        }
        StringBuilder sql = new StringBuilder(select.distinct() ? "SELECT DISTINCT " : "SELECT ");
        switch (select.projection()) {
            case COUNT -> sql.append("COUNT(*)");
            case EXISTS, ONE -> sql.append('1');
            case COLUMNS -> sql.append(select.columns().stream().map(this::selected).collect(Collectors.joining(", ")));
            case COUNT_COLUMN -> sql.append("COUNT(").append(column(select.columns().get(0))).append(')');
            case SUM, AVG, MIN, MAX ->
                sql.append(select.projection().name()).append('(').append(column(select.columns().get(0))).append(')');
        }
        appendFrom(sql, select);
        where(sql, select.where());
        if (!select.orderBy().isEmpty()) {
            sql.append(" ORDER BY ")
                .append(select.orderBy()
                    .stream()
                    .map(term -> column(term.column()) + (term.descending() ? " DESC" : ""))
                    .collect(Collectors.joining(", ")));
        }
        LimitClause paging = this.dialect.limitClause();
        String clause = select.projection() == Select.Projection.EXISTS ? paging.firstRowOnly()
                : select.projection() != Select.Projection.COLUMNS && select.projection() != Select.Projection.COUNT
                        ? "" : paging.render(select.limit(), select.offset());
        if (!clause.isEmpty()) {
            sql.append(' ').append(clause);
        }
        if (select.lock() != null) {
            sql.append(' ').append(this.dialect.lockClause().render(select.lock()));
        }
        return sql.toString();
    }

    /**
     * Selects combined by set operators, each after the first in parentheses, then the
     * ordering and paging of the combined rows; a count or existence test wraps them as a
     * derived table.
     */
    public String render(CombinedSelect combined) {
        if (combined.with() != null) {
            return with(combined.with()) + render(new CombinedSelect(combined.members(), combined.operators(),
                    combined.orderBy(), combined.limit(), combined.offset(), combined.projection(), null));
        }
        StringBuilder sql = new StringBuilder(render(combined.members().get(0)));
        for (int i = 1; i < combined.members().size(); i++) {
            sql.append(' ')
                .append(combined.operators().get(i - 1))
                .append(" (")
                .append(render(combined.members().get(i)))
                .append(')');
        }
        LimitClause paging = this.dialect.limitClause();
        switch (combined.projection()) {
            case COUNT -> {
                return "SELECT COUNT(*) FROM (" + sql + ") " + this.dialect.quote("combined_rows");
            }
            case EXISTS -> {
                return "SELECT 1 FROM (" + sql + ") " + this.dialect.quote("combined_rows") + " "
                        + paging.firstRowOnly();
            }
            case COLUMNS -> {
            }
            default -> throw new IllegalArgumentException(
                    "a combined select projects columns, a count or " + "existence, not " + combined.projection());
        }
        if (!combined.orderBy().isEmpty()) {
            sql.append(" ORDER BY ")
                .append(combined.orderBy()
                    .stream()
                    .map(term -> column(term.column()) + (term.descending() ? " DESC" : ""))
                    .collect(Collectors.joining(", ")));
        }
        String clause = paging.render(combined.limit(), combined.offset());
        if (!clause.isEmpty()) {
            sql.append(' ').append(clause);
        }
        return sql.toString();
    }

    /**
     * One selected value: a column, an aggregate ({@code COUNT(*)} of every row) or a
     * window function, then its window.
     */
    private String item(ProjectedSelect.Item item) {
        if (item.expression() != null && item.function() == null) {
            return condition(item.expression(), false);
        }
        if (item.expression() != null) {
            return item.function() + "(" + condition(item.expression(), false) + ")";
        }
        if (item.function() == null) {
            return column(item.column());
        }
        String argument = item.column() == null ? (item.function().equals("COUNT") ? "*" : "")
                : (item.distinct() ? "DISTINCT " : "") + column(item.column())
                        + (item.function().equals("LAG") || item.function().equals("LEAD") ? ", " + item.offset() : "");
        String value = item.function() + "(" + argument + ")";
        if (item.filter() != null) {
            String condition = condition(item.filter(), false);
            value = this.dialect.supportsAggregateFilter() ? value + " FILTER (WHERE " + condition + ")"
                    : item.function() + "(" + (item.distinct() ? "DISTINCT " : "") + "CASE WHEN " + condition + " THEN "
                            + (item.column() == null ? "1" : column(item.column())) + " END)";
        }
        if (item.window() != null) {
            return value + " OVER " + this.dialect.quote(item.window());
        }
        return item.over() == null ? value : value + " OVER (" + window(item.over()) + ")";
    }

    /** {@code PARTITION BY ... ORDER BY ... frame}, empty for every row. */
    private String window(WindowSpec window) {
        List<String> parts = new java.util.ArrayList<>();
        if (!window.partitionBy().isEmpty()) {
            parts.add("PARTITION BY "
                    + window.partitionBy().stream().map(this::column).collect(Collectors.joining(", ")));
        }
        if (!window.orderBy().isEmpty()) {
            parts.add("ORDER BY " + window.orderBy()
                .stream()
                .map(term -> column(term.column()) + (term.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", ")));
        }
        if (window.frame() != null) {
            parts.add(condition(window.frame(), false));
        }
        return String.join(" ", parts);
    }

    /**
     * A projection: its items, then the base select's table, joins and condition, then
     * grouping, ordering and paging.
     */
    public String render(ProjectedSelect projected) {
        Select select = projected.base();
        StringBuilder sql = new StringBuilder(select.with() == null ? "" : with(select.with()))
            .append(select.distinct() ? "SELECT DISTINCT " : "SELECT ");
        sql.append(projected.items().stream().map(this::item).collect(Collectors.joining(", ")));
        appendFrom(sql, select);
        where(sql, select.where());
        if (!projected.groupBy().isEmpty()) {
            sql.append(" GROUP BY ")
                .append(projected.groupBy()
                    .stream()
                    .map(term -> condition(term, false))
                    .collect(Collectors.joining(", ")));
        }
        if (projected.having() != null) {
            sql.append(" HAVING ").append(condition(projected.having(), false));
        }
        if (!projected.windows().isEmpty()) {
            sql.append(" WINDOW ")
                .append(projected.windows()
                    .entrySet()
                    .stream()
                    .map(window -> this.dialect.quote(window.getKey()) + " AS (" + window(window.getValue()) + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (!projected.orderBy().isEmpty()) {
            sql.append(" ORDER BY ")
                .append(projected.orderBy()
                    .stream()
                    .map(order -> (order.column() == null ? String.valueOf(order.position()) : column(order.column()))
                            + (order.descending() ? " DESC" : ""))
                    .collect(Collectors.joining(", ")));
        }
        String clause = this.dialect.limitClause().render(select.limit(), select.offset());
        if (!clause.isEmpty()) {
            sql.append(' ').append(clause);
        }
        return sql.toString();
    }

    /** {@code WITH [RECURSIVE] name (columns) AS (select), ... }, before a select. */
    private String with(With with) {
        StringBuilder sql = new StringBuilder(with.recursive() ? "WITH RECURSIVE " : "WITH ");
        for (int i = 0; i < with.ctes().size(); i++) {
            With.Cte cte = with.ctes().get(i);
            sql.append(i == 0 ? "" : ", ")
                .append(this.dialect.quote(cte.name()))
                .append(" (")
                .append(columns(cte.columns()))
                .append(") AS (")
                .append(cte.body() instanceof Select select ? render(select) : render((CombinedSelect) cte.body()))
                .append(')');
        }
        return sql.append(' ').toString();
    }

    private void appendFrom(StringBuilder sql, Select select) {
        sql.append(" FROM ").append(table(select.from()));
        for (Join join : select.joins()) {
            sql.append(' ').append(join.kind().sql()).append(' ').append(table(join.table()));
            if (join.left() != null && join.right() != null) {
                sql.append(" ON ").append(column(join.left())).append(" = ").append(column(join.right()));
                if (join.on() != null) {
                    sql.append(" AND ").append(condition(join.on(), true));
                }
            }
            else if (join.on() != null) {
                sql.append(" ON ").append(condition(join.on(), false));
            }
            else if (join.kind() != Join.Kind.CROSS && join.kind() != Join.Kind.CROSS_LATERAL) {
                sql.append(" ON 1 = 1");
            }
        }
    }

    /**
     * {@code INSERT INTO table (columns) SELECT ...}: the rows a rendered select answers,
     * its values in the order of the columns.
     */
    public String renderInsertSelect(Table table, List<String> columns, String select) {
        return "INSERT INTO " + table(table) + " (" + columns(columns) + ") " + select;
    }

    public String render(Insert insert) {
        if (insert.columns().isEmpty()) {
            return withReturning("INSERT INTO " + table(insert.table()) + " " + this.dialect.defaultValues(),
                    insert.returning(), this.dialect.readBack().insertReturning());
        }
        String dml = "INSERT INTO " + table(insert.table()) + " (" + columns(insert.columns()) + ") VALUES ("
                + insert.columns()
                    .stream()
                    .map(column -> parameter(column, insert.jsonColumns()))
                    .collect(Collectors.joining(", "))
                + ")";
        return withReturning(dml, insert.returning(), this.dialect.readBack().insertReturning());
    }

    public String render(Update update) {
        StringBuilder dml = new StringBuilder("UPDATE ").append(table(update.table()))
            .append(" SET ")
            .append(update.columns()
                .stream()
                .map(column -> this.dialect.quote(column) + " = " + parameter(column, update.jsonColumns()))
                .collect(Collectors.joining(", ")));
        where(dml, update.where());
        return withReturning(dml.toString(), update.returning(), this.dialect.readBack().updateReturning());
    }

    /**
     * The insert, or on a conflict over {@code conflictColumns} an update of
     * {@code updateColumns} (none: the existing row stays), as the dialect spells it.
     * Upserts read nothing back.
     */
    public String renderUpsert(Insert insert, List<String> conflictColumns, List<String> updateColumns) {
        return renderUpsert(insert, conflictColumns, ConflictUpdate.replacing(updateColumns), List.of());
    }

    /**
     * The insert, or on a conflict over {@code conflictColumns} (else, where the dialect
     * must name them, on any of {@code anyKeys}) the {@code update} of the existing row,
     * as the dialect spells it.
     */
    public String renderUpsert(Insert insert, List<String> conflictColumns, ConflictUpdate update,
            List<List<String>> anyKeys) {
        return this.dialect.upserts().upsert(upsert(insert, conflictColumns, update, anyKeys));
    }

    /** The upsert of each row of an {@code insertAll} batch, as the dialect spells it. */
    public String renderUpsertAll(Insert insert, List<String> conflictColumns, ConflictUpdate update,
            List<List<String>> anyKeys) {
        return this.dialect.upserts().upsertAll(upsert(insert, conflictColumns, update, anyKeys));
    }

    private Upsert upsert(Insert insert, List<String> conflictColumns, ConflictUpdate update,
            List<List<String>> anyKeys) {
        List<Upsert.Assignment> assignments = new java.util.ArrayList<>();
        update.sets()
            .forEach(column -> assignments.add(
                    new Upsert.Assignment(this.dialect.quote(column), parameter(column, update.jsonColumns()), false)));
        update.incs().forEach(column -> assignments.add(new Upsert.Assignment(this.dialect.quote(column), "?", true)));
        return new Upsert(table(insert.table()), quoted(insert.columns()),
                insert.columns().stream().map(column -> parameter(column, insert.jsonColumns())).toList(),
                quoted(conflictColumns), quoted(update.replaced()), anyKeys.stream().map(this::quoted).toList(),
                assignments, update.where() == null ? null : condition(update.where(), false));
    }

    /**
     * A bulk UPDATE or DELETE that answers these columns of every row it changed or
     * removed, as the dialect spells it; refused where the database cannot.
     * @param dml the rendered UPDATE or DELETE
     * @param columns the unquoted columns to answer
     * @param delete whether {@code dml} is a DELETE
     * @param action the repository call, named in the refusal
     */
    public String renderReturning(String dml, List<String> columns, boolean delete, String action) {
        String sql = this.dialect.readBack().bulkReturning(dml, columns(columns), delete);
        if (sql == null) {
            throw new InvalidDataAccessApiUsageException(this.dialect.name() + " cannot answer the rows of " + action
                    + ": it has no " + (delete ? "DELETE" : "UPDATE") + " ... RETURNING; read the rows with "
                    + "repo.all(query.lock(Lock.FOR_UPDATE)) in a transaction, then write them");
        }
        return sql;
    }

    /**
     * A fragment's text with each escaped question mark ({@code \\?}) spelled the way the
     * dialect's driver takes a literal one.
     */
    private String literal(String part) {
        if (part.indexOf(Condition.LITERAL_QUESTION_MARK) < 0) {
            return part;
        }
        String literal = this.dialect.binding().literalQuestionMark();
        if (literal == null) {
            throw new InvalidDataAccessApiUsageException(this.dialect.name() + " cannot take the literal ? of the "
                    + "fragment text \"" + part.replace(Condition.LITERAL_QUESTION_MARK, '?')
                    + "\": its JDBC driver reads every ? outside a " + "string literal as a parameter");
        }
        return part.replace(String.valueOf(Condition.LITERAL_QUESTION_MARK), literal);
    }

    public String render(Delete delete) {
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(table(delete.table()));
        where(sql, delete.where());
        return sql.toString();
    }

    private String withReturning(String dml, List<String> returning, Dialect.Returning style) {
        if (returning.isEmpty()) {
            return dml;
        }
        return switch (style) {
            case CLAUSE -> dml + " " + this.dialect.readBack().returningClause(columns(returning));
            case GENERATED_KEYS -> dml;
            case NONE -> throw new IllegalStateException(this.dialect.name() + " cannot read columns back from " + dml);
        };
    }

    private String parameter(String column, List<String> jsonColumns) {
        return jsonColumns.contains(column) ? this.dialect.binding().jsonParameter() : "?";
    }

    private void where(StringBuilder sql, Condition where) {
        if (where != null) {
            sql.append(" WHERE ").append(condition(where, false));
        }
    }

    private String condition(Condition condition, boolean nested) {
        if (condition instanceof Condition.Columns columns) {
            return column(columns.left()) + " " + columns.operator().sql() + " " + column(columns.right());
        }
        if (condition instanceof Condition.Compare compare) {
            return compare.operator() == Condition.Operator.ILIKE
                    ? this.dialect.caseInsensitiveLike(column(compare.column()))
                    : column(compare.column()) + " " + compare.operator().sql() + " ?";
        }
        if (condition instanceof Condition.Or or) {
            String joined = or.conditions().stream().map(c -> condition(c, true)).collect(Collectors.joining(" OR "));
            return nested ? "(" + joined + ")" : joined;
        }
        if (condition instanceof Condition.Not not) {
            return "NOT (" + condition(not.condition(), false) + ")";
        }
        if (condition instanceof Condition.Fragment fragment) {
            StringBuilder sql = new StringBuilder(literal(fragment.parts().get(0)));
            for (int i = 0; i < fragment.arguments().size(); i++) {
                sql.append(fragment.arguments().get(i).map(this::column).orElse("?"))
                    .append(literal(fragment.parts().get(i + 1)));
            }
            return nested ? "(" + sql + ")" : sql.toString();
        }
        if (condition instanceof Condition.Computed computed) {
            StringBuilder sql = new StringBuilder(literal(computed.parts().get(0)));
            for (int i = 0; i < computed.arguments().size(); i++) {
                Object argument = computed.arguments().get(i);
                sql.append(argument instanceof Column column ? column(column)
                        : argument instanceof Condition inner ? "(" + condition(inner, false) + ")" : "?")
                    .append(literal(computed.parts().get(i + 1)));
            }
            return nested ? "(" + sql + ")" : sql.toString();
        }
        if (condition instanceof Condition.InSelect in) {
            return column(in.column()) + " IN (" + render(in.select()) + ")";
        }
        if (condition instanceof Condition.Exists exists) {
            return "EXISTS (" + render(exists.select()) + ")";
        }
        if (condition instanceof Condition.In in) {
            return column(in.column()) + " IN (" + String.join(", ", java.util.Collections.nCopies(in.count(), "?"))
                    + ")";
        }
        if (condition instanceof Condition.AnyOf any) {
            return this.dialect.binding().anyOfArray(column(any.column()));
        }
        if (condition instanceof Condition.IsNull isNull) {
            return column(isNull.column()) + (isNull.negated() ? " IS NOT NULL" : " IS NULL");
        }
        if (condition instanceof Condition.Never) {
            return "1 = 0";
        }
        Condition.And and = (Condition.And) condition;
        String joined = and.conditions().stream().map(c -> condition(c, true)).collect(Collectors.joining(" AND "));
        return nested ? "(" + joined + ")" : joined;
    }

    private String table(Table table) {
        if (table.derived() != null) {
            return "(" + render(table.derived()) + ") " + table.alias();
        }
        if (table.values() != null) {
            return "(" + values(table.values()) + ") " + table.alias();
        }
        if (table.fragment() != null) {
            return "(" + condition(table.fragment(), false) + ") " + table.alias();
        }
        String name = this.dialect.quoteTable(table.prefix(), table.name());
        return table.alias() == null ? name : name + " " + table.alias();
    }

    private String values(ValuesList values) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < values.columns().size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                .append(values.markers().get(i))
                .append(" AS ")
                .append(this.dialect.quote(values.columns().get(i)));
        }
        String row = " UNION ALL SELECT " + String.join(", ", values.markers());
        sql.append(row.repeat(values.rows() - 1));
        return sql.toString();
    }

    private String selected(Column column) {
        return column.value() == null ? column(column)
                : condition(column.value(), false) + " AS " + this.dialect.quote(column.name());
    }

    private String column(Column column) {
        return column.tableAlias() == null ? this.dialect.quote(column.name())
                : column.tableAlias() + "." + this.dialect.quote(column.name());
    }

    private String columns(List<String> columns) {
        return String.join(", ", quoted(columns));
    }

    private List<String> quoted(List<String> columns) {
        return columns.stream().map(this.dialect::quote).toList();
    }

    /**
     * Ecto's {@code update_all}: the set columns take a parameter, the inc columns add
     * one to themselves.
     */
    public String render(BulkUpdate update) {
        List<String> assignments = new java.util.ArrayList<>();
        update.setColumns()
            .forEach(column -> assignments
                .add(this.dialect.quote(column) + " = " + parameter(column, update.jsonColumns())));
        update.incColumns()
            .forEach(column -> assignments
                .add(this.dialect.quote(column) + " = " + this.dialect.quote(column) + " + ?"));
        for (int i = 0; i < update.computedColumns().size(); i++) {
            assignments.add(this.dialect.quote(update.computedColumns().get(i)) + " = "
                    + condition(update.computedValues().get(i), false));
        }
        StringBuilder dml = new StringBuilder("UPDATE ").append(table(update.table()))
            .append(" SET ")
            .append(String.join(", ", assignments));
        where(dml, update.where());
        return dml.toString();
    }

}
