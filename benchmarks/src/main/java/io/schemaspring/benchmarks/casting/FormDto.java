package io.schemaspring.benchmarks.casting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** The same form as a DTO for Jackson binding and Bean Validation. */
public class FormDto {

    @NotBlank
    @Size(max = 100)
    public String name;

    @NotBlank
    public String email;

    @NotNull
    @Min(0)
    @Max(150)
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
