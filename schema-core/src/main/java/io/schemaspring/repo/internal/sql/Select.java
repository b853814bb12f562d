package io.schemaspring.repo.internal.sql;

import io.schemaspring.repo.dialect.RowLock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code SELECT columns FROM table [JOIN ...] [WHERE ...] [ORDER BY ...] [LIMIT ? OFFSET ?]}.
 * {@code count} renders {@code SELECT COUNT(*)}, {@code exists}
 * {@code SELECT 1 ... LIMIT 1}; a {@code lock} is rendered last, as the dialect spells
 * it.
 */
public record Select(Table from, List<Column> columns, List<Join> joins, @Nullable Condition where,
        List<OrderTerm> orderBy, boolean limit, boolean offset, Projection projection, @Nullable RowLock lock,
        boolean distinct, @Nullable With with) {

    public Select {
        columns = List.copyOf(columns);
        joins = List.copyOf(joins);
        orderBy = List.copyOf(orderBy);
    }

    /** What the statement selects. */
    public enum Projection {

        COLUMNS, COUNT, EXISTS,
        /** {@code SELECT 1} without paging: the subquery of {@code EXISTS (...)}. */
        ONE,
        /**
         * {@code SELECT COUNT(column)}, without paging; and so for SUM, AVG, MIN and MAX
         * on the first column.
         */
        COUNT_COLUMN, SUM, AVG, MIN, MAX

    }

    public static Select columns(Table from, List<Column> columns) {
        return new Select(from, columns, List.of(), null, List.of(), false, false, Projection.COLUMNS, null, false,
                null);
    }

    public Select join(Join join) {
        List<Join> all = new java.util.ArrayList<>(this.joins);
        all.add(join);
        return new Select(this.from, this.columns, all, this.where, this.orderBy, this.limit, this.offset,
                this.projection, this.lock, this.distinct, this.with);
    }

    public Select where(@Nullable Condition where) {
        return new Select(this.from, this.columns, this.joins, where, this.orderBy, this.limit, this.offset,
                this.projection, this.lock, this.distinct, this.with);
    }

    public Select orderBy(List<OrderTerm> orderBy) {
        return new Select(this.from, this.columns, this.joins, this.where, orderBy, this.limit, this.offset,
                this.projection, this.lock, this.distinct, this.with);
    }

    public Select paged(boolean limit, boolean offset) {
        return new Select(this.from, this.columns, this.joins, this.where, this.orderBy, limit, offset, this.projection,
                this.lock, this.distinct, this.with);
    }

    public Select lock(@Nullable RowLock lock) {
        return new Select(this.from, this.columns, this.joins, this.where, this.orderBy, this.limit, this.offset,
                this.projection, lock, this.distinct, this.with);
    }

    public Select distinct(boolean distinct) {
        return new Select(this.from, this.columns, this.joins, this.where, this.orderBy, this.limit, this.offset,
                this.projection, this.lock, distinct, this.with);
    }

    public Select project(Projection projection) {
        return new Select(this.from, this.columns, this.joins, this.where, this.orderBy, this.limit, this.offset,
                projection, this.lock, this.distinct, this.with);
    }

    /** The same select reading these common table expressions ({@code null}: none). */
    public Select with(@Nullable With with) {
        return new Select(this.from, this.columns, this.joins, this.where, this.orderBy, this.limit, this.offset,
                this.projection, this.lock, this.distinct, with);
    }

}
