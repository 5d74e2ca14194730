package org.alcance.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feature packages depend one way: figures and replay → ingest → generation, and everything → projection,
 * which is pure Java (no Spring, no MongoDB, no Kafka) so that replay and live apply the very same code.
 */
@AnalyzeClasses(packages = "org.alcance.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("org.alcance.reporting.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule projectionsArePureJava = noClasses().that().resideInAPackage("..reporting.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "..reporting.ingest..", "..reporting.figures..",
                    "..reporting.replay..", "..reporting.generation..");

    @ArchTest
    static final ArchRule ingestKnowsNeitherFiguresNorReplay = noClasses().that().resideInAPackage("..reporting.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("..reporting.figures..", "..reporting.replay..");

    @ArchTest
    static final ArchRule figuresDoNotReplay = noClasses().that().resideInAPackage("..reporting.figures..")
            .should().dependOnClassesThat().resideInAPackage("..reporting.replay..");

    @ArchTest
    static final ArchRule noImplementationSuffixes = noClasses().should().haveSimpleNameEndingWith("Impl");
}
