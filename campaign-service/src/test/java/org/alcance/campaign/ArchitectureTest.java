package org.alcance.campaign;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The feature packages depend one way: progress updates on campaigns, never the reverse. */
@AnalyzeClasses(packages = "org.alcance.campaign", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("org.alcance.campaign.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule campaignsDoNotKnowAboutUpdates = noClasses().that().resideInAPackage("..campaign.campaign..")
            .should().dependOnClassesThat().resideInAPackage("..campaign.update..");

    @ArchTest
    static final ArchRule noImplementationSuffixes = noClasses().should().haveSimpleNameEndingWith("Impl");
}
