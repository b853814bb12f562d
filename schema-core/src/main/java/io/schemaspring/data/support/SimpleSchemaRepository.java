package io.schemaspring.data.support;

import io.schemaspring.data.SchemaRepository;
import io.schemaspring.query.InsertAll;
import io.schemaspring.query.OnConflict;
import io.schemaspring.query.ProjectionQuery;
import io.schemaspring.query.Query;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.repo.NoResultsException;
import io.schemaspring.repo.Repo;
import io.schemaspring.changeset.Changeset;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.routing.ReadRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.function.Function;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.repository.query.FluentQuery.FetchableFluentQuery;

/** The {@link SchemaRepository} of one schema, delegating to a {@link Repo}. */
public class SimpleSchemaRepository<T, ID> implements SchemaRepository<T, ID> {

    private final Repo repo;

    private final Class<T> schema;

    private final SchemaMetadata metadata;

    private final @Nullable String prefix;

    /**
     * The repository of {@code schema} over {@code repo}, bound to no prefix: it reads in
     * the schema's default database schema; {@link #withPrefix(String)} binds it to
     * another.
     */
    public SimpleSchemaRepository(Repo repo, Class<T> schema) {
        this(repo, schema, null);
    }

    private SimpleSchemaRepository(Repo repo, Class<T> schema, @Nullable String prefix) {
        this.repo = Objects.requireNonNull(repo, "Repo must not be null");
        this.schema = Objects.requireNonNull(schema, "Schema must not be null");
        this.metadata = repo.registry().get(schema);
        this.prefix = prefix;
    }

    @Override
    public SchemaRepository<T, ID> withPrefix(String prefix) {
        return new SimpleSchemaRepository<>(this.repo, this.schema,
                io.schemaspring.metadata.SqlIdentifiers.require(prefix, "Prefix"));
    }

    @Override
    public Class<T> schema() {
        return this.schema;
    }

    @Override
    public Query<T> query() {
        Query<T> query = Query.from(this.schema);
        return this.prefix == null ? query : query.prefix(this.prefix);
    }

    /**
     * The query in this repository's prefix; a query naming another prefix is refused.
     */
    private Query<T> scoped(Query<T> query) {
        if (this.prefix == null || this.prefix.equals(query.prefix())) {
            return query;
        }
        if (query.prefix() != null) {
            throw new InvalidDataAccessApiUsageException("the query names prefix \"" + query.prefix() + "\" but " + this
                    + " reads only prefix \"" + this.prefix + "\": build it with query() or without a prefix");
        }
        return query.prefix(this.prefix);
    }

    @Override
    public List<T> all(Query<T> query) {
        return this.repo.all(scoped(query));
    }

    @Override
    public <R> List<R> all(ProjectionQuery<R> projection) {
        return this.repo.all(scoped(projection));
    }

    @Override
    public <R> Stream<R> stream(ProjectionQuery<R> projection) {
        return this.repo.stream(scoped(projection));
    }

    @SuppressWarnings("unchecked")
    private <R> ProjectionQuery<R> scoped(ProjectionQuery<R> projection) {
        if (projection.query().schema() != this.schema) {
            throw new InvalidDataAccessApiUsageException(
                    "the projection queries " + projection.query().schema().getSimpleName() + ", not "
                            + this.schema.getSimpleName() + ": run it with its own repository or Repo.all");
        }
        return projection.withQuery(scoped((Query<T>) projection.query()));
    }

    @Override
    public Stream<T> stream(Query<T> query) {
        return this.repo.stream(scoped(query));
    }

    @Override
    public Optional<T> one(Query<T> query) {
        return this.repo.one(scoped(query));
    }

    @Override
    public Optional<T> getBy(Map<String, ?> clauses) {
        return this.repo.one(query().where(clauses));
    }

    @Override
    public T getOrThrow(ID id) {
        return findById(id).orElseThrow(() -> new NoResultsException(this.schema, id));
    }

    @Override
    public long count(Query<T> query) {
        return this.repo.count(scoped(query));
    }

    @Override
    public boolean exists(Query<T> query) {
        return this.repo.exists(scoped(query));
    }

    @Override
    public Page<T> page(Query<T> unscoped, Pageable pageable) {
        Query<T> query = scoped(unscoped);
        if (pageable.isUnpaged()) {
            List<T> all = this.repo.all(query.orderBy(pageable.getSort()));
            return new PageImpl<>(all, pageable, all.size());
        }
        long total = this.repo.count(query.filtersOnly());
        List<T> content = this.repo
            .all(query.orderBy(pageable.getSort()).limit(pageable.getPageSize()).offset(pageable.getOffset()));
        return new PageImpl<>(content, pageable, total);
    }

    @Override
    public Window<T> scroll(Query<T> query, ScrollPosition position, int size) {
        return Scrolling.scroll(this, this.metadata, query, position, size);
    }

    @Override
    public T insert(T struct) {
        return this.repo.insert(struct, this.prefix);
    }

    @Override
    public T insert(Changeset<T> changeset) {
        return this.repo.insert(changeset, this.prefix);
    }

    @Override
    public T delete(Changeset<T> changeset) {
        return this.repo.delete(changeset, this.prefix);
    }

    @Override
    public int insertAll(List<T> structs) {
        return this.repo.insertAll(structs, this.prefix);
    }

