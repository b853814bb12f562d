package io.schemaspring.data.support;

import io.schemaspring.data.SchemaRepository;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.repo.InvalidSortException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

/**
 * Spring Data's scrolling over a {@link Query}: a {@link Window} of at most {@code size}
 * structs after a position. An offset position skips rows; a keyset position continues
 * after (or, backward, before) the sort values of a struct already read, so that rows
 * inserted meanwhile neither repeat nor vanish and no row is counted past. The query's
 * order, by the schema's own fields, is completed by the primary key so that it is total.
 */
final class Scrolling {

    private Scrolling() {
    }

    static <T> Window<T> scroll(SchemaRepository<T, ?> repository, SchemaMetadata schema, Query<T> query,
            ScrollPosition position, int size) {
        if (size < 1) {
            throw new InvalidDataAccessApiUsageException("a window holds at least one row, got size " + size);
        }
        if (position instanceof OffsetScrollPosition offset) {
            // A position is the index of a struct read; the window after it starts one
            // further.
            long skip = offset.isInitial() ? 0 : offset.getOffset() + 1;
            List<T> rows = new ArrayList<>(repository.all(query.offset(skip).limit(size + 1)));
            boolean more = rows.size() > size;
            return Window.from(more ? rows.subList(0, size) : rows, OffsetScrollPosition.positionFunction(skip), more);
        }
        if (!(position instanceof KeysetScrollPosition keyset)) {
            throw new InvalidDataAccessApiUsageException(
                    "scroll takes an offset or a keyset position, got " + position);
        }
        if (!query.combinations().isEmpty()) {
            throw new InvalidDataAccessApiUsageException("keyset scrolling continues one query after a struct's sort "
                    + "values, not a union, intersect or except: scroll it by offset; " + query);
        }
        if (!query.taken().isEmpty() || !query.merges().isEmpty() || query.valuesList() != null
                || query.fragment() != null) {
            throw new InvalidDataAccessApiUsageException("keyset scrolling continues after a struct's stored sort "
                    + "values, not those of take, selectMerge or a values list: scroll it by offset; " + query);
        }
        List<Query.Order> orders = totalOrder(query, schema);
        boolean backward = keyset.scrollsBackward();
        Query<T> page = query.exclude(Query.Part.ORDER_BY, Query.Part.LIMIT, Query.Part.OFFSET);
        if (!keyset.getKeys().isEmpty()) {
            page = page.where(after(orders, keyset.getKeys(), backward, schema));
        }
        for (Query.Order order : orders) {
            page = page.orderBy(order.field(), backward ? order.reversed().direction() : order.direction());
        }
        List<T> rows = new ArrayList<>(repository.all(page.limit(size + 1)));
        boolean more = rows.size() > size;
        List<T> content = new ArrayList<>(more ? rows.subList(0, size) : rows);
        if (backward) {
            Collections.reverse(content);
        }
        return Window.from(content,
                index -> ScrollPosition.of(keys(content.get(index), orders, schema), keyset.getDirection()), more);
    }

    /**
     * The query's order by the schema's own fields, then each primary key field not in it
     * yet, ascending.
     */
    private static List<Query.Order> totalOrder(Query<?> query, SchemaMetadata schema) {
        List<Query.Order> orders = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (Query.Order order : query.orders()) {
            if (order.byPrimaryKey()) {
                schema.primaryKey().forEach(key -> orders.add(new Query.Order(key, order.direction())));
                named.addAll(schema.primaryKey());
                continue;
            }
            if (order.field().contains(".") || schema.fieldSource(order.field()) == null) {
                String why = "keyset scrolling orders by fields of " + schema.schemaClass().getSimpleName()
                        + ", not by :" + order.field() + "; " + schema.describeFields();
                throw order.fromSort() ? new InvalidSortException(order.field(), why)
                        : new InvalidDataAccessApiUsageException(why);
            }
            orders.add(order);
            named.add(order.field());
        }
        for (String key : schema.primaryKey()) {
            if (!named.contains(key)) {
                orders.add(new Query.Order(key, Query.Direction.ASC));
            }
        }
        if (orders.isEmpty()) {
            throw new InvalidDataAccessApiUsageException("keyset scrolling needs an order: "
                    + schema.schemaClass().getSimpleName() + " has no primary key to complete it; order the query");
        }
        return orders;
    }

    /**
     * The rows after the keys in the order (before them, backward): {@code a > ?1 OR
     * (a = ?1 AND b > ?2) ...}, each comparison in its term's direction.
     */
    private static Expr after(List<Query.Order> orders, Map<String, Object> keys, boolean backward,
            SchemaMetadata schema) {
        List<Expr> alternatives = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            List<Expr> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(Expr.eq(orders.get(j).field(), key(keys, orders.get(j).field(), schema)));
            }
            Query.Order order = orders.get(i);
            boolean ascending = (order.direction() == Query.Direction.ASC) != backward;
            terms.add(Expr.compare(order.field(), ascending ? Query.Op.GT : Query.Op.LT,
                    key(keys, order.field(), schema)));
            alternatives.add(terms.size() == 1 ? terms.get(0) : Expr.and(terms.toArray(Expr[]::new)));
        }
        return alternatives.size() == 1 ? alternatives.get(0) : Expr.or(alternatives.toArray(Expr[]::new));
    }

    private static Object key(Map<String, Object> keys, String field, SchemaMetadata schema) {
        Object value = keys.get(field);
        if (value == null) {
            throw new InvalidDataAccessApiUsageException("the keyset position " + keys + " has no value for :" + field
                    + ", which orders " + schema.schemaClass().getSimpleName()
                    + ": scroll from window.positionAt(...) of the same query (a null sort value cannot be "
                    + "continued from)");
        }
        return value;
    }

    private static Map<String, Object> keys(Object struct, List<Query.Order> orders, SchemaMetadata schema) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (Query.Order order : orders) {
            keys.put(order.field(), schema.field(order.field()).accessor().get(struct));
        }
        return keys;
    }

}
