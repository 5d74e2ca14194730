package org.alcance.training;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The feature packages depend one way: participants on courses, never the reverse. */
@AnalyzeClasses(packages = "org.alcance.training", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("org.alcance.training.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coursesDoNotKnowAboutParticipants = noClasses().that().resideInAPackage("..training.course..")
            .should().dependOnClassesThat().resideInAPackage("..training.participant..");

    @ArchTest
    static final ArchRule personalDataStaysInTheParticipantPackage = noClasses()
            .that().resideOutsideOfPackage("..training.participant..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.alcance.training.participant.Participant");

    @ArchTest
    static final ArchRule noImplementationSuffixes = noClasses().should().haveSimpleNameEndingWith("Impl");
}
