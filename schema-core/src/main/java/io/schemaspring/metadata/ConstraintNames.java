package io.schemaspring.metadata;

/**
 * Ecto's (and PostgreSQL's) naming conventions for constraints, in one place: the names a
 * changeset's {@code uniqueConstraint(field)} and {@code foreignKeyConstraint(field)}
 * expect by default, and the names {@code SchemaDdl} gives the constraints it creates.
 */
public final class ConstraintNames {

    private ConstraintNames() {
    }

    /** {@code posts_title_index}: Ecto's {@code unique_index(:posts, [:title])}. */
    public static String uniqueIndex(String table, String column) {
        return table + "_" + column + "_index";
    }

    /**
     * {@code comments_post_id_fkey}: the name PostgreSQL and Ecto's {@code references}
     * give a foreign key.
     */
    public static String foreignKey(String table, String column) {
        return table + "_" + column + "_fkey";
    }

}
