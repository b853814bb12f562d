/**
 * Spring MVC: the casting binder, {@code @Cast} changeset arguments and problem
 * responses.
 */
@NullMarked
package io.schemaspring.web;

import org.jspecify.annotations.NullMarked;
