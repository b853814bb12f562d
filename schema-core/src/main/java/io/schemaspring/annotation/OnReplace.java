package io.schemaspring.annotation;

/** What casting does to a child that is replaced, Ecto's {@code :on_replace}. */
public enum OnReplace {

    RAISE, MARK_AS_INVALID, NILIFY, UPDATE, DELETE, DELETE_IF_EXISTS

}
