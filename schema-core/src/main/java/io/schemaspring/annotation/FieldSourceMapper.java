package io.schemaspring.annotation;

/**
 * Maps a Java field name to its column name, Ecto's {@code @field_source_mapper}. A
 * {@code @Field(source = ...)} always wins over the mapper.
 */
@FunctionalInterface
public interface FieldSourceMapper {

    /**
     * {@code insertedAt} -> {@code inserted_at}, {@code userID} -> {@code user_id},
     * {@code address2} -> {@code address2}.
     */
    FieldSourceMapper SNAKE_CASE = FieldSourceMapper::snakeCase;

    /** The field name as it is. */
    FieldSourceMapper IDENTITY = name -> name;

    /** The column name of the Java field {@code fieldName}. */
    String sourceFor(String fieldName);

    private static String snakeCase(String name) {
        StringBuilder result = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char current = name.charAt(i);
            if (Character.isUpperCase(current) && i > 0) {
                char previous = name.charAt(i - 1);
                boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextIsLower)) {
                    result.append('_');
                }
            }
            result.append(Character.toLowerCase(current));
        }
        return result.toString();
    }

}
