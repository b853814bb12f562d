package io.schemaspring.data.support;

import io.schemaspring.data.SchemaRepository;
import io.schemaspring.query.Query;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.projection.SpelAwareProxyProjectionFactory;
import org.springframework.data.repository.query.FluentQuery.FetchableFluentQuery;

/**
 * Spring Data's fluent Query by Example
 * ({@code findBy(example, q -> q.sortBy(...).page(...))}) over a
 * {@link SchemaRepository}: sorting and limits go into the {@link Query}; {@code as}
 * answers interface projections; {@code project} reads every column.
 */
final class ExampleFluentQuery<S, R> implements FetchableFluentQuery<R> {

    private static final SpelAwareProxyProjectionFactory PROJECTIONS = new SpelAwareProxyProjectionFactory();

    private final SchemaRepository<S, ?> repository;

    private final Query<S> query;

    private final Function<S, R> mapper;

    private ExampleFluentQuery(SchemaRepository<S, ?> repository, Query<S> query, Function<S, R> mapper) {
        this.repository = repository;
        this.query = query;
        this.mapper = mapper;
    }

    static <S> ExampleFluentQuery<S, S> of(SchemaRepository<S, ?> repository, Query<S> query) {
        return new ExampleFluentQuery<>(repository, query, Function.identity());
    }

    @Override
    public FetchableFluentQuery<R> sortBy(Sort sort) {
        return new ExampleFluentQuery<>(this.repository, this.query.orderBy(sort), this.mapper);
    }

    @Override
    public FetchableFluentQuery<R> limit(int limit) {
        return new ExampleFluentQuery<>(this.repository, this.query.limit(limit), this.mapper);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <P> FetchableFluentQuery<P> as(Class<P> type) {
        if (type.isAssignableFrom(this.query.schema())) {
            return (FetchableFluentQuery<P>) this;
        }
        if (!type.isInterface()) {
            throw new InvalidDataAccessApiUsageException(
                    "Query by Example answers the schema or an interface projection, not " + type.getName()
                            + ": declare a derived query method returning it instead");
        }
        return new ExampleFluentQuery<>(this.repository, this.query,
                struct -> PROJECTIONS.createProjection(type, struct));
    }

    @Override
    public FetchableFluentQuery<R> project(Collection<String> properties) {
        return this;
    }

    @Override
    public @Nullable R oneValue() {
        return this.repository.one(this.query).map(this.mapper).orElse(null);
    }

    @Override
    public @Nullable R firstValue() {
        return this.repository.all(this.query.limit(1)).stream().findFirst().map(this.mapper).orElse(null);
    }

    @Override
    public List<R> all() {
        return this.repository.all(this.query).stream().map(this.mapper).toList();
    }

    @Override
    public Page<R> page(Pageable pageable) {
        return this.repository.page(this.query, pageable).map(this.mapper);
    }

    /**
     * A window after the position, of at most {@link #limit(int)} structs (required: the
     * window's size).
     */
    @Override
    public Window<R> scroll(ScrollPosition position) {
        Integer size = this.query.limit();
        if (size == null) {
            throw new InvalidDataAccessApiUsageException(
                    "scroll needs the window's size: findBy(example, q -> q.limit(10).scroll(position))");
        }
        return this.repository.scroll(this.query.exclude(Query.Part.LIMIT), position, size).map(this.mapper);
    }

    @Override
    public Stream<R> stream() {
        return this.repository.stream(this.query).map(this.mapper);
    }

    @Override
    public long count() {
        return this.repository.count(this.query);
    }

    @Override
    public boolean exists() {
        return this.repository.exists(this.query);
    }

}
