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
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.query.ListQueryByExampleExecutor;

/**
 * The repository of one schema, injectable by its generic type
 * ({@code SchemaRepository<User, Long> users}) and extendable by your own interfaces
 * (their default methods are called as written). Speaks Ecto.Repo ({@link #all(Query)},
 * {@link #getOrThrow}, {@link #insert}, {@link #update(Changeset)}, {@link #preload}) and
 * Spring Data ({@code findAll(Pageable)}, {@code save}, {@code deleteById}, Query by
 * Example, ...). For composite primary keys, {@code ID} is a {@code Map} of the key
 * fields.
 */
public interface SchemaRepository<T, ID>
        extends ListCrudRepository<T, ID>, ListPagingAndSortingRepository<T, ID>, ListQueryByExampleExecutor<T> {

    /** The schema class. */
    Class<T> schema();

    /** A new query over the schema: {@code users.query().where("active", true)}. */
    Query<T> query();

    /**
     * This repository bound to a database schema: its queries, reads and inserts go
     * there, multi-tenancy by prefix. Structs read through it keep the prefix, so updates
     * and deletes go back to it.
     */
    SchemaRepository<T, ID> withPrefix(String prefix);

    /**
     * Ecto's {@code Repo.all}: the structs the query matches, read in this repository's
     * prefix (a bound repository refuses a query naming another prefix).
     */
    List<T> all(Query<T> query);

    /**
     * {@link Repo#all(ProjectionQuery)} in this repository's prefix: values, not structs.
     */
    <R> List<R> all(ProjectionQuery<R> projection);

    /**
     * {@link Repo#stream(Query)} in this repository's prefix: a cursor, inside a
     * transaction; close the stream.
     */
    Stream<T> stream(Query<T> query);

    /**
     * {@link Repo#stream(ProjectionQuery)} in this repository's prefix: values through a
     * cursor, inside a transaction; close the stream.
     */
    <R> Stream<R> stream(ProjectionQuery<R> projection);

    /**
     * Ecto's {@code Repo.one}: the struct the query matches, empty for none; more than
     * one is a {@link io.schemaspring.repo.MultipleResultsException}.
     */
    Optional<T> one(Query<T> query);

    /**
     * Ecto's {@code Repo.get_by}: the struct whose fields equal every clause
     * ({@code field -> value}), in this repository's prefix; empty for none, more than
     * one is a {@code MultipleResultsException}.
     */
    Optional<T> getBy(Map<String, ?> clauses);

    /** The struct with this id, or a {@link NoResultsException} (a 404 on the web). */
    T getOrThrow(ID id);

    /**
     * Ecto's {@code Repo.aggregate(query, :count)}: the number of rows the query matches;
     * a query with a limit or offset is refused.
     */
    long count(Query<T> query);

    /**
     * Ecto's {@code Repo.exists?}: whether the query matches any row; a query with an
     * offset is refused.
     */
    boolean exists(Query<T> query);

    /** One page of a query, sorted by the pageable's sort after the query's own order. */
    Page<T> page(Query<T> query, Pageable pageable);

    /**
     * Spring Data's scrolling: a {@link Window} of at most {@code size} structs of the
     * query after the position. {@code ScrollPosition.offset()} skips rows;
     * {@code ScrollPosition.keyset()} continues after the sort values of the window's
     * last struct ({@code window.positionAt(...)}), in the query's order by its own
     * fields completed by the primary key: rows inserted meanwhile neither repeat nor
     * vanish, and no skipped rows are read.
     */
    Window<T> scroll(Query<T> query, ScrollPosition position, int size);

    /**
     * Ecto's {@code Repo.insert} in this repository's prefix: answers the struct with its
     * generated values (for a record schema, a new record), which keeps that prefix.
     */
    T insert(T struct);

    /**
     * Inserts a copy of the changeset's data with the changes applied; invalid changesets
     * throw {@code InvalidChangesetException}.
     */
    T insert(Changeset<T> changeset);

    /**
     * Ecto's {@code Repo.insert_all} in this repository's prefix: one JDBC batch,
     * database-generated ids not read back; answers the number of rows inserted.
     */
    int insertAll(List<T> structs);

    /**
     * Upsert, in this repository's prefix: see {@link Repo#insert(Object, OnConflict)}.
     */
    T insert(T struct, OnConflict onConflict);

    /**
     * Ecto's {@code insert_all(..., on_conflict: ...)} in this repository's prefix: one
     * batch of upserts, answering the count the database reports.
     */
    int insertAll(List<T> structs, OnConflict onConflict);

    /**
     * {@code insertAll} with options ({@link InsertAll#returning()}), in this
     * repository's prefix.
     */
    int insertAll(List<T> structs, InsertAll options);

    /**
     * Ecto's {@code update_all} over a query in this repository's prefix: see
     * {@link Repo#updateAll}.
     */
    int updateAll(Query<T> query, UpdateAll update);

    /**
     * {@link Repo#update(Object)} in this repository's prefix: every writable field of a
     * loaded struct is written and its updated-at timestamp set.
     */
    T update(T struct);

    /**
     * Ecto's {@code Repo.update(changeset)} in this repository's prefix: only the changes
     * and the updated-at timestamp are written, on a copy; see
     * {@link Repo#update(Changeset)}.
     */
    T update(Changeset<T> changeset);

    /**
     * Deletes the changeset's data, honouring its optimistic lock and declared
     * constraints.
     */
    T delete(Changeset<T> changeset);

    /**
     * Ecto's {@code Repo.delete_all} in this repository's prefix: deletes every row the
     * query matches without applying {@code onDelete} and answers the count; a query with
     * a limit, offset, order, preload or lock is refused.
     */
    int deleteAll(Query<T> query);

    /**
     * Ecto's {@code Repo.preload}: loads the associations into the struct, nested with
     * dots ({@code "posts.comments"}), from where it is stored, and answers it (a new
     * record for a record schema).
     */
    T preload(T struct, String... paths);

    /**
     * Ecto's {@code Repo.preload} of many structs of the schema, one query per
     * association level; an association already loaded is kept, and a {@code null} in the
     * list stays {@code null}.
     */
    List<T> preload(List<T> structs, String... paths);

}
