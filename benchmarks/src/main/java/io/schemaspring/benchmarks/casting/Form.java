package io.schemaspring.benchmarks.casting;

import io.schemaspring.annotation.EmbeddedSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** A 20-field form as an embedded schema (no table): what a changeset casts into. */
@EmbeddedSchema(primaryKey = false)
public class Form {

    public String name;

    public String email;

    public Integer age;

    public String street;

    public String city;

    public String zip;

    public String country;

    public String phone;

    public Integer quantity;

    public Integer floor;

    public Integer rooms;

    public Long customerNumber;

    public Long referrer;

    public Boolean newsletter;

    public Boolean terms;

    public BigDecimal price;

    public BigDecimal discount;

    public LocalDate birthday;

    public LocalDateTime deliverAt;

    public UUID token;

}
