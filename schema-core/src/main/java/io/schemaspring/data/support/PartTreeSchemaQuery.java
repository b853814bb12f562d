package io.schemaspring.data.support;

import io.schemaspring.repo.MultipleResultsException;
import io.schemaspring.query.Query;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.repo.routing.ReadRouting;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Window;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.repository.query.Parameters;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.ResultProcessor;
import org.springframework.data.repository.query.ReturnedType;

/**
 * A derived query method ({@code findByEmail}, {@code countByAuthorId},
 * {@code existsBy...}, {@code deleteBy...}) run through the repository it belongs to, so
 * its prefix applies: the criteria of the method name, then the {@code Sort},
 * {@code Pageable} or {@code Limit} argument, read as a list, one struct, a
 * {@code Stream}, a {@code Page} or a {@code Slice}.
 */
final class PartTreeSchemaQuery<T> implements RepositoryQuery {

    private final QueryMethod method;

    private final DerivedQuery<T> derived;

    private final SchemaRepository<T, Object> repository;

    private final Projections projections;

    PartTreeSchemaQuery(QueryMethod method, DerivedQuery<T> derived, SchemaRepository<T, Object> repository,
            Projections projections) {
        this.method = method;
        this.derived = derived;
        this.repository = repository;
        this.projections = projections;
    }

    @Override
    public QueryMethod getQueryMethod() {
        return this.method;
    }

    @Override
    public @Nullable Object execute(@Nullable Object[] parameters) {
        ParametersParameterAccessor accessor = new ParametersParameterAccessor(this.method.getParameters(), parameters);
        if (this.derived.tree().isCountProjection()) {
            return this.repository.count(this.derived.filters(this.repository.query(), accessor.iterator()));
        }
        if (this.derived.tree().isExistsProjection()) {
            return this.repository.exists(this.derived.filters(this.repository.query(), accessor.iterator()));
        }
        if (this.derived.tree().isDelete()) {
            return delete(this.derived.filters(this.repository.query(), accessor.iterator()));
        }
        Query<T> query = this.derived.apply(this.repository.query(), accessor.iterator());
        ResultProcessor processor = this.method.getResultProcessor().withDynamicProjection(accessor);
        ReturnedType returned = processor.getReturnedType();
        if (this.method.isScrollQuery()) {
            return processor.processResult(scroll(query, accessor), this.projections.preparing(returned));
        }
        if (selectsOnlyItsColumns(returned)) {
            return readProjected(query, accessor, returned.getReturnedType());
        }
        return processor.processResult(read(query, accessor), this.projections.preparing(returned));
    }

    /**
     * A closed projection (an interface of getters, a record or a DTO) of the schema's
     * own fields, read as a list, a page, a slice, a stream or one value: only its
     * columns are selected.
     */
    private boolean selectsOnlyItsColumns(ReturnedType returned) {
        if (!returned.isProjecting() || returned.getReturnedType().isAssignableFrom(returned.getDomainType())) {
            return false;
        }
        List<String> properties = returned.getInputProperties();
        return !properties.isEmpty() && properties.stream().allMatch(property -> this.projections.isField(property));
    }

