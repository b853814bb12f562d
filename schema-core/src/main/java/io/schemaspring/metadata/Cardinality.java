package io.schemaspring.metadata;

/** Whether an association or embed holds one struct or a list of them. */
public enum Cardinality {

    ONE, MANY

}
