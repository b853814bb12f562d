package io.schemaspring.web;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Checks every {@code @Cast} parameter of the application's controllers at start-up:
 * known schema, known fields.
 */
public final class CastDeclarations {

    private CastDeclarations() {
    }

    /**
     * Checks the {@code @Cast} parameters of every handler method {@code mapping} holds:
     * the {@code Changeset} names a registered schema, each permitted name is one of its
     * fields, embeds or associations, each required name one of its fields, and
     * {@code requireIfMatch} has a {@code @Version} field to compare {@code If-Match} to.
     * @throws CastDefinitionException for the first parameter that cannot work: the
     * method, the parameter and why
     */
    public static void validate(RequestMappingHandlerMapping mapping, SchemaRegistry registry) {
        for (HandlerMethod method : mapping.getHandlerMethods().values()) {
            for (MethodParameter parameter : method.getMethodParameters()) {
                Cast cast = parameter.getParameterAnnotation(Cast.class);
                if (cast == null) {
                    continue;
                }
                try {
                    SchemaMetadata metadata = registry.get(ChangesetArgumentResolver.schemaOf(parameter));
                    ChangesetArgumentResolver.plan(metadata, cast);
                    if (cast.requireIfMatch() && metadata.versionField() == null) {
                        throw new IllegalStateException(
                                "requireIfMatch needs a @Version field on " + metadata.schemaClass().getSimpleName()
                                        + ", whose value is the ETag If-Match is compared to");
                    }
                }
                catch (RuntimeException ex) {
                    throw new CastDefinitionException(
                            method.getBeanType().getSimpleName() + "." + method.getMethod().getName(),
                            parameter.getParameterIndex(), String.valueOf(ex.getMessage()), ex);
                }
            }
        }
    }

}
