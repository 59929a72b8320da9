package gfgd.layering;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The main classes (src/main/java and theorems/, both in target/classes) keep the layering of
 * DESIGN.md; see {@link Layering}. A violation fails with ArchUnit's report, which names the
 * offending class, the dependency and the source line.
 */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("gfgd");

    @Test
    void numericDependsOnNoOtherGfgdPackage() {
        Layering.NUMERIC_IS_THE_BOTTOM.check(MAIN);
    }

    @Test
    void objectiveDependsOnlyOnNumeric() {
        Layering.OBJECTIVE_USES_ONLY_NUMERIC.check(MAIN);
    }

    @Test
    void taylorDependsOnlyOnNumeric() {
        Layering.TAYLOR_USES_ONLY_NUMERIC.check(MAIN);
    }

    @Test
    void dynamicsAndCurvatureNeverUseClaimsReportCliBenchOrAClaim() {
        Layering.DYNAMICS_AND_CURVATURE_STAY_BELOW_CLAIMS.check(MAIN);
    }

    @Test
    void claimsFrameworkNeverUsesReportCliOrAClaim() {
        Layering.CLAIMS_FRAMEWORK_KNOWS_NO_CLAIM.check(MAIN);
    }

    @Test
    void reportNeverUsesAClaimPackage() {
        Layering.REPORT_KNOWS_NO_CLAIM.check(MAIN);
    }

    @Test
    void claimPackagesNeverUseEachOther() {
        Layering.CLAIM_PACKAGES_ARE_INDEPENDENT.check(MAIN);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        Layering.NO_PACKAGE_CYCLES.check(MAIN);
    }

    @Test
    void theMainClassesIncludeTheClaimsUnderTheorems() {
        assertTrue(MAIN.containPackage("gfgd.euler"),
                "theorems/ compiles into target/classes and must be imported");
        assertFalse(MAIN.containPackage("gfgd.layeringfixturea"),
                "test fixtures must not be imported");
        assertTrue(MAIN.stream().filter(c -> c.getPackageName().equals("gfgd.euler"))
                .allMatch(Layering::inClaimPackage), "gfgd.euler holds EulerClaim, so it is a claim package");
    }
}
