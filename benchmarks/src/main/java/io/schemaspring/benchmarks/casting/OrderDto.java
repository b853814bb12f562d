package io.schemaspring.benchmarks.casting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The same order as a Jackson-bound DTO validated by Bean Validation. */
public class OrderDto {

    @NotNull
    @Valid
    public List<LineDto> lines;

    public static class LineDto {

        @NotNull
        public String sku;

        public String name;

        @NotNull
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(1000)
        public Integer quantity;

        public java.math.BigDecimal price;

        public java.math.BigDecimal discount;

        public Boolean gift;

        public java.time.LocalDate shipOn;

        public Long warehouse;

        @jakarta.validation.constraints.Size(max = 200)
        public String note;

        public java.util.UUID token;

    }

}
