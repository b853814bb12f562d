package io.schemaspring.benchmarks.casting;

import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.EmbedsMany;
import java.util.List;

/**
 * An order of 10-field lines: the payload of the casting scaling benchmark (10 fields per
 * line).
 */
@EmbeddedSchema(primaryKey = false)
public class Order {

    @EmbedsMany
    public List<OrderLine> lines;

}
