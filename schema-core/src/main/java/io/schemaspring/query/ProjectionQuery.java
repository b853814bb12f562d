package io.schemaspring.query;

import io.schemaspring.metadata.SqlIdentifiers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A query answering values instead of structs, Ecto's {@code select}: records or classes
 * filled from {@link Selection}s, optionally grouped ({@code group_by}) and filtered
 * after grouping ({@code having}). Run it with
 * {@link io.schemaspring.repo.Repo#all(ProjectionQuery)}. A separate type from
 * {@link Query}, so that what only structs can do (preload, lock, stream, write) is not
 * offered.
 */
public final class ProjectionQuery<R> {

    private final Query<?> query;

    private final Class<R> type;

    private final List<Selection> selections;

    private final List<String> groupBy;

    private final List<Expr> having;

    private final Map<String, Over> windows;

    ProjectionQuery(Query<?> query, Class<R> type, List<Selection> selections, List<String> groupBy,
            List<Expr> having) {
        this(query, type, selections, groupBy, having, Map.of());
    }

    private ProjectionQuery(Query<?> query, Class<R> type, List<Selection> selections, List<String> groupBy,
            List<Expr> having, Map<String, Over> windows) {
        this.query = query;
        this.type = type;
        this.selections = List.copyOf(selections);
        this.groupBy = List.copyOf(groupBy);
        this.having = List.copyOf(having);
        this.windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
    }

    /**
     * Ecto's {@code windows: [name: ...]}: a window the selections name with
     * {@link Selection#over(String)}, rendered once in a {@code WINDOW} clause.
     */
    public ProjectionQuery<R> window(String name, Over over) {
        SqlIdentifiers.require(name, "Window name");
        Map<String, Over> all = new LinkedHashMap<>(this.windows);
        if (all.put(name, Objects.requireNonNull(over, "Over must not be null")) != null) {
            throw new InvalidDataAccessApiUsageException("the window " + name + " is named twice");
        }
        return new ProjectionQuery<>(this.query, this.type, this.selections, this.groupBy, this.having, all);
    }

    /** The named windows of {@link #window(String, Over)}, in the order given. */
    public Map<String, Over> windows() {
        return this.windows;
    }

    /**
     * Ecto's {@code group_by}: fields (joined ones by path) whose values make one row
     * each.
     */
    public ProjectionQuery<R> groupBy(String... fields) {
        List<String> all = new ArrayList<>(this.groupBy);
        all.addAll(List.of(fields));
        return new ProjectionQuery<>(this.query, this.type, this.selections, all, this.having, this.windows);
    }

    /**
     * Ecto's {@code having}, ANDed: a condition on the groups, usually a fragment over an
     * aggregate, {@code Expr.sql("count(*) >= ?", 2)}, or a condition on a grouped field.
     */
    public ProjectionQuery<R> having(Expr condition) {
        List<Expr> all = new ArrayList<>(this.having);
        all.add(Objects.requireNonNull(condition, "Condition must not be null"));
        return new ProjectionQuery<>(this.query, this.type, this.selections, this.groupBy, all, this.windows);
    }

    /** The same projection of another query (a repository's, scoped to its prefix). */
    public ProjectionQuery<R> withQuery(Query<?> query) {
        return new ProjectionQuery<>(query, this.type, this.selections, this.groupBy, this.having, this.windows);
    }

    /**
     * The query the values are selected from: its conditions and joins apply; it must not
     * preload or lock.
     */
    public Query<?> query() {
        return this.query;
    }

    /** The record or class each row fills. */
    public Class<R> type() {
        return this.type;
    }

    /**
     * The fields and aggregates selected; empty when {@link Query#select(Class)} selects
     * the type's components (or fields) by name.
     */
    public List<Selection> selections() {
        return this.selections;
    }

    /**
     * The fields of {@link #groupBy(String...)}, in the order given; empty when the rows
     * are not grouped.
     */
    public List<String> groupBy() {
        return this.groupBy;
    }

    /** The conditions of {@link #having(Expr)}, ANDed; empty when there are none. */
    public List<Expr> having() {
        return this.having;
    }

    @Override
    public String toString() {
        return "select " + this.selections + " into " + this.type.getSimpleName() + " from " + this.query
                + (this.groupBy.isEmpty() ? "" : " group by " + this.groupBy)
                + (this.having.isEmpty() ? "" : " having " + this.having)
                + (this.windows.isEmpty() ? "" : " windows " + this.windows);
    }

}
