package gfgd.layering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import gfgd.claims.Claim;
import gfgd.layeringfixturea.ClaimA;
import gfgd.layeringfixtureb.ClaimB;
import gfgd.objective.Quadratic;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each layering rule fails on a violation and names the offending class and its dependency: a rule
 * that cannot fail would guard nothing. The violations are test fixtures (gfgd.numeric and
 * gfgd.dynamics LayeringViolationFixture, the claim packages gfgd.layeringfixturea and -b), which
 * {@link LayeringTest} never sees because it imports main classes only.
 */
class LayeringRulesFailTest {

    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importClasses(
            Claim.class, ClaimA.class, ClaimB.class, Quadratic.class,
            classNamed("gfgd.numeric.LayeringViolationFixture"),
            classNamed("gfgd.dynamics.LayeringViolationFixture"));

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is a fixture of this test", e);
        }
    }

    private static String failureOf(ArchRule rule) {
        EvaluationResult result = rule.evaluate(VIOLATIONS);
        assertTrue(result.hasViolation(), () -> rule.getDescription() + " found no violation");
        return result.getFailureReport().toString();
    }

    @Test
    void numericUsingAnObjectiveIsReportedWithClassAndDependency() {
        String report = failureOf(Layering.NUMERIC_IS_THE_BOTTOM);
        assertTrue(report.contains("gfgd.numeric.LayeringViolationFixture"), report);
        assertTrue(report.contains("gfgd.objective.Quadratic"), report);
    }

    @Test
    void dynamicsUsingAClaimIsReportedWithClassAndDependency() {
        String report = failureOf(Layering.DYNAMICS_AND_CURVATURE_STAY_BELOW_CLAIMS);
        assertTrue(report.contains("gfgd.dynamics.LayeringViolationFixture"), report);
        assertTrue(report.contains("gfgd.layeringfixturea.ClaimA"), report);
    }

    @Test
    void claimPackagesUsingEachOtherAreReported() {
        String report = failureOf(Layering.CLAIM_PACKAGES_ARE_INDEPENDENT);
        assertTrue(report.contains("gfgd.layeringfixturea.ClaimA"), report);
        assertTrue(report.contains("gfgd.layeringfixtureb.ClaimB"), report);
    }

    @Test
    void aPackageCycleIsReported() {
        String report = failureOf(Layering.NO_PACKAGE_CYCLES);
        assertTrue(report.contains("layeringfixturea") && report.contains("layeringfixtureb"), report);
    }

    @Test
    void claimPackagesAreThePackagesHoldingAClaimOutsideTheLibrary() {
        assertTrue(Layering.inClaimPackage(VIOLATIONS.get(ClaimA.class)));
        assertFalse(Layering.inClaimPackage(VIOLATIONS.get(Claim.class)));
        assertFalse(Layering.inClaimPackage(VIOLATIONS.get(Quadratic.class)));
        assertEquals(Optional.of("gfgd.thm1"), Layering.topLevelPackage("gfgd.thm1.certified"));
        assertEquals(Optional.of("gfgd.numeric"), Layering.topLevelPackage("gfgd.numeric"));
        assertEquals(Optional.empty(), Layering.topLevelPackage("org.ejml"));
    }
}
