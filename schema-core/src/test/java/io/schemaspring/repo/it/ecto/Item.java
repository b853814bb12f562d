package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.EmbeddedSchema;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Ecto's {@code Ecto.Integration.Item}, an embedded schema, without its colors and
 * without its {@code belongs_to :user} (associations inside embeds are not supported):
 * {@code userId} is a plain field.
 */
@EmbeddedSchema
public class Item {

    public UUID id;

    public String reference;

    public Integer price;

    public LocalDate validAt;

    public Long userId;

    @BelongsTo
    public User user;

    public static Item of(UUID id, Long userId) {
        Item item = new Item();
        item.id = id;
        item.userId = userId;
        return item;
    }

}
