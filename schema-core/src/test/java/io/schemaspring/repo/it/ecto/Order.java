package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.EmbedsMany;
import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;
import java.util.List;
import java.util.Map;

/** Ecto's {@code Ecto.Integration.Order}: one and many embedded items. */
@Schema("ecto_orders")
public class Order {

    public Long id;

    public String label;

    @Field(source = "meta")
    public Map<String, Object> metadata;

    @EmbedsOne
    public Item item;

    @EmbedsMany
    public List<Item> items;

    public Long permalinkId;

    @BelongsTo
    public Permalink permalink;

    public static Order of(List<Item> items, Item item) {
        Order order = new Order();
        order.items = items;
        order.item = item;
        return order;
    }

}
