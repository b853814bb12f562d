package io.schemaspring.annotation;

/** A boolean option that can also be left to the next level of defaults. */
public enum Toggle {

    DEFAULT, TRUE, FALSE

}