    private @Nullable Object readProjected(Query<T> unpaged, ParametersParameterAccessor accessor, Class<?> type) {
        Pageable pageable = accessor.getPageable();
        if (this.method.isPageQuery()) {
            return projectedPage(sorted(unpaged, accessor), pageable, type);
        }
        Query<T> query = paged(sorted(unpaged, accessor), accessor);
        if (this.method.isSliceQuery()) {
            return slice(new ArrayList<Object>(this.repository.all(query.select(type))), pageable);
        }
        if (this.method.isStreamQuery()) {
            return this.repository.stream(query.select(type));
        }
        boolean single = !this.method.isCollectionQuery();
        if (single && !this.derived.tree().isLimiting()) {
            query = query.limit(smaller(query, 2));
        }
        List<?> rows = this.repository.all(query.select(type));
        if (!single) {
            return rows;
        }
        if (rows.size() > 1 && !this.derived.tree().isLimiting()) {
            throw new MultipleResultsException(query.schema(), rows.size());
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * A {@code Window} result: the method's {@code First}/{@code Top} or {@code Limit}
     * parameter is the window's size, its {@code ScrollPosition} parameter where it
     * starts.
     */
    private Window<T> scroll(Query<T> query, ParametersParameterAccessor accessor) {
        Parameters<?, ?> parameters = this.method.getParameters();
        Query<T> sorted = sorted(query, accessor);
        Limit limit = parameters.hasLimitParameter() ? accessor.getLimit() : Limit.unlimited();
        Integer size = limit.isLimited() ? Integer.valueOf(limit.max()) : sorted.limit();
        if (size == null) {
            throw new InvalidDataAccessApiUsageException("a Window result needs its size: name it in the method "
                    + "(findFirst10By...) or give a Limit parameter");
        }
        ScrollPosition position = accessor.getScrollPosition();
        return this.repository.scroll(sorted.exclude(Query.Part.LIMIT),
                position == null ? ScrollPosition.offset() : position, size);
    }

    /**
     * A page of the projection: its rows, and the count of every row the filters match.
     */
    private Page<?> projectedPage(Query<T> query, Pageable pageable, Class<?> type) {
        if (pageable.isUnpaged()) {
            List<Object> all = new ArrayList<>(this.repository.all(query.orderBy(pageable.getSort()).select(type)));
            return new PageImpl<>(all, pageable, all.size());
        }
        long total = this.repository.count(query.filtersOnly());
        List<Object> content = new ArrayList<>(this.repository.all(query.orderBy(pageable.getSort())
            .limit(smaller(query, pageable.getPageSize()))
            .offset(pageable.getOffset())
            .select(type)));
        return new PageImpl<>(content, pageable, total);
    }

    private @Nullable Object read(Query<T> unpaged, ParametersParameterAccessor accessor) {
        Pageable pageable = accessor.getPageable();
        if (this.method.isPageQuery()) {
            return this.repository.page(sorted(unpaged, accessor), pageable);
        }
        Query<T> query = paged(sorted(unpaged, accessor), accessor);
        if (this.method.isSliceQuery()) {
            return slice(this.repository.all(query), pageable);
        }
        if (this.method.isStreamQuery()) {
            return this.repository.stream(query);
        }
        if (this.method.isCollectionQuery()) {
            return this.repository.all(query);
        }
        if (this.derived.tree().isLimiting()) {
            return this.repository.all(query).stream().findFirst().orElse(null);
        }
        return this.repository.one(query).orElse(null);
    }

    /** The query ordered by the method's {@code Sort} parameter, if it has one. */
    private Query<T> sorted(Query<T> query, ParametersParameterAccessor accessor) {
        return this.method.getParameters().hasSortParameter() ? query.orderBy(accessor.getSort()) : query;
    }

    /**
     * The query ordered, offset and limited by the method's {@code Pageable} (one row
     * more for a {@code Slice}, to know whether another follows) and {@code Limit}
     * parameters.
     */
    private Query<T> paged(Query<T> sorted, ParametersParameterAccessor accessor) {
        Parameters<?, ?> parameters = this.method.getParameters();
        Pageable pageable = accessor.getPageable();
        Query<T> query = sorted;
        if (pageable.isPaged()) {
            query = query.orderBy(pageable.getSort())
                .offset(pageable.getOffset())
                .limit(smaller(query, pageable.getPageSize() + (this.method.isSliceQuery() ? 1 : 0)));
        }
        else if (parameters.hasPageableParameter()) {
            query = query.orderBy(pageable.getSort());
        }
        Limit limit = parameters.hasLimitParameter() ? accessor.getLimit() : Limit.unlimited();
        return limit.isLimited() ? query.limit(smaller(query, limit.max())) : query;
    }

    /** The rows of a page read with one row more, as a {@code Slice}. */
    private static <R> Slice<R> slice(List<R> rows, Pageable pageable) {
        boolean more = pageable.isPaged() && rows.size() > pageable.getPageSize();
        return new SliceImpl<>(more ? rows.subList(0, pageable.getPageSize()) : rows, pageable, more);
    }

    private static int smaller(Query<?> query, int limit) {
        return query.limit() == null ? limit : Math.min(query.limit(), limit);
    }

    /**
     * Spring Data's {@code deleteBy}: each matching struct deleted as
     * {@code delete(struct)} does (its {@code onDelete} applied), found on the primary,
     * never on a lagging replica.
     */
    private Object delete(Query<T> query) {
        List<T> found = ReadRouting.onPrimary(() -> this.repository.all(query));
        found.forEach(this.repository::delete);
        Class<?> returned = this.method.getReturnedObjectType();
        if (this.method.isCollectionQuery()) {
            return found;
        }
        if (returned == int.class || returned == Integer.class) {
            return found.size();
        }
        return (long) found.size();
    }

}
