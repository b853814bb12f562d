package io.schemaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.autoconfigure.fixtures.generators.Coded;
import io.schemaspring.autoconfigure.fixtures.generators.Codes;
import io.schemaspring.autoconfigure.fixtures.library.Book;
import io.schemaspring.autoconfigure.fixtures.library.BookRepository;
import io.schemaspring.autoconfigure.fixtures.library.Shelf;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.data.support.SchemaRepositoryFactoryBean;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.data.repository.Repository;
import org.springframework.javapoet.ClassName;
import org.springframework.transaction.interceptor.TransactionalProxy;

class SchemaRuntimeHintsAotProcessorTest {

    private RuntimeHints process(DefaultListableBeanFactory beanFactory) {
        BeanFactoryInitializationAotContribution contribution = new SchemaRuntimeHintsAotProcessor()
            .processAheadOfTime(beanFactory);
        DefaultGenerationContext context = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get("com.example", "App")), new InMemoryGeneratedFiles());
        assertThat(contribution).isNotNull();
        contribution.applyTo(context, null);
        return context.getRuntimeHints();
    }

    @Test
    void registersSchemasTheirGeneratorsAndRepositoryProxies() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.registerSingleton("schemaRegistry",
                SchemaRegistry.builder().add(Book.class, Shelf.class, Coded.class).build());
        RootBeanDefinition repository = new RootBeanDefinition(SchemaRepositoryFactoryBean.class);
        repository.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, BookRepository.class);
        beanFactory.registerBeanDefinition("bookRepository", repository);

        RuntimeHints hints = process(beanFactory);

        for (Class<?> schema : new Class<?>[] { Book.class, Shelf.class, Coded.class }) {
            assertThat(RuntimeHintsPredicates.reflection()
                .onType(schema)
                .withMemberCategories(MemberCategory.ACCESS_DECLARED_FIELDS,
                        MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
                .accepts(hints);
        }
        assertThat(RuntimeHintsPredicates.reflection()
            .onType(Codes.class)
            .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
            .onType(BookRepository.class)
            .withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.proxies()
            .forInterfaces(AopProxyUtils.completeJdkProxyInterfaces(BookRepository.class, Repository.class,
                    TransactionalProxy.class)))
            .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(String.class)).rejects(hints);
    }

    @Test
    void contributesNothingWithoutARegistry() {
        assertThat(new SchemaRuntimeHintsAotProcessor().processAheadOfTime(new DefaultListableBeanFactory())).isNull();
    }

    @Test
    void isRegisteredForSpringAot() {
        assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
            .load(BeanFactoryInitializationAotProcessor.class))
            .anyMatch(SchemaRuntimeHintsAotProcessor.class::isInstance);
    }

}
