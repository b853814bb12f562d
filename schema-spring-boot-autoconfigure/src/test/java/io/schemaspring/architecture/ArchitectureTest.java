package io.schemaspring.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The layering of the library (schema-core, schema-web, the auto-configuration): each
 * layer uses only the layers below it, no package cycles, internals used only by their
 * own part, and every package {@code @NullMarked}.
 */
class ArchitectureTest {

    private static final JavaClasses LIBRARY = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.schemaspring");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("type")
            .definedBy("io.schemaspring.type..")
            .layer("annotation")
            .definedBy("io.schemaspring.annotation..")
            .layer("metadata")
            .definedBy("io.schemaspring.metadata..")
            .layer("changeset")
            .definedBy("io.schemaspring.changeset..")
            .layer("query")
            .definedBy("io.schemaspring.query..")
            .layer("dialect")
            .definedBy("io.schemaspring.repo.dialect..")
            .layer("repo")
            .definedBy(JavaClass.Predicates.resideInAPackage("io.schemaspring.repo..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.schemaspring.repo.dialect.."))))
            .layer("data")
            .definedBy("io.schemaspring.data..")
            .layer("ddl")
            .definedBy("io.schemaspring.ddl..")
            .layer("web")
            .definedBy("io.schemaspring.web..")
            .layer("jackson")
            .definedBy("io.schemaspring.jackson..")
            .layer("autoconfigure")
            .definedBy("io.schemaspring.autoconfigure..")
            .whereLayer("autoconfigure")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("web")
            .mayOnlyBeAccessedByLayers("autoconfigure")
            .whereLayer("jackson")
            .mayOnlyBeAccessedByLayers("autoconfigure")
            .whereLayer("ddl")
            .mayOnlyBeAccessedByLayers("autoconfigure")
            .whereLayer("data")
            .mayOnlyBeAccessedByLayers("autoconfigure")
            .whereLayer("repo")
            .mayOnlyBeAccessedByLayers("data", "web", "jackson", "autoconfigure")
            .whereLayer("dialect")
            .mayOnlyBeAccessedByLayers("repo", "data", "ddl", "web", "jackson", "autoconfigure")
            .whereLayer("query")
            .mayOnlyBeAccessedByLayers("dialect", "repo", "data", "web", "jackson", "autoconfigure")
            .whereLayer("changeset")
            .mayOnlyBeAccessedByLayers("query", "dialect", "repo", "data", "web", "jackson", "autoconfigure")
            .whereLayer("metadata")
            .mayOnlyBeAccessedByLayers("changeset", "query", "dialect", "repo", "data", "ddl", "web", "jackson",
                    "autoconfigure")
            .whereLayer("annotation")
            .mayOnlyBeAccessedByLayers("metadata", "changeset", "query", "dialect", "repo", "data", "ddl", "web",
                    "jackson", "autoconfigure")
            .whereLayer("type")
            .mayOnlyBeAccessedByLayers("annotation", "metadata", "changeset", "query", "dialect", "repo", "data", "ddl",
                    "web", "jackson", "autoconfigure");
        layers.check(LIBRARY);
    }

    /**
     * Ecto.Query apart from Ecto.Repo: the query model is values read through public
     * accessors, so it names nothing of the engine that runs it, nor of Spring Data or
     * JDBC, and cannot hold the engine's plans or caches.
     */
    @Test
    void theQueryModelDependsOnNoEngine() {
        noClasses().that()
            .resideInAPackage("io.schemaspring.query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.schemaspring.repo..", "io.schemaspring.data..", "org.springframework.jdbc..",
                    "java.sql..")
            .check(LIBRARY);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.schemaspring.(**)").should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    void internalsAreUsedOnlyByTheirOwnPart() {
        classes().that().resideInAPackage("..internal..").should(beUsedOnlyBelowTheirParentPackage()).check(LIBRARY);
    }

    @Test
    void everyPackageIsNullMarked() {
        List<String> unmarked = LIBRARY.stream()
            .map(JavaClass::getPackage)
            .distinct()
            .filter(javaPackage -> !javaPackage.isAnnotatedWith(NullMarked.class))
            .map(JavaPackage::getName)
            .sorted()
            .toList();
        assertThat(unmarked).as("packages without @NullMarked in their package-info.java").isEmpty();
    }

    @Test
    void theRulesSeeTheWholeLibrary() {
        assertThat(LIBRARY.stream().map(JavaClass::getPackageName).distinct().toList()).contains("io.schemaspring.type",
                "io.schemaspring.metadata", "io.schemaspring.query", "io.schemaspring.repo",
                "io.schemaspring.repo.dialect", "io.schemaspring.data", "io.schemaspring.data.support",
                "io.schemaspring.repo.routing", "io.schemaspring.ddl", "io.schemaspring.web", "io.schemaspring.jackson",
                "io.schemaspring.autoconfigure");
    }

    /**
     * An internal package {@code a.b.internal.c} serves {@code a.b} and its subpackages
     * only.
     */
    private static ArchCondition<JavaClass> beUsedOnlyBelowTheirParentPackage() {
        return new ArchCondition<>("be used only by classes below the package that owns the internal package") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String owner = internal.getPackageName().substring(0, internal.getPackageName().indexOf(".internal"));
                internal.getDirectDependenciesToSelf()
                    .stream()
                    .filter(dependency -> !DescribedPredicate
                        .describe("below " + owner,
                                (JavaClass origin) -> origin.getPackageName().equals(owner)
                                        || origin.getPackageName().startsWith(owner + "."))
                        .test(dependency.getOriginClass()))
                    .forEach(dependency -> events
                        .add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
            }
        };
    }

}
