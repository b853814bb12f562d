package io.schemaspring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.schemaspring.autoconfigure.web.fixtures.Article;
import io.schemaspring.autoconfigure.web.fixtures.ArticleController;
import io.schemaspring.changeset.Changeset;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.web.Cast;
import io.schemaspring.web.CastDeclarations;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class CastDeclarationsTest {

    @RestController
    static class MisspelledController {

        @PostMapping("/misspelled")
        void create(@Cast(permit = { "title", "tilte" }) Changeset<Article> changeset) {
        }

    }

    @RestController
    static class UnversionedController {

        @PutMapping("/articles/{id}")
        void update(@Cast(permit = "title", requireIfMatch = true) Changeset<Article> changeset) {
        }

    }

    @Test
    void failsStartupForARequiredIfMatchOnASchemaWithoutVersion() {
        SchemaRegistry registry = SchemaRegistry.builder().add(Article.class).build();
        assertThatThrownBy(() -> CastDeclarations.validate(mappingOf(UnversionedController.class), registry))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("Invalid @Cast on parameter 0 of UnversionedController.update: requireIfMatch needs a @Version "
                    + "field on Article, whose value is the ETag If-Match is compared to");
    }

    private static RequestMappingHandlerMapping mappingOf(Class<?> controller) {
        GenericWebApplicationContext context = new GenericWebApplicationContext();
        context.registerBean(controller);
        context.refresh();
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    @Test
    void failsStartupForACastThatPermitsAnUnknownField() {
        SchemaRegistry registry = SchemaRegistry.builder().add(Article.class).build();
        assertThatThrownBy(() -> CastDeclarations.validate(mappingOf(MisspelledController.class), registry))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("Invalid @Cast on parameter 0 of MisspelledController.create: @Cast permits :tilte, which "
                    + "Article does not have; its fields are [id, title, body, views, published, tags, secretNote, "
                    + "score, lockVersion, seo, insertedAt, updatedAt]");
    }

    @Test
    void anInvalidCastIsReportedByTheFailureAnalysis() {
        SchemaRegistry registry = SchemaRegistry.builder().add(Article.class).build();
        Throwable failure = org.assertj.core.api.Assertions
            .catchThrowable(() -> CastDeclarations.validate(mappingOf(UnversionedController.class), registry));
        org.springframework.boot.diagnostics.FailureAnalysis analysis = new io.schemaspring.autoconfigure.CastDefinitionFailureAnalyzerAccess()
            .analyze(new IllegalStateException("context refresh failed", failure));
        org.assertj.core.api.Assertions.assertThat(analysis.getDescription())
            .isEqualTo("Controller method "
                    + "UnversionedController.update, @Cast on parameter 0 is invalid: requireIfMatch needs a @Version field on "
                    + "Article, whose value is the ETag If-Match is compared to.");
        org.assertj.core.api.Assertions.assertThat(analysis.getAction())
            .isEqualTo(
                    "Fix: change the @Cast annotation (or " + "the schema) so that it names only what the schema has.");
    }

    @Test
    void acceptsTheDeclarationsOfAValidController() {
        SchemaRegistry registry = SchemaRegistry.builder().add(Article.class).build();
        GenericWebApplicationContext context = new GenericWebApplicationContext();
        context.registerBean(ArticleController.class, () -> new ArticleController(null, null));
        context.refresh();
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        assertThatNoException().isThrownBy(() -> CastDeclarations.validate(mapping, registry));
    }

}
