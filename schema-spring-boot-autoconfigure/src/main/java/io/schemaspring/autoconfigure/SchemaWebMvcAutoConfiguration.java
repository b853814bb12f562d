package io.schemaspring.autoconfigure;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Repo;
import io.schemaspring.web.CastDeclarations;
import io.schemaspring.web.CastingBinderAdvice;
import io.schemaspring.web.ChangesetArgumentResolver;
import io.schemaspring.web.RequestParams;
import io.schemaspring.web.SchemaProblemHandler;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Web casting for servlet applications: the casting binder for schema {@code @ModelAttribute}s,
 * {@code @Cast Changeset<T>} arguments and problem responses. Off with {@code schema.web.enabled=false}.
 */
@AutoConfiguration(after = {SchemaRepositoryAutoConfiguration.class, WebMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, ChangesetArgumentResolver.class})
@ConditionalOnBooleanProperty(name = "schema.web.enabled", matchIfMissing = true)
public final class SchemaWebMvcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CastingBinderAdvice castingBinderAdvice(SchemaRegistry registry) {
        return new CastingBinderAdvice(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    SchemaProblemHandler schemaProblemHandler(SchemaRegistry registry, MessageSource messageSource) {
        return new SchemaProblemHandler(registry, messageSource);
    }

    @Bean
    @ConditionalOnMissingBean
    ChangesetArgumentResolver changesetArgumentResolver(SchemaRegistry registry, ObjectProvider<Repo> repo,
            SchemaProperties properties) {
        return new ChangesetArgumentResolver(registry, repo,
                new RequestParams(properties.getWeb().getMaxPayloadBytes(), properties.getWeb().getMaxDepth()));
    }

    @Bean
    WebMvcConfigurer schemaWebMvcConfigurer(ChangesetArgumentResolver changesetArgumentResolver) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(changesetArgumentResolver);
            }
        };
    }

    @Bean
    SmartInitializingSingleton castDeclarationsCheck(ObjectProvider<RequestMappingHandlerMapping> mappings,
            SchemaRegistry registry) {
        return () -> mappings.orderedStream().forEach(mapping -> CastDeclarations.validate(mapping, registry));
    }
}
