package vn.hanoi.branch.installer;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules between modules and features, checked on the production classes of every module
 * (the installer's test classpath holds the agent and both apps, and through them all of shared; test
 * classes and test-jars are left out). Maven already keeps most of these apart; these rules also catch a
 * dependency someone adds to a pom "just for this one class".
 */
class ArchitectureTest {
    private static final String ROOT = "vn.hanoi.branch";
    private static final String[] APPS = {ROOT + ".agent..", ROOT + ".kiosk..", ROOT + ".counter..",
            ROOT + ".demo..", ROOT + ".installer.."};
    private static final String[] DEVICES = {ROOT + ".card..", ROOT + ".printer..", ROOT + ".qr..", ROOT + ".scan.."};
    private static final String[] DOCUMENTS = {ROOT + ".pdf..", ROOT + ".certify..", ROOT + ".slip.."};
    /** shared/base, shared/api and shared/rules: what every module may use. */
    private static final String[] FOUNDATION = {ROOT + ".files..", ROOT + ".csv..", ROOT + ".i18n..", ROOT + ".retry..",
            ROOT + ".api..", ROOT + ".client..", ROOT + ".calendar..", ROOT + ".code..", ROOT + ".dossier..",
            ROOT + ".ticket.."};

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // test-jars, should one come along
                .importPackages(ROOT);
    }

    @Test
    void productionNeverUsesTheTestkitOrTheDemo() {
        check(noClasses().that().resideOutsideOfPackages(ROOT + ".testkit..", ROOT + ".demo..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".testkit..", ROOT + ".demo..")
                .because("the testkit and the demo are tooling and never shipped"));
    }

    @Test
    void appsTalkToTheAgentOnlyThroughItsApi() {
        check(noClasses().that().resideInAnyPackage(ROOT + ".kiosk..", ROOT + ".counter..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".agent..")
                .because("the kiosk and the counter reach the agent over the LAN API (vn.hanoi.branch.client)"));
    }

    @Test
    void theAgentHasNoScreenAndNoDevices() {
        String[] forbidden = concat(new String[] {"javafx.."}, DEVICES);
        check(noClasses().that().resideInAPackage(ROOT + ".agent..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("the agent is a headless service; card readers, printers and scanners sit at the apps"));
    }

    @Test
    void sharedFoundationDependsOnNoAppDeviceOrDocument() {
        check(noClasses().that().resideInAnyPackage(FOUNDATION)
                .should().dependOnClassesThat().resideInAnyPackage(concat(APPS, DEVICES, DOCUMENTS))
                .because("shared/base, api and rules sit below everything else"));
    }

    @Test
    void screensNeverReachTheDatabase() {
        check(noClasses().that(useJavaFxScenes())
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".agent.db..", "java.sql..")
                .because("a screen shows a model; data comes through the agent's API"));
    }

    /**
     * Known back edge, to remove: the supervisor screen takes the desk's model, which also opens the
     * supervisor's. Any other cycle fails.
     */
    @Test
    void counterFeaturesHaveNoCycles() {
        check(featuresFreeOfCycles("counter")
                .ignoreDependency(resideInAPackage(ROOT + ".counter.supervisor.."), resideInAPackage(ROOT + ".counter.desk..")));
    }

    /**
     * Known back edges, to remove: the declaration, identity and lookup screens take the ticket package's
     * TakeNumberModel, which opens them. Any other cycle fails.
     */
    @Test
    void kioskFeaturesHaveNoCycles() {
        check(featuresFreeOfCycles("kiosk").ignoreDependency(
                resideInAnyPackage(ROOT + ".kiosk.dossier..", ROOT + ".kiosk.identity..", ROOT + ".kiosk.lookup.."),
                resideInAPackage(ROOT + ".kiosk.ticket..")));
    }

    /*
     * No cycle rule for the agent's features yet: audit, auth, sync, booking, ticket and dossier still call
     * each other both ways (18 cycles when this test was written). The rule below keeps at least its
     * database and configuration below every feature.
     */

    @Test
    void theAgentsDatabaseAndConfigurationKnowNoFeature() {
        check(noClasses().that().resideInAnyPackage(ROOT + ".agent.db..", ROOT + ".agent.config..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + ".agent..")
                        .and(resideOutsideOfPackages(ROOT + ".agent.db..", ROOT + ".agent.config..")))
                .because("every feature of the agent builds on them"));
    }

    @Test
    void modulesAndSharedPackagesHaveNoCycles() {
        check(slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles());
    }

    private static SliceRule featuresFreeOfCycles(String app) {
        return slices().matching(ROOT + "." + app + ".(*)..").namingSlices(app + " feature $1").should().beFreeOfCycles();
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }

    private static DescribedPredicate<JavaClass> useJavaFxScenes() {
        return new DescribedPredicate<>("use javafx.scene") {
            @Override
            public boolean test(JavaClass c) {
                return c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("javafx.scene"));
            }
        };
    }

    private static String[] concat(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
