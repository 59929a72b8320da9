package gfgd.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import gfgd.claims.Claim;
import java.util.Optional;
import java.util.Set;

/**
 * The layering of DESIGN.md ("Layout") as ArchUnit rules over the main classes (src/main/java and
 * theorems/, both compiled into target/classes):
 *
 * <pre>
 *   numeric  <-  objective  <-  dynamics, curvature  <-  claims  <-  claim packages  <-  report, cli, bench
 *   numeric  <-  taylor
 * </pre>
 *
 * <p>A <em>claim package</em> is a top-level package {@code gfgd.X} outside the library that holds an
 * implementation of {@link Claim} ({@code gfgd.euler}, {@code gfgd.thm1}, ...), so a new claim is
 * covered without editing these rules. A helper shared by several claims gets a package of its own,
 * which is not a claim package (it holds no Claim), and claim packages may use it.
 *
 * <p>Each rule is a field so that {@link LayeringTest} runs it on the real classes and
 * {@link LayeringRulesFailTest} shows it fails on a violation, naming the class and the dependency.
 */
final class Layering {

    /** The library packages, bottom-up; every other top-level gfgd package is a claim or helper package. */
    static final Set<String> LIBRARY = Set.of(
            "gfgd.numeric", "gfgd.taylor", "gfgd.objective", "gfgd.dynamics", "gfgd.curvature",
            "gfgd.claims", "gfgd.report", "gfgd.cli", "gfgd.bench");

    private static final String ROOT = "gfgd";

    private Layering() {
    }

    /** {@code gfgd.X} for a class anywhere under {@code gfgd.X..}; empty outside gfgd. */
    static Optional<String> topLevelPackage(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        int next = packageName.indexOf('.', ROOT.length() + 1);
        return Optional.of(next < 0 ? packageName : packageName.substring(0, next));
    }

    /** Whether the top-level package of this class is a claim package (holds an implementation of Claim). */
    static final DescribedPredicate<JavaClass> IN_A_CLAIM_PACKAGE =
            DescribedPredicate.describe("reside in a claim package (gfgd.X outside the library, holding a Claim)",
                    Layering::inClaimPackage);

    static boolean inClaimPackage(JavaClass c) {
        Optional<String> top = topLevelPackage(c.getPackageName());
        if (top.isEmpty() || LIBRARY.contains(top.get())) {
            return false;
        }
        JavaPackage p = c.getPackage();
        while (!p.getName().equals(top.get())) {
            p = p.getParent().orElseThrow();
        }
        return p.getClassesInPackageTree().stream()
                .anyMatch(k -> !k.isInterface() && k.isAssignableTo(Claim.class));
    }

    private static DescribedPredicate<JavaClass> gfgdOutside(String... allowed) {
        return DescribedPredicate.describe("reside in gfgd outside " + String.join(", ", allowed), c -> {
            Optional<String> top = topLevelPackage(c.getPackageName());
            return top.isPresent() && !Set.of(allowed).contains(top.get());
        });
    }

    static final ArchRule NUMERIC_IS_THE_BOTTOM = noClasses()
            .that().resideInAPackage("gfgd.numeric..")
            .should().dependOnClassesThat(gfgdOutside("gfgd.numeric"))
            .because("gfgd.numeric is the bottom layer: the arithmetics depend on no other gfgd package");

    static final ArchRule OBJECTIVE_USES_ONLY_NUMERIC = noClasses()
            .that().resideInAPackage("gfgd.objective..")
            .should().dependOnClassesThat(gfgdOutside("gfgd.numeric", "gfgd.objective"))
            .because("objectives are written against the arithmetic only");

    static final ArchRule TAYLOR_USES_ONLY_NUMERIC = noClasses()
            .that().resideInAPackage("gfgd.taylor..")
            .should().dependOnClassesThat(gfgdOutside("gfgd.numeric", "gfgd.taylor"))
            .because("the Taylor tape records arithmetic operations and knows nothing else")
            .allowEmptyShould(true);

    static final ArchRule DYNAMICS_AND_CURVATURE_STAY_BELOW_CLAIMS = noClasses()
            .that().resideInAnyPackage("gfgd.dynamics..", "gfgd.curvature..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "gfgd.claims..", "gfgd.report..", "gfgd.cli..", "gfgd.bench..")
            .orShould().dependOnClassesThat(IN_A_CLAIM_PACKAGE)
            .because("solvers and spectra are library code that claims use, never the reverse");

    static final ArchRule CLAIMS_FRAMEWORK_KNOWS_NO_CLAIM = noClasses()
            .that().resideInAPackage("gfgd.claims..")
            .should().dependOnClassesThat().resideInAnyPackage("gfgd.report..", "gfgd.cli..")
            .orShould().dependOnClassesThat(IN_A_CLAIM_PACKAGE)
            .because("claims are found through META-INF/services, not named by the framework");

    static final ArchRule REPORT_KNOWS_NO_CLAIM = noClasses()
            .that().resideInAPackage("gfgd.report..")
            .should().dependOnClassesThat(IN_A_CLAIM_PACKAGE)
            .because("the report reads verdicts and evidence, whatever claim produced them");

    /** Each claim package is its own slice; every other class is left out of this rule. */
    private static final SliceAssignment CLAIM_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return inClaimPackage(c)
                    ? SliceIdentifier.of(topLevelPackage(c.getPackageName()).orElseThrow())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "claim packages";
        }
    };

    static final ArchRule CLAIM_PACKAGES_ARE_INDEPENDENT = slices()
            .assignedFrom(CLAIM_PACKAGES)
            .should().notDependOnEachOther()
            .because("a helper shared by claims gets a package of its own")
            .allowEmptyShould(true);

    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("gfgd.(*)..")
            .should().beFreeOfCycles()
            .because("the layers form a hierarchy");
}
