package io.schemaspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code schema.replicas.nodes} names at least one replica (whatever its
 * settings).
 */
final class OnReplicasCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean any = Binder.get(context.getEnvironment())
            .bind("schema.replicas.nodes", Bindable.listOf(SchemaProperties.Replicas.Node.class))
            .map(nodes -> !nodes.isEmpty())
            .orElse(false);
        return any ? ConditionOutcome.match("schema.replicas.nodes is set")
                : ConditionOutcome.noMatch("schema.replicas.nodes is not set");
    }

}
