package io.schemaspring.annotation;

/** When a field may be written, Ecto's {@code :writable} option. */
public enum Writable {

    /** Written on insert and update (the default). */
    ALWAYS,
    /** Written on insert only, never on update. */
    INSERT,
    /** Never written by the repository; read only. */
    NEVER

}
