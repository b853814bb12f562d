package io.schemaspring.benchmarks.render;

import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.Dialect.LetterCase;
import io.schemaspring.repo.dialect.H2Dialect;
import io.schemaspring.repo.dialect.MariaDbDialect;
import io.schemaspring.repo.dialect.PostgresDialect;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.OrderTerm;
import io.schemaspring.repo.internal.sql.Select;
import io.schemaspring.repo.internal.sql.SqlRenderer;
import io.schemaspring.repo.internal.sql.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The project's statement model and {@link SqlRenderer}, built the way
 * {@code QueryExecutor.get} and {@code QueryCompiler.select} build it (schema-core's
 * {@code repo.sql} and {@code repo.dialect} types are public, so no accessor was needed).
 * LIMIT and OFFSET are bound parameters: one SQL text serves every page.
 */
public final class OwnRendering {

    private final SqlRenderer renderer;

    public OwnRendering(Dialect dialect) {
        this.renderer = new SqlRenderer(dialect);
    }

    /**
     * The project's dialects with the letter case each database reports for unquoted
     * names.
     */
    public static @Nullable Dialect dialect(String db) {
        return switch (db) {
            case "h2" -> new H2Dialect(LetterCase.UPPER);
            case "postgres" -> new PostgresDialect(LetterCase.LOWER);
            case "mariadb" -> new MariaDbDialect(LetterCase.AS_IS);
            default -> null;
        };
    }

    /** {@code SELECT <query columns> FROM [prefix.]posts WHERE id = ? LIMIT ?}. */
    public String byId(@Nullable String prefix) {
        List<Column> columns = new ArrayList<>(Statements.COLUMNS.size());
        for (String column : Statements.COLUMNS) {
            columns.add(Column.of(column));
        }
        Select select = Select.columns(Table.of(prefix, Statements.TABLE), columns)
            .where(new Condition.Compare(Column.of(Statements.KEY), Condition.Operator.EQ))
            .paged(true, false);
        return this.renderer.render(select);
    }

    /** The filtered, ordered, paged read: the page values are bound, not rendered. */
    public String filtered(@Nullable String prefix) {
        List<Column> columns = new ArrayList<>(Statements.COLUMNS.size());
        for (String column : Statements.COLUMNS) {
            columns.add(Column.of(column));
        }
        Select select = Select.columns(Table.of(prefix, Statements.TABLE), columns)
            .where(Condition.and(List.of(new Condition.Compare(Column.of(Statements.FILTER_EQ), Condition.Operator.EQ),
                    new Condition.Compare(Column.of(Statements.FILTER_GTE), Condition.Operator.GTE))))
            .orderBy(List.of(new OrderTerm(Column.of(Statements.ORDER), true)))
            .paged(true, true);
        return this.renderer.render(select);
    }

}
