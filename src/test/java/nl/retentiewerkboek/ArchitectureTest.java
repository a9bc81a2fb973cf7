package nl.retentiewerkboek;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.retentiewerkboek");

    @Test
    void the_calculations_use_no_framework() {
        noClasses()
                .that()
                .resideInAPackage("..metrics..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.vaadin..",
                        "jakarta..",
                        "org.hibernate..",
                        "com.vladsch..",
                        "org.openpdf..",
                        "nl.retentiewerkboek.workbook..",
                        "nl.retentiewerkboek.lessons..",
                        "nl.retentiewerkboek.cohorts..",
                        "nl.retentiewerkboek.security..",
                        "nl.retentiewerkboek.base..")
                .because("formulas live once, in a pure domain that every screen and the PDF share")
                .check(CLASSES);
    }

    @Test
    void the_calculations_depend_only_on_java_and_themselves() {
        classes()
                .that()
                .resideInAPackage("nl.retentiewerkboek.metrics..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "nl.retentiewerkboek.metrics..")
                .because("an allow-list: metrics is plain Java, whatever library comes next")
                .check(CLASSES);
    }

    /** Each library has one adapter; the rest of the code does not know it is there. */
    @ParameterizedTest(name = "{0} only in {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "com.vladsch.flexmark.. | nl.retentiewerkboek.lessons",
                // and the shell: Vaadin's hook for the first page (<html lang>) hands over a jsoup document
                "org.jsoup.. | nl.retentiewerkboek.lessons nl.retentiewerkboek.shell",
                "org.openpdf.. | nl.retentiewerkboek.actionplan",
                "com.lowagie.. | nl.retentiewerkboek.actionplan",
                "org.jfree.. | nl.retentiewerkboek.charts",
                "io.github.bucket4j.. | nl.retentiewerkboek.security",
                "org.dhatim.. | nl.retentiewerkboek.spreadsheets",
                "org.h2.. | nl.retentiewerkboek.storage",
                "org.postgresql.. | nl.retentiewerkboek.storage",
                "org.yaml.. | nl.retentiewerkboek.lessons",
            })
    void each_library_is_confined_to_its_adapter_package(String library, String adapters) {
        noClasses()
                .that()
                .resideOutsideOfPackages(Arrays.stream(adapters.split(" "))
                        .map(adapter -> adapter + "..")
                        .toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(library)
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void fastcsv_reads_in_imports_and_writes_in_spreadsheets() {
        noClasses()
                .that()
                .resideOutsideOfPackages("nl.retentiewerkboek.imports..", "nl.retentiewerkboek.spreadsheets..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("de.siegmar.fastcsv..")
                .check(CLASSES);
    }

    @Test
    void every_public_service_method_says_who_may_call_it() {
        ArchRuleDefinition.methods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Service.class)
                .and()
                .doNotHaveName("equals")
                .and()
                .doNotHaveName("hashCode")
                .and()
                .doNotHaveName("toString")
                .should(
                        new ArchCondition<JavaMethod>(
                                "carry @PreAuthorize, @PermitAll or @RolesAllowed, on the method or its class") {
                            @Override
                            public void check(JavaMethod method, ConditionEvents events) {
                                boolean secured = SECURITY.stream()
                                        .anyMatch(a -> method.isAnnotatedWith(a)
                                                || method.getOwner().isAnnotatedWith(a));
                                if (!secured && !method.getModifiers().contains(JavaModifier.STATIC)) {
                                    events.add(SimpleConditionEvent.violated(method, method.getFullName()));
                                }
                            }
                        })
                .because("access is enforced in services: a method without a rule is a door left open by accident")
                .check(CLASSES);
    }

    private static final List<Class<? extends Annotation>> SECURITY =
            List.of(PreAuthorize.class, PermitAll.class, RolesAllowed.class);

    @Test
    void views_never_use_repositories() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .because("the UI calls services, which carry security, transactions and validation")
                .check(CLASSES);
    }

    @Test
    void only_services_and_components_touch_repositories() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .onlyBeAccessed()
                .byClassesThat(
                        DescribedPredicate.or(metaAnnotatedWith(Component.class), assignableTo(Repository.class)))
                .check(CLASSES);
    }

    @Test
    void flexmark_is_used_only_in_the_markdown_adapter() {
        noClasses()
                .that()
                .doNotHaveSimpleName("MarkdownRenderer")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.vladsch.flexmark..")
                .check(CLASSES);
    }

    @Test
    void features_have_no_cycles() {
        slices().matching("nl.retentiewerkboek.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void the_shared_layers_use_no_feature_and_no_feature_uses_the_shell() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "nl.retentiewerkboek.base..", "nl.retentiewerkboek.settings..", "nl.retentiewerkboek.metrics..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "nl.retentiewerkboek.security..",
                        "nl.retentiewerkboek.workbook..",
                        "nl.retentiewerkboek.cohorts..",
                        "nl.retentiewerkboek.actionplan..",
                        "nl.retentiewerkboek.imports..",
                        "nl.retentiewerkboek.lessons..",
                        "nl.retentiewerkboek.storage..",
                        "nl.retentiewerkboek.demo..",
                        "nl.retentiewerkboek.shell..",
                        "nl.retentiewerkboek.charts..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage("nl.retentiewerkboek.shell..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("nl.retentiewerkboek.shell..")
                .check(CLASSES);
    }

    @Test
    void other_modules_use_only_the_workbooks_ui_kit() {
        noClasses()
                .that()
                .resideOutsideOfPackage("nl.retentiewerkboek.workbook..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("nl.retentiewerkboek.workbook.ui")
                .because("the worksheet frame and the history panel are the workbook's named UI kit (workbook.ui.kit); "
                        + "its other screens are its own business")
                .check(CLASSES);
    }

    /**
     * Code that calls a repository runs in a transaction: declared (with a propagation that has one) on it or its
     * class, or inside the callback of a TransactionTemplate. A private helper inherits it from its callers. Not seen:
     * {@code @Transactional} on a method called from its own class (Spring's proxy does not apply it).
     */
    @Test
    void only_transactional_code_touches_repositories() {
        classes()
                .that()
                .areNotAssignableTo(Repository.class)
                .should(new ArchCondition<JavaClass>("call repositories only inside a transaction") {
                    @Override
                    public void check(JavaClass owner, ConditionEvents events) {
                        for (JavaCodeUnit unit : owner.getCodeUnits()) {
                            for (JavaAccess<?> access : repositoryAccesses(unit)) {
                                boolean inTemplate = access.isDeclaredInLambda() && callsTransactionTemplate(unit);
                                if (!inTemplate && !inTransaction(unit, new HashSet<>())) {
                                    events.add(SimpleConditionEvent.violated(
                                            unit, access.getDescription() + " outside a transaction"));
                                }
                            }
                        }
                    }
                })
                .because("a repository call outside a transaction commits half a change, or none")
                .check(CLASSES);
    }

    /** Calls and method references (accounts::findById) to a repository. */
    private static List<JavaAccess<?>> repositoryAccesses(JavaCodeUnit unit) {
        List<JavaAccess<?>> accesses = new ArrayList<>();
        unit.getMethodCallsFromSelf().stream()
                .filter(call -> call.getTargetOwner().isAssignableTo(Repository.class))
                .forEach(accesses::add);
        unit.getMethodReferencesFromSelf().stream()
                .filter(ref -> ref.getTargetOwner().isAssignableTo(Repository.class))
                .forEach(accesses::add);
        return accesses;
    }

    private static boolean callsTransactionTemplate(JavaCodeUnit unit) {
        return unit.getMethodCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().isAssignableTo(TransactionTemplate.class));
    }

    private static final Set<Propagation> WITHOUT_TRANSACTION =
            Set.of(Propagation.NOT_SUPPORTED, Propagation.NEVER, Propagation.SUPPORTS);

    /** Whether a code unit always runs in a transaction; a private helper or a lambda inherits it from its callers. */
    private static boolean inTransaction(JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
        if (!seen.add(unit)) {
            return true;
        }
        Optional<Transactional> declared = unit.tryGetAnnotationOfType(Transactional.class)
                .or(() -> unit.getOwner().tryGetAnnotationOfType(Transactional.class));
        if (declared.isPresent()) {
            return !WITHOUT_TRANSACTION.contains(declared.get().propagation());
        }
        boolean helper = unit.getModifiers().contains(JavaModifier.PRIVATE)
                || unit.getModifiers().contains(JavaModifier.SYNTHETIC);
        Set<? extends JavaAccess<?>> callers = unit.getAccessesToSelf();
        return helper
                && !callers.isEmpty()
                && callers.stream()
                        .allMatch(call -> call.getOrigin().getOwner().equals(unit.getOwner())
                                && inTransaction(call.getOrigin(), seen));
    }

    /**
     * An event of a feature is published by that feature; events any feature may publish live in base. The events are
     * found as the parameter of a Spring event listener, so an event nobody listens to is not checked.
     */
    @Test
    void a_module_publishes_its_own_events() {
        Set<JavaClass> eventTypes = new HashSet<>();
        for (JavaClass c : CLASSES) {
            for (JavaMethod m : c.getMethods()) {
                if ((m.isAnnotatedWith(EventListener.class) || m.isAnnotatedWith(TransactionalEventListener.class))
                        && m.getRawParameterTypes().size() == 1) {
                    eventTypes.add(m.getRawParameterTypes().getFirst());
                }
            }
        }
        assertThat(eventTypes)
                .extracting(JavaClass::getSimpleName)
                .contains("WorkbookChanged", "PlanDownloaded", "CohortChanged");
        for (JavaClass event : eventTypes) {
            if (!event.getPackageName().startsWith("nl.retentiewerkboek.")
                    || event.getPackageName().equals("nl.retentiewerkboek.base")) {
                continue;
            }
            String module = moduleOf(event);
            noClasses()
                    .that()
                    .resideOutsideOfPackage("nl.retentiewerkboek." + module + "..")
                    .should()
                    .callConstructorWhere(DescribedPredicate.describe(
                            "a constructor of " + event.getSimpleName(),
                            (JavaConstructorCall call) -> call.getTargetOwner().equals(event)))
                    .because(event.getSimpleName() + " is " + module + "'s own event")
                    .check(CLASSES);
        }
    }

    @Test
    void time_comes_from_the_injected_clock() {
        noClasses()
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "a java.time now(..) without a Clock, or a system clock",
                        (JavaMethodCall call) ->
                                call.getTargetOwner().getPackageName().equals("java.time")
                                        && (call.getName().equals("now")
                                                        && call.getTarget().getRawParameterTypes().stream()
                                                                .noneMatch(t -> t.isEquivalentTo(Clock.class))
                                                || call.getTargetOwner().isEquivalentTo(Clock.class)
                                                        && call.getName().startsWith("system")
                                                        && !call.getOriginOwner()
                                                                .getName()
                                                                .equals(SETTINGS))))
                .orShould()
                .callMethod(ZoneId.class, "systemDefault")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .because(
                        "every screen, service and mail reads the time from the Clock bean, in the one time zone setting")
                .check(CLASSES);
    }

    private static final String SETTINGS = "nl.retentiewerkboek.settings.Settings";

    @Test
    void numbers_and_dates_are_formatted_for_a_language_in_one_place() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(LocaleNumbers.class.getName())
                .and()
                .doNotHaveFullyQualifiedName("nl.retentiewerkboek.storage.Backups")
                .should()
                .callMethod(DateTimeFormatter.class, "ofPattern", String.class)
                .orShould()
                .callMethod(DateTimeFormatter.class, "ofPattern", String.class, Locale.class)
                .orShould()
                .callMethod(DateTimeFormatter.class, "ofLocalizedDate", FormatStyle.class)
                .orShould()
                .callMethod(DateTimeFormatter.class, "ofLocalizedDateTime", FormatStyle.class)
                .orShould()
                .callConstructor(DecimalFormat.class, String.class, DecimalFormatSymbols.class)
                .orShould()
                .callMethod(NumberFormat.class, "getInstance", Locale.class)
                .orShould()
                .callMethod(NumberFormat.class, "getNumberInstance", Locale.class)
                .orShould()
                .callMethod(NumberFormat.class, "getPercentInstance", Locale.class)
                .orShould()
                .callMethod(DateTimeFormatter.class, "ofLocalizedTime", FormatStyle.class)
                .orShould()
                .callMethod(DateTimeFormatter.class, "ofLocalizedDateTime", FormatStyle.class, FormatStyle.class)
                .orShould()
                .callConstructor(DecimalFormat.class, String.class)
                .orShould()
                .callMethod(String.class, "format", Locale.class, String.class, Object[].class)
                .because("LocaleNumbers writes numbers and dates as each language does (Backups only names its files)")
                .check(CLASSES);
    }

    private static String moduleOf(JavaClass c) {
        String rest = c.getPackageName().substring("nl.retentiewerkboek.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
