package io.schemaspring.data.support;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.data.SqlQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.repository.query.Parameter;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.ResultProcessor;

/**
 * An {@link SqlQuery} method: the arguments bound by name, the rows mapped to the schema
 * (then to the method's projection) or, for a scalar return type, read as one column; a
 * modifying statement answers its row count. Checked at start-up: every argument has a
 * name, no {@code Pageable}/{@code Sort}, a modifying method answers a count.
 */
final class SqlSchemaQuery implements RepositoryQuery {

    /**
     * Stands for the schema's table in the repository's prefix (the bound one, else the
     * schema's default).
     */
    static final String TABLE = "{table}";

    private final QueryMethod method;

    private final SqlQuery sql;

    private final Repo repo;

    private final Class<?> schema;

    private final Projections projections;

    private final String statement;

    private final @Nullable String storedIn;

    SqlSchemaQuery(QueryMethod method, SqlQuery sql, Repo repo, Projections projections, DerivedQuery.Target target,
            @Nullable String prefix) {
        this.method = method;
        this.sql = sql;
        this.statement = sql.value().replace(TABLE, table(repo.dialect(), target.schema(), prefix));
        this.storedIn = sql.value().contains(TABLE) ? (prefix != null ? prefix : target.schema().prefix()) : null;
        this.repo = repo;
        this.schema = target.schema().schemaClass();
        this.projections = projections;
        for (Parameter parameter : method.getParameters().getBindableParameters()) {
            if (parameter.getName().isEmpty()) {
                throw target.error(null, "parameter " + parameter.getIndex() + " has no name for :name in the SQL",
                        "annotate it with @Param(\"name\") or compile with -parameters");
            }
        }
        if (method.getParameters().hasPageableParameter() || method.getParameters().hasSortParameter()
                || method.isPageQuery() || method.isSliceQuery()) {
            throw target.error(null, "an @SqlQuery method takes no Pageable or Sort and answers no Page or Slice",
                    "write ORDER BY, LIMIT and OFFSET in the SQL with :parameters, or use a derived query");
        }
        Class<?> returned = method.getReturnedObjectType();
        if (sql.modifying() && !List.of(int.class, Integer.class, long.class, Long.class, void.class, Void.class)
            .contains(returned)) {
            throw target.error(null, "a modifying @SqlQuery answers the row count, not " + returned.getSimpleName(),
                    "declare it to return int, long or void");
        }
    }

    @Override
    public QueryMethod getQueryMethod() {
        return this.method;
    }

    @Override
    public @Nullable Object execute(@Nullable Object[] values) {
        ParametersParameterAccessor accessor = new ParametersParameterAccessor(this.method.getParameters(), values);
        Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
        int index = 0;
        for (Parameter parameter : this.method.getParameters().getBindableParameters()) {
            parameters.put(parameter.getRequiredName(), accessor.getBindableValue(index++));
        }
        if (this.sql.modifying()) {
            int count = this.repo.execute(this.schema, this.statement, parameters);
            Class<?> returned = this.method.getReturnedObjectType();
            return (returned == long.class || returned == Long.class) ? (Object) (long) count : (Object) count;
        }
        ResultProcessor processor = this.method.getResultProcessor().withDynamicProjection(accessor);
        Class<?> returned = processor.getReturnedType().getReturnedType();
        List<?> rows = isScalar(returned) ? this.repo.queryForList(this.statement, parameters, returned)
                : this.repo.query(this.schema, this.storedIn, this.statement, parameters);
        Object result;
        if (this.method.isStreamQuery()) {
            result = rows.stream();
        }
        else if (this.method.isCollectionQuery()) {
            result = rows;
        }
        else if (rows.size() > 1) {
            throw new IncorrectResultSizeDataAccessException(this.method + " expected at most one row", 1, rows.size());
        }
        else {
            result = rows.isEmpty() ? null : rows.get(0);
        }
        return isScalar(returned) ? result
                : processor.processResult(result, this.projections.preparing(processor.getReturnedType()));
    }

    private static String table(Dialect dialect, SchemaMetadata schema, @Nullable String prefix) {
        String target = prefix != null ? prefix : schema.prefix();
        return dialect.quoteTable(target, schema.source());
    }

    private boolean isScalar(Class<?> type) {
        return !type.isAssignableFrom(this.schema) && BeanUtils.isSimpleValueType(type);
    }

}
