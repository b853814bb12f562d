/**
 * Read replicas: {@link io.schemaspring.repo.routing.ReplicaRoutingDataSource}, a Spring
 * routing data source that sends reads to PostgreSQL streaming replicas and everything
 * else to the primary, and {@link io.schemaspring.repo.routing.ReadRouting}, the per-call
 * hints it follows.
 */
@NullMarked
package io.schemaspring.repo.routing;

import org.jspecify.annotations.NullMarked;
