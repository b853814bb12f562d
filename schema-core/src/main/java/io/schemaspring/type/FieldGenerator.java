package io.schemaspring.type;

/**
 * Ecto's {@code autogenerate: {module, function, args}}: generates a field's value before
 * insert, when the value is not set, as in
 * {@code @Field(autogenerate = true, generator = MyGenerator.class)}. One instance serves
 * one field: a Spring bean of exactly the generator class when the application has one,
 * otherwise a new instance made through a public constructor taking a
 * {@link java.lang.reflect.Field} (the field it generates, Ecto's {@code args}) or
 * through the public no-argument constructor. {@link #generate()} is called once per
 * insert of a struct. On {@code @Timestamps(generator = ...)} a
 * {@code FieldGenerator<Instant>} is the schema's clock: called once per insert and once
 * per update, its instant fills every timestamp.
 *
 * @param <T> the value type; it must fit the field's Java type
 */
@FunctionalInterface
public interface FieldGenerator<T> {

    /** The value for one insert. */
    T generate();

}