    @Override
    public T update(T struct) {
        return this.repo.update(struct, this.prefix);
    }

    @Override
    public T update(Changeset<T> changeset) {
        return this.repo.update(changeset, this.prefix);
    }

    @Override
    public T insert(T struct, OnConflict onConflict) {
        return this.repo.insert(struct, this.prefix, onConflict);
    }

    @Override
    public int insertAll(List<T> structs, OnConflict onConflict) {
        return this.repo.insertAll(structs, this.prefix, onConflict);
    }

    @Override
    public int insertAll(List<T> structs, InsertAll options) {
        return this.repo.insertAll(structs, this.prefix, options);
    }

    @Override
    public int updateAll(Query<T> query, UpdateAll update) {
        return this.repo.updateAll(scoped(query), update);
    }

    @Override
    public int deleteAll(Query<T> query) {
        return this.repo.deleteAll(scoped(query));
    }

    @Override
    public T preload(T struct, String... paths) {
        return this.repo.preloadIn(this.prefix, List.of(struct), paths).get(0);
    }

    @Override
    public List<T> preload(List<T> structs, String... paths) {
        return this.repo.preloadIn(this.prefix, structs, paths);
    }

    // ---------------------------------------------------------------- Spring Data

    /** Inserts a struct whose primary key is not set yet, updates any other. */
    @Override
    public <S extends T> S save(S entity) {
        return isNew(entity) ? this.repo.insert(entity, this.prefix) : this.repo.update(entity, this.prefix);
    }

    @Override
    public <S extends T> List<S> saveAll(Iterable<S> entities) {
        List<S> saved = new ArrayList<>();
        entities.forEach(entity -> saved.add(save(entity)));
        return saved;
    }

    @Override
    public Optional<T> findById(ID id) {
        return this.repo.get(this.schema, this.prefix, id);
    }

    @Override
    public boolean existsById(ID id) {
        return findById(id).isPresent();
    }

    @Override
    public List<T> findAll() {
        return this.repo.all(query());
    }

    @Override
    public List<T> findAllById(Iterable<ID> ids) {
        List<ID> list = new ArrayList<>();
        ids.forEach(list::add);
        if (this.metadata.primaryKey().size() == 1) {
            return list.isEmpty() ? List.of() : this.repo.all(query().whereIn(this.metadata.primaryKey().get(0), list));
        }
        List<T> found = new ArrayList<>();
        list.forEach(id -> findById(id).ifPresent(found::add));
        return found;
    }

    @Override
    public long count() {
        return this.repo.count(query());
    }

    /**
     * Deletes the struct with this id (applying {@code onDelete}); an unknown id is
     * ignored, as in Spring Data. The struct is read from the primary, never from a
     * lagging replica.
     */
    @Override
    public void deleteById(ID id) {
        ReadRouting.onPrimary(() -> findById(id)).ifPresent(this::delete);
    }

    @Override
    public void delete(T entity) {
        this.repo.delete(entity, this.prefix);
    }

    @Override
    public void deleteAllById(Iterable<? extends ID> ids) {
        ids.forEach(this::deleteById);
    }

    @Override
    public void deleteAll(Iterable<? extends T> entities) {
        entities.forEach(this::delete);
    }

    /**
     * Deletes every row of the table, Ecto's {@code delete_all}: associations'
     * {@code onDelete} is not applied.
     */
    @Override
    public void deleteAll() {
        this.repo.deleteAll(query());
    }

    @Override
    public List<T> findAll(Sort sort) {
        return this.repo.all(query().orderBy(sort));
    }

    @Override
    public Page<T> findAll(Pageable pageable) {
        return page(query(), pageable);
    }

    // ---------------------------------------------------------------- Query by Example

    /**
     * The example's query in this repository's prefix; see {@link ExampleQueries} for
     * what it matches.
     */
    @SuppressWarnings("unchecked")
    private <S extends T> Query<S> query(Example<S> example) {
        return (Query<S>) ExampleQueries.where(query(), example, this.metadata);
    }

    @Override
    public <S extends T> Optional<S> findOne(Example<S> example) {
        return this.repo.one(query(example));
    }

    @Override
    public <S extends T> List<S> findAll(Example<S> example) {
        return this.repo.all(query(example));
    }

    @Override
    public <S extends T> List<S> findAll(Example<S> example, Sort sort) {
        return this.repo.all(query(example).orderBy(sort));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends T> Page<S> findAll(Example<S> example, Pageable pageable) {
        return (Page<S>) page((Query<T>) query(example), pageable);
    }

    @Override
    public <S extends T> long count(Example<S> example) {
        return this.repo.count(query(example));
    }

    @Override
    public <S extends T> boolean exists(Example<S> example) {
        return this.repo.exists(query(example));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends T, R> R findBy(Example<S> example, Function<FetchableFluentQuery<S>, R> queryFunction) {
        return queryFunction.apply(ExampleFluentQuery.of((SchemaRepository<S, ?>) this, query(example)));
    }

    private boolean isNew(T entity) {
        return this.metadata.primaryKey()
            .stream()
            .anyMatch(field -> this.metadata.field(field).accessor().get(entity) == null);
    }

    @Override
    public String toString() {
        return "SchemaRepository<" + this.schema.getSimpleName() + ">"
                + (this.prefix == null ? "" : " in " + this.prefix);
    }

}
