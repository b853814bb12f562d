package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;
import io.schemaspring.type.FieldType;
import java.time.Instant;
import java.time.LocalDateTime;

/** Ecto's {@code Ecto.Integration.Usec}: datetimes with microseconds. */
@Schema("ecto_usecs")
public class Usec {

    public Long id;

    @Field(type = FieldType.NAIVE_DATETIME_USEC)
    public LocalDateTime naiveDatetimeUsec;

    @Field(type = FieldType.UTC_DATETIME_USEC)
    public Instant utcDatetimeUsec;

}
