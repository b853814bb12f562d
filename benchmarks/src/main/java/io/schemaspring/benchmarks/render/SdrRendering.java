package io.schemaspring.benchmarks.render;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.relational.core.dialect.Db2Dialect;
import org.springframework.data.relational.core.dialect.Dialect;
import org.springframework.data.relational.core.dialect.H2Dialect;
import org.springframework.data.relational.core.dialect.MariaDbDialect;
import org.springframework.data.relational.core.dialect.OracleDialect;
import org.springframework.data.relational.core.dialect.PostgresDialect;
import org.springframework.data.relational.core.dialect.RenderContextFactory;
import org.springframework.data.relational.core.dialect.SqlServerDialect;
import org.springframework.data.relational.core.sql.Column;
import org.springframework.data.relational.core.sql.Expression;
import org.springframework.data.relational.core.sql.IdentifierProcessing;
import org.springframework.data.relational.core.sql.OrderByField;
import org.springframework.data.relational.core.sql.SQL;
import org.springframework.data.relational.core.sql.Select;
import org.springframework.data.relational.core.sql.SqlIdentifier;
import org.springframework.data.relational.core.sql.StatementBuilder;
import org.springframework.data.relational.core.sql.Table;
import org.springframework.data.relational.core.sql.render.SqlRenderer;

/**
 * The same two statements through Spring Data Relational's {@link StatementBuilder} and
 * {@link SqlRenderer} with its dialects. Identifiers are {@link SqlIdentifier#quoted
 * quoted} and folded with the dialect's
 * {@link IdentifierProcessing#standardizeLetterCase} (SDR's renderer quotes but does not
 * fold; Spring Data JDBC folds in its mapping context), so that they name the same
 * columns as the project's SQL. LIMIT and OFFSET are {@code long} values in SDR's model:
 * each page renders its own SQL text.
 */
public final class SdrRendering {

    private final Dialect dialect;

    private final SqlRenderer renderer;

    private final IdentifierProcessing identifiers;

    private final boolean named;

    /**
     * @param named {@code :name} bind markers (as Spring Data JDBC renders them for
     * {@code NamedParameterJdbcTemplate}) instead of {@code ?}
     */
    public SdrRendering(Dialect dialect, boolean named) {
        this.dialect = dialect;
        this.renderer = SqlRenderer.create(new RenderContextFactory(dialect).createRenderContext());
        this.identifiers = dialect.getIdentifierProcessing();
        this.named = named;
    }

    /**
     * SDR's dialects for the databases of the comparison ({@code oracle},
     * {@code sqlserver} and {@code db2} show the reach).
     */
    public static Dialect dialect(String db) {
        return switch (db) {
            case "h2" -> H2Dialect.INSTANCE;
            case "postgres" -> PostgresDialect.INSTANCE;
            // Backquotes; names folded to lower case (SDR has no MariaDB INSTANCE, only
            // this constructor).
            case "mariadb" -> new MariaDbDialect(IdentifierProcessing.create(new IdentifierProcessing.Quoting("`"),
                    IdentifierProcessing.LetterCasing.LOWER_CASE));
            case "oracle" -> OracleDialect.INSTANCE;
            case "sqlserver" -> SqlServerDialect.INSTANCE;
            case "db2" -> Db2Dialect.INSTANCE;
            default -> throw new IllegalArgumentException(db);
        };
    }

    public Dialect dialect() {
        return this.dialect;
    }

    /**
     * {@code SELECT <query columns> FROM [prefix.]posts WHERE id = ?} and the dialect's
     * LIMIT 1.
     */
    public String byId(@Nullable String prefix) {
        Table table = table(prefix);
        Select select = StatementBuilder.select(columns(table))
            .from(table)
            .limit(1) // SDR's builder takes the page before WHERE; the value is a long,
                      // not a marker
            .where(Column.create(name(Statements.KEY), table).isEqualTo(marker("id")))
            .build();
        return this.renderer.render(select);
    }

    /**
     * The filtered, ordered read of one page: the page's numbers become part of the SQL.
     */
    public String filtered(@Nullable String prefix, Statements.Page page) {
        Table table = table(prefix);
        Select select = StatementBuilder.select(columns(table))
            .from(table)
            .limitOffset(page.limit(), page.offset())
            .where(Column.create(name(Statements.FILTER_EQ), table)
                .isEqualTo(marker("author_id"))
                .and(Column.create(name(Statements.FILTER_GTE), table).isGreaterOrEqualTo(marker("published_at"))))
            .orderBy(OrderByField.from(Column.create(name(Statements.ORDER), table), Sort.Direction.DESC))
            .build();
        return this.renderer.render(select);
    }

    private Table table(@Nullable String prefix) {
        SqlIdentifier name = name(Statements.TABLE);
        return Table.create(prefix == null ? name : SqlIdentifier.from(name(prefix), name));
    }

    private List<Expression> columns(Table table) {
        List<Expression> columns = new ArrayList<>(Statements.COLUMNS.size());
        for (String column : Statements.COLUMNS) {
            columns.add(Column.create(name(column), table));
        }
        return columns;
    }

    private SqlIdentifier name(String name) {
        return SqlIdentifier.quoted(this.identifiers.standardizeLetterCase(name));
    }

    private Expression marker(String name) {
        return this.named ? SQL.bindMarker(":" + name) : SQL.bindMarker();
    }

}
