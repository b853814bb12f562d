package io.schemaspring.web;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds an {@code ETag} from {@code @Version} to every response whose body is one stored
 * struct of a schema that has a version, unless the handler set one: the tag a client
 * sends back in {@code If-Match} to a {@code @Cast} change.
 */
@ControllerAdvice
public class VersionETagAdvice implements ResponseBodyAdvice<Object> {

    private final SchemaRegistry registry;

    /**
     * Creates the advice over the application's registry, whose metadata tells which
     * response bodies are structs of a schema with a {@code @Version}.
     */
    public VersionETagAdvice(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body != null && !response.getHeaders().containsHeader(HttpHeaders.ETAG)) {
            SchemaMetadata metadata = this.registry.find(body.getClass());
            String tag = metadata == null || metadata.embedded() ? null : EntityTags.of(metadata, body);
            if (tag != null) {
                response.getHeaders().setETag(tag);
            }
        }
        return body;
    }

}
