package nl.retentiewerkboek;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.data.repository.Repository;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.retentiewerkboek");

    @Test
    void the_calculations_use_no_framework() {
        noClasses().that().resideInAPackage("..metrics..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "jakarta..", "org.hibernate..", "com.vladsch..",
                        "org.openpdf..", "nl.retentiewerkboek.workbook..", "nl.retentiewerkboek.lessons..",
                        "nl.retentiewerkboek.cohorts..", "nl.retentiewerkboek.security..", "nl.retentiewerkboek.base..")
                .because("formulas live once, in a pure domain that every screen and the PDF share")
                .check(CLASSES);
    }

    @Test
    void views_never_use_repositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("the UI calls services, which carry security, transactions and validation")
                .check(CLASSES);
    }

    @Test
    void only_services_and_components_touch_repositories() {
        classes().that().areAssignableTo(Repository.class)
                .should().onlyBeAccessed().byClassesThat(
                        DescribedPredicate.or(metaAnnotatedWith(Component.class), assignableTo(Repository.class)))
                .check(CLASSES);
    }

    @Test
    void flexmark_is_used_only_in_the_markdown_adapter() {
        noClasses().that().doNotHaveSimpleName("MarkdownRenderer")
                .should().dependOnClassesThat().resideInAPackage("com.vladsch.flexmark..")
                .check(CLASSES);
    }

    @Test
    void features_have_no_cycles() {
        slices().matching("nl.retentiewerkboek.(*)..")
                .should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("nl.retentiewerkboek.base.."), DescribedPredicate.alwaysTrue())
                .check(CLASSES);
    }
}
