package io.schemaspring.annotation;

/** What deleting the parent does to associated rows, Ecto's {@code :on_delete}. */
public enum OnDelete {

    /** Leave associated rows alone (the default; rely on the database constraint). */
    NOTHING,
    /**
     * Set the foreign key of associated rows to NULL (for many-to-many: remove the join
     * rows).
     */
    NILIFY_ALL,
    /** Delete associated rows (for many-to-many: the join rows) before the parent. */
    DELETE_ALL

}
