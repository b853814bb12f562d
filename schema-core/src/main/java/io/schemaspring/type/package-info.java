/**
 * Ecto.Type: the types of schema fields, their casting rules, custom {@code SchemaType}s
 * and the application-wide {@code SchemaTypes}.
 *
 * <p>
 * The names with "type" in them, and what each is:
 * <ul>
 * <li>{@code Type}: the type of one field, sealed: {@code PrimitiveType},
 * {@code ArrayType}, {@code MapType}, {@code EnumType}, {@code CustomType} or
 * {@code EmbedType}; prints as Ecto does ({@code :string}, {@code {:array,
 * :integer}}).</li>
 * <li>{@code FieldType}: the enum of Ecto's primitive types ({@code :id},
 * {@code :string}, {@code :utc_datetime}, ...), the value of
 * {@code @Field(type = ...)}.</li>
 * <li>{@code PrimitiveType}: a {@code FieldType} held in a particular Java class
 * ({@code :integer} in an {@code Integer}).</li>
 * <li>{@code SchemaType}: the interface of a user's custom type (Ecto's {@code Ecto.Type}
 * behaviour); {@code CustomType} is the {@code Type} of a field that uses one.</li>
 * <li>{@code SchemaTypes}: the custom types registered for the whole application,
 * consulted when a field's type is inferred; {@code SchemaTypeContributor} adds to
 * them.</li>
 * <li>{@code TypeInference}: infers a field's {@code Type} from its Java type.</li>
 * <li>{@link io.schemaspring.type.Type#storedType()}: Ecto's {@code Ecto.Type.type/1},
 * the type a value is stored as; the dialect turns it into a column
 * ({@code Storage}).</li>
 * </ul>
 * Not to be confused with {@code java.sql.Types}, JDBC's column type codes.
 */
@NullMarked
package io.schemaspring.type;

import org.jspecify.annotations.NullMarked;
