/**
 * Spring Data Commons' repository infrastructure for schemas: the repository factory, its
 * factory bean, and the queries it derives from method names ({@code PartTree}) or reads
 * from {@code @SqlQuery}, translated into the starter's {@code Query}.
 */
@NullMarked
package io.schemaspring.data.support;

import org.jspecify.annotations.NullMarked;
