package io.schemaspring.data;

import io.schemaspring.query.InsertAll;
import io.schemaspring.query.OnConflict;
import io.schemaspring.query.ProjectionQuery;
import io.schemaspring.query.Query;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.repo.NoResultsException;
import io.schemaspring.repo.Repo;
import io.schemaspring.changeset.Changeset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.query.ListQueryByExampleExecutor;

/**
 * The repository of one schema, injectable by its generic type
 * ({@code SchemaRepository<User, Long> users}) and extendable by your own interfaces (their
 * default methods are called as written). Speaks Ecto.Repo ({@link #all(Query)},
 * {@link #getOrThrow}, {@link #insert}, {@link #update(Changeset)}, {@link #preload}) and Spring
 * Data ({@code findAll(Pageable)}, {@code save}, {@code deleteById}, Query by Example, ...). For composite
 * primary keys, {@code ID} is a {@code Map} of the key fields.
 */
public interface SchemaRepository<T, ID> extends ListCrudRepository<T, ID>, ListPagingAndSortingRepository<T, ID>,
        ListQueryByExampleExecutor<T> {

    /** The schema class. */
    Class<T> schema();

    /** A new query over the schema: {@code users.query().where("active", true)}. */
    Query<T> query();

    /**
     * This repository bound to a database schema: its queries, reads and inserts go there,
     * multi-tenancy by prefix. Structs read through it keep the prefix, so updates and deletes
     * go back to it.
     */
    SchemaRepository<T, ID> withPrefix(String prefix);

    List<T> all(Query<T> query);

    /** {@link Repo#all(ProjectionQuery)} in this repository's prefix: values, not structs. */
    <R> List<R> all(ProjectionQuery<R> projection);

    /** {@link Repo#stream(Query)} in this repository's prefix: a cursor, inside a transaction; close the stream. */
    Stream<T> stream(Query<T> query);

    Optional<T> one(Query<T> query);

    Optional<T> getBy(Map<String, ?> clauses);

    /** The struct with this id, or a {@link NoResultsException} (a 404 on the web). */
    T getOrThrow(ID id);

    long count(Query<T> query);

    boolean exists(Query<T> query);

    /** One page of a query, sorted by the pageable's sort after the query's own order. */
    Page<T> page(Query<T> query, Pageable pageable);

    T insert(T struct);

    /** Inserts a copy of the changeset's data with the changes applied; invalid changesets throw {@code InvalidChangesetException}. */
    T insert(Changeset<T> changeset);

    int insertAll(List<T> structs);

    /** Upsert, in this repository's prefix: see {@link Repo#insert(Object, OnConflict)}. */
    T insert(T struct, OnConflict onConflict);

    int insertAll(List<T> structs, OnConflict onConflict);

    /** {@code insertAll} with options ({@link InsertAll#returning()}), in this repository's prefix. */
    int insertAll(List<T> structs, InsertAll options);

    /** Ecto's {@code update_all} over a query in this repository's prefix: see {@link Repo#updateAll}. */
    int updateAll(Query<T> query, UpdateAll update);

    T update(T struct);

    T update(Changeset<T> changeset);

    /** Deletes the changeset's data, honouring its optimistic lock and declared constraints. */
    T delete(Changeset<T> changeset);

    int deleteAll(Query<T> query);

    T preload(T struct, String... paths);

    List<T> preload(List<T> structs, String... paths);
}
