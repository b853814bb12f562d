package io.schemaspring.benchmarks.casting;

import io.schemaspring.annotation.EmbeddedSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@EmbeddedSchema(primaryKey = false)
public class OrderLine {

    public static final List<String> FIELDS = List.of("sku", "name", "quantity", "price", "discount", "gift", "shipOn",
            "warehouse", "note", "token");

    public String sku;

    public String name;

    public Integer quantity;

    public BigDecimal price;

    public BigDecimal discount;

    public Boolean gift;

    public LocalDate shipOn;

    public Long warehouse;

    public String note;

    public UUID token;

}
