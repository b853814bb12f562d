package io.schemaspring.repo.it.ecto;

import io.schemaspring.annotation.Schema;

/**
 * Not one of Ecto's schemas: a category under a parent category, the tree the recursive
 * common table expressions of the joins contract walk.
 */
@Schema("ecto_categories")
public class Category {

    public Long id;

    public String name;

    public Long parentId;

    public static Category named(String name, Category parent) {
        Category category = new Category();
        category.name = name;
        category.parentId = parent == null ? null : parent.id;
        return category;
    }

}
